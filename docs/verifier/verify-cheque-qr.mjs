#!/usr/bin/env node
/**
 * Standalone verifier of a Pass numérique chèque QR code, with nothing but Node.js (18+) and its
 * standard library: the format is described in docs/signed-qr-format.md, and this file is its
 * executable reading, independent from the platform's code.
 *
 *   node verify-cheque-qr.mjs --api https://pass.example.gouv.fr/api/v1 'PN1:…'
 *       fetches the published keys (GET /public/signing-keys) and the whole signed revocation list
 *       (GET /public/revocations, page after page), then verifies the QR text.
 *   node verify-cheque-qr.mjs --jwks keys.json [--revocations entries.json] 'PN1:…'
 *       offline: a saved JWK set, and optionally a saved list of revoked serials (JSON array of strings).
 *
 * Prints one JSON object and exits 0 when the chèque is genuine, unexpired and not revoked; 1 otherwise
 * (with `error` naming the reason); 2 on a usage error.
 */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PREFIX = 'PN1:';
const SIGNATURE_BYTES = 64;
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

class Refusal extends Error {}

/** RFC 9285: three characters → two bytes (c + 45·d + 45²·e), a final pair → one byte. */
function decodeBase45(text) {
  if (text.length % 3 === 1) throw new Refusal('base45: invalid length');
  const bytes = [];
  for (let index = 0; index < text.length; index += 3) {
    const digits = [...text.slice(index, index + 3)].map((char) => {
      const value = BASE45.indexOf(char);
      if (value < 0) throw new Refusal(`base45: invalid character ${JSON.stringify(char)}`);
      return value;
    });
    const value = digits.reduce((sum, digit, position) => sum + digit * 45 ** position, 0);
    if (digits.length === 3) {
      if (value > 0xffff) throw new Refusal('base45: group out of range');
      bytes.push(value >> 8, value & 0xff);
    } else {
      if (value > 0xff) throw new Refusal('base45: group out of range');
      bytes.push(value);
    }
  }
  return Buffer.from(bytes);
}

/** The payload, field by field (docs/signed-qr-format.md, "Payload"). */
function decodePayload(bytes) {
  let offset = 0;
  const take = (length, field) => {
    if (offset + length > bytes.length) throw new Refusal(`payload truncated in ${field}`);
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  const version = take(1, 'version')[0];
  if (version !== 1) throw new Refusal(`unsupported payload version ${version}`);
  const keyId = take(take(1, 'key id length')[0], 'key id').toString('latin1');
  const serialHeader = take(1, 'serial header')[0];
  const serialLength = serialHeader & 0x7f;
  let serial;
  if (serialHeader & 0x80) {
    const nibbles = [...take(Math.ceil(serialLength / 2), 'serial')].flatMap((byte) => [byte >> 4, byte & 0xf]).slice(0, serialLength);
    serial = nibbles.map((nibble) => (nibble === 0xa ? '-' : String(nibble))).join('');
  } else {
    serial = take(serialLength, 'serial').toString('latin1');
  }
  let bits = BigInt(`0x${take(10, 'code').toString('hex')}`);
  let code = '';
  for (let index = 0; index < 16; index++, bits >>= 5n) code = CROCKFORD[Number(bits & 31n)] + code;
  const expiresAt = new Date(take(4, 'expiry').readUInt32BE(0) * 1000);
  const territory = Array.from({ length: take(1, 'territory count')[0] }, () => territoryCode(take(3, 'territory').readUIntBE(0, 3)));
  if (offset !== bytes.length) throw new Refusal('trailing bytes after the payload');
  return { version, keyId, serial, code, expiresAt: expiresAt.toISOString(), territory };
}

/** uint24 → INSEE code: communes below 102 000, two-character départements from 200 000, three-digit ones from 300 000. */
function territoryCode(value) {
  const prefix = (index) => (index < 100 ? String(index).padStart(2, '0') : ['2A', '2B'][index - 100]);
  if (value < 102_000) return prefix(Math.floor(value / 1000)) + String(value % 1000).padStart(3, '0');
  if (value >= 200_000 && value < 200_102) return prefix(value - 200_000);
  if (value >= 300_000 && value < 301_000) return String(value - 300_000);
  throw new Refusal(`territory entry ${value} outside every range`);
}

function keyRing(jwks) {
  const ring = new Map();
  for (const jwk of jwks.keys ?? []) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.kid !== 'string') continue;
    ring.set(jwk.kid, {
      publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }),
      notAfter: jwk.exp * 1000,
    });
  }
  return ring;
}

