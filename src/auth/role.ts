import type { OrganisationKind } from '../modules/organisations/organisation-kind';

export const ROLES = ['anct_admin', 'funder_manager', 'prescriber_agent', 'venue_agent'] as const;
export type Role = (typeof ROLES)[number];

/** A user's role follows from the kind of organisation they belong to. */
export const ROLE_BY_ORGANISATION_KIND: Record<OrganisationKind, Role> = {
  anct: 'anct_admin',
  funder: 'funder_manager',
  prescriber: 'prescriber_agent',
  venue: 'venue_agent',
};
