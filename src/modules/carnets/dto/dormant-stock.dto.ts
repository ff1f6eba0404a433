import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageOf } from '../../../common/http/page.dto';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { DORMANT_RUNS_SHOWN, DORMANT_STOCK_MAX_DAYS } from '../dormant-stock.rules';
import { CarnetNumberRunDto } from './carnet-stock.dto';

export class DormantStockQuery extends PaginationQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: DORMANT_STOCK_MAX_DAYS,
    description: 'Carnets allocated more than this many days ago and still unissued (default DORMANT_STOCK_DAYS, 90).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DORMANT_STOCK_MAX_DAYS)
  olderThanDays?: number;
}

/** A prescriber structure's dormant carnets, and what it handed out over the same window. */
export class DormantStructureDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  prescriberId: string;

  @ApiProperty({ type: 'string', example: 'CCAS de Villeurbanne' })
  prescriberName: string;

  @ApiProperty({ type: 'integer', example: 40, description: 'Carnets allocated before the cut-off and still unissued.' })
  dormantCarnets: number;

  @ApiProperty({ type: 'integer', example: 400 })
  dormantVouchers: number;

  @ApiProperty({ type: 'integer', example: 400000, description: 'Face value of the chèques of those carnets still usable.' })
  dormantValueCents: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  oldestAllocatedAt: Date;

  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'Carnets the structure handed out since the cut-off (all its carnets of this funder).',
  })
  handedOutSinceCutoff: number;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Its last hand-out of a carnet of this funder; null if none.',
  })
  lastHandedOutAt: Date | null;

  @ApiProperty({
    type: () => [CarnetNumberRunDto],
    description: `The dormant carnets as runs of consecutive numbers (the first ${DORMANT_RUNS_SHOWN}).`,
  })
  runs: CarnetNumberRunDto[];

  @ApiProperty({ type: 'integer', example: 1, description: 'How many runs there are in all.' })
  runCount: number;
}

export class DormantStockPageDto extends PageOf(DormantStructureDto) {
  @ApiProperty({ type: 'integer', example: 90, description: 'The window applied, in days.' })
  olderThanDays: number;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    description: 'Carnets allocated before this instant and still unissued are dormant.',
  })
  allocatedBefore: Date;
}
