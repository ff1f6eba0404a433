import { Alert } from '@codegouvfr/react-dsfr/Alert';

export interface Notice {
  severity: 'success' | 'error';
  text: string;
}

/** What an action answered, announced to screen readers (the live region is always in the page). */
export function NoticeArea({ notice }: { notice: Notice | null }) {
  return (
    <div role="status" aria-live="polite">
      {notice && <Alert className="fr-mb-2w" severity={notice.severity} small description={notice.text} />}
    </div>
  );
}
