import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageOf } from '../../common/page.dto.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { IsCalendarDate, IsOptionalButNotNull } from '../../common/validation.js';
import { CreateSituationDto } from '../../situations/dto/situation-input.dto.js';
import { ApiNameBeside } from '../../directory/response-names.js';

export const SHAREABLE_GROUPS = ['identity', 'contact', 'social', 'health', 'narrative'] as const;
export type ShareableGroup = (typeof SHAREABLE_GROUPS)[number];
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'closed',
  'withdrawn',
  'received',
  'under_review',
  'redirected',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export class CreateReferralDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  situationId: string;

  @ApiProperty({ format: 'uuid', description: 'An organisation of kind dac.' })
  @IsUUID()
  dacOrganizationId: string;

  @ApiProperty({ maxLength: 5000, description: 'Why the situation is referred (encrypted).' })
  @IsString()
  @Length(1, 5000)
  reason: string;

  @ApiProperty({ maxLength: 10000, description: 'A summary written for the DAC (encrypted, shared).' })
  @IsString()
  @Length(1, 10000)
  summaryForDac: string;

  @ApiPropertyOptional({
    enum: SHAREABLE_GROUPS,
    isArray: true,
    maxItems: SHAREABLE_GROUPS.length,
    default: ['identity', 'contact'],
    description: 'The minimum needed; health only if chosen and allowed.',
  })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(SHAREABLE_GROUPS.length)
  @ArrayUnique()
  @IsIn(SHAREABLE_GROUPS, { each: true })
  sharedGroups?: ShareableGroup[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The CLSM contact who attends the DAC’s coordination meetings (default: you).' })
  @IsOptionalButNotNull()
  @IsUUID()
  clsmContactUserId?: string;
}

export class ReferralStatusDto {
  @ApiProperty({
    enum: ['sent', 'acknowledged', 'accepted', 'declined', 'closed', 'withdrawn', 'under_review', 'redirected'],
    description:
      'Outbound: sent, acknowledged, accepted, declined, closed, withdrawn. Inbound (the commission acknowledges): under_review, then accepted, redirected or declined.',
  })
  @IsIn(['sent', 'acknowledged', 'accepted', 'declined', 'closed', 'withdrawn', 'under_review', 'redirected'])
  to: Exclude<ReferralStatus, 'draft' | 'received'>;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required to decline or redirect; on any step, read by the DAC (encrypted).' })
  @IsOptionalButNotNull()
  @IsString()
  @Length(1, 5000)
  reason?: string;
}

export class InboundReferralDto extends CreateSituationDto {
  @ApiProperty({
    example: 'DAC57-2026-0412',
    maxLength: 100,
    description: 'The DAC’s own identifier: posting it again never creates a second situation.',
  })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'dacReferralId doit compter de 1 à 100 lettres, chiffres ou caractères ._:-' })
  dacReferralId: string;
}

export class MeetingDto {
  @ApiProperty({ example: '2027-01-20', format: 'date' })
  @IsCalendarDate()
  heldOn: string;

  @ApiProperty({ maxLength: 10000, description: 'Encrypted.' })
  @IsString()
  @Length(1, 10000)
  note: string;
}

export class MeetingViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  heldOn: string;

  @ApiProperty()
  note: string;
}

export class ReferralStepDto {
  @ApiProperty({ enum: REFERRAL_STATUSES })
  from: string;

  @ApiProperty({ enum: REFERRAL_STATUSES })
  to: string;

  @ApiProperty()
  at: string;

  @ApiPropertyOptional({ description: 'The reason given at this step, read by both sides.' })
  reason?: string;
}

export class ReferralDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['outbound', 'inbound'] })
  direction: 'outbound' | 'inbound';

  @ApiProperty({ enum: REFERRAL_STATUSES })
  status: ReferralStatus;

  @ApiProperty({ enum: ['pending', 'sent', 'acknowledged'], description: 'Delivery, tracked apart from the DAC’s decision.' })
  delivery: 'pending' | 'sent' | 'acknowledged';

  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'redirected'] })
  decision: 'pending' | 'accepted' | 'declined' | 'redirected';

  @ApiProperty({ format: 'uuid' })
  dacOrganizationId: string;

  @ApiNameBeside('dacOrganizationId')
  dacOrganizationName?: string | null;

  @ApiPropertyOptional({ description: 'Inbound: the DAC’s identifier.' })
  dacReferralId?: string;

  @ApiProperty({ description: 'The situation’s reference at the commission.' })
  situationReference: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'CLSM side only.' })
  situationId?: string;

  @ApiPropertyOptional({ description: 'Inbound: the status of the situation at the commission, which the DAC follows.' })
  situationStatus?: string;

  @ApiPropertyOptional({ description: 'The situation was destroyed at the end of its retention period: only the status and dates remain.' })
  destroyed?: boolean;

  @ApiProperty({ enum: SHAREABLE_GROUPS, isArray: true })
  sharedGroups: ShareableGroup[];

  @ApiPropertyOptional({ description: 'CLSM side only.' })
  reason?: string;

  @ApiPropertyOptional({ description: 'The DAC’s reason for declining.' })
  declineReason?: string;

  @ApiPropertyOptional({ description: 'The data set frozen when the referral was sent: all the DAC ever sees of the case.' })
  shared?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  clsmContactUserId?: string | null;

  @ApiNameBeside('clsmContactUserId', { optional: true })
  clsmContactUserName?: string | null;

  @ApiPropertyOptional({ type: [MeetingViewDto], description: 'CLSM side only.' })
  meetings?: MeetingViewDto[];

  @ApiPropertyOptional({ nullable: true, type: String })
  sentAt: string | null;

  @ApiPropertyOptional({ type: [ReferralStepDto], description: 'Each step with its reason, oldest first.' })
  history?: ReferralStepDto[];
}

export class ReferralQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the referrals of this situation.' })
  @IsOptional()
  @IsUUID()
  situationId?: string;

  @ApiPropertyOptional({ enum: ['outbound', 'inbound'] })
  @IsOptional()
  @IsIn(['outbound', 'inbound'])
  direction?: 'outbound' | 'inbound';

  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
}

export class ReferralPageDto extends PageOf(ReferralDto) {}
