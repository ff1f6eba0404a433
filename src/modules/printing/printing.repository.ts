import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { carnetScopeCondition, type CarnetScope } from '../carnets/carnet-scope';
import type { CarnetStatus } from '../carnets/carnet-status';
import type { OrderStatus } from '../orders/order-status';
import type { VoucherStatus } from '../vouchers/voucher-status';
import type { VenuePrintData } from './render/carnet-print-data';
import { PRINTABLE_CARNET_STATUSES, type VenueArea } from './printing.rules';

/** A carnet with what its cover needs. */
export interface CarnetToPrint {
  id: string;
  number: string;
  status: CarnetStatus;
  orderStatus: OrderStatus;
  faceValueCents: number;
  funderName: string;
  funderDepartementCode: string | null;
  personalisationText: string | null;
  territory: string[];
  beneficiaryFirstName: string | null;
  beneficiaryCommuneInseeCode: string | null;
  beneficiaryDepartementCode: string | null;
  prescriberCommuneInseeCode: string | null;
  prescriberDepartementCode: string | null;
}

export interface VoucherToPrint {
  carnetId: string;
  position: number;
  serial: string;
  status: VoucherStatus;
  faceValueCents: number;
  expiresAt: Date;
  codeKeyVersion: number;
  codeNonce: Buffer;
  codeHash: Buffer;
}

/** Read-only queries of printing, always scoped to the actor's carnets. */
@Injectable()
export class PrintingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In carnet-number order; carnets outside the scope are absent. */
  findCarnets(scope: CarnetScope, carnetIds: readonly string[]): Promise<CarnetToPrint[]> {
    return this.dataSource.query(
      `SELECT c.id, c.number, c.status, o.status AS "orderStatus", o.face_value_cents AS "faceValueCents",
              f.name AS "funderName", f.departement_code AS "funderDepartementCode",
              o.personalisation_text AS "personalisationText",
              o.territory_departements || o.territory_communes AS territory,
              b.first_name AS "beneficiaryFirstName", b.commune_insee_code AS "beneficiaryCommuneInseeCode",
              b.departement_code AS "beneficiaryDepartementCode",
              p.commune_insee_code AS "prescriberCommuneInseeCode", p.departement_code AS "prescriberDepartementCode"
         FROM carnets c
         JOIN orders o ON o.id = c.order_id
         JOIN organisations f ON f.id = c.funder_id
         LEFT JOIN organisations p ON p.id = c.prescriber_id
         LEFT JOIN carnet_issuances i ON i.carnet_id = c.id
         LEFT JOIN beneficiaries b ON b.id = i.beneficiary_id
        WHERE c.id = ANY($1) AND ${carnetScopeCondition(scope, 'c', '$2')}
        ORDER BY c.number`,
      [carnetIds, scope.organisationId],
    );
  }

  /** The printable carnets of one order within the scope, in number order. */
  async printableCarnetIdsOfOrder(scope: CarnetScope, orderId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM carnets c
        WHERE c.order_id = $1 AND ${carnetScopeCondition(scope, 'c', '$2')} AND c.status = ANY($3)
        ORDER BY c.number`,
      [orderId, scope.organisationId, PRINTABLE_CARNET_STATUSES],
    );
    return rows.map((row) => row.id);
  }

  /** Chèques of carnets already resolved within a scope (callers pass ids from `findCarnets`). */
  vouchersOf(carnetIds: readonly string[]): Promise<VoucherToPrint[]> {
    return this.dataSource.query(
      `SELECT carnet_id AS "carnetId", position, serial, status, face_value_cents AS "faceValueCents", expires_at AS "expiresAt",
              code_key_version AS "codeKeyVersion", code_nonce AS "codeNonce", code_hash AS "codeHash"
         FROM vouchers
        WHERE carnet_id = ANY($1)
        ORDER BY carnet_id, position`,
      [carnetIds],
    );
  }

  /** Qualified, active venues of the commune first, then of its département; a handful for a cover page. */
  qualifiedVenuesNear(area: VenueArea, limit: number): Promise<VenuePrintData[]> {
    if (!area.communeInseeCode && !area.departementCode) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT name, address_line AS "addressLine", postal_code AS "postalCode", city
         FROM organisations
        WHERE kind = 'venue' AND qualification_status = 'qualified' AND active
          AND (commune_insee_code = $1 OR departement_code = $2)
        ORDER BY coalesce(commune_insee_code = $1, false) DESC, name, id
        LIMIT $3`,
      [area.communeInseeCode, area.departementCode, limit],
    );
  }
}
