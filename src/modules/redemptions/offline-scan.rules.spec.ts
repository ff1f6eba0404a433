import { DEVICE_CLOCK_TOLERANCE_MS } from './redemption.rules';
import { OfflineCeiling, qualificationStatusAt, scanTimeProblem } from './offline-scan.rules';

const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;

describe('scanTimeProblem', () => {
  it.each([
    ['now', 0, null],
    ['slightly ahead (slow server, fast device)', DEVICE_CLOCK_TOLERANCE_MS, null],
    ['in the future', DEVICE_CLOCK_TOLERANCE_MS + 1, 'SCAN_IN_FUTURE'],
    ['at the maximum age', -7 * DAY, null],
    ['older than allowed', -7 * DAY - 1, 'SCAN_TOO_OLD'],
  ])('%s', (_label, offsetMs, expected) => {
    expect(scanTimeProblem(new Date(NOW.getTime() + offsetMs), NOW, 7 * DAY)).toBe(expected);
  });
});

describe('qualificationStatusAt', () => {
  const events = [
    { toStatus: 'qualified' as const, decidedAt: new Date('2026-01-10T09:00:00Z') },
    { toStatus: 'suspended' as const, decidedAt: new Date('2026-03-01T09:00:00Z') },
    { toStatus: 'qualified' as const, decidedAt: new Date('2026-04-01T09:00:00Z') },
  ];
  it.each([
    ['before any decision', '2026-01-01T00:00:00Z', 'pending'],
    ['at the qualification instant', '2026-01-10T09:00:00Z', 'qualified'],
    ['while qualified', '2026-02-01T00:00:00Z', 'qualified'],
    ['while suspended', '2026-03-15T00:00:00Z', 'suspended'],
    ['after reinstatement', '2026-05-01T00:00:00Z', 'qualified'],
  ])('%s → %s', (_label, at, expected) => {
    expect(qualificationStatusAt(events, new Date(at))).toBe(expected);
    expect(qualificationStatusAt([...events].reverse(), new Date(at))).toBe(expected);
  });
});

describe('OfflineCeiling', () => {
  it('accepts up to the ceiling per programme, counting what was already used', () => {
    const ceiling = new OfflineCeiling(
      new Map([
        ['p1', 3000],
        ['p2', 1000],
      ]),
      new Map([['p1', 1000]]),
    );
    expect(ceiling.remaining('p1')).toBe(2000);
    ceiling.take('p1', 1000);
    ceiling.take('p1', 1000);
    expect(ceiling.remaining('p1')).toBe(0);
    expect(() => ceiling.take('p1', 1000)).toThrow(RangeError);
    expect(ceiling.remaining('p2')).toBe(1000);
    expect(ceiling.remaining('unknown')).toBe(0);
  });
});
