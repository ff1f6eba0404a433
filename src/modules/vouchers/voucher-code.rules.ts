import { hash, randomBytes } from 'node:crypto';

/**
 * Chèque identifiers and redeemable codes.
 *
 * The serial is printed and handled by humans; it is not a secret. The redeemable code is the bearer
 * secret: it is derived from a server secret (HMAC) and never stored, so a database dump (serial,
 * key version, nonce, code hash) is not enough to redeem anything. Only the SHA-256 of the
 * normalised code is stored, for look-up.
 */

/** Crockford base32: no I, L, O, U, so codes survive being read aloud, handwritten or retyped. */
export const VOUCHER_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 15 × 5 = 75 bits of entropy: above the 60-bit floor, and a whole number of 4-character groups with the check character. */
export const VOUCHER_CODE_PAYLOAD_LENGTH = 15;
export const VOUCHER_CODE_LENGTH = VOUCHER_CODE_PAYLOAD_LENGTH + 1;
export const VOUCHER_CODE_GROUP_SIZE = 4;
const GROUP = new RegExp(`.{${VOUCHER_CODE_GROUP_SIZE}}`, 'g');
export const VOUCHER_NONCE_BYTES = 10;
/**
 * The HMAC secret is the only thing a dump does not contain; a short one could be brute-forced
 * offline, using any stored code hash to recognise the right guess.
 */
export const VOUCHER_SECRET_MIN_BYTES = 32;

/**
 * Check character: Damm algorithm over the quasigroup x∘y = (α·x) ⊕ y in GF(2^5), α = 2. The modulus
 * x^5 + x^2 + 1 is irreducible, so GF(2^5) is a field and multiplying by α ≠ 0 is a bijection.
 *
 * - Each row and column is a permutation (α ≠ 0), so any single substitution changes the final interim.
 * - (c∘x)∘y = α²c ⊕ αx ⊕ y, so (c∘x)∘y = (c∘y)∘x ⇔ (α ⊕ 1)(x ⊕ y) = 0 ⇔ x = y (α ≠ 1): total
 *   anti-symmetry, so every adjacent transposition is caught, including one with the check character.
 * It stays in the 32-symbol alphabet, unlike Crockford's mod-37 check which needs 5 extra symbols.
 * Bonus, not relied upon by callers: α has order 31 > 16, so transpositions at any distance in a
 * 16-character code are caught too.
 */
const GF32_MODULUS = 0b100101;
const ALPHA = 2;

/** Carry-less product reduced by the modulus. */
function gf32Multiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 0; bit < 5; bit++) {
    if ((b >> bit) & 1) product ^= a << bit;
  }
  for (let bit = 8; bit >= 5; bit--) {
    if ((product >> bit) & 1) product ^= GF32_MODULUS << (bit - 5);
  }
  return product;
}

export const VOUCHER_CHECK_QUASIGROUP: ReadonlyArray<ReadonlyArray<number>> = Object.freeze(
  Array.from({ length: 32 }, (_, x) => Object.freeze(Array.from({ length: 32 }, (_, y) => gf32Multiply(ALPHA, x) ^ y))),
);

function dammInterim(values: readonly number[]): number {
  return values.reduce((interim, value) => VOUCHER_CHECK_QUASIGROUP[interim][value], 0);
}

function checkValue(payload: readonly number[]): number {
  return VOUCHER_CHECK_QUASIGROUP[dammInterim(payload)].indexOf(0);
}

function encode(values: readonly number[]): string {
  let code = '';
  for (const value of values) code += VOUCHER_CODE_ALPHABET[value];
  return code;
}

/** Lowercase and Crockford's look-alikes are accepted on input (O→0, I/L→1); U stays invalid. */
const DECODING: ReadonlyMap<string, number> = new Map<string, number>([
  ...[...VOUCHER_CODE_ALPHABET].flatMap((char, value) => [[char, value], [char.toLowerCase(), value]] as const),
  ['O', 0], ['o', 0],
  ['I', 1], ['i', 1], ['L', 1], ['l', 1],
]);

