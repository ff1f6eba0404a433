export const ORGANISATION_KINDS = ['anct', 'funder', 'prescriber', 'venue'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Kinds of collectivité that co-finance a programme. */
export const FUNDER_KINDS = ['region', 'departement', 'epci', 'metropole', 'commune', 'syndicat_mixte'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];
