import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CarnetStatus } from '../carnets/carnet-status';
import { CarnetEntity } from '../carnets/carnet.entity';
import type { OrderStatus } from '../orders/order-status';
import { VoucherEntity } from '../vouchers/voucher.entity';
import { BeneficiaryEntity } from './beneficiary.entity';
import { CarnetIssuanceEntity } from './carnet-issuance.entity';

/** A carnet of a prescriber's stock, locked for the hand-out, with what the rules need. */
export interface CarnetForIssue {
  id: string;
  number: string;
  status: CarnetStatus;
  funderId: string;
  orderId: string;
  orderStatus: OrderStatus;
  programmeValidUntil: string;
}

export interface IssuedVoucherRow {
  serial: string;
  position: number;
  status: string;
  faceValueCents: number;
  expiresAt: Date;
}

/** A cancelled carnet and the hand-out it came from, for a replacement. */
export interface CancelledIssuance {
  carnetId: string;
  carnetStatus: CarnetStatus;
  beneficiaryId: string | null;
  reasonCategory: CarnetIssuanceEntity['reasonCategory'] | null;
  replacedBy: string | null;
}

/** A hand-out of the structure, as its follow-up lists it (chèque counts are added by the carnets repository). */
export interface IssuanceRow {
  carnetId: string;
  carnetNumber: string;
  carnetStatus: CarnetStatus;
  issuedAt: Date;
  beneficiaryId: string;
  beneficiaryFirstName: string | null;
  reasonCategory: CarnetIssuanceEntity['reasonCategory'];
  replacesCarnetId: string | null;
  replacesCarnetNumber: string | null;
  replacedByCarnetId: string | null;
  replacedByCarnetNumber: string | null;
}

export interface IssuanceFilter {
  carnetNumber?: string;
  carnetStatus?: CarnetStatus;
  limit: number;
  offset: number;
}

@Injectable()
export class PassesRepository {
  /** The structure's hand-outs, newest first, with the carnet each replaces or was replaced by. */
  async listIssuances(
    manager: EntityManager,
    prescriberId: string,
    filter: IssuanceFilter,
  ): Promise<{ items: IssuanceRow[]; total: number }> {
    const where = `i.prescriber_id = $1 AND ($2::text IS NULL OR c.number = $2) AND ($3::text IS NULL OR c.status = $3)`;
    const parameters = [prescriberId, filter.carnetNumber ?? null, filter.carnetStatus ?? null];
    const [items, [{ total }]] = await Promise.all([
      manager.query(
        `SELECT i.carnet_id AS "carnetId", c.number AS "carnetNumber", c.status AS "carnetStatus", i.issued_at AS "issuedAt",
                i.beneficiary_id AS "beneficiaryId", b.first_name AS "beneficiaryFirstName", i.reason_category AS "reasonCategory",
                i.replaces_carnet_id AS "replacesCarnetId", replaced.number AS "replacesCarnetNumber",
                successor.carnet_id AS "replacedByCarnetId", successor_carnet.number AS "replacedByCarnetNumber"
           FROM carnet_issuances i
           JOIN carnets c ON c.id = i.carnet_id
           JOIN beneficiaries b ON b.id = i.beneficiary_id
           LEFT JOIN carnets replaced ON replaced.id = i.replaces_carnet_id
           LEFT JOIN carnet_issuances successor ON successor.replaces_carnet_id = i.carnet_id
           LEFT JOIN carnets successor_carnet ON successor_carnet.id = successor.carnet_id
          WHERE ${where}
          ORDER BY i.issued_at DESC, c.number DESC
          LIMIT $4 OFFSET $5`,
        [...parameters, filter.limit, filter.offset],
      ),
      manager.query(
        `SELECT count(*)::int AS total FROM carnet_issuances i JOIN carnets c ON c.id = i.carnet_id WHERE ${where}`,
        parameters,
      ),
    ]);
    return { items, total };
  }

