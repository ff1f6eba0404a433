import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import type { VoucherStatus } from '../vouchers/voucher-status';
import { CARNET_STATUSES, type CarnetStatus } from './carnet-status';
import { CarnetError } from './carnets.errors';
import { CARNET_NUMBER_PATTERN } from './carnet-number.rules';

export { CARNET_NUMBER_PATTERN };

/** Carnets moved by one request: bounded so that one transaction (and its audit rows) stays short. */
export const MAX_CARNETS_PER_MOVE = 5_000;

export interface CarnetNumberParts {
  /** `YYYY-OOOO`: the carnets of one order share it. */
  orderPart: string;
  carnetSequence: number;
}

export function parseCarnetNumber(number: string): CarnetNumberParts | null {
  const match = CARNET_NUMBER_PATTERN.exec(number);
  if (!match) return null;
  return { orderPart: `${match[1]}-${Number(match[2])}`, carnetSequence: Number(match[3]) };
}

export interface CarnetRange {
  fromNumber: string;
  fromSequence: number;
  toSequence: number;
  count: number;
}

/** A range is within one order, in increasing order, and not larger than one request may move. */
export function parseCarnetRange(fromNumber: string, toNumber: string): CarnetRange {
  const from = parseCarnetNumber(fromNumber);
  const to = parseCarnetNumber(toNumber);
  if (!from || !to) throw new CarnetError('INVALID_CARNET_RANGE', 'Carnet numbers look like 2026-0042-000123.', { fromNumber, toNumber });
  if (from.orderPart !== to.orderPart) {
    throw new CarnetError('INVALID_CARNET_RANGE', 'A range must stay within one order.', { fromNumber, toNumber });
  }
  if (from.carnetSequence > to.carnetSequence) {
    throw new CarnetError('INVALID_CARNET_RANGE', 'The range starts after it ends.', { fromNumber, toNumber });
  }
  const count = to.carnetSequence - from.carnetSequence + 1;
  if (count > MAX_CARNETS_PER_MOVE) {
    throw new CarnetError('INVALID_CARNET_RANGE', `A range moves at most ${MAX_CARNETS_PER_MOVE} carnets.`, {
      fromNumber,
      toNumber,
      count,
      max: MAX_CARNETS_PER_MOVE,
    });
  }
  return { fromNumber, fromSequence: from.carnetSequence, toSequence: to.carnetSequence, count };
}

export type CarnetSelection = { kind: 'count'; count: number; orderId?: string } | { kind: 'range'; range: CarnetRange };

/** Either a count (optionally within one order) or a range of numbers, never both. */
export function carnetSelection(input: { count?: number; orderId?: string; fromNumber?: string; toNumber?: string }): CarnetSelection {
  const hasRange = input.fromNumber !== undefined || input.toNumber !== undefined;
  if (input.count !== undefined && !hasRange) return { kind: 'count', count: input.count, orderId: input.orderId };
  if (input.count === undefined && input.fromNumber !== undefined && input.toNumber !== undefined && input.orderId === undefined) {
    return { kind: 'range', range: parseCarnetRange(input.fromNumber, input.toNumber) };
  }
  throw new ValidationFailedError([
    { field: 'count', problems: ['give either count (and optionally orderId), or fromNumber and toNumber'] },
  ]);
}

export interface NumberRun {
  from: string;
  to: string;
  count: number;
}

/** Consecutive carnets of one order as runs (`2026-0042-000001` … `000200`): what a person reads and writes on a delivery note. */
export function summariseCarnetRuns(carnets: ReadonlyArray<{ number: string; orderId: string; sequence: number }>): NumberRun[] {
  const orderPart = (number: string) => number.slice(0, number.lastIndexOf('-'));
  const sorted = [...carnets].sort((a, b) =>
    a.orderId === b.orderId ? a.sequence - b.sequence : orderPart(a.number) < orderPart(b.number) ? -1 : 1,
  );
  const runs: Array<NumberRun & { orderId: string; lastSequence: number }> = [];
  for (const carnet of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.orderId === carnet.orderId && last.lastSequence + 1 === carnet.sequence) {
      last.to = carnet.number;
      last.count += 1;
      last.lastSequence = carnet.sequence;
    } else {
      runs.push({ from: carnet.number, to: carnet.number, count: 1, orderId: carnet.orderId, lastSequence: carnet.sequence });
    }
  }
  return runs.map(({ from, to, count }) => ({ from, to, count }));
}

