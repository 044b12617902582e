import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, IsOptionalButNotNull } from '../../common/validation.js';
import { ApiNameBeside } from '../../directory/response-names.js';

export class CorrectOutcomeDto {
  @ApiPropertyOptional({ maxLength: 20000, description: 'The corrected summary (encrypted).' })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 20000)
  summary?: string;

  @ApiPropertyOptional({ example: '2027-03-10', format: 'date' })
  @IsOptionalButNotNull()
  @IsCalendarDate()
  nextReviewDate?: string;

  @ApiProperty({ maxLength: 2000, description: 'Why it is corrected: kept with the earlier version (encrypted).' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class CorrectRecommendationDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'The corrected action (encrypted).' })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 2000)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The new carrier (a user); with carrierOrganizationId, replaces the carrier.' })
  @IsOptionalButNotNull()
  @IsUUID()
  carrierUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The new carrying structure.' })
  @IsOptionalButNotNull()
  @IsUUID()
  carrierOrganizationId?: string;

  @ApiPropertyOptional({ example: '2027-01-15', format: 'date' })
  @IsOptionalButNotNull()
  @IsCalendarDate()
  dueDate?: string;

  @ApiProperty({ maxLength: 2000, description: 'Why it is corrected: kept with the earlier version (encrypted).' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class OutcomeVersionDto {
  @ApiProperty()
  version: number;

  @ApiProperty()
  summary: string;

  @ApiProperty({ nullable: true, type: String })
  nextReviewDate: string | null;

  @ApiProperty({ format: 'uuid', description: 'Who wrote this version.' })
  recordedBy: string;

  @ApiNameBeside('recordedBy')
  recordedByName?: string | null;

  @ApiProperty()
  recordedAt: string;

  @ApiProperty({ format: 'uuid', description: 'Who replaced it.' })
  replacedBy: string;

  @ApiNameBeside('replacedBy')
  replacedByName?: string | null;

  @ApiProperty()
  replacedAt: string;

  @ApiProperty({ description: 'Why it was replaced.' })
  reason: string;
}

export class RecommendationVersionDto {
  @ApiProperty()
  version: number;

  @ApiProperty()
  action: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  carrierUserId: string | null;

  @ApiNameBeside('carrierUserId')
  carrierUserName?: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  carrierOrganizationId: string | null;

  @ApiNameBeside('carrierOrganizationId')
  carrierOrganizationName?: string | null;

  @ApiProperty()
  dueDate: string;

  @ApiProperty({ format: 'uuid', description: 'Who replaced it.' })
  replacedBy: string;

  @ApiNameBeside('replacedBy')
  replacedByName?: string | null;

  @ApiProperty()
  replacedAt: string;

  @ApiProperty({ description: 'Why it was replaced.' })
  reason: string;
}