/** Whitespace (incl. no-break space) and typographic dashes: what copying from a PDF or an e-mail produces. */
const SEPARATOR = /[\s\-\u2010-\u2015\u2212]/;

/** Check character for a payload of base32 characters (exposed for tests and tooling). */
export function computeVoucherCheckCharacter(payload: string): string {
  const values = [...payload].map((char) => {
    const value = VOUCHER_CODE_ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError(`Not a voucher code character: ${JSON.stringify(char)}`);
    return value;
  });
  return VOUCHER_CODE_ALPHABET[checkValue(values)];
}

export type VoucherCodeRejection = 'MALFORMED' | 'CHECK_CHARACTER_MISMATCH';
export type VoucherCodeParseResult =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly reason: VoucherCodeRejection };

const MALFORMED: VoucherCodeParseResult = Object.freeze({ ok: false, reason: 'MALFORMED' });
const CHECK_CHARACTER_MISMATCH: VoucherCodeParseResult = Object.freeze({ ok: false, reason: 'CHECK_CHARACTER_MISMATCH' });

/**
 * Normalises user input. A check-character mismatch means "a typo", known without a database
 * look-up; a valid result still has to be looked up (1 random string in 32 passes the check).
 */
export function parseVoucherCode(input: string): VoucherCodeParseResult {
  const values: number[] = [];
  for (const char of input) {
    if (SEPARATOR.test(char)) continue;
    const value = DECODING.get(char);
    if (value === undefined || values.length === VOUCHER_CODE_LENGTH) return MALFORMED;
    values.push(value);
  }
  if (values.length !== VOUCHER_CODE_LENGTH) return MALFORMED;
  if (dammInterim(values) !== 0) return CHECK_CHARACTER_MISMATCH;
  return { ok: true, code: encode(values) };
}

function normalisedOrThrow(code: string): string {
  const parsed = parseVoucherCode(code);
  if (!parsed.ok) throw new RangeError(`Invalid voucher code (${parsed.reason})`);
  return parsed.code;
}

/** For display and print: `K7QM-3XHZ-…`. Throws on an invalid code, which can only be a bug here. */
export function formatVoucherCode(code: string): string {
  return normalisedOrThrow(code).match(GROUP)!.join('-');
}

/**
 * The only code-related value stored. Unsalted, fast SHA-256 is enough: 75 random bits cannot be
 * enumerated, unlike a password. Normalises first so that a formatted or lowercase code hashes the same.
 */
export function hashVoucherCode(code: string): Buffer {
  return hash('sha256', normalisedOrThrow(code), 'buffer');
}

export function newVoucherNonce(): Buffer {
  return randomBytes(VOUCHER_NONCE_BYTES);
}

/** 5-bit group `index` of `bytes`, most significant bit first. */
function fiveBitsAt(bytes: Buffer, index: number): number {
  const bitOffset = index * 5;
  const byteOffset = bitOffset >> 3;
  const window = (bytes[byteOffset] << 8) | bytes[byteOffset + 1];
  return (window >> (11 - (bitOffset & 7))) & 31;
}

/**
 * Returns the normalised code (16 characters, no dashes). The nonce makes a re-issued chèque (same
 * serial) get a new code; the key version lets the secret be rotated without invalidating codes
 * already printed. The HMAC message is unambiguous: the key version is an integer and the nonce is
 * fixed-length hex, so a serial cannot be crafted to collide with another (version, serial, nonce).
 */
export function deriveVoucherCode(secret: Buffer, keyVersion: number, serial: string, nonce: Buffer): string {
  return createVoucherCodeDeriver(secret, keyVersion)(serial, nonce);
}

const HMAC_BLOCK_BYTES = 64;
const SHA256_BYTES = 32;
/** Room for the HMAC message of any serial this code base builds; longer ones get their own buffer. */
const MESSAGE_ROOM_BYTES = 256;

