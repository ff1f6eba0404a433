import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../ledger-entry-kind';
import { LedgerScopeQuery } from './ledger-scope.query';

export class ListLedgerEntriesQuery extends LedgerScopeQuery {
  @ApiPropertyOptional({ enum: LEDGER_ENTRY_KINDS, description: 'e.g. expired_value_credit_note for the credit notes.' })
  @IsOptional()
  @IsIn(LEDGER_ENTRY_KINDS)
  kind?: LedgerEntryKind;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (`nextCursor`).' })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
}
