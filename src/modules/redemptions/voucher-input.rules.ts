import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import { parseVoucherCode } from '../vouchers/voucher-code.rules';
import type { VerificationKeyRing } from '../signing/key-ring';
import { SignatureError, verifyVoucherQr } from '../signing/voucher-signature';
import type { VoucherInputErrorCode } from './redemptions.errors';

/** What a venue submits for one chèque: the code typed from the paper, or the text of the scanned QR. */
export interface VoucherInput {
  code?: string;
  qr?: string;
}

export type ReadVoucherInput =
  { ok: true; code: string; qrSerial: string | null } | { ok: false; error: VoucherInputErrorCode; signatureError?: string };

/**
 * Everything that can be known without the database: a QR's signature (so a forged QR never reaches a
 * look-up), a typed code's form and check character (a typo is answered as such, and costs nothing).
 * `at` is when the chèque was presented: a key retired before then no longer vouches for it.
 */
export function readVoucherInput(input: VoucherInput, keyRing: VerificationKeyRing, at: Date): ReadVoucherInput {
  if (input.qr !== undefined) {
    try {
      const payload = verifyVoucherQr(input.qr.trim(), keyRing, at);
      return { ok: true, code: payload.code, qrSerial: payload.serial };
    } catch (error) {
      if (error instanceof SignatureError) return { ok: false, error: 'INVALID_SIGNATURE', signatureError: error.code };
      throw error;
    }
  }
  const parsed = parseVoucherCode(input.code ?? '');
  if (!parsed.ok) return { ok: false, error: parsed.reason === 'CHECK_CHARACTER_MISMATCH' ? 'CHECK_CHARACTER_MISMATCH' : 'INVALID_CODE' };
  return { ok: true, code: parsed.code, qrSerial: null };
}

/** Field paths of inputs that carry both or neither of `code` and `qr`. */
export function ambiguousInputs(inputs: readonly VoucherInput[], field: string): string[] {
  return inputs.flatMap((input, index) => ((input.code === undefined) === (input.qr === undefined) ? [`${field}.${index}`] : []));
}

/** Refuses (400) inputs that carry both or neither of `code` and `qr`. */
export function assertUnambiguousInputs(inputs: readonly VoucherInput[], field: string): void {
  const ambiguous = ambiguousInputs(inputs, field);
  if (ambiguous.length > 0) {
    throw new ValidationFailedError(ambiguous.map((path) => ({ field: path, problems: ['give exactly one of code and qr'] })));
  }
}
