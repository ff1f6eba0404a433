import { byteSize } from './byte-size';

describe('byteSize', () => {
  it.each([
    ['512b', 512],
    ['256kb', 262_144],
    ['2mb', 2_097_152],
  ])('reads %s as %i bytes', (setting, bytes) => {
    expect(byteSize(setting)).toBe(bytes);
  });

  it.each(['', '12', '1.5mb', '1gb', 'kb', ' 1kb'])('refuses %j', (setting) => {
    expect(() => byteSize(setting)).toThrow('not a size');
  });
});
