import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import type { ErrorCode } from '../errors/error-code';
import { HTTP_STATUS_BY_ERROR_CODE } from '../errors/error-http-status';
import { errorBody } from '../errors/global-exception.filter';
import { currentContext } from '../request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { IdempotencyError } from './idempotency.errors';
import { IdempotencyRepository } from './idempotency.repository';
import { IDEMPOTENCY_KEY_PATTERN, requestHash } from './idempotency.rules';

export interface IdempotentRequest {
  organisationId: string;
  /** The `Idempotency-Key` header as received (undefined when absent). */
  key: string | undefined;
  /** `METHOD /route`. */
  endpoint: string;
  body: unknown;
}

export interface IdempotentResponse {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Answers that describe the moment, not the request: a retry must be able to get a different one. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['RATE_LIMITED']);

/**
 * Runs a request at most once per (organisation, key), in one transaction with its stored response:
 * - same key, same endpoint and body → the stored response, nothing runs again;
 * - same key, different body or endpoint → 422 IDEMPOTENCY_KEY_REUSED;
 * - same key while the first request still runs → 409 IDEMPOTENCY_REQUEST_IN_PROGRESS.
 * Business refusals (a chèque already redeemed…) are answers too and are stored; unexpected failures
 * and rate limiting are not, so the client may retry them with the same key.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly records: IdempotencyRepository,
  ) {}

  async execute(request: IdempotentRequest, successStatus: number, work: (manager: EntityManager) => Promise<unknown>): Promise<IdempotentResponse> {
    const key = request.key;
    if (key === undefined || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new IdempotencyError(
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header (a new UUID per operation, the same one when retrying it).',
      );
    }
    const hash = requestHash(request.body);
    return this.transactions.run(async (manager) => {
      if (!(await this.records.tryLock(manager, request.organisationId, key))) {
        throw new IdempotencyError('IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed. Retry shortly.');
      }
      const existing = await this.records.find(manager, request.organisationId, key);
      if (existing) {
        if (existing.endpoint !== request.endpoint || !existing.requestHash.equals(hash)) {
          throw new IdempotencyError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request. Use a new key.');
        }
        return { status: existing.responseStatus, body: existing.responseBody, replayed: true };
      }
      const outcome = await this.run(manager, successStatus, work);
      await this.records.insert(manager, {
        organisationId: request.organisationId,
        key,
        endpoint: request.endpoint,
        requestHash: hash,
        responseStatus: outcome.status,
        responseBody: outcome.body,
      });
      return { ...outcome, replayed: false };
    });
  }

  private async run(manager: EntityManager, successStatus: number, work: (manager: EntityManager) => Promise<unknown>) {
    try {
      const result = await this.transactions.withinSavepoint(manager, () => work(manager));
      // Exactly what a replay will read back from jsonb (dates as ISO strings): first answer and replays are identical.
      return { status: successStatus, body: JSON.parse(JSON.stringify(result)) as unknown };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const status = HTTP_STATUS_BY_ERROR_CODE[error.code as ErrorCode];
      if (status === undefined || status >= 500 || TRANSIENT_CODES.has(error.code as ErrorCode)) throw error;
      return { status, body: JSON.parse(JSON.stringify(errorBody(error, status, currentContext()?.requestId))) as unknown };
    }
  }
}
