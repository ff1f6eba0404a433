import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { NaturalBatcher } from '../../database/natural-batcher';
import { isConcurrencyFailure, isLockTimeout, isUniqueViolation } from '../../database/postgres-errors';
import { PreparedStatement, PreparedStatementPool } from '../../database/prepared-statement';
import {
  READ_FOR_REDEMPTIONS_SQL,
  type RedemptionRead,
  type RedemptionReadRow,
  rowsByRead,
  type VenueAndVouchers,
  venueAndVouchers,
} from './redemption-reads';
import { REDEEM_VOUCHERS_SQL, redeemVouchersParameters, type RedemptionOutcome, type RedemptionRequest } from './redemption-request';

const READ_FOR_REDEMPTIONS = new PreparedStatement<RedemptionReadRow & { request: string }>(
  'read_for_redemptions',
  READ_FOR_REDEMPTIONS_SQL,
);

const REDEEM_VOUCHERS = new PreparedStatement<{ outcomes: RedemptionOutcome[] }>('redeem_vouchers', REDEEM_VOUCHERS_SQL);

/**
 * How long a batch waits for a lock held elsewhere (an opposition, a job) before giving up with nothing
 * written: one long-held lock must not hold up every redemption queued behind the batch. Its requests
 * then take the full path one by one, where waiting concerns that request only.
 */
const BATCH_LOCK_TIMEOUT_MS = 1000;

/**
 * Group commit for online redemptions: the reads, and the writes, that arrive together go to PostgreSQL
 * as one prepared statement each (`REDEMPTION_BATCH_*`), on connections of their own, outside any
 * transaction. Batches form by themselves (`NaturalBatcher`): no timer, no delay when the API is quiet.
 */
@Injectable()
export class OnlineRedemptionBatches {
  private readonly reads: NaturalBatcher<RedemptionRead, RedemptionReadRow[] | ReadFailure>;
  private readonly writes: NaturalBatcher<RedemptionRequest, RedemptionOutcome>;

  constructor(
    private readonly prepared: PreparedStatementPool,
    config: AppConfig,
  ) {
    this.reads = new NaturalBatcher(config.REDEMPTION_BATCH_LANES, config.REDEMPTION_BATCH_MAX_SIZE, (reads) => this.readBatch(reads));
    this.writes = new NaturalBatcher(config.REDEMPTION_BATCH_LANES, config.REDEMPTION_BATCH_MAX_SIZE, (requests) =>
      this.redeemBatch(requests),
    );
  }

  /**
   * What one redemption reads (sql/read-for-redemptions.sql), read together with those arriving at the
   * same time. Null when the venue is not an active venue.
   */
  async read(read: RedemptionRead): Promise<VenueAndVouchers | null> {
    const rows = await this.reads.submit(read);
    if (rows instanceof ReadFailure) throw rows.error;
    return venueAndVouchers(rows);
  }

  /**
   * One redemption with its Idempotency-Key and answer, in a transaction of its own shared with those
   * arriving at the same time: `redeem_vouchers` claims the key, redeems the chèques and stores the answer,
   * or writes nothing for it. Each request stays all or nothing on its own.
   */
  redeem(request: RedemptionRequest): Promise<RedemptionOutcome> {
    return this.writes.submit(request);
  }

  /** Batches running now, reads and writes (for tests). */
  get runningBatches(): { reads: number; writes: number } {
    return { reads: this.reads.runningBatches, writes: this.writes.runningBatches };
  }

  private async readBatch(reads: RedemptionRead[]): Promise<(RedemptionReadRow[] | ReadFailure)[]> {
    try {
      return rowsByRead(reads.length, await this.prepared.run(READ_FOR_REDEMPTIONS, [JSON.stringify(reads)]));
    } catch (error) {
      if (reads.length === 1) return [new ReadFailure(error)];
      // One read's failure must not fail the others: each on its own.
      return (await Promise.all(reads.map((read) => this.readBatch([read])))).flat();
    }
  }

  private async redeemBatch(requests: RedemptionRequest[]): Promise<RedemptionOutcome[]> {
    try {
      const [{ outcomes }] = await this.prepared.run(REDEEM_VOUCHERS, redeemVouchersParameters(requests, BATCH_LOCK_TIMEOUT_MS));
      return outcomes;
    } catch (error) {
      // A chèque actively redeemed yet `issued`, a deadlock with an opposition or the expiry job, a lock
      // held long elsewhere: the batch wrote nothing, and the full path, one request at a time, sorts
      // each one out.
      if (isUniqueViolation(error, 'uq_redemptions_voucher_active') || isConcurrencyFailure(error) || isLockTimeout(error)) {
        return requests.map(() => 'not_redeemed');
      }
      throw error;
    }
  }
}

/** A read of a batch that failed on its own (see `readBatch`). */
class ReadFailure {
  constructor(readonly error: unknown) {}
}
