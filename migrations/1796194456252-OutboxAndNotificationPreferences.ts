import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail outbox (one row per message and recipient, unique per event and recipient, written in the
 * transaction of the event) and the notifications each user turned off.
 */
export class OutboxAndNotificationPreferences1796194456252 implements MigrationInterface {
  name = 'OutboxAndNotificationPreferences1796194456252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_key" text NOT NULL,
                "kind" text NOT NULL,
                "recipient_email" text NOT NULL,
                "recipient_user_id" uuid,
                "subject" text NOT NULL,
                "text_body" text NOT NULL,
                "html_body" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "dispatch_count" integer NOT NULL DEFAULT '0',
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_outbox_messages_sent_at" CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
                CONSTRAINT "ck_outbox_messages_status" CHECK (status IN ('pending', 'sent')),
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_messages_recipient_user" ON "outbox_messages" ("recipient_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_messages_pending" ON "outbox_messages" ("created_at")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_outbox_messages_event_recipient" ON "outbox_messages" ("event_key", "recipient_email")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_opt_outs" (
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_notification_opt_outs" PRIMARY KEY ("user_id", "kind")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages"
            ADD CONSTRAINT "fk_outbox_messages_recipient_user" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_opt_outs"
            ADD CONSTRAINT "fk_notification_opt_outs_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_opt_outs" DROP CONSTRAINT "fk_notification_opt_outs_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_recipient_user"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_opt_outs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_outbox_messages_event_recipient"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_messages_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_messages_recipient_user"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
  }
}
