import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

/** A WebAuthn credential as the browser's API returns it (JSON form of PublicKeyCredential). */
export class PasskeyCredentialDto {
  @ApiProperty({ maxLength: 1024, description: 'Credential id, base64url.' })
  @IsString()
  @Length(1, 1024)
  id: string;

  @ApiProperty({ maxLength: 1024 })
  @IsString()
  @Length(1, 1024)
  rawId: string;

  @ApiProperty({ enum: ['public-key'] })
  @IsIn(['public-key'])
  type: 'public-key';

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'clientDataJSON with attestationObject (registration) or authenticatorData and signature (sign-in), base64url.',
  })
  @IsObject()
  response: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  clientExtensionResults?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['platform', 'cross-platform'] })
  @IsOptional()
  @IsIn(['platform', 'cross-platform'])
  authenticatorAttachment?: 'platform' | 'cross-platform';
}

export class RegisterPasskeyDto {
  @ApiProperty({ type: PasskeyCredentialDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PasskeyCredentialDto)
  credential: PasskeyCredentialDto;

  @ApiProperty({ maxLength: 100, example: 'Ordinateur du CCAS', description: 'A name the person recognises the key by.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name: string;
}

export class PasskeySignInOptionsRequestDto {
  @ApiProperty({ maxLength: 2000, description: 'The mfaToken from POST /api/auth/login.' })
  @IsString()
  @Length(20, 2000)
  mfaToken: string;
}

export class VerifyPasskeyDto extends PasskeySignInOptionsRequestDto {
  @ApiProperty({ type: PasskeyCredentialDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PasskeyCredentialDto)
  credential: PasskeyCredentialDto;

  @ApiPropertyOptional({ enum: ['body', 'cookie'], default: 'body' })
  @IsOptional()
  @IsIn(['body', 'cookie'])
  refreshTokenIn?: 'body' | 'cookie';
}

export class PasskeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  createdAt: string;

  @ApiProperty({ nullable: true, type: String })
  lastUsedAt: string | null;
}

/** Options for navigator.credentials (the WebAuthn JSON form), passed as they are to the browser. */
export class WebAuthnOptionsDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  publicKey: Record<string, unknown>;
}
