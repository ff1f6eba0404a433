import { MigrationInterface, QueryRunner } from 'typeorm';

export class VenuesRedemptionsIdempotency1795386108486 implements MigrationInterface {
  name = 'VenuesRedemptionsIdempotency1795386108486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "venue_services" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "venue_id" uuid NOT NULL,
                "label" text NOT NULL,
                "category" text NOT NULL,
                "duration_minutes" integer NOT NULL,
                "max_vouchers" smallint NOT NULL DEFAULT '1',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_venue_services_max_vouchers" CHECK (
                    max_vouchers BETWEEN 1 AND 10
                ),
                CONSTRAINT "ck_venue_services_duration" CHECK (
                    duration_minutes BETWEEN 15 AND 480
                ),
                CONSTRAINT "ck_venue_services_category" CHECK (
                    category IN (
                        'first_steps',
                        'online_procedures',
                        'employment',
                        'communication',
                        'online_safety',
                        'office_software',
                        'smartphone',
                        'parenting',
                        'other'
                    )
                ),
                CONSTRAINT "PK_e08e1c489bda9dff4eed304ba67" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_venue_services_venue" ON "venue_services" ("venue_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "venue_sites" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "venue_id" uuid NOT NULL,
                "name" text NOT NULL,
                "address_line" text NOT NULL,
                "postal_code" character(5) NOT NULL,
                "city" text NOT NULL,
                "commune_insee_code" character(5) NOT NULL,
                "departement_code" character varying(3) NOT NULL,
                "opening_hours" jsonb NOT NULL DEFAULT '[]',
                "accessibility_notes" text,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_087472d74455f2a5104bdcaac70" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_venue_sites_departement" ON "venue_sites" ("departement_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_venue_sites_commune" ON "venue_sites" ("commune_insee_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_venue_sites_venue" ON "venue_sites" ("venue_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "offline_batches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "venue_id" uuid NOT NULL,
                "device_id" text NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "submitted_by_user_id" uuid,
                "submitted_by_api_key_id" uuid,
                "item_count" integer NOT NULL,
                "accepted_count" integer NOT NULL,
                "accepted_value_cents" bigint NOT NULL,
                "results" jsonb NOT NULL,
                CONSTRAINT "ck_offline_batches_counts" CHECK (
                    item_count > 0
                    AND accepted_count BETWEEN 0 AND item_count
                    AND accepted_value_cents >= 0
                ),
                CONSTRAINT "PK_7a141aaf8647f01e495393f1df2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offline_batches_venue_time" ON "offline_batches" ("venue_id", "submitted_at")
        `);
    // One qualification history, written by the qualification use case with the decision, its reason and
    // who took it. The previous migration's trigger (status only) gives way to it: its rows become
    // decisions, and its registration rows go ("no event yet" already means pending).
    await queryRunner.query(`DROP TRIGGER venue_qualification_history ON "organisations"`);
    await queryRunner.query(`DROP FUNCTION venue_qualification_history()`);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" DROP CONSTRAINT "ck_venue_qualification_events_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" RENAME COLUMN "status" TO "to_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" RENAME COLUMN "changed_at" TO "decided_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            ADD "decision" text,
            ADD "from_status" text,
            ADD "reason" text,
            ADD "decided_by_user_id" uuid
        `);
    await queryRunner.query(`
            UPDATE "venue_qualification_events" e
               SET from_status = previous.from_status,
                   decision = CASE e.to_status WHEN 'qualified' THEN 'qualify' WHEN 'refused' THEN 'refuse'
                                               WHEN 'suspended' THEN 'suspend' WHEN 'withdrawn' THEN 'withdraw' END
              FROM (SELECT id, coalesce(lag(to_status) OVER (PARTITION BY venue_id ORDER BY decided_at, id), 'pending') AS from_status
                      FROM "venue_qualification_events") previous
             WHERE previous.id = e.id
        `);
    await queryRunner.query(`DELETE FROM "venue_qualification_events" WHERE to_status = 'pending'`);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" DROP COLUMN "recorded_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            ALTER COLUMN "decision" SET NOT NULL,
            ALTER COLUMN "from_status" SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            ADD CONSTRAINT "ck_venue_qualification_events_decision" CHECK (
                    decision IN ('qualify', 'refuse', 'suspend', 'withdraw')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            ADD CONSTRAINT "ck_venue_qualification_events_status" CHECK (
                    to_status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn')
                    AND from_status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn')
                )
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_records" (
                "organisation_id" uuid NOT NULL,
                "key" text NOT NULL,
                "endpoint" text NOT NULL,
                "request_hash" bytea NOT NULL,
                "response_status" smallint NOT NULL,
                "response_body" json NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_idempotency_records_status" CHECK (
                    response_status BETWEEN 100 AND 599
                ),
                CONSTRAINT "PK_821d179e72558a0f14b6f355534" PRIMARY KEY ("organisation_id", "key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD "service_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD "offline_batch_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "ck_redemptions_cancellation" CHECK (
                    (cancelled_at IS NULL) = (cancellation_reason IS NULL)
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "ck_redemptions_offline_fields" CHECK (
                    mode <> 'offline'
                    OR (
                        offline_batch_id IS NOT NULL
                        AND device_id IS NOT NULL
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_services"
            ADD CONSTRAINT "fk_venue_services_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD CONSTRAINT "fk_venue_sites_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "offline_batches"
            ADD CONSTRAINT "fk_offline_batches_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "fk_redemptions_site" FOREIGN KEY ("site_id") REFERENCES "venue_sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "fk_redemptions_service" FOREIGN KEY ("service_id") REFERENCES "venue_services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "fk_redemptions_offline_batch" FOREIGN KEY ("offline_batch_id") REFERENCES "offline_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Reconciliation relies on this history ("qualified at the moment of the scan"): never rewritten.
    await queryRunner.query(`
            CREATE TRIGGER venue_qualification_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "venue_qualification_events"
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER venue_qualification_events_append_only ON "venue_qualification_events"`);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "fk_redemptions_offline_batch"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "fk_redemptions_service"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "fk_redemptions_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "offline_batches" DROP CONSTRAINT "fk_offline_batches_venue"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP CONSTRAINT "fk_venue_sites_venue"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_services" DROP CONSTRAINT "fk_venue_services_venue"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "ck_redemptions_offline_fields"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "ck_redemptions_cancellation"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP COLUMN "offline_batch_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP COLUMN "service_id"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_records"
        `);
    // Back to the status-only history kept by a trigger, with a registration row per venue.
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" DROP CONSTRAINT "ck_venue_qualification_events_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" DROP CONSTRAINT "ck_venue_qualification_events_decision"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            DROP COLUMN "decided_by_user_id",
            DROP COLUMN "reason",
            DROP COLUMN "from_status",
            DROP COLUMN "decision",
            ADD "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            INSERT INTO "venue_qualification_events" (venue_id, to_status, decided_at)
            SELECT o.id, 'pending', least(o.created_at, (SELECT min(e.decided_at) - interval '1 millisecond' FROM "venue_qualification_events" e WHERE e.venue_id = o.id))
              FROM "organisations" o WHERE o.kind = 'venue'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" RENAME COLUMN "decided_at" TO "changed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" RENAME COLUMN "to_status" TO "status"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            ADD CONSTRAINT "ck_venue_qualification_events_status" CHECK (
                    status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn')
                )
        `);
    await queryRunner.query(`
            CREATE FUNCTION venue_qualification_history() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.kind = 'venue' AND NEW.qualification_status IS NOT NULL
                   AND (TG_OP = 'INSERT' OR OLD.qualification_status IS DISTINCT FROM NEW.qualification_status) THEN
                    INSERT INTO venue_qualification_events (venue_id, status, changed_at)
                    VALUES (NEW.id, NEW.qualification_status, coalesce(NEW.qualification_changed_at, now()));
                END IF;
                RETURN NULL;
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER venue_qualification_history AFTER INSERT OR UPDATE OF qualification_status ON "organisations"
            FOR EACH ROW EXECUTE FUNCTION venue_qualification_history()
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_offline_batches_venue_time"
        `);
    await queryRunner.query(`
            DROP TABLE "offline_batches"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_venue_sites_venue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_venue_sites_commune"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_venue_sites_departement"
        `);
    await queryRunner.query(`
            DROP TABLE "venue_sites"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_venue_services_venue"
        `);
    await queryRunner.query(`
            DROP TABLE "venue_services"
        `);
  }
}
