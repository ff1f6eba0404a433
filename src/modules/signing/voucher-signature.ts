/**
 * Signed QR text of a chèque, verifiable offline by a venue's device (after French 2D-Doc and the
 * EU Digital COVID Certificate):
 *
 *   PN1:<base45(payload bytes ‖ Ed25519 signature of the payload bytes, 64 bytes)>
 *
 * `PN1:` names the container; the payload carries its own format version. Prefix and base45 both
 * stay within the QR alphanumeric character set, so the QR encoder uses alphanumeric mode.
 *
 * Key validity: a key signs only between its `notBefore` and `notAfter`, and only chèques that
 * expire by its `notAfter`; verification refuses a key once `now` is past its `notAfter`
 * (KEY_EXPIRED). Together: a genuine chèque never outlives its key, and retiring a key (moving
 * `notAfter` back, then republishing) turns away everything it signed. `notBefore` is not checked
 * at verification: nothing is signed before it, and a device whose clock lags must not reject a
 * genuine chèque.
 *
 * Verification proves authenticity and integrity only. Whether the chèque has expired, is valid in
 * this territory or was already redeemed are business decisions left to the caller.
 */
import { sign, verify } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { Base45DecodeError, decodeBase45, encodeBase45 } from './base45';
import type { SigningKey, VerificationKeyRing } from './key-ring';
import { decodeVoucherPayload, encodeVoucherPayload, VOUCHER_PAYLOAD_VERSION, type VoucherPayload, VoucherPayloadError } from './voucher-payload';

export const VOUCHER_QR_PREFIX = 'PN1:';
export const SIGNATURE_BYTES = 64;

/** What the issuer decides; the format version and the key id follow from the signing key. */
export type VoucherClaims = Omit<VoucherPayload, 'version' | 'keyId'>;

export type SignatureErrorCode = 'MALFORMED_PAYLOAD' | 'UNSUPPORTED_VERSION' | 'UNKNOWN_KEY' | 'KEY_EXPIRED' | 'INVALID_SIGNATURE';

export class SignatureError extends DomainError<SignatureErrorCode> {}

export type SigningErrorCode = 'SIGNING_KEY_NOT_ACTIVE' | 'VOUCHER_OUTLIVES_SIGNING_KEY';

/** The issuer tried to sign something a verifier would later refuse. */
export class SigningError extends DomainError<SigningErrorCode> {}

/** @throws SigningError, or VoucherPayloadError when a claim does not fit the payload format. */
export function signVoucherQr(claims: VoucherClaims, key: SigningKey, now: Date): string {
  if (!(now.getTime() >= key.notBefore.getTime() && now.getTime() <= key.notAfter.getTime())) {
    throw new SigningError('SIGNING_KEY_NOT_ACTIVE', `Key ${key.keyId} may only sign between ${key.notBefore.toISOString()} and ${key.notAfter.toISOString()}`, {
      keyId: key.keyId,
    });
  }
  if (claims.expiresAt.getTime() > key.notAfter.getTime()) {
    throw new SigningError('VOUCHER_OUTLIVES_SIGNING_KEY', `Chèque ${claims.serial} would expire after key ${key.keyId} stops being accepted`, {
      keyId: key.keyId,
      serial: claims.serial,
    });
  }
  const payload = encodeVoucherPayload({
    version: VOUCHER_PAYLOAD_VERSION,
    keyId: key.keyId,
    serial: claims.serial,
    code: claims.code,
    expiresAt: claims.expiresAt,
    territory: claims.territory,
  });
  return VOUCHER_QR_PREFIX + encodeBase45(Buffer.concat([payload, sign(null, payload, key.privateKey)]));
}

/**
 * Order: container, payload format, key, signature, key expiry. The payload must be parsed before
 * the signature is checked (it names the key), which is why parsing is strict. KEY_EXPIRED comes
 * after the signature, so a forgery naming a retired key is still reported as INVALID_SIGNATURE.
 * @throws SignatureError
 */
export function verifyVoucherQr(text: string, keyRing: VerificationKeyRing, now: Date): VoucherPayload {
  if (Number.isNaN(now.getTime())) throw new RangeError('verifyVoucherQr needs a valid `now`');
  const signed = decodeQrText(text);
  if (signed.length <= SIGNATURE_BYTES) throw malformed(`${signed.length} bytes cannot hold a payload and a signature`);
  const payloadBytes = signed.subarray(0, signed.length - SIGNATURE_BYTES);
  const signature = signed.subarray(signed.length - SIGNATURE_BYTES);

  const payload = decodePayload(payloadBytes);
  const key = keyRing.get(payload.keyId);
  if (key === undefined) throw new SignatureError('UNKNOWN_KEY', `No verification key ${payload.keyId}`, { keyId: payload.keyId });
  if (!verify(null, payloadBytes, key.publicKey, signature)) {
    throw new SignatureError('INVALID_SIGNATURE', `The signature does not match key ${key.keyId}`, { keyId: key.keyId });
  }
  if (now.getTime() > key.notAfter.getTime()) {
    throw new SignatureError('KEY_EXPIRED', `Key ${key.keyId} has not been accepted since ${key.notAfter.toISOString()}`, { keyId: key.keyId });
  }
  return payload;
}

function decodeQrText(text: string): Buffer {
  if (!text.startsWith(VOUCHER_QR_PREFIX)) throw malformed(`the text does not start with ${VOUCHER_QR_PREFIX}`);
  try {
    return decodeBase45(text.slice(VOUCHER_QR_PREFIX.length));
  } catch (error) {
    if (error instanceof Base45DecodeError) throw malformed(error.message);
    throw error;
  }
}

function decodePayload(bytes: Buffer): VoucherPayload {
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
