import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A documented page envelope for `itemType`, named after it in the OpenAPI document. */
export function PageOf<T>(itemType: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [itemType] })
    items: T[];

    @ApiProperty({ description: 'Number of matching items, all pages together.' })
    total: number;

    @ApiProperty()
    limit: number;

    @ApiProperty()
    offset: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${itemType.name.replace(/Dto$/, '')}PageDto` });
  return PageDto;
}
