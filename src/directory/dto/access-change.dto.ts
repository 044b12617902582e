import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { PageOf } from '../../common/page.dto.js';
import { PROFESSIONAL_CATEGORIES, ROLES, type ProfessionalCategory, type Role } from '../roles.js';
import { ApiNameBeside } from '../response-names.js';

export const ACCESS_CHANGE_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type AccessChangeStatus = (typeof ACCESS_CHANGE_STATUSES)[number];

/** A change that widens someone's access, and what the ethics committee decided. */
export class AccessChangeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiNameBeside('userId')
  userName?: string | null;

  @ApiProperty({ description: 'Display name of the account concerned.' })
  userDisplayName: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'Roles added once approved.' })
  addRoles: Role[];

  @ApiPropertyOptional({ enum: PROFESSIONAL_CATEGORIES, nullable: true, type: String, description: 'Category set once approved.' })
  professionalCategory: ProfessionalCategory | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The structure the account joins once approved.' })
  organizationId: string | null;

  @ApiNameBeside('organizationId')
  organizationName?: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  requestedBy: string | null;

  @ApiNameBeside('requestedBy')
  requestedByName?: string | null;

  @ApiProperty()
  requestedAt: string;

  @ApiProperty({ enum: ACCESS_CHANGE_STATUSES })
  status: AccessChangeStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  decidedBy: string | null;

  @ApiNameBeside('decidedBy')
  decidedByName?: string | null;

  @ApiProperty({ nullable: true, type: String })
  decidedAt: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  decisionReason: string | null;
}

export class AccessChangePageDto extends PageOf(AccessChangeDto) {}

export class AccessChangeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACCESS_CHANGE_STATUSES })
  @IsOptional()
  @IsIn(ACCESS_CHANGE_STATUSES)
  status?: AccessChangeStatus;
}

export class AccessChangeDecisionDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Required to refuse; optional to approve.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}
