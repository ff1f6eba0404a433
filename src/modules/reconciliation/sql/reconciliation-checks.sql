-- Generated from src/modules/reconciliation/reconciliation.checks.ts (RECONCILIATION_CHECKS, in the order the job runs them), do not edit: the statements as the code composes them, whole.
-- test/support/committed-sql.ts checks it; UPDATE_COMMITTED_SQL=1 npx jest --selectProjects unit --testPathPatterns src/modules/reconciliation/sql/reconciliation-checks rewrites it.

-- order_payment_mismatch
WITH received AS (
        SELECT order_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'funder_payment_received' AND order_id IS NOT NULL GROUP BY order_id
      )
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             CASE WHEN o.status IN ('paid', 'generating', 'ready') THEN o.total_due_cents ELSE 0 END,
             coalesce(r.amount, 0),
             jsonb_build_object('orderStatus', o.status, 'faceValueCents', o.face_value_total_cents::text, 'feeCents', o.fee_cents::text)
      FROM orders o LEFT JOIN received r ON r.order_id = o.id
      WHERE coalesce(r.amount, 0) <> CASE WHEN o.status IN ('paid', 'generating', 'ready') THEN o.total_due_cents ELSE 0 END;

-- order_due_mismatch
WITH dues AS (
        SELECT order_id,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'order_face_value_due'), 0) AS face,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'operator_fee_due'), 0) AS fee
        FROM ledger_entries WHERE kind IN ('order_face_value_due', 'operator_fee_due') AND order_id IS NOT NULL GROUP BY order_id
      ),
      expected AS (
        SELECT o.*, CASE WHEN o.status IN ('approved', 'paid', 'generating', 'ready') THEN o.face_value_total_cents ELSE 0 END AS expected_face,
                    CASE WHEN o.status IN ('approved', 'paid', 'generating', 'ready') THEN o.fee_cents ELSE 0 END AS expected_fee
        FROM orders o
      )
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             o.expected_face + o.expected_fee, coalesce(d.face, 0) + coalesce(d.fee, 0),
             jsonb_build_object('orderStatus', o.status, 'faceValueDueCents', coalesce(d.face, 0)::text, 'feeDueCents', coalesce(d.fee, 0)::text,
                                'expectedFaceValueCents', o.expected_face::text, 'expectedFeeCents', o.expected_fee::text)
      FROM expected o LEFT JOIN dues d ON d.order_id = o.id
      WHERE coalesce(d.face, 0) <> o.expected_face OR coalesce(d.fee, 0) <> o.expected_fee;

-- order_stock_mismatch
WITH generated AS (SELECT order_id, count(*) AS vouchers, sum(face_value_cents) AS value FROM vouchers GROUP BY order_id),
           booklets AS (SELECT order_id, count(*) AS carnets FROM carnets GROUP BY order_id)
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             CASE WHEN o.status = 'ready' THEN o.face_value_total_cents ELSE 0 END, coalesce(g.value, 0),
             jsonb_build_object('orderStatus', o.status, 'carnetsOrdered', o.carnet_count, 'carnetsGenerated', coalesce(b.carnets, 0),
                                'vouchersOrdered', o.carnet_count * o.carnet_size, 'vouchersGenerated', coalesce(g.vouchers, 0))
      FROM orders o LEFT JOIN generated g ON g.order_id = o.id LEFT JOIN booklets b ON b.order_id = o.id
      WHERE (o.status = 'ready' AND (coalesce(b.carnets, 0) <> o.carnet_count OR coalesce(g.vouchers, 0) <> o.carnet_count * o.carnet_size
                                      OR coalesce(g.value, 0) <> o.face_value_total_cents))
         OR (o.status NOT IN ('generating', 'ready') AND (coalesce(b.carnets, 0) > 0 OR coalesce(g.vouchers, 0) > 0));

