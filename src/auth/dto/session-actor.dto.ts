import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../role';

/** Who the browser session belongs to: what the web application needs to pick the role's space. */
export class SessionActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  kind: 'user' | 'api_key' | 'system';

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  userId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  organisationId: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ['anct', 'funder', 'prescriber', 'venue'] })
  organisationKind: 'anct' | 'funder' | 'prescriber' | 'venue' | null;

  @ApiProperty({ type: String, nullable: true, enum: ROLES })
  role: Role | null;

  @ApiProperty()
  isOrganisationAdmin: boolean;

  @ApiProperty({ description: "The person's e-mail address, or the API key's label." })
  label: string;
}
