import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReimbursementsExpiryReconciliationReports1795385744207 implements MigrationInterface {
  name = 'ReimbursementsExpiryReconciliationReports1795385744207';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "job_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "trigger" text NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "job_key" text NOT NULL,
                "parameters" jsonb NOT NULL DEFAULT '{}',
                "summary" jsonb,
                "error" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "requested_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_job_runs_trigger" CHECK (trigger IN ('schedule', 'manual')),
                CONSTRAINT "ck_job_runs_status" CHECK (
                    status IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "ck_job_runs_kind" CHECK (
                    kind IN (
                        'reimbursement_statements',
                        'expiry',
                        'state_share',
                        'reconciliation'
                    )
                ),
                CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_job_runs_kind_created" ON "job_runs" ("kind", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_job_runs_job_key" ON "job_runs" ("job_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "venue_qualification_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "venue_id" uuid NOT NULL,
                "status" text NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_venue_qualification_events_status" CHECK (
                    status IN (
                        'pending',
                        'qualified',
                        'refused',
                        'suspended',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_39edd459f26d6ec262384e67e6d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_venue_qualification_events_venue_time" ON "venue_qualification_events" ("venue_id", "changed_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reconciliation_anomalies" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "run_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "object_type" text NOT NULL,
                "object_id" text NOT NULL,
                "related" jsonb NOT NULL DEFAULT '{}',
                "expected_cents" bigint,
                "actual_cents" bigint,
                "details" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_reconciliation_anomalies_kind" CHECK (
                    kind IN (
                        'order_payment_mismatch',
                        'order_due_mismatch',
                        'order_stock_mismatch',
                        'voucher_carnet_state_mismatch',
                        'voucher_redemption_mismatch',
                        'voucher_in_two_statements',
                        'statement_total_mismatch',
                        'statement_payment_mismatch',
                        'redemption_by_unqualified_venue',
                        'redemption_after_expiry',
                        'redemption_outside_territory',
                        'redemption_ledger_mismatch',
                        'venue_balance_mismatch',
                        'credit_note_mismatch',
                        'state_share_mismatch',
                        'state_share_overpaid'
                    )
                ),
                CONSTRAINT "PK_8396bb192c6c42a35fab4ed1c26" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reconciliation_anomalies_run_kind" ON "reconciliation_anomalies" ("run_id", "kind")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment_batches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "message_id" text NOT NULL,
                "status" text NOT NULL DEFAULT 'exported',
                "requested_execution_date" date NOT NULL,
                "transfer_count" integer NOT NULL,
                "control_sum_cents" bigint NOT NULL,
                "xml" text NOT NULL,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "bank_reference" text,
                "paid_on" date,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_payment_batches_confirmed" CHECK (
                    status <> 'confirmed'
                    OR (
                        paid_on IS NOT NULL
                        AND confirmed_at IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_payment_batches_amounts" CHECK (
                    transfer_count > 0
                    AND control_sum_cents > 0
                ),
                CONSTRAINT "ck_payment_batches_status" CHECK (status IN ('exported', 'confirmed', 'cancelled')),
                CONSTRAINT "PK_e4d5a580ac9151e9f93956f7e6e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_batches_message_id" ON "payment_batches" ("message_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "reimbursement_statements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" text NOT NULL,
                "venue_id" uuid NOT NULL,
                "run_id" uuid NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "redemption_count" integer NOT NULL,
                "total_cents" bigint NOT NULL,
                "pdf_path" text,
                "csv_path" text,
                "documents_ready_at" TIMESTAMP WITH TIME ZONE,
                "validated_at" TIMESTAMP WITH TIME ZONE,
                "validated_by_user_id" uuid,
                "payment_batch_id" uuid,
                "creditor_iban" text,
                "creditor_bic" text,
                "creditor_name" text,
                "payment_reference" text,
                "paid_on" date,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_reimbursement_statements_paid" CHECK (
                    status <> 'paid'
                    OR (
                        payment_reference IS NOT NULL
                        AND paid_on IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_reimbursement_statements_validated" CHECK (
                    status = 'draft'
                    OR validated_at IS NOT NULL
                ),
                CONSTRAINT "ck_reimbursement_statements_period" CHECK (period_start <= period_end),
                CONSTRAINT "ck_reimbursement_statements_amounts" CHECK (
                    redemption_count > 0
                    AND total_cents > 0
                ),
                CONSTRAINT "ck_reimbursement_statements_status" CHECK (status IN ('draft', 'validated', 'paid')),
                CONSTRAINT "PK_206448bc58bd33c1592ec67e894" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reimbursement_statements_payment_batch" ON "reimbursement_statements" ("payment_batch_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reimbursement_statements_status" ON "reimbursement_statements" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reimbursement_statements_venue" ON "reimbursement_statements" ("venue_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reimbursement_statements_number" ON "reimbursement_statements" ("number")
        `);
    await queryRunner.query(`
            CREATE TABLE "venue_bank_accounts" (
                "venue_id" uuid NOT NULL,
                "iban" text NOT NULL,
                "bic" text,
                "holder_name" text NOT NULL,
                "updated_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9b3eeec597d69798d002a6b3dd2" PRIMARY KEY ("venue_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "funding_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "funder_id" uuid,
                "status" text NOT NULL DEFAULT 'queued',
                "requested_by_organisation_id" uuid NOT NULL,
                "requested_by_user_id" uuid,
                "as_of" TIMESTAMP WITH TIME ZONE,
                "summary_csv_path" text,
                "funnel_csv_path" text,
                "xlsx_path" text,
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_funding_reports_ready" CHECK (
                    status <> 'ready'
                    OR (
                        summary_csv_path IS NOT NULL
                        AND funnel_csv_path IS NOT NULL
                        AND xlsx_path IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_funding_reports_status" CHECK (
                    status IN ('queued', 'running', 'ready', 'failed')
                ),
                CONSTRAINT "PK_32bcbf9540b0f763f1f1690a3ea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_funding_reports_funder" ON "funding_reports" ("funder_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_funding_reports_programme" ON "funding_reports" ("programme_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "funding_report_funnel_rows" (
                "report_id" uuid NOT NULL,
                "month" date NOT NULL,
                "carnets_issued" bigint NOT NULL,
                "carnets_first_use" bigint NOT NULL,
                "carnets_all_used" bigint NOT NULL,
                "vouchers_issued" bigint NOT NULL,
                "vouchers_redeemed" bigint NOT NULL,
                CONSTRAINT "PK_8fa13cdb9d6e190a830a6e26257" PRIMARY KEY ("report_id", "month")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "funding_report_rows" (
                "report_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "level" text NOT NULL,
                "code" text NOT NULL,
                "label" text NOT NULL,
                "carnets_ordered" bigint NOT NULL,
                "vouchers_ordered" bigint NOT NULL,
                "value_ordered_cents" bigint NOT NULL,
                "value_paid_cents" bigint NOT NULL,
                "fees_paid_cents" bigint NOT NULL,
                "vouchers_in_stock" bigint NOT NULL,
                "vouchers_allocated" bigint NOT NULL,
                "vouchers_issued" bigint NOT NULL,
                "vouchers_redeemed" bigint NOT NULL,
                "vouchers_expired" bigint NOT NULL,
                "vouchers_cancelled" bigint NOT NULL,
                "vouchers_ever_issued" bigint NOT NULL,
                "carnets_issued" bigint NOT NULL,
                "carnets_target_public" bigint NOT NULL,
                "carnets_with_issuance_record" bigint NOT NULL,
                "people_reached" bigint NOT NULL,
                "carnets_without_person_id" bigint NOT NULL,
                "target_public_min_rate_bp" integer NOT NULL,
                "venues_active" bigint NOT NULL,
                "value_redeemed_cents" bigint NOT NULL,
                "value_reimbursed_cents" bigint NOT NULL,
                "value_pending_cents" bigint NOT NULL,
                "state_share_due_cents" bigint NOT NULL,
                "state_share_paid_cents" bigint NOT NULL,
                "credit_note_cents" bigint NOT NULL,
                CONSTRAINT "ck_funding_report_rows_level" CHECK (level IN ('programme', 'funder', 'departement')),
                CONSTRAINT "PK_ba441d3d885836c234a56454336" PRIMARY KEY ("report_id", "position")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "state_share_computations" (
                "programme_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "as_of" TIMESTAMP WITH TIME ZONE NOT NULL,
                "redeemed_value_cents" bigint NOT NULL,
                "rate_bp" integer NOT NULL,
                "cap_cents" bigint NOT NULL,
                "due_cents" bigint NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e7ef17466e38809dee05c6a6c5b" PRIMARY KEY ("programme_id", "funder_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ledger_entries_credit_note_order" ON "ledger_entries" ("order_id")
            WHERE kind = 'expired_value_credit_note'
                AND reverses_entry_id IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_unclaimed" ON "redemptions" ("venue_id", "scanned_at")
            WHERE statement_id IS NULL
                AND cancelled_at IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events"
            ADD CONSTRAINT "fk_venue_qualification_events_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reconciliation_anomalies"
            ADD CONSTRAINT "fk_reconciliation_anomalies_run" FOREIGN KEY ("run_id") REFERENCES "job_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reimbursement_statements"
            ADD CONSTRAINT "fk_reimbursement_statements_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reimbursement_statements"
            ADD CONSTRAINT "fk_reimbursement_statements_run" FOREIGN KEY ("run_id") REFERENCES "job_runs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reimbursement_statements"
            ADD CONSTRAINT "fk_reimbursement_statements_payment_batch" FOREIGN KEY ("payment_batch_id") REFERENCES "payment_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_bank_accounts"
            ADD CONSTRAINT "fk_venue_bank_accounts_venue" FOREIGN KEY ("venue_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_reports"
            ADD CONSTRAINT "fk_funding_reports_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_reports"
            ADD CONSTRAINT "fk_funding_reports_funder" FOREIGN KEY ("funder_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_report_funnel_rows"
            ADD CONSTRAINT "fk_funding_report_funnel_rows_report" FOREIGN KEY ("report_id") REFERENCES "funding_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_report_rows"
            ADD CONSTRAINT "fk_funding_report_rows_report" FOREIGN KEY ("report_id") REFERENCES "funding_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "redemptions"
            ADD CONSTRAINT "fk_redemptions_statement" FOREIGN KEY ("statement_id") REFERENCES "reimbursement_statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
        `);
    // Statement numbers (RB-YYYY-NNNNNN) and SEPA message ids (PN-YYYYMMDD-NNNNNN): unique without a read-then-write race.
    await queryRunner.query(`CREATE SEQUENCE statement_number_seq START 1`);
    await queryRunner.query(`CREATE SEQUENCE payment_batch_number_seq START 1`);
    // Qualification history kept by PostgreSQL itself: every time a venue's status is set or changes.
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
    // Venues registered before the history existed: their current status, since it last changed.
    await queryRunner.query(`
            INSERT INTO venue_qualification_events (venue_id, status, changed_at)
            SELECT id, qualification_status, coalesce(qualification_changed_at, created_at) FROM organisations WHERE kind = 'venue'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER venue_qualification_history ON "organisations"`);
    await queryRunner.query(`DROP FUNCTION venue_qualification_history()`);
    await queryRunner.query(`DROP SEQUENCE payment_batch_number_seq`);
    await queryRunner.query(`DROP SEQUENCE statement_number_seq`);
    await queryRunner.query(`
            ALTER TABLE "redemptions" DROP CONSTRAINT "fk_redemptions_statement"
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_report_rows" DROP CONSTRAINT "fk_funding_report_rows_report"
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_report_funnel_rows" DROP CONSTRAINT "fk_funding_report_funnel_rows_report"
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_reports" DROP CONSTRAINT "fk_funding_reports_funder"
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_reports" DROP CONSTRAINT "fk_funding_reports_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_bank_accounts" DROP CONSTRAINT "fk_venue_bank_accounts_venue"
        `);
    await queryRunner.query(`
            ALTER TABLE "reimbursement_statements" DROP CONSTRAINT "fk_reimbursement_statements_payment_batch"
        `);
    await queryRunner.query(`
            ALTER TABLE "reimbursement_statements" DROP CONSTRAINT "fk_reimbursement_statements_run"
        `);
    await queryRunner.query(`
            ALTER TABLE "reimbursement_statements" DROP CONSTRAINT "fk_reimbursement_statements_venue"
        `);
    await queryRunner.query(`
            ALTER TABLE "reconciliation_anomalies" DROP CONSTRAINT "fk_reconciliation_anomalies_run"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_qualification_events" DROP CONSTRAINT "fk_venue_qualification_events_venue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_unclaimed"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ledger_entries_credit_note_order"
        `);
    await queryRunner.query(`
            DROP TABLE "state_share_computations"
        `);
    await queryRunner.query(`
            DROP TABLE "funding_report_rows"
        `);
    await queryRunner.query(`
            DROP TABLE "funding_report_funnel_rows"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_funding_reports_programme"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_funding_reports_funder"
        `);
    await queryRunner.query(`
            DROP TABLE "funding_reports"
        `);
    await queryRunner.query(`
            DROP TABLE "venue_bank_accounts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_reimbursement_statements_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reimbursement_statements_venue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reimbursement_statements_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reimbursement_statements_payment_batch"
        `);
    await queryRunner.query(`
            DROP TABLE "reimbursement_statements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_batches_message_id"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_batches"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reconciliation_anomalies_run_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "reconciliation_anomalies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_venue_qualification_events_venue_time"
        `);
    await queryRunner.query(`
            DROP TABLE "venue_qualification_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_job_runs_job_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_job_runs_kind_created"
        `);
    await queryRunner.query(`
            DROP TABLE "job_runs"
        `);
  }
}
