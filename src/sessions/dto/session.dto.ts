import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PageOf } from '../../common/page.dto.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { IsCalendarDate, IsIsoDateTimeToDate, IsOptionalButNotNull } from '../../common/validation.js';
import { SESSION_STATUSES, type SessionStatus } from '../session.entity.js';
import { ApiNameBeside } from '../../directory/response-names.js';

export class CreateSessionDto {
  @ApiProperty({ example: '2026-12-10T14:00:00+01:00', type: String, format: 'date-time', description: 'ISO 8601 with an offset.' })
  @IsIsoDateTimeToDate()
  scheduledAt: Date;

  @ApiProperty({ maxLength: 300, example: 'Mairie de Borny, salle 2 — ou lien de visioconférence' })
  @IsString()
  @Length(1, 300)
  location: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The permanent or substitute member who chairs the session (approves its minutes).' })
  @IsOptionalButNotNull()
  @IsUUID()
  chairUserId?: string;
}

export class UpdateSessionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The member who chairs the session.' })
  @IsOptionalButNotNull()
  @IsUUID()
  chairUserId?: string;

  @ApiPropertyOptional({ example: '2026-12-10T14:00:00+01:00', type: String, format: 'date-time', description: 'ISO 8601 with an offset.' })
  @IsOptionalButNotNull()
  @IsIsoDateTimeToDate()
  scheduledAt?: Date;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 300)
  location?: string;
}

export class SessionStatusDto {
  @ApiProperty({
    enum: ['agenda_published', 'held', 'cancelled'],
    description: 'Publishing the agenda opens access to convened members and invitees.',
  })
  @IsIn(['agenda_published', 'held', 'cancelled'])
  to: 'agenda_published' | 'held' | 'cancelled';

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why the session is cancelled: written in the history of each situation sent back to preparation (encrypted).',
  })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class AddAgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  situationId: string;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 20, description: 'Professionals invited for this item only (users).' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedUserIds: string[];

  @ApiProperty({ description: 'The person attends (requires their consent for attendance).' })
  @IsBoolean()
  personAttends: boolean;

  @ApiProperty({ description: 'Their carers attend (requires consent for attendance).' })
  @IsBoolean()
  carersAttend: boolean;
}

export class RemoveAgendaItemDto {
  @ApiPropertyOptional({
    maxLength: 2000,
    description: "Why the item is taken off the agenda: written in the situation's history (encrypted).",
  })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class AgendaOrderDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: 'Every item of the agenda, once, in the new order.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  itemIds: string[];
}

export class InviteesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'The professionals invited for this item (replaces the list).',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedUserIds: string[];
}

export class StandInDto {
  @ApiProperty({ format: 'uuid', description: 'The permanent member who is replaced.' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ format: 'uuid', description: 'Their substitute, who is convened instead.' })
  @IsUUID()
  substituteMemberId: string;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: ['member', 'substitute', 'invitee'] })
  @IsIn(['member', 'substitute', 'invitee'])
  as: 'member' | 'substitute' | 'invitee';

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50, description: 'Items attended; omitted: the whole session.' })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  itemIds?: string[];
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendeeDto], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: 'Items at which the person was present.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  personAttendedItemIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50, description: 'Items at which carers were present.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  carersAttendedItemIds: string[];
}

export class RecommendationInputDto {
  @ApiProperty({ maxLength: 2000, description: 'The action (encrypted).' })
  @IsString()
  @Length(1, 2000)
  action: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The person who carries it (a user).' })
  @IsOptionalButNotNull()
  @IsUUID()
  carrierUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The structure that carries it.' })
  @IsOptionalButNotNull()
  @IsUUID()
  carrierOrganizationId?: string;

  @ApiProperty({ example: '2027-01-15', format: 'date' })
  @IsCalendarDate()
  dueDate: string;
}

export const PERSON_RESPONSES = ['agreed', 'partly_agreed', 'refused', 'not_yet_asked'] as const;
export type PersonResponse = (typeof PERSON_RESPONSES)[number];

export class PersonResponseDto {
  @ApiProperty({ enum: PERSON_RESPONSES })
  @IsIn(PERSON_RESPONSES)
  status: PersonResponse;

  @ApiPropertyOptional({ example: '2026-12-12', format: 'date', description: 'When the person answered (required unless not_yet_asked).' })
  @IsOptionalButNotNull()
  @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'How it was recorded (encrypted), e.g. lors d’un entretien avec le référent.' })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 1000)
  how?: string;
}

export class OutcomeDto {
  @ApiProperty({ maxLength: 20000, description: 'Summary of the discussion (encrypted).' })
  @IsString()
  @Length(1, 20000)
  summary: string;

  @ApiProperty({ type: [RecommendationInputDto], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RecommendationInputDto)
  recommendations: RecommendationInputDto[];

  @ApiProperty({ format: 'uuid', description: 'The référent who follows the situation.' })
  @IsUUID()
  pilotUserId: string;

  @ApiPropertyOptional({ example: '2027-03-10', format: 'date' })
  @IsOptionalButNotNull()
  @IsCalendarDate()
  nextReviewDate?: string;

  @ApiProperty({ type: PersonResponseDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonResponseDto)
  personResponse: PersonResponseDto;
}

export class MinutesItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ maxLength: 50000 })
  @IsString()
  @Length(1, 50000)
  text: string;
}

