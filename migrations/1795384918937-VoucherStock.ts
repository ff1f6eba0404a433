import { MigrationInterface, QueryRunner } from 'typeorm';

export class VoucherStock1795384918937 implements MigrationInterface {
  name = 'VoucherStock1795384918937';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "programmes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "year" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "face_value_cents" integer NOT NULL DEFAULT '1000',
                "allowed_carnet_sizes" integer array NOT NULL DEFAULT '{5,10}',
                "state_share_rate_bp" integer NOT NULL DEFAULT '5000',
                "default_funder_cap_cents" bigint NOT NULL DEFAULT '300000000',
                "minimum_order_cents" bigint NOT NULL DEFAULT '1000000',
                "operator_fee_rate_bp" integer NOT NULL DEFAULT '400',
                "valid_until" date NOT NULL,
                "grace_days" integer NOT NULL DEFAULT '31',
                "target_public_min_rate_bp" integer NOT NULL DEFAULT '5000',
                "offline_value_ceiling_cents" bigint NOT NULL DEFAULT '50000',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_programmes_grace" CHECK (grace_days >= 0),
                CONSTRAINT "ck_programmes_amounts" CHECK (
                    minimum_order_cents >= 0
                    AND default_funder_cap_cents >= 0
                    AND offline_value_ceiling_cents >= 0
                ),
                CONSTRAINT "ck_programmes_rates" CHECK (
                    state_share_rate_bp BETWEEN 0 AND 10000
                    AND operator_fee_rate_bp BETWEEN 0 AND 10000
                    AND target_public_min_rate_bp BETWEEN 0 AND 10000
                ),
                CONSTRAINT "ck_programmes_face_value" CHECK (face_value_cents > 0),
                CONSTRAINT "ck_programmes_status" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_name_year" ON "programmes" ("name", "year")
        `);
    await queryRunner.query(`
            CREATE TABLE "orders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" text NOT NULL,
                "sequence" integer NOT NULL,
                "programme_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "carnet_count" integer NOT NULL,
                "carnet_size" integer NOT NULL,
                "face_value_cents" integer NOT NULL,
                "face_value_total_cents" bigint NOT NULL,
                "fee_cents" bigint NOT NULL,
                "total_due_cents" bigint NOT NULL,
                "max_state_share_cents" bigint NOT NULL,
                "personalisation_text" text,
                "territory_departements" text array NOT NULL DEFAULT '{}',
                "territory_communes" text array NOT NULL DEFAULT '{}',
                "rejection_reason" text,
                "payment_reference" text,
                "payment_date" date,
                "generation_done" integer NOT NULL DEFAULT '0',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                "ready_at" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_orders_amounts" CHECK (
                    face_value_total_cents >= 0
                    AND fee_cents >= 0
                    AND total_due_cents = face_value_total_cents + fee_cents
                ),
                CONSTRAINT "ck_orders_counts" CHECK (
                    carnet_count > 0
                    AND carnet_size > 0
                    AND generation_done >= 0
                    AND generation_done <= carnet_count
                ),
                CONSTRAINT "ck_orders_status" CHECK (
                    status IN (
                        'draft',
                        'submitted',
                        'approved',
                        'rejected',
                        'paid',
                        'generating',
                        'ready',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_orders_programme" ON "orders" ("programme_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_orders_funder_status" ON "orders" ("funder_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_orders_number" ON "orders" ("number")
        `);
    await queryRunner.query(`
            CREATE TABLE "carnets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "order_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "number" text NOT NULL,
                "size" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'in_stock',
                "prescriber_id" uuid,
                "allocated_at" TIMESTAMP WITH TIME ZONE,
                "issued_at" TIMESTAMP WITH TIME ZONE,
                "cancellation_reason" text,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_carnets_allocation" CHECK (
                    status NOT IN ('allocated', 'issued')
                    OR prescriber_id IS NOT NULL
                ),
                CONSTRAINT "ck_carnets_status" CHECK (
                    status IN (
                        'in_stock',
                        'allocated',
                        'issued',
                        'fully_used',
                        'expired',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_3ff541f0cdd3eba4a5c064f04ab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_carnets_prescriber_status" ON "carnets" ("prescriber_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_carnets_funder_status" ON "carnets" ("funder_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_carnets_number" ON "carnets" ("number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_carnets_order_sequence" ON "carnets" ("order_id", "sequence")
        `);
    await queryRunner.query(`
            CREATE TABLE "programme_enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "envelope_cents" bigint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_programme_enrolments_envelope" CHECK (envelope_cents >= 0),
                CONSTRAINT "PK_a65eb5d74ae813c18ca74bfeeb2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_programme_enrolments_funder" ON "programme_enrolments" ("funder_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programme_enrolments_programme_funder" ON "programme_enrolments" ("programme_id", "funder_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "vouchers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "carnet_id" uuid NOT NULL,
                "order_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "serial" text NOT NULL,
                "code_hash" bytea NOT NULL,
                "code_key_version" smallint NOT NULL,
                "code_nonce" bytea NOT NULL,
                "face_value_cents" integer NOT NULL,
                "status" text NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE,
                "redeemed_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancellation_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_vouchers_face_value" CHECK (face_value_cents > 0),
                CONSTRAINT "ck_vouchers_status" CHECK (
                    status IN (
                        'generated',
                        'active',
                        'allocated',
                        'issued',
                        'redeemed',
                        'expired',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_ed1b7dd909a696560763acdbc04" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_vouchers_funder_status" ON "vouchers" ("funder_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_vouchers_order_status" ON "vouchers" ("order_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_vouchers_carnet_position" ON "vouchers" ("carnet_id", "position")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_vouchers_code_hash" ON "vouchers" ("code_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_vouchers_serial" ON "vouchers" ("serial")
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "fk_orders_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "orders"
            ADD CONSTRAINT "fk_orders_funder" FOREIGN KEY ("funder_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "carnets"
            ADD CONSTRAINT "fk_carnets_order" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "carnets"
            ADD CONSTRAINT "fk_carnets_prescriber" FOREIGN KEY ("prescriber_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_enrolments"
            ADD CONSTRAINT "fk_programme_enrolments_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_enrolments"
            ADD CONSTRAINT "fk_programme_enrolments_funder" FOREIGN KEY ("funder_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "vouchers"
            ADD CONSTRAINT "fk_vouchers_carnet" FOREIGN KEY ("carnet_id") REFERENCES "carnets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Order numbers (YYYY-NNNN) come from one sequence: unique without a read-then-write race.
    await queryRunner.query(`CREATE SEQUENCE order_number_seq START 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE order_number_seq`);
    await queryRunner.query(`
            ALTER TABLE "vouchers" DROP CONSTRAINT "fk_vouchers_carnet"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_enrolments" DROP CONSTRAINT "fk_programme_enrolments_funder"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme_enrolments" DROP CONSTRAINT "fk_programme_enrolments_programme"
        `);
    await queryRunner.query(`
            ALTER TABLE "carnets" DROP CONSTRAINT "fk_carnets_prescriber"
        `);
    await queryRunner.query(`
            ALTER TABLE "carnets" DROP CONSTRAINT "fk_carnets_order"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_funder"
        `);
    await queryRunner.query(`
            ALTER TABLE "orders" DROP CONSTRAINT "fk_orders_programme"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_vouchers_serial"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_vouchers_code_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_vouchers_carnet_position"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_vouchers_order_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_vouchers_funder_status"
        `);
    await queryRunner.query(`
            DROP TABLE "vouchers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_programme_enrolments_programme_funder"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_programme_enrolments_funder"
        `);
    await queryRunner.query(`
            DROP TABLE "programme_enrolments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_carnets_order_sequence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_carnets_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_carnets_funder_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_carnets_prescriber_status"
        `);
    await queryRunner.query(`
            DROP TABLE "carnets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_orders_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_orders_funder_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_orders_programme"
        `);
    await queryRunner.query(`
            DROP TABLE "orders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_programmes_name_year"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
  }
}
