import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface StoredResponse {
  endpoint: string;
  requestHash: Buffer;
  responseStatus: number;
  responseBody: unknown;
}

export interface NewStoredResponse extends StoredResponse {
  organisationId: string;
  key: string;
}

/** Raw SQL: these statements run on every idempotent request, in its transaction. */
@Injectable()
export class IdempotencyRepository {
  /**
   * One round trip: a transaction-scoped advisory lock on (organisation, key) — held by the request that
   * runs, so a concurrent retry learns at once that it is in progress — and the stored response, if any.
   * The read's snapshot may predate a response committed just before the lock was granted: `store`
   * then finds the key taken, which the caller treats as "answered meanwhile".
   */
  async lockAndFind(
    manager: EntityManager,
    { lockKey, organisationId, key }: { lockKey: string; organisationId: string; key: string },
  ): Promise<{ locked: boolean; stored: StoredResponse | null }> {
    const [row] = await manager.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked,
              r.endpoint, r.request_hash AS "requestHash", r.response_status AS "responseStatus", r.response_body AS "responseBody"
         FROM (SELECT 1) AS one
         LEFT JOIN idempotency_records r ON r.organisation_id = $2 AND r.key = $3`,
      [lockKey, organisationId, key],
    );
    return { locked: row.locked, stored: row.endpoint === null ? null : row };
  }

  find(manager: EntityManager, organisationId: string, key: string): Promise<StoredResponse | null> {
    return manager
      .query(
        `SELECT endpoint, request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
           FROM idempotency_records WHERE organisation_id = $1 AND key = $2`,
        [organisationId, key],
      )
      .then((rows: StoredResponse[]) => rows[0] ?? null);
  }

  /** False when the key is already taken (a response was stored meanwhile). */
  async store(manager: EntityManager, record: NewStoredResponse): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO idempotency_records (organisation_id, key, endpoint, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, key) DO NOTHING RETURNING 1`,
      [record.organisationId, record.key, record.endpoint, record.requestHash, record.responseStatus, JSON.stringify(record.responseBody)],
    );
    return rows.length === 1;
  }

  /** Deletes at most `batchSize` answers stored before `before`; returns how many (batches keep each transaction short). */
  async deleteStoredBefore(manager: EntityManager, before: Date, batchSize: number): Promise<number> {
    const [{ deleted }]: { deleted: number }[] = await manager.query(
      `WITH deleted AS (
         DELETE FROM idempotency_records
          WHERE (organisation_id, key) IN (SELECT organisation_id, key FROM idempotency_records WHERE created_at < $1 LIMIT $2)
         RETURNING 1
       )
       SELECT count(*)::int AS deleted FROM deleted`,
      [before, batchSize],
    );
    return deleted;
  }
}
