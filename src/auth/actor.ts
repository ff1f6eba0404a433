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

/** A script or job acting on behalf of an organisation, with no person behind it (audited under `label`). */
export function systemActorFor(organisationKind: OrganisationKind, organisationId: string | null, label: string, isOrganisationAdmin = false): Actor {
  return {
    ...systemActor(label),
    organisationId,
    organisationKind,
    role: ROLE_BY_ORGANISATION_KIND[organisationKind],
    isOrganisationAdmin,
  };
}
