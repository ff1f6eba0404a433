import { call, organisationOf } from './counter-seed';
import type { BrowserServer } from './browser-server';
import type { SeededUsers } from './seed';

export interface SeededCarnet {
  id: string;
  number: string;
}

export interface PrescriberStock {
  orderId: string;
  orderNumber: string;
  carnets: SeededCarnet[];
}

const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/**
 * Carnets in the prescriber structure's stock, made as the platform's users make them, through the API:
 * ANCT opens a programme valid `validForDays` more days and enrols the funder; the funder orders, ANCT
 * approves and records the payment, the worker generates the carnets, the funder allocates them all.
 */
export async function seedPrescriberStock(
  server: BrowserServer,
  users: SeededUsers,
  options: { carnetCount: number; carnetSize?: number; validForDays?: number },
): Promise<PrescriberStock> {
  const [funderId, prescriberId] = await Promise.all([users.funder, users.prescriber].map((user) => organisationOf(server, user)));
  const programme = await call<{ id: string }>(server, 'POST', '/programmes', users.anct, {
    name: `Programme ${Math.random().toString(36).slice(2, 10)}`,
    year: new Date().getUTCFullYear(),
    validUntil: isoDay(options.validForDays ?? 365),
    minimumOrderCents: 0,
  });
  await call(server, 'POST', `/programmes/${programme.id}/enrolments`, users.anct, { funderId, envelopeCents: 10_000_000 });
  const order = await call<{ id: string; number: string; totalDueCents: string | number }>(server, 'POST', '/orders', users.funder, {
    programmeId: programme.id,
    carnetCount: options.carnetCount,
    carnetSize: options.carnetSize ?? 5,
  });
  await call(server, 'POST', `/orders/${order.id}/submit`, users.funder);
  await call(server, 'POST', `/orders/${order.id}/approve`, users.anct);
  await call(server, 'POST', `/orders/${order.id}/payment`, users.anct, {
    paymentReference: `VIR-${order.number}`,
    paymentDate: isoDay(0),
    amountCents: Number(order.totalDueCents),
  });
  const deadline = Date.now() + 120_000;
  while ((await call<{ status: string }>(server, 'GET', `/orders/${order.id}`, users.funder)).status !== 'ready') {
    if (Date.now() > deadline) throw new Error(`Order ${order.id} not generated after 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await call(server, 'POST', '/carnets/allocations', users.funder, { prescriberId, count: options.carnetCount, orderId: order.id });
  const carnets = await server.query<SeededCarnet>(`SELECT id, number FROM carnets WHERE order_id = $1 ORDER BY sequence`, [order.id]);
  return { orderId: order.id, orderNumber: order.number, carnets };
}
