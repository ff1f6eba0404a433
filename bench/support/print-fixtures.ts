import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { VersionedSecret } from '../../src/modules/vouchers/voucher-code-secrets';
import {
  buildCarnetNumber,
  buildVoucherSerial,
  deriveVoucherCode,
  hashVoucherCode,
  newVoucherNonce,
} from '../../src/modules/vouchers/voucher-code.rules';

/**
 * Bulk data for the printing benchmark: organisations, a programme and ready orders of thousands of
 * carnets, inserted with a few multi-row statements (row-by-row factories would take longer than the
 * benchmark itself). Codes are derived exactly as the generation job does.
 */
export interface PrintFixtures {
  funderId: string;
  prescriberId: string;
  programmeId: string;
}

export async function createPrintFixtures(dataSource: DataSource, venueCount: number): Promise<PrintFixtures> {
  const suffix = randomBytes(3).toString('hex');
  const [funder] = await dataSource.query(
    `INSERT INTO organisations (kind, name, siren, funder_kind, departement_code) VALUES ('funder', 'Département du Rhône', $1, 'departement', '69') RETURNING id`,
    [`9${String(parseInt(suffix, 16) % 1e8).padStart(8, '0')}`],
  );
  const [prescriber] = await dataSource.query(
    `INSERT INTO organisations (kind, name, siret, commune_insee_code, departement_code) VALUES ('prescriber', 'CCAS de Villeurbanne', $1, '69266', '69') RETURNING id`,
    [`8${String(parseInt(suffix, 16) % 1e8).padStart(8, '0')}00011`],
  );
  await dataSource.query(`INSERT INTO prescriber_funders (prescriber_id, funder_id) VALUES ($1, $2)`, [prescriber.id, funder.id]);
  await dataSource.query(
    `INSERT INTO organisations (kind, name, siret, address_line, postal_code, city, commune_insee_code, departement_code, qualification_status, qualification_changed_at)
     SELECT 'venue', 'Espace numérique n° ' || n, lpad((70000000000000 + n)::text, 14, '0'), n || ' rue de la République', '69100', 'Villeurbanne',
            CASE WHEN n % 3 = 0 THEN '69266' ELSE '69123' END, '69', 'qualified', now()
       FROM generate_series(1, $1::int) AS n`,
    [venueCount],
  );
  await dataSource.query(
    `INSERT INTO venue_qualification_events (venue_id, decision, from_status, to_status, decided_at)
     SELECT id, 'qualify', 'pending', 'qualified', qualification_changed_at FROM organisations
      WHERE kind = 'venue' AND qualification_status = 'qualified'
        AND NOT EXISTS (SELECT 1 FROM venue_qualification_events e WHERE e.venue_id = organisations.id)`,
  );
  const [programme] = await dataSource.query(
    `INSERT INTO programmes (name, year, valid_until) VALUES ($1, 2026, '2030-12-31') RETURNING id`,
    [`Benchmark ${suffix}`],
  );
  return { funderId: funder.id, prescriberId: prescriber.id, programmeId: programme.id };
}

/** A paid, generated order of `carnetCount` carnets of `carnetSize` 10 € chèques, in the funder's stock. */
export async function createReadyOrder(
  dataSource: DataSource,
  fixtures: PrintFixtures,
  secret: VersionedSecret,
  carnetCount: number,
  carnetSize: number,
): Promise<{ orderId: string; carnetIds: string[] }> {
  return dataSource.transaction(async (manager) => {
    const [{ sequence }] = await manager.query(`SELECT nextval('order_number_seq')::int AS sequence`);
    const total = carnetCount * carnetSize * 1000;
    const [order] = await manager.query(
      `INSERT INTO orders (number, sequence, programme_id, funder_id, status, carnet_count, carnet_size, face_value_cents, face_value_total_cents, fee_cents,
                           total_due_cents, max_state_share_cents, personalisation_text, territory_departements, generation_done, paid_at, ready_at)
       VALUES ($1, $2, $3, $4, 'ready', $5, $6, 1000, $7, 0, $7, $8, 'Offert par le Département du Rhône pour apprendre le numérique près de chez vous.', '{69}', $5, now(), now())
       RETURNING id`,
      [
        `2026-${String(sequence).padStart(4, '0')}`,
        sequence,
        fixtures.programmeId,
        fixtures.funderId,
        carnetCount,
        carnetSize,
        total,
        Math.floor(total / 2),
      ],
    );
    const numbers = Array.from({ length: carnetCount }, (_, index) => buildCarnetNumber(2026, sequence, index + 1));
    const carnets: { id: string; number: string }[] = await manager.query(
      `INSERT INTO carnets (order_id, funder_id, sequence, number, size, status)
       SELECT $1, $2, s, n, $4, 'in_stock' FROM unnest($3::text[]) WITH ORDINALITY AS t(n, s)
       RETURNING id, number`,
      [order.id, fixtures.funderId, numbers, carnetSize],
    );
    const expiresAt = new Date('2030-12-31T22:59:59Z');
    const batch = 5000;
    const rows = carnets.flatMap((carnet) =>
      Array.from({ length: carnetSize }, (_, index) => {
        const serial = buildVoucherSerial(carnet.number, index + 1);
        const nonce = newVoucherNonce();
        return {
          carnetId: carnet.id,
          position: index + 1,
          serial,
          nonce,
          hash: hashVoucherCode(deriveVoucherCode(secret.secret, secret.version, serial, nonce)),
        };
      }),
    );
    for (let start = 0; start < rows.length; start += batch) {
      const slice = rows.slice(start, start + batch);
      await manager.query(
        `INSERT INTO vouchers (carnet_id, order_id, funder_id, position, serial, code_hash, code_key_version, code_nonce, face_value_cents, status, expires_at)
         SELECT c, $1, $2, p, s, h, $3, n, 1000, 'active', $4
           FROM unnest($5::uuid[], $6::int[], $7::text[], $8::bytea[], $9::bytea[]) AS t(c, p, s, h, n)`,
        [
          order.id,
          fixtures.funderId,
          secret.version,
          expiresAt,
          slice.map((r) => r.carnetId),
          slice.map((r) => r.position),
          slice.map((r) => r.serial),
          slice.map((r) => r.hash),
          slice.map((r) => r.nonce),
        ],
      );
    }
    return { orderId: order.id, carnetIds: carnets.map((carnet) => carnet.id) };
  });
}