-- voucher_carnet_state_mismatch
SELECT 'voucher', v.id::text, jsonb_build_object('carnetId', c.id, 'serial', v.serial, 'orderId', v.order_id),
             NULL::bigint, NULL::bigint,
             jsonb_build_object('voucherStatus', v.status, 'carnetStatus', c.status,
                                'sameOrder', v.order_id = c.order_id, 'sameFunder', v.funder_id = c.funder_id)
      FROM vouchers v JOIN carnets c ON c.id = v.carnet_id
      WHERE (c.status || ':' || v.status) <> ALL (ARRAY['in_stock:generated', 'in_stock:active', 'in_stock:cancelled', 'allocated:allocated', 'allocated:cancelled', 'issued:issued', 'issued:redeemed', 'issued:cancelled', 'fully_used:redeemed', 'fully_used:cancelled', 'expired:expired', 'expired:redeemed', 'expired:cancelled', 'cancelled:cancelled', 'cancelled:redeemed', 'cancelled:expired'])
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
            HAVING NOT bool_or(status IN ('generated', 'active', 'allocated', 'issued'))) closed ON closed.carnet_id = c.id
      WHERE c.status <> 'cancelled' AND c.status <> closed.expected;

-- voucher_redemption_mismatch
SELECT 'voucher', v.id::text, jsonb_build_object('redemptionId', r.id, 'serial', v.serial, 'venueId', r.venue_id),
             v.face_value_cents::bigint, r.value_cents::bigint,
             jsonb_build_object('voucherStatus', v.status, 'activeRedemption', r.id IS NOT NULL,
                                'sameOrder', r.order_id IS NULL OR r.order_id = v.order_id, 'sameFunder', r.funder_id IS NULL OR r.funder_id = v.funder_id)
      FROM vouchers v LEFT JOIN redemptions r ON r.voucher_id = v.id AND r.cancelled_at IS NULL
      WHERE (v.status = 'redeemed') <> (r.id IS NOT NULL)
         OR (r.id IS NOT NULL AND (r.value_cents <> v.face_value_cents OR r.order_id <> v.order_id OR r.funder_id <> v.funder_id));

-- voucher_in_two_statements
WITH several AS (
        SELECT voucher_id FROM redemptions WHERE statement_id IS NOT NULL GROUP BY voucher_id HAVING count(*) > 1
      )
      SELECT 'voucher', r.voucher_id::text,
             jsonb_build_object('statementIds', jsonb_agg(DISTINCT r.statement_id), 'redemptionIds', jsonb_agg(r.id ORDER BY r.id)),
             NULL::bigint, NULL::bigint, jsonb_build_object('statements', count(DISTINCT r.statement_id))
      FROM redemptions r JOIN several USING (voucher_id)
      WHERE r.statement_id IS NOT NULL
      GROUP BY r.voucher_id HAVING count(DISTINCT r.statement_id) > 1;

-- statement_total_mismatch
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
      WHERE coalesce(l.active, 0) <> s.redemption_count OR coalesce(l.total, 0) <> s.total_cents OR coalesce(l.cancelled, 0) > 0;

-- statement_payment_mismatch
WITH payments AS (
        SELECT statement_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'venue_payment_made' AND statement_id IS NOT NULL GROUP BY statement_id
      )
      SELECT 'reimbursement_statement', coalesce(s.id, p.statement_id)::text, jsonb_build_object('venueId', s.venue_id, 'number', s.number),
             CASE WHEN s.status = 'paid' THEN s.total_cents ELSE 0 END, coalesce(p.amount, 0),
             jsonb_build_object('status', s.status, 'statementExists', s.id IS NOT NULL)
      FROM reimbursement_statements s FULL JOIN payments p ON p.statement_id = s.id
      WHERE coalesce(p.amount, 0) <> CASE WHEN s.status = 'paid' THEN s.total_cents ELSE 0 END;

-- redemption_by_unqualified_venue
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
      );

-- redemption_after_expiry
SELECT 'redemption', r.id::text, jsonb_build_object('venueId', r.venue_id, 'voucherId', r.voucher_id, 'orderId', r.order_id),
             NULL::bigint, r.value_cents::bigint,
             jsonb_build_object('scannedAt', r.scanned_at, 'redeemableUntil', (((v.expires_at AT TIME ZONE 'Europe/Paris') + make_interval(days => p.grace_days)) AT TIME ZONE 'Europe/Paris'))
      FROM redemptions r
      JOIN vouchers v ON v.id = r.voucher_id
      JOIN orders o ON o.id = v.order_id
      JOIN programmes p ON p.id = o.programme_id
      -- grace is never negative: a scan before the printed end is valid, without the calendar arithmetic.
      WHERE r.cancelled_at IS NULL AND r.scanned_at > v.expires_at AND r.scanned_at > (((v.expires_at AT TIME ZONE 'Europe/Paris') + make_interval(days => p.grace_days)) AT TIME ZONE 'Europe/Paris');

