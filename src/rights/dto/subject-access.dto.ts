import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class SubjectAccessQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'pdf'] })
  @IsOptional()
  @IsIn(['json', 'pdf'])
  format?: 'json' | 'pdf';
}

export class SubjectAccessTransitionDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
}

export class SubjectAccessMeasureDto {
  @ApiProperty({ enum: ['objection', 'restriction'] }) kind: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) liftedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) liftReason: string | null;
}

export class SubjectAccessDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) filename: string | null;
  @ApiProperty() mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class SubjectAccessConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() purpose: string;
  @ApiProperty() decision: string;
  @ApiProperty() givenBy: string;
  @ApiProperty() method: string;
  @ApiProperty({ format: 'date' }) givenOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) validUntil: string | null;
  @ApiProperty({ type: [String], description: 'Structures the person refused.' }) refusedOrganizations: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class SubjectAccessRecommendationDto {
  @ApiProperty({ type: String, nullable: true }) action: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: String, nullable: true }) carrierOrganization: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
}

export class SubjectAccessSessionDto {
  @ApiProperty({ format: 'date-time' }) scheduledAt: string;
  @ApiProperty() sessionStatus: string;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true }) personResponse: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) personResponseOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) nextReviewDate: string | null;
  @ApiProperty({ type: [SubjectAccessRecommendationDto] }) recommendations: SubjectAccessRecommendationDto[];
}

export class SubjectAccessReferralDto {
  @ApiProperty() direction: string;
  @ApiProperty() dac: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String] }) sharedGroups: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
}

export class SubjectAccessRecipientDto {
  @ApiProperty() organization: string;
  @ApiProperty({ description: 'Why it received data (French).' }) as: string;
}

export class SubjectAccessAccessDto {
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty() events: number;
  @ApiProperty({ format: 'date-time' }) firstAt: string;
  @ApiProperty({ format: 'date-time' }) lastAt: string;
}

/** Everything held about the person of one situation (GDPR art. 15). */
export class SubjectAccessDto {
  @ApiProperty({ format: 'date-time' }) producedAt: string;
  @ApiProperty() reference: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [String] }) problemAreas: string[];
  @ApiProperty({ type: String, nullable: true }) closureOutcome: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The field groups the producer may read, decrypted.' })
  caseFile: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Groups held but not readable by the producer (communicated by an entitled professional).' })
  withheldGroups: string[];
  @ApiProperty({ type: [SubjectAccessTransitionDto] }) history: SubjectAccessTransitionDto[];
  @ApiProperty({
    type: [SubjectAccessMeasureDto],
    description: 'The person’s objection and restrictions of processing (GDPR art. 21 and 18).',
  })
  rightsMeasures: SubjectAccessMeasureDto[];
  @ApiProperty({ type: [SubjectAccessDocumentDto] }) documents: SubjectAccessDocumentDto[];
  @ApiProperty({ type: [SubjectAccessConsentDto] }) consents: SubjectAccessConsentDto[];
  @ApiProperty({ type: [SubjectAccessSessionDto] }) sessions: SubjectAccessSessionDto[];
  @ApiProperty({ type: [SubjectAccessReferralDto] }) referrals: SubjectAccessReferralDto[];
  @ApiProperty({ type: [SubjectAccessRecipientDto] }) recipients: SubjectAccessRecipientDto[];
  @ApiProperty({ type: [SubjectAccessAccessDto], description: 'Who accessed the file, by role and structure (audit trail).' })
  accesses: SubjectAccessAccessDto[];
}
