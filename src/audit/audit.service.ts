import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { systemActor } from '../auth/actor';
import { currentContext } from '../common/request-context';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  action: string;
  objectType: string;
  objectId: string;
  objectOrganisationId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes audit rows through the caller's transaction manager: an audit row exists if and only if
 * the change it describes was committed. The actor and request id come from the request (or job) context.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const context = currentContext();
    const actor = context?.actor ?? systemActor('system');
    await manager.insert(
      AuditEventEntity,
      records.map((record) => ({
        actorKind: actor.kind,
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId,
        actorOrganisationId: actor.organisationId,
        actorLabel: actor.label,
        action: record.action,
        objectType: record.objectType,
        objectId: record.objectId,
        objectOrganisationId: record.objectOrganisationId ?? null,
        before: record.before ?? null,
        after: record.after ?? null,
        requestId: context?.requestId ?? null,
      })) as QueryDeepPartialEntity<AuditEventEntity>[],
    );
  }
}
