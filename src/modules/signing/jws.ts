/**
 * Flattened JWS JSON serialisation (RFC 7515 §7.2.2) with EdDSA (RFC 8037): how the platform signs the
 * documents offline verifiers download (the revocation list), with the keys published as a JWK set.
 * Any JOSE library verifies it; `verifyFlattenedJws` is the reference implementation.
 */
import { sign, verify } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import type { SigningKey, VerificationKeyRing } from './key-ring';

export interface FlattenedJws {
  /** base64url of `{"alg":"EdDSA","kid":…,"typ":…}`. */
  protected: string;
  /** base64url of the UTF-8 JSON document. */
  payload: string;
  /** base64url of the Ed25519 signature of `protected.payload`. */
  signature: string;
}

export type JwsErrorCode = 'MALFORMED_JWS' | 'UNKNOWN_KEY' | 'INVALID_SIGNATURE';
export class JwsError extends DomainError<JwsErrorCode> {}

export function signFlattenedJws(document: unknown, key: SigningKey, type: string): FlattenedJws {
  const header = base64url(JSON.stringify({ alg: 'EdDSA', kid: key.keyId, typ: type }));
  const payload = base64url(JSON.stringify(document));
  const signature = sign(null, Buffer.from(`${header}.${payload}`, 'ascii'), key.privateKey).toString('base64url');
  return { protected: header, payload, signature };
}

/** @returns the verified document. @throws JwsError */
export function verifyFlattenedJws(jws: FlattenedJws, keyRing: VerificationKeyRing): unknown {
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(jws.protected, 'base64url').toString('utf8'));
  } catch {
    throw new JwsError('MALFORMED_JWS', 'The protected header is not base64url JSON');
  }
  if (header.alg !== 'EdDSA' || typeof header.kid !== 'string') throw new JwsError('MALFORMED_JWS', 'Expected alg EdDSA and a kid');
  const key = keyRing.get(header.kid);
  if (!key) throw new JwsError('UNKNOWN_KEY', `No verification key ${header.kid}`, { keyId: header.kid });
  const signed = Buffer.from(`${jws.protected}.${jws.payload}`, 'ascii');
  if (!verify(null, signed, key.publicKey, Buffer.from(jws.signature, 'base64url'))) {
    throw new JwsError('INVALID_SIGNATURE', `The signature does not match key ${header.kid}`, { keyId: header.kid });
  }
  try {
    return JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
  } catch {
    throw new JwsError('MALFORMED_JWS', 'The payload is not base64url JSON');
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
