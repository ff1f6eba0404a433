import { offsetPage } from '../../database/offset-page';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { setLocalAnalyticalSettings } from '../../database/analytical-settings';
import { streamQuery } from '../../database/query-stream';
import { TransactionRunner } from '../../database/transaction-runner';
import type { FundingReportLevel } from './funding-report-row.entity';
import type { FunnelRow, SummaryRow } from './funding-report.columns';
import { FundingReportEntity } from './funding-report.entity';
import { FIGURES_FUNNEL_SQL, FIGURES_SUMMARY_SQL, INSERT_FUNNEL_SQL, INSERT_SUMMARY_SQL } from './funding-report.sql';

/** `column AS "property"` for every column of a row table, so streamed rows have the entity's shape. */
function selectList(columns: Record<string, string>): string {
  return Object.entries(columns)
    .map(([property, column]) => `${column} AS "${property}"`)
    .join(', ');
}

const SUMMARY_SELECT = selectList({
  reportId: 'report_id',
  position: 'position',
  level: 'level',
  code: 'code',
  label: 'label',
  carnetsOrdered: 'carnets_ordered',
  vouchersOrdered: 'vouchers_ordered',
  valueOrderedCents: 'value_ordered_cents',
  valuePaidCents: 'value_paid_cents',
  feesPaidCents: 'fees_paid_cents',
  vouchersInStock: 'vouchers_in_stock',
  vouchersAllocated: 'vouchers_allocated',
  vouchersIssued: 'vouchers_issued',
  vouchersRedeemed: 'vouchers_redeemed',
  vouchersExpired: 'vouchers_expired',
  vouchersCancelled: 'vouchers_cancelled',
  vouchersEverIssued: 'vouchers_ever_issued',
  carnetsIssued: 'carnets_issued',
  carnetsTargetPublic: 'carnets_target_public',
  carnetsWithIssuanceRecord: 'carnets_with_issuance_record',
  peopleReached: 'people_reached',
  carnetsWithoutPersonId: 'carnets_without_person_id',
  targetPublicMinRateBp: 'target_public_min_rate_bp',
  venuesActive: 'venues_active',
  valueRedeemedCents: 'value_redeemed_cents',
  valueReimbursedCents: 'value_reimbursed_cents',
  valuePendingCents: 'value_pending_cents',
  stateShareDueCents: 'state_share_due_cents',
  stateSharePaidCents: 'state_share_paid_cents',
  creditNoteCents: 'credit_note_cents',
});

const FUNNEL_SELECT = selectList({
  reportId: 'report_id',
  month: `to_char(month, 'YYYY-MM-DD')`,
  carnetsOrdered: 'carnets_ordered',
  carnetsAllocated: 'carnets_allocated',
  carnetsIssued: 'carnets_issued',
  carnetsFirstUse: 'carnets_first_use',
  carnetsAllUsed: 'carnets_all_used',
  vouchersIssued: 'vouchers_issued',
  vouchersRedeemed: 'vouchers_redeemed',
});

/** A programme, optionally narrowed to one funder or to the funders of one département. */
export interface FiguresScope {
  programmeId: string;
  funderId: string | null;
  departement: string | null;
}

/** A row of SUMMARY_SQL, named as the query names its columns. */
export interface LiveSummaryRow {
  level: FundingReportLevel;
  code: string;
  label: string;
  /** The funder's id, the département's code, or empty for the scope's line. */
  scope_key: string;
  departement: string;
  carnets_ordered: string;
  vouchers_ordered: string;
  value_ordered: string;
  value_paid: string;
  fees_paid: string;
  in_stock: string;
  allocated: string;
  issued: string;
  redeemed: string;
  expired: string;
  cancelled: string;
  ever_issued: string;
  carnets_issued: string;
  target_public: string;
  with_record: string;
  people: string;
  without_person: string;
  target_public_min_rate_bp: number;
  venues_active: string;
  value_redeemed: string;
  value_reimbursed: string;
  value_pending: string;
  state_share_due: string;
  state_share_paid: string;
  credit_notes: string;
}

/** A row of FUNNEL_SQL, with its month as `YYYY-MM`. */
export interface LiveFunnelRow {
  month_text: string;
  carnets_ordered: string;
  carnets_allocated: string;
  carnets_issued: string;
  carnets_first_use: string;
  carnets_all_used: string;
  vouchers_issued: string;
  vouchers_redeemed: string;
}

export interface LiveFigures {
  asOf: Date;
  summary: LiveSummaryRow[];
  funnel: LiveFunnelRow[];
}

