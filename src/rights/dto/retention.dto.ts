import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate } from '../../common/validation.js';

export class RetentionDueQueryDto {
  @ApiPropertyOptional({ format: 'date', example: '2027-01-31', description: 'Due on or before this day (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;
}

export class RetentionDueDto {
  @ApiProperty({ format: 'uuid' })
  situationId: string;

  @ApiProperty({ example: 'CC-2024-0042' })
  reference: string;

  @ApiProperty({ enum: ['closed', 'rejected', 'redirected'] })
  status: 'closed' | 'rejected' | 'redirected';

  @ApiProperty()
  endedAt: string;

  @ApiProperty()
  destroyOn: string;
}

export class PlaceLegalHoldDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  situationId: string;

  @ApiProperty({
    maxLength: 200,
    example: 'Réquisition judiciaire n° 2026/118',
    description: 'The procedure that requires keeping the file; never the person.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  reason: string;
}

export class LegalHoldDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  situationId: string;

  @ApiProperty({ example: 'CC-2024-0042' })
  reference: string;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  placedAt: string;
}
