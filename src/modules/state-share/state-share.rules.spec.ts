import { checkStateSharePayment, stateShareDelta, stateShareDue } from './state-share.rules';

describe('stateShareDue = min(floor(rate × redeemed), cap)', () => {
  it.each([
    // redeemed, rate (bp), cap, due
    [0n, 5000, 1_000_000n, 0n],
    [1000n, 5000, 1_000_000n, 500n], // one 10 € chèque at 50 %
    [1_234_567n, 5000, 10_000_000n, 617_283n], // 617 283,5 rounded down
    [999n, 3333, 1_000_000n, 332n], // 332,9667 rounded down
    [1n, 5000, 1_000_000n, 0n], // half a cent is not paid
    [10_000_000n, 5000, 3_000_000n, 3_000_000n], // capped by the envelope
    [6_000_000n, 5000, 3_000_000n, 3_000_000n], // exactly at the cap
    [5_999_998n, 5000, 3_000_000n, 2_999_999n], // just under
    [1_000_000n, 10_000, 2_000_000n, 1_000_000n], // 100 %
    [1_000_000n, 0, 2_000_000n, 0n], // no co-financing
    [1_000_000n, 5000, 0n, 0n], // no envelope
    [300_000_000_000n, 5000, 300_000_000n, 300_000_000n], // 3 billion cents redeemed, 3 M€ cap
  ])('redeemed %d at %d bp, cap %d → %d', (redeemed, rate, cap, due) => {
    expect(stateShareDue(redeemed, rate, cap)).toBe(due);
  });

  it.each([
    [-1n, 5000, 0n],
    [0n, -1, 0n],
    [0n, 10_001, 0n],
    [0n, 50.5, 0n],
    [0n, 5000, -1n],
  ])('refuses %d, %d, %d', (redeemed, rate, cap) => {
    expect(() => stateShareDue(redeemed, rate, cap)).toThrow(RangeError);
  });

  it('is monotonic in the value redeemed and never above rate × value or cap', () => {
    let previous = 0n;
    for (let redeemed = 0n; redeemed <= 50_000n; redeemed += 37n) {
      const due = stateShareDue(redeemed, 5000, 20_000n);
      expect(due).toBeGreaterThanOrEqual(previous);
      expect(due * 2n).toBeLessThanOrEqual(redeemed);
      expect(due).toBeLessThanOrEqual(20_000n);
      previous = due;
    }
  });
});

describe('stateShareDelta', () => {
  it.each([
    [500n, 0n, 500n],
    [500n, 500n, 0n], // idempotent: nothing new
    [400n, 500n, -100n], // a redemption was cancelled
  ])('due %d, recorded %d → line of %d', (due, recorded, delta) => {
    expect(stateShareDelta(due, recorded)).toBe(delta);
  });
});

describe('checkStateSharePayment', () => {
  it.each([
    [100n, 500n, 0n, true],
    [500n, 500n, 0n, true],
    [501n, 500n, 0n, false],
    [100n, 500n, 450n, false],
    [50n, 500n, 450n, true],
    [0n, 500n, 0n, false],
    [-5n, 500n, 0n, false],
  ])('pay %d when due %d and paid %d: %s', (amount, due, paid, ok) => {
    expect(checkStateSharePayment(amount, due, paid).ok).toBe(ok);
  });
});
