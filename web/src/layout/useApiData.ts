import { useEffect, useState } from 'react';

export type ApiData<T> = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: T };

/**
 * Loads a page's data once from the API client; `load` returns the data or throws. The component
 * renders each of the three states (an expired session has already sent the browser to the login page).
 */
export function useApiData<T>(load: () => Promise<T>, dependencies: readonly unknown[]): ApiData<T> {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    load().then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      () => !cancelled && setState({ status: 'error' }),
    );
    return () => {
      cancelled = true;
    };
  }, dependencies);
  return state;
}

/** The body of an answer the contract documents; an error answer throws (useApiData shows the error state). */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (!answer.response.ok || answer.data === undefined) throw answer.error ?? new Error(`HTTP ${answer.response.status}`);
  return answer.data;
}

/**
 * Unwraps an openapi-fetch answer whose body the OpenAPI does not describe yet: the page states the
 * fields it reads (api/views.ts); an error answer throws, which useApiData turns into the error state.
 * Once the contract documents the response, `answer.data` carries the generated type instead.
 */
export function undocumentedDataOf<T>(answer: { data?: unknown; error?: unknown; response: Response }): T {
  if (!answer.response.ok) throw answer.error ?? new Error(`HTTP ${answer.response.status}`);
  return answer.data as T;
}
