import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyRetention1795397485056 implements MigrationInterface {
  name = 'IdempotencyRetention1795397485056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "ix_idempotency_records_created" ON "idempotency_records" ("created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_idempotency_records_created"
        `);
  }
}
