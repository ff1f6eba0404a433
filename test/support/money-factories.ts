import type { OrderEntity } from '../../src/modules/orders/order.entity';
import { VenuesRepository } from '../../src/modules/venues/venues.repository';
import type { TestApp } from './test-app';

/**
 * Rows that other features write (redemptions by venues, order money), inserted directly as those
 * features do, so reimbursement, expiry, reconciliation and report tests can build exact data sets
 * quickly.
 */

/**
 * Qualifies a venue from `at` (possibly in the past), as ANCT's decision records it: the venue's status
 * and its qualification history, through the one writer of both.
 */
export async function qualifyVenue(testApp: TestApp, venueId: string, at = new Date('2026-01-01T00:00:00Z')): Promise<void> {
  await testApp.dataSource.transaction((manager) =>
    testApp.app.get(VenuesRepository).recordQualification(manager, {
      venueId,
      decision: 'qualify',
      fromStatus: 'pending',
      toStatus: 'qualified',
      reason: null,
      decidedAt: at,
      decidedByUserId: null,
    }),
  );
}

/** The ledger lines of an order from approval to payment, as the ordering feature writes them. */
export async function recordOrderMoney(testApp: TestApp, order: OrderEntity, paid = true): Promise<void> {
  const lines: Array<[string, string]> = [
    ['order_face_value_due', order.faceValueTotalCents],
    ['operator_fee_due', order.feeCents],
  ];
  if (paid) lines.push(['funder_payment_received', order.totalDueCents]);
  for (const [kind, amount] of lines) {
    await testApp.dataSource.query(
      `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id) VALUES (now(), $1, $2, $3, $4, $5)`,
      [kind, amount, order.programmeId, order.funderId, order.id],
    );
  }
}

export interface RedeemOptions {
  venueId: string;
  scannedAt?: Date;
  recordedAt?: Date;
  serviceCategory?: string;
}

/**
 * Writes redemptions directly, in one transaction: a redemption row, the chèque `redeemed`, and a
 * `redemption_owed_to_venue` ledger line each, whatever the rules say — for data sets dated in the past
 * and for anomalies the API would refuse (journeys redeem through `POST /redemptions`). Carnets are
 * left as they are. Returns the redemption ids in order.
 */
export async function redeemVouchers(testApp: TestApp, voucherIds: string[], options: RedeemOptions): Promise<string[]> {
  return testApp.dataSource.transaction(async (manager) => {
    const ids: string[] = [];
    for (const voucherId of voucherIds) {
      const scannedAt = options.scannedAt ?? new Date();
      const [redemption] = await manager.query(
        `INSERT INTO redemptions (voucher_id, venue_id, funder_id, order_id, value_cents, service_category, mode, scanned_at, recorded_at)
         SELECT v.id, $2, v.funder_id, v.order_id, v.face_value_cents, $3, 'online', $4, $5 FROM vouchers v WHERE v.id = $1
         RETURNING id, funder_id, order_id, value_cents`,
        [voucherId, options.venueId, options.serviceCategory ?? 'atelier_collectif', scannedAt, options.recordedAt ?? scannedAt],
      );
      await manager.query(`UPDATE vouchers SET status = 'redeemed', redeemed_at = $2 WHERE id = $1`, [voucherId, scannedAt]);
      await manager.query(
        `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, venue_id, voucher_id, redemption_id)
         SELECT $1, 'redemption_owed_to_venue', $2, o.programme_id, $3, $4, $5, $6, $7 FROM orders o WHERE o.id = $4`,
        [scannedAt, redemption.value_cents, redemption.funder_id, redemption.order_id, options.venueId, voucherId, redemption.id],
      );
      ids.push(redemption.id);
    }
    return ids;
  });
}

/** A draft reimbursement statement holding these redemptions of the venue, as a statement run claims them (without its documents). */
export async function statementHolding(testApp: TestApp, venueId: string, redemptionIds: string[]): Promise<string> {
  return testApp.dataSource.transaction(async (manager) => {
    const [run] = await manager.query(
      `INSERT INTO job_runs (kind, trigger, job_key, status) VALUES ('reimbursement_statements', 'manual', gen_random_uuid()::text, 'completed') RETURNING id`,
    );
    const [statement] = await manager.query(
      `INSERT INTO reimbursement_statements (number, venue_id, run_id, period_start, period_end, redemption_count, total_cents)
       SELECT 'RB-TEST-' || nextval('statement_number_seq'), $1, $2, (min(scanned_at) AT TIME ZONE 'Europe/Paris')::date,
              (max(scanned_at) AT TIME ZONE 'Europe/Paris')::date, count(*), sum(value_cents)
         FROM redemptions WHERE id = ANY($3) AND venue_id = $1
       RETURNING id`,
      [venueId, run.id, redemptionIds],
    );
    await manager.query(`UPDATE redemptions SET statement_id = $1 WHERE id = ANY($2) AND venue_id = $3`, [
      statement.id,
      redemptionIds,
      venueId,
    ]);
    return statement.id;
  });
}

/** Waits for a job run to finish and returns it (fails the test on a failed run). */
export async function waitForJobRun(testApp: TestApp, runId: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await testApp.dataSource.query(`SELECT status, summary, error FROM job_runs WHERE id = $1`, [runId]);
    if (run?.status === 'completed') return run.summary;
    if (run?.status === 'failed') throw new Error(`job run ${runId} failed: ${run.error}`);
    if (Date.now() > deadline) throw new Error(`job run ${runId} still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
