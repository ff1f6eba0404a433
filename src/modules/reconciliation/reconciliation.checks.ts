/**
 * The reconciliation checks, one per anomaly kind (see anomaly-kind.ts). Each is a SELECT returning
 * the rows that break its invariant, as (object_type, object_id, related, expected_cents,
 * actual_cents, details); the repository inserts them set-based, so no row travels through Node and
 * a run over millions of chèques keeps a flat memory. All checks run in one REPEATABLE READ
 * snapshot: they see the same database, whatever happens meanwhile.
 */
import { LIVE_VOUCHER_STATUSES, redeemableUntilSql, sqlList, UNUSED_FINAL_VOUCHER_STATUSES } from '../expiry/expiry.rules';
import { redeemedAsOf } from '../state-share/state-share.repository';
import type { AnomalyKind } from './anomaly-kind';

export interface ReconciliationCheck {
  kind: AnomalyKind;
  sql: string;
}

const PAID_ORDER_STATUSES = `('paid', 'generating', 'ready')`;
const APPROVED_ORDER_STATUSES = `('approved', 'paid', 'generating', 'ready')`;

/** Voucher states each carnet state allows (a carnet's chèques follow it, except those used or cancelled one by one). */
export const ALLOWED_CARNET_VOUCHER_STATES: Readonly<Record<string, readonly string[]>> = {
  in_stock: ['generated', 'active', 'cancelled'],
  allocated: ['allocated', 'cancelled'],
  issued: ['issued', 'redeemed', 'cancelled'],
  fully_used: ['redeemed', 'cancelled'],
  expired: ['expired', 'redeemed', 'cancelled'],
  cancelled: ['cancelled', 'redeemed', 'expired'],
};
const allowedPairs = Object.entries(ALLOWED_CARNET_VOUCHER_STATES).flatMap(([carnet, vouchers]) =>
  vouchers.map((voucher) => `${carnet}:${voucher}`),
);

