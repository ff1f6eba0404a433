import type { Client } from 'pg';

export interface ReportDatasetSize {
  funders: number;
  venues: number;
  prescribers: number;
  ordersPerFunder: number;
  /** Chèques per carnet. */
  carnetSize: number;
  /** Carnets per order: chèques = funders × ordersPerFunder × carnetsPerOrder × carnetSize. */
  carnetsPerOrder: number;
}

/**
 * 2,000,000 chèques (50 funders × 4 orders × 1,000 carnets × 10), about 1,000,000 redeemed at 500
 * venues, at `scale` = 1. Funders, venues and carnet size stay fixed; carnets per order scale.
 */
export function reportDatasetSize(scale: number): ReportDatasetSize {
  return {
    funders: 50,
    venues: 500,
    prescribers: 200,
    ordersPerFunder: 4,
    carnetSize: 10,
    carnetsPerOrder: Math.max(1, Math.round(1000 * scale)),
  };
}

/** `voucherExpiresAt(programme.validUntil)` in SQL: the last second of the programme's last day, Paris time. */
const VOUCHER_EXPIRES_AT_SQL = `(((prog.valid_until + 1)::timestamp AT TIME ZONE 'Europe/Paris') - interval '1 second')`;

/**
 * Builds the data set with set-based SQL, the way the features write it: orders paid with their
 * ledger lines; carnets 15 % in stock, 10 % allocated, 75 % handed out (two carnets per person, two
 * thirds to the target public); in handed-out carnets chèques 1–6 redeemed, and 7 in two carnets out
 * of three (≈ 1,000,000 redemptions at scale 1), each with its ledger line; monthly statements per
 * venue, paid up to two months ago, validated last month, the current month not yet drawn up.
 * Consistent by construction: a reconciliation run must find nothing.
 */
