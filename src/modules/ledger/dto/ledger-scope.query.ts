import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** Filters of the ledger views; funders and venues are always limited to their own lines. */
export class LedgerScopeQuery {
  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ type: 'string', description: 'ANCT only; a funder always sees its own lines.' })
  @IsOptional()
  @IsUUID()
  funderId?: string;

  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ type: 'string', description: 'ANCT only; a venue always sees its own lines.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  statementId?: string;
}
