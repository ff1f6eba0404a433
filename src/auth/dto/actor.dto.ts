import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../modules/organisations/organisation-kind';
import { ROLES, type Role } from '../role';

/** Who is calling: a person, or an organisation's software through an API key. */
export class ActorDto {
  @ApiProperty({ type: 'string', enum: ['user', 'api_key', 'system'] })
  kind: 'user' | 'api_key' | 'system';

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  apiKeyId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({ type: 'string', enum: ORGANISATION_KINDS, nullable: true })
  organisationKind: OrganisationKind | null;

  @ApiProperty({ type: 'string', enum: ROLES, nullable: true })
  role: Role | null;

  @ApiProperty({ type: 'boolean' })
  isOrganisationAdmin: boolean;

  @ApiProperty({ type: 'string', example: 'Camille Martin', description: 'How the audit trail names this actor.' })
  label: string;
}
