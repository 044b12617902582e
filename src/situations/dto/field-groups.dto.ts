import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInsMatricule } from '../../common/french-identifiers.js';
import { IsCalendarDate, IsOptionalButNotNull } from '../../common/validation.js';
import { LEGAL_PROTECTION_MEASURES } from '../situation.constants.js';

const PHONE = /^[0-9+().\s-]{6,30}$/;

/**
 * The person's INS (identité nationale de santé), only once known from the INSi service: the
 * matricule (a NIR, or a NIA while the NIR is awaited) and which of the two it is. Part of the
 * identity group, hence encrypted with it (situation.identity_enc).
 */
export class InsDto {
  @ApiProperty({
    example: '184037511600572',
    description: 'Matricule INS (15 caractères, clé comprise)',
    minLength: 15,
    maxLength: 15,
    pattern: '^[123478][0-9]{4}([0-9]{2}|2[AB])[0-9]{8}$',
  })
  @IsInsMatricule()
  matricule: string;

  @ApiProperty({ enum: ['nir', 'nia'], description: 'NIR (numéro définitif) ou NIA (numéro identifiant d’attente)' })
  @IsIn(['nir', 'nia'], { message: 'Le type du matricule INS est « nir » ou « nia ».' })
  kind: 'nir' | 'nia';
}

/** Who the person is. Field group "identity". */
export class IdentityDto {
  @ApiProperty({ example: 'Dupont', description: 'Nom de naissance', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  birthName: string;

  @ApiPropertyOptional({ example: 'Martin', description: "Nom d'usage", maxLength: 100 })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(100)
  usedName?: string;

  @ApiProperty({ example: 'Marie Louise', description: 'Prénoms', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  firstNames: string;

  @ApiProperty({ example: '1984-03-21', format: 'date', description: 'Date de naissance (passée, depuis 1900)' })
  @IsCalendarDate({ notInFuture: true })
  birthDate: string;

  @ApiProperty({ enum: ['female', 'male', 'other', 'unknown'] })
  @IsIn(['female', 'male', 'other', 'unknown'])
  sex: 'female' | 'male' | 'other' | 'unknown';

  @ApiPropertyOptional({ type: InsDto, description: 'INS, seulement lorsqu’il est connu (identité qualifiée par le téléservice INSi)' })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => InsDto)
  ins?: InsDto;
}

/** Where to reach the person. Field group "contact". */
export class ContactDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Quartier, when the address is not known' })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ example: '06 12 34 56 78', maxLength: 30 })
  @IsOptionalButNotNull()
  @Matches(PHONE, { message: 'phone doit être un numéro de téléphone (chiffres, espaces, points, tirets, + initial)' })
  phone?: string;
}

export class ContactPersonDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Fonction' })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(200)
  role?: string;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptionalButNotNull()
  @Matches(PHONE, { message: 'phone doit être un numéro de téléphone (chiffres, espaces, points, tirets, + initial)' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptionalButNotNull()
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
  @IsObject()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  representative: ContactPersonDto;
}

/** Social situation: legal protection, the referrer's contact, professionals involved. Field group "social". */
export class SocialDto {
  @ApiPropertyOptional({ type: LegalProtectionDto })
  @IsOptionalButNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => LegalProtectionDto)
  legalProtection?: LegalProtectionDto;

  @ApiProperty({ type: ContactPersonDto, description: 'How the commission reaches the referring professional' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  referrerContact: ContactPersonDto;

  @ApiProperty({ type: [ContactPersonDto], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactPersonDto)
  professionalsInvolved: ContactPersonDto[];
}

/** Health details, reserved to the professional categories entitled to them. Field group "health". */
export class HealthDto {
  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptionalButNotNull()
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
