import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerRedemptionsVenueQualification1795385136168 implements MigrationInterface {
  name = 'LedgerRedemptionsVenueQualification1795385136168';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "ledger_entries" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "kind" text NOT NULL,
                "amount_cents" bigint NOT NULL,
                "programme_id" uuid,
                "funder_id" uuid,
                "order_id" uuid,
                "venue_id" uuid,
                "voucher_id" uuid,
                "redemption_id" uuid,
                "statement_id" uuid,
                "reference" text,
                "reverses_entry_id" bigint,
                CONSTRAINT "ck_ledger_entries_kind" CHECK (
                    kind IN (
                        'order_face_value_due',
                        'operator_fee_due',
                        'funder_payment_received',
                        'redemption_owed_to_venue',
                        'venue_payment_made',
                        'expired_value_credit_note',
                        'state_share_due',
                        'state_share_paid'
                    )
                ),
                CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entries_programme_kind" ON "ledger_entries" ("programme_id", "kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entries_venue_kind" ON "ledger_entries" ("venue_id", "kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entries_funder_kind" ON "ledger_entries" ("funder_id", "kind")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ledger_entries_order" ON "ledger_entries" ("order_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "redemptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "voucher_id" uuid NOT NULL,
                "venue_id" uuid NOT NULL,
                "site_id" uuid,
                "funder_id" uuid NOT NULL,
                "order_id" uuid NOT NULL,
                "value_cents" integer NOT NULL,
                "service_category" text NOT NULL,
                "mode" text NOT NULL,
                "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "device_id" text,
                "redeemed_by_user_id" uuid,
                "redeemed_by_api_key_id" uuid,
                "statement_id" uuid,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_by_user_id" uuid,
                "cancellation_reason" text,
                CONSTRAINT "ck_redemptions_value" CHECK (value_cents > 0),
                CONSTRAINT "ck_redemptions_mode" CHECK (mode IN ('online', 'offline')),
                CONSTRAINT "PK_def143ab94376fea5985bb04219" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_funder" ON "redemptions" ("funder_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_statement" ON "redemptions" ("statement_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_venue_scanned" ON "redemptions" ("venue_id", "scanned_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_redemptions_voucher_active" ON "redemptions" ("voucher_id")
            WHERE cancelled_at IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD "qualification_status" text
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD "qualification_changed_at" TIMESTAMP WITH TIME ZONE
        `);
    // Venues registered before qualification existed start as pending.
    await queryRunner.query(
      `UPDATE "organisations" SET qualification_status = 'pending', qualification_changed_at = now() WHERE kind = 'venue'`,
    );
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD CONSTRAINT "ck_organisations_qualification" CHECK (
                    (kind = 'venue') = (qualification_status IS NOT NULL)
                    AND (
                        qualification_status IS NULL
                        OR qualification_status IN (
                            'pending',
                            'qualified',
                            'refused',
                            'suspended',
                            'withdrawn'
                        )
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "fk_redemptions_voucher" FOREIGN KEY ("voucher_id") REFERENCES "vouchers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "fk_redemptions_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Money trail: ledger lines are never updated or deleted; corrections are new lines.
    await queryRunner.query(`
            CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "ledger_entries"
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_entries_append_only ON "ledger_entries"`);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "fk_redemptions_venue"
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "fk_redemptions_voucher"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP CONSTRAINT "ck_organisations_qualification"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP COLUMN "qualification_changed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP COLUMN "qualification_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_redemptions_voucher_active"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_venue_scanned"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_statement"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_funder"
        `);
    await queryRunner.query(`
            DROP TABLE "redemptions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entries_order"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entries_funder_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entries_venue_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ledger_entries_programme_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entries"
        `);
  }
}
