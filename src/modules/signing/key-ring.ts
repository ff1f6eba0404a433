/**
 * Ed25519 keys that sign chèque QR payloads, and the ring of public keys that verifies them.
 *
 * Ed25519 because its signature is small (64 bytes, the QR budget is tight) and deterministic, its
 * keys are 32 bytes, and `node:crypto` has it with no dependency.
 *
 * Validity (`notBefore`/`notAfter`): a key signs only within it; a verifier refuses a key after its
 * `notAfter`. So `notAfter` must cover the expiry of every chèque the key signs, which signing
 * enforces (see voucher-signature.ts). Dates are whole seconds: they travel as JWK NumericDate.
 *
 * Exchange formats:
 * - configuration: `keyId:base64(PKCS#8 DER)` for the private key (validity configured beside it);
 * - PEM (PKCS#8 / SPKI) for humans and tools (`openssl pkey -in key.pem -text`);
 * - base64url raw 32-byte keys (RFC 8037 `d` and `x`);
 * - public JWK (`kty: OKP`, `crv: Ed25519`) with `kid`, `use: 'sig'`, `nbf`, `exp`, for the public key endpoint.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { KEY_ID_PATTERN } from './voucher-payload';

export interface KeyValidity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface VerificationKey extends KeyValidity {
  readonly keyId: string;
  readonly publicKey: KeyObject;
}

export interface SigningKey extends VerificationKey {
  readonly privateKey: KeyObject;
}

/** Map rather than object: a `kid` read from a QR code must never reach `__proto__` or `constructor`. */
export type VerificationKeyRing = ReadonlyMap<string, VerificationKey>;

export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly use: 'sig';
  readonly nbf: number;
  readonly exp: number;
}

export type KeyRingErrorCode = 'INVALID_KEY_MATERIAL' | 'INVALID_KEY_ID' | 'INVALID_KEY_VALIDITY' | 'DUPLICATE_KEY_ID';

export class KeyRingError extends DomainError<KeyRingErrorCode> {}

const RAW_KEY_BYTES = 32;
// DER headers of an Ed25519 key (RFC 8410) followed by its 32 raw bytes: the raw form needs no ASN.1 library.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BASE64URL_RAW_KEY = /^[A-Za-z0-9_-]{43}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function generateSigningKeyPair(keyId: string, notBefore: Date, notAfter: Date): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return createSigningKey(keyId, privateKey, { notBefore, notAfter });
}

/** The public key is derived from the private one, so the two can never be mismatched. */
export function createSigningKey(keyId: string, privateKey: KeyObject, validity: KeyValidity): SigningKey {
  assertEd25519(privateKey, 'private');
  return { ...createVerificationKey(keyId, createPublicKey(privateKey), validity), privateKey };
}

export function createVerificationKey(keyId: string, publicKey: KeyObject, validity: KeyValidity): VerificationKey {
  if (!KEY_ID_PATTERN.test(keyId))
    throw new KeyRingError('INVALID_KEY_ID', `Key id ${JSON.stringify(keyId)} must match ${KEY_ID_PATTERN}`, { keyId });
  assertEd25519(publicKey, 'public');
  assertValidity(keyId, validity);
  return { keyId, publicKey, notBefore: validity.notBefore, notAfter: validity.notAfter };
}

/** Accepts signing keys too, keeping only their public half: a verifier has no use for a private key. */
export function createVerificationKeyRing(keys: readonly VerificationKey[]): VerificationKeyRing {
  const ring = new Map<string, VerificationKey>();
  for (const key of keys) {
    if (ring.has(key.keyId))
      throw new KeyRingError('DUPLICATE_KEY_ID', `Key id ${key.keyId} appears twice in the key ring`, { keyId: key.keyId });
    ring.set(key.keyId, createVerificationKey(key.keyId, key.publicKey, key));
  }
  return ring;
}

export function exportPrivateKeyPem(privateKey: KeyObject): string {
  assertEd25519(privateKey, 'private');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function importPrivateKeyPem(pem: string): KeyObject {
  return assertEd25519(
    attempt(() => createPrivateKey({ key: pem, format: 'pem' }), 'PEM private key'),
    'private',
  );
}

export function exportPublicKeyPem(publicKey: KeyObject): string {
  assertEd25519(publicKey, 'public');
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

export function importPublicKeyPem(pem: string): KeyObject {
  // createPublicKey would happily derive a public key from a private PEM: refuse, someone pasted a secret in the wrong place.
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) throw new KeyRingError('INVALID_KEY_MATERIAL', 'Expected a PEM "PUBLIC KEY" (SPKI)');
  return assertEd25519(
    attempt(() => createPublicKey({ key: pem, format: 'pem' }), 'PEM public key'),
    'public',
  );
}

/** The 32-byte seed, base64url (JWK `d`). */
export function exportPrivateKeyRaw(privateKey: KeyObject): string {
  return jwkOf(assertEd25519(privateKey, 'private')).d ?? ''; // always present for a private OKP key
}

export function importPrivateKeyRaw(base64url: string): KeyObject {
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, decodeRawKey(base64url)]);
  return attempt(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), 'raw private key');
}

