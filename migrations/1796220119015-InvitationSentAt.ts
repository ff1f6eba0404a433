import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a pending invitation was last e-mailed: invitations can now be sent again (a new link each time), so the
 * creation date no longer says it. Until now every invitation was sent once, when its user row was created.
 */
export class InvitationSentAt1796220119015 implements MigrationInterface {
  name = 'InvitationSentAt1796220119015';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "invitation_sent_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            UPDATE "users" SET "invitation_sent_at" = "created_at" WHERE "status" = 'invited'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "invitation_sent_at"
        `);
  }
}
