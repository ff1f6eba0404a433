import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../auth/role';
import { USER_STATUSES, type UserStatus } from '../user-status';

export class UserDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  organisationId: string;

  @ApiProperty({ type: 'string', format: 'email' })
  email: string;

  @ApiProperty({ type: 'string' })
  displayName: string;

  @ApiProperty({ type: 'string', enum: ROLES })
  role: Role;

  @ApiProperty({ type: 'boolean' })
  isOrganisationAdmin: boolean;

  @ApiProperty({ type: 'string', enum: USER_STATUSES })
  status: UserStatus;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'While the invitation is pending (status invited): when its link was last e-mailed.',
  })
  invitationSentAt: Date | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'While the invitation is pending: until when its link works (past: expired, to re-send or cancel).',
  })
  invitationExpiresAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastLoginAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;
}

/** For a signed-in inviter: the link is e-mailed to the invited person and answered to the inviter too; it works once, for 7 days. */
export class InvitationDto {
  @ApiProperty({ type: () => UserDto })
  user: UserDto;

  @ApiProperty({ type: 'string', description: 'To send to POST /auth/accept-invitation with a password.' })
  invitationToken: string;

  @ApiProperty({ type: 'string', example: 'https://pass.example.fr/invitation#token=…' })
  invitationUrl: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  invitationExpiresAt: Date;
}
