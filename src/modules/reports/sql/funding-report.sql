-- Generated from src/modules/reports/funding-report.sql.ts, do not edit: the statements as the code composes them, whole.
-- test/support/committed-sql.ts checks it; UPDATE_COMMITTED_SQL=1 npx jest --selectProjects unit --testPathPatterns src/modules/reports/sql/funding-report rewrites it.

-- SUMMARY_SQL: the figures per funder, per département and for the whole scope ($1 programme, $2 funder or null, $3 département or null)
WITH funders AS (
  SELECT f.id AS funder_id, f.name, f.siren, coalesce(f.departement_code, '') AS departement
  FROM organisations f
  WHERE f.kind = 'funder' AND ($2::uuid IS NULL OR f.id = $2) AND ($3::text IS NULL OR coalesce(f.departement_code, '') = $3)
    AND (EXISTS (SELECT 1 FROM orders o WHERE o.programme_id = $1 AND o.funder_id = f.id)
         OR EXISTS (SELECT 1 FROM programme_enrolments e WHERE e.programme_id = $1 AND e.funder_id = f.id))
),
keys AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key, min(f.name) AS funder_name, min(f.siren) AS siren,
    CASE WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS departement
  FROM funders f GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
ordered AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    coalesce(sum(o.carnet_count) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS carnets_ordered,
    coalesce(sum(o.carnet_count * o.carnet_size) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS vouchers_ordered,
    coalesce(sum(o.face_value_total_cents) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS value_ordered,
    coalesce(sum(o.face_value_total_cents) FILTER (WHERE o.status IN ('paid', 'generating', 'ready')), 0) AS value_paid,
    coalesce(sum(o.fee_cents) FILTER (WHERE o.status IN ('paid', 'generating', 'ready')), 0) AS fees_paid
  FROM orders o JOIN funders f ON f.funder_id = o.funder_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
vouchers_by_state AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(*) FILTER (WHERE v.status IN ('generated', 'active')) AS in_stock,
    count(*) FILTER (WHERE v.status = 'allocated') AS allocated,
    count(*) FILTER (WHERE v.status = 'issued') AS issued,
    count(*) FILTER (WHERE v.status = 'redeemed') AS redeemed,
    count(*) FILTER (WHERE v.status = 'expired') AS expired,
    count(*) FILTER (WHERE v.status = 'cancelled') AS cancelled,
    count(*) FILTER (WHERE v.issued_at IS NOT NULL) AS ever_issued
  FROM vouchers v JOIN orders o ON o.id = v.order_id JOIN funders f ON f.funder_id = v.funder_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
handed_out AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(*) FILTER (WHERE c.issued_at IS NOT NULL) AS carnets_issued,
    count(i.id) AS with_record,
    count(*) FILTER (WHERE b.target_public) AS target_public,
    count(DISTINCT coalesce(b.person_id::text, encode(b.person_key, 'hex'))) AS people,
    count(*) FILTER (WHERE i.id IS NOT NULL AND b.person_key IS NULL AND b.person_id IS NULL) AS without_person
  FROM carnets c JOIN orders o ON o.id = c.order_id JOIN funders f ON f.funder_id = c.funder_id
  LEFT JOIN carnet_issuances i ON i.carnet_id = c.id
  LEFT JOIN beneficiaries b ON b.id = i.beneficiary_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
used AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(DISTINCT r.venue_id) AS venues_active,
    coalesce(sum(r.value_cents), 0) AS value_redeemed,
    coalesce(sum(r.value_cents) FILTER (WHERE s.status = 'paid'), 0) AS value_reimbursed
  FROM redemptions r JOIN orders o ON o.id = r.order_id JOIN funders f ON f.funder_id = r.funder_id
  LEFT JOIN reimbursement_statements s ON s.id = r.statement_id
  WHERE o.programme_id = $1 AND r.cancelled_at IS NULL GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
money AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'state_share_due'), 0) AS state_share_due,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'state_share_paid'), 0) AS state_share_paid,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'expired_value_credit_note'), 0) AS credit_notes
  FROM ledger_entries l JOIN funders f ON f.funder_id = l.funder_id
  WHERE l.programme_id = $1 AND l.kind IN ('state_share_due', 'state_share_paid', 'expired_value_credit_note') GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
)
SELECT k.level, CASE k.level WHEN 'funder' THEN k.siren WHEN 'departement' THEN k.key ELSE '' END AS code,
  CASE k.level WHEN 'funder' THEN k.funder_name WHEN 'departement' THEN 'Département ' || k.key ELSE p.name || ' (' || p.year || ')' END AS label,
  coalesce(od.carnets_ordered, 0) AS carnets_ordered, coalesce(od.vouchers_ordered, 0) AS vouchers_ordered,
  coalesce(od.value_ordered, 0) AS value_ordered, coalesce(od.value_paid, 0) AS value_paid, coalesce(od.fees_paid, 0) AS fees_paid,
  coalesce(ch.in_stock, 0) AS in_stock, coalesce(ch.allocated, 0) AS allocated, coalesce(ch.issued, 0) AS issued,
  coalesce(ch.redeemed, 0) AS redeemed, coalesce(ch.expired, 0) AS expired, coalesce(ch.cancelled, 0) AS cancelled,
  coalesce(ch.ever_issued, 0) AS ever_issued,
  coalesce(h.carnets_issued, 0) AS carnets_issued, coalesce(h.target_public, 0) AS target_public, coalesce(h.with_record, 0) AS with_record,
  coalesce(h.people, 0) AS people, coalesce(h.without_person, 0) AS without_person,
  p.target_public_min_rate_bp,
  coalesce(u.venues_active, 0) AS venues_active, coalesce(u.value_redeemed, 0) AS value_redeemed,
  coalesce(u.value_reimbursed, 0) AS value_reimbursed, coalesce(u.value_redeemed, 0) - coalesce(u.value_reimbursed, 0) AS value_pending,
  coalesce(m.state_share_due, 0) AS state_share_due, coalesce(m.state_share_paid, 0) AS state_share_paid, coalesce(m.credit_notes, 0) AS credit_notes,
  CASE k.level WHEN 'programme' THEN 0 WHEN 'funder' THEN 1 ELSE 2 END AS level_order,
  k.key AS scope_key, k.departement
