import fc from 'fast-check';
import {
  operatorFee,
  pricingRulesOf,
  type ProgrammePricingRules,
  quoteOrder,
  remainingEnvelope,
  stateShareAtRate,
} from './order-pricing.rules';

const PROGRAMME: ProgrammePricingRules = {
  faceValueCents: 1000,
  allowedCarnetSizes: [5, 10],
  minimumOrderCents: 1_000_000n,
  funderCapCents: 300_000_000n,
  operatorFeeRateBp: 400,
  stateShareRateBp: 5000,
};
const FULL_ENVELOPE = { envelopeCents: 300_000_000n, reservedCents: 0n };

describe('operatorFee: face value × rate, rounded half up to the cent', () => {
  it.each([
    [100_000n, 400, 4_000n], // 1,000 € at 4 % = 40 €
    [1_000_000_000n, 400, 40_000_000n], // 1,000,000 chèques
    [100_000n, 0, 0n], // a programme without fee
    [1_000n, 333, 33n], // 33.3 c → 33
    [1_500n, 333, 50n], // 49.95 c → 50
    [1_000n, 5, 1n], // 0.5 c → 1 (half up)
    [999n, 5, 0n], // 0.4995 c → 0
    [3n, 5000, 2n], // 1.5 → 2
    [1n, 10_000, 1n], // 100 %
    [0n, 400, 0n],
  ])('%s c at %s bp = %s c', (face, rate, fee) => {
    expect(operatorFee(face, rate)).toBe(fee);
  });

  it('property: never more than half a cent away from the exact value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 10_000 }), (face, rate) => {
        const fee = operatorFee(face, rate);
        // |fee − face·rate/10⁴| ≤ ½  ⇔  |fee·2·10⁴ − 2·face·rate| ≤ 10⁴; a tie goes up, so exactly +½ but never −½
        const error = fee * 20_000n - 2n * face * BigInt(rate);
        expect(error > -10_000n && error <= 10_000n).toBe(true);
      }),
    );
  });
});

describe('stateShareAtRate: face value × rate, rounded down', () => {
  it.each([
    [100_000n, 5000, 50_000n],
    [1_001n, 5000, 500n], // 500.5 → 500: the State never pays above its rate
    [999n, 3333, 332n], // 332.97 → 332
    [0n, 5000, 0n],
  ])('%s c at %s bp = %s c', (face, rate, share) => {
    expect(stateShareAtRate(face, rate)).toBe(share);
  });

  it('property: never above the exact rate, less than a cent below it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 10_000 }), (face, rate) => {
        const share = stateShareAtRate(face, rate);
        const exactTimes10k = face * BigInt(rate);
        expect(share * 10_000n <= exactTimes10k).toBe(true);
        expect(exactTimes10k - share * 10_000n < 10_000n).toBe(true);
      }),
    );
  });
});

describe('remainingEnvelope', () => {
  it.each([
    [1_000n, 0n, 1_000n],
    [1_000n, 400n, 600n],
    [1_000n, 1_000n, 0n],
    [1_000n, 1_500n, 0n], // envelope lowered below what is already reserved
  ])('envelope %s, reserved %s → %s', (envelopeCents, reservedCents, remaining) => {
    expect(remainingEnvelope({ envelopeCents, reservedCents })).toBe(remaining);
  });
});

