import { exceedsJsonDepth } from './json-depth';

describe('exceedsJsonDepth', () => {
  const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

  it.each([
    ['a scalar', '"text"', 0, false],
    ['an empty object at the limit', '{}', 1, false],
    ['arrays at the limit', nested(16), 16, false],
    ['arrays one level too deep', nested(17), 16, true],
    ['objects too deep', `${'{"a":'.repeat(20)}1${'}'.repeat(20)}`, 16, true],
    ['20,000 levels', nested(20_000), 16, true],
    ['siblings, each shallow', `[${Array(1000).fill('[[1]]').join(',')}]`, 3, false],
  ])('%s', (_label, text, maxDepth, expected) => {
    expect(exceedsJsonDepth(text, maxDepth)).toBe(expected);
    if (!expected) expect(() => JSON.parse(text)).not.toThrow();
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ text: '[[[[{{{{', quoted: 'say \\" [[[[[ "' }), 2)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify([['"[[[["']]), 2)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify([[['\\']]]), 2)).toBe(true);
  });
});
