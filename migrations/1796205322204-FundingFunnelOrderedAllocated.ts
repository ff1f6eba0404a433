import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The usage funnel of a funding report also counts, per month, the carnets ordered and the carnets
 * allocated to prescribers (the first two steps of the funnel the dashboards draw). Reports made before
 * hold 0 there: the default only fills existing rows, new rows always carry both counts.
 */
export class FundingFunnelOrderedAllocated1796205322204 implements MigrationInterface {
  name = 'FundingFunnelOrderedAllocated1796205322204';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "funding_report_funnel_rows"
            ADD "carnets_ordered" bigint NOT NULL DEFAULT 0,
            ADD "carnets_allocated" bigint NOT NULL DEFAULT 0
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_report_funnel_rows"
            ALTER COLUMN "carnets_ordered" DROP DEFAULT,
            ALTER COLUMN "carnets_allocated" DROP DEFAULT
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "funding_report_funnel_rows"
            DROP COLUMN "carnets_allocated",
            DROP COLUMN "carnets_ordered"
        `);
  }
}
