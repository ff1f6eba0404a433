import { ApiProperty } from '@nestjs/swagger';

export class CreatedVenueInvitationDto {
  @ApiProperty({ description: 'The first administrator of the venue (id, email, displayName, role, …).' })
  user: object;

  @ApiProperty({ description: 'One-time token to exchange for a password at POST /auth/accept-invitation.' })
  invitationToken: string;

  @ApiProperty()
  invitationUrl: string;

  @ApiProperty()
  invitationExpiresAt: Date;
}

export class CreatedVenueDto {
  @ApiProperty({ description: 'The venue organisation, pending qualification.' })
  organisation: object;

  @ApiProperty({ type: CreatedVenueInvitationDto })
  adminInvitation: CreatedVenueInvitationDto;
}
