import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../ledger-entry-kind';
import { LedgerScopeQuery } from './ledger-scope.query';

/** Ledger lines within a scope, newest first. */
export class ListLedgerEntriesQuery extends IntersectionType(LedgerScopeQuery, PaginationQuery) {
  @ApiPropertyOptional({ type: 'string', enum: LEDGER_ENTRY_KINDS, description: 'e.g. expired_value_credit_note for the credit notes.' })
  @IsOptional()
  @IsIn(LEDGER_ENTRY_KINDS)
  kind?: LedgerEntryKind;
}
