/**
 * Binary payload of the signed QR printed on each chèque (format version 1). Public specification,
 * test vectors and an independent verifier: docs/signed-qr-format.md (the layout below must not change).
 *
 * Every byte counts: payload + 64-byte signature, in base45, must fit a QR code version ≤ 10 at
 * error-correction level Q (≈ 220 alphanumeric characters → ≈ 144 bytes → ≤ 80 payload bytes).
 * Integers are big-endian. The layout is length-determined, so any strict prefix of a valid
 * payload is detectably truncated and anything after the last field is an error.
 *
 *   size         field
 *   1            format version, = 1
 *   1            key id length K, 1–16
 *   K            key id, ASCII [A-Za-z0-9._-]
 *   1            serial header: bit 7 = packing (0: ASCII, 1: digits-and-dashes),
 *                bits 0–6 = length L in characters, 1–32
 *   L or ⌈L/2⌉   serial. ASCII: one visible character (0x21–0x7E) per byte.
 *                Digits-and-dashes: one nibble per character (0–9 = digit, 0xA = '-'),
 *                high nibble first, an odd length padded with 0xF. Chosen whenever the serial
 *                only has digits and dashes (`2026-0042-000123-07`: 10 bytes instead of 19),
 *                and only then, so that each payload has exactly one encoding.
 *   10           code: 16 Crockford base32 symbols × 5 bits, first symbol in the high bits
 *   4            expiry: uint32 seconds since 1970-01-01T00:00:00Z (lasts until 2106)
 *   1            territory entry count N, 0–255 (0 = valid anywhere)
 *   3·N          territory entries, uint24 each, one number range per kind of code:
 *                  0 … 101 999          commune (INSEE): prefix × 1000 + last three digits
 *                  200 000 … 200 101    département written with two characters: 200 000 + prefix
 *                  300 000 … 300 999    département written with three digits (971…): 300 000 + number
 *                where prefix = the first two characters, '00'–'99' → 0–99, '2A' → 100, '2B' → 101.
 *                (Length-prefixed text would cost 6 bytes per commune instead of 3.)
 *
 * Decoding re-validates every field with the same rules as encoding, so a decoded payload is
 * always one that `encodeVoucherPayload` would have produced, byte for byte. Decoding uses no Node-only
 * API (encoding, server-side only, does): the web counter verifies QR codes offline with this module.
 */
import { DomainError } from '../../common/errors/domain-error';

export const VOUCHER_PAYLOAD_VERSION = 1;

export interface VoucherPayload {
  readonly version: typeof VOUCHER_PAYLOAD_VERSION;
  /** Which signing key to verify with (see key-ring.ts). */
  readonly keyId: string;
  /** Printed serial, e.g. `2026-0042-000123-07`. */
  readonly serial: string;
  /** Normalised redemption code: 16 Crockford base32 symbols, upper case, no separators. */
  readonly code: string;
  /** Whole seconds, UTC. */
  readonly expiresAt: Date;
  /** Département (`75`, `2A`, `971`) and/or commune INSEE (`75056`, `2A004`, `97105`) codes; empty = anywhere. */
  readonly territory: readonly string[];
}

export type VoucherPayloadErrorCode = 'INVALID_VOUCHER_PAYLOAD' | 'UNSUPPORTED_PAYLOAD_VERSION';

export class VoucherPayloadError extends DomainError<VoucherPayloadErrorCode> {}

/** Key ids travel in the payload, in JWK `kid`, in URLs and in `keyId:…` configuration values: keep them plain. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,16}$/;
const SERIAL_PATTERN = /^[\x21-\x7e]{1,32}$/;
const PACKABLE_SERIAL_PATTERN = /^[0-9-]+$/;
const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;
const CODE_BYTES = 10;
const MAX_UINT32 = 0xffff_ffff;
const MAX_TERRITORY_ENTRIES = 0xff;

// Metropolitan départements 01–95 without the retired "20" (Corsica is 2A/2B), overseas 971–978 and 984–989.
const METROPOLITAN_DEPARTEMENT = '(?:0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5])';
const OVERSEAS_DEPARTEMENT = '(?:97[1-8]|98[4-9])';
const DEPARTEMENT_PATTERN = new RegExp(`^(?:${METROPOLITAN_DEPARTEMENT}|${OVERSEAS_DEPARTEMENT})$`);
const COMMUNE_PATTERN = new RegExp(`^(?:${METROPOLITAN_DEPARTEMENT}\\d{3}|${OVERSEAS_DEPARTEMENT}\\d{2})$`);

// Two-character prefixes: '00'–'99' are themselves, Corsica's '2A' and '2B' take the next two indexes.
const CORSICA_PREFIXES: readonly string[] = ['2A', '2B'];
const PREFIX_COUNT = 100 + CORSICA_PREFIXES.length;
const COMMUNE_RANGE_END = PREFIX_COUNT * 1000;
const TWO_CHARACTER_DEPARTEMENT_BASE = 200_000;
const THREE_DIGIT_DEPARTEMENT_BASE = 300_000;

const SERIAL_PACKED_FLAG = 0x80;
const SERIAL_LENGTH_MASK = 0x7f;
const SERIAL_DASH_NIBBLE = 0xa;
const SERIAL_PADDING_NIBBLE = 0xf;

export function isDepartementCode(code: string): boolean {
  return DEPARTEMENT_PATTERN.test(code);
}

export function isCommuneCode(code: string): boolean {
  return COMMUNE_PATTERN.test(code);
}

export function encodeVoucherPayload(payload: VoucherPayload): Buffer {
  assertValidPayload(payload);
  const keyId = Buffer.from(payload.keyId, 'ascii');
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(payload.expiresAt.getTime() / 1000);
  return Buffer.concat([
    Buffer.from([VOUCHER_PAYLOAD_VERSION, keyId.length]),
    keyId,
    encodeSerial(payload.serial),
    encodeCode(payload.code),
    expiry,
    Buffer.from([payload.territory.length]),
    ...payload.territory.map(encodeTerritoryCode),
  ]);
}

/**
 * Each field is checked as soon as it is read, with the encoder's own rules, so the error names the
 * first bad field rather than a consequence of it.
 * @throws VoucherPayloadError UNSUPPORTED_PAYLOAD_VERSION before looking at anything else, INVALID_VOUCHER_PAYLOAD otherwise.
 */
