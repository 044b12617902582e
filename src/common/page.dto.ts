import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { MAX_PAGE_OFFSET } from './page-query.dto.js';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A documented page envelope for `itemType`, named after it in the OpenAPI document. */
export function PageOf<T>(itemType: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [itemType], maxItems: 200 })
    items: T[];

    @ApiProperty({
      type: 'integer',
      format: 'int64',
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Number of matching items, all pages together.',
    })
    total: number;

    @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 200 })
    limit: number;

    @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: MAX_PAGE_OFFSET })
    offset: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${itemType.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
