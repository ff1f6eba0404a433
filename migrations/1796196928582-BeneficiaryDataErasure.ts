import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GDPR: a beneficiary's personal data can be erased (retention period over, or on request), leaving the row
 * and an anonymous person id so that counts and reports stay whole.
 */
export class BeneficiaryDataErasure1796196928582 implements MigrationInterface {
  name = 'BeneficiaryDataErasure1796196928582';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD "person_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD "erased_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD "erasure_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ALTER COLUMN "first_name" DROP NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_beneficiaries_person_id" ON "beneficiaries" ("person_id")
            WHERE person_id IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD CONSTRAINT "ck_beneficiaries_erasure_reason" CHECK (
                    erasure_reason IS NULL
                    OR erasure_reason IN ('retention', 'request')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD CONSTRAINT "ck_beneficiaries_named" CHECK (
                    erased_at IS NOT NULL
                    OR first_name IS NOT NULL
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ADD CONSTRAINT "ck_beneficiaries_erased" CHECK (
                    erased_at IS NULL
                    OR (
                        first_name IS NULL
                        AND birth_year IS NULL
                        AND person_key IS NULL
                        AND erasure_reason IS NOT NULL
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP CONSTRAINT "ck_beneficiaries_erased"
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP CONSTRAINT "ck_beneficiaries_named"
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP CONSTRAINT "ck_beneficiaries_erasure_reason"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_beneficiaries_person_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries"
            ALTER COLUMN "first_name"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP COLUMN "erasure_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP COLUMN "erased_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "beneficiaries" DROP COLUMN "person_id"
        `);
  }
}
