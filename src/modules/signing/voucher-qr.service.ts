import { Injectable } from '@nestjs/common';
import { VoucherCodeSecrets } from '../vouchers/voucher-code-secrets';
import { deriveVoucherCode, hashVoucherCode } from '../vouchers/voucher-code.rules';
import { SigningKeysService } from './signing-keys.service';
import type { VoucherPayload } from './voucher-payload';
import { signVoucherQr, SigningError, verifyVoucherQr } from './voucher-signature';

/** What printing a chèque needs from its stored row (the code itself is never stored). */
export interface QrVoucher {
  serial: string;
  codeKeyVersion: number;
  codeNonce: Buffer;
  codeHash: Buffer;
  expiresAt: Date;
}

export interface PrintedVoucherCodes {
  /** 16 Crockford symbols, unformatted. */
  code: string;
  /** `PN1:…`, the text encoded in the QR code. */
  qrText: string;
}

/** Integrity failure between stored hash and re-derived code: a secret was changed or lost. Never printed. */
export class VoucherCodeMismatchError extends Error {}

/**
 * The signed QR of a chèque, for printing (here) and for checking at a venue (issue 6 reuses `verify`).
 * The code is re-derived from the stored serial, nonce and key version, so reprints are identical.
 */
@Injectable()
export class VoucherQrService {
  constructor(
    private readonly secrets: VoucherCodeSecrets,
    private readonly signingKeys: SigningKeysService,
  ) {}

  /** @throws VoucherCodeMismatchError when the derived code does not hash to the stored one. */
  codeOf(voucher: QrVoucher): string {
    const code = deriveVoucherCode(
      this.secrets.forVersion(voucher.codeKeyVersion),
      voucher.codeKeyVersion,
      voucher.serial,
      voucher.codeNonce,
    );
    if (!hashVoucherCode(code).equals(voucher.codeHash)) {
      throw new VoucherCodeMismatchError(
        `Chèque ${voucher.serial}: the code derived with secret version ${voucher.codeKeyVersion} does not match the stored hash (VOUCHER_CODE_SECRETS changed?)`,
      );
    }
    return code;
  }

  /**
   * Signed with the newest key valid now that outlives the chèque. Ed25519 signatures are deterministic:
   * the same chèque printed twice with the same key gives the same QR code.
   * @throws SigningError when no configured key covers the chèque's validity.
   */
  codesFor(voucher: QrVoucher, territory: readonly string[], now: Date = new Date()): PrintedVoucherCodes {
    const expiresAt = wholeSecond(voucher.expiresAt);
    const key = this.signingKeys.signingKeyFor(now, expiresAt);
    if (!key) throw noKeyFor(voucher.serial, expiresAt);
    const code = this.codeOf(voucher);
    return { code, qrText: signVoucherQr({ serial: voucher.serial, code, expiresAt, territory }, key, now) };
  }

  /** Fails fast, before anything is handed out, when no key could sign chèques expiring at `expiresAt`. */
  assertCanSign(serial: string, expiresAt: Date, now: Date = new Date()): void {
    if (!this.signingKeys.signingKeyFor(now, wholeSecond(expiresAt))) throw noKeyFor(serial, wholeSecond(expiresAt));
  }

  /**
   * Authenticity and integrity only (see voucher-signature.ts): expiry, territory and single use are
   * the caller's business decisions.
   * @throws SignatureError MALFORMED_PAYLOAD | UNSUPPORTED_VERSION | UNKNOWN_KEY | INVALID_SIGNATURE | KEY_EXPIRED
   */
  verify(qrText: string, now: Date = new Date()): VoucherPayload {
    return verifyVoucherQr(qrText, this.signingKeys.keyRing, now);
  }
}

/** The payload carries whole seconds; a stored expiry with milliseconds is printed as the second it falls in. */
function wholeSecond(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}

function noKeyFor(serial: string, expiresAt: Date): SigningError {
  return new SigningError(
    'VOUCHER_OUTLIVES_SIGNING_KEY',
    `No signing key is valid now and until ${expiresAt.toISOString()} (chèque ${serial}): add one to SIGNING_KEYS.`,
    { serial, expiresAt: expiresAt.toISOString() },
  );
}
