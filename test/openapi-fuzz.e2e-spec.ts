import type { OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildOpenApiDocument } from '../src/http-app';
import { anctAdmin, funderManager, LoggedIn, prescriberAgent } from './support/actors';
import { qualifiedVenue } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Every operation of the OpenAPI document, called with hostile input as each role that can reach it:
 * nothing may answer 5xx. Then, bodies with huge arrays must not hold the event loop (`/health` stays fast).
 */
type PathItemObject = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItemObject['get']>;
type SchemaObject = { properties?: Record<string, unknown> };
type ReferenceObject = { $ref: string };
type ParameterObject = { in: string; name: string };

interface Operation {
  method: string;
  path: string;
  operation: OperationObject;
  properties: Record<string, unknown>;
  queryParameters: string[];
}

interface Caller {
  name: string;
  headers: Record<string, string>;
}

const HUGE_ARRAY_ITEMS = 80_000; // 240 kB of `{},`: under the 256 kB body limit

describe('OpenAPI-wide hostile input', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let operations: Operation[];
  let callers: Caller[];
  /** Per operation, the callers its guard lets through (not 401/403). */
  const reachable = new Map<Operation, Caller[]>();

  beforeAll(async () => {
    testApp = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '100000', LOGIN_MAX_FAILURES_PER_IP: '100000' } });
    const anct = await anctAdmin(testApp);
    const funder = await funderManager(testApp, anct);
    const prescriber = await prescriberAgent(testApp, funder);
    const venue = await qualifiedVenue(testApp, anct);
    const bearer = (user: LoggedIn) => ({ Authorization: `Bearer ${user.token}` });
    callers = [
      { name: 'anonymous', headers: {} },
      { name: 'anct_admin', headers: bearer(anct) },
      { name: 'funder_manager', headers: bearer(funder) },
      { name: 'prescriber_agent', headers: bearer(prescriber) },
      { name: 'venue_agent', headers: bearer(venue.agent) },
    ];
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    operations = operationsOf(buildOpenApiDocument(testApp.app));
    for (const operation of operations) {
      const through: Caller[] = [];
      for (const caller of callers) {
        const status = (await call(operation, caller, { body: '{}' })).status;
        if (status >= 500) throw new Error(`${operation.method} ${operation.path} as ${caller.name}: ${status} on an empty body`);
        if (status !== 401 && status !== 403) through.push(caller);
      }
      reachable.set(operation, through);
    }
  }, 120_000);
  afterAll(() => testApp.close());

  function operationsOf(document: OpenAPIObject): Operation[] {
    const resolve = (schema: unknown): SchemaObject | undefined => {
      if (!schema || typeof schema !== 'object') return undefined;
      if ('$ref' in schema) return resolve(document.components?.schemas?.[(schema as ReferenceObject).$ref.split('/').pop()!]);
      return schema as SchemaObject;
    };
    const found: Operation[] = [];
    for (const [path, item] of Object.entries(document.paths) as [string, PathItemObject][]) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const operation = item[method];
        if (!operation) continue;
        const body =
          operation.requestBody && 'content' in operation.requestBody
            ? operation.requestBody.content['application/json']?.schema
            : undefined;
        const parameters = (operation.parameters ?? []) as unknown as ParameterObject[];
        found.push({
          method: method.toUpperCase(),
          path,
          operation,
          properties: resolve(body)?.properties ?? {},
          queryParameters: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        });
      }
    }
    return found;
  }

  function urlOf(operation: Operation, query = ''): string {
    const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      name === 'serial' ? '2026-0001-000001-01' : name === 'index' ? '1' : randomUUID(),
    );
    return `${baseUrl}${path}${query}`;
  }

  async function call(
    operation: Operation,
    caller: Caller,
    input: { body?: string; query?: string },
  ): Promise<{ status: number; text: string }> {
    const withBody = input.body !== undefined && operation.method !== 'GET' && operation.method !== 'DELETE';
    const response = await fetch(urlOf(operation, input.query), {
      method: operation.method,
      headers: { ...caller.headers, 'Idempotency-Key': randomUUID(), ...(withBody ? { 'Content-Type': 'application/json' } : {}) },
      body: withBody ? input.body : undefined,
    });
    return { status: response.status, text: await response.text() };
  }

  /** Hostile bodies for an operation: whole-body shapes, then each property in turn given each bad value. */
  function hostileBodies(operation: Operation): string[] {
    const bodies = [
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
      'null',
      '[]',
      '"\\ud800"',
      '12',
    ];
    const values = [
      '"\\ud800"',
      '"a\\u0000b"',
      '"x\\udc00y"',
      '12345678901234567890',
      '-1',
      'true',
      '{}',
      '["a"]',
      '[{"a":1}]',
      'null',
      '{"email":["x"]}',
      `"${'x'.repeat(10_000)}"`,
    ];
    const names = Object.keys(operation.properties);
    for (const name of names) {
      for (const value of values) bodies.push(`{"${name}":${value}}`);
    }
    if (names.length > 0) {
      bodies.push(JSON.stringify(Object.fromEntries(names.map((name) => [name, ['\ud800']]))).replace(/\\ud800|\ud800/g, '\\ud800'));
      bodies.push(`{"${names[0]}":"\\u0000","__proto__":{"x":1}}`);
    }
    return bodies;
  }

  function hostileQueries(operation: Operation): string[] {
    return operation.queryParameters.flatMap((name) => [
      `?${name}=%00`,
      `?${name}=%ED%A0%80`,
      `?${name}=a&${name}=b`,
      `?${name}=${'9'.repeat(400)}`,
      `?${name}[x]=1`,
      `?${name}=-1`,
    ]);
  }

  it('answers no hostile input with a 5xx, on any operation, as any role that reaches it', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const operation of operations) {
      for (const caller of reachable.get(operation) ?? []) {
        const inputs = [
          ...(operation.method === 'GET' || operation.method === 'DELETE' ? [] : hostileBodies(operation).map((body) => ({ body }))),
          ...hostileQueries(operation).map((query) => ({ query, body: '{}' })),
        ];
        await Promise.all(
          inputs.map(async (input) => {
            const { status, text } = await call(operation, caller, input);
            requests++;
            if (status >= 500)
              failures.push(
                `${operation.method} ${operation.path} as ${caller.name} with ${JSON.stringify(input).slice(0, 120)}: ${status} ${text.slice(0, 120)}`,
              );
          }),
        );
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    // Every role reached something, and anonymous callers reached the public operations.
    expect(new Set([...reachable.values()].flat().map((caller) => caller.name))).toEqual(new Set(callers.map((caller) => caller.name)));
  }, 120_000);

  it('keeps /health under 100 ms while every body operation receives arrays of 80,000 elements', async () => {
    const latencies: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const start = performance.now();
        await (await fetch(`${baseUrl}/health`)).text();
        latencies.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const huge = `[${Array(HUGE_ARRAY_ITEMS).fill('{}').join(',')}]`;
    const statuses: number[] = [];
    const slowest: { request: string; ms: number }[] = [];
    // One caller per operation; each list or object property (where elements are walked) in turn, or the first
    // property of a flat body, gets the huge array.
    for (const operation of operations.filter((candidate) => Object.keys(candidate.properties).length > 0)) {
      const caller = (reachable.get(operation) ?? [])[0];
      if (!caller) continue;
      const structured = Object.entries(operation.properties)
        .filter(([, schema]) => JSON.stringify(schema).match(/"type":"(array|object)"|\$ref/))
        .map(([name]) => name);
      for (const name of structured.length > 0 ? structured : Object.keys(operation.properties).slice(0, 1)) {
        const start = performance.now();
        statuses.push((await call(operation, caller, { body: `{"${name}":${huge}}` })).status);
        slowest.push({ request: `${operation.method} ${operation.path} ${name}`, ms: Math.round(performance.now() - start) });
      }
    }
    polling = false;
    await poller;
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(40);
    expect(latencies.length).toBeGreaterThan(10);
    const worst = { health: Math.round(Math.max(...latencies)), slowestRequests: slowest.sort((a, b) => b.ms - a.ms).slice(0, 3) };
    expect(worst.health < 100 ? 'fast' : worst).toBe('fast');
  }, 120_000);
});
