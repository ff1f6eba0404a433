import type { Page } from '../../common/http/pagination.query';
import { offsetPage } from '../../database/offset-page';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { streamQuery } from '../../database/query-stream';
import { ReimbursementStatementEntity } from './reimbursement-statement.entity';
import type { StatementStatus } from './statement-status';

/** Start of the Paris day after `$n` (a date): scans before it belong to a period ending on `$n`. */
const startOfParisDayAfter = (parameter: string) => `((${parameter}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`;

export interface ClaimResult {
  count: number;
  totalCents: string;
  /** Paris day of the earliest scan claimed, null when nothing was claimed. */
  firstDay: string | null;
}

export interface StatementHeader {
  statement: ReimbursementStatementEntity;
  venueName: string;
  venueSiret: string | null;
  venueAddress: string | null;
  venuePostalCode: string | null;
  venueCity: string | null;
}

export interface StatementLine {
  scannedAt: Date;
  serial: string;
  serviceCategory: string;
  funderName: string;
  orderNumber: string;
  valueCents: number;
}

export interface FunderSubtotal {
  funderName: string;
  count: number;
  totalCents: string;
}

export interface PaymentSplit {
  statementId: string;
  venueId: string;
  orderId: string;
  funderId: string;
  programmeId: string;
  amountCents: string;
}

