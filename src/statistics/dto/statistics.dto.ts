import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validation.js';

export class StatisticsQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'First day counted (default: 1 January of the current year).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day counted, included (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same protected tables, one line per cell.' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class StatisticsReportQueryDto {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: 'Civil year (default: the current year).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class StatCellDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Null when suppressed.' })
  value: number | null;

  @ApiPropertyOptional({
    enum: ['primary', 'secondary'],
    description: 'primary: a small count; secondary: hidden so that no small count can be recomputed.',
  })
  suppressed?: 'primary' | 'secondary';
}

export class StatLabelDto {
  @ApiProperty()
  key: string;

  @ApiProperty({ description: 'French label.' })
  label: string;
}

export class StatTableDto {
  @ApiProperty()
  key: string;

  @ApiProperty({ description: 'French title.' })
  title: string;

  @ApiProperty()
  rowTitle: string;

  @ApiProperty({ type: String, nullable: true })
  columnTitle: string | null;

  @ApiProperty({ type: [StatLabelDto] })
  rows: StatLabelDto[];

  @ApiProperty({ type: [StatLabelDto] })
  columns: StatLabelDto[];

  @ApiProperty({ type: 'array', items: { type: 'array', items: { $ref: getSchemaPath(StatCellDto) } } })
  cells: StatCellDto[][];

  @ApiProperty({ type: [StatCellDto], nullable: true, description: 'Two-way tables only.' })
  rowTotals: StatCellDto[] | null;

  @ApiProperty({ type: [StatCellDto], nullable: true, description: 'Two-way tables only.' })
  columnTotals: StatCellDto[] | null;

  @ApiProperty({ type: StatCellDto, nullable: true, description: 'Null when the cells do not add up.' })
  total: StatCellDto | null;

  @ApiProperty({ description: 'False when one situation may be counted in several rows.' })
  additive: boolean;

  @ApiPropertyOptional()
  note?: string;
}

export class StatDelayDto {
  @ApiProperty({ type: StatCellDto, description: 'Situations whose first session was held in the period.' })
  situations: StatCellDto;

  @ApiProperty({ type: Number, nullable: true, description: 'Days; null when fewer situations than the threshold.' })
  firstQuartile: number | null;

  @ApiProperty({ type: Number, nullable: true })
  median: number | null;

  @ApiProperty({ type: Number, nullable: true })
  thirdQuartile: number | null;
}

export class StatisticsDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ description: 'Counts from 1 to this number minus one are never published (ethics/policy.yaml).' })
  minimumCount: number;

  @ApiProperty({ description: 'Saisines recorded in the period (always given).' })
  saisines: number;

  @ApiProperty({ description: 'True when the saisines are fewer than the threshold: nothing but their number is given.' })
  withheld: boolean;

  @ApiProperty({ type: [StatTableDto] })
  tables: StatTableDto[];

  @ApiProperty({ type: StatDelayDto, nullable: true, description: 'From saisine to first session held.' })
  delayToFirstSession: StatDelayDto | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Commission sessions held in the period (not a count of persons).' })
  sessionsHeld: number | null;

  @ApiProperty({ type: StatCellDto, nullable: true, description: 'Situations reviewed in a session held in the period.' })
  situationsReviewed: StatCellDto | null;
}
