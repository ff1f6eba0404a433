import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import type { ErrorCode } from '../errors/error-code';
import { HTTP_STATUS_BY_ERROR_CODE } from '../errors/error-http-status';
import { errorBody } from '../errors/global-exception.filter';
import { currentContext } from '../request-context';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { IdempotencyError } from './idempotency.errors';
import { IdempotencyRepository, type StoredResponse } from './idempotency.repository';
import { IDEMPOTENCY_KEY_PATTERN, idempotencyLockKey, requestHash } from './idempotency.rules';

export interface IdempotentRequest {
  organisationId: string;
  /** The `Idempotency-Key` header as received (undefined when absent). */
  key: string | undefined;
  /** `METHOD /route`. */
  endpoint: string;
  body: unknown;
}

/** A request whose key was checked: what its answer is stored and found under. */
export interface IdentifiedRequest extends IdempotentRequest {
  key: string;
  requestHash: Buffer;
  lockKey: string;
}

export interface IdempotentResponse {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Answers that describe the moment, not the request: a retry must be able to get a different one. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['RATE_LIMITED', 'CONCURRENT_MODIFICATION']);

const PURGE_BATCH_SIZE = 5_000;

/** The transaction found the key answered meanwhile: its work is rolled back and that answer is replayed. */
class AnsweredMeanwhile extends Error {}

/**
 * Runs a request at most once per (organisation, key), in one transaction with its stored response:
 * - same key, same endpoint and body → the stored response, nothing runs again;
 * - same key, different body or endpoint → 422 IDEMPOTENCY_KEY_REUSED;
 * - same key while the first request still runs → 409 IDEMPOTENCY_REQUEST_IN_PROGRESS.
 * Business refusals (a chèque already redeemed…) are answers too and are stored; unexpected failures,
 * rate limiting and concurrency conflicts are not, so the client may retry them with the same key.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly records: IdempotencyRepository,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The request's key checked, and what its stored answer would be compared with. */
  identify(request: IdempotentRequest): IdentifiedRequest {
    const key = request.key;
    if (key === undefined || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new IdempotencyError(
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header (a new UUID per operation, the same one when retrying it).',
      );
    }
    return { ...request, key, requestHash: requestHash(request.body), lockKey: idempotencyLockKey(request.organisationId, key) };
  }

  /** The stored answer to an earlier request with this key, if it was the same request. */
  replay(stored: StoredResponse, request: IdentifiedRequest): IdempotentResponse {
    return replay(stored, request);
  }

  /** For a caller that found the key answered after it had looked (see `execute`). */
  async replayStoredAnswer(request: IdentifiedRequest): Promise<IdempotentResponse> {
    const stored = await this.records.find(this.dataSource.manager, request.organisationId, request.key);
    if (!stored) throw new Error(`Idempotency record ${request.organisationId}/${request.key} vanished`);
    return replay(stored, request);
  }

  /**
   * Forgets answers older than the retention period: a request sent again with such a key runs as a
   * new one. Returns how many were purged.
   */
  async purgeExpired(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.IDEMPOTENCY_RETENTION_DAYS * 86_400_000);
    let purged = 0;
    for (;;) {
      const deleted = await this.records.deleteStoredBefore(this.dataSource.manager, before, PURGE_BATCH_SIZE);
      purged += deleted;
      if (deleted < PURGE_BATCH_SIZE) return purged;
    }
  }

  /** `request` comes from `identify`, which callers run first (it refuses a missing or malformed key). */
  async execute(
    request: IdentifiedRequest,
    successStatus: number,
    work: (manager: EntityManager) => Promise<unknown>,
  ): Promise<IdempotentResponse> {
    const record = (status: number, body: unknown) => ({ ...request, responseStatus: status, responseBody: body });
    try {
      // Success path: the work, its effects and its stored answer commit together.
      return await this.transactions.run(async (manager) => {
        const earlier = await this.begin(manager, request);
        if (earlier) return earlier;
        const body = JSON.parse(JSON.stringify(await work(manager))) as unknown;
        if (!(await this.records.store(manager, record(successStatus, body)))) throw new AnsweredMeanwhile();
        return { status: successStatus, body, replayed: false };
      });
    } catch (error) {
      if (error instanceof AnsweredMeanwhile) return this.replayStoredAnswer(request);
      const refusal = storableRefusal(error);
      if (!refusal) throw error;
      // A refusal: the work's transaction is rolled back whole; the answer is stored on its own.
      const outcome = await this.transactions.run(async (manager) => {
        const { locked, stored } = await this.records.lockAndFind(manager, request);
        if (stored) return replay(stored, request);
        // A retry took the key in between: it will store its own answer; this one is still this request's.
        if (!locked) return { status: refusal.status, body: refusal.body, replayed: false };
        return (await this.records.store(manager, record(refusal.status, refusal.body)))
          ? { status: refusal.status, body: refusal.body, replayed: false }
          : null;
      });
      return outcome ?? this.replayStoredAnswer(request);
    }
  }

  /** Takes the key for this transaction, or answers with what it already stands for. */
  private async begin(manager: EntityManager, request: IdentifiedRequest): Promise<IdempotentResponse | null> {
    const { locked, stored } = await this.records.lockAndFind(manager, request);
    if (stored) return replay(stored, request);
    if (!locked) {
      throw new IdempotencyError(
        'IDEMPOTENCY_REQUEST_IN_PROGRESS',
        'A request with this Idempotency-Key is still being processed. Retry shortly.',
      );
    }
    return null;
  }
}

function replay(stored: StoredResponse, request: IdentifiedRequest): IdempotentResponse {
  if (stored.endpoint !== request.endpoint || !stored.requestHash.equals(request.requestHash)) {
    throw new IdempotencyError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request. Use a new key.');
  }
  return { status: stored.responseStatus, body: stored.responseBody, replayed: true };
}

/** A business refusal becomes the stored answer (as the error filter would have written it); anything else is not stored. */
function storableRefusal(error: unknown): { status: number; body: unknown } | null {
  if (!(error instanceof DomainError)) return null;
  const status = HTTP_STATUS_BY_ERROR_CODE[error.code as ErrorCode];
  if (status === undefined || status >= 500 || TRANSIENT_CODES.has(error.code as ErrorCode)) return null;
  if (error instanceof IdempotencyError) return null;
  return { status, body: JSON.parse(JSON.stringify(errorBody(error, status, currentContext()?.requestId))) as unknown };
}