@Injectable()
export class StatementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Venues with redemptions a run ending on `periodEnd` would put in a statement. */
  async venuesWithUnclaimedRedemptions(periodEnd: string): Promise<string[]> {
    const rows: { venue_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT venue_id FROM redemptions
       WHERE statement_id IS NULL AND cancelled_at IS NULL
         AND scanned_at < ${startOfParisDayAfter('$1')} AND recorded_at < ${startOfParisDayAfter('$1')}
       ORDER BY venue_id`,
      [periodEnd],
    );
    return rows.map((row) => row.venue_id);
  }

  /**
   * Puts every unclaimed, active redemption of the venue up to the end of `periodEnd` into the
   * statement. The `statement_id IS NULL` condition is re-checked by PostgreSQL on rows another run
   * claimed meanwhile (it waits for that run's lock), so a redemption lands in exactly one statement.
   */
  async claimForVenue(manager: EntityManager, statementId: string, venueId: string, periodEnd: string): Promise<ClaimResult> {
    const [row] = await manager.query(
      `WITH claimed AS (
         UPDATE redemptions SET statement_id = $1
         WHERE venue_id = $2 AND statement_id IS NULL AND cancelled_at IS NULL
           AND scanned_at < ${startOfParisDayAfter('$3')} AND recorded_at < ${startOfParisDayAfter('$3')}
         RETURNING value_cents, scanned_at
       )
       SELECT count(*)::int AS count, coalesce(sum(value_cents), 0)::text AS total,
              to_char(min(scanned_at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS first_day
       FROM claimed`,
      [statementId, venueId, periodEnd],
    );
    return { count: row.count, totalCents: row.total, firstDay: row.first_day };
  }

  async insertStatement(
    manager: EntityManager,
    values: { id: string; venueId: string; runId: string; periodStart: string; periodEnd: string; count: number; totalCents: string },
  ): Promise<ReimbursementStatementEntity> {
    await manager.query(
      `INSERT INTO reimbursement_statements (id, number, venue_id, run_id, period_start, period_end, redemption_count, total_cents)
       VALUES ($1, 'RB-' || to_char($5::date, 'YYYY') || '-' || lpad(nextval('statement_number_seq')::text, 6, '0'), $2, $3, $4, $5, $6, $7)`,
      [values.id, values.venueId, values.runId, values.periodStart, values.periodEnd, values.count, values.totalCents],
    );
    return manager.findOneByOrFail(ReimbursementStatementEntity, { id: values.id });
  }

  /** What a run drew up over all its attempts (an attempt that died after claiming still drew them up). */
  async totalsOfRun(runId: string): Promise<{ statements: number; redemptions: number; totalCents: string }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS statements, coalesce(sum(redemption_count), 0)::int AS redemptions, coalesce(sum(total_cents), 0)::text AS total
         FROM reimbursement_statements WHERE run_id = $1`,
      [runId],
    );
    return { statements: row.statements, redemptions: row.redemptions, totalCents: row.total };
  }

  /**
   * Locks a statement still without documents for the transaction of `manager`, or null when another run
   * is writing them (or has): one writer per statement's files, whatever the runs overlapping.
   */
  async lockWithoutDocuments(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT id FROM reimbursement_statements WHERE id = $1 AND documents_ready_at IS NULL FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows.length > 0;
  }

  findWithoutDocuments(): Promise<ReimbursementStatementEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ReimbursementStatementEntity, 's')
      .where('s.documents_ready_at IS NULL')
      .orderBy('s.number')
      .getMany();
  }

  async setDocuments(manager: EntityManager, id: string, pdfPath: string, csvPath: string): Promise<void> {
    await manager.update(ReimbursementStatementEntity, { id }, { pdfPath, csvPath, documentsReadyAt: () => 'now()' });
  }

  async header(id: string): Promise<StatementHeader> {
    const statement = await this.dataSource.manager.findOneByOrFail(ReimbursementStatementEntity, { id });
    const [venue] = await this.dataSource.query(`SELECT name, siret, address_line, postal_code, city FROM organisations WHERE id = $1`, [
      statement.venueId,
    ]);
    return {
      statement,
      venueName: venue.name,
      venueSiret: venue.siret,
      venueAddress: venue.address_line,
      venuePostalCode: venue.postal_code,
      venueCity: venue.city,
    };
  }

  /** The statement's lines in scan order, streamed (a large venue may have thousands a month). */
  streamLines(statementId: string): AsyncGenerator<StatementLine> {
    return streamQuery<StatementLine>(
      this.dataSource,
      `SELECT r.scanned_at AS "scannedAt", v.serial, r.service_category AS "serviceCategory",
              f.name AS "funderName", o.number AS "orderNumber", r.value_cents AS "valueCents"
       FROM redemptions r
       JOIN vouchers v ON v.id = r.voucher_id
       JOIN orders o ON o.id = r.order_id
       JOIN organisations f ON f.id = r.funder_id
       WHERE r.statement_id = $1
       ORDER BY r.scanned_at, v.serial`,
      [statementId],
    );
  }

  async funderSubtotals(statementId: string): Promise<FunderSubtotal[]> {
    const rows: { funder_name: string; count: number; total: string }[] = await this.dataSource.query(
      `SELECT f.name AS funder_name, count(*)::int AS count, sum(r.value_cents)::text AS total
       FROM redemptions r JOIN organisations f ON f.id = r.funder_id
       WHERE r.statement_id = $1
       GROUP BY f.name ORDER BY f.name`,
      [statementId],
    );
    return rows.map((row) => ({ funderName: row.funder_name, count: row.count, totalCents: row.total }));
  }

  async listVisibleTo(
    actor: Actor,
    filter: { status?: StatementStatus; venueId?: string; limit: number; offset: number },
  ): Promise<Page<ReimbursementStatementEntity>> {
    const query = this.dataSource.manager
      .createQueryBuilder(ReimbursementStatementEntity, 's')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.number', 'DESC');
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.venueId) query.andWhere('s.venue_id = :venueId', { venueId: filter.venueId });
    if (actor.organisationKind !== 'anct') query.andWhere('s.venue_id = :me', { me: actor.organisationId });
    return offsetPage(query, filter);
  }

  findVisibleTo(actor: Actor, id: string): Promise<ReimbursementStatementEntity | null> {
    const query = this.dataSource.manager.createQueryBuilder(ReimbursementStatementEntity, 's').where('s.id = :id', { id });
    if (actor.organisationKind !== 'anct') query.andWhere('s.venue_id = :me', { me: actor.organisationId });
    return query.getOne();
  }

  findById(id: string, manager?: EntityManager): Promise<ReimbursementStatementEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(ReimbursementStatementEntity, { id });
  }

  /** draft → validated, only from draft (concurrent validations: one wins). */
  async markValidated(manager: EntityManager, id: string, userId: string | null): Promise<ReimbursementStatementEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ReimbursementStatementEntity)
      .set({ status: 'validated', validatedAt: () => 'now()', validatedByUserId: userId })
      .where('id = :id AND status = :draft', { id, draft: 'draft' })
      .execute();
    return result.affected ? this.findById(id, manager) : null;
  }

  /** Locks the statements a payment batch is built from, with their venue's current bank details. */
  async lockForPayment(
    manager: EntityManager,
    ids: string[],
  ): Promise<
    Array<ReimbursementStatementEntity & { venueName: string; iban: string | null; bic: string | null; holderName: string | null }>
  > {
    await manager.query(`SELECT id FROM reimbursement_statements WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
    const statements = await manager
      .createQueryBuilder(ReimbursementStatementEntity, 's')
      .where('s.id = ANY(:ids)', { ids })
      .orderBy('s.number')
      .getMany();
    const accounts: { venue_id: string; venue_name: string; iban: string | null; bic: string | null; holder_name: string | null }[] =
      await manager.query(
        `SELECT o.id AS venue_id, o.name AS venue_name, b.iban, b.bic, b.holder_name
         FROM organisations o LEFT JOIN venue_bank_accounts b ON b.venue_id = o.id
         WHERE o.id = ANY($1)`,
        [statements.map((statement) => statement.venueId)],
      );
    const byVenue = new Map(accounts.map((account) => [account.venue_id, account]));
    return statements.map((statement) => {
      const account = byVenue.get(statement.venueId);
      // The statement's venue_id references organisations, so the query above found its venue.
      if (!account) throw new Error(`Venue ${statement.venueId} of statement ${statement.id} not found.`);
      return Object.assign(statement, {
        venueName: account.venue_name,
        iban: account.iban,
        bic: account.bic,
        holderName: account.holder_name,
      });
    });
  }

  async attachToBatch(
    manager: EntityManager,
    batchId: string,
    creditors: Array<{ statementId: string; iban: string; bic: string | null; name: string }>,
  ): Promise<void> {
    for (const creditor of creditors) {
      await manager.update(
        ReimbursementStatementEntity,
        { id: creditor.statementId },
        { paymentBatchId: batchId, creditorIban: creditor.iban, creditorBic: creditor.bic, creditorName: creditor.name },
      );
    }
  }

  async detachFromBatch(manager: EntityManager, batchId: string): Promise<ReimbursementStatementEntity[]> {
    const statements = await manager.findBy(ReimbursementStatementEntity, { paymentBatchId: batchId, status: 'validated' });
    await manager.update(
      ReimbursementStatementEntity,
      { paymentBatchId: batchId, status: 'validated' },
      { paymentBatchId: null, creditorIban: null, creditorBic: null, creditorName: null },
    );
    return statements;
  }

  /** validated → paid for every statement of a confirmed batch. */
  async markPaidByBatch(
    manager: EntityManager,
    batchId: string,
    paymentReference: string,
    paidOn: string,
  ): Promise<ReimbursementStatementEntity[]> {
    await manager.update(
      ReimbursementStatementEntity,
      { paymentBatchId: batchId, status: 'validated' },
      { status: 'paid', paymentReference, paidOn, paidAt: () => 'now()' },
    );
    return manager.findBy(ReimbursementStatementEntity, { paymentBatchId: batchId, status: 'paid' });
  }

  /** What a payment pays, per order: the ledger records venue payments against the funder and order they settle. */
  async paymentSplits(manager: EntityManager, statementIds: string[]): Promise<PaymentSplit[]> {
    const rows: Array<{
      statement_id: string;
      venue_id: string;
      order_id: string;
      funder_id: string;
      programme_id: string;
      amount: string;
    }> = await manager.query(
      `SELECT r.statement_id, r.venue_id, r.order_id, r.funder_id, o.programme_id, sum(r.value_cents)::text AS amount
         FROM redemptions r JOIN orders o ON o.id = r.order_id
         WHERE r.statement_id = ANY($1) AND r.cancelled_at IS NULL
         GROUP BY r.statement_id, r.venue_id, r.order_id, r.funder_id, o.programme_id
         ORDER BY r.statement_id, r.order_id`,
      [statementIds],
    );
    return rows.map((row) => ({
      statementId: row.statement_id,
      venueId: row.venue_id,
      orderId: row.order_id,
      funderId: row.funder_id,
      programmeId: row.programme_id,
      amountCents: row.amount,
    }));
  }
}
