export const ORGANISATION_KINDS = ['anct', 'funder', 'prescriber', 'venue'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Kinds of collectivité that co-finance a programme. */
export const FUNDER_KINDS = ['region', 'departement', 'epci', 'metropole', 'commune', 'syndicat_mixte'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export const VENUE_QUALIFICATION_STATUSES = ['pending', 'qualified', 'refused', 'suspended', 'withdrawn'] as const;
export type VenueQualificationStatus = (typeof VENUE_QUALIFICATION_STATUSES)[number];
