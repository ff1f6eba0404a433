import { cancellableCarnetStatuses, carnetNumbersInRange } from './oppositions.rules';

describe('cancellableCarnetStatuses', () => {
  it.each([
    ['prescriber', ['allocated', 'issued']],
    ['funder', ['in_stock', 'allocated', 'issued']],
    ['venue', []],
    ['anct', []],
    [null, []],
  ] as const)('%s may cancel carnets in %j', (kind, statuses) => {
    expect(cancellableCarnetStatuses(kind)).toEqual(statuses);
  });
});

describe('carnetNumbersInRange', () => {
  it('lists every number of the range, both ends included', () => {
    expect(carnetNumbersInRange('2026-0042-000009', '2026-0042-000011', 10)).toEqual({
      ok: true,
      numbers: ['2026-0042-000009', '2026-0042-000010', '2026-0042-000011'],
    });
    expect(carnetNumbersInRange('2026-0042-000009', '2026-0042-000009', 1)).toEqual({ ok: true, numbers: ['2026-0042-000009'] });
  });

  it('crosses the minimum width like the numbering rule does', () => {
    const range = carnetNumbersInRange('2026-12345-999999', '2026-12345-1000000', 10);
    expect(range).toEqual({ ok: true, numbers: ['2026-12345-999999', '2026-12345-1000000'] });
  });

  it.each([
    ['2026-0042-12', '2026-0042-000011', 'MALFORMED_NUMBER'],
    ['2026-0042-000000', '2026-0042-000001', 'MALFORMED_NUMBER'],
    ['2026-0042-000001', '2026-0043-000002', 'DIFFERENT_ORDERS'],
    ['2026-0042-000001', '2027-0042-000002', 'DIFFERENT_ORDERS'],
    ['2026-0042-000005', '2026-0042-000004', 'REVERSED'],
    ['2026-0042-000001', '2026-0042-000011', 'TOO_LARGE'],
  ])('%s … %s → %s', (from, to, problem) => {
    expect(carnetNumbersInRange(from, to, 10)).toEqual({ ok: false, problem });
  });
});
