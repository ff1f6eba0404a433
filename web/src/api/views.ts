/**
 * The fields the pages read from answers whose shape the OpenAPI does not describe yet (the contract
 * work documents every response; once schema.d.ts carries them, these give way to the generated types).
 */
export interface OrganisationView {
  id: string;
  kind: 'anct' | 'funder' | 'prescriber' | 'venue';
  name: string;
  siren: string | null;
  siret: string | null;
  city: string | null;
  departementCode: string | null;
  active: boolean;
}

export interface ListView<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
