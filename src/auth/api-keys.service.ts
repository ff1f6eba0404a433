import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors/common-errors';
import type { Page, PaginationQuery } from '../common/http/pagination.query';
import { TransactionRunner } from '../database/transaction-runner';
import type { OrganisationActor } from './actor';
import { ActorCache } from './actor-cache';
import type { ApiKeyEntity } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';
import { API_KEY_PREFIX } from './auth.service';
import { newSecretToken, sha256 } from './secret-token';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly apiKeys: ApiKeysRepository,
    private readonly audit: AuditService,
    private readonly actorCache: ActorCache,
  ) {}

  /** The clear key is returned here and never again. */
  async create(actor: OrganisationActor, name: string): Promise<ApiKeyView & { key: string }> {
    const key = `${API_KEY_PREFIX}${newSecretToken(32)}`;
    const prefix = key.slice(0, API_KEY_PREFIX.length + 6);
    const createdByUserId = actor.userId;
    // The route is for signed-in people only (an API key cannot create another key).
    if (!createdByUserId) throw new Error('An API key is created by a person: the actor has no user id.');
    return this.transactions.run(async (manager) => {
      const saved = await this.apiKeys.insert(manager, {
        organisationId: actor.organisationId,
        name,
        prefix,
        keyHash: sha256(key),
        createdByUserId,
      });
      await this.audit.record(manager, {
        action: 'api_key.created',
        objectType: 'api_key',
        objectId: saved.id,
        objectOrganisationId: saved.organisationId,
        after: { name, prefix },
      });
      return { ...toView(saved), key };
    });
  }

  /** `organisationId`: ANCT reading another organisation's keys; the actor's own organisation otherwise. */
  async list(actor: OrganisationActor, page: PaginationQuery, organisationId = actor.organisationId): Promise<Page<ApiKeyView>> {
    const [keys, total] = await this.apiKeys.listOfOrganisation(organisationId, page.limit, page.offset);
    return { items: keys.map(toView), total, limit: page.limit, offset: page.offset };
  }

  /** `organisationId`: ANCT revoking another organisation's key (a leaked one); the actor's own organisation otherwise. */
  async revoke(actor: OrganisationActor, id: string, organisationId = actor.organisationId): Promise<ApiKeyView> {
    const revoked = await this.transactions.run(async (manager) => {
      const key = await this.apiKeys.findActiveForUpdate(manager, id, organisationId);
      if (!key) throw new NotFoundError('API key');
      key.revokedAt = new Date();
      await this.apiKeys.markRevoked(manager, key, key.revokedAt);
      await this.audit.record(manager, {
        action: 'api_key.revoked',
        objectType: 'api_key',
        objectId: key.id,
        objectOrganisationId: key.organisationId,
        before: { revokedAt: null },
        after: { revokedAt: key.revokedAt.toISOString() },
      });
      return toView(key);
    });
    await this.actorCache.invalidateEverywhere();
    return revoked;
  }
}

function toView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}
