import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** High-entropy secrets (refresh tokens, invitations, API keys) need no slow hash: SHA-256 is enough to make a dump useless. */
export function newSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
