/**
 * The steps of verifying a chèque's QR text that need no cryptography library: reading the container,
 * splitting payload and signature, decoding the payload, and the key's acceptance window. The server
 * (voucher-signature.ts, node:crypto) and the web counter offline (WebCrypto) both verify through these
 * functions, so the two verifiers cannot drift apart: only the Ed25519 call differs. No Node-only API here.
 */
import { DomainError } from '../../common/errors/domain-error';
import { Base45DecodeError, decodeBase45 } from './base45';
import { decodeVoucherPayload, type VoucherPayload, VoucherPayloadError } from './voucher-payload';

export const VOUCHER_QR_PREFIX = 'PN1:';
export const SIGNATURE_BYTES = 64;

export type SignatureErrorCode = 'MALFORMED_PAYLOAD' | 'UNSUPPORTED_VERSION' | 'UNKNOWN_KEY' | 'KEY_EXPIRED' | 'INVALID_SIGNATURE';

export class SignatureError extends DomainError<SignatureErrorCode> {}

/** A QR text taken apart, its signature not verified yet. */
export interface OpenedVoucherQr {
  payload: VoucherPayload;
  /** The signed bytes (the payload exactly, without the prefix). */
  payloadBytes: Uint8Array;
  signature: Uint8Array;
}

/**
 * Container, then payload format. The payload must be parsed before the signature is checked (it names
 * the key), which is why parsing is strict.
 * @throws SignatureError MALFORMED_PAYLOAD or UNSUPPORTED_VERSION
 */
export function openVoucherQr(text: string): OpenedVoucherQr {
  const signed = decodeQrText(text);
  if (signed.length <= SIGNATURE_BYTES) throw malformed(`${signed.length} bytes cannot hold a payload and a signature`);
  const payloadBytes = signed.subarray(0, signed.length - SIGNATURE_BYTES);
  return { payload: decodePayload(payloadBytes), payloadBytes, signature: signed.subarray(signed.length - SIGNATURE_BYTES) };
}

export function unknownKey(keyId: string): SignatureError {
  return new SignatureError('UNKNOWN_KEY', `No verification key ${keyId}`, { keyId });
}

export function invalidSignature(keyId: string): SignatureError {
  return new SignatureError('INVALID_SIGNATURE', `The signature does not match key ${keyId}`, { keyId });
}

/**
 * Checked after the signature, so a forgery naming a retired key is still reported as INVALID_SIGNATURE.
 * `notBefore` is not checked: nothing is signed before it, and a device whose clock lags must not refuse a genuine chèque.
 */
export function keyExpiryError(keyId: string, key: { readonly notAfter: Date }, now: Date): SignatureError | null {
  if (now.getTime() <= key.notAfter.getTime()) return null;
  return new SignatureError('KEY_EXPIRED', `Key ${keyId} has not been accepted since ${key.notAfter.toISOString()}`, { keyId });
}

function decodeQrText(text: string): Uint8Array {
  if (!text.startsWith(VOUCHER_QR_PREFIX)) throw malformed(`the text does not start with ${VOUCHER_QR_PREFIX}`);
  try {
    return decodeBase45(text.slice(VOUCHER_QR_PREFIX.length));
  } catch (error) {
    if (error instanceof Base45DecodeError) throw malformed(error.message);
    throw error;
  }
}

function decodePayload(bytes: Uint8Array): VoucherPayload {
  try {
    return decodeVoucherPayload(bytes);
  } catch (error) {
    if (!(error instanceof VoucherPayloadError)) throw error;
    if (error.code === 'UNSUPPORTED_PAYLOAD_VERSION') throw new SignatureError('UNSUPPORTED_VERSION', error.message, error.details);
    throw malformed(error.message, error.details);
  }
}

function malformed(reason: string, details?: Record<string, unknown>): SignatureError {
  return new SignatureError('MALFORMED_PAYLOAD', `Not a valid chèque QR code: ${reason}`, details);
}
