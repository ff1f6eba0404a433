import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Filters of the ledger views; funders and venues are always limited to their own lines. */
export class LedgerScopeQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ description: 'ANCT only; a funder always sees its own lines.' })
  @IsOptional()
  @IsUUID()
  funderId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ description: 'ANCT only; a venue always sees its own lines.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  statementId?: string;
}
