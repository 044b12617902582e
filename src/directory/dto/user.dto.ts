import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { IsOptionalButNotNull } from '../../common/validation.js';
import { PROFESSIONAL_CATEGORIES, ROLES, type ProfessionalCategory, type Role } from '../roles.js';
import type { UserAccount } from '../user-account.entity.js';
import { ApiNameBeside } from '../response-names.js';

const PROFESSIONAL_ID_PATTERN = /^[0-9A-Za-z]{1,64}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normaliseEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'c.martin@ccas-metz.fr', maxLength: 254 })
  @Transform(normaliseEmail)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Claire Martin', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null or omitted: no organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiProperty({ enum: PROFESSIONAL_CATEGORIES })
  @IsIn(PROFESSIONAL_CATEGORIES)
  professionalCategory: ProfessionalCategory;

  @ApiProperty({ enum: ROLES, isArray: true, minItems: 1, maxItems: ROLES.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({
    maxLength: 64,
    pattern: PROFESSIONAL_ID_PATTERN.source,
    description: 'National professional identifier (RPPS/ADELI as Pro Santé Connect presents it) linking the account for single sign-on.',
  })
  @IsOptional()
  @Matches(PROFESSIONAL_ID_PATTERN, { message: "L'identifiant professionnel compte de 1 à 64 lettres ou chiffres." })
  professionalId?: string;

  @ApiProperty({ minLength: 12, maxLength: 256, description: 'At least 12 characters, not the e-mail.' })
  @IsString()
  @Length(12, 256)
  password: string;
}

export class UsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the display name or of the e-mail (case and accents ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'false deactivates the account: its access ends at the next request.' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, minItems: 1, maxItems: ROLES.length })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalButNotNull()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ enum: PROFESSIONAL_CATEGORIES })
  @IsOptionalButNotNull()
  @IsIn(PROFESSIONAL_CATEGORIES)
  professionalCategory?: ProfessionalCategory;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The structure the account belongs to; null detaches it at once. Joining one, for an account with a case role, waits for the ethics committee.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({
    maxLength: 64,
    nullable: true,
    type: String,
    pattern: PROFESSIONAL_ID_PATTERN.source,
    description: 'Links single sign-on to this professional identifier; null unlinks it.',
  })
  @IsOptional()
  @Matches(PROFESSIONAL_ID_PATTERN, { message: "L'identifiant professionnel compte de 1 à 64 lettres ou chiffres." })
  professionalId?: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  @ApiNameBeside('organizationId')
  organizationName?: string | null;

  @ApiProperty({ enum: PROFESSIONAL_CATEGORIES })
  professionalCategory: ProfessionalCategory;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Professional identifier linked for single sign-on.' })
  professionalId: string | null;

  @ApiProperty({ description: 'A second factor (TOTP) is set up.' })
  secondFactorEnrolled: boolean;

  @ApiProperty()
  createdAt: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'Present after a change: the part that widens access to case content waits for the ethics committee (GET /api/access-changes).',
  })
  pendingAccessChangeId?: string | null;

  static from(user: UserAccount): UserDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      organizationId: user.organizationId,
      professionalCategory: user.professionalCategory,
      roles: [...user.roles],
      active: user.active,
      professionalId: user.professionalId ?? null,
      secondFactorEnrolled: Boolean(user.secondFactorSince),
      createdAt: user.createdAt.toISOString(),
    };
  }
}
