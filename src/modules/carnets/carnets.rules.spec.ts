import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import { buildCarnetNumber } from '../vouchers/voucher-code.rules';
import { CarnetError } from './carnets.errors';
import type { VoucherStatus } from '../vouchers/voucher-status';
import type { CarnetStatus } from './carnet-status';
import {
  carnetSelection,
  carnetStatusFromVouchers,
  MAX_CARNETS_PER_MOVE,
  parseCarnetNumber,
  parseCarnetRange,
  splitIntoChunks,
  summariseCarnetRuns,
  summariseStock,
} from './carnets.rules';

describe('parseCarnetNumber', () => {
  it.each([
    ['2026-0042-000123', { orderPart: '2026-42', carnetSequence: 123 }],
    ['2026-12345-1000000', { orderPart: '2026-12345', carnetSequence: 1_000_000 }],
    [buildCarnetNumber(2027, 7, 5), { orderPart: '2027-7', carnetSequence: 5 }],
  ])('%s → %j', (number, parts) => {
    expect(parseCarnetNumber(number)).toEqual(parts);
  });

  it.each(['2026-42-000123', '2026-0042-123', '2026-0042-000123-01', ' 2026-0042-000123', ''])('refuses %j', (number) => {
    expect(parseCarnetNumber(number)).toBeNull();
  });
});

describe('parseCarnetRange', () => {
  it('reads a range within one order', () => {
    expect(parseCarnetRange('2026-0042-000010', '2026-0042-000019')).toEqual({
      fromNumber: '2026-0042-000010',
      fromSequence: 10,
      toSequence: 19,
      count: 10,
    });
    expect(parseCarnetRange('2026-0042-000010', '2026-0042-000010').count).toBe(1);
  });

  it.each([
    ['two orders', '2026-0042-000001', '2026-0043-000002'],
    ['two programme years', '2026-0042-000001', '2027-0042-000002'],
    ['a reversed range', '2026-0042-000002', '2026-0042-000001'],
    ['a malformed number', '2026-0042-1', '2026-0042-000002'],
    ['too many carnets', '2026-0042-000001', buildCarnetNumber(2026, 42, MAX_CARNETS_PER_MOVE + 1)],
  ])('refuses %s', (_, from, to) => {
    expect(() => parseCarnetRange(from, to)).toThrow(CarnetError);
  });

  it('accepts the largest range one request may move', () => {
    expect(parseCarnetRange('2026-0042-000001', buildCarnetNumber(2026, 42, MAX_CARNETS_PER_MOVE)).count).toBe(MAX_CARNETS_PER_MOVE);
  });
});

describe('carnetSelection', () => {
  it('is a count, optionally within one order, or a range', () => {
    expect(carnetSelection({ count: 5 })).toEqual({ kind: 'count', count: 5, orderId: undefined });
    expect(carnetSelection({ count: 5, orderId: 'o' })).toEqual({ kind: 'count', count: 5, orderId: 'o' });
    expect(carnetSelection({ fromNumber: '2026-0042-000001', toNumber: '2026-0042-000002' })).toMatchObject({
      kind: 'range',
      range: { count: 2 },
    });
  });

  it.each([
    ['nothing', {}],
    ['both a count and a range', { count: 2, fromNumber: '2026-0042-000001', toNumber: '2026-0042-000002' }],
    ['half a range', { fromNumber: '2026-0042-000001' }],
    ['a range with an order', { fromNumber: '2026-0042-000001', toNumber: '2026-0042-000002', orderId: 'o' }],
  ])('refuses %s', (_, input) => {
    expect(() => carnetSelection(input)).toThrow(ValidationFailedError);
  });
});

describe('summariseCarnetRuns', () => {
  const carnet = (orderId: string, orderSequence: number, sequence: number) => ({
    orderId,
    sequence,
    number: buildCarnetNumber(2026, orderSequence, sequence),
  });

  it('groups consecutive numbers of one order, whatever the input order', () => {
    const carnets = [
      carnet('b', 43, 1),
      carnet('a', 42, 3),
      carnet('a', 42, 1),
      carnet('a', 42, 2),
      carnet('a', 42, 7),
      carnet('b', 43, 2),
    ];
    expect(summariseCarnetRuns(carnets)).toEqual([
      { from: '2026-0042-000001', to: '2026-0042-000003', count: 3 },
      { from: '2026-0042-000007', to: '2026-0042-000007', count: 1 },
      { from: '2026-0043-000001', to: '2026-0043-000002', count: 2 },
    ]);
  });

  it('orders by sequence, not by text, beyond 999,999 carnets', () => {
    expect(summariseCarnetRuns([carnet('a', 42, 1_000_000), carnet('a', 42, 999_999)])).toEqual([
      { from: '2026-0042-999999', to: '2026-0042-1000000', count: 2 },
    ]);
  });

  it('is empty for no carnet', () => {
    expect(summariseCarnetRuns([])).toEqual([]);
  });
});