export function decodeVoucherPayload(bytes: Uint8Array): VoucherPayload {
  const reader = new PayloadReader(bytes);
  const version = reader.uint8('version');
  if (version !== VOUCHER_PAYLOAD_VERSION) {
    throw new VoucherPayloadError('UNSUPPORTED_PAYLOAD_VERSION', `Voucher payload version ${version} is not supported`, { version });
  }
  const keyId = assertKeyId(latin1(reader.bytes(reader.uint8('keyId length'), 'keyId')));
  const serial = assertSerial(decodeSerial(reader));
  const code = decodeCode(reader.bytes(CODE_BYTES, 'code'));
  const expiresAt = assertExpiry(new Date(reader.uint32('expiresAt') * 1000));
  const territoryCount = reader.uint8('territory count');
  const territory = assertTerritory(Array.from({ length: territoryCount }, () => decodeTerritoryCode(reader.uint24('territory'))));
  reader.assertFullyRead();
  return { version, keyId, serial, code, expiresAt, territory };
}

function assertValidPayload(payload: VoucherPayload): void {
  if (payload.version !== VOUCHER_PAYLOAD_VERSION) throw invalid('version', `only version ${VOUCHER_PAYLOAD_VERSION} can be encoded`);
  assertKeyId(payload.keyId);
  assertSerial(payload.serial);
  if (!CODE_PATTERN.test(payload.code)) throw invalid('code', 'must be 16 normalised Crockford base32 symbols');
  assertExpiry(payload.expiresAt);
  assertTerritory(payload.territory);
}

function assertKeyId(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw invalid('keyId', `must match ${KEY_ID_PATTERN}`);
  return keyId;
}

function assertSerial(serial: string): string {
  if (!SERIAL_PATTERN.test(serial)) throw invalid('serial', 'must be 1–32 visible ASCII characters');
  return serial;
}

function assertExpiry(expiresAt: Date): Date {
  const seconds = expiresAt.getTime() / 1000;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_UINT32)
    throw invalid('expiresAt', 'must be a whole second between 1970 and 2106');
  return expiresAt;
}

function assertTerritory(territory: readonly string[]): readonly string[] {
  if (territory.length > MAX_TERRITORY_ENTRIES) throw invalid('territory', `at most ${MAX_TERRITORY_ENTRIES} entries`);
  for (const code of territory) {
    if (!isDepartementCode(code) && !isCommuneCode(code))
      throw invalid('territory', `${JSON.stringify(code)} is neither a département nor a commune code`);
  }
  if (new Set(territory).size !== territory.length) throw invalid('territory', 'contains duplicates');
  return territory;
}

function invalid(field: string, reason: string): VoucherPayloadError {
  return new VoucherPayloadError('INVALID_VOUCHER_PAYLOAD', `Invalid voucher payload field ${field}: ${reason}`, { field, reason });
}

function encodeSerial(serial: string): Buffer {
  if (!PACKABLE_SERIAL_PATTERN.test(serial)) {
    return Buffer.concat([Buffer.from([serial.length]), Buffer.from(serial, 'ascii')]);
  }
  const nibbles = [...serial].map((char) => (char === '-' ? SERIAL_DASH_NIBBLE : Number(char)));
  if (nibbles.length % 2 === 1) nibbles.push(SERIAL_PADDING_NIBBLE);
  const packed = Buffer.alloc(nibbles.length / 2);
  let high = 0;
  nibbles.forEach((nibble, index) => {
    if (index % 2 === 0) high = nibble << 4;
    else packed[(index - 1) / 2] = high | nibble;
  });
  return Buffer.concat([Buffer.from([SERIAL_PACKED_FLAG | serial.length]), packed]);
}

