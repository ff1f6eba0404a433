import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigningKey, createVerificationKeyRing, fromPublicJwk } from './key-ring';
import { encodeVoucherPayload } from './voucher-payload';
import { signVoucherQr, verifyVoucherQr } from './voucher-signature';

const VERIFIER_DIR = join(__dirname, '..', '..', '..', 'docs', 'verifier');

interface TestVectors {
  key: { kid: string; privateKeyPkcs8DerBase64: string; publicJwk: { nbf: number; exp: number } };
  vectors: Array<{
    fields: { version: 1; keyId: string; serial: string; code: string; expiresAt: string; territory: string[] };
    payloadHex: string;
    signatureHex: string;
    qrText: string;
  }>;
}

const published: TestVectors = JSON.parse(readFileSync(join(VERIFIER_DIR, 'signed-qr-test-vectors.json'), 'utf8'));

// The published vectors are what docs/signed-qr-format.md promises: the platform must produce them byte for byte.
describe('signed QR test vectors (docs/verifier/signed-qr-test-vectors.json)', () => {
  const privateKey = createPrivateKey({ key: Buffer.from(published.key.privateKeyPkcs8DerBase64, 'base64'), format: 'der', type: 'pkcs8' });
  const validity = { notBefore: new Date(published.key.publicJwk.nbf * 1000), notAfter: new Date(published.key.publicJwk.exp * 1000) };
  const key = createSigningKey(published.key.kid, privateKey, validity);
  const ring = createVerificationKeyRing([fromPublicJwk(published.key.publicJwk)]);

  it.each(published.vectors.map((vector) => [vector.fields.serial, vector] as const))(
    '%s: payload, signature and QR text as published',
    (_serial, vector) => {
      const claims = {
        serial: vector.fields.serial,
        code: vector.fields.code,
        expiresAt: new Date(vector.fields.expiresAt),
        territory: vector.fields.territory,
      };
      expect(encodeVoucherPayload({ version: 1, keyId: key.keyId, ...claims }).toString('hex')).toBe(vector.payloadHex);
      const text = signVoucherQr(claims, key, validity.notBefore);
      expect(text).toBe(vector.qrText);
      expect(text).toBe(`PN1:${encodeBase45Hex(vector.payloadHex + vector.signatureHex)}`);
      expect(verifyVoucherQr(text, ring, validity.notBefore)).toEqual({ ...vector.fields, expiresAt: new Date(vector.fields.expiresAt) });
    },
  );

  it('are read the same by the standalone verifier (Node standard library only), offline with the JWK set', () => {
    const directory = mkdtempSync(join(tmpdir(), 'pn-vectors-'));
    try {
      const jwks = join(directory, 'keys.json');
      writeFileSync(jwks, JSON.stringify({ keys: [published.key.publicJwk] }));
      for (const vector of published.vectors) {
        const output = JSON.parse(
          execFileSync('node', [join(VERIFIER_DIR, 'verify-cheque-qr.mjs'), '--jwks', jwks, vector.qrText], { encoding: 'utf8' }),
        );
        expect(output).toMatchObject({ ...vector.fields, signatureValid: true });
      }
      // One altered character: the signature no longer matches (or the text no longer decodes).
      const tampered = published.vectors[0].qrText.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
      const refused = (() => {
        try {
          execFileSync('node', [join(VERIFIER_DIR, 'verify-cheque-qr.mjs'), '--jwks', jwks, tampered], { encoding: 'utf8' });
          return null;
        } catch (error) {
          return JSON.parse((error as { stdout: string }).stdout);
        }
      })();
      expect(refused).toMatchObject({ valid: false });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

/** Independent base45 (RFC 9285) of hex bytes, to hold the documented container to its definition. */
function encodeBase45Hex(hex: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  const bytes = Buffer.from(hex, 'hex');
  let text = '';
  for (let index = 0; index < bytes.length; index += 2) {
    if (index + 1 < bytes.length) {
      const value = bytes[index] * 256 + bytes[index + 1];
      text += alphabet[value % 45] + alphabet[Math.floor(value / 45) % 45] + alphabet[Math.floor(value / 2025)];
    } else {
      text += alphabet[bytes[index] % 45] + alphabet[Math.floor(bytes[index] / 45)];
    }
  }
  return text;
}