-- redemption_outside_territory
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
                         OR venue.commune_insee_code::text = ANY (o.territory_communes), false);

-- redemption_ledger_mismatch
WITH owed AS (
        SELECT redemption_id, sum(amount_cents) AS amount FROM ledger_entries
        WHERE kind = 'redemption_owed_to_venue' GROUP BY redemption_id
      )
      SELECT 'redemption', coalesce(r.id::text, 'unattributed'), jsonb_build_object('venueId', r.venue_id, 'voucherId', r.voucher_id),
             CASE WHEN r.id IS NOT NULL AND r.cancelled_at IS NULL THEN r.value_cents ELSE 0 END::bigint, coalesce(o.amount, 0),
             jsonb_build_object('cancelled', r.cancelled_at IS NOT NULL, 'redemptionExists', r.id IS NOT NULL)
      FROM redemptions r FULL JOIN owed o ON o.redemption_id = r.id
      WHERE coalesce(o.amount, 0) <> CASE WHEN r.id IS NOT NULL AND r.cancelled_at IS NULL THEN r.value_cents ELSE 0 END;

-- venue_balance_mismatch
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
      WHERE coalesce(l.owed, 0) <> coalesce(l.paid, 0) + coalesce(d.pending, 0);

-- credit_note_mismatch
WITH notes AS (
        SELECT order_id, sum(amount_cents) AS amount, count(*) AS lines FROM ledger_entries
        WHERE kind = 'expired_value_credit_note' AND order_id IS NOT NULL GROUP BY order_id
      ),
      per_order AS (
        SELECT order_id,
               coalesce(sum(face_value_cents) FILTER (WHERE status IN ('expired', 'cancelled')), 0) AS unused,
               count(*) FILTER (WHERE status IN ('generated', 'active', 'allocated', 'issued')) AS live,
               max(expires_at) AS expires_at
        FROM vouchers GROUP BY order_id
      ),
      -- Redeemable-until grows with the printed end: the order is past expiry when its latest chèque is.
      stock AS (
        SELECT c.order_id, c.unused, c.live, (((c.expires_at AT TIME ZONE 'Europe/Paris') + make_interval(days => p.grace_days)) AT TIME ZONE 'Europe/Paris') < now() AS all_past
        FROM per_order c JOIN orders o ON o.id = c.order_id JOIN programmes p ON p.id = o.programme_id
      )
      SELECT 'order', o.id::text, jsonb_build_object('funderId', o.funder_id, 'orderNumber', o.number),
             CASE WHEN s.live = 0 AND s.all_past THEN s.unused ELSE 0 END, coalesce(n.amount, 0),
             jsonb_build_object('creditNoteLines', coalesce(n.lines, 0), 'liveVouchers', coalesce(s.live, 0), 'pastExpiry', coalesce(s.all_past, false))
      FROM orders o LEFT JOIN notes n ON n.order_id = o.id LEFT JOIN stock s ON s.order_id = o.id
      WHERE (n.order_id IS NOT NULL AND (n.amount <> coalesce(s.unused, 0) OR coalesce(s.live, 0) > 0 OR n.lines > 1))
         OR (n.order_id IS NULL AND s.live = 0 AND s.all_past AND s.unused > 0);

-- state_share_mismatch
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
                WHERE o.programme_id = c.programme_id AND r.funder_id = c.funder_id AND r.recorded_at <= c.as_of AND (r.cancelled_at IS NULL OR r.cancelled_at > c.as_of)) AS redeemed
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
      WHERE coalesce(d.amount, 0) <> x.due;

-- state_share_overpaid
SELECT 'funder_state_share', programme_id || ':' || funder_id, jsonb_build_object('programmeId', programme_id, 'funderId', funder_id),
             due, paid, '{}'::jsonb
      FROM (
        SELECT programme_id, funder_id,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'state_share_due'), 0) AS due,
               coalesce(sum(amount_cents) FILTER (WHERE kind = 'state_share_paid'), 0) AS paid
        FROM ledger_entries WHERE kind IN ('state_share_due', 'state_share_paid') GROUP BY programme_id, funder_id
      ) totals
      WHERE paid > due;
