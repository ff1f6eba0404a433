import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Venue sites carry what the national « standard des lieux de médiation numérique » (v1.0.1) describes:
 * lists of the standard's values as text arrays (empty = not said), OSM opening hours, coordinates,
 * contacts and links, and the `id` + `source` of an imported line (unique together, so a re-import finds
 * its site again). `venue_import_runs` holds each imported file, its progress and its rejected lines.
 * Every column is nullable or has a default: existing sites keep working unchanged.
 */
export class VenueStandard1796194809942 implements MigrationInterface {
  name = 'VenueStandard1796194809942';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "venue_import_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" text NOT NULL DEFAULT 'queued',
                "format" text NOT NULL,
                "file_name" text,
                "content" text NOT NULL,
                "total_lines" integer NOT NULL,
                "processed_lines" integer NOT NULL DEFAULT '0',
                "created_count" integer NOT NULL DEFAULT '0',
                "updated_count" integer NOT NULL DEFAULT '0',
                "unchanged_count" integer NOT NULL DEFAULT '0',
                "rejected_lines" jsonb NOT NULL DEFAULT '[]',
                "error" text,
                "requested_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_venue_import_runs_format" CHECK (format IN ('csv', 'json')),
                CONSTRAINT "ck_venue_import_runs_status" CHECK (
                    status IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "PK_5597eee575a133bc2679d89d12f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_venue_import_runs_created" ON "venue_import_runs" ("created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "external_id" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "external_source" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "standard_fingerprint" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "source_updated_on" date
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "address_complement" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "latitude" double precision
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "longitude" double precision
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "opening_hours_osm" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "typologies" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "phone" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "emails" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "websites" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "summary" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "description" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "parent_structure" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "itinerance" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "standard_services" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "publics" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "specific_support" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "fees" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "national_programmes" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "labels" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "other_labels" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "access_modes" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "support_modes" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "acceslibre_url" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "appointment_url" text
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites"
            ADD "accepts_pass_numerique" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_venue_sites_external" ON "venue_sites" ("external_source", "external_id")
            WHERE external_id IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_venue_sites_external"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "accepts_pass_numerique"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "appointment_url"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "acceslibre_url"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "support_modes"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "access_modes"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "other_labels"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "labels"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "national_programmes"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "fees"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "specific_support"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "publics"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "standard_services"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "itinerance"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "parent_structure"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "description"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "summary"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "websites"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "emails"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "phone"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "typologies"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "opening_hours_osm"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "longitude"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "latitude"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "address_complement"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "source_updated_on"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "standard_fingerprint"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "external_source"
        `);
    await queryRunner.query(`
            ALTER TABLE "venue_sites" DROP COLUMN "external_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_venue_import_runs_created"
        `);
    await queryRunner.query(`
            DROP TABLE "venue_import_runs"
        `);
  }
}
