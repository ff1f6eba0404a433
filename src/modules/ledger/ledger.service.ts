import { Injectable } from '@nestjs/common';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { LedgerScopeQuery } from './dto/ledger-scope.query';
import type { ListLedgerEntriesQuery } from './dto/list-ledger-entries.query';
import { ledgerBalances, type LedgerBalances } from './ledger-balances.rules';
import type { LedgerEntryKind } from './ledger-entry-kind';
import { LedgerRepository, type LedgerScope } from './ledger.repository';

/** Read side of the ledger: lines and balances, each computed from the lines on demand. */
@Injectable()
export class LedgerService {
  constructor(private readonly ledger: LedgerRepository) {}

  async balances(
    actor: OrganisationActor,
    query: LedgerScopeQuery,
  ): Promise<{ totals: Partial<Record<LedgerEntryKind, number>>; balances: LedgerBalances }> {
    const totals = await this.ledger.totalsByKind(scopeFor(actor, query));
    // Money is answered as integer cents (the balances' `…Cents` fields are converted at the edge, these keys are kinds).
    const totalsCents = Object.fromEntries(Object.entries(totals).map(([kind, total]) => [kind, Number(total)]));
    return { totals: totalsCents, balances: ledgerBalances(totals) };
  }

  entries(actor: OrganisationActor, query: ListLedgerEntriesQuery) {
    return this.ledger.list({ ...query, ...scopeFor(actor, query) });
  }
}

/** A funder (venue) asking for another funder's (venue's) lines is answered as if they did not exist. */
function scopeFor(actor: OrganisationActor, query: LedgerScopeQuery): LedgerScope {
  const scope: LedgerScope = {
    programmeId: query.programmeId,
    funderId: query.funderId,
    orderId: query.orderId,
    venueId: query.venueId,
    statementId: query.statementId,
  };
  if (actor.organisationKind === 'funder') {
    if (query.funderId && query.funderId !== actor.organisationId) throw new NotFoundError('Funder');
    scope.funderId = actor.organisationId;
  }
  if (actor.organisationKind === 'venue') {
    if (query.venueId && query.venueId !== actor.organisationId) throw new NotFoundError('Venue');
    scope.venueId = actor.organisationId;
  }
  return scope;
}
