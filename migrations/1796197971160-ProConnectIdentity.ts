import { MigrationInterface, QueryRunner } from 'typeorm';

/** ProConnect: the identity (`sub` per identity provider `idp_id`) a user is linked to at their first ProConnect sign-in. */
export class ProConnectIdentity1796197971160 implements MigrationInterface {
  name = 'ProConnectIdentity1796197971160';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "proconnect_sub" text
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "proconnect_idp_id" text
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_proconnect_identity" ON "users" ("proconnect_idp_id", "proconnect_sub")
            WHERE proconnect_sub IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "ck_users_proconnect_identity" CHECK (
                    (proconnect_sub IS NULL) = (proconnect_idp_id IS NULL)
                )
        `);
    // A person who signs in with ProConnect may never set a password.
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "ck_users_active_has_password"
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "ck_users_active_has_password" CHECK (status <> 'active' OR password_hash IS NOT NULL OR proconnect_sub IS NOT NULL)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "ck_users_active_has_password"
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "ck_users_active_has_password" CHECK (status <> 'active' OR password_hash IS NOT NULL)
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "ck_users_proconnect_identity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_proconnect_identity"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "proconnect_idp_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "proconnect_sub"
        `);
  }
}
