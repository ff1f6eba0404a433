import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../common/http/pagination.query';
import { offsetPage } from '../database/offset-page';
import { AuditEventEntity } from './audit-event.entity';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest first (identity column), in the API's one list shape. Rows appended while a reader pages
   * shift the pages; a reader who needs a fixed set pins it with `to`.
   */
  list(query: ListAuditEventsQuery): Promise<Page<AuditEventEntity>> {
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
    return offsetPage(builder.orderBy('a.id', 'DESC'), query);
  }
}
