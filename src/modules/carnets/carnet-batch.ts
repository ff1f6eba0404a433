import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PgBinaryCopyWriter, setUuidV4Bits, uuidToBytes } from '../../database/pg-binary-copy';
import type { VersionedSecret } from '../vouchers/voucher-code-secrets';
import {
  buildCarnetNumber,
  buildVoucherSerial,
  createVoucherCodeDeriver,
  hashVoucherCode,
  VOUCHER_NONCE_BYTES,
} from '../vouchers/voucher-code.rules';

/**
 * One chunk of an order's carnets and chèques, encoded as two binary `COPY … FROM STDIN` streams.
 * Building is CPU work (an HMAC and a SHA-256 per chèque): it yields to the event loop every
 * `YIELD_EVERY_VOUCHERS` chèques so that the job's lock renewal and the COPY of the previous chunk
 * keep flowing.
 */

/** Column order of the rows encoded below. */
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
const UUID_BYTES = 16;
/** Encoded sizes, to allocate each stream once (the writer grows if a guess is short). */
const CARNET_ROW_BYTES = 96;
const VOUCHER_ROW_BYTES = 200;

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
  /** Binary COPY streams (header, rows and trailer) for `carnets` and `vouchers`. */
  carnetRows: Buffer;
  voucherRows: Buffer;
}

/**
 * Chèques are born `active`: the job only runs once the payment is recorded. They are nonetheless
 * out of reach until the order is `ready` (stock, allocation and issuing only see ready orders).
 */
export async function buildCarnetBatch(spec: CarnetBatchSpec): Promise<CarnetBatch> {
  const voucherCount = spec.carnetCount * spec.carnetSize;
  const nonces = randomBytes(voucherCount * VOUCHER_NONCE_BYTES);
  const carnetIds = setUuidV4Bits(randomBytes(spec.carnetCount * UUID_BYTES));
  const voucherIds = setUuidV4Bits(randomBytes(voucherCount * UUID_BYTES));
  const { secret, version } = spec.codeSecret;
  const deriveCode = createVoucherCodeDeriver(secret, version);
  // Fields that are the same on every row of the chunk, encoded once.
  const owner = PgBinaryCopyWriter.encodeFields((w) => w.uuid(uuidToBytes(spec.orderId)).uuid(uuidToBytes(spec.funderId)));
  const carnetTail = PgBinaryCopyWriter.encodeFields((w) => w.int32(spec.carnetSize).text('in_stock'));
  const keyVersion = PgBinaryCopyWriter.encodeFields((w) => w.int16(version));
  const voucherTail = PgBinaryCopyWriter.encodeFields((w) => w.int32(spec.faceValueCents).text('active').timestamptz(spec.expiresAt));
  const carnets = new PgBinaryCopyWriter(spec.carnetCount * CARNET_ROW_BYTES);
  const vouchers = new PgBinaryCopyWriter(voucherCount * VOUCHER_ROW_BYTES);
  let voucherIndex = 0;
  for (let index = 0; index < spec.carnetCount; index++) {
    const sequence = spec.firstSequence + index;
    const number = buildCarnetNumber(spec.year, spec.orderSequence, sequence);
    carnets
      .row(CARNET_COPY_COLUMNS.length)
      .uuid(carnetIds, index * UUID_BYTES)
      .raw(owner)
      .int32(sequence)
      .text(number)
      .raw(carnetTail);
    for (let position = 1; position <= spec.carnetSize; position++, voucherIndex++) {
      const serial = buildVoucherSerial(number, position);
      const nonce = nonces.subarray(voucherIndex * VOUCHER_NONCE_BYTES, (voucherIndex + 1) * VOUCHER_NONCE_BYTES);
      vouchers
        .row(VOUCHER_COPY_COLUMNS.length)
        .uuid(voucherIds, voucherIndex * UUID_BYTES)
        .uuid(carnetIds, index * UUID_BYTES)
        .raw(owner)
        .int16(position)
        .text(serial)
        .bytes(hashVoucherCode(deriveCode(serial, nonce)))
        .raw(keyVersion)
        .bytes(nonce)
        .raw(voucherTail);
      if ((voucherIndex + 1) % YIELD_EVERY_VOUCHERS === 0) await yieldToEventLoop();
    }
  }
  return {
    firstSequence: spec.firstSequence,
    carnetCount: spec.carnetCount,
    voucherCount,
    carnetRows: carnets.finish(),
    voucherRows: vouchers.finish(),
  };
}