describe('summariseStock', () => {
  it('adds counts per order, per prescriber and overall', () => {
    const row = (orderId: string, prescriberId: string | null, status: 'in_stock' | 'allocated' | 'issued', count: number) => ({
      orderId,
      orderNumber: `2026-${orderId}`,
      carnetSize: 10,
      funderId: 'f',
      prescriberId,
      status,
      count,
    });
    const summary = summariseStock([
      row('1', null, 'in_stock', 70),
      row('1', 'p', 'allocated', 20),
      row('1', 'p', 'issued', 10),
      row('2', 'q', 'allocated', 5),
    ]);
    expect(summary.totals).toEqual({ in_stock: 70, allocated: 25, issued: 10, fully_used: 0, expired: 0, cancelled: 0 });
    expect(summary.orders.map((o) => [o.orderId, o.counts.in_stock, o.counts.allocated, o.counts.issued])).toEqual([
      ['1', 70, 20, 10],
      ['2', 0, 5, 0],
    ]);
    expect(summary.prescribers.map((p) => [p.prescriberId, p.counts.allocated, p.counts.issued])).toEqual([
      ['p', 20, 10],
      ['q', 5, 0],
    ]);
  });
});

describe('splitIntoChunks', () => {
  it.each([
    [
      [{ first: 1, last: 10 }],
      4,
      [
        { first: 1, count: 4 },
        { first: 5, count: 4 },
        { first: 9, count: 2 },
      ],
    ],
    [
      [{ first: 1, last: 8 }],
      4,
      [
        { first: 1, count: 4 },
        { first: 5, count: 4 },
      ],
    ],
    [
      [
        { first: 3, last: 3 },
        { first: 7, last: 12 },
      ],
      5,
      [
        { first: 3, count: 1 },
        { first: 7, count: 5 },
        { first: 12, count: 1 },
      ],
    ],
    [[], 5, []],
  ])('%j by %i → %j', (ranges, size, chunks) => {
    expect(splitIntoChunks(ranges, size)).toEqual(chunks);
  });
});

describe('carnetStatusFromVouchers', () => {
  it.each([
    ['issued', ['redeemed', 'issued'], 'issued'],
    ['in_stock', ['active', 'cancelled'], 'in_stock'],
    ['allocated', ['allocated', 'cancelled'], 'allocated'],
    ['issued', ['redeemed', 'redeemed'], 'fully_used'],
    ['issued', ['redeemed', 'cancelled'], 'fully_used'],
    ['issued', ['cancelled', 'cancelled'], 'cancelled'],
    ['in_stock', ['cancelled', 'cancelled'], 'cancelled'],
    ['issued', ['redeemed', 'expired'], 'expired'],
    ['issued', ['cancelled', 'expired'], 'expired'],
    ['issued', ['redeemed', 'cancelled', 'expired'], 'expired'],
    ['fully_used', ['redeemed', 'issued'], 'issued'],
    ['fully_used', ['redeemed', 'redeemed'], 'fully_used'],
    ['cancelled', ['redeemed', 'cancelled'], 'cancelled'],
    ['cancelled', ['redeemed', 'redeemed'], 'cancelled'],
    ['expired', ['expired', 'redeemed'], 'expired'],
    ['issued', [], 'issued'],
  ] as const)('%s carnet with %j → %s', (current, vouchers, expected) => {
    expect(carnetStatusFromVouchers(current, vouchers)).toBe(expected);
  });

  /** Every order of the events that close one carnet of `n` chèques: each chèque redeemed, cancelled or expired, one at a time. */
  function* orders<T>(items: T[]): Generator<T[]> {
    if (items.length <= 1) {
      yield items;
      return;
    }
    for (let index = 0; index < items.length; index++) {
      for (const rest of orders([...items.slice(0, index), ...items.slice(index + 1)])) yield [items[index], ...rest];
    }
  }

  it.each([
    [['redeemed', 'redeemed', 'redeemed', 'cancelled'], 'fully_used'],
    [['redeemed', 'cancelled', 'cancelled', 'cancelled'], 'fully_used'],
    [['cancelled', 'cancelled', 'cancelled', 'cancelled'], 'cancelled'],
    [['redeemed', 'redeemed', 'expired', 'expired'], 'expired'],
    [['redeemed', 'cancelled', 'expired', 'expired'], 'expired'],
  ] as const)('whatever the order the chèques become %j, the carnet ends %s, applying the rule after each event', (finals, expected) => {
    for (const order of orders(finals.map((status, position) => ({ status, position })))) {
      const vouchers: VoucherStatus[] = finals.map(() => 'issued');
      let carnet: CarnetStatus = 'issued';
      for (const event of order) {
        vouchers[event.position] = event.status;
        carnet = carnetStatusFromVouchers(carnet, vouchers);
      }
      expect(carnet).toBe(expected);
    }
  });
});
