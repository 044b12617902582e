import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { PageOf } from '../../common/page.dto.js';
import { IsCalendarDate, IsOptionalButNotNull } from '../../common/validation.js';

export const RIGHTS_KINDS = ['access', 'rectification', 'objection', 'restriction', 'erasure'] as const;
export type RightsKind = (typeof RIGHTS_KINDS)[number];
export const RIGHTS_STATUSES = ['received', 'in_progress', 'answered'] as const;
export type RightsStatus = (typeof RIGHTS_STATUSES)[number];
export const RIGHTS_OUTCOMES = ['granted', 'partially_granted', 'refused_legal_obligation', 'refused_unfounded', 'no_data_held'] as const;
export type RightsOutcome = (typeof RIGHTS_OUTCOMES)[number];

export class CreateRightsRequestDto {
  @ApiProperty({
    enum: RIGHTS_KINDS,
    description: 'GDPR articles 15 (access), 16 (rectification), 21 (objection), 18 (restriction), 17 (erasure).',
  })
  @IsIn(RIGHTS_KINDS)
  kind: RightsKind;

  @ApiProperty({ format: 'date', description: 'The day the request reached the CLSM; the one-month deadline runs from it.' })
  @IsCalendarDate({ notInFuture: true })
  receivedOn: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The situation concerned, when the person has one.' })
  @IsOptionalButNotNull()
  @IsUUID()
  situationId?: string;
}

export class UpdateRightsRequestDto {
  @ApiPropertyOptional({ enum: RIGHTS_STATUSES })
  @IsOptionalButNotNull()
  @IsIn(RIGHTS_STATUSES)
  status?: RightsStatus;

  @ApiPropertyOptional({ enum: RIGHTS_OUTCOMES, description: 'Required with status answered.' })
  @IsOptionalButNotNull()
  @IsIn(RIGHTS_OUTCOMES)
  outcome?: RightsOutcome;

  @ApiPropertyOptional({ format: 'date', description: 'Required with status answered.' })
  @IsOptionalButNotNull()
  @IsCalendarDate({ notInFuture: true })
  answeredOn?: string;

  @ApiPropertyOptional({
    description:
      'Extends the deadline by two months (GDPR art. 12.3: complexity or number of requests; the person is told within the first month).',
  })
  @IsOptionalButNotNull()
  @IsBoolean()
  extended?: boolean;
}

export class RightsRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RIGHTS_STATUSES })
  @IsOptional()
  @IsIn(RIGHTS_STATUSES)
  status?: RightsStatus;

  @ApiPropertyOptional({ enum: ['true'], description: 'Only requests not answered by their deadline.' })
  @IsOptional()
  @IsIn(['true'])
  overdue?: 'true';
}

export class RightsRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RIGHTS_KINDS })
  kind: RightsKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  situationId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The case reference (never a name).' })
  situationReference: string | null;

  @ApiProperty({ format: 'date' })
  receivedOn: string;

  @ApiProperty({ format: 'date', description: 'One month after receipt (three when extended).' })
  deadline: string;

  @ApiProperty()
  extended: boolean;

  @ApiProperty({ enum: RIGHTS_STATUSES })
  status: RightsStatus;

  @ApiProperty({ enum: RIGHTS_OUTCOMES, nullable: true })
  outcome: RightsOutcome | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  answeredOn: string | null;

  @ApiProperty({ description: 'Not answered and past its deadline.' })
  overdue: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class RightsRequestPageDto extends PageOf(RightsRequestDto) {}
