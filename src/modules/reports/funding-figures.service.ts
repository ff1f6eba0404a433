import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { CommonError, NotFoundError } from '../../common/errors/common-errors';
import type { FundingFiguresQuery } from './dto/funding-figures.query';
import { exactNumber, meetsTargetPublicMinimum, ratio, redemptionRate, targetPublicShare } from './funding-report.rules';
import { FundingReportsRepository, type LiveFunnelRow, type LiveSummaryRow } from './funding-reports.repository';

/** The figures of a scope (FundingFiguresDto): counts and cents as exact numbers, ratios by the report's rules. */
export interface FundingFiguresValues {
  carnetsOrdered: number;
  vouchersOrdered: number;
  valueOrderedCents: number;
  valuePaidCents: number;
  feesPaidCents: number;
  vouchersInStock: number;
  vouchersAllocated: number;
  vouchersIssued: number;
  vouchersRedeemed: number;
  vouchersExpired: number;
  vouchersCancelled: number;
  vouchersEverIssued: number;
  redemptionRate: number | null;
  carnetsIssued: number;
  peopleReached: number;
  carnetsWithoutPersonId: number;
  carnetsTargetPublic: number;
  carnetsWithIssuanceRecord: number;
  targetPublicShare: number | null;
  targetPublicMinRateBp: number;
  targetPublicMinimumMet: boolean | null;
  venuesActive: number;
  valueRedeemedCents: number;
  valueReimbursedCents: number;
  valuePendingCents: number;
  stateShareDueCents: number;
  stateSharePaidCents: number;
  creditNoteCents: number;
}

export interface FundingFiguresView {
  programmeId: string;
  programmeLabel: string;
  funderId: string | null;
  departement: string | null;
  scopeLabel: string;
  asOf: Date;
  totals: FundingFiguresValues;
  funders: (FundingFiguresValues & { funderId: string; name: string; siren: string; departement: string })[];
  departements: (FundingFiguresValues & { departement: string; label: string })[];
  months: FundingFiguresMonthView[];
}

export interface FundingFiguresMonthView {
  month: string;
  carnetsOrdered: number;
  carnetsAllocated: number;
  carnetsIssued: number;
  carnetsFirstUse: number;
  carnetsAllUsed: number;
  firstUseRate: number | null;
  allUsedRate: number | null;
  vouchersIssued: number;
  vouchersRedeemed: number;
}

/**
 * The dashboards' figures (the funder's territory, ANCT's national view), read live with the funding
 * report's own queries and rules, so that they equal a report of the same scope made at the same moment.
 */
@Injectable()
export class FundingFiguresService {
  constructor(private readonly reports: FundingReportsRepository) {}

  async figures(actor: Actor, query: FundingFiguresQuery): Promise<FundingFiguresView> {
    let funderId = query.funderId ?? null;
    const departement = query.departement ?? null;
    if (actor.organisationKind === 'funder') {
      // A funder's figures are its own territory's: another funder is answered like a missing one.
      if (funderId !== null && funderId !== actor.organisationId) throw new NotFoundError('Funder');
      funderId = actor.organisationId;
    }
    if (funderId !== null && departement !== null) {
      throw new CommonError('VALIDATION_FAILED', 'Choose a funder or a département, not both.', {
        fields: { departement: ['not with funderId'] },
      });
    }
    if (!(await this.reports.isProgrammeVisibleTo(actor, query.programmeId))) throw new NotFoundError('Programme');
    if (funderId !== null && !(await this.reports.isFunder(funderId))) throw new NotFoundError('Funder');

    const [names, live] = await Promise.all([
      this.reports.scopeNames(query.programmeId, funderId),
      this.reports.readFigures({ programmeId: query.programmeId, funderId, departement }),
    ]);
    const funders = live.summary.filter((row) => row.level === 'funder');
    // With a funder, the query answers its line alone; otherwise the first line is the whole scope.
    const totals = funderId !== null ? funders[0] : live.summary.find((row) => row.level === 'programme');
    if (!totals) throw new NotFoundError('Funder');
    const programmeLabel = names.programme ?? query.programmeId;
    return {
      programmeId: query.programmeId,
      programmeLabel,
      funderId,
      departement,
      scopeLabel: names.funder ?? (departement !== null ? `Département ${departement}` : programmeLabel),
      asOf: live.asOf,
      totals: toValues(totals),
      funders: funders.map((row) => ({
        funderId: row.scope_key,
        name: row.label,
        siren: row.code,
        departement: row.departement,
        ...toValues(row),
      })),
      departements:
        funderId !== null
          ? []
          : live.summary
              .filter((row) => row.level === 'departement')
              .map((row) => ({ departement: row.scope_key, label: row.label, ...toValues(row) })),
      months: live.funnel.map(toMonth),
    };
  }
}

function toValues(row: LiveSummaryRow): FundingFiguresValues {
  const n = exactNumber;
  return {
    carnetsOrdered: n(row.carnets_ordered),
    vouchersOrdered: n(row.vouchers_ordered),
    valueOrderedCents: n(row.value_ordered),
    valuePaidCents: n(row.value_paid),
    feesPaidCents: n(row.fees_paid),
    vouchersInStock: n(row.in_stock),
    vouchersAllocated: n(row.allocated),
    vouchersIssued: n(row.issued),
    vouchersRedeemed: n(row.redeemed),
    vouchersExpired: n(row.expired),
    vouchersCancelled: n(row.cancelled),
    vouchersEverIssued: n(row.ever_issued),
    redemptionRate: redemptionRate(n(row.redeemed), n(row.ever_issued)),
    carnetsIssued: n(row.carnets_issued),
    peopleReached: n(row.people),
    carnetsWithoutPersonId: n(row.without_person),
    carnetsTargetPublic: n(row.target_public),
    carnetsWithIssuanceRecord: n(row.with_record),
    targetPublicShare: targetPublicShare(n(row.target_public), n(row.with_record)),
    targetPublicMinRateBp: row.target_public_min_rate_bp,
    targetPublicMinimumMet: meetsTargetPublicMinimum(n(row.target_public), n(row.with_record), row.target_public_min_rate_bp),
    venuesActive: n(row.venues_active),
    valueRedeemedCents: n(row.value_redeemed),
    valueReimbursedCents: n(row.value_reimbursed),
    valuePendingCents: n(row.value_pending),
    stateShareDueCents: n(row.state_share_due),
    stateSharePaidCents: n(row.state_share_paid),
    creditNoteCents: n(row.credit_notes),
  };
}

function toMonth(row: LiveFunnelRow): FundingFiguresMonthView {
  const issued = exactNumber(row.carnets_issued);
  const firstUse = exactNumber(row.carnets_first_use);
  const allUsed = exactNumber(row.carnets_all_used);
  return {
    month: row.month_text,
    carnetsOrdered: exactNumber(row.carnets_ordered),
    carnetsAllocated: exactNumber(row.carnets_allocated),
    carnetsIssued: issued,
    carnetsFirstUse: firstUse,
    carnetsAllUsed: allUsed,
    firstUseRate: ratio(firstUse, issued),
    allUsedRate: ratio(allUsed, issued),
    vouchersIssued: exactNumber(row.vouchers_issued),
    vouchersRedeemed: exactNumber(row.vouchers_redeemed),
  };
}
