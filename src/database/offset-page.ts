import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page } from '../common/http/pagination.query';

/** One page of an ordered query, with the total count of rows matching it. */
export async function offsetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: { limit: number; offset: number },
): Promise<Page<T>> {
  const [items, total] = await query.take(page.limit).skip(page.offset).getManyAndCount();
  return { items, total, limit: page.limit, offset: page.offset };
}
