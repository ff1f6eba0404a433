import {
  REVOCATION_LIST_FORMAT,
  REVOCATION_LIST_JWS_TYPE,
  type RevocationList,
} from '../../../../src/modules/oppositions/revocation-list.format';
import {
  invalidSignature,
  keyExpiryError,
  openVoucherQr,
  SignatureError,
  unknownKey,
} from '../../../../src/modules/signing/voucher-qr-text';
import type { PublicKeySet } from './offline-store';

type PublicJwk = PublicKeySet['keys'][number];

/** What the device can say of a QR without network: genuine and usable (to be confirmed at synchronisation), or why not. */
export type OfflineQrJudgement =
  | { ok: true; serial: string; code: string; expiresAt: Date }
  | { ok: false; refusal: 'INVALID_SIGNATURE' | 'EXPIRED' | 'CANCELLED'; serial?: string };

function bytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

function importEd25519(jwk: PublicJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
}

/**
 * The server's verification (src/modules/signing/voucher-qr-text.ts: container, payload, key, signature,
 * key expiry) with WebCrypto's Ed25519, then the business checks the device can make alone: the printed
 * expiry and the cached signed revocation list. Single use is decided at synchronisation only.
 */
export async function judgeQrOffline(
  text: string,
  keySet: PublicKeySet,
  revokedSerials: ReadonlySet<string>,
  now: Date,
): Promise<OfflineQrJudgement> {
  try {
    const { payload, payloadBytes, signature } = openVoucherQr(text);
    const jwk = keySet.keys.find((key) => key.kid === payload.keyId);
    if (!jwk) throw unknownKey(payload.keyId);
    if (!(await crypto.subtle.verify({ name: 'Ed25519' }, await importEd25519(jwk), bytes(signature), bytes(payloadBytes))))
      throw invalidSignature(jwk.kid);
    const expired = keyExpiryError(jwk.kid, { notAfter: new Date(jwk.exp * 1000) }, now);
    if (expired) throw expired;
    // The programme's grace days are not in the QR: past the printed date, the device refuses (README, limits).
    if (payload.expiresAt.getTime() < now.getTime()) return { ok: false, refusal: 'EXPIRED', serial: payload.serial };
    if (revokedSerials.has(payload.serial)) return { ok: false, refusal: 'CANCELLED', serial: payload.serial };
    return { ok: true, serial: payload.serial, code: payload.code, expiresAt: payload.expiresAt };
  } catch (error) {
    if (error instanceof SignatureError) return { ok: false, refusal: 'INVALID_SIGNATURE' };
    throw error;
  }
}

export interface FlattenedJws {
  protected: string;
  payload: string;
  signature: string;
}

/**
 * A page of the revocation list, accepted only if signed (EdDSA, RFC 7515 flattened JSON) by a key of the
 * cached set, with the list's type and format: a copy from anywhere is as good as the original.
 * @throws Error when it is not.
 */
export async function verifiedRevocationPage(jws: FlattenedJws, keySet: PublicKeySet): Promise<RevocationList> {
  const decoder = new TextDecoder();
  const header = JSON.parse(decoder.decode(base64urlBytes(jws.protected))) as { alg?: unknown; kid?: unknown; typ?: unknown };
  if (header.alg !== 'EdDSA' || header.typ !== REVOCATION_LIST_JWS_TYPE) throw new Error('Not a signed revocation list');
  const jwk = keySet.keys.find((key) => key.kid === header.kid);
  if (!jwk) throw new Error(`Revocation list signed by an unknown key ${String(header.kid)}`);
  const signed = new TextEncoder().encode(`${jws.protected}.${jws.payload}`);
  if (!(await crypto.subtle.verify({ name: 'Ed25519' }, await importEd25519(jwk), base64urlBytes(jws.signature), signed))) {
    throw new Error('The revocation list signature does not verify');
  }
  const list = JSON.parse(decoder.decode(base64urlBytes(jws.payload))) as RevocationList;
  if (list.format !== REVOCATION_LIST_FORMAT) throw new Error(`Unknown revocation list format ${String(list.format)}`);
  return list;
}
