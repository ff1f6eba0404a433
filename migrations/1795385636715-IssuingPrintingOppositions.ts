import { MigrationInterface, QueryRunner } from 'typeorm';

export class IssuingPrintingOppositions1795385636715 implements MigrationInterface {
  name = 'IssuingPrintingOppositions1795385636715';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "beneficiaries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "prescriber_id" uuid NOT NULL,
                "first_name" text NOT NULL,
                "birth_year" smallint,
                "commune_insee_code" character(5) NOT NULL,
                "departement_code" character varying(3) NOT NULL,
                "target_public" boolean NOT NULL,
                "person_key" bytea,
                "consent_given_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_beneficiaries_person_key" CHECK (
                    person_key IS NULL
                    OR octet_length(person_key) = 32
                ),
                CONSTRAINT "ck_beneficiaries_birth_year" CHECK (
                    birth_year IS NULL
                    OR birth_year BETWEEN 1900 AND 2100
                ),
                CONSTRAINT "PK_c9356d282dec80f7f12a9eef10a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_beneficiaries_person_key" ON "beneficiaries" ("person_key")
            WHERE person_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_beneficiaries_prescriber" ON "beneficiaries" ("prescriber_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "carnet_issuances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "carnet_id" uuid NOT NULL,
                "beneficiary_id" uuid NOT NULL,
                "prescriber_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "reason_category" text NOT NULL,
                "replaces_carnet_id" uuid,
                "issued_by_user_id" uuid,
                "issued_by_api_key_id" uuid,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_carnet_issuances_not_self" CHECK (
                    replaces_carnet_id IS NULL
                    OR replaces_carnet_id <> carnet_id
                ),
                CONSTRAINT "ck_carnet_issuances_reason" CHECK (
                    reason_category IN (
                        'administrative_procedures',
                        'employment',
                        'health',
                        'social_ties',
                        'education',
                        'parenting',
                        'housing',
                        'everyday_life',
                        'other'
                    )
                ),
                CONSTRAINT "PK_221b54bd3a2ee101ed5523bbbbe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_carnet_issuances_funder_issued" ON "carnet_issuances" ("funder_id", "issued_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_carnet_issuances_prescriber_issued" ON "carnet_issuances" ("prescriber_id", "issued_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_carnet_issuances_beneficiary" ON "carnet_issuances" ("beneficiary_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_carnet_issuances_replaces" ON "carnet_issuances" ("replaces_carnet_id")
            WHERE replaces_carnet_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_carnet_issuances_carnet" ON "carnet_issuances" ("carnet_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "voucher_revocations" (
                "version" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "voucher_id" uuid NOT NULL,
                "serial" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" text NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_27e21229ca20596884112383fa5" PRIMARY KEY ("version")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_voucher_revocations_voucher" ON "voucher_revocations" ("voucher_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "print_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "requested_by_user_id" uuid,
                "requested_by_api_key_id" uuid,
                "status" text NOT NULL DEFAULT 'queued',
                "carnet_ids" uuid array NOT NULL,
                "carnet_count" integer NOT NULL,
                "carnets_per_file" integer NOT NULL,
                "carnets_done" integer NOT NULL DEFAULT '0',
                "files" jsonb NOT NULL DEFAULT '[]',
                "failure_reason" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_print_runs_progress" CHECK (
                    carnet_count > 0
                    AND carnets_per_file > 0
                    AND carnets_done BETWEEN 0 AND carnet_count
                ),
                CONSTRAINT "ck_print_runs_status" CHECK (
                    status IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "PK_fa49028314aa8541557cbce2307" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_print_runs_organisation_created" ON "print_runs" ("organisation_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD CONSTRAINT "fk_beneficiaries_prescriber" FOREIGN KEY ("prescriber_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances"
            ADD CONSTRAINT "fk_carnet_issuances_carnet" FOREIGN KEY ("carnet_id") REFERENCES "carnets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances"
            ADD CONSTRAINT "fk_carnet_issuances_beneficiary" FOREIGN KEY ("beneficiary_id") REFERENCES "beneficiaries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances"
            ADD CONSTRAINT "fk_carnet_issuances_prescriber" FOREIGN KEY ("prescriber_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances"
            ADD CONSTRAINT "fk_carnet_issuances_replaces" FOREIGN KEY ("replaces_carnet_id") REFERENCES "carnets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "voucher_revocations"
            ADD CONSTRAINT "fk_voucher_revocations_voucher" FOREIGN KEY ("voucher_id") REFERENCES "vouchers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "print_runs"
            ADD CONSTRAINT "fk_print_runs_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Offline verifiers download this list incrementally: a line changed or removed after publication would never reach them.
    await queryRunner.query(`
            CREATE TRIGGER voucher_revocations_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "voucher_revocations"
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER voucher_revocations_append_only ON "voucher_revocations"`);
    await queryRunner.query(`
            ALTER TABLE "print_runs" DROP CONSTRAINT "fk_print_runs_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "voucher_revocations" DROP CONSTRAINT "fk_voucher_revocations_voucher"
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances" DROP CONSTRAINT "fk_carnet_issuances_replaces"
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances" DROP CONSTRAINT "fk_carnet_issuances_prescriber"
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances" DROP CONSTRAINT "fk_carnet_issuances_beneficiary"
        `);
    await queryRunner.query(`
            ALTER TABLE "carnet_issuances" DROP CONSTRAINT "fk_carnet_issuances_carnet"
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP CONSTRAINT "fk_beneficiaries_prescriber"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_print_runs_organisation_created"
        `);
    await queryRunner.query(`
            DROP TABLE "print_runs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_voucher_revocations_voucher"
        `);
    await queryRunner.query(`
            DROP TABLE "voucher_revocations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_carnet_issuances_carnet"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_carnet_issuances_replaces"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_carnet_issuances_beneficiary"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_carnet_issuances_prescriber_issued"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_carnet_issuances_funder_issued"
        `);
    await queryRunner.query(`
            DROP TABLE "carnet_issuances"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_beneficiaries_prescriber"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_beneficiaries_person_key"
        `);
    await queryRunner.query(`
            DROP TABLE "beneficiaries"
        `);
  }
}