FROM keys k
JOIN programmes p ON p.id = $1
LEFT JOIN ordered od USING (level, key)
LEFT JOIN vouchers_by_state ch USING (level, key)
LEFT JOIN handed_out h USING (level, key)
LEFT JOIN used u USING (level, key)
LEFT JOIN money m USING (level, key)
WHERE $2::uuid IS NULL OR k.level = 'funder';

-- INSERT_SUMMARY_SQL: stores them for report $4
INSERT INTO funding_report_rows (
  report_id, position, level, code, label, carnets_ordered, vouchers_ordered, value_ordered_cents, value_paid_cents, fees_paid_cents,
  vouchers_in_stock, vouchers_allocated, vouchers_issued, vouchers_redeemed, vouchers_expired, vouchers_cancelled, vouchers_ever_issued,
  carnets_issued, carnets_target_public, carnets_with_issuance_record, people_reached, carnets_without_person_id, target_public_min_rate_bp,
  venues_active, value_redeemed_cents, value_reimbursed_cents, value_pending_cents, state_share_due_cents, state_share_paid_cents, credit_note_cents
)
SELECT $4, row_number() OVER (ORDER BY s.level_order, s.label, s.code), s.level, s.code, s.label, s.carnets_ordered, s.vouchers_ordered,
  s.value_ordered, s.value_paid, s.fees_paid, s.in_stock, s.allocated, s.issued, s.redeemed, s.expired, s.cancelled, s.ever_issued,
  s.carnets_issued, s.target_public, s.with_record, s.people, s.without_person, s.target_public_min_rate_bp,
  s.venues_active, s.value_redeemed, s.value_reimbursed, s.value_pending, s.state_share_due, s.state_share_paid, s.credit_notes
