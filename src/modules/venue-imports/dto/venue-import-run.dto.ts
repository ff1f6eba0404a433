import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VENUE_IMPORT_STATUSES } from '../venue-import-run.entity';

export class RejectedLineDto {
  @ApiProperty({ example: 12, description: 'Line in the file (CSV: the header is line 1; JSON: the first element is 1).' })
  line: number;

  @ApiPropertyOptional({ example: 'structure-12', nullable: true })
  id: string | null;

  @ApiProperty({ example: ['code_postal : « 6900 » doit avoir 5 chiffres'], type: [String] })
  reasons: string[];
}

export class VenueImportRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: VENUE_IMPORT_STATUSES })
  status: string;

  @ApiProperty({ enum: ['csv', 'json'] })
  format: string;

  @ApiPropertyOptional({ nullable: true })
  fileName: string | null;

  @ApiProperty({ description: 'Lines of places in the file.' })
  totalLines: number;

  @ApiProperty({ description: 'Lines read so far (progress).' })
  processedLines: number;

  @ApiProperty()
  createdCount: number;

  @ApiProperty()
  updatedCount: number;

  @ApiProperty()
  unchangedCount: number;

  @ApiProperty({ type: [RejectedLineDto] })
  rejectedLines: RejectedLineDto[];

  @ApiPropertyOptional({ nullable: true })
  error: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  requestedByUserId: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiPropertyOptional({ nullable: true })
  startedAt: Date | null;

  @ApiPropertyOptional({ nullable: true })
  finishedAt: Date | null;
}

export class VenueImportRunPageDto {
  @ApiProperty({ type: [VenueImportRunDto] })
  items: VenueImportRunDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
