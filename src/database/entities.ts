import { AuditEventEntity } from '../audit/audit-event.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { PrescriberFunderEntity } from '../modules/organisations/prescriber-funder.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity of the schema; the drift check compares exactly this list with the migrations. */
export const ALL_ENTITIES = [
  OrganisationEntity,
  PrescriberFunderEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiKeyEntity,
  AuditEventEntity,
];