export class MinutesDto {
  @ApiProperty({ type: [MinutesItemDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MinutesItemDto)
  items: MinutesItemDto[];
}

export class RecommendationViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  situationId: string;

  @ApiProperty({ example: 'CC-2026-0042', description: "The situation's case reference (never the person's name)." })
  situationReference: string;

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

  @ApiProperty({ enum: ['open', 'done', 'abandoned', 'transferred'] })
  status: 'open' | 'done' | 'abandoned' | 'transferred';

  @ApiProperty({ description: 'Its current version: 1, then one more at each correction.' })
  version: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who marked it done, abandoned or transferred.' })
  closedBy?: string;

  @ApiNameBeside('closedBy', { optional: true })
  closedByName?: string | null;

  @ApiPropertyOptional()
  closedAt?: string;

  @ApiProperty()
  overdue: boolean;

  @ApiPropertyOptional()
  note?: string;
}

export class OutcomeViewDto {
  @ApiProperty()
  summary: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  nextReviewDate: string | null;

  @ApiProperty({ type: PersonResponseDto })
  personResponse: PersonResponseDto;

  @ApiProperty({ type: [RecommendationViewDto] })
  recommendations: RecommendationViewDto[];
}

export class AgendaItemViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  position: number;

  @ApiProperty({ format: 'uuid' })
  situationId: string;

  @ApiProperty()
  reference: string;

  @ApiProperty()
  personAttends: boolean;

  @ApiProperty()
  carersAttend: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Coordinators only.' })
  invitedUserIds?: string[];

  @ApiNameBeside('invitedUserIds', { optional: true })
  invitedUserNames?: (string | null)[];

  @ApiPropertyOptional({ description: 'The situation was destroyed at the end of its retention period: only its reference remains.' })
  destroyed?: boolean;

  @ApiPropertyOptional({ type: OutcomeViewDto })
  outcome?: OutcomeViewDto;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  scheduledAt: string;

  @ApiProperty()
  location: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  status: SessionStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The member who chairs the session.' })
  chairUserId: string | null;

  @ApiNameBeside('chairUserId')
  chairUserName?: string | null;

  @ApiProperty({ type: [AgendaItemViewDto], description: 'Only the items you may see.' })
  items: AgendaItemViewDto[];
}

export class MinutesSectionDto {
  @ApiProperty({ format: 'uuid' })
  itemId: string;

  @ApiProperty()
  reference: string;

  @ApiProperty()
  text: string;
}

export class MinutesViewDto {
  @ApiProperty({ nullable: true, type: String })
  approvedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Who drafted the minutes.' })
  draftedBy: string | null;

  @ApiNameBeside('draftedBy')
  draftedByName?: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The chair who approved them.' })
  approvedBy: string | null;

  @ApiNameBeside('approvedBy')
  approvedByName?: string | null;

  @ApiProperty({ type: [MinutesSectionDto], description: 'Only the items you attended and may see.' })
  items: MinutesSectionDto[];
}

export class CommissionMemberInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: ['permanent', 'substitute'] })
  @IsIn(['permanent', 'substitute'])
  kind: 'permanent' | 'substitute';

  @ApiPropertyOptional({ format: 'uuid', description: 'For a substitute: the permanent member they replace.' })
  @IsOptionalButNotNull()
  @IsUUID()
  substituteFor?: string;
}

export class UpdateCommissionMemberDto {
  @ApiProperty()
  @IsBoolean()
  active: boolean;
}

export class CommissionMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiNameBeside('userId')
  userName?: string | null;

  @ApiProperty({ nullable: true, type: String })
  organizationId: string | null;

  @ApiNameBeside('organizationId')
  organizationName?: string | null;

  @ApiProperty({ enum: ['permanent', 'substitute'] })
  kind: 'permanent' | 'substitute';

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  substituteFor: string | null;

  @ApiProperty()
  active: boolean;
}

export class RecommendationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['overdue', 'open', 'done', 'abandoned', 'transferred'] })
  @IsOptional()
  @IsIn(['overdue', 'open', 'done', 'abandoned', 'transferred'])
  status?: 'overdue' | 'open' | 'done' | 'abandoned' | 'transferred';
}

export class CloseRecommendationDto {
  @ApiProperty({ enum: ['done', 'abandoned', 'transferred'] })
  @IsIn(['done', 'abandoned', 'transferred'])
  status: 'done' | 'abandoned' | 'transferred';

  @ApiProperty({ maxLength: 5000, description: 'What was done, why it was abandoned, or to whom it was transferred and why (encrypted).' })
  @IsString()
  @Length(1, 5000)
  note: string;
}

export class SessionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SESSION_STATUSES, description: 'Only the sessions in this state.' })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only the sessions held at or after this instant (a calendar month).' })
  @IsOptional()
  @IsIsoDateTimeToDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only the sessions held before this instant (excluded).' })
  @IsOptional()
  @IsIsoDateTimeToDate()
  to?: Date;
}

export class SessionPageDto extends PageOf(SessionDto) {}

export class RecommendationPageDto extends PageOf(RecommendationViewDto) {}

export class CommissionMemberPageDto extends PageOf(CommissionMemberDto) {}