export const RECONCILIATION_CHECKS: readonly ReconciliationCheck[] = [
  {
    // DOMAIN: payments received = value ordered + fees, for every order whose payment was recorded.
    kind: 'order_payment_mismatch',
    sql: `
      WITH received AS (
        SELECT order_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'funder_payment_received' AND order_id IS NOT NULL GROUP BY order_id
      )
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             CASE WHEN o.status IN ${PAID_ORDER_STATUSES} THEN o.total_due_cents ELSE 0 END,
             coalesce(r.amount, 0),
             jsonb_build_object('orderStatus', o.status, 'faceValueCents', o.face_value_total_cents::text, 'feeCents', o.fee_cents::text)
      FROM orders o LEFT JOIN received r ON r.order_id = o.id
      WHERE coalesce(r.amount, 0) <> CASE WHEN o.status IN ${PAID_ORDER_STATUSES} THEN o.total_due_cents ELSE 0 END`,
  },
  {
    kind: 'order_due_mismatch',
    sql: `
      WITH dues AS (
        SELECT order_id,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'order_face_value_due'), 0) AS face,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'operator_fee_due'), 0) AS fee
        FROM ledger_entries WHERE kind IN ('order_face_value_due', 'operator_fee_due') AND order_id IS NOT NULL GROUP BY order_id
      ),
      expected AS (
        SELECT o.*, CASE WHEN o.status IN ${APPROVED_ORDER_STATUSES} THEN o.face_value_total_cents ELSE 0 END AS expected_face,
                    CASE WHEN o.status IN ${APPROVED_ORDER_STATUSES} THEN o.fee_cents ELSE 0 END AS expected_fee
        FROM orders o
      )
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             o.expected_face + o.expected_fee, coalesce(d.face, 0) + coalesce(d.fee, 0),
             jsonb_build_object('orderStatus', o.status, 'faceValueDueCents', coalesce(d.face, 0)::text, 'feeDueCents', coalesce(d.fee, 0)::text,
                                'expectedFaceValueCents', o.expected_face::text, 'expectedFeeCents', o.expected_fee::text)
      FROM expected o LEFT JOIN dues d ON d.order_id = o.id
      WHERE coalesce(d.face, 0) <> o.expected_face OR coalesce(d.fee, 0) <> o.expected_fee`,
  },
  {
    // What was generated is what was ordered (and nothing exists before generation).
    kind: 'order_stock_mismatch',
    sql: `
      WITH generated AS (SELECT order_id, count(*) AS vouchers, sum(face_value_cents) AS value FROM vouchers GROUP BY order_id),
           booklets AS (SELECT order_id, count(*) AS carnets FROM carnets GROUP BY order_id)
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             CASE WHEN o.status = 'ready' THEN o.face_value_total_cents ELSE 0 END, coalesce(g.value, 0),
             jsonb_build_object('orderStatus', o.status, 'carnetsOrdered', o.carnet_count, 'carnetsGenerated', coalesce(b.carnets, 0),
                                'vouchersOrdered', o.carnet_count * o.carnet_size, 'vouchersGenerated', coalesce(g.vouchers, 0))
      FROM orders o LEFT JOIN generated g ON g.order_id = o.id LEFT JOIN booklets b ON b.order_id = o.id
      WHERE (o.status = 'ready' AND (coalesce(b.carnets, 0) <> o.carnet_count OR coalesce(g.vouchers, 0) <> o.carnet_count * o.carnet_size
                                      OR coalesce(g.value, 0) <> o.face_value_total_cents))
         OR (o.status NOT IN ('generating', 'ready') AND (coalesce(b.carnets, 0) > 0 OR coalesce(g.vouchers, 0) > 0))`,
  },
  {
    // Each chèque is in one state, consistent with its carnet's.
    kind: 'voucher_carnet_state_mismatch',
    sql: `
      SELECT 'voucher', v.id::text, jsonb_build_object('carnetId', c.id, 'serial', v.serial, 'orderId', v.order_id),
             NULL::bigint, NULL::bigint,
             jsonb_build_object('voucherStatus', v.status, 'carnetStatus', c.status,
                                'sameOrder', v.order_id = c.order_id, 'sameFunder', v.funder_id = c.funder_id)
      FROM vouchers v JOIN carnets c ON c.id = v.carnet_id
      WHERE (c.status || ':' || v.status) <> ALL (ARRAY[${sqlList(allowedPairs)}])
         OR v.order_id <> c.order_id OR v.funder_id <> c.funder_id
      UNION ALL
      -- A carnet none of whose chèques is live is closed as they make it (carnetStatusFromVouchers),
      -- unless it was put in opposition as a whole: e.g. not left issued forever.
      SELECT 'carnet', c.id::text, jsonb_build_object('number', c.number, 'orderId', c.order_id),
             NULL::bigint, NULL::bigint,
             jsonb_build_object('carnetStatus', c.status, 'expectedStatus', closed.expected)
      FROM carnets c
      JOIN (SELECT carnet_id,
                   CASE WHEN bool_and(status = 'cancelled') THEN 'cancelled'
                        WHEN bool_or(status = 'expired') THEN 'expired'
                        ELSE 'fully_used' END AS expected
              FROM vouchers GROUP BY carnet_id
            HAVING NOT bool_or(status IN (${sqlList(LIVE_VOUCHER_STATUSES)}))) closed ON closed.carnet_id = c.id
      WHERE c.status <> 'cancelled' AND c.status <> closed.expected`,
  },
  {
    // A chèque is redeemed if and only if it has one active redemption, of its face value.
    kind: 'voucher_redemption_mismatch',
    sql: `
      SELECT 'voucher', v.id::text, jsonb_build_object('redemptionId', r.id, 'serial', v.serial, 'venueId', r.venue_id),
             v.face_value_cents::bigint, r.value_cents::bigint,
             jsonb_build_object('voucherStatus', v.status, 'activeRedemption', r.id IS NOT NULL,
                                'sameOrder', r.order_id IS NULL OR r.order_id = v.order_id, 'sameFunder', r.funder_id IS NULL OR r.funder_id = v.funder_id)
      FROM vouchers v LEFT JOIN redemptions r ON r.voucher_id = v.id AND r.cancelled_at IS NULL
      WHERE (v.status = 'redeemed') <> (r.id IS NOT NULL)
         OR (r.id IS NOT NULL AND (r.value_cents <> v.face_value_cents OR r.order_id <> v.order_id OR r.funder_id <> v.funder_id))`,
  },
  {
    // Almost every chèque has one redemption: find the few with several cheaply, then look at their statements.
    kind: 'voucher_in_two_statements',
    sql: `
      WITH several AS (
        SELECT voucher_id FROM redemptions WHERE statement_id IS NOT NULL GROUP BY voucher_id HAVING count(*) > 1
      )
      SELECT 'voucher', r.voucher_id::text,
             jsonb_build_object('statementIds', jsonb_agg(DISTINCT r.statement_id), 'redemptionIds', jsonb_agg(r.id ORDER BY r.id)),
             NULL::bigint, NULL::bigint, jsonb_build_object('statements', count(DISTINCT r.statement_id))
      FROM redemptions r JOIN several USING (voucher_id)
      WHERE r.statement_id IS NOT NULL
      GROUP BY r.voucher_id HAVING count(DISTINCT r.statement_id) > 1`,
  },
  {
    // A statement pays exactly its active redemptions (a redemption cancelled after it was drawn up shows here).
    kind: 'statement_total_mismatch',
    sql: `
      WITH lines AS (
        SELECT statement_id,
               count(*) FILTER (WHERE cancelled_at IS NULL) AS active,
               coalesce(sum(value_cents) FILTER (WHERE cancelled_at IS NULL), 0) AS total,
               count(*) FILTER (WHERE cancelled_at IS NOT NULL) AS cancelled
        FROM redemptions WHERE statement_id IS NOT NULL GROUP BY statement_id
      )
      SELECT 'reimbursement_statement', s.id::text, jsonb_build_object('venueId', s.venue_id, 'number', s.number),
             s.total_cents, coalesce(l.total, 0),
             jsonb_build_object('status', s.status, 'redemptionCount', s.redemption_count, 'activeLines', coalesce(l.active, 0),
                                'cancelledLines', coalesce(l.cancelled, 0))
      FROM reimbursement_statements s LEFT JOIN lines l ON l.statement_id = s.id
      WHERE coalesce(l.active, 0) <> s.redemption_count OR coalesce(l.total, 0) <> s.total_cents OR coalesce(l.cancelled, 0) > 0`,
  },
  {
    kind: 'statement_payment_mismatch',
    sql: `
      WITH payments AS (
        SELECT statement_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'venue_payment_made' AND statement_id IS NOT NULL GROUP BY statement_id
      )
      SELECT 'reimbursement_statement', coalesce(s.id, p.statement_id)::text, jsonb_build_object('venueId', s.venue_id, 'number', s.number),
             CASE WHEN s.status = 'paid' THEN s.total_cents ELSE 0 END, coalesce(p.amount, 0),
             jsonb_build_object('status', s.status, 'statementExists', s.id IS NOT NULL)
      FROM reimbursement_statements s FULL JOIN payments p ON p.statement_id = s.id
      WHERE coalesce(p.amount, 0) <> CASE WHEN s.status = 'paid' THEN s.total_cents ELSE 0 END`,
  },
  {
    // "Qualified at that time": the venue's qualification history (see VenueQualificationEventEntity) as
    // periods [decision, next decision); before its first decision a venue is pending.
    kind: 'redemption_by_unqualified_venue',
    sql: `
      WITH periods AS (
        SELECT venue_id, to_status AS status, decided_at AS valid_from,
               lead(decided_at) OVER (PARTITION BY venue_id ORDER BY decided_at, id) AS valid_to
        FROM venue_qualification_events
      )
      SELECT 'redemption', r.id::text, jsonb_build_object('venueId', r.venue_id, 'voucherId', r.voucher_id),
             NULL::bigint, r.value_cents::bigint,
             jsonb_build_object('scannedAt', r.scanned_at, 'statusAtScan', coalesce((
               SELECT p.status FROM periods p WHERE p.venue_id = r.venue_id AND p.valid_from <= r.scanned_at
               ORDER BY p.valid_from DESC LIMIT 1), 'pending'))
      FROM redemptions r
      WHERE r.cancelled_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM periods p
        WHERE p.venue_id = r.venue_id AND p.status = 'qualified' AND r.scanned_at >= p.valid_from AND (p.valid_to IS NULL OR r.scanned_at < p.valid_to)
      )`,
  },
  {
    kind: 'redemption_after_expiry',
    sql: `
      SELECT 'redemption', r.id::text, jsonb_build_object('venueId', r.venue_id, 'voucherId', r.voucher_id, 'orderId', r.order_id),
             NULL::bigint, r.value_cents::bigint,
             jsonb_build_object('scannedAt', r.scanned_at, 'redeemableUntil', ${redeemableUntilSql('v', 'p')})
      FROM redemptions r
      JOIN vouchers v ON v.id = r.voucher_id
      JOIN orders o ON o.id = v.order_id
      JOIN programmes p ON p.id = o.programme_id
      -- grace is never negative: a scan before the printed end is valid, without the calendar arithmetic.
      WHERE r.cancelled_at IS NULL AND r.scanned_at > v.expires_at AND r.scanned_at > ${redeemableUntilSql('v', 'p')}`,
  },
  {
    // Orders restricted to départements or communes: the venue must be in one of them.
    kind: 'redemption_outside_territory',
    sql: `
      SELECT 'redemption', r.id::text, jsonb_build_object('venueId', r.venue_id, 'voucherId', r.voucher_id, 'orderId', r.order_id),
             NULL::bigint, r.value_cents::bigint,
             jsonb_build_object('venueDepartement', venue.departement_code, 'venueCommune', venue.commune_insee_code,
                                'territoryDepartements', to_jsonb(o.territory_departements), 'territoryCommunes', to_jsonb(o.territory_communes))
      FROM redemptions r
      JOIN orders o ON o.id = r.order_id
      JOIN organisations venue ON venue.id = r.venue_id
      WHERE r.cancelled_at IS NULL
        AND (cardinality(o.territory_departements) > 0 OR cardinality(o.territory_communes) > 0)
        AND NOT coalesce(venue.departement_code::text = ANY (o.territory_departements)
                         OR venue.commune_insee_code::text = ANY (o.territory_communes), false)`,
  },
  {
    // Each redemption owes its value to the venue in the ledger; a cancelled one nets to zero.
    kind: 'redemption_ledger_mismatch',
    sql: `
      WITH owed AS (
        SELECT redemption_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'redemption_owed_to_venue' GROUP BY redemption_id
      )
      SELECT 'redemption', coalesce(r.id::text, 'unattributed'), jsonb_build_object('venueId', r.venue_id, 'voucherId', r.voucher_id),
             CASE WHEN r.id IS NOT NULL AND r.cancelled_at IS NULL THEN r.value_cents ELSE 0 END::bigint, coalesce(o.amount, 0),
             jsonb_build_object('cancelled', r.cancelled_at IS NOT NULL, 'redemptionExists', r.id IS NOT NULL)
      FROM redemptions r FULL JOIN owed o ON o.redemption_id = r.id
      WHERE coalesce(o.amount, 0) <> CASE WHEN r.id IS NOT NULL AND r.cancelled_at IS NULL THEN r.value_cents ELSE 0 END`,
  },
  {
    // DOMAIN: redeemed = reimbursed + pending, per venue, from the ledger on one side and the statements on the other.
    kind: 'venue_balance_mismatch',
    sql: `
      WITH ledger AS (
        SELECT venue_id,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'redemption_owed_to_venue'), 0) AS owed,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'venue_payment_made'), 0) AS paid
        FROM ledger_entries WHERE kind IN ('redemption_owed_to_venue', 'venue_payment_made') AND venue_id IS NOT NULL GROUP BY venue_id
      ),
      redeemed AS (
        SELECT r.venue_id, sum(r.value_cents) AS redeemed,
               coalesce(sum(r.value_cents) FILTER (WHERE s.status IS DISTINCT FROM 'paid'), 0) AS pending
        FROM redemptions r LEFT JOIN reimbursement_statements s ON s.id = r.statement_id
        WHERE r.cancelled_at IS NULL GROUP BY r.venue_id
      )
      SELECT 'venue', venue_id::text, '{}'::jsonb,
             coalesce(l.paid, 0) + coalesce(d.pending, 0), coalesce(l.owed, 0),
             jsonb_build_object('redeemedCents', coalesce(d.redeemed, 0)::text, 'reimbursedCents', coalesce(l.paid, 0)::text,
                                'pendingCents', coalesce(d.pending, 0)::text, 'owedInLedgerCents', coalesce(l.owed, 0)::text)
      FROM ledger l FULL JOIN redeemed d USING (venue_id)
      WHERE coalesce(l.owed, 0) <> coalesce(l.paid, 0) + coalesce(d.pending, 0)`,
  },
  {
    // After expiry the credit note equals the face value never used (expired or cancelled chèques), once.
    kind: 'credit_note_mismatch',
    sql: `
      WITH notes AS (
        SELECT order_id, sum(amount_cents) AS amount, count(*) AS lines FROM ledger_entries
        WHERE kind = 'expired_value_credit_note' AND order_id IS NOT NULL GROUP BY order_id
      ),
      per_order AS (
        SELECT order_id,
               coalesce(sum(face_value_cents) FILTER (WHERE status IN (${sqlList(UNUSED_FINAL_VOUCHER_STATUSES)})), 0) AS unused,
               count(*) FILTER (WHERE status IN (${sqlList(LIVE_VOUCHER_STATUSES)})) AS live,
               max(expires_at) AS expires_at
        FROM vouchers GROUP BY order_id
      ),
      -- Redeemable-until grows with the printed end: the order is past expiry when its latest chèque is.
      stock AS (
        SELECT c.order_id, c.unused, c.live, ${redeemableUntilSql('c', 'p')} < now() AS all_past
        FROM per_order c JOIN orders o ON o.id = c.order_id JOIN programmes p ON p.id = o.programme_id
      )
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             CASE WHEN s.live = 0 AND s.all_past THEN s.unused ELSE 0 END, coalesce(n.amount, 0),
             jsonb_build_object('creditNoteLines', coalesce(n.lines, 0), 'liveVouchers', coalesce(s.live, 0), 'pastExpiry', coalesce(s.all_past, false))
      FROM orders o LEFT JOIN notes n ON n.order_id = o.id LEFT JOIN stock s ON s.order_id = o.id
      WHERE (n.order_id IS NOT NULL AND (n.amount <> coalesce(s.unused, 0) OR coalesce(s.live, 0) > 0 OR n.lines > 1))
         OR (n.order_id IS NULL AND s.live = 0 AND s.all_past AND s.unused > 0)`,
  },
  {
    // DOMAIN: State share due = min(rate × value redeemed, cap), checked as of the last computation.
    kind: 'state_share_mismatch',
    sql: `
      WITH due AS (
        SELECT programme_id, funder_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'state_share_due' GROUP BY programme_id, funder_id
      ),
      pairs AS (
        SELECT programme_id, funder_id FROM due UNION SELECT programme_id, funder_id FROM state_share_computations
      ),
      basis AS (
        SELECT c.programme_id, c.funder_id, c.as_of,
               (SELECT coalesce(sum(r.value_cents), 0) FROM redemptions r JOIN orders o ON o.id = r.order_id
                WHERE o.programme_id = c.programme_id AND r.funder_id = c.funder_id AND ${redeemedAsOf('c.as_of')}) AS redeemed
        FROM state_share_computations c
      ),
      expected AS (
        SELECT pairs.programme_id, pairs.funder_id, b.as_of, coalesce(b.redeemed, 0) AS redeemed,
               p.state_share_rate_bp AS rate_bp, coalesce(e.envelope_cents, p.default_funder_cap_cents) AS cap,
               CASE WHEN b.as_of IS NULL THEN 0
                    ELSE least((b.redeemed * p.state_share_rate_bp) / 10000, coalesce(e.envelope_cents, p.default_funder_cap_cents)) END AS due
        FROM pairs
        LEFT JOIN basis b ON b.programme_id = pairs.programme_id AND b.funder_id = pairs.funder_id
        LEFT JOIN programmes p ON p.id = pairs.programme_id
        LEFT JOIN programme_enrolments e ON e.programme_id = pairs.programme_id AND e.funder_id = pairs.funder_id
      )
      SELECT 'funder_state_share', x.programme_id || ':' || x.funder_id, jsonb_build_object('programmeId', x.programme_id, 'funderId', x.funder_id),
             x.due, coalesce(d.amount, 0),
             jsonb_build_object('asOf', x.as_of, 'redeemedCents', x.redeemed::text, 'rateBp', x.rate_bp, 'capCents', x.cap::text)
      FROM expected x LEFT JOIN due d ON d.programme_id IS NOT DISTINCT FROM x.programme_id AND d.funder_id IS NOT DISTINCT FROM x.funder_id
      WHERE coalesce(d.amount, 0) <> x.due`,
  },
  {
    kind: 'state_share_overpaid',
    sql: `
      SELECT 'funder_state_share', programme_id || ':' || funder_id, jsonb_build_object('programmeId', programme_id, 'funderId', funder_id),
             due, paid, '{}'::jsonb
      FROM (
        SELECT programme_id, funder_id,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'state_share_due'), 0) AS due,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'state_share_paid'), 0) AS paid
        FROM ledger_entries WHERE kind IN ('state_share_due', 'state_share_paid') GROUP BY programme_id, funder_id
      ) totals
      WHERE paid > due`,
  },
];