  /** Row lock on the carnet: two agents handing out the same carnet are serialised, the second one sees it issued. */
  async lockPrescriberCarnet(manager: EntityManager, carnetId: string, prescriberId: string): Promise<CarnetForIssue | null> {
    const rows: CarnetForIssue[] = await manager.query(
      `SELECT c.id, c.number, c.status, c.funder_id AS "funderId", c.order_id AS "orderId",
              o.status AS "orderStatus", to_char(p.valid_until, 'YYYY-MM-DD') AS "programmeValidUntil"
         FROM carnets c
         JOIN orders o ON o.id = c.order_id
         JOIN programmes p ON p.id = o.programme_id
        WHERE c.id = $1 AND c.prescriber_id = $2
          FOR UPDATE OF c`,
      [carnetId, prescriberId],
    );
    return rows[0] ?? null;
  }

  /** Conditional on the status the caller saw under lock: a lost update cannot issue a carnet twice. */
  async markCarnetIssued(manager: EntityManager, carnetId: string, prescriberId: string, issuedAt: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CarnetEntity)
      .set({ status: 'issued', issuedAt })
      .where(`id = :carnetId AND prescriber_id = :prescriberId AND status = 'allocated'`, { carnetId, prescriberId })
      .execute();
    return result.affected === 1;
  }

  /** Chèques still in stock become issued with the programme's expiry; cancelled ones stay cancelled. */
  async issueVouchersOfCarnet(manager: EntityManager, carnetId: string, issuedAt: Date, expiresAt: Date): Promise<IssuedVoucherRow[]> {
    const result = await manager
      .createQueryBuilder()
      .update(VoucherEntity)
      .set({ status: 'issued', issuedAt, expiresAt })
      .where(`carnet_id = :carnetId AND status IN ('active', 'allocated')`, { carnetId })
      .returning(['serial', 'position', 'status', 'faceValueCents', 'expiresAt'])
      .execute();
    const rows = result.raw as { serial: string; position: number; status: string; face_value_cents: number; expires_at: Date }[];
    return rows
      .map((row) => ({
        serial: row.serial,
        position: row.position,
        status: row.status,
        faceValueCents: row.face_value_cents,
        expiresAt: row.expires_at,
      }))
      .sort((a, b) => a.position - b.position);
  }

  insertBeneficiary(
    manager: EntityManager,
    values: Omit<BeneficiaryEntity, 'id' | 'createdAt' | 'prescriber' | 'personId' | 'erasedAt' | 'erasureReason'>,
  ): Promise<BeneficiaryEntity> {
    return manager.getRepository(BeneficiaryEntity).save(manager.getRepository(BeneficiaryEntity).create(values));
  }

  insertIssuance(
    manager: EntityManager,
    values: Omit<CarnetIssuanceEntity, 'id' | 'carnet' | 'beneficiary' | 'prescriber' | 'replacesCarnet'>,
  ): Promise<CarnetIssuanceEntity> {
    return manager.getRepository(CarnetIssuanceEntity).save(manager.getRepository(CarnetIssuanceEntity).create(values));
  }

  /** Carnets still in the hands of the person (issued, neither used up, expired nor cancelled), in any structure. */
  async countActiveCarnetsOfPerson(manager: EntityManager, personKey: Buffer): Promise<number> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS count
         FROM beneficiaries b
         JOIN carnet_issuances i ON i.beneficiary_id = b.id
         JOIN carnets c ON c.id = i.carnet_id
        WHERE b.person_key = $1 AND c.status = 'issued'`,
      [personKey],
    );
    return count;
  }

  /** Locks the cancelled carnet so that two replacements of it are serialised (the unique index is the last guard). */
  async lockIssuanceForReplacement(manager: EntityManager, carnetId: string, prescriberId: string): Promise<CancelledIssuance | null> {
    const rows: CancelledIssuance[] = await manager.query(
      `SELECT c.id AS "carnetId", c.status AS "carnetStatus", i.beneficiary_id AS "beneficiaryId", i.reason_category AS "reasonCategory",
              (SELECT r.carnet_id FROM carnet_issuances r WHERE r.replaces_carnet_id = c.id) AS "replacedBy"
         FROM carnets c
         LEFT JOIN carnet_issuances i ON i.carnet_id = c.id
        WHERE c.id = $1 AND c.prescriber_id = $2
          FOR UPDATE OF c`,
      [carnetId, prescriberId],
    );
    return rows[0] ?? null;
  }
}