export async function generateReportDataset(client: Client, size: ReportDatasetSize): Promise<{ programmeId: string; anctId: string }> {
  const step = async (label: string, sql: string, parameters: unknown[] = []) => {
    const started = Date.now();
    const result = await client.query(sql, parameters);
    process.stdout.write(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  };
  await client.query(`SET synchronous_commit = off`);
  await client.query('BEGIN');
  const [{ id: anctId }] = (await client.query(`INSERT INTO organisations (kind, name) VALUES ('anct', 'ANCT') RETURNING id`)).rows;
  const [{ id: programmeId }] = (
    await client.query(
      `INSERT INTO programmes (name, year, valid_until, grace_days) VALUES ('Pass numérique (banc d''essai)', 2026, (now() + interval '400 days')::date, 31) RETURNING id`,
    )
  ).rows;
  await step(
    'funders',
    `INSERT INTO organisations (kind, name, siren, funder_kind, departement_code)
     SELECT 'funder', 'Financeur ' || i, lpad(i::text, 9, '0'), 'departement',
            (ARRAY['01','13','29','33','35','38','44','59','63','69','75','93','974','2A'])[1 + i % 14]
     FROM generate_series(1, $1) i`,
    [size.funders],
  );
  await step(
    'venues',
    `INSERT INTO organisations (kind, name, siret, siren, commune_insee_code, departement_code, qualification_status, qualification_changed_at)
     SELECT 'venue', 'Lieu ' || i, lpad(i::text, 14, '0'), lpad(i::text, 9, '0'), '69123', '69', 'qualified', now() - interval '400 days'
     FROM generate_series(1, $1) i`,
    [size.venues],
  );
  await step(
    'venue qualifications',
    `INSERT INTO venue_qualification_events (venue_id, decision, from_status, to_status, decided_at)
     SELECT id, 'qualify', 'pending', 'qualified', qualification_changed_at FROM organisations WHERE kind = 'venue'`,
  );
  await step(
    'prescribers',
    `INSERT INTO organisations (kind, name, siret, siren, commune_insee_code, departement_code)
     SELECT 'prescriber', 'Structure ' || i, lpad((100000 + i)::text, 14, '0'), lpad((100000 + i)::text, 9, '0'), '69123', '69'
     FROM generate_series(1, $1) i`,
    [size.prescribers],
  );
  await step(
    'enrolments',
    `INSERT INTO programme_enrolments (programme_id, funder_id, envelope_cents) SELECT $1, id, 300000000 FROM organisations WHERE kind = 'funder'`,
    [programmeId],
  );
  await step(
    'orders',
    `INSERT INTO orders (number, sequence, programme_id, funder_id, status, carnet_count, carnet_size, face_value_cents, face_value_total_cents,
                         fee_cents, total_due_cents, max_state_share_cents, generation_done, paid_at, ready_at, payment_reference, payment_date)
     SELECT '2026-' || lpad(n::text, 4, '0'), n, $1, f.id, 'ready', $2::int, $3::int, 1000, $2::bigint * $3::int * 1000,
            $2::bigint * $3::int * 1000 * 400 / 10000, $2::bigint * $3::int * 1000 + $2::bigint * $3::int * 1000 * 400 / 10000, $2::bigint * $3::int * 500,
            $2::int, now() - interval '330 days', now() - interval '330 days', 'BENCH', (now() - interval '330 days')::date
     FROM (SELECT id, row_number() OVER (ORDER BY siren) AS rn FROM organisations WHERE kind = 'funder') f,
          generate_series(1, $4::int) k, LATERAL (SELECT (f.rn - 1) * $4::int + k AS n) numbering`,
    [programmeId, size.carnetsPerOrder, size.carnetSize, size.ordersPerFunder],
  );
  await client.query(`SELECT setval('order_number_seq', (SELECT max(sequence) FROM orders))`);
  await step(
    'order ledger lines',
    `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id)
     SELECT o.paid_at, k.kind, CASE k.kind WHEN 'order_face_value_due' THEN o.face_value_total_cents WHEN 'operator_fee_due' THEN o.fee_cents ELSE o.total_due_cents END,
            o.programme_id, o.funder_id, o.id
     FROM orders o, (VALUES ('order_face_value_due'), ('operator_fee_due'), ('funder_payment_received')) k(kind)`,
  );
  // g: global carnet index, driving every distribution below.
  await step(
    'carnets',
    `INSERT INTO carnets (order_id, funder_id, sequence, number, size, status, prescriber_id, allocated_at, issued_at)
     SELECT o.id, o.funder_id, s, o.number || '-' || lpad(s::text, 6, '0'), o.carnet_size, c.status,
            CASE WHEN c.status <> 'in_stock' THEN p.ids[1 + g % array_length(p.ids, 1)] END,
            CASE WHEN c.status <> 'in_stock' THEN now() - interval '320 days' END,
            CASE WHEN c.status = 'issued' THEN now() - interval '300 days' + (g % 270) * interval '1 day' END
     FROM orders o CROSS JOIN generate_series(1, o.carnet_count) s
     CROSS JOIN LATERAL (SELECT (o.sequence - 1) * o.carnet_count + s AS g) gi
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 < 3 THEN 'in_stock' WHEN g % 20 < 5 THEN 'allocated' ELSE 'issued' END AS status) c
     CROSS JOIN (SELECT array_agg(id ORDER BY siret) AS ids FROM organisations WHERE kind = 'prescriber') p`,
  );
  await step(
    'chèques',
    `INSERT INTO vouchers (carnet_id, order_id, funder_id, position, serial, code_hash, code_key_version, code_nonce, face_value_cents, status,
                           expires_at, issued_at, redeemed_at)
     SELECT c.id, c.order_id, c.funder_id, p, c.number || '-' || lpad(p::text, 2, '0'), sha256(convert_to(c.number || '-' || p, 'UTF8')), 1,
            '\\x00'::bytea, 1000, v.status, ${VOUCHER_EXPIRES_AT_SQL}, c.issued_at,
            CASE WHEN v.status = 'redeemed' THEN c.issued_at + p * interval '3 days' END
     FROM carnets c JOIN orders o ON o.id = c.order_id JOIN programmes prog ON prog.id = o.programme_id CROSS JOIN generate_series(1, c.size) p
     CROSS JOIN LATERAL (SELECT (o.sequence - 1) * o.carnet_count + c.sequence AS g) gi
     CROSS JOIN LATERAL (SELECT CASE c.status WHEN 'in_stock' THEN 'active' WHEN 'allocated' THEN 'allocated'
                                  ELSE CASE WHEN p <= 6 OR (p = 7 AND g % 3 <> 0) THEN 'redeemed' ELSE 'issued' END END AS status) v`,
  );
  // As the issuing use case writes them: a beneficiary recorded per hand-out, then the issuance naming it.
  await step(
    'beneficiaries',
    `INSERT INTO beneficiaries (id, prescriber_id, first_name, commune_insee_code, departement_code, target_public, person_key, consent_given_at, created_at)
     SELECT md5('beneficiary:' || c.id::text)::uuid, c.prescriber_id, 'Personne', '69123', '69', gi.g % 3 <> 1,
            sha256(convert_to(c.funder_id::text || ':' || (gi.g / 2), 'UTF8')), c.issued_at, c.issued_at
     FROM carnets c JOIN orders o ON o.id = c.order_id CROSS JOIN LATERAL (SELECT (o.sequence - 1) * o.carnet_count + c.sequence AS g) gi
     WHERE c.status = 'issued'`,
  );
  await step(
    'hand-outs',
    `INSERT INTO carnet_issuances (carnet_id, beneficiary_id, prescriber_id, funder_id, reason_category, issued_at)
     SELECT c.id, md5('beneficiary:' || c.id::text)::uuid, c.prescriber_id, c.funder_id, 'administrative_procedures', c.issued_at
     FROM carnets c WHERE c.status = 'issued'`,
  );
  // Statement of a redemption: its venue and Paris month, drawn up (and paid) for months before last month.
  await step(
    'redemptions',
    `INSERT INTO redemptions (voucher_id, venue_id, funder_id, order_id, value_cents, service_category, mode, scanned_at, recorded_at, statement_id)
     SELECT v.id, venue.id, v.funder_id, v.order_id, v.face_value_cents,
            (ARRAY['atelier_collectif', 'accompagnement_individuel', 'demarches_en_ligne'])[1 + v.position % 3], 'online', v.redeemed_at, v.redeemed_at,
            CASE WHEN date_trunc('month', v.redeemed_at AT TIME ZONE 'Europe/Paris') < date_trunc('month', now() AT TIME ZONE 'Europe/Paris') - interval '1 month'
                 THEN md5(venue.id::text || to_char(v.redeemed_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM'))::uuid END
     FROM vouchers v
     CROSS JOIN LATERAL (SELECT ids[1 + abs(hashtext(v.serial)) % array_length(ids, 1)] AS id
                         FROM (SELECT array_agg(id ORDER BY siret) AS ids FROM organisations WHERE kind = 'venue') venues) venue
     WHERE v.status = 'redeemed'`,
  );
  const [{ id: runId }] = (
    await client.query(
      `INSERT INTO job_runs (kind, trigger, job_key, status) VALUES ('reimbursement_statements', 'manual', 'bench', 'completed') RETURNING id`,
    )
  ).rows;
  await step(
    'statements',
    `INSERT INTO reimbursement_statements (id, number, venue_id, run_id, period_start, period_end, status, redemption_count, total_cents,
                                          validated_at, payment_reference, paid_on, paid_at, creditor_iban, creditor_name)
     SELECT r.statement_id, 'RB-2026-' || lpad((row_number() OVER (ORDER BY min(r.scanned_at), r.statement_id))::text, 6, '0'), r.venue_id, $1,
            min(r.scanned_at AT TIME ZONE 'Europe/Paris')::date, (date_trunc('month', min(r.scanned_at AT TIME ZONE 'Europe/Paris')) + interval '1 month - 1 day')::date,
            CASE WHEN m.paid THEN 'paid' ELSE 'validated' END, count(*), sum(r.value_cents), now(),
            CASE WHEN m.paid THEN 'BENCH' END, CASE WHEN m.paid THEN now()::date END, CASE WHEN m.paid THEN now() END,
            'FR7630006000011234567890189', 'Lieu'
     FROM redemptions r
     CROSS JOIN LATERAL (SELECT date_trunc('month', r.scanned_at AT TIME ZONE 'Europe/Paris')
                                < date_trunc('month', now() AT TIME ZONE 'Europe/Paris') - interval '1 month' AS paid) m
     WHERE r.statement_id IS NOT NULL
     GROUP BY r.statement_id, r.venue_id, m.paid`,
    [runId],
  );
  await client.query(`SELECT setval('statement_number_seq', (SELECT count(*) + 1 FROM reimbursement_statements))`);
  await step(
    'redemption ledger lines',
    `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, venue_id, voucher_id, redemption_id)
     SELECT r.scanned_at, 'redemption_owed_to_venue', r.value_cents, o.programme_id, r.funder_id, r.order_id, r.venue_id, r.voucher_id, r.id
     FROM redemptions r JOIN orders o ON o.id = r.order_id`,
  );
  await step(
    'venue payment ledger lines',
    `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, venue_id, statement_id, reference)
     SELECT s.paid_at, 'venue_payment_made', sum(r.value_cents), o.programme_id, r.funder_id, r.order_id, r.venue_id, s.id, 'BENCH'
     FROM reimbursement_statements s JOIN redemptions r ON r.statement_id = s.id JOIN orders o ON o.id = r.order_id
     WHERE s.status = 'paid'
     GROUP BY s.id, s.paid_at, o.programme_id, r.funder_id, r.order_id, r.venue_id`,
  );
  await client.query('COMMIT');
  const started = Date.now();
  await client.query('VACUUM ANALYZE');
  process.stdout.write(`  vacuum analyze: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { programmeId, anctId };
}
