import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
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
 * The commission is not an emergency service: these questions come first, and each must be
 * answered explicitly, yes (true) or no (false); an empty object, an array or a missing answer is
 * a 400. One yes and the saisine is refused with the numbers to call, and nothing of it is kept.
 */
export class ScreeningDto {
  @ApiProperty({ description: 'La personne ou son entourage est-elle en danger immédiat ? (oui : true, non : false)' })
  @IsBoolean()
  immediateDanger: boolean;

  @ApiProperty({ description: 'La personne a-t-elle besoin de soins médicaux urgents ? (oui : true, non : false)' })
  @IsBoolean()
  acuteMedicalNeed: boolean;

  @ApiProperty({
    description: 'La personne a-t-elle exprimé des idées suicidaires ou un projet de passage à l’acte ? (oui : true, non : false)',
  })
  @IsBoolean()
  suicidalRisk: boolean;
}

export class CreateSituationDto {
  @ApiProperty({ type: ScreeningDto, description: 'Repérage de l’urgence : chaque question reçoit une réponse oui (true) ou non (false).' })
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

/** The fields of one group to change: a field sent replaces it, `null` clears it, a field not sent is kept. */
export type GroupChanges = Record<string, unknown>;

const groupChanges = (group: string, dto: string) =>
  ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `Fields of ${group} to change (see ${dto}): a field sent replaces it, null clears it, a field not sent is kept. The result must be a valid ${dto}.`,
  });

/**
 * A true partial update (rectification, GDPR art. 16): only the fields sent change. Within a field
 * group, each field sent replaces that field and `null` clears it; fields and groups not sent are
 * kept. The merged group is validated as a whole before it is encrypted again.
 */
export class UpdateSituationDto {
  @groupChanges('identity', 'IdentityDto')
  @IsOptionalButNotNull()
  @IsObject()
  identity?: GroupChanges;

  @groupChanges('contact', 'ContactDto')
  @IsOptionalButNotNull()
  @IsObject()
  contact?: GroupChanges;

  @groupChanges('social', 'SocialDto')
  @IsOptionalButNotNull()
  @IsObject()
  social?: GroupChanges;

  @groupChanges('health', 'HealthDto')
  @IsOptionalButNotNull()
  @IsObject()
  health?: GroupChanges;

  @groupChanges('narrative', 'NarrativeDto')
  @IsOptionalButNotNull()
  @IsObject()
  narrative?: GroupChanges;

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
