import { api } from '../api/client';
import { useApiData } from '../layout/useApiData';

/** The organisations of one kind by id, to name the funders and venues that answers only give as ids. */
export function useOrganisationNames(kind: 'funder' | 'prescriber' | 'venue') {
  return useApiData(async () => {
    const answer = await api.GET('/api/v1/organisations', { params: { query: { kind, limit: 200, offset: 0 } } });
    if (!answer.data) throw answer.error;
    return answer.data.items;
  }, [kind]);
}

export function nameIn(list: { id: string; name: string }[] | undefined, id: string): string {
  return list?.find((organisation) => organisation.id === id)?.name ?? id.slice(0, 8);
}