FROM (
WITH funders AS (
  SELECT f.id AS funder_id, f.name, f.siren, coalesce(f.departement_code, '') AS departement
  FROM organisations f
  WHERE f.kind = 'funder' AND ($2::uuid IS NULL OR f.id = $2) AND ($3::text IS NULL OR coalesce(f.departement_code, '') = $3)
    AND (EXISTS (SELECT 1 FROM orders o WHERE o.programme_id = $1 AND o.funder_id = f.id)
         OR EXISTS (SELECT 1 FROM programme_enrolments e WHERE e.programme_id = $1 AND e.funder_id = f.id))
),
keys AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key, min(f.name) AS funder_name, min(f.siren) AS siren,
    CASE WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS departement
  FROM funders f GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
ordered AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    coalesce(sum(o.carnet_count) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS carnets_ordered,
    coalesce(sum(o.carnet_count * o.carnet_size) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS vouchers_ordered,
    coalesce(sum(o.face_value_total_cents) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS value_ordered,
    coalesce(sum(o.face_value_total_cents) FILTER (WHERE o.status IN ('paid', 'generating', 'ready')), 0) AS value_paid,
    coalesce(sum(o.fee_cents) FILTER (WHERE o.status IN ('paid', 'generating', 'ready')), 0) AS fees_paid
  FROM orders o JOIN funders f ON f.funder_id = o.funder_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
vouchers_by_state AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(*) FILTER (WHERE v.status IN ('generated', 'active')) AS in_stock,
    count(*) FILTER (WHERE v.status = 'allocated') AS allocated,
    count(*) FILTER (WHERE v.status = 'issued') AS issued,
    count(*) FILTER (WHERE v.status = 'redeemed') AS redeemed,
    count(*) FILTER (WHERE v.status = 'expired') AS expired,
    count(*) FILTER (WHERE v.status = 'cancelled') AS cancelled,
    count(*) FILTER (WHERE v.issued_at IS NOT NULL) AS ever_issued
  FROM vouchers v JOIN orders o ON o.id = v.order_id JOIN funders f ON f.funder_id = v.funder_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
handed_out AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(*) FILTER (WHERE c.issued_at IS NOT NULL) AS carnets_issued,
    count(i.id) AS with_record,
    count(*) FILTER (WHERE b.target_public) AS target_public,
    count(DISTINCT coalesce(b.person_id::text, encode(b.person_key, 'hex'))) AS people,
    count(*) FILTER (WHERE i.id IS NOT NULL AND b.person_key IS NULL AND b.person_id IS NULL) AS without_person
  FROM carnets c JOIN orders o ON o.id = c.order_id JOIN funders f ON f.funder_id = c.funder_id
  LEFT JOIN carnet_issuances i ON i.carnet_id = c.id
  LEFT JOIN beneficiaries b ON b.id = i.beneficiary_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
used AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(DISTINCT r.venue_id) AS venues_active,
    coalesce(sum(r.value_cents), 0) AS value_redeemed,
    coalesce(sum(r.value_cents) FILTER (WHERE s.status = 'paid'), 0) AS value_reimbursed
  FROM redemptions r JOIN orders o ON o.id = r.order_id JOIN funders f ON f.funder_id = r.funder_id
  LEFT JOIN reimbursement_statements s ON s.id = r.statement_id
  WHERE o.programme_id = $1 AND r.cancelled_at IS NULL GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
money AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'state_share_due'), 0) AS state_share_due,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'state_share_paid'), 0) AS state_share_paid,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'expired_value_credit_note'), 0) AS credit_notes
  FROM ledger_entries l JOIN funders f ON f.funder_id = l.funder_id
  WHERE l.programme_id = $1 AND l.kind IN ('state_share_due', 'state_share_paid', 'expired_value_credit_note') GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
)
SELECT k.level, CASE k.level WHEN 'funder' THEN k.siren WHEN 'departement' THEN k.key ELSE '' END AS code,
  CASE k.level WHEN 'funder' THEN k.funder_name WHEN 'departement' THEN 'Département ' || k.key ELSE p.name || ' (' || p.year || ')' END AS label,
  coalesce(od.carnets_ordered, 0) AS carnets_ordered, coalesce(od.vouchers_ordered, 0) AS vouchers_ordered,
  coalesce(od.value_ordered, 0) AS value_ordered, coalesce(od.value_paid, 0) AS value_paid, coalesce(od.fees_paid, 0) AS fees_paid,
  coalesce(ch.in_stock, 0) AS in_stock, coalesce(ch.allocated, 0) AS allocated, coalesce(ch.issued, 0) AS issued,
  coalesce(ch.redeemed, 0) AS redeemed, coalesce(ch.expired, 0) AS expired, coalesce(ch.cancelled, 0) AS cancelled,
  coalesce(ch.ever_issued, 0) AS ever_issued,
  coalesce(h.carnets_issued, 0) AS carnets_issued, coalesce(h.target_public, 0) AS target_public, coalesce(h.with_record, 0) AS with_record,
  coalesce(h.people, 0) AS people, coalesce(h.without_person, 0) AS without_person,
  p.target_public_min_rate_bp,
  coalesce(u.venues_active, 0) AS venues_active, coalesce(u.value_redeemed, 0) AS value_redeemed,
  coalesce(u.value_reimbursed, 0) AS value_reimbursed, coalesce(u.value_redeemed, 0) - coalesce(u.value_reimbursed, 0) AS value_pending,
  coalesce(m.state_share_due, 0) AS state_share_due, coalesce(m.state_share_paid, 0) AS state_share_paid, coalesce(m.credit_notes, 0) AS credit_notes,
  CASE k.level WHEN 'programme' THEN 0 WHEN 'funder' THEN 1 ELSE 2 END AS level_order,
  k.key AS scope_key, k.departement
