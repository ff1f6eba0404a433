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
import { encodeBase45 } from './base45';
import type { SigningKey, VerificationKeyRing } from './key-ring';
import { encodeVoucherPayload, VOUCHER_PAYLOAD_VERSION, type VoucherPayload } from './voucher-payload';
import { invalidSignature, keyExpiryError, openVoucherQr, unknownKey, VOUCHER_QR_PREFIX } from './voucher-qr-text';

export { SIGNATURE_BYTES, SignatureError, type SignatureErrorCode, VOUCHER_QR_PREFIX } from './voucher-qr-text';

/** What the issuer decides; the format version and the key id follow from the signing key. */
export type VoucherClaims = Omit<VoucherPayload, 'version' | 'keyId'>;

export type SigningErrorCode = 'SIGNING_KEY_NOT_ACTIVE' | 'VOUCHER_OUTLIVES_SIGNING_KEY';

/** The issuer tried to sign something a verifier would later refuse. */
export class SigningError extends DomainError<SigningErrorCode> {}

/** @throws SigningError, or VoucherPayloadError when a claim does not fit the payload format. */
export function signVoucherQr(claims: VoucherClaims, key: SigningKey, now: Date): string {
  if (!(now.getTime() >= key.notBefore.getTime() && now.getTime() <= key.notAfter.getTime())) {
    throw new SigningError(
      'SIGNING_KEY_NOT_ACTIVE',
      `Key ${key.keyId} may only sign between ${key.notBefore.toISOString()} and ${key.notAfter.toISOString()}`,
      {
        keyId: key.keyId,
      },
    );
  }
  if (claims.expiresAt.getTime() > key.notAfter.getTime()) {
    throw new SigningError(
      'VOUCHER_OUTLIVES_SIGNING_KEY',
      `Chèque ${claims.serial} would expire after key ${key.keyId} stops being accepted`,
      {
        keyId: key.keyId,
        serial: claims.serial,
      },
    );
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
 * Order: container, payload format, key, signature, key expiry (the steps without cryptography are in
 * voucher-qr-text.ts, shared with the web counter's offline verifier).
 * @throws SignatureError
 */
export function verifyVoucherQr(text: string, keyRing: VerificationKeyRing, now: Date): VoucherPayload {
  if (Number.isNaN(now.getTime())) throw new RangeError('verifyVoucherQr needs a valid `now`');
  const { payload, payloadBytes, signature } = openVoucherQr(text);
  const key = keyRing.get(payload.keyId);
  if (key === undefined) throw unknownKey(payload.keyId);
  if (!verify(null, payloadBytes, key.publicKey, signature)) throw invalidSignature(key.keyId);
  const expired = keyExpiryError(key.keyId, key, now);
  if (expired) throw expired;
  return payload;
}
