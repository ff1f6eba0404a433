import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type Actor, systemActor } from '../auth/actor';
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
 * Who and which request an audit row is written for, as SQL that writes its own audit rows takes it: the
 * composite type `audit_actor` of `redeem_vouchers` (src/modules/redemptions/sql/redemption-request.sql).
 */
export interface AuditActorRow {
  kind: Actor['kind'];
  user_id: string | null;
  api_key_id: string | null;
  organisation_id: string | null;
  label: string;
  request_id: string | null;
}

/** The request's (or job's) actor, as `AuditService.record` stamps its rows. */
export function currentAuditActor(): AuditActorRow {
  const context = currentContext();
  const actor = context?.actor ?? systemActor('system');
  return {
    kind: actor.kind,
    user_id: actor.userId,
    api_key_id: actor.apiKeyId,
    organisation_id: actor.organisationId,
    label: actor.label,
    request_id: context?.requestId ?? null,
  };
}

/**
 * Writes audit rows through the caller's transaction manager: an audit row exists if and only if
 * the change it describes was committed. The actor and request id come from the request (or job) context.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const actor = currentAuditActor();
    await manager.insert(
      AuditEventEntity,
      records.map((record) => ({
        actorKind: actor.kind,
        actorUserId: actor.user_id,
        actorApiKeyId: actor.api_key_id,
        actorOrganisationId: actor.organisation_id,
        actorLabel: actor.label,
        action: record.action,
        objectType: record.objectType,
        objectId: record.objectId,
        objectOrganisationId: record.objectOrganisationId ?? null,
        before: record.before ?? null,
        after: record.after ?? null,
        requestId: actor.request_id,
      })) as QueryDeepPartialEntity<AuditEventEntity>[],
    );
  }
}