FROM keys k
JOIN programmes p ON p.id = $1
LEFT JOIN ordered od USING (level, key)
LEFT JOIN vouchers_by_state ch USING (level, key)
LEFT JOIN handed_out h USING (level, key)
LEFT JOIN used u USING (level, key)
LEFT JOIN money m USING (level, key)
WHERE $2::uuid IS NULL OR k.level = 'funder') s;

-- FUNNEL_SQL: the usage funnel by month (same parameters)
WITH scope_orders AS (
  SELECT o.id, o.status, o.carnet_count, coalesce(o.decided_at, o.created_at) AS decided_at
  FROM orders o JOIN organisations f ON f.id = o.funder_id
  WHERE o.programme_id = $1 AND ($2::uuid IS NULL OR o.funder_id = $2) AND ($3::text IS NULL OR coalesce(f.departement_code, '') = $3)
),
ordered AS (
  SELECT date_trunc('month', o.decided_at AT TIME ZONE 'Europe/Paris')::date AS month, sum(o.carnet_count) AS carnets_ordered
  FROM scope_orders o WHERE o.status IN ('approved', 'paid', 'generating', 'ready')
  GROUP BY 1
),
allocated AS (
  SELECT date_trunc('month', c.allocated_at AT TIME ZONE 'Europe/Paris')::date AS month, count(*) AS carnets_allocated
  FROM carnets c JOIN scope_orders o ON o.id = c.order_id
  WHERE c.allocated_at IS NOT NULL
  GROUP BY 1
),
handed_out AS (
  SELECT month, count(*) AS carnets_issued, count(*) FILTER (WHERE redeemed > 0) AS carnets_first_use,
    count(*) FILTER (WHERE redeemed = vouchers) AS carnets_all_used, sum(vouchers) AS vouchers_issued, sum(redeemed) AS vouchers_redeemed
  FROM (
    SELECT c.id, date_trunc('month', c.issued_at AT TIME ZONE 'Europe/Paris')::date AS month,
           count(*) AS vouchers, count(*) FILTER (WHERE v.status = 'redeemed') AS redeemed
    FROM carnets c JOIN scope_orders o ON o.id = c.order_id JOIN vouchers v ON v.carnet_id = c.id
    WHERE c.issued_at IS NOT NULL
    GROUP BY c.id, c.issued_at
  ) carnet_use
  GROUP BY month
)
SELECT month, coalesce(od.carnets_ordered, 0) AS carnets_ordered, coalesce(a.carnets_allocated, 0) AS carnets_allocated,
  coalesce(h.carnets_issued, 0) AS carnets_issued, coalesce(h.carnets_first_use, 0) AS carnets_first_use,
  coalesce(h.carnets_all_used, 0) AS carnets_all_used, coalesce(h.vouchers_issued, 0) AS vouchers_issued,
  coalesce(h.vouchers_redeemed, 0) AS vouchers_redeemed
FROM ordered od FULL JOIN allocated a USING (month) FULL JOIN handed_out h USING (month);

