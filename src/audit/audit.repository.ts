import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paginated on the identity column: stable and fast on a table that only grows. */
  async list(query: ListAuditEventsQuery): Promise<{ items: AuditEventEntity[]; nextCursor: string | null }> {
    const builder = this.dataSource.manager
      .createQueryBuilder(AuditEventEntity, 'a')
      .orderBy('a.id', 'DESC')
      .limit(query.limit + 1);
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
    if (query.cursor) builder.andWhere('a.id < :cursor', { cursor: query.cursor });
    const rows = await builder.getMany();
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }
}
