import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { PageOf } from '../../common/page.dto.js';
import { OrganizationDto } from './organization.dto.js';
import {
  ORGANIZATION_KINDS,
  PROFESSIONAL_CATEGORIES,
  ROLES,
  type OrganizationKind,
  type ProfessionalCategory,
  type Role,
} from '../roles.js';

export class PeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the display name (case and accents ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class OrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name (case and accents ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}

/** A colleague as everyone at work may see them: no e-mail, phone or account state. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  @ApiProperty({ nullable: true, type: String })
  organizationName: string | null;

  @ApiProperty({ enum: PROFESSIONAL_CATEGORIES })
  professionalCategory: ProfessionalCategory;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
}

/** A structure as everyone at work may see it. */
export class DirectoryOrganizationDto extends PickType(OrganizationDto, ['id', 'name', 'kind'] as const) {}

export class PersonPageDto extends PageOf(PersonDto) {}
export class DirectoryOrganizationPageDto extends PageOf(DirectoryOrganizationDto) {}
