import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CursorPage } from '../common/http/cursor-page.query';

/**
 * One page of `query`, newest first on the identity column `<alias>.id`, after `cursor` (exclusive).
 * One extra row is read to know whether another page follows.
 */
export async function newestFirstPage<Entity extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<Entity>,
  alias: string,
  page: { cursor?: string; limit: number },
): Promise<CursorPage<Entity>> {
  query.orderBy(`${alias}.id`, 'DESC').limit(page.limit + 1);
  if (page.cursor) query.andWhere(`${alias}.id < :cursor`, { cursor: page.cursor });
  const rows = await query.getMany();
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
}
