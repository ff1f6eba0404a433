import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CursorPage } from '../common/http/cursor-page.query';
import { newestFirstPage } from '../database/newest-first-page';
import { AuditEventEntity } from './audit-event.entity';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paginated on the identity column: stable and fast on a table that only grows. */
  list(query: ListAuditEventsQuery): Promise<CursorPage<AuditEventEntity>> {
    const builder = this.dataSource.manager.createQueryBuilder(AuditEventEntity, 'a');
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.objectType) builder.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) builder.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.actorUserId) builder.andWhere('a.actor_user_id = :actorUserId', { actorUserId: query.actorUserId });
    if (query.organisationId) {
      builder.andWhere('(a.actor_organisation_id = :organisationId OR a.object_organisation_id = :organisationId)', {
        organisationId: query.organisationId,
      });
    }
    if (query.from) builder.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.occurred_at < :to', { to: query.to });
    return newestFirstPage(builder, 'a', query);
  }
}
