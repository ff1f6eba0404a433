import { useEffect } from 'react';

/** Each page says what it is in the tab's title (RGAA 8.6): "<page> — Pass numérique". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Pass numérique`;
  }, [title]);
}
