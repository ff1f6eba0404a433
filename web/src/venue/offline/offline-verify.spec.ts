import { createPrivateKey } from 'node:crypto';
import { REVOCATION_LIST_FORMAT, REVOCATION_LIST_JWS_TYPE } from '../../../../src/modules/oppositions/revocation-list.format';
import { encodeBase45, decodeBase45 } from '../../../../src/modules/signing/base45';
import { signFlattenedJws } from '../../../../src/modules/signing/jws';
import { createSigningKey } from '../../../../src/modules/signing/key-ring';
import vectors from '../../../../docs/verifier/signed-qr-test-vectors.json';
import { judgeQrOffline, verifiedRevocationPage } from './offline-verify';

// The device's verifier (WebCrypto, as in the browser) against the published test vectors.
const keySet = { keys: [vectors.key.publicJwk] };
const [vector] = vectors.vectors;
const beforeExpiry = new Date('2027-06-01T10:00:00Z');
const none = new Set<string>();

function withFlippedSignatureBit(qrText: string): string {
  const signed = decodeBase45(qrText.slice(4));
  signed[signed.length - 1]! ^= 1;
  return `PN1:${encodeBase45(signed)}`;
}

describe('judgeQrOffline', () => {
  it('accepts a genuine, unexpired, unrevoked chèque and reads its serial and code', async () => {
    expect(await judgeQrOffline(vector!.qrText, keySet, none, beforeExpiry)).toEqual({
      ok: true,
      serial: vector!.fields.serial,
      code: vector!.fields.code,
      expiresAt: new Date(vector!.fields.expiresAt),
    });
  });

  it.each([
    ['an altered signature', () => withFlippedSignatureBit(vector!.qrText), keySet],
    ['a key the device does not know', () => vector!.qrText, { keys: [] }],
    ['text that is no chèque QR', () => 'PN1:ABC', keySet],
    ['another prefix', () => vector!.qrText.replace('PN1:', 'HC1:'), keySet],
  ])('refuses %s as not a chèque of the scheme', async (_, text, keys) => {
    expect(await judgeQrOffline(text(), keys, none, beforeExpiry)).toEqual({ ok: false, refusal: 'INVALID_SIGNATURE' });
  });

  it('refuses a chèque past its printed expiry, and one whose key was retired', async () => {
    expect(await judgeQrOffline(vector!.qrText, keySet, none, new Date('2028-01-01T00:00:00Z'))).toMatchObject({
      ok: false,
      refusal: 'EXPIRED',
    });
    const retired = { keys: [{ ...vectors.key.publicJwk, exp: Math.floor(beforeExpiry.getTime() / 1000) - 1 }] };
    expect(await judgeQrOffline(vector!.qrText, retired, none, beforeExpiry)).toEqual({ ok: false, refusal: 'INVALID_SIGNATURE' });
  });

  it('refuses a chèque in the revocation list', async () => {
    expect(await judgeQrOffline(vector!.qrText, keySet, new Set([vector!.fields.serial]), beforeExpiry)).toEqual({
      ok: false,
      refusal: 'CANCELLED',
      serial: vector!.fields.serial,
    });
  });
});

describe('verifiedRevocationPage', () => {
  const key = createSigningKey(
    'test-vector',
    createPrivateKey({ key: Buffer.from(vectors.key.privateKeyPkcs8DerBase64, 'base64'), format: 'der', type: 'pkcs8' }),
    {
      notBefore: new Date(vectors.key.publicJwk.nbf * 1000),
      notAfter: new Date(vectors.key.publicJwk.exp * 1000),
    },
  );
  const list = {
    format: REVOCATION_LIST_FORMAT,
    issuedAt: '2027-01-01T00:00:00Z',
    since: '0',
    until: '1',
    latestVersion: '1',
    hasMore: false,
    entries: [],
  };

  it('reads a list signed by the server', async () => {
    expect(await verifiedRevocationPage(signFlattenedJws(list, key, REVOCATION_LIST_JWS_TYPE), keySet)).toEqual(list);
  });

  it('refuses a list whose content was changed, or of another type', async () => {
    const signed = signFlattenedJws(list, key, REVOCATION_LIST_JWS_TYPE);
    const changed = { ...signed, payload: Buffer.from(JSON.stringify({ ...list, hasMore: true })).toString('base64url') };
    await expect(verifiedRevocationPage(changed, keySet)).rejects.toThrow('does not verify');
    await expect(verifiedRevocationPage(signFlattenedJws(list, key, 'other+json'), keySet)).rejects.toThrow('Not a signed revocation list');
  });
});
