import { DiscoveryService } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_DOCUMENT_FILE, openApiFiles, WEB_CLIENT_TYPES_FILE } from '../scripts/openapi-files';
import { PUBLIC_ROUTE } from '../src/auth/auth.decorators';
import type { ErrorCode } from '../src/common/errors/error-code';
import { HTTP_STATUS_BY_ERROR_CODE } from '../src/common/errors/error-http-status';
import { buildOpenApiDocument } from '../src/http-app';
import { createTestApp, TestApp } from './support/test-app';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
}
interface Response {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  operationId: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const ERROR_BODY = '#/components/schemas/ErrorBodyDto';

/**
 * The OpenAPI document is the one contract of the API: the web client's types are generated from it,
 * so every operation must say what it answers, success and refusals, and the committed copies must be
 * what the code generates.
 */
describe('API contract (OpenAPI)', () => {
  let testApp: TestApp;
  let document: Document;
  let operations: Array<{ name: string; path: string; operation: Operation; isPublic: boolean }>;

  beforeAll(async () => {
    testApp = await createTestApp();
    document = buildOpenApiDocument(testApp.app) as unknown as Document;
    const handlers = new Map<string, object>();
    for (const wrapper of testApp.app.get(DiscoveryService).getControllers()) {
      const prototype = (wrapper.metatype as { prototype: Record<string, object> } | null)?.prototype;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) handlers.set(`${wrapper.metatype!.name}_${method}`, wrapper.metatype!);
    }
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const controller = handlers.get(operation.operationId) as { prototype: Record<string, object> } | undefined;
        if (!controller) throw new Error(`No handler for ${operation.operationId}`);
        const handler = controller.prototype[operation.operationId.split('_')[1]];
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller));
        return { name: `${method.toUpperCase()} ${path}`, path, operation, isPublic };
      }),
    );
  });
  afterAll(() => testApp.close());

  it('describes the success answer of every operation with a schema (a file: its bytes, of its content type; a redirect: its Location)', () => {
    const missing = operations.flatMap(({ name, operation }) => {
      // A browser redirect (302/303, e.g. to ProConnect) is the success of an operation that has no 2xx answer.
      const ok = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      const success = ok.length > 0 ? ok : Object.entries(operation.responses).filter(([status]) => /^30[23]$/.test(status));
      if (success.length !== 1) return [`${name}: ${success.length} success answers`];
      const [status, response] = success[0];
      if (status.startsWith('3'))
        return response.headers?.Location && !response.content ? [] : [`${name}: ${status} without its Location, or with a body`];
      if (status === '204') return response.content ? [`${name}: 204 with a body`] : [];
      const content = Object.entries(response.content ?? {});
      if (content.length !== 1) return [`${name}: no content type`];
      const [type, { schema }] = content[0];
      if (type === 'application/json') return schema?.$ref || schema?.type ? [] : [`${name}: no JSON schema`];
      return schema?.type === 'string' && schema.format === 'binary' ? [] : [`${name}: ${type} is not described as binary`];
    });
    expect(missing).toEqual([]);
  });

  it('documents the refusals of every operation: 400 for its input, 401 and 403 unless public, 404 for an identifier in its path', () => {
    const codesOf = (operation: Operation, status: number): string[] => {
      const schema = operation.responses[status]?.content?.['application/json']?.schema;
      return (schema?.allOf?.[1]?.properties?.code?.enum as string[] | undefined) ?? [];
    };
    const missing = operations.flatMap(({ name, path, operation, isPublic }) => {
      const problems: string[] = [];
      const expect = (status: number, code: string) => {
        if (!codesOf(operation, status).includes(code)) problems.push(`${name}: ${status} ${code}`);
      };
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) expect(400, 'VALIDATION_FAILED');
      if (!isPublic) {
        expect(401, 'UNAUTHENTICATED');
        expect(403, 'FORBIDDEN');
      }
      if (/\{(id|venueId|serial)\}/.test(path)) expect(404, 'NOT_FOUND');
      return problems;
    });
    expect(missing).toEqual([]);
  });

  it('answers every error as ErrorBodyDto, each code under the status the API gives it', () => {
    // Health checks (at the root, for load balancers) answer Terminus' own shape.
    const wrong = operations
      .filter(({ path }) => path.startsWith('/api/'))
      .flatMap(({ name, operation }) =>
        Object.entries(operation.responses)
          .filter(([status]) => Number(status) >= 400)
          .flatMap(([status, response]) => {
            // A page for the browser (the ProConnect callback's refusal, in French) is not an API answer.
            if (response.content && Object.keys(response.content).join() === 'text/html') return [];
            const schema = response.content?.['application/json']?.schema;
            if (schema?.allOf?.[0]?.$ref !== ERROR_BODY) return [`${name} ${status}: not an ErrorBodyDto`];
            const codes = (schema.allOf[1]?.properties?.code?.enum ?? []) as ErrorCode[];
            const misplaced = codes.filter((code) => HTTP_STATUS_BY_ERROR_CODE[code] !== Number(status));
            return codes.length === 0 || misplaced.length > 0 ? [`${name} ${status}: ${codes.join(', ')}`] : [];
          }),
      );
    expect(wrong).toEqual([]);
  });

  it('lists in one shape, { items, total, limit, offset }', () => {
    const schemaOf = (operation: Operation) => {
      const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
      return success?.content?.['application/json']?.schema;
    };
    const lists = operations
      .filter(({ name }) => name.startsWith('GET '))
      .flatMap(({ name, operation }): Array<{ name: string; model?: string; shape: string | string[] }> => {
        const schema = schemaOf(operation);
        if (schema?.type === 'array') return [{ name, shape: 'a bare array' }];
        const model = schema?.$ref?.replace('#/components/schemas/', '');
        return model && document.components.schemas[model].properties?.items
          ? [{ name, model, shape: Object.keys(document.components.schemas[model].properties!) }]
          : [];
      });
    expect(lists.length).toBeGreaterThan(20);
    for (const list of lists)
      expect(list).toEqual({
        ...list,
        model: expect.stringMatching(/PageDto$/),
        shape: expect.arrayContaining(['items', 'total', 'limit', 'offset']),
      });
  });

  it('gives every amount (…Cents) as an integer', () => {
    const amounts = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([property]) => property.endsWith('Cents'))
        .map(([property, definition]) => ({ property: `${name}.${property}`, type: definition.type })),
    );
    expect(amounts.length).toBeGreaterThan(30);
    expect(amounts.filter((amount) => amount.type !== 'integer')).toEqual([]);
  });

  it(`has its committed copies ${OPENAPI_DOCUMENT_FILE} and ${WEB_CLIENT_TYPES_FILE} up to date (npm run openapi)`, async () => {
    const files = await openApiFiles(testApp.app);
    for (const [path, generated] of Object.entries(files)) {
      expect({ path, content: readFileSync(join(__dirname, '..', path), 'utf8') }).toEqual({ path, content: generated });
    }
  });
});
