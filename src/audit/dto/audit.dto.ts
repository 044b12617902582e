import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageOf } from '../../common/page.dto.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { IsIsoDateTimeToDate } from '../../common/validation.js';
import { AUDIT_OUTCOMES, type AuditOutcome, CHAIN_BREAK_KINDS, type ChainBreakKind } from '../audit-chain.js';
import type { AuditEvent } from '../audit-event.entity.js';
import { ApiNameBeside } from '../../directory/response-names.js';

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  situationId?: string;

  @ApiPropertyOptional({
    example: 'CC-2026-0042',
    maxLength: 20,
    description: 'The situation by its case reference (the committee never reads the case itself).',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{4}-\d{1,10}$/)
  situationReference?: string;

  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[a-z_]+\.[a-z_]+$/)
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsIsoDateTimeToDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsIsoDateTimeToDate()
  to?: Date;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv exports the page as text/csv.' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export class PeriodQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 30 days ago.' })
  @IsOptional()
  @IsIsoDateTimeToDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now.' })
  @IsOptional()
  @IsIsoDateTimeToDate()
  to?: Date;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  userId: string | null;

  @ApiNameBeside('userId')
  userName?: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The role that authorised the action.' })
  role: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  @ApiNameBeside('organizationId')
  organizationName?: string | null;
}

export class AuditPurposeDto {
  @ApiProperty({ example: 'session' })
  type: string;

  @ApiProperty()
  id: string;
}

/** An audit entry as the ethics committee sees it: ids and codes, never content. */
export class AuditEventDto {
  @ApiProperty()
  seq: number;

  @ApiProperty()
  recordedAt: string;

  @ApiProperty({ type: AuditActorDto })
  actor: AuditActorDto;

  @ApiProperty({ example: 'situation.read' })
  action: string;

  @ApiProperty({ example: 'situation' })
  resourceType: string;

  @ApiProperty({ nullable: true, type: String })
  resourceId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  situationId: string | null;

  @ApiProperty({ enum: AUDIT_OUTCOMES })
  outcome: AuditOutcome;

  @ApiProperty({ type: AuditPurposeDto, nullable: true })
  purpose: AuditPurposeDto | null;

  @ApiProperty({ nullable: true, type: String })
  policyVersion: string | null;

  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;

  @ApiProperty({ nullable: true, type: String })
  clientAddress: string | null;

  static from(event: AuditEvent): AuditEventDto {
    return {
      seq: event.seq,
      recordedAt: event.recordedAt.toISOString(),
      actor: { userId: event.actorUserId, role: event.actorRole, organizationId: event.actorOrganizationId },
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      situationId: event.situationId,
      outcome: event.outcome,
      purpose: event.purposeType && event.purposeId ? { type: event.purposeType, id: event.purposeId } : null,
      policyVersion: event.policyVersion,
      requestId: event.requestId,
      clientAddress: event.clientAddress,
    };
  }
}

export class AuditEventPageDto extends PageOf(AuditEventDto) {}

export class BrokenEntryDto {
  @ApiProperty()
  seq: number;

  @ApiProperty({ enum: CHAIN_BREAK_KINDS })
  kind: ChainBreakKind;

  @ApiProperty({ example: 'hash does not match the recorded content' })
  problem: string;
}

export class CheckpointDto {
  @ApiProperty({ description: 'The entry whose hash it signs.' })
  seq: number;

  @ApiProperty()
  signedAt: string;
}

export class VerificationReportDto {
  @ApiProperty()
  valid: boolean;

  @ApiProperty()
  entriesVerified: number;

  @ApiProperty()
  checkpointsVerified: number;

  @ApiProperty()
  lastSeq: number;

  @ApiProperty({ description: 'Queries the entries were read in (keyset pagination on seq).' })
  batches: number;

  @ApiPropertyOptional({ type: BrokenEntryDto })
  firstBroken?: BrokenEntryDto;

  @ApiProperty({
    type: CheckpointDto,
    nullable: true,
    description: 'The last signed checkpoint the verification covered; null before the first one is signed.',
  })
  lastCheckpoint: CheckpointDto | null;
}

export class AuditChainStatusDto {
  @ApiProperty({
    enum: ['unverified', 'intact', 'broken'],
    description: 'As last established by the service: at start, before each checkpoint, by a full verification.',
  })
  state: 'unverified' | 'intact' | 'broken';

  @ApiPropertyOptional({ type: BrokenEntryDto, description: 'The first broken entry, when the chain is broken.' })
  firstBroken?: BrokenEntryDto;

  @ApiPropertyOptional({ nullable: true, type: String })
  checkedAt: string | null;
}

export class DeniedBurstDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  actorUserId: string | null;

  @ApiNameBeside('actorUserId')
  actorUserName?: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Set when no account is known (failed logins).' })
  clientAddress: string | null;

  @ApiProperty()
  windowStart: string;

  @ApiProperty()
  denials: number;
}

export class UnusualVolumeDto {
  @ApiProperty({ format: 'uuid' })
  actorUserId: string;

  @ApiNameBeside('actorUserId')
  actorUserName?: string | null;

  @ApiProperty({ example: '2026-11-21' })
  day: string;

  @ApiProperty()
  reads: number;

  @ApiProperty({ description: "The user's mean daily reads over the other days of the period." })
  usualDailyReads: number;
}

export class AccessAnomalyDto {
  @ApiProperty()
  seq: number;

  @ApiProperty({ format: 'uuid' })
  actorUserId: string;

  @ApiNameBeside('actorUserId')
  actorUserName?: string | null;

  @ApiProperty({ format: 'uuid' })
  situationId: string;

  @ApiProperty()
  recordedAt: string;
}

export class AnomalyReportDto {
  @ApiProperty()
  from: string;

  @ApiProperty()
  to: string;

  @ApiProperty({
    type: AuditChainStatusDto,
    description: "The audit chain's integrity; when broken, the first broken entry (seq and kind of break).",
  })
  auditChain: AuditChainStatusDto;

  @ApiProperty({ type: [DeniedBurstDto], description: 'Five or more denials by one actor within ten minutes.' })
  deniedBursts: DeniedBurstDto[];

  @ApiProperty({ type: [UnusualVolumeDto], description: 'Days with at least 20 reads and three times the usual volume.' })
  unusualVolume: UnusualVolumeDto[];

  @ApiProperty({
    type: [AccessAnomalyDto],
    description: 'Accesses justified by an agenda item outside its session window (should never happen).',
  })
  accessOutsideSessionWindow: AccessAnomalyDto[];

  @ApiProperty({ type: [AccessAnomalyDto], description: 'Denied attempts on a situation after the person withdrew consent for review.' })
  accessAfterConsentWithdrawal: AccessAnomalyDto[];
}
