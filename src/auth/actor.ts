import type { OrganisationKind } from '../modules/organisations/organisation-kind';
import { ROLE_BY_ORGANISATION_KIND, type Role } from './role';

/** Who is acting: a person logged in, an organisation's software through an API key, or a background job. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  userId: string | null;
  apiKeyId: string | null;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
  role: Role | null;
  isOrganisationAdmin: boolean;
  label: string;
}

/**
 * The actor of an authenticated request (a person or an API key): always of one organisation, with its role.
 * Role-guarded endpoints and the services they call take this type, so no code has to assert that the
 * organisation is there; only background jobs act as a bare `Actor` (see systemActor).
 */
export interface OrganisationActor extends Actor {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
}

export function isOrganisationActor(actor: Actor): actor is OrganisationActor {
  return actor.organisationId !== null && actor.organisationKind !== null && actor.role !== null;
}

export function systemActor(label: string): Actor {
  return {
    kind: 'system',
    userId: null,
    apiKeyId: null,
    organisationId: null,
    organisationKind: null,
    role: null,
    isOrganisationAdmin: false,
    label,
  };
}

/** A script or benchmark acting on behalf of an organisation, with no person behind it (audited under `label`). */
export function systemActorFor(
  organisationKind: OrganisationKind,
  organisationId: string,
  label: string,
  isOrganisationAdmin?: boolean,
): OrganisationActor;
export function systemActorFor(
  organisationKind: OrganisationKind,
  organisationId: null,
  label: string,
  isOrganisationAdmin?: boolean,
): Actor;
export function systemActorFor(
  organisationKind: OrganisationKind,
  organisationId: string | null,
  label: string,
  isOrganisationAdmin = false,
): Actor {
  return {
    ...systemActor(label),
    organisationId,
    organisationKind,
    role: ROLE_BY_ORGANISATION_KIND[organisationKind],
    isOrganisationAdmin,
  };
}
