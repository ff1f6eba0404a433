import { randomBytes, randomUUID } from 'node:crypto';
import { bytesToUuid, PgBinaryCopyWriter, setUuidV4Bits, uuidToBytes } from './pg-binary-copy';

const HEADER_HEX = '5047434f50590aff0d0a00' + '00000000' + '00000000';

describe('PgBinaryCopyWriter', () => {
  it('writes the signature, flags and extension length, then the trailer', () => {
    expect(new PgBinaryCopyWriter().finish().toString('hex')).toBe(`${HEADER_HEX}ffff`);
  });

  it('encodes each field as a length then big-endian bytes', () => {
    const uuid = uuidToBytes('00112233-4455-6677-8899-aabbccddeeff');
    const stream = new PgBinaryCopyWriter(8)
      .row(7)
      .uuid(uuid)
      .int16(-2)
      .int32(1000)
      .text('é')
      .bytes(Buffer.from([0xde, 0xad]))
      .timestamptz(new Date('2000-01-01T00:00:01.5Z'))
      .raw(PgBinaryCopyWriter.encodeFields((w) => w.int32(7)))
      .finish();
    expect(stream.toString('hex')).toBe(
      HEADER_HEX +
        '0007' +
        '00000010' +
        '00112233445566778899aabbccddeeff' +
        '00000002' +
        'fffe' +
        '00000004' +
        '000003e8' +
        '00000002' +
        'c3a9' + // UTF-8, length in bytes
        '00000002' +
        'dead' +
        '00000008' +
        '000000000016e360' + // 1,500,000 µs after 2000-01-01
        '00000004' +
        '00000007' +
        'ffff',
    );
  });

  it('encodes instants before 2000 as negative microseconds', () => {
    const stream = new PgBinaryCopyWriter().row(1).timestamptz(new Date('1999-12-31T23:59:59Z')).finish();
    expect(stream.subarray(HEADER_HEX.length / 2 + 6, HEADER_HEX.length / 2 + 14).readBigInt64BE()).toBe(-1_000_000n);
  });

  it('grows its buffer as needed', () => {
    const writer = new PgBinaryCopyWriter(1);
    for (let i = 0; i < 1000; i++) writer.row(1).text('x'.repeat(100));
    expect(writer.finish()).toHaveLength(19 + 1000 * (2 + 4 + 100) + 2);
  });
});

describe('uuid helpers', () => {
  it('round-trips uuids through bytes', () => {
    for (let i = 0; i < 100; i++) {
      const uuid = randomUUID();
      expect(bytesToUuid(uuidToBytes(uuid))).toBe(uuid);
    }
    expect(() => uuidToBytes('not-a-uuid')).toThrow(RangeError);
  });

  it('makes random bytes valid version-4 uuids', () => {
    const bytes = setUuidV4Bits(randomBytes(16 * 100));
    for (let start = 0; start < bytes.length; start += 16) {
      expect(bytesToUuid(bytes, start)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