@Injectable()
export class FundingReportsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async insert(
    values: Pick<FundingReportEntity, 'programmeId' | 'funderId' | 'requestedByOrganisationId' | 'requestedByUserId'>,
  ): Promise<FundingReportEntity> {
    const repository = this.dataSource.getRepository(FundingReportEntity);
    return repository.save(repository.create({ ...values, status: 'queued' }));
  }

  findById(id: string): Promise<FundingReportEntity | null> {
    return this.dataSource.manager.findOneBy(FundingReportEntity, { id });
  }

  /** ANCT sees every report; a funder only the reports of its own scope. */
  findVisibleTo(actor: Actor, id: string): Promise<FundingReportEntity | null> {
    const query = this.dataSource.manager.createQueryBuilder(FundingReportEntity, 'r').where('r.id = :id', { id });
    if (actor.organisationKind !== 'anct') query.andWhere('r.funder_id = :me', { me: actor.organisationId });
    return query.getOne();
  }

  async listVisibleTo(actor: Actor, filter: { programmeId?: string; limit: number; offset: number }) {
    const query = this.dataSource.manager
      .createQueryBuilder(FundingReportEntity, 'r')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (filter.programmeId) query.andWhere('r.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (actor.organisationKind !== 'anct') query.andWhere('r.funder_id = :me', { me: actor.organisationId });
    return offsetPage(query, filter);
  }

  async scopeNames(programmeId: string, funderId: string | null): Promise<{ programme: string | null; funder: string | null }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT name || ' (' || year || ')' FROM programmes WHERE id = $1) AS programme,
              (SELECT name FROM organisations WHERE id = $2 AND kind = 'funder') AS funder`,
      [programmeId, funderId],
    );
    return row;
  }

  /** Reports not finished yet, oldest first: each must have its job (see FundingReportsProcessor.recoverJobs). */
  async findPendingIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM funding_reports WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  /** Claims a queued (or retried) report; null when it is already ready. */
  async markRunning(id: string): Promise<FundingReportEntity | null> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(FundingReportEntity)
      .set({ status: 'running', startedAt: () => 'now()', error: null })
      .where('id = :id AND status <> :ready', { id, ready: 'ready' })
      .execute();
    return result.affected ? this.findById(id) : null;
  }

  /**
   * Computes every figure of the report in the database, in one snapshot (REPEATABLE READ), replacing
   * those of an interrupted attempt. Nothing but row counts leaves PostgreSQL.
   */
  async computeFigures(report: FundingReportEntity): Promise<Date> {
    return this.transactions.run(async (manager) => {
      for (const setting of setLocalAnalyticalSettings()) await manager.query(setting);
      const [{ as_of: asOf }] = await manager.query(`SELECT now() AS as_of`);
      await manager.query(`DELETE FROM funding_report_rows WHERE report_id = $1`, [report.id]);
      await manager.query(`DELETE FROM funding_report_funnel_rows WHERE report_id = $1`, [report.id]);
      // A report covers a programme, or one funder of it: every département.
      const parameters = [report.programmeId, report.funderId, null, report.id];
      await manager.query(INSERT_SUMMARY_SQL, parameters);
      await manager.query(INSERT_FUNNEL_SQL, parameters);
      await manager.update(FundingReportEntity, { id: report.id }, { asOf });
      return asOf as Date;
    }, 'REPEATABLE READ');
  }

  /**
   * The figures of a scope as they are now, from the report's own queries (one definition of each
   * figure), in one snapshot as a report is computed. Counts and cents arrive as text (bigint).
   */
  async readFigures(scope: FiguresScope): Promise<LiveFigures> {
    return this.transactions.run(async (manager) => {
      for (const setting of setLocalAnalyticalSettings()) await manager.query(setting);
      const [{ as_of: asOf }] = await manager.query(`SELECT now() AS as_of`);
      const parameters = [scope.programmeId, scope.funderId, scope.departement];
      const summary: LiveSummaryRow[] = await manager.query(FIGURES_SUMMARY_SQL, parameters);
      const funnel: LiveFunnelRow[] = await manager.query(FIGURES_FUNNEL_SQL, parameters);
      return { asOf: asOf as Date, summary, funnel };
    }, 'REPEATABLE READ');
  }

  streamSummary(reportId: string): AsyncGenerator<SummaryRow> {
    return streamQuery<SummaryRow>(
      this.dataSource,
      `SELECT ${SUMMARY_SELECT} FROM funding_report_rows WHERE report_id = $1 ORDER BY position`,
      [reportId],
    );
  }

  streamFunnel(reportId: string): AsyncGenerator<FunnelRow> {
    return streamQuery<FunnelRow>(
      this.dataSource,
      `SELECT ${FUNNEL_SELECT} FROM funding_report_funnel_rows WHERE report_id = $1 ORDER BY month`,
      [reportId],
    );
  }

  async markReady(id: string, paths: Pick<FundingReportEntity, 'summaryCsvPath' | 'funnelCsvPath' | 'xlsxPath'>): Promise<void> {
    await this.dataSource.manager.update(FundingReportEntity, { id }, { ...paths, status: 'ready', finishedAt: () => 'now()' });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.manager.update(FundingReportEntity, { id }, { status: 'failed', error, finishedAt: () => 'now()' });
  }

  /** ANCT sees every programme; a funder only those it is enrolled in. */
  isProgrammeVisibleTo(actor: Actor, programmeId: string): Promise<boolean> {
    if (actor.organisationKind !== 'funder') return this.programmeExists(programmeId);
    // A funder actor always acts for its own funder organisation.
    if (!actor.organisationId) throw new Error('A funder actor without organisation.');
    return this.isEnrolled(programmeId, actor.organisationId);
  }

  async programmeExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM programmes WHERE id = $1`, [id])).length > 0;
  }

  async isEnrolled(programmeId: string, funderId: string): Promise<boolean> {
    return (
      (
        await this.dataSource.query(`SELECT 1 FROM programme_enrolments WHERE programme_id = $1 AND funder_id = $2`, [
          programmeId,
          funderId,
        ])
      ).length > 0
    );
  }

  async isFunder(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1 AND kind = 'funder'`, [id])).length > 0;
  }
}