/** Flattened JWS (RFC 7515 §7.2.2), EdDSA, signed with one of the published keys. */
function verifyJws(jws, ring) {
  const header = JSON.parse(Buffer.from(jws.protected, 'base64url').toString('utf8'));
  const key = header.alg === 'EdDSA' ? ring.get(header.kid) : undefined;
  if (!key) throw new Refusal('revocation list signed with an unknown key');
  if (!verify(null, Buffer.from(`${jws.protected}.${jws.payload}`, 'ascii'), key.publicKey, Buffer.from(jws.signature, 'base64url'))) {
    throw new Refusal('revocation list signature does not verify');
  }
  return JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8'));
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Every revoked serial, following the incremental list from version 0 until it is up to date. */
async function fetchRevokedSerials(api, ring) {
  const serials = new Set();
  let since = '0';
  for (;;) {
    const list = verifyJws(await fetchJson(`${api}/public/revocations?since=${since}&limit=5000`), ring);
    if (list.format !== 'pass-numerique/revocations/v1') throw new Refusal(`unknown revocation list format ${list.format}`);
    for (const entry of list.entries) serials.add(entry.serial);
    if (!list.hasMore) return serials;
    since = list.until;
  }
}

export function verifyChequeQr(text, ring, revokedSerials, now = new Date()) {
  if (!text.startsWith(PREFIX)) throw new Refusal(`not a Pass numérique QR code (no ${PREFIX} prefix)`);
  const signed = decodeBase45(text.slice(PREFIX.length));
  if (signed.length <= SIGNATURE_BYTES) throw new Refusal('too short for a payload and a signature');
  const payloadBytes = signed.subarray(0, signed.length - SIGNATURE_BYTES);
  const payload = decodePayload(payloadBytes);
  const key = ring.get(payload.keyId);
  if (!key) throw new Refusal(`unknown key ${payload.keyId}`);
  if (!verify(null, payloadBytes, key.publicKey, signed.subarray(signed.length - SIGNATURE_BYTES))) throw new Refusal('invalid signature');
  if (now.getTime() > key.notAfter) throw new Refusal(`key ${payload.keyId} is no longer accepted`);
  const expired = now.getTime() > Date.parse(payload.expiresAt);
  const revoked = revokedSerials ? revokedSerials.has(payload.serial) : null;
  return { ...payload, signatureValid: true, expired, revoked };
}

async function main(argv) {
  const options = {};
  const positional = [];
  for (let index = 0; index < argv.length; index++) {
    if (argv[index].startsWith('--')) options[argv[index].slice(2)] = argv[++index];
    else positional.push(argv[index]);
  }
  if (positional.length !== 1 || (!options.api && !options.jwks)) {
    process.stderr.write('usage: verify-cheque-qr.mjs (--api <base URL> | --jwks <file> [--revocations <file>]) <QR text>\n');
    return 2;
  }
  try {
    const api = options.api?.replace(/\/$/, '');
    const ring = keyRing(api ? await fetchJson(`${api}/public/signing-keys`) : JSON.parse(readFileSync(options.jwks, 'utf8')));
    const revoked = api
      ? await fetchRevokedSerials(api, ring)
      : options.revocations
        ? new Set(JSON.parse(readFileSync(options.revocations, 'utf8')))
        : null;
    const result = verifyChequeQr(positional[0], ring, revoked);
    const error = result.expired ? 'expired' : result.revoked ? 'revoked' : undefined;
    process.stdout.write(`${JSON.stringify({ valid: !error, ...(error ? { error } : {}), ...result })}\n`);
    return error ? 1 : 0;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    process.stdout.write(`${JSON.stringify({ valid: false, error: error.message })}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
