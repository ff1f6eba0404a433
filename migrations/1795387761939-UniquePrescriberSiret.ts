import { MigrationInterface, QueryRunner } from 'typeorm';

export class UniquePrescriberSiret1795387761939 implements MigrationInterface {
  name = 'UniquePrescriberSiret1795387761939';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organisations_prescriber_siret" ON "organisations" ("siret")
            WHERE kind = 'prescriber'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_organisations_prescriber_siret"
        `);
  }
}
