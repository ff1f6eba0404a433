import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ErasureReason } from './personal-data.rules';

export interface BeneficiaryRow {
  id: string;
  prescriberId: string;
  prescriberName: string;
  firstName: string | null;
  birthYear: number | null;
  communeInseeCode: string;
  departementCode: string;
  targetPublic: boolean;
  pseudonym: string | null;
  consentGivenAt: Date;
  createdAt: Date;
  erasedAt: Date | null;
  erasureReason: ErasureReason | null;
}

export interface HeldCarnetRow {
  carnetId: string;
  carnetNumber: string;
  carnetStatus: string;
  issuedAt: Date;
  reasonCategory: string;
  funderName: string;
  vouchers: Array<{
    serial: string;
    status: string;
    faceValueCents: number;
    expiresAt: string;
    redeemedAt: string | null;
    venueName: string | null;
    serviceCategory: string | null;
  }>;
}

export interface ErasedBeneficiary {
  id: string;
  prescriberId: string;
}

/**
 * The moment a carnet is finished: its last redemption, cancellation or (for expired chèques) end of validity.
 * Carnets still open have none.
 */
const CARNET_ENDED_AT = `(SELECT max(greatest(v.redeemed_at, v.cancelled_at, CASE WHEN v.status = 'expired' THEN v.expires_at END)) FROM vouchers v WHERE v.carnet_id = c.id)`;

/** The erasure itself, for the beneficiaries in `targets`: the person id is shared with every record of the same pseudonym first. */
const ERASE = `
  keyed AS (SELECT t.id, b.person_key FROM targets t JOIN beneficiaries b ON b.id = t.id),
  ids AS (
    SELECT k.person_key,
           coalesce((SELECT o.person_id FROM beneficiaries o WHERE o.person_key = k.person_key AND o.person_id IS NOT NULL LIMIT 1), gen_random_uuid()) AS person_id
      FROM (SELECT DISTINCT person_key FROM keyed WHERE person_key IS NOT NULL) k
  ),
  shared AS (
    UPDATE beneficiaries o SET person_id = ids.person_id FROM ids
     WHERE o.person_key = ids.person_key AND o.person_id IS NULL AND o.id NOT IN (SELECT id FROM targets)
  ),
  erased AS (
    UPDATE beneficiaries b SET first_name = NULL, birth_year = NULL, person_key = NULL, erased_at = now(), erasure_reason = $1,
           person_id = coalesce(b.person_id, ids.person_id)
      FROM keyed k LEFT JOIN ids ON ids.person_key = k.person_key
     WHERE b.id = k.id
    RETURNING b.id, b.prescriber_id
  )
  SELECT id, prescriber_id FROM erased`;

@Injectable()
export class PersonalDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Erases, in the caller's transaction, up to `limit` beneficiaries whose every carnet ended before `cutoff`; skips rows another transaction holds. */
  async eraseRetained(manager: EntityManager, cutoff: Date, limit: number): Promise<ErasedBeneficiary[]> {
    const rows: Array<{ id: string; prescriber_id: string }> = await manager.query(
      `WITH candidates AS (
         SELECT b.id FROM beneficiaries b
          WHERE b.erased_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM carnet_issuances i JOIN carnets c ON c.id = i.carnet_id
                             WHERE i.beneficiary_id = b.id AND (c.status NOT IN ('fully_used', 'expired', 'cancelled') OR ${CARNET_ENDED_AT} >= $2))
            AND EXISTS (SELECT 1 FROM carnet_issuances i WHERE i.beneficiary_id = b.id)
          ORDER BY b.created_at LIMIT $3
          FOR UPDATE OF b SKIP LOCKED
       ), targets AS (SELECT id FROM candidates), ${ERASE}`,
      ['retention', cutoff, limit],
    );
    return rows.map((row) => ({ id: row.id, prescriberId: row.prescriber_id }));
  }

  async eraseOne(manager: EntityManager, id: string, reason: ErasureReason): Promise<void> {
    await manager.query(`WITH targets AS (SELECT $2::uuid AS id), ${ERASE}`, [reason, id]);
  }

  /** The beneficiary, locked, if the prescriber structure recorded it (any for ANCT: `prescriberId` null). */
  async findVisible(manager: EntityManager, id: string, prescriberId: string | null, lock = false): Promise<BeneficiaryRow | null> {
    const [row] = await manager.query(
      `SELECT b.id, b.prescriber_id, p.name AS prescriber_name, b.first_name, b.birth_year, b.commune_insee_code, b.departement_code,
              b.target_public, encode(b.person_key, 'hex') AS pseudonym, b.consent_given_at, b.created_at, b.erased_at, b.erasure_reason
         FROM beneficiaries b JOIN organisations p ON p.id = b.prescriber_id
        WHERE b.id = $1 AND ($2::uuid IS NULL OR b.prescriber_id = $2)
        ${lock ? 'FOR UPDATE OF b' : ''}`,
      [id, prescriberId],
    );
    if (!row) return null;
    return {
      id: row.id,
      prescriberId: row.prescriber_id,
      prescriberName: row.prescriber_name,
      firstName: row.first_name,
      birthYear: row.birth_year,
      communeInseeCode: row.commune_insee_code,
      departementCode: row.departement_code,
      targetPublic: row.target_public,
      pseudonym: row.pseudonym,
      consentGivenAt: row.consent_given_at,
      createdAt: row.created_at,
      erasedAt: row.erased_at,
      erasureReason: row.erasure_reason,
    };
  }

  async carnetsOf(manager: EntityManager, beneficiaryId: string): Promise<HeldCarnetRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT c.id, c.number, c.status, i.issued_at, i.reason_category, f.name AS funder_name,
              (SELECT coalesce(json_agg(json_build_object(
                        'serial', v.serial, 'status', v.status, 'faceValueCents', v.face_value_cents, 'expiresAt', v.expires_at,
                        'redeemedAt', r.scanned_at, 'venueName', vn.name, 'serviceCategory', r.service_category) ORDER BY v.position), '[]'::json)
                 FROM vouchers v
                 LEFT JOIN redemptions r ON r.voucher_id = v.id AND r.cancelled_at IS NULL
                 LEFT JOIN organisations vn ON vn.id = r.venue_id
                WHERE v.carnet_id = c.id) AS vouchers
         FROM carnet_issuances i JOIN carnets c ON c.id = i.carnet_id JOIN organisations f ON f.id = c.funder_id
        WHERE i.beneficiary_id = $1
        ORDER BY i.issued_at`,
      [beneficiaryId],
    );
    return rows.map((row) => ({
      carnetId: row.id as string,
      carnetNumber: row.number as string,
      carnetStatus: row.status as string,
      issuedAt: row.issued_at as Date,
      reasonCategory: row.reason_category as string,
      funderName: row.funder_name as string,
      vouchers: row.vouchers as HeldCarnetRow['vouchers'],
    }));
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
