import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsOptionalButNotNull } from '../../common/validation.js';
import {
  CLOSURE_OUTCOMES,
  PROBLEM_AREAS,
  REDIRECTION_TARGETS,
  SITUATION_STATUSES,
  type ClosureOutcome,
  type ProblemArea,
  type RedirectionTarget,
  type SituationStatus,
} from '../situation.constants.js';
import { ContactDto, HealthDto, IdentityDto, NarrativeDto, SocialDto } from './field-groups.dto.js';

/**
 * The commission is not an emergency service: these two questions come first, and both must be
 * answered explicitly with true or false (an empty object, an array or a missing answer is a 400).
 */
export class ScreeningDto {
  @ApiProperty({ description: 'Danger immédiat pour la personne ou pour autrui' })
  @IsBoolean()
  immediateDanger: boolean;

  @ApiProperty({ description: 'Besoin médical aigu' })
  @IsBoolean()
  acuteMedicalNeed: boolean;
}

export class CreateSituationDto {
  @ApiProperty({ type: ScreeningDto, description: 'Every question answered with true or false.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScreeningDto)
  screening: ScreeningDto;

  @ApiProperty({ type: IdentityDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IdentityDto)
  identity: IdentityDto;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiProperty({ type: SocialDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SocialDto)
  social: SocialDto;

  @ApiPropertyOptional({ type: HealthDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => HealthDto)
  health?: HealthDto;

  @ApiProperty({ type: NarrativeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => NarrativeDto)
  narrative: NarrativeDto;

  @ApiProperty({ enum: PROBLEM_AREAS, isArray: true, minItems: 1, maxItems: PROBLEM_AREAS.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROBLEM_AREAS.length)
  @ArrayUnique()
  @IsIn(PROBLEM_AREAS, { each: true })
  problemAreas: ProblemArea[];
}

/** Each field group sent replaces that group as a whole; groups not sent are left unchanged. */
export class UpdateSituationDto {
  @ApiPropertyOptional({ type: IdentityDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => IdentityDto)
  identity?: IdentityDto;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ type: SocialDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SocialDto)
  social?: SocialDto;

  @ApiPropertyOptional({ type: HealthDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => HealthDto)
  health?: HealthDto;

  @ApiPropertyOptional({ type: NarrativeDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => NarrativeDto)
  narrative?: NarrativeDto;

  @ApiPropertyOptional({ enum: PROBLEM_AREAS, isArray: true, minItems: 1, maxItems: PROBLEM_AREAS.length })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROBLEM_AREAS.length)
  @ArrayUnique()
  @IsIn(PROBLEM_AREAS, { each: true })
  problemAreas?: ProblemArea[];
}

export class TransitionDto {
  @ApiProperty({ enum: SITUATION_STATUSES })
  @IsIn(SITUATION_STATUSES)
  to: SituationStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required to reject or redirect (encrypted).' })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 5000)
  reason?: string;

  @ApiPropertyOptional({ enum: REDIRECTION_TARGETS, description: 'Required to redirect.' })
  @IsOptionalButNotNull()
  @IsIn(REDIRECTION_TARGETS)
  redirectedTo?: RedirectionTarget;

  @ApiPropertyOptional({ enum: CLOSURE_OUTCOMES, description: 'Required to close.' })
  @IsOptionalButNotNull()
  @IsIn(CLOSURE_OUTCOMES)
  outcome?: ClosureOutcome;
}

export class DesignatePilotDto {
  @ApiProperty({ format: 'uuid', description: 'An active member of the commission.' })
  @IsUUID()
  userId: string;
}
