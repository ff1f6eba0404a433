import type { OrganisationKind } from '../modules/organisations/organisation-kind';
import type { Role } from './role';

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
