import { randomBytes, randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { VersionedSecret } from '../vouchers/voucher-code-secrets';
import {
  buildCarnetNumber,
  buildVoucherSerial,
  deriveVoucherCode,
  hashVoucherCode,
  VOUCHER_NONCE_BYTES,
} from '../vouchers/voucher-code.rules';

/**
 * One chunk of an order's carnets and chèques, as the text of two `COPY … FROM STDIN` streams.
 * Building is CPU work (an HMAC and a SHA-256 per chèque): it yields to the event loop every
 * `YIELD_EVERY_VOUCHERS` chèques so that the job's lock renewal and the COPY of the previous chunk
 * keep flowing.
 */

export const CARNET_COPY_COLUMNS = ['id', 'order_id', 'funder_id', 'sequence', 'number', 'size', 'status'] as const;
export const VOUCHER_COPY_COLUMNS = [
  'id',
  'carnet_id',
  'order_id',
  'funder_id',
  'position',
  'serial',
  'code_hash',
  'code_key_version',
  'code_nonce',
  'face_value_cents',
  'status',
  'expires_at',
] as const;

const YIELD_EVERY_VOUCHERS = 2_000;

export interface CarnetBatchSpec {
  orderId: string;
  funderId: string;
  /** Programme year and order sequence: the `YYYY-OOOO` of carnet numbers. */
  year: number;
  orderSequence: number;
  carnetSize: number;
  faceValueCents: number;
  expiresAt: Date;
  codeSecret: VersionedSecret;
  /** 1-based sequence of the first carnet of the chunk. */
  firstSequence: number;
  carnetCount: number;
}

export interface CarnetBatch {
  firstSequence: number;
  carnetCount: number;
  voucherCount: number;
  carnetRows: string;
  voucherRows: string;
}

/**
 * Chèques are born `active`: the job only runs once the payment is recorded. They are nonetheless
 * out of reach until the order is `ready` (stock, allocation and issuing only see ready orders).
 */
export async function buildCarnetBatch(spec: CarnetBatchSpec): Promise<CarnetBatch> {
  const voucherCount = spec.carnetCount * spec.carnetSize;
  const nonces = randomBytes(voucherCount * VOUCHER_NONCE_BYTES);
  const expiresAt = spec.expiresAt.toISOString();
  const { secret, version } = spec.codeSecret;
  // Columns that are the same on every row of the chunk, pre-joined once.
  const carnetSuffix = `\t${spec.carnetSize}\tin_stock\n`;
  const voucherOwner = `\t${spec.orderId}\t${spec.funderId}\t`;
  const voucherTail = `\t${spec.faceValueCents}\tactive\t${expiresAt}\n`;
  const carnetLines: string[] = [];
  const voucherLines: string[] = [];
  let voucherIndex = 0;
  for (let sequence = spec.firstSequence; sequence < spec.firstSequence + spec.carnetCount; sequence++) {
    const carnetId = randomUUID();
    const number = buildCarnetNumber(spec.year, spec.orderSequence, sequence);
    carnetLines.push(`${carnetId}\t${spec.orderId}\t${spec.funderId}\t${sequence}\t${number}${carnetSuffix}`);
    for (let position = 1; position <= spec.carnetSize; position++, voucherIndex++) {
      const serial = buildVoucherSerial(number, position);
      const nonce = nonces.subarray(voucherIndex * VOUCHER_NONCE_BYTES, (voucherIndex + 1) * VOUCHER_NONCE_BYTES);
      const codeHash = hashVoucherCode(deriveVoucherCode(secret, version, serial, nonce));
      voucherLines.push(
        `${randomUUID()}\t${carnetId}${voucherOwner}${position}\t${serial}\t\\\\x${codeHash.toString('hex')}\t${version}\t\\\\x${nonce.toString('hex')}${voucherTail}`,
      );
      if ((voucherIndex + 1) % YIELD_EVERY_VOUCHERS === 0) await yieldToEventLoop();
    }
  }
  return {
    firstSequence: spec.firstSequence,
    carnetCount: spec.carnetCount,
    voucherCount,
    carnetRows: carnetLines.join(''),
    voucherRows: voucherLines.join(''),
  };
}
