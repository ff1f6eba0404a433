-- Everything a redemption reads, for each read of a JSON array ($1, of `RedemptionRead`: see
-- redemption-reads.ts), numbered by `request` from 1:
-- - `venue`: the venue, if it is an active venue, with only its own active services and sites among
--   those asked (an id of another venue is simply not returned);
-- - `earlier`: the answer stored under the read's Idempotency-Key, if any;
-- - then, one row per chèque found by code hash, as a redemption sees it: its state, its order's
--   territory, its programme's rules, its active redemption (one row with the venue only when none is
--   found; no row at all when the venue is not an active venue).
-- Check, the full path, offline synchronisation and the online batches (prepared, generic plan) all
-- read through it. Its generic plan reaches every table by key.
SELECT read.ordinality AS request,
       row_to_json(venue) AS venue,
       (SELECT json_build_object('endpoint', i.endpoint, 'requestHash', encode(i.request_hash, 'hex'),
                                 'responseStatus', i.response_status, 'responseBody', i.response_body)
          FROM idempotency_records i
         WHERE i.organisation_id = venue.id AND i.key = read.value->>'key') AS earlier,
       found.*
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS read
 CROSS JOIN LATERAL (
       SELECT o.id,
              o.qualification_status AS "qualificationStatus",
              o.commune_insee_code AS "communeInseeCode",
              o.departement_code AS "departementCode",
              COALESCE((SELECT json_agg(json_build_object('id', s.id, 'category', s.category, 'maxVouchers', s.max_vouchers))
                          FROM venue_services s
                         WHERE s.venue_id = o.id AND s.active AND s.id = ANY((read.value->>'serviceIds')::uuid[])), '[]') AS services,
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'communeInseeCode', p.commune_insee_code,
                                                          'departementCode', p.departement_code))
                          FROM venue_sites p
                         WHERE p.venue_id = o.id AND p.active AND p.id = ANY((read.value->>'siteIds')::uuid[])), '[]') AS sites
         FROM organisations o
        WHERE o.id = (read.value->>'venueId')::uuid AND o.kind = 'venue' AND o.active) AS venue
  LEFT JOIN LATERAL (
       SELECT v.id, v.code_hash AS "codeHash", v.serial, v.status, v.face_value_cents AS "faceValueCents",
              v.expires_at AS "expiresAt",
              (((v.expires_at AT TIME ZONE 'Europe/Paris') + make_interval(days => p.grace_days)) AT TIME ZONE 'Europe/Paris') AS "redeemableUntil",
              v.issued_at AS "issuedAt", v.funder_id AS "funderId", v.order_id AS "orderId",
              o.programme_id AS "programmeId", o.territory_departements AS "territoryDepartements",
              o.territory_communes AS "territoryCommunes",
              p.offline_value_ceiling_cents AS "offlineValueCeilingCents",
              r.id AS "redemptionId", r.venue_id AS "redeemedByVenueId", r.scanned_at AS "redeemedAt",
              r.site_id AS "redeemedAtSiteId", s.name AS "redeemedAtSiteName", r.device_id AS "redeemedDeviceId"
         FROM vouchers v
         JOIN orders o ON o.id = v.order_id
         JOIN programmes p ON p.id = o.programme_id
         LEFT JOIN redemptions r ON r.voucher_id = v.id AND r.cancelled_at IS NULL
         LEFT JOIN venue_sites s ON s.id = r.site_id
        WHERE v.code_hash = ANY(ARRAY(SELECT decode(hash, 'hex') FROM jsonb_array_elements_text(read.value->'codeHashes') AS hash))) AS found ON true
