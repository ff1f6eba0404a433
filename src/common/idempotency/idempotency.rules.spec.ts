import { canonicalJson, IDEMPOTENCY_KEY_PATTERN, requestHash } from './idempotency.rules';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [2, { d: 3, c: 4 }] }, '{"a":[2,{"c":4,"d":3}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[undefined], '[null]'],
    ['é', '"é"'],
    [{ at: new Date('2026-01-01T00:00:00Z') }, '{"at":"2026-01-01T00:00:00.000Z"}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('hashes bodies equal up to key order alike, and different bodies differently', () => {
    expect(requestHash({ a: 1, b: [1, 2] }).equals(requestHash({ b: [1, 2], a: 1 }))).toBe(true);
    expect(requestHash({ a: 1, b: [1, 2] }).equals(requestHash({ a: 1, b: [2, 1] }))).toBe(false);
    expect(requestHash({ a: '1' }).equals(requestHash({ a: 1 }))).toBe(false);
  });
});

describe('IDEMPOTENCY_KEY_PATTERN', () => {
  it.each([
    ['3f2b9c4e-8a71-4c1e-9d2a-5b6c7d8e9f00', true],
    ['a', true],
    ['x'.repeat(255), true],
    ['x'.repeat(256), false],
    ['', false],
    ['with space', false],
    ['accentué', false],
  ])('%s → %s', (key, valid) => expect(IDEMPOTENCY_KEY_PATTERN.test(key)).toBe(valid));
});
