import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrganisationKind } from '../modules/organisations/organisation-kind';

export interface ActiveApiKeyRow {
  id: string;
  prefix: string;
  lastUsedAt: Date | null;
  organisationId: string;
  organisationKind: OrganisationKind;
}

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A key not revoked, of an active organisation; plain SQL, as it runs on every request that misses the actor cache. */
  async findActiveByHash(keyHash: Buffer): Promise<ActiveApiKeyRow | null> {
    const rows: ActiveApiKeyRow[] = await this.dataSource.query(
      `SELECT k.id, k.prefix, k.last_used_at AS "lastUsedAt", k.organisation_id AS "organisationId", o.kind AS "organisationKind"
         FROM api_keys k
         JOIN organisations o ON o.id = k.organisation_id AND o.active
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  async recordUse(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1`, [id, at]);
  }
}
