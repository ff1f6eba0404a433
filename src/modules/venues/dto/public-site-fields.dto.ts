import { ApiProperty } from '@nestjs/swagger';

/**
 * What a site shows to anyone, declared once for the public search (PublicVenueSiteDto) and the
 * venue's own view (VenueSiteDto). Every field here is public: a field only the venue may read
 * belongs in VenueSiteDto.
 */
export class PublicSiteFieldsDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'string', example: 'Médiathèque de la Part-Dieu' })
  name: string;

  @ApiProperty({ type: 'string' })
  addressLine: string;

  @ApiProperty({ type: 'string', nullable: true })
  addressComplement: string | null;

  @ApiProperty({ type: 'string', example: '69003' })
  postalCode: string;

  @ApiProperty({ type: 'string', example: 'Lyon' })
  city: string;

  @ApiProperty({ type: 'string', example: '69383' })
  communeInseeCode: string;

  @ApiProperty({ type: 'string', example: '69' })
  departementCode: string;

  @ApiProperty({ type: 'number', nullable: true })
  latitude: number | null;

  @ApiProperty({ type: 'number', nullable: true })
  longitude: number | null;

  @ApiProperty({ type: [String] })
  publics: string[];

  @ApiProperty({ type: [String] })
  specificSupport: string[];

  @ApiProperty({ type: [String] })
  fees: string[];

  @ApiProperty({ type: [String] })
  accessModes: string[];

  @ApiProperty({ type: [String] })
  supportModes: string[];

  @ApiProperty({ type: 'string', nullable: true })
  phone: string | null;

  @ApiProperty({ type: [String] })
  emails: string[];

  @ApiProperty({ type: [String] })
  websites: string[];

  @ApiProperty({ type: 'string', nullable: true })
  appointmentUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  acceslibreUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  accessibilityNotes: string | null;

  @ApiProperty({ type: 'boolean', description: 'Takes Pass numérique chèques.' })
  acceptsPassNumerique: boolean;
}