/** The 32-byte public key, base64url (JWK `x`). */
export function exportPublicKeyRaw(publicKey: KeyObject): string {
  return jwkOf(assertEd25519(publicKey, 'public')).x ?? ''; // always present for an OKP key
}

export function importPublicKeyRaw(base64url: string): KeyObject {
  const der = Buffer.concat([SPKI_ED25519_PREFIX, decodeRawKey(base64url)]);
  return attempt(() => createPublicKey({ key: der, format: 'der', type: 'spki' }), 'raw public key');
}

/** `keyId:base64(PKCS#8 DER)`: one line, fit for an environment variable or a secret manager. */
export function signingKeyToConfigEntry(key: SigningKey): string {
  return `${key.keyId}:${key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`;
}

export function signingKeyFromConfigEntry(entry: string, validity: KeyValidity): SigningKey {
  const separator = entry.indexOf(':');
  const keyId = entry.slice(0, separator);
  const base64 = entry.slice(separator + 1).trim(); // tolerate the newline a secret file often ends with
  if (separator < 0 || !BASE64.test(base64)) {
    // Never echo the entry: it holds a private key.
    throw new KeyRingError('INVALID_KEY_MATERIAL', 'Signing key configuration must read keyId:base64(PKCS#8 DER)');
  }
  const der = Buffer.from(base64, 'base64');
  return createSigningKey(
    keyId,
    attempt(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), 'configured private key'),
    validity,
  );
}

export function toPublicJwk(key: VerificationKey): PublicJwk {
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: exportPublicKeyRaw(key.publicKey),
    kid: key.keyId,
    use: 'sig',
    nbf: key.notBefore.getTime() / 1000,
    exp: key.notAfter.getTime() / 1000,
  };
}

/**
 * Strict reading of a published key: `nbf` and `exp` are required because the ring needs a validity,
 * and `use`, if present, must be `sig`. Any private member (`d`) is refused rather than ignored: its
 * presence means a private key is being published.
 */
export function fromPublicJwk(jwk: unknown): VerificationKey {
  if (typeof jwk !== 'object' || jwk === null) throw invalidJwk('not an object');
  const { kty, crv, x, kid, use, nbf, exp, d } = jwk as Record<string, unknown>;
  if (kty !== 'OKP' || crv !== 'Ed25519') throw invalidJwk('kty must be OKP and crv Ed25519');
  if (d !== undefined) throw invalidJwk('contains a private key (d)');
  if (use !== undefined && use !== 'sig') throw invalidJwk('use must be sig');
  if (typeof kid !== 'string') throw invalidJwk('kid must be a string');
  if (typeof x !== 'string') throw invalidJwk('x must be a string');
  if (!isNumericDate(nbf) || !isNumericDate(exp)) throw invalidJwk('nbf and exp must be whole seconds');
  return createVerificationKey(kid, importPublicKeyRaw(x), { notBefore: new Date(nbf * 1000), notAfter: new Date(exp * 1000) });
}

function assertEd25519(key: KeyObject, expectedType: 'private' | 'public'): KeyObject {
  if (key.type !== expectedType || key.asymmetricKeyType !== 'ed25519') {
    throw new KeyRingError('INVALID_KEY_MATERIAL', `Expected an Ed25519 ${expectedType} key`, {
      type: key.type,
      asymmetricKeyType: key.asymmetricKeyType,
    });
  }
  return key;
}

function assertValidity(keyId: string, { notBefore, notAfter }: KeyValidity): void {
  const isWholeSecond = (date: Date) => Number.isInteger(date.getTime() / 1000);
  if (!isWholeSecond(notBefore) || !isWholeSecond(notAfter) || notBefore.getTime() >= notAfter.getTime()) {
    throw new KeyRingError('INVALID_KEY_VALIDITY', `Key ${keyId} needs whole-second dates with notBefore < notAfter`, { keyId });
  }
}

function jwkOf(key: KeyObject): JsonWebKey {
  return key.export({ format: 'jwk' });
}

/** Buffer.from(…, 'base64url') silently skips bad characters and spare bits: insist on the one canonical spelling. */
function decodeRawKey(base64url: string): Buffer {
  const bytes = Buffer.from(base64url, 'base64url');
  if (!BASE64URL_RAW_KEY.test(base64url) || bytes.toString('base64url') !== base64url) {
    throw new KeyRingError('INVALID_KEY_MATERIAL', `A raw Ed25519 key is ${RAW_KEY_BYTES} bytes in unpadded base64url`);
  }
  return bytes;
}

function attempt(importKey: () => KeyObject, what: string): KeyObject {
  try {
    return importKey();
  } catch {
    throw new KeyRingError('INVALID_KEY_MATERIAL', `Could not read the ${what}`);
  }
}

function invalidJwk(reason: string): KeyRingError {
  return new KeyRingError('INVALID_KEY_MATERIAL', `Invalid public JWK: ${reason}`, { reason });
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