/**
 * `deriveVoucherCode` for many chèques under one secret (the generation of an order). HMAC-SHA256 is
 * computed as RFC 2104 defines it, SHA-256((K ⊕ opad) ‖ SHA-256((K ⊕ ipad) ‖ message)), with the padded
 * keys prepared once and one-shot hashes: about twice as fast as a `createHmac` per chèque, same digest.
 */
export function createVoucherCodeDeriver(secret: Buffer, keyVersion: number): (serial: string, nonce: Buffer) => string {
  if (secret.length < VOUCHER_SECRET_MIN_BYTES) {
    throw new RangeError(`Voucher code secret must be at least ${VOUCHER_SECRET_MIN_BYTES} bytes`);
  }
  if (!Number.isSafeInteger(keyVersion) || keyVersion < 0) {
    throw new RangeError(`Invalid voucher key version: ${keyVersion}`);
  }
  // A key longer than the block is replaced by its hash (RFC 2104 §2); a shorter one is zero-padded.
  const key = secret.length > HMAC_BLOCK_BYTES ? hash('sha256', secret, 'buffer') : secret;
  const innerKeyAndMessage = Buffer.alloc(HMAC_BLOCK_BYTES + MESSAGE_ROOM_BYTES);
  const outerKeyAndDigest = Buffer.alloc(HMAC_BLOCK_BYTES + SHA256_BYTES);
  for (let i = 0; i < HMAC_BLOCK_BYTES; i++) {
    innerKeyAndMessage[i] = (key[i] ?? 0) ^ 0x36;
    outerKeyAndDigest[i] = (key[i] ?? 0) ^ 0x5c;
  }
  const prefix = `v${keyVersion}|`;
  return (serial: string, nonce: Buffer): string => {
    if (serial.length === 0) throw new RangeError('Voucher serial must not be empty');
    if (nonce.length !== VOUCHER_NONCE_BYTES) throw new RangeError(`Voucher nonce must be ${VOUCHER_NONCE_BYTES} bytes`);
    const message = `${prefix}${serial}|${nonce.toString('hex')}`;
    const messageBytes = Buffer.byteLength(message, 'utf8');
    const inner =
      messageBytes <= MESSAGE_ROOM_BYTES
        ? innerKeyAndMessage.subarray(0, HMAC_BLOCK_BYTES + innerKeyAndMessage.write(message, HMAC_BLOCK_BYTES, 'utf8'))
        : Buffer.concat([innerKeyAndMessage.subarray(0, HMAC_BLOCK_BYTES), Buffer.from(message, 'utf8')]);
    hash('sha256', inner, 'buffer').copy(outerKeyAndDigest, HMAC_BLOCK_BYTES);
    const digest = hash('sha256', outerKeyAndDigest, 'buffer');
    const values: number[] = [];
    for (let index = 0; index < VOUCHER_CODE_PAYLOAD_LENGTH; index++) values.push(fiveBitsAt(digest, index));
    values.push(checkValue(values));
    return encode(values);
  };
}

function assertIntegerInRange(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  }
}

/** `2026-0042-000123`. Widths are minimums: a 10,000th order must not wrap onto the 1st. */
export function buildCarnetNumber(year: number, orderSequence: number, carnetSequence: number): string {
  assertIntegerInRange('year', year, 1000, 9999);
  assertIntegerInRange('orderSequence', orderSequence, 1);
  assertIntegerInRange('carnetSequence', carnetSequence, 1);
  return `${year}-${String(orderSequence).padStart(4, '0')}-${String(carnetSequence).padStart(6, '0')}`;
}

const CARNET_NUMBER = /^\d{4}-\d{4,}-\d{6,}$/;
export const VOUCHER_MAX_POSITION = 99;

/** `2026-0042-000123-07`: the carnet number plus the chèque's position in it. */
export function buildVoucherSerial(carnetNumber: string, position: number): string {
  if (!CARNET_NUMBER.test(carnetNumber)) throw new RangeError(`Not a carnet number: ${JSON.stringify(carnetNumber)}`);
  assertIntegerInRange('position', position, 1, VOUCHER_MAX_POSITION);
  return `${carnetNumber}-${String(position).padStart(2, '0')}`;
}