function decodeSerial(reader: PayloadReader): string {
  const header = reader.uint8('serial header');
  const length = header & SERIAL_LENGTH_MASK;
  if (!(header & SERIAL_PACKED_FLAG)) {
    const serial = latin1(reader.bytes(length, 'serial'));
    // The one field with two possible spellings: accept only the one the encoder writes.
    if (PACKABLE_SERIAL_PATTERN.test(serial)) throw invalid('serial', 'a digits-and-dashes serial must use the packed encoding');
    return serial;
  }
  const packed = reader.bytes(Math.ceil(length / 2), 'serial');
  const nibbles = [...packed].flatMap((byte) => [byte >> 4, byte & 0xf]);
  if (length % 2 === 1 && nibbles.pop() !== SERIAL_PADDING_NIBBLE) throw invalid('serial', 'padding nibble must be 0xF');
  return nibbles
    .map((nibble) => {
      if (nibble <= 9) return String(nibble);
      if (nibble === SERIAL_DASH_NIBBLE) return '-';
      throw invalid('serial', `nibble 0x${nibble.toString(16)} is neither a digit nor a dash`);
    })
    .join('');
}

function encodeCode(code: string): Buffer {
  let bits = 0n;
  for (const symbol of code) bits = (bits << 5n) | BigInt(CROCKFORD_ALPHABET.indexOf(symbol));
  return Buffer.from(bits.toString(16).padStart(CODE_BYTES * 2, '0'), 'hex');
}

/** Any 80 bits are 16 valid symbols, so this cannot fail: a corrupted code is caught by the signature. */
function decodeCode(bytes: Uint8Array): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = 0; index < 16; index++) {
    code = CROCKFORD_ALPHABET.charAt(Number(bits & 31n)) + code;
    bits >>= 5n;
  }
  return code;
}

function encodeTerritoryCode(code: string): Buffer {
  const value =
    code.length === 5
      ? indexOfPrefix(code.slice(0, 2)) * 1000 + Number(code.slice(2))
      : code.length === 2
        ? TWO_CHARACTER_DEPARTEMENT_BASE + indexOfPrefix(code)
        : THREE_DIGIT_DEPARTEMENT_BASE + Number(code);
  const entry = Buffer.alloc(3);
  entry.writeUIntBE(value, 0, 3);
  return entry;
}

/** Produces a candidate string; `assertValidPayload` then rejects impossible ones (e.g. "20", "00123"). */
function decodeTerritoryCode(value: number): string {
  if (value < COMMUNE_RANGE_END) {
    return prefixFromIndex(Math.floor(value / 1000)) + String(value % 1000).padStart(3, '0');
  }
  if (value >= TWO_CHARACTER_DEPARTEMENT_BASE && value < TWO_CHARACTER_DEPARTEMENT_BASE + PREFIX_COUNT) {
    return prefixFromIndex(value - TWO_CHARACTER_DEPARTEMENT_BASE);
  }
  if (value >= THREE_DIGIT_DEPARTEMENT_BASE && value <= THREE_DIGIT_DEPARTEMENT_BASE + 999) {
    return String(value - THREE_DIGIT_DEPARTEMENT_BASE).padStart(3, '0');
  }
  throw invalid('territory', `entry value ${value} is outside every code range`);
}

function indexOfPrefix(prefix: string): number {
  const corsica = CORSICA_PREFIXES.indexOf(prefix);
  return corsica >= 0 ? 100 + corsica : Number(prefix);
}

function prefixFromIndex(index: number): string {
  return index < 100 ? String(index).padStart(2, '0') : (CORSICA_PREFIXES[index - 100] ?? '??');
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/**
 * Bounds-checked cursor: running out of bytes is reported as a truncated field, never as a RangeError.
 * Plain Uint8Array, no Buffer: the web counter decodes payloads offline with this very code.
 */
class PayloadReader {
  private offset = 0;

  constructor(private readonly buffer: Uint8Array) {}

  uint8(field: string): number {
    return this.unsigned(1, field);
  }

  uint24(field: string): number {
    return this.unsigned(3, field);
  }

  uint32(field: string): number {
    return this.unsigned(4, field);
  }

  bytes(length: number, field: string): Uint8Array {
    return this.take(length, field);
  }

  private unsigned(length: number, field: string): number {
    // Multiplication, not shifts: a uint32 above 2^31 would turn negative with `<<`.
    return this.take(length, field).reduce((value, byte) => value * 256 + byte, 0);
  }

  assertFullyRead(): void {
    const trailing = this.buffer.length - this.offset;
    if (trailing > 0) throw invalid('payload', `${trailing} unexpected trailing byte(s)`);
  }

  private take(length: number, field: string): Uint8Array {
    if (this.offset + length > this.buffer.length) throw invalid(field, 'payload is truncated');
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}