export type StatusCounts = Record<CarnetStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(CARNET_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

export interface StockRow {
  orderId: string;
  orderNumber: string;
  carnetSize: number;
  funderId: string;
  prescriberId: string | null;
  status: CarnetStatus;
  count: number;
}

export interface OrderStock {
  orderId: string;
  orderNumber: string;
  funderId: string;
  carnetSize: number;
  counts: StatusCounts;
}

export interface HolderStock {
  prescriberId: string;
  counts: StatusCounts;
}

export interface StockSummary {
  totals: StatusCounts;
  orders: OrderStock[];
  /** Carnets per prescriber structure (those never allocated are not in any). */
  prescribers: HolderStock[];
}

/** Carnet counts by status, per order and per prescriber, from grouped rows (rows keep their order). */
export function summariseStock(rows: readonly StockRow[]): StockSummary {
  const totals = emptyStatusCounts();
  const orders = new Map<string, OrderStock>();
  const prescribers = new Map<string, HolderStock>();
  for (const row of rows) {
    totals[row.status] += row.count;
    const order = orders.get(row.orderId) ?? {
      orderId: row.orderId,
      orderNumber: row.orderNumber,
      funderId: row.funderId,
      carnetSize: row.carnetSize,
      counts: emptyStatusCounts(),
    };
    order.counts[row.status] += row.count;
    orders.set(row.orderId, order);
    if (row.prescriberId) {
      const holder = prescribers.get(row.prescriberId) ?? { prescriberId: row.prescriberId, counts: emptyStatusCounts() };
      holder.counts[row.status] += row.count;
      prescribers.set(row.prescriberId, holder);
    }
  }
  return { totals, orders: [...orders.values()], prescribers: [...prescribers.values()] };
}

/** Cuts the runs of carnet sequences still to generate into generation chunks of at most `size` carnets. */
export function splitIntoChunks(
  ranges: ReadonlyArray<{ first: number; last: number }>,
  size: number,
): Array<{ first: number; count: number }> {
  const chunks: Array<{ first: number; count: number }> = [];
  for (const { first, last } of ranges) {
    for (let start = first; start <= last; start += size) chunks.push({ first: start, count: Math.min(size, last - start + 1) });
  }
  return chunks;
}

/** Chèques that can still change (not yet used, expired or cancelled). */
const LIVE_VOUCHER_STATUSES: readonly VoucherStatus[] = ['generated', 'active', 'allocated', 'issued'];
/** Where a carnet is while it still has a live chèque: in a stock or in a beneficiary's hands. */
const OPEN_CARNET_STATUSES: readonly CarnetStatus[] = ['in_stock', 'allocated', 'issued'];

/**
 * A carnet's state from its chèques' states, whatever the order in which they got there (redeemed,
 * put in opposition one by one, expired):
 * - a carnet put in opposition as a whole stays `cancelled` (it was declared lost or stolen, and may be replaced);
 * - while one chèque is live, the carnet stays where it is in the distribution chain (a used-up carnet
 *   whose redemption is undone is `issued` again: only a handed-out carnet's chèques are redeemed);
 * - once none is live, it is closed: `cancelled` if every chèque was cancelled, `expired` if one expired,
 *   otherwise `fully_used` (each chèque redeemed or cancelled, at least one redeemed).
 * The redemption writer (`fully_used` when it redeems a carnet's last live chèque) and the expiry job
 * (`expired` when it expires the last ones) apply the same rule in SQL; the oppositions call it here.
 */
export function carnetStatusFromVouchers(current: CarnetStatus, voucherStatuses: readonly VoucherStatus[]): CarnetStatus {
  if (current === 'cancelled' || voucherStatuses.length === 0) return current;
  if (voucherStatuses.some((status) => LIVE_VOUCHER_STATUSES.includes(status))) {
    return OPEN_CARNET_STATUSES.includes(current) ? current : 'issued';
  }
  if (voucherStatuses.every((status) => status === 'cancelled')) return 'cancelled';
  if (voucherStatuses.includes('expired')) return 'expired';
  return 'fully_used';
}
