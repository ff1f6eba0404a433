import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { drainRequestBody } from '../http/drain-request';
import { isPostgresUnavailable } from '../../database/postgres-errors';
import { isRedisUnavailable } from '../../redis/redis-errors';
import { RepeatedFailureLog } from '../logging/repeated-failure-log';
import { currentContext } from '../request-context';
import { CommonError, RateLimitedError, ServiceUnavailableError } from './common-errors';
import { DomainError } from './domain-error';
import type { ErrorCode } from './error-code';
import { HTTP_STATUS_BY_ERROR_CODE } from './error-http-status';
import { uniqueViolationAsDomainError } from './unique-violation';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/**
 * Every error leaves the API here, as `{ statusCode, code, message, details?, requestId }`.
 * Unknown errors become a generic 500: no stack trace or SQL text ever reaches a client,
 * but the full error is logged with the request id.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GlobalExceptionFilter.name);
  // During an outage every request fails the same way: one line now and then, not a stack trace each.
  private readonly outages = new RepeatedFailureLog(this.logger);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const domainError = toDomainError(exception);
    const statusCode = HTTP_STATUS_BY_ERROR_CODE[domainError.code as ErrorCode] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    const requestId = currentContext()?.requestId ?? (request.headers['x-request-id'] as string | undefined);

    if (domainError instanceof ServiceUnavailableError) {
      this.outages.report(
        domainError.message,
        `${request.method} ${request.url} answered 503 (request ${requestId}): ${describe(exception)}`,
      );
    } else if (statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.url} failed (request ${requestId}): ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (domainError instanceof RateLimitedError || domainError instanceof ServiceUnavailableError) {
      response.header('Retry-After', String(domainError.retryAfterSeconds));
    }
    if (response.sent) {
      response.raw.end();
      return;
    }
    const body = errorBody(domainError, statusCode, requestId);
    if (statusCode === HttpStatus.PAYLOAD_TOO_LARGE) {
      // The client may still be sending: read the rest first, or it gets a reset instead of this answer.
      void drainRequestBody(request.raw).then(() => response.status(statusCode).send(body));
      return;
    }
    void response.status(statusCode).send(body);
  }
}

/** The one shape of an error answer (also stored as is by idempotent endpoints, to be answered again). */
export function errorBody(domainError: DomainError, statusCode: number, requestId: string | undefined): ErrorBody {
  const body: ErrorBody = { statusCode, code: domainError.code, message: domainError.message, requestId };
  if (domainError.details) body.details = domainError.details;
  return body;
}

function toDomainError(exception: unknown): DomainError {
  if (exception instanceof DomainError) return exception;
  const uniqueViolation = uniqueViolationAsDomainError(exception);
  if (uniqueViolation) return uniqueViolation;
  if (isPostgresUnavailable(exception)) return ServiceUnavailableError.dependencies(['postgres']);
  if (isRedisUnavailable(exception)) return ServiceUnavailableError.dependencies(['redis']);
  // Fastify's body parsing errors arrive wrapped by Nest's adapter, as the `cause` of an HttpException.
  const cause = exception instanceof HttpException ? exception.cause : exception;
  switch ((cause as { code?: unknown } | null | undefined)?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new CommonError('MALFORMED_JSON', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new CommonError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new CommonError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).');
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === HttpStatus.NOT_FOUND) return new CommonError('ROUTE_NOT_FOUND', 'No such route.');
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) return new CommonError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    if (status === HttpStatus.UNAUTHORIZED) return new CommonError('UNAUTHENTICATED', 'Authentication required.');
    if (status === HttpStatus.FORBIDDEN) return new CommonError('FORBIDDEN', 'Your role does not allow this action.');
    if (status === HttpStatus.BAD_REQUEST) return new CommonError('VALIDATION_FAILED', 'Invalid request.');
    if (status < HttpStatus.INTERNAL_SERVER_ERROR) return new CommonError('BAD_REQUEST', 'The request could not be understood.');
  }
  return new CommonError('INTERNAL_ERROR', 'An unexpected error occurred. It has been logged; quote the request id to support.');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