-- INSERT_FUNNEL_SQL: stores it for report $4
INSERT INTO funding_report_funnel_rows (
  report_id, month, carnets_ordered, carnets_allocated, carnets_issued, carnets_first_use, carnets_all_used, vouchers_issued, vouchers_redeemed
)
SELECT $4, f.month, f.carnets_ordered, f.carnets_allocated, f.carnets_issued, f.carnets_first_use, f.carnets_all_used, f.vouchers_issued, f.vouchers_redeemed
FROM (
WITH scope_orders AS (
  SELECT o.id, o.status, o.carnet_count, coalesce(o.decided_at, o.created_at) AS decided_at
  FROM orders o JOIN organisations f ON f.id = o.funder_id
  WHERE o.programme_id = $1 AND ($2::uuid IS NULL OR o.funder_id = $2) AND ($3::text IS NULL OR coalesce(f.departement_code, '') = $3)
),
ordered AS (
  SELECT date_trunc('month', o.decided_at AT TIME ZONE 'Europe/Paris')::date AS month, sum(o.carnet_count) AS carnets_ordered
  FROM scope_orders o WHERE o.status IN ('approved', 'paid', 'generating', 'ready')
  GROUP BY 1
),
allocated AS (
  SELECT date_trunc('month', c.allocated_at AT TIME ZONE 'Europe/Paris')::date AS month, count(*) AS carnets_allocated
  FROM carnets c JOIN scope_orders o ON o.id = c.order_id
  WHERE c.allocated_at IS NOT NULL
  GROUP BY 1
),
handed_out AS (
  SELECT month, count(*) AS carnets_issued, count(*) FILTER (WHERE redeemed > 0) AS carnets_first_use,
    count(*) FILTER (WHERE redeemed = vouchers) AS carnets_all_used, sum(vouchers) AS vouchers_issued, sum(redeemed) AS vouchers_redeemed
  FROM (
    SELECT c.id, date_trunc('month', c.issued_at AT TIME ZONE 'Europe/Paris')::date AS month,
           count(*) AS vouchers, count(*) FILTER (WHERE v.status = 'redeemed') AS redeemed
    FROM carnets c JOIN scope_orders o ON o.id = c.order_id JOIN vouchers v ON v.carnet_id = c.id
    WHERE c.issued_at IS NOT NULL
    GROUP BY c.id, c.issued_at
  ) carnet_use
  GROUP BY month
)
SELECT month, coalesce(od.carnets_ordered, 0) AS carnets_ordered, coalesce(a.carnets_allocated, 0) AS carnets_allocated,
  coalesce(h.carnets_issued, 0) AS carnets_issued, coalesce(h.carnets_first_use, 0) AS carnets_first_use,
  coalesce(h.carnets_all_used, 0) AS carnets_all_used, coalesce(h.vouchers_issued, 0) AS vouchers_issued,
  coalesce(h.vouchers_redeemed, 0) AS vouchers_redeemed
FROM ordered od FULL JOIN allocated a USING (month) FULL JOIN handed_out h USING (month)) f;

