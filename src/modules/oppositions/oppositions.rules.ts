import type { OrganisationKind } from '../organisations/organisation-kind';
import type { CarnetStatus } from '../carnets/carnet-status';
import type { VoucherStatus } from '../vouchers/voucher-status';
import { buildCarnetNumber } from '../vouchers/voucher-code.rules';

/**
 * Which carnets an organisation may put in opposition: a prescriber the carnets of its stock and those it
 * handed out; a funder every carnet of its orders, including those still in its own stock (lost in the mail).
 */
export function cancellableCarnetStatuses(kind: OrganisationKind | null): readonly CarnetStatus[] {
  switch (kind) {
    case 'prescriber':
      return ['allocated', 'issued'];
    case 'funder':
      return ['in_stock', 'allocated', 'issued'];
    default:
      return [];
  }
}

/** Redeemed chèques stay redeemed (the venue is owed them), expired ones stay expired. */
export const CANCELLABLE_VOUCHER_STATUSES: readonly VoucherStatus[] = ['active', 'allocated', 'issued'];

const CARNET_NUMBER = /^(\d{4})-(\d{4,})-(\d{6,})$/;

export type CarnetRangeProblem = 'MALFORMED_NUMBER' | 'DIFFERENT_ORDERS' | 'REVERSED' | 'TOO_LARGE';

export type CarnetRange = { ok: true; numbers: string[] } | { ok: false; problem: CarnetRangeProblem };

/**
 * Every carnet number from `from` to `to` included, in one order (carnets are handled and mailed by
 * number ranges). Built with the numbering rule itself, so that widths beyond the minimum are honoured.
 */
export function carnetNumbersInRange(from: string, to: string, maxCount: number): CarnetRange {
  const start = CARNET_NUMBER.exec(from);
  const end = CARNET_NUMBER.exec(to);
  if (!start || !end) return { ok: false, problem: 'MALFORMED_NUMBER' };
  if (start[1] !== end[1] || Number(start[2]) !== Number(end[2])) return { ok: false, problem: 'DIFFERENT_ORDERS' };
  const [year, order, first, last] = [Number(start[1]), Number(start[2]), Number(start[3]), Number(end[3])];
  if (first < 1 || order < 1) return { ok: false, problem: 'MALFORMED_NUMBER' };
  if (last < first) return { ok: false, problem: 'REVERSED' };
  if (last - first + 1 > maxCount) return { ok: false, problem: 'TOO_LARGE' };
  return { ok: true, numbers: Array.from({ length: last - first + 1 }, (_, index) => buildCarnetNumber(year, order, first + index)) };
}
