import { hash, randomBytes } from 'node:crypto';

/**
 * Chèque identifiers and redeemable codes.
 *
 * The serial is printed and handled by humans; it is not a secret. The redeemable code is the bearer
 * secret: it is derived from a server secret (HMAC) and never stored, so a database dump (serial,
 * key version, nonce, code hash) is not enough to redeem anything. Only the SHA-256 of the
 * normalised code is stored, for look-up.
 */

export {
  VOUCHER_CODE_ALPHABET,
  VOUCHER_CODE_PAYLOAD_LENGTH,
  VOUCHER_CODE_LENGTH,
  VOUCHER_CODE_GROUP_SIZE,
  VOUCHER_CHECK_QUASIGROUP,
  computeVoucherCheckCharacter,
  parseVoucherCode,
  formatVoucherCode,
  type VoucherCodeRejection,
  type VoucherCodeParseResult,
} from './voucher-code-check.rules';
import {
  encodeVoucherValues,
  normalisedVoucherCodeOrThrow,
  voucherCheckValue,
  VOUCHER_CODE_PAYLOAD_LENGTH,
} from './voucher-code-check.rules';

export const VOUCHER_NONCE_BYTES = 10;
/**
 * The HMAC secret is the only thing a dump does not contain; a short one could be brute-forced
 * offline, using any stored code hash to recognise the right guess.
 */
export const VOUCHER_SECRET_MIN_BYTES = 32;

/**
 * The only code-related value stored. Unsalted, fast SHA-256 is enough: 75 random bits cannot be
 * enumerated, unlike a password. Normalises first so that a formatted or lowercase code hashes the same.
 */
export function hashVoucherCode(code: string): Buffer {
  return hash('sha256', normalisedVoucherCodeOrThrow(code), 'buffer');
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
    values.push(voucherCheckValue(values));
    return encodeVoucherValues(values);
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