-- FIGURES_SUMMARY_SQL: the live figures of the dashboards, in the report order
SELECT s.* FROM (
WITH funders AS (
  SELECT f.id AS funder_id, f.name, f.siren, coalesce(f.departement_code, '') AS departement
  FROM organisations f
  WHERE f.kind = 'funder' AND ($2::uuid IS NULL OR f.id = $2) AND ($3::text IS NULL OR coalesce(f.departement_code, '') = $3)
    AND (EXISTS (SELECT 1 FROM orders o WHERE o.programme_id = $1 AND o.funder_id = f.id)
         OR EXISTS (SELECT 1 FROM programme_enrolments e WHERE e.programme_id = $1 AND e.funder_id = f.id))
),
keys AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key, min(f.name) AS funder_name, min(f.siren) AS siren,
    CASE WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS departement
  FROM funders f GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
ordered AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    coalesce(sum(o.carnet_count) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS carnets_ordered,
    coalesce(sum(o.carnet_count * o.carnet_size) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS vouchers_ordered,
    coalesce(sum(o.face_value_total_cents) FILTER (WHERE o.status IN ('approved', 'paid', 'generating', 'ready')), 0) AS value_ordered,
    coalesce(sum(o.face_value_total_cents) FILTER (WHERE o.status IN ('paid', 'generating', 'ready')), 0) AS value_paid,
    coalesce(sum(o.fee_cents) FILTER (WHERE o.status IN ('paid', 'generating', 'ready')), 0) AS fees_paid
  FROM orders o JOIN funders f ON f.funder_id = o.funder_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
vouchers_by_state AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(*) FILTER (WHERE v.status IN ('generated', 'active')) AS in_stock,
    count(*) FILTER (WHERE v.status = 'allocated') AS allocated,
    count(*) FILTER (WHERE v.status = 'issued') AS issued,
    count(*) FILTER (WHERE v.status = 'redeemed') AS redeemed,
    count(*) FILTER (WHERE v.status = 'expired') AS expired,
    count(*) FILTER (WHERE v.status = 'cancelled') AS cancelled,
    count(*) FILTER (WHERE v.issued_at IS NOT NULL) AS ever_issued
  FROM vouchers v JOIN orders o ON o.id = v.order_id JOIN funders f ON f.funder_id = v.funder_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
handed_out AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(*) FILTER (WHERE c.issued_at IS NOT NULL) AS carnets_issued,
    count(i.id) AS with_record,
    count(*) FILTER (WHERE b.target_public) AS target_public,
    count(DISTINCT coalesce(b.person_id::text, encode(b.person_key, 'hex'))) AS people,
    count(*) FILTER (WHERE i.id IS NOT NULL AND b.person_key IS NULL AND b.person_id IS NULL) AS without_person
  FROM carnets c JOIN orders o ON o.id = c.order_id JOIN funders f ON f.funder_id = c.funder_id
  LEFT JOIN carnet_issuances i ON i.carnet_id = c.id
  LEFT JOIN beneficiaries b ON b.id = i.beneficiary_id
  WHERE o.programme_id = $1 GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
used AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    count(DISTINCT r.venue_id) AS venues_active,
    coalesce(sum(r.value_cents), 0) AS value_redeemed,
    coalesce(sum(r.value_cents) FILTER (WHERE s.status = 'paid'), 0) AS value_reimbursed
  FROM redemptions r JOIN orders o ON o.id = r.order_id JOIN funders f ON f.funder_id = r.funder_id
  LEFT JOIN reimbursement_statements s ON s.id = r.statement_id
  WHERE o.programme_id = $1 AND r.cancelled_at IS NULL GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
),
money AS (
  SELECT 
  CASE WHEN GROUPING(f.funder_id) = 0 THEN 'funder' WHEN GROUPING(f.departement) = 0 THEN 'departement' ELSE 'programme' END AS level,
  CASE WHEN GROUPING(f.funder_id) = 0 THEN f.funder_id::text WHEN GROUPING(f.departement) = 0 THEN f.departement ELSE '' END AS key,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'state_share_due'), 0) AS state_share_due,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'state_share_paid'), 0) AS state_share_paid,
    coalesce(sum(l.amount_cents) FILTER (WHERE l.kind = 'expired_value_credit_note'), 0) AS credit_notes
  FROM ledger_entries l JOIN funders f ON f.funder_id = l.funder_id
  WHERE l.programme_id = $1 AND l.kind IN ('state_share_due', 'state_share_paid', 'expired_value_credit_note') GROUP BY GROUPING SETS ((f.funder_id, f.departement), (f.departement), ())
)
SELECT k.level, CASE k.level WHEN 'funder' THEN k.siren WHEN 'departement' THEN k.key ELSE '' END AS code,
  CASE k.level WHEN 'funder' THEN k.funder_name WHEN 'departement' THEN 'Département ' || k.key ELSE p.name || ' (' || p.year || ')' END AS label,
  coalesce(od.carnets_ordered, 0) AS carnets_ordered, coalesce(od.vouchers_ordered, 0) AS vouchers_ordered,
  coalesce(od.value_ordered, 0) AS value_ordered, coalesce(od.value_paid, 0) AS value_paid, coalesce(od.fees_paid, 0) AS fees_paid,
  coalesce(ch.in_stock, 0) AS in_stock, coalesce(ch.allocated, 0) AS allocated, coalesce(ch.issued, 0) AS issued,
  coalesce(ch.redeemed, 0) AS redeemed, coalesce(ch.expired, 0) AS expired, coalesce(ch.cancelled, 0) AS cancelled,
  coalesce(ch.ever_issued, 0) AS ever_issued,
  coalesce(h.carnets_issued, 0) AS carnets_issued, coalesce(h.target_public, 0) AS target_public, coalesce(h.with_record, 0) AS with_record,
  coalesce(h.people, 0) AS people, coalesce(h.without_person, 0) AS without_person,
  p.target_public_min_rate_bp,
  coalesce(u.venues_active, 0) AS venues_active, coalesce(u.value_redeemed, 0) AS value_redeemed,
  coalesce(u.value_reimbursed, 0) AS value_reimbursed, coalesce(u.value_redeemed, 0) - coalesce(u.value_reimbursed, 0) AS value_pending,
  coalesce(m.state_share_due, 0) AS state_share_due, coalesce(m.state_share_paid, 0) AS state_share_paid, coalesce(m.credit_notes, 0) AS credit_notes,
  CASE k.level WHEN 'programme' THEN 0 WHEN 'funder' THEN 1 ELSE 2 END AS level_order,
  k.key AS scope_key, k.departement
