import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795384380875 implements MigrationInterface {
  name = 'Foundation1795384380875';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_kind" text NOT NULL,
                "actor_user_id" uuid,
                "actor_api_key_id" uuid,
                "actor_organisation_id" uuid,
                "actor_label" text NOT NULL,
                "action" text NOT NULL,
                "object_type" text NOT NULL,
                "object_id" text NOT NULL,
                "object_organisation_id" uuid,
                "before" jsonb,
                "after" jsonb,
                "request_id" text,
                CONSTRAINT "ck_audit_events_actor_kind" CHECK (actor_kind IN ('user', 'api_key', 'system')),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_action" ON "audit_events" ("action")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_time" ON "audit_events" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_organisation_time" ON "audit_events" ("actor_organisation_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_object" ON "audit_events" ("object_type", "object_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "name" text NOT NULL,
                "siren" character(9),
                "siret" character(14),
                "funder_kind" text,
                "departement_code" character varying(3),
                "commune_insee_code" character(5),
                "address_line" text,
                "postal_code" character(5),
                "city" text,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_organisations_siret_fields" CHECK (
                    kind NOT IN ('venue', 'prescriber')
                    OR siret IS NOT NULL
                ),
                CONSTRAINT "ck_organisations_funder_fields" CHECK (
                    kind <> 'funder'
                    OR (
                        siren IS NOT NULL
                        AND funder_kind IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_organisations_funder_kind" CHECK (
                    funder_kind IS NULL
                    OR funder_kind IN (
                        'region',
                        'departement',
                        'epci',
                        'metropole',
                        'commune',
                        'syndicat_mixte'
                    )
                ),
                CONSTRAINT "ck_organisations_kind" CHECK (
                    kind IN ('anct', 'funder', 'prescriber', 'venue')
                ),
                CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_organisations_kind" ON "organisations" ("kind")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organisations_funder_siren" ON "organisations" ("siren")
            WHERE kind = 'funder'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_organisations_venue_siret" ON "organisations" ("siret")
            WHERE kind = 'venue'
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "name" text NOT NULL,
                "prefix" text NOT NULL,
                "key_hash" bytea NOT NULL,
                "created_by_user_id" uuid NOT NULL,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_api_keys_organisation" ON "api_keys" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_api_keys_hash" ON "api_keys" ("key_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "email" text NOT NULL,
                "display_name" text NOT NULL,
                "role" text NOT NULL,
                "is_organisation_admin" boolean NOT NULL DEFAULT false,
                "status" text NOT NULL DEFAULT 'invited',
                "password_hash" text,
                "invitation_token_hash" bytea,
                "invitation_expires_at" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_users_active_has_password" CHECK (
                    status <> 'active'
                    OR password_hash IS NOT NULL
                ),
                CONSTRAINT "ck_users_email_lower" CHECK (email = lower(email)),
                CONSTRAINT "ck_users_status" CHECK (status IN ('invited', 'active', 'deactivated')),
                CONSTRAINT "ck_users_role" CHECK (
                    role IN (
                        'anct_admin',
                        'funder_manager',
                        'prescriber_agent',
                        'venue_agent'
                    )
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_invitation_token_hash" ON "users" ("invitation_token_hash")
            WHERE invitation_token_hash IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_organisation" ON "users" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "rotated_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_user" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "prescriber_funders" (
                "prescriber_id" uuid NOT NULL,
                "funder_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_935dfea942ec41deb301cd81221" PRIMARY KEY ("prescriber_id", "funder_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_prescriber_funders_funder" ON "prescriber_funders" ("funder_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "api_keys"
            ADD CONSTRAINT "fk_api_keys_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "fk_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "prescriber_funders"
            ADD CONSTRAINT "fk_prescriber_funders_prescriber" FOREIGN KEY ("prescriber_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "prescriber_funders"
            ADD CONSTRAINT "fk_prescriber_funders_funder" FOREIGN KEY ("funder_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Public money: the audit trail is append-only, enforced by the database itself.
    await queryRunner.query(`
            CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION refuse_change_to_append_only_table()`);
    await queryRunner.query(`
            ALTER TABLE "prescriber_funders" DROP CONSTRAINT "fk_prescriber_funders_funder"
        `);
    await queryRunner.query(`
            ALTER TABLE "prescriber_funders" DROP CONSTRAINT "fk_prescriber_funders_prescriber"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_keys" DROP CONSTRAINT "fk_api_keys_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_prescriber_funders_funder"
        `);
    await queryRunner.query(`
            DROP TABLE "prescriber_funders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_refresh_tokens_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_family"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_invitation_token_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_api_keys_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_api_keys_organisation"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_organisations_venue_siret"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_organisations_funder_siren"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_organisations_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_object"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_organisation_time"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_time"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_action"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
