import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  createSigningKey,
  createVerificationKey,
  createVerificationKeyRing,
  exportPrivateKeyPem,
  exportPrivateKeyRaw,
  exportPublicKeyPem,
  exportPublicKeyRaw,
  fromPublicJwk,
  generateSigningKeyPair,
  importPrivateKeyPem,
  importPrivateKeyRaw,
  importPublicKeyPem,
  importPublicKeyRaw,
  KeyRingError,
  signingKeyFromConfigEntry,
  signingKeyToConfigEntry,
  toPublicJwk,
} from './key-ring';

const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2028-12-31T23:59:59Z') };

// RFC 8037 appendix A.1 (the key of RFC 8032 test 1).
const rfc8037 = { d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };

function keyRingErrorOf(action: () => unknown): KeyRingError {
  try {
    action();
  } catch (error) {
    if (error instanceof KeyRingError) return error;
    throw error;
  }
  throw new Error('no KeyRingError was thrown');
}

describe('key ring', () => {
  const key = generateSigningKeyPair('pn-2026-a', validity.notBefore, validity.notAfter);

  describe('generateSigningKeyPair', () => {
    it('gives a matching Ed25519 pair with the requested id and validity', () => {
      expect(key).toMatchObject({ keyId: 'pn-2026-a', ...validity });
      expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
      const message = Buffer.from('chèque');
      expect(verify(null, message, key.publicKey, sign(null, message, key.privateKey))).toBe(true);
    });

    it('gives a fresh key every time', () => {
      const other = generateSigningKeyPair('pn-2026-a', validity.notBefore, validity.notAfter);
      expect(exportPublicKeyRaw(other.publicKey)).not.toBe(exportPublicKeyRaw(key.publicKey));
    });

    it.each(['', 'a-key-id-that-is-17', 'pn:2026', 'pn 2026', 'clé'])('refuses the key id %j', (keyId) => {
      expect(keyRingErrorOf(() => generateSigningKeyPair(keyId, validity.notBefore, validity.notAfter)).code).toBe('INVALID_KEY_ID');
    });

    it.each([
      ['notBefore after notAfter', validity.notAfter, validity.notBefore],
      ['an empty validity', validity.notBefore, validity.notBefore],
      ['milliseconds', new Date('2026-01-01T00:00:00.001Z'), validity.notAfter],
      ['an invalid date', validity.notBefore, new Date(Number.NaN)],
    ])('refuses %s', (_label, notBefore, notAfter) => {
      expect(keyRingErrorOf(() => generateSigningKeyPair('k', notBefore, notAfter)).code).toBe('INVALID_KEY_VALIDITY');
    });
  });

  describe('createSigningKey / createVerificationKey', () => {
    it('derives the public key from the private one', () => {
      const rebuilt = createSigningKey('k', key.privateKey, validity);
      expect(exportPublicKeyRaw(rebuilt.publicKey)).toBe(exportPublicKeyRaw(key.publicKey));
    });

    it.each([
      ['an RSA key', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey],
      ['an ECDSA P-256 key', () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey],
      ['an X25519 key (same curve, key agreement only)', () => generateKeyPairSync('x25519').privateKey],
      ['a public key', () => key.publicKey],
    ])('refuses %s as a signing key', (_label, privateKey) => {
      expect(keyRingErrorOf(() => createSigningKey('k', privateKey(), validity)).code).toBe('INVALID_KEY_MATERIAL');
    });

    it('refuses a private key as a verification key', () => {
      expect(keyRingErrorOf(() => createVerificationKey('k', key.privateKey, validity)).code).toBe('INVALID_KEY_MATERIAL');
    });
  });

  describe('createVerificationKeyRing', () => {
    const other = generateSigningKeyPair('pn-2026-b', validity.notBefore, validity.notAfter);

    it('finds keys by id and keeps no private key', () => {
      const ring = createVerificationKeyRing([key, other]);
      expect([...ring.keys()]).toEqual(['pn-2026-a', 'pn-2026-b']);
      expect(ring.get('pn-2026-b')).toEqual({ keyId: 'pn-2026-b', publicKey: other.publicKey, ...validity });
      expect(ring.get('pn-2026-b')).not.toHaveProperty('privateKey');
    });

    it('knows nothing of inherited names', () => {
      const ring = createVerificationKeyRing([key]);
      expect(ring.get('__proto__')).toBeUndefined();
      expect(ring.get('constructor')).toBeUndefined();
    });

    it('refuses two keys with the same id', () => {
      const sameId = generateSigningKeyPair('pn-2026-a', validity.notBefore, validity.notAfter);
      expect(keyRingErrorOf(() => createVerificationKeyRing([key, sameId])).code).toBe('DUPLICATE_KEY_ID');
    });

    it('re-checks keys built by hand', () => {
      expect(keyRingErrorOf(() => createVerificationKeyRing([{ ...key, notAfter: key.notBefore }])).code).toBe('INVALID_KEY_VALIDITY');
    });
  });

  describe('PEM', () => {
    it('round-trips private and public keys', () => {
      const privatePem = exportPrivateKeyPem(key.privateKey);
      const publicPem = exportPublicKeyPem(key.publicKey);
      expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(exportPrivateKeyRaw(importPrivateKeyPem(privatePem))).toBe(exportPrivateKeyRaw(key.privateKey));
      expect(exportPublicKeyRaw(importPublicKeyPem(publicPem))).toBe(exportPublicKeyRaw(key.publicKey));
    });

    it('refuses a private PEM where a public one is expected', () => {
      expect(keyRingErrorOf(() => importPublicKeyPem(exportPrivateKeyPem(key.privateKey))).code).toBe('INVALID_KEY_MATERIAL');
    });

    it('refuses other algorithms and garbage', () => {
      const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      expect(keyRingErrorOf(() => importPrivateKeyPem(ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).code).toBe(
        'INVALID_KEY_MATERIAL',
      );
      expect(keyRingErrorOf(() => importPublicKeyPem(ec.publicKey.export({ format: 'pem', type: 'spki' }).toString())).code).toBe(
        'INVALID_KEY_MATERIAL',
      );
      expect(keyRingErrorOf(() => importPrivateKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')).code).toBe(
        'INVALID_KEY_MATERIAL',
      );
      expect(keyRingErrorOf(() => importPublicKeyPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).code).toBe(
        'INVALID_KEY_MATERIAL',
      );
    });
  });

  describe('raw base64url', () => {
    it('matches the RFC 8037 / RFC 8032 test key', () => {
      const privateKey = importPrivateKeyRaw(rfc8037.d);
      expect(exportPrivateKeyRaw(privateKey)).toBe(rfc8037.d);
      expect(exportPublicKeyRaw(createSigningKey('k', privateKey, validity).publicKey)).toBe(rfc8037.x);
      expect(exportPublicKeyRaw(importPublicKeyRaw(rfc8037.x))).toBe(rfc8037.x);
    });

    it('round-trips generated keys', () => {
      expect(exportPrivateKeyRaw(importPrivateKeyRaw(exportPrivateKeyRaw(key.privateKey)))).toBe(exportPrivateKeyRaw(key.privateKey));
      expect(exportPublicKeyRaw(key.publicKey)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it.each([
      ['padding', `${rfc8037.x}=`],
      ['standard base64 characters', rfc8037.x.replace('_', '/')],
      ['spare bits set in the last character', `${rfc8037.x.slice(0, -1)}p`],
      ['31 bytes', Buffer.alloc(31).toString('base64url')],
      ['33 bytes', Buffer.alloc(33).toString('base64url')],
      ['whitespace', ` ${rfc8037.x.slice(1)}`],
    ])('refuses %s', (_label, text) => {
      expect(keyRingErrorOf(() => importPublicKeyRaw(text)).code).toBe('INVALID_KEY_MATERIAL');
      expect(keyRingErrorOf(() => importPrivateKeyRaw(text)).code).toBe('INVALID_KEY_MATERIAL');
    });
  });

  describe('configuration entry keyId:base64(PKCS#8 DER)', () => {
    it('round-trips a signing key', () => {
      const entry = signingKeyToConfigEntry(key);
      expect(entry).toMatch(/^pn-2026-a:[A-Za-z0-9+/]+=*$/);
      const read = signingKeyFromConfigEntry(entry, validity);
      expect(read.keyId).toBe('pn-2026-a');
      expect(exportPrivateKeyRaw(read.privateKey)).toBe(exportPrivateKeyRaw(key.privateKey));
      expect(exportPublicKeyRaw(read.publicKey)).toBe(exportPublicKeyRaw(key.publicKey));
    });

    it('is what `openssl genpkey -algorithm ed25519 -outform DER | base64` produces', () => {
      const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(rfc8037.d, 'base64url')]);
      const read = signingKeyFromConfigEntry(`rfc8037:${der.toString('base64')}\n`, validity);
      expect(exportPublicKeyRaw(read.publicKey)).toBe(rfc8037.x);
    });

    const secret = signingKeyToConfigEntry(key).split(':')[1];
    const ecSecret = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ format: 'der', type: 'pkcs8' })
      .toString('base64');
    it.each([
      ['no key id separator', secret, 'INVALID_KEY_MATERIAL'],
      ['not base64', `k:${secret.slice(0, -4)}!!!!`, 'INVALID_KEY_MATERIAL'],
      ['truncated DER', `k:${secret.slice(0, 40)}`, 'INVALID_KEY_MATERIAL'],
      ['another algorithm', `k:${ecSecret}`, 'INVALID_KEY_MATERIAL'],
      ['an empty key id', `:${secret}`, 'INVALID_KEY_ID'],
    ])('refuses %s, without echoing the secret', (_label, entry, code) => {
      const error = keyRingErrorOf(() => signingKeyFromConfigEntry(entry, validity));
      expect(error.code).toBe(code);
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(secret.slice(20, 40));
    });
  });

  describe('public JWK', () => {
    it('publishes x, kid, use, nbf and exp and nothing private', () => {
      const rfcKey = createSigningKey('rfc8037', importPrivateKeyRaw(rfc8037.d), validity);
      expect(toPublicJwk(rfcKey)).toStrictEqual({
        kty: 'OKP',
        crv: 'Ed25519',
        x: rfc8037.x,
        kid: 'rfc8037',
        use: 'sig',
        nbf: Date.parse('2026-01-01T00:00:00Z') / 1000,
        exp: Date.parse('2028-12-31T23:59:59Z') / 1000,
      });
    });

    it('is a JWK that other implementations read (here node:crypto itself)', () => {
      const imported = createPublicKey({ key: { ...toPublicJwk(key) }, format: 'jwk' });
      const message = Buffer.from('chèque');
      expect(verify(null, message, imported, sign(null, message, key.privateKey))).toBe(true);
    });

    it('round-trips through JSON', () => {
      const read = fromPublicJwk(JSON.parse(JSON.stringify(toPublicJwk(key))));
      expect(read).toMatchObject({ keyId: key.keyId, ...validity });
      expect(exportPublicKeyRaw(read.publicKey)).toBe(exportPublicKeyRaw(key.publicKey));
    });

    it('accepts a key without use', () => {
      const { use: _use, ...withoutUse } = toPublicJwk(key);
      expect(fromPublicJwk(withoutUse).keyId).toBe(key.keyId);
    });

    const jwk = toPublicJwk(key);
    it.each<[string, unknown, string]>([
      ['null', null, 'INVALID_KEY_MATERIAL'],
      ['a string', JSON.stringify(jwk), 'INVALID_KEY_MATERIAL'],
      ['kty EC', { ...jwk, kty: 'EC' }, 'INVALID_KEY_MATERIAL'],
      ['crv X25519', { ...jwk, crv: 'X25519' }, 'INVALID_KEY_MATERIAL'],
      ['a private member d', { ...jwk, d: rfc8037.d }, 'INVALID_KEY_MATERIAL'],
      ['use enc', { ...jwk, use: 'enc' }, 'INVALID_KEY_MATERIAL'],
      ['no nbf', { ...jwk, nbf: undefined }, 'INVALID_KEY_MATERIAL'],
      ['exp as a string', { ...jwk, exp: String(jwk.exp) }, 'INVALID_KEY_MATERIAL'],
      ['a fractional exp', { ...jwk, exp: jwk.exp + 0.5 }, 'INVALID_KEY_MATERIAL'],
      ['a short x', { ...jwk, x: jwk.x.slice(1) }, 'INVALID_KEY_MATERIAL'],
      ['a missing kid', { ...jwk, kid: undefined }, 'INVALID_KEY_MATERIAL'],
      ['a kid that cannot be in a payload', { ...jwk, kid: 'a-key-id-that-is-17' }, 'INVALID_KEY_ID'],
      ['nbf after exp', { ...jwk, nbf: jwk.exp + 1 }, 'INVALID_KEY_VALIDITY'],
    ])('refuses %s', (_label, candidate, code) => {
      expect(keyRingErrorOf(() => fromPublicJwk(candidate)).code).toBe(code);
    });
  });
});