describe('quoteOrder: what the order form shows as the officer types, and what the server fixes', () => {
  it('prices the historical case: 200 carnets of 10 chèques at 10 €, 4 % fee, 50 % State share', () => {
    expect(quoteOrder(PROGRAMME, { carnetCount: 200, carnetSize: 10 }, FULL_ENVELOPE)).toEqual({
      ok: true,
      price: {
        faceValueTotalCents: 2_000_000n,
        feeCents: 80_000n,
        totalDueCents: 2_080_000n,
        stateShareAtRateCents: 1_000_000n,
        maxStateShareCents: 1_000_000n,
        remainingEnvelopeCents: 300_000_000n,
      },
    });
  });

  it.each<[string, ProgrammePricingRules, number, number, unknown]>([
    [
      'a carnet size the programme does not allow',
      PROGRAMME,
      200,
      7,
      { code: 'CARNET_SIZE_NOT_ALLOWED', details: { rule: 'allowedCarnetSizes', allowedCarnetSizes: [5, 10], carnetSize: 7 } },
    ],
    [
      'one chèque below the minimum',
      PROGRAMME,
      199,
      5,
      { code: 'ORDER_BELOW_MINIMUM', details: { rule: 'minimumOrderCents', minimumOrderCents: '1000000', faceValueTotalCents: '995000' } },
    ],
    [
      'a State share one cent above the cap',
      { ...PROGRAMME, funderCapCents: 999_999n },
      200,
      10,
      { code: 'ORDER_ABOVE_CAP', details: { rule: 'funderCapCents', funderCapCents: '999999', stateShareAtRateCents: '1000000' } },
    ],
  ])('says which rule is broken, as a value (no exception, no server class): %s', (_, programme, carnetCount, carnetSize, refusal) => {
    expect(quoteOrder(programme, { carnetCount, carnetSize }, FULL_ENVELOPE)).toEqual({ ok: false, refusal });
  });

  it('checks the size first, then the minimum, then the cap (the first rule broken is the one named)', () => {
    const tooSmallAndTooBig = { ...PROGRAMME, funderCapCents: 0n };
    expect(quoteOrder(tooSmallAndTooBig, { carnetCount: 1, carnetSize: 7 }, FULL_ENVELOPE)).toMatchObject({
      ok: false,
      refusal: { code: 'CARNET_SIZE_NOT_ALLOWED' },
    });
    expect(quoteOrder(tooSmallAndTooBig, { carnetCount: 1, carnetSize: 5 }, FULL_ENVELOPE)).toMatchObject({
      ok: false,
      refusal: { code: 'ORDER_BELOW_MINIMUM' },
    });
  });

  it('caps the maximum State share by what is left of the envelope', () => {
    const quote = quoteOrder(PROGRAMME, { carnetCount: 200, carnetSize: 10 }, { envelopeCents: 5_000_000n, reservedCents: 4_600_000n });
    expect(quote).toMatchObject({
      ok: true,
      price: { stateShareAtRateCents: 1_000_000n, maxStateShareCents: 400_000n, remainingEnvelopeCents: 400_000n },
    });
  });
});

describe('pricingRulesOf: one reading of the programme for the server (bigint columns as strings) and the web (JSON integers)', () => {
  const settings = { faceValueCents: 1000, allowedCarnetSizes: [5, 10], operatorFeeRateBp: 400, stateShareRateBp: 5000 };

  it.each([
    ['a database row', { ...settings, minimumOrderCents: '1000000', defaultFunderCapCents: '300000000' }],
    ['an API answer', { ...settings, minimumOrderCents: 1_000_000, defaultFunderCapCents: 300_000_000 }],
  ])('reads %s into the same rules', (_, programme) => {
    expect(pricingRulesOf(programme)).toEqual(PROGRAMME);
  });

  it('property: the web (numbers) and the server (strings) price every order alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(5, 10),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (carnetCount, carnetSize, operatorFeeRateBp, stateShareRateBp, minimum, cap) => {
          const asNumbers = { ...settings, operatorFeeRateBp, stateShareRateBp, minimumOrderCents: minimum, defaultFunderCapCents: cap };
          const asStrings = { ...asNumbers, minimumOrderCents: String(minimum), defaultFunderCapCents: String(cap) };
          const quantity = { carnetCount, carnetSize };
          expect(quoteOrder(pricingRulesOf(asNumbers), quantity, FULL_ENVELOPE)).toEqual(
            quoteOrder(pricingRulesOf(asStrings), quantity, FULL_ENVELOPE),
          );
        },
      ),
    );
  });
});
