import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password reset by e-mail: the hash of the last link sent and its expiry, on the user (single use, replaced by a newer request). */
export class PasswordResetTokens1796195887141 implements MigrationInterface {
  name = 'PasswordResetTokens1796195887141';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_reset_token_hash" bytea
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_reset_expires_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_password_reset_token_hash" ON "users" ("password_reset_token_hash")
            WHERE password_reset_token_hash IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_password_reset_token_hash"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_reset_expires_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_reset_token_hash"
        `);
  }
}
