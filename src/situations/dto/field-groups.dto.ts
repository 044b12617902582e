import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { LEGAL_PROTECTION_MEASURES } from '../situation.constants.js';

const PHONE = /^[0-9+().\s-]{6,30}$/;

/** A calendar date (YYYY-MM-DD) that exists, not in the future and not before 1900. */
function IsPastCalendarDate() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a past date (YYYY-MM-DD)` },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '1900-01-01' && date.getTime() <= Date.now();
        },
      },
    });
}

/** Who the person is. Field group "identity". */
export class IdentityDto {
  @ApiProperty({ example: 'Dupont', description: 'Nom de naissance' })
  @IsString()
  @Length(1, 100)
  birthName: string;

  @ApiPropertyOptional({ example: 'Martin', description: "Nom d'usage" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  usedName?: string;

  @ApiProperty({ example: 'Marie Louise', description: 'Prénoms' })
  @IsString()
  @Length(1, 200)
  firstNames: string;

  @ApiProperty({ example: '1984-03-21' })
  @IsPastCalendarDate()
  birthDate: string;

  @ApiProperty({ enum: ['female', 'male', 'other', 'unknown'] })
  @IsIn(['female', 'male', 'other', 'unknown'])
  sex: 'female' | 'male' | 'other' | 'unknown';
}

/** Where to reach the person. Field group "contact". */
export class ContactDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Quartier, when the address is not known' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
}

export class ContactPersonDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Fonction' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class LegalProtectionDto {
  @ApiProperty({ enum: LEGAL_PROTECTION_MEASURES })
  @IsIn(LEGAL_PROTECTION_MEASURES)
  measure: (typeof LEGAL_PROTECTION_MEASURES)[number];

  @ApiProperty({ type: ContactPersonDto, description: 'Représentant légal (tuteur, curateur…)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  representative: ContactPersonDto;
}

/** Social situation: legal protection, the referrer's contact, professionals involved. Field group "social". */
export class SocialDto {
  @ApiPropertyOptional({ type: LegalProtectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalProtectionDto)
  legalProtection?: LegalProtectionDto;

  @ApiProperty({ type: ContactPersonDto, description: 'How the commission reaches the referring professional' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  referrerContact: ContactPersonDto;

  @ApiProperty({ type: [ContactPersonDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactPersonDto)
  professionalsInvolved: ContactPersonDto[];
}

/** Health details, reserved to the professional categories entitled to them. Field group "health". */
export class HealthDto {
  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  details?: string;
}

/** The referrer's account of the situation. Field group "narrative". */
export class NarrativeDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @Length(1, 20000)
  narrative: string;

  @ApiProperty({ maxLength: 10000, description: 'Ce qui a déjà été tenté' })
  @IsString()
  @MaxLength(10000)
  alreadyTried: string;

  @ApiProperty({ maxLength: 5000, description: 'Ce qui est attendu de la commission' })
  @IsString()
  @Length(1, 5000)
  expectations: string;
}
