import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CarnetEntity } from '../../src/modules/carnets/carnet.entity';
import { AppConfig } from '../../src/config/app-config';
import { OrderEntity } from '../../src/modules/orders/order.entity';
import { personPseudonym } from '../../src/modules/passes/passes.rules';
import { ProgrammeEnrolmentEntity } from '../../src/modules/programmes/programme-enrolment.entity';
import { ProgrammeEntity } from '../../src/modules/programmes/programme.entity';
import { voucherExpiresAt } from '../../src/modules/programmes/programmes.rules';
import { VoucherCodeSecrets } from '../../src/modules/vouchers/voucher-code-secrets';
import {
  buildCarnetNumber,
  buildVoucherSerial,
  deriveVoucherCode,
  hashVoucherCode,
  newVoucherNonce,
} from '../../src/modules/vouchers/voucher-code.rules';
import { VoucherEntity } from '../../src/modules/vouchers/voucher.entity';
import type { TestApp } from './test-app';

/**
 * Data for tests of later stages (issuing, redeeming, reimbursing) without running the earlier ones
 * through HTTP each time. Rows are built as the real generation job builds them, codes included.
 */

export async function createProgramme(testApp: TestApp, overrides: Partial<ProgrammeEntity> = {}): Promise<ProgrammeEntity> {
  const repository = testApp.dataSource.getRepository(ProgrammeEntity);
  return repository.save(
    repository.create({
      name: `Programme ${randomUUID().slice(0, 8)}`,
      year: 2026,
      validUntil: '2027-12-31',
      ...overrides,
    }),
  );
}

export async function enrolFunder(testApp: TestApp, programmeId: string, funderId: string, envelopeCents = '100000000') {
  const repository = testApp.dataSource.getRepository(ProgrammeEnrolmentEntity);
  return repository.save(repository.create({ programmeId, funderId, envelopeCents }));
}

export interface StockVoucher {
  id: string;
  serial: string;
  code: string;
}
export interface StockCarnet {
  id: string;
  number: string;
  vouchers: StockVoucher[];
}
export interface ReadyOrder {
  order: OrderEntity;
  carnets: StockCarnet[];
  /** When its chèques expire. */
  expiresAt: Date;
}

export interface ReadyOrderOptions {
  programme: ProgrammeEntity;
  funderId: string;
  carnetCount?: number;
  carnetSize?: number;
  territoryDepartements?: string[];
  territoryCommunes?: string[];
  expiresAt?: Date;
}

/** A paid and generated order: carnets in the funder's stock, chèques active. */
export async function createReadyOrder(testApp: TestApp, options: ReadyOrderOptions): Promise<ReadyOrder> {
  const carnetCount = options.carnetCount ?? 2;
  const carnetSize = options.carnetSize ?? 5;
  const faceValue = options.programme.faceValueCents;
  const secrets = testApp.app.get(VoucherCodeSecrets).active;
  return testApp.dataSource.transaction(async (manager: EntityManager) => {
    const [{ sequence }] = await manager.query(`SELECT nextval('order_number_seq')::int AS sequence`);
    const total = carnetCount * carnetSize * faceValue;
    const order = await manager.save(
      manager.create(OrderEntity, {
        number: `${options.programme.year}-${String(sequence).padStart(4, '0')}`,
        sequence,
        programmeId: options.programme.id,
        funderId: options.funderId,
        status: 'ready',
        carnetCount,
        carnetSize,
        faceValueCents: faceValue,
        faceValueTotalCents: String(total),
        feeCents: '0',
        totalDueCents: String(total),
        maxStateShareCents: String(Math.floor(total / 2)),
        territoryDepartements: options.territoryDepartements ?? [],
        territoryCommunes: options.territoryCommunes ?? [],
        generationDone: carnetCount,
        paidAt: new Date(),
        readyAt: new Date(),
        paymentReference: 'TEST',
        paymentDate: '2026-01-15',
      }),
    );
    const expiresAt = options.expiresAt ?? voucherExpiresAt(options.programme.validUntil);
    const carnets: StockCarnet[] = [];
    for (let c = 1; c <= carnetCount; c++) {
      const number = buildCarnetNumber(options.programme.year, sequence, c);
      const carnet = await manager.save(
        manager.create(CarnetEntity, {
          orderId: order.id,
          funderId: options.funderId,
          sequence: c,
          number,
          size: carnetSize,
          status: 'in_stock',
        }),
      );
      const vouchers: StockVoucher[] = [];
      for (let position = 1; position <= carnetSize; position++) {
        const serial = buildVoucherSerial(number, position);
        const nonce = newVoucherNonce();
        const code = deriveVoucherCode(secrets.secret, secrets.version, serial, nonce);
        const voucher = await manager.save(
          manager.create(VoucherEntity, {
            carnetId: carnet.id,
            orderId: order.id,
            funderId: options.funderId,
            position,
            serial,
            codeHash: hashVoucherCode(code),
            codeKeyVersion: secrets.version,
            codeNonce: nonce,
            faceValueCents: faceValue,
            status: 'active',
            expiresAt,
          }),
        );
        vouchers.push({ id: voucher.id, serial, code });
      }
      carnets.push({ id: carnet.id, number, vouchers });
    }
    return { order, carnets, expiresAt };
  });
}