FROM keys k
JOIN programmes p ON p.id = $1
LEFT JOIN ordered od USING (level, key)
LEFT JOIN vouchers_by_state ch USING (level, key)
LEFT JOIN handed_out h USING (level, key)
LEFT JOIN used u USING (level, key)
LEFT JOIN money m USING (level, key)
WHERE $2::uuid IS NULL OR k.level = 'funder') s ORDER BY s.level_order, s.label, s.code;

-- FIGURES_FUNNEL_SQL: the live usage funnel of the dashboards
SELECT to_char(f.month, 'YYYY-MM') AS month_text, f.* FROM (
WITH scope_orders AS (
  SELECT o.id, o.status, o.carnet_count, coalesce(o.decided_at, o.created_at) AS decided_at
  FROM orders o JOIN organisations f ON f.id = o.funder_id
  WHERE o.programme_id = $1 AND ($2::uuid IS NULL OR o.funder_id = $2) AND ($3::text IS NULL OR coalesce(f.departement_code, '') = $3)
),
ordered AS (
  SELECT date_trunc('month', o.decided_at AT TIME ZONE 'Europe/Paris')::date AS month, sum(o.carnet_count) AS carnets_ordered
  FROM scope_orders o WHERE o.status IN ('approved', 'paid', 'generating', 'ready')
  GROUP BY 1
),
allocated AS (
  SELECT date_trunc('month', c.allocated_at AT TIME ZONE 'Europe/Paris')::date AS month, count(*) AS carnets_allocated
  FROM carnets c JOIN scope_orders o ON o.id = c.order_id
  WHERE c.allocated_at IS NOT NULL
  GROUP BY 1
),
handed_out AS (
  SELECT month, count(*) AS carnets_issued, count(*) FILTER (WHERE redeemed > 0) AS carnets_first_use,
    count(*) FILTER (WHERE redeemed = vouchers) AS carnets_all_used, sum(vouchers) AS vouchers_issued, sum(redeemed) AS vouchers_redeemed
  FROM (
    SELECT c.id, date_trunc('month', c.issued_at AT TIME ZONE 'Europe/Paris')::date AS month,
           count(*) AS vouchers, count(*) FILTER (WHERE v.status = 'redeemed') AS redeemed
    FROM carnets c JOIN scope_orders o ON o.id = c.order_id JOIN vouchers v ON v.carnet_id = c.id
    WHERE c.issued_at IS NOT NULL
    GROUP BY c.id, c.issued_at
  ) carnet_use
  GROUP BY month
)
SELECT month, coalesce(od.carnets_ordered, 0) AS carnets_ordered, coalesce(a.carnets_allocated, 0) AS carnets_allocated,
  coalesce(h.carnets_issued, 0) AS carnets_issued, coalesce(h.carnets_first_use, 0) AS carnets_first_use,
  coalesce(h.carnets_all_used, 0) AS carnets_all_used, coalesce(h.vouchers_issued, 0) AS vouchers_issued,
  coalesce(h.vouchers_redeemed, 0) AS vouchers_redeemed
FROM ordered od FULL JOIN allocated a USING (month) FULL JOIN handed_out h USING (month)) f ORDER BY f.month;
