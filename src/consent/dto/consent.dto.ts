import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsOptionalButNotNull } from '../../common/validation.js';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../ethics/policy.js';
import { LEGAL_PROTECTION_MEASURES } from '../../situations/situation.constants.js';
import { ApiNameBeside } from '../../directory/response-names.js';

export class RepresentativeDto {
  @ApiProperty({ maxLength: 200, description: 'Nom du représentant légal' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: LEGAL_PROTECTION_MEASURES })
  @IsIn(LEGAL_PROTECTION_MEASURES)
  measure: (typeof LEGAL_PROTECTION_MEASURES)[number];
}

/** An oral statement, recorded by a named professional on a date. */
export class StatementDto {
  @ApiProperty({ maxLength: 200, description: 'Professionnel qui a recueilli la déclaration' })
  @IsString()
  @Length(1, 200)
  recordedBy: string;

  @ApiProperty({ example: '2026-11-20', format: 'date' })
  @IsCalendarDate()
  recordedOn: string;
}

class ConsentEvidenceDto {
  @ApiProperty({ enum: ['person', 'legal_representative'] })
  @IsIn(['person', 'legal_representative'])
  givenBy: 'person' | 'legal_representative';

  @ApiPropertyOptional({ type: RepresentativeDto, description: 'Required when givenBy is legal_representative.' })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentativeDto)
  representative?: RepresentativeDto;

  @ApiProperty({ enum: ['signed_form', 'oral_statement'] })
  @IsIn(['signed_form', 'oral_statement'])
  method: 'signed_form' | 'oral_statement';

  @ApiPropertyOptional({ format: 'uuid', description: 'The signed form, uploaded as a document of the situation (signed_form).' })
  @IsOptionalButNotNull()
  @IsUUID()
  documentId?: string;

  @ApiPropertyOptional({ type: StatementDto, description: 'Required for an oral statement.' })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => StatementDto)
  statement?: StatementDto;
}

export class RecordConsentDto extends ConsentEvidenceDto {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;

  @ApiProperty({ enum: ['given', 'refused'] })
  @IsIn(['given', 'refused'])
  decision: 'given' | 'refused';

  @ApiProperty({ example: '2026-11-20', format: 'date', description: 'When the person (or representative) gave or refused it.' })
  @IsDefined()
  @IsCalendarDate()
  givenOn: string;

  @ApiPropertyOptional({ example: '2027-11-20', format: 'date', description: 'Optional end date; otherwise valid until withdrawn.' })
  @IsOptionalButNotNull()
  @IsCalendarDate()
  validUntil?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 50,
    description: 'Structures the person refuses to involve (organisation ids).',
  })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  refusedOrganizationIds?: string[];
}

export class WithdrawConsentDto extends ConsentEvidenceDto {}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CONSENT_PURPOSES })
  purpose: ConsentPurpose;

  @ApiProperty({ enum: ['given', 'refused', 'withdrawn'] })
  decision: 'given' | 'refused' | 'withdrawn';

  @ApiProperty({ enum: ['person', 'legal_representative'] })
  givenBy: 'person' | 'legal_representative';

  @ApiPropertyOptional({ type: RepresentativeDto })
  representative?: RepresentativeDto;

  @ApiProperty({ enum: ['signed_form', 'oral_statement'] })
  method: 'signed_form' | 'oral_statement';

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;

  @ApiPropertyOptional({ type: StatementDto })
  statement?: StatementDto;

  @ApiProperty()
  givenOn: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  validUntil: string | null;

  @ApiProperty({ type: [String] })
  refusedOrganizationIds: string[];

  @ApiNameBeside('refusedOrganizationIds')
  refusedOrganizationNames?: (string | null)[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  withdrawsConsentId: string | null;

  @ApiProperty({ format: 'uuid' })
  recordedByUserId: string;

  @ApiNameBeside('recordedByUserId')
  recordedByUserName?: string | null;

  @ApiProperty()
  recordedAt: string;

  @ApiProperty({ description: 'This record is the one in force for its purpose, and grants consent today.' })
  inForce: boolean;
}
