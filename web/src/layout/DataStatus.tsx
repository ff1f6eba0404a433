import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';
import type { ApiData } from './useApiData';

/** Renders the data once loaded; says so while loading or when the API did not answer. */
export function DataStatus<T>({ state, children }: { state: ApiData<T>; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <p role="status">Chargement…</p>;
  if (state.status === 'error')
    return <Alert severity="error" small description="Les informations n'ont pas pu être chargées. Rechargez la page." />;
  return <>{children(state.data)}</>;
}
