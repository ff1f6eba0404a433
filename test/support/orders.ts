import { bearer, http, LoggedIn } from './actors';
import type { TestApp } from './test-app';

/** Order journey steps through the HTTP API, for tests that need an order in a given state. */

export async function programmeViaApi(testApp: TestApp, anct: LoggedIn, overrides: Record<string, unknown> = {}) {
  const response = await http(testApp)
    .post('/api/v1/programmes')
    .set(bearer(anct.token))
    .send({ name: `Programme ${Math.random().toString(36).slice(2, 10)}`, year: 2026, validUntil: '2027-12-31', ...overrides })
    .expect(201);
  return response.body as { id: string; year: number; [key: string]: unknown };
}

export async function enrolViaApi(testApp: TestApp, anct: LoggedIn, programmeId: string, funderId: string, envelopeCents?: number) {
  await http(testApp)
    .post(`/api/v1/programmes/${programmeId}/enrolments`)
    .set(bearer(anct.token))
    .send({ funderId, envelopeCents })
    .expect(201);
}

export interface OrderSteps {
  anct: LoggedIn;
  funder: LoggedIn;
  programmeId: string;
}

export async function draftOrder(
  testApp: TestApp,
  steps: OrderSteps,
  body: Record<string, unknown> = {},
): Promise<{ id: string; totalDueCents: string }> {
  const response = await http(testApp)
    .post('/api/v1/orders')
    .set(bearer(steps.funder.token))
    .send({ programmeId: steps.programmeId, carnetCount: 200, carnetSize: 5, ...body })
    .expect(201);
  return response.body;
}

export async function submittedOrder(testApp: TestApp, steps: OrderSteps, body?: Record<string, unknown>) {
  const order = await draftOrder(testApp, steps, body);
  await http(testApp).post(`/api/v1/orders/${order.id}/submit`).set(bearer(steps.funder.token)).expect(200);
  return order;
}

export async function approvedOrder(testApp: TestApp, steps: OrderSteps, body?: Record<string, unknown>) {
  const order = await submittedOrder(testApp, steps, body);
  await http(testApp).post(`/api/v1/orders/${order.id}/approve`).set(bearer(steps.anct.token)).expect(200);
  return order;
}

export function paymentOf(order: { totalDueCents: string }) {
  return { paymentReference: 'VIR-TEST-0001', paymentDate: '2026-01-15', amountCents: Number(order.totalDueCents) };
}

export async function paidOrder(testApp: TestApp, steps: OrderSteps, body?: Record<string, unknown>) {
  const order = await approvedOrder(testApp, steps, body);
  await http(testApp).post(`/api/v1/orders/${order.id}/payment`).set(bearer(steps.anct.token)).send(paymentOf(order)).expect(200);
  return order;
}

/** Polls the order as its funder sees it until it is ready (the worker of the test app generates it). */
export async function waitUntilReady(testApp: TestApp, funder: LoggedIn, orderId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await http(testApp).get(`/api/v1/orders/${orderId}`).set(bearer(funder.token)).expect(200);
    if (response.body.status === 'ready') return response.body;
    if (Date.now() > deadline) throw new Error(`Order ${orderId} still ${response.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface GeneratedCarnet {
  id: string;
  number: string;
  vouchers: { id: string; serial: string }[];
}

/**
 * A paid order the worker has generated, with its carnets in sequence and their chèques in position
 * (read from the stock tables: chèque ids are what later stages refer to).
 */
export async function readyOrderViaApi(testApp: TestApp, steps: OrderSteps, body?: Record<string, unknown>) {
  const order = await paidOrder(testApp, steps, body);
  const ready = await waitUntilReady(testApp, steps.funder, order.id);
  const rows: { carnetId: string; number: string; id: string; serial: string }[] = await testApp.dataSource.query(
    `SELECT c.id AS "carnetId", c.number, v.id, v.serial FROM carnets c JOIN vouchers v ON v.carnet_id = c.id
      WHERE c.order_id = $1 ORDER BY c.sequence, v.position`,
    [order.id],
  );
  const carnets: GeneratedCarnet[] = [];
  for (const row of rows) {
    if (carnets.at(-1)?.id !== row.carnetId) carnets.push({ id: row.carnetId, number: row.number, vouchers: [] });
    carnets.at(-1)!.vouchers.push({ id: row.id, serial: row.serial });
  }
  return { order: ready as { id: string; totalDueCents: string; faceValueTotalCents: string; feeCents: string }, carnets };
}
