import { PATH_METADATA } from '@nestjs/common/constants';
import { DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';
import type { ErrorCode } from './error-code';
import { HTTP_STATUS_BY_ERROR_CODE } from './error-http-status';

const API_ERROR_CODES = 'pass:api-error-codes';

/**
 * Documents the error answers of an operation from its codes alone: each code goes under the status
 * HTTP_STATUS_BY_ERROR_CODE gives it, as the ErrorBodyDto shape with `code` narrowed to the codes of
 * that status (so a generated client knows them). Applied several times (a method, its class, `@Roles`),
 * the codes add up. On a class, it documents every route of the class.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      documentErrors(descriptor.value as object, codes);
      return descriptor;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler)) documentErrors(handler, codes);
    }
    return target;
  }) as MethodDecorator & ClassDecorator;
}

function documentErrors(handler: object, codes: ErrorCode[]): void {
  const all = [...new Set<ErrorCode>([...((Reflect.getMetadata(API_ERROR_CODES, handler) as ErrorCode[] | undefined) ?? []), ...codes])];
  Reflect.defineMetadata(API_ERROR_CODES, all, handler);
  const responses = { ...((Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Record<string, unknown> | undefined) ?? {}) };
  for (const [status, codesOfStatus] of groupByStatus(all)) {
    // Always JSON, also on operations that produce a file (their `produces` must not apply to refusals).
    const schema = {
      allOf: [{ $ref: getSchemaPath(ErrorBodyDto) }, { type: 'object', properties: { code: { type: 'string', enum: codesOfStatus } } }],
    };
    responses[status] = { description: codesOfStatus.join(', '), content: { 'application/json': { schema } } };
  }
  Reflect.defineMetadata(DECORATORS.API_RESPONSE, responses, handler);
}

function groupByStatus(codes: ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...codes].sort()) {
    const status = HTTP_STATUS_BY_ERROR_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}
