import { ApiProperty } from '@nestjs/swagger';
import type { Page } from './pagination.query';

type Constructor<T> = new (...args: never[]) => T;

const PAGES = new Map<Function, Function>();

/**
 * The one list shape of the API, `{ items, total, limit, offset }`, as a documented class per item
 * type (`OrderDto` → `OrderPageDto`): OpenAPI has no generics, and a generated client needs a name.
 */
export function PageOf<T>(item: Constructor<T>): Constructor<Page<T>> {
  const known = PAGES.get(item) as Constructor<Page<T>> | undefined;
  if (known) return known;
  class PageDto implements Page<T> {
    @ApiProperty({ type: () => [item] })
    items: T[];

    @ApiProperty({ type: 'integer', example: 1, description: 'Rows matching the filters, all pages together.' })
    total: number;

    @ApiProperty({ type: 'integer', example: 50 })
    limit: number;

    @ApiProperty({ type: 'integer', example: 0 })
    offset: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  PAGES.set(item, PageDto);
  return PageDto;
}
