import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
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

  insert(
    manager: EntityManager,
    key: Pick<ApiKeyEntity, 'organisationId' | 'name' | 'prefix' | 'keyHash' | 'createdByUserId'>,
  ): Promise<ApiKeyEntity> {
    return manager.save(manager.create(ApiKeyEntity, key));
  }

  /** An organisation's keys, newest first, revoked ones included. */
  listOfOrganisation(organisationId: string, limit: number, offset: number): Promise<[ApiKeyEntity[], number]> {
    return this.dataSource.manager.findAndCount(ApiKeyEntity, {
      where: { organisationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** A key of this organisation not yet revoked, locked until the caller's transaction ends. */
  findActiveForUpdate(manager: EntityManager, id: string, organisationId: string): Promise<ApiKeyEntity | null> {
    return manager.findOne(ApiKeyEntity, { where: { id, organisationId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  async markRevoked(manager: EntityManager, key: ApiKeyEntity, at: Date): Promise<void> {
    await manager.update(ApiKeyEntity, { id: key.id }, { revokedAt: at });
  }
}
