import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsFiness } from '../../common/french-identifiers.js';
import { IsOptionalButNotNull } from '../../common/validation.js';
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

  @ApiPropertyOptional({
    example: '570000687',
    description: 'Numéro FINESS de la structure (9 chiffres, clé de Luhn)',
    minLength: 9,
    maxLength: 9,
    pattern: '^[0-9]{9}$',
  })
  @IsOptionalButNotNull()
  @IsFiness()
  finess?: string;
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Numéro FINESS (9 chiffres, clé de Luhn); null l’efface',
    minLength: 9,
    maxLength: 9,
    pattern: '^[0-9]{9}$',
  })
  @IsOptional()
  @IsFiness()
  finess?: string | null;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;

  @ApiProperty({ type: String, nullable: true, description: 'Numéro FINESS' })
  finess: string | null;

  @ApiProperty()
  createdAt: string;

  static from(organization: Organization): OrganizationDto {
    return {
      id: organization.id,
      name: organization.name,
      kind: organization.kind,
      finess: organization.finess ?? null,
      createdAt: organization.createdAt.toISOString(),
    };
  }
}
