import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Venues registered by ANCT used to get no site, so they were missing from the public directory
 * although they could redeem and were printed on carnets. They now get their seat as first site,
 * like an application; this gives one to those registered before, from their own address (opening
 * hours unknown), audited as done by the migration. A venue that closed all its sites keeps none.
 */
export class SeatSiteForVenuesWithoutSite1796194425825 implements MigrationInterface {
  name = 'SeatSiteForVenuesWithoutSite1796194425825';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH seat AS (
        INSERT INTO venue_sites (venue_id, name, address_line, postal_code, city, commune_insee_code, departement_code)
        SELECT o.id, o.name, o.address_line, o.postal_code, o.city, o.commune_insee_code, o.departement_code
          FROM organisations o
         WHERE o.kind = 'venue'
           AND o.address_line IS NOT NULL AND o.postal_code IS NOT NULL AND o.city IS NOT NULL
           AND o.commune_insee_code IS NOT NULL AND o.departement_code IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM venue_sites s WHERE s.venue_id = o.id)
        RETURNING id, venue_id, name
      )
      INSERT INTO audit_events (actor_kind, actor_label, action, object_type, object_id, object_organisation_id, after)
      SELECT 'system', 'migration:SeatSiteForVenuesWithoutSite', 'venue_site.created', 'venue_site', seat.id::text, seat.venue_id,
             jsonb_build_object('name', seat.name, 'cause', 'seat of a venue registered without a site')
        FROM seat
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Only the sites this migration added and nothing has used since (a redemption names its site).
    await queryRunner.query(`
      DELETE FROM venue_sites s
       USING audit_events a
       WHERE a.action = 'venue_site.created' AND a.actor_label = 'migration:SeatSiteForVenuesWithoutSite' AND a.object_id = s.id::text
         AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.site_id = s.id)
    `);
  }
}
