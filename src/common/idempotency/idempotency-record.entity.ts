import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The stored outcome of a request sent with an `Idempotency-Key`: a retry with the same key and the
 * same body gets this response again instead of acting twice. Written in the transaction of the
 * change it describes, so a response is stored if and only if its effects were committed.
 * Keys are scoped to the caller's organisation: two venues may use the same key. Kept
 * IDEMPOTENCY_RETENTION_DAYS, then purged by the daily job (a retry is a matter of minutes, not months).
 */
@Entity('idempotency_records')
@Index('ix_idempotency_records_created', ['createdAt'])
@Check('ck_idempotency_records_status', `response_status BETWEEN 100 AND 599`)
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('text')
  key: string;

  /** `METHOD /route`: a key used on one endpoint cannot be replayed on another. */
  @Column({ type: 'text' })
  endpoint: string;

  /** SHA-256 of the canonical JSON of the request body. */
  @Column({ type: 'bytea' })
  requestHash: Buffer;

  @Column({ type: 'smallint' })
  responseStatus: number;

  /** `json`, not `jsonb`: kept byte for byte (key order included), so a replay is identical to the first answer. */
  @Column({ type: 'json' })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
