import { ExpiringMap } from './expiring-map';

describe('ExpiringMap', () => {
  it('returns an entry until its TTL has passed, then forgets it', () => {
    const map = new ExpiringMap<string>(5_000, 10);
    map.set('a', 'first', 1_000);
    expect(map.get('a', 1_000)).toBe('first');
    expect(map.get('a', 5_999)).toBe('first');
    expect(map.get('a', 6_000)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('ends an entry at its own expiry when that comes before the TTL, never after', () => {
    const map = new ExpiringMap<string>(5_000, 10);
    map.set('early', 'early', 1_000, 3_000);
    map.set('late', 'late', 1_000, 9_000);
    expect(map.get('early', 2_999)).toBe('early');
    expect(map.get('early', 3_000)).toBeUndefined();
    expect(map.get('late', 5_999)).toBe('late');
    expect(map.get('late', 6_000)).toBeUndefined();
  });

  it('restarts the TTL when an entry is set again', () => {
    const map = new ExpiringMap<string>(5_000, 10);
    map.set('a', 'first', 0);
    map.set('a', 'second', 4_000);
    expect(map.get('a', 8_000)).toBe('second');
  });

  it('never holds more than its maximum, dropping the entry set longest ago', () => {
    const map = new ExpiringMap<number>(60_000, 3);
    for (let index = 0; index < 1_000; index++) map.set(`key-${index}`, index, index);
    expect(map.size).toBe(3);
    expect(map.get('key-996', 1_000)).toBeUndefined();
    expect([997, 998, 999].map((index) => map.get(`key-${index}`, 1_000))).toEqual([997, 998, 999]);
  });

  it('counts a refreshed entry as new when choosing which to drop', () => {
    const map = new ExpiringMap<string>(60_000, 2);
    map.set('a', 'a', 0);
    map.set('b', 'b', 1);
    map.set('a', 'a again', 2);
    map.set('c', 'c', 3);
    expect(map.get('b', 4)).toBeUndefined();
    expect(map.get('a', 4)).toBe('a again');
    expect(map.get('c', 4)).toBe('c');
  });

  it('empties at once on clear', () => {
    const map = new ExpiringMap<string>(60_000, 10);
    map.set('a', 'a', 0);
    map.clear();
    expect(map.get('a', 0)).toBeUndefined();
  });

  it.each([
    [0, 10],
    [1_000, 0],
  ])('refuses a TTL of %d ms or a maximum of %d entries', (ttlMs, maxEntries) => {
    expect(() => new ExpiringMap(ttlMs, maxEntries)).toThrow(RangeError);
  });
});
