import { createVerificationKeyRing, generateSigningKeyPair } from './key-ring';
import { JwsError, signFlattenedJws, verifyFlattenedJws, type FlattenedJws } from './jws';

const validity = [new Date('2026-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')] as const;
const key = generateSigningKeyPair('k1', ...validity);
const other = generateSigningKeyPair('k2', ...validity);
const ring = createVerificationKeyRing([key, other]);
const document = { version: 3, serials: ['2026-0001-000001-01'], note: 'é' };

function codeOf(jws: FlattenedJws): string {
  try {
    verifyFlattenedJws(jws, ring);
  } catch (error) {
    if (error instanceof JwsError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describe('flattened JWS (EdDSA)', () => {
  const jws = signFlattenedJws(document, key, 'pn-revocations+json');

  it('round-trips and names its key', () => {
    expect(verifyFlattenedJws(jws, ring)).toEqual(document);
    expect(JSON.parse(Buffer.from(jws.protected, 'base64url').toString())).toEqual({ alg: 'EdDSA', kid: 'k1', typ: 'pn-revocations+json' });
  });

  it('refuses a changed payload, a signature of another key, an unknown key and garbage', () => {
    const changed = { ...jws, payload: Buffer.from(JSON.stringify({ ...document, version: 4 })).toString('base64url') };
    expect(codeOf(changed)).toBe('INVALID_SIGNATURE');
    const signedByOther = signFlattenedJws(document, other, 'x');
    expect(codeOf({ ...signedByOther, protected: jws.protected })).toBe('INVALID_SIGNATURE');
    const stranger = generateSigningKeyPair('k3', ...validity);
    expect(codeOf(signFlattenedJws(document, stranger, 'x'))).toBe('UNKNOWN_KEY');
    expect(codeOf({ ...jws, protected: 'not-json' })).toBe('MALFORMED_JWS');
    expect(codeOf({ ...jws, protected: Buffer.from('{"alg":"none","kid":"k1"}').toString('base64url') })).toBe('MALFORMED_JWS');
  });
});