/** Moves carnets straight to a prescriber (as an allocation would). */
export async function allocateCarnets(testApp: TestApp, carnetIds: string[], prescriberId: string): Promise<void> {
  await testApp.dataSource.transaction(async (manager) => {
    await manager.query(`UPDATE carnets SET status = 'allocated', prescriber_id = $2, allocated_at = now() WHERE id = ANY($1)`, [
      carnetIds,
      prescriberId,
    ]);
    await manager.query(`UPDATE vouchers SET status = 'allocated' WHERE carnet_id = ANY($1)`, [carnetIds]);
  });
}

export interface HandOutOptions {
  /** When the carnets were handed out (default: now). */
  issuedAt?: Date;
  targetPublic?: boolean;
  /** The person's full name, pseudonymised as the issuing use case does (same name = same person); null: none given. */
  person?: string | null;
}

/**
 * Hands allocated carnets to beneficiaries as the issuing use case does, one beneficiary each: carnet
 * and chèques issued, the beneficiary recorded (with its keyed pseudonym when a person is given), and
 * the issuance naming both.
 */
export async function markCarnetsIssued(testApp: TestApp, carnetIds: string[], options: HandOutOptions = {}): Promise<void> {
  const issuedAt = options.issuedAt ?? new Date();
  const personKey = options.person ? personPseudonym(testApp.app.get(AppConfig).PSEUDONYM_SECRET, options.person, '1970-01-01') : null;
  await testApp.dataSource.transaction(async (manager) => {
    await manager.query(`UPDATE carnets SET status = 'issued', issued_at = $2 WHERE id = ANY($1)`, [carnetIds, issuedAt]);
    await manager.query(
      `UPDATE vouchers SET status = 'issued', issued_at = $2 WHERE carnet_id = ANY($1) AND status IN ('active', 'allocated')`,
      [carnetIds, issuedAt],
    );
    for (const carnetId of carnetIds) {
      await manager.query(
        `WITH beneficiary AS (
           INSERT INTO beneficiaries (prescriber_id, first_name, commune_insee_code, departement_code, target_public, person_key, consent_given_at, created_at)
           SELECT prescriber_id, 'Léa', '69266', '69', $2, $3, $4, $4 FROM carnets WHERE id = $1
           RETURNING id, prescriber_id
         )
         INSERT INTO carnet_issuances (carnet_id, beneficiary_id, prescriber_id, funder_id, reason_category, issued_at)
         SELECT c.id, b.id, b.prescriber_id, c.funder_id, 'administrative_procedures', $4 FROM carnets c, beneficiary b WHERE c.id = $1`,
        [carnetId, options.targetPublic ?? true, personKey, issuedAt],
      );
    }
  });
}
