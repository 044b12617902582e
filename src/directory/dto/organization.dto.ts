import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalButNotNull } from '../../common/validation.js';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import type { Organization } from '../organization.entity.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../roles.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto {
  @ApiProperty({ example: 'CCAS de Metz', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;
}

/** Rename a structure or correct its kind; omitted fields keep their value. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalButNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptionalButNotNull()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;

  @ApiProperty()
  createdAt: string;

  static from(organization: Organization): OrganizationDto {
    return {
      id: organization.id,
      name: organization.name,
      kind: organization.kind,
      createdAt: organization.createdAt.toISOString(),
    };
  }
}
