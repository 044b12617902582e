import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/page.dto.js';
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
import { ApiNameBeside } from '../../directory/response-names.js';

export class ReferrerRefDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiNameBeside('userId')
  userName?: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  @ApiNameBeside('organizationId')
  organizationName?: string | null;
}

export class TransitionViewDto {
  @ApiProperty({ enum: SITUATION_STATUSES })
  from: SituationStatus;

  @ApiProperty({ enum: SITUATION_STATUSES })
  to: SituationStatus;

  @ApiProperty()
  at: string;

  @ApiProperty({ format: 'uuid' })
  actorUserId: string;

  @ApiNameBeside('actorUserId')
  actorUserName?: string | null;

  @ApiPropertyOptional({ description: 'Rejection, redirection or closure reason.' })
  reason?: string;

  @ApiPropertyOptional({ enum: CLOSURE_OUTCOMES })
  outcome?: ClosureOutcome;

  @ApiPropertyOptional({ enum: REDIRECTION_TARGETS })
  redirectedTo?: RedirectionTarget;
}

/** The person's objection or restriction of processing, in the file's history (who, when, why). */
export class RightsMeasureViewDto {
  @ApiProperty({ enum: ['objection', 'restriction'] })
  kind: 'objection' | 'restriction';

  @ApiProperty()
  at: string;

  @ApiProperty({ format: 'uuid' })
  actorUserId: string;

  @ApiNameBeside('actorUserId')
  actorUserName?: string | null;

  @ApiPropertyOptional({ description: 'Why (encrypted, narrative group).' })
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The rights request it answers.' })
  rightsRequestId: string | null;

  @ApiPropertyOptional({ description: 'A restriction lifted: when, by whom, why.' })
  liftedAt?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  liftedByUserId?: string;

  @ApiNameBeside('liftedByUserId', { optional: true })
  liftedByUserName?: string | null;

  @ApiPropertyOptional()
  liftReason?: string;

  @ApiPropertyOptional({ description: 'An objection whose situation is not closed yet (préconisations to settle, saisine to decide).' })
  closurePending?: boolean;
}

/** What every reader of a situation may see; the field groups are added only where entitled. */
export class SituationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-014' })
  reference: string;

  @ApiProperty({ enum: SITUATION_STATUSES })
  status: SituationStatus;

  @ApiProperty()
  year: number;

  @ApiProperty({ enum: PROBLEM_AREAS, isArray: true })
  problemAreas: ProblemArea[];

  @ApiProperty({ type: ReferrerRefDto })
  referrer: ReferrerRefDto;

  @ApiProperty()
  createdAt: string;

  @ApiProperty()
  updatedAt: string;

  @ApiPropertyOptional({ type: IdentityDto, description: 'Present only for readers entitled to the identity group.' })
  identity?: IdentityDto;
}

export class SituationDto extends SituationSummaryDto {
  @ApiProperty({ description: 'Decade of birth, the only identity datum kept in clear (statistics).' })
  birthDecade: number;

  @ApiPropertyOptional({ enum: CLOSURE_OUTCOMES, nullable: true })
  closureOutcome: ClosureOutcome | null;

  @ApiPropertyOptional({ enum: REDIRECTION_TARGETS, nullable: true })
  redirectedTo: RedirectionTarget | null;

  @ApiPropertyOptional({ type: ContactDto })
  contact?: ContactDto;

  @ApiPropertyOptional({ type: SocialDto })
  social?: SocialDto;

  @ApiPropertyOptional({ type: HealthDto })
  health?: HealthDto;

  @ApiPropertyOptional({ type: NarrativeDto })
  narrative?: NarrativeDto;

  @ApiPropertyOptional({ type: [TransitionViewDto] })
  history?: TransitionViewDto[];

  @ApiPropertyOptional({
    type: [RightsMeasureViewDto],
    description: 'Objection and restriction of processing (GDPR art. 21 and 18), oldest first.',
  })
  rightsMeasures?: RightsMeasureViewDto[];

  @ApiPropertyOptional({ description: 'A restriction of processing holds: the file is frozen.' })
  restricted?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'Open situations that seem to concern the same person (coordinators only).',
  })
  possibleDuplicates?: string[];
}

export class SituationPageDto extends PageOf(SituationSummaryDto) {}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'application/pdf', description: 'Detected from the content.' })
  mediaType: string;

  @ApiProperty()
  sizeBytes: number;

  @ApiProperty({ example: 'bilan-social.pdf' })
  filename: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiNameBeside('uploadedBy')
  uploadedByName?: string | null;

  @ApiProperty()
  uploadedAt: string;
}
