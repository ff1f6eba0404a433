/**
 * Base45 (RFC 9285): bytes ↔ text drawn only from the 45 characters of the QR "alphanumeric" mode,
 * which stores 2 characters in 11 bits. Two bytes become three characters, so a QR code holds
 * ~97 % of what byte mode would, while staying scannable as plain text (same choice as the
 * EU Digital COVID Certificate's `HC1:` payloads).
 * No Node-only API: the web counter decodes QR codes offline with this very module.
 */
import { DomainError } from '../../common/errors/domain-error';

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export type Base45DecodeFailure = 'INVALID_LENGTH' | 'INVALID_CHARACTER' | 'VALUE_OUT_OF_RANGE';

export class Base45DecodeError extends DomainError<'INVALID_BASE45'> {
  constructor(reason: Base45DecodeFailure, position: number, message: string) {
    super('INVALID_BASE45', message, { reason, position });
  }
}

const BASE = 45;
const BASE_SQUARED = BASE * BASE;

/** Character → digit value. Lower case is absent on purpose: the RFC alphabet has none, and QR alphanumeric mode cannot carry it. */
const DIGIT_VALUE: ReadonlyMap<string, number> = new Map([...BASE45_ALPHABET].map((char, value) => [char, value]));

/** `bytes[index]` for an index the caller has bounded by `bytes.length`. */
function byteAt(bytes: Uint8Array, index: number): number {
  const byte = bytes[index];
  if (byte === undefined) throw new RangeError(`Byte ${index} is beyond the ${bytes.length} bytes`);
  return byte;
}

export function encodeBase45(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  for (; index + 1 < bytes.length; index += 2) {
    const value = byteAt(bytes, index) * 256 + byteAt(bytes, index + 1);
    text += digit(value % BASE) + digit(Math.floor(value / BASE) % BASE) + digit(Math.floor(value / BASE_SQUARED));
  }
  if (index < bytes.length) {
    const value = byteAt(bytes, index);
    text += digit(value % BASE) + digit(Math.floor(value / BASE));
  }
  return text;
}

/**
 * Strict decoding: every rejection the RFC requires (length ≡ 1 mod 3, foreign character, group
 * value above 0xFFFF or, for a final pair, above 0xFF). Because each valid group has exactly one
 * spelling, `encodeBase45(decodeBase45(text)) === text` for every accepted text.
 */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) {
    throw new Base45DecodeError('INVALID_LENGTH', text.length, `Base45 text length ${text.length} leaves a single dangling character`);
  }
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let written = 0;
  for (let position = 0; position < text.length; position += 3) {
    const isFinalPair = position + 2 === text.length;
    const value = isFinalPair
      ? valueAt(text, position) + valueAt(text, position + 1) * BASE
      : valueAt(text, position) + valueAt(text, position + 1) * BASE + valueAt(text, position + 2) * BASE_SQUARED;
    const maximum = isFinalPair ? 0xff : 0xffff;
    if (value > maximum) {
      throw new Base45DecodeError('VALUE_OUT_OF_RANGE', position, `Base45 group at ${position} decodes to ${value}, above ${maximum}`);
    }
    if (isFinalPair) {
      bytes[written++] = value;
    } else {
      bytes[written++] = value >> 8;
      bytes[written++] = value & 0xff;
    }
  }
  return bytes;
}

function digit(value: number): string {
  return BASE45_ALPHABET.charAt(value);
}

function valueAt(text: string, position: number): number {
  const value = DIGIT_VALUE.get(text.charAt(position));
  if (value === undefined) {
    throw new Base45DecodeError(
      'INVALID_CHARACTER',
      position,
      `Character ${JSON.stringify(text.charAt(position))} at ${position} is not in the base45 alphabet`,
    );
  }
  return value;
}
