import { ApiProperty } from '@nestjs/swagger';
import { InvitationDto } from '../../users/dto/user.dto';
import {
  FUNDER_KINDS,
  ORGANISATION_KINDS,
  VENUE_QUALIFICATION_STATUSES,
  type FunderKind,
  type OrganisationKind,
  type VenueQualificationStatus,
} from '../organisation-kind';

/** ANCT, a funder, a prescriber structure or a venue. */
export class OrganisationDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', enum: ORGANISATION_KINDS })
  kind: OrganisationKind;

  @ApiProperty({ type: 'string', example: 'Département du Rhône' })
  name: string;

  @ApiProperty({ type: 'string', nullable: true, example: '226900017' })
  siren: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '22690001700016' })
  siret: string | null;

  @ApiProperty({ type: 'string', enum: FUNDER_KINDS, nullable: true })
  funderKind: FunderKind | null;

  @ApiProperty({ type: 'string', nullable: true, example: '69' })
  departementCode: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '69123' })
  communeInseeCode: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  addressLine: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  postalCode: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;

  @ApiProperty({ type: 'boolean' })
  active: boolean;

  @ApiProperty({ type: 'string', enum: VENUE_QUALIFICATION_STATUSES, nullable: true, description: 'Venues only.' })
  qualificationStatus: VenueQualificationStatus | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  qualificationChangedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;
}

export class CreatedOrganisationDto {
  @ApiProperty({ type: () => OrganisationDto })
  organisation: OrganisationDto;

  @ApiProperty({
    type: () => InvitationDto,
    nullable: true,
    description: "Its first administrator's invitation; null when an existing structure was linked.",
  })
  adminInvitation: InvitationDto | null;
}
