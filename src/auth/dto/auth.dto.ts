import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsOptionalButNotNull } from '../../common/validation.js';

export class LoginDto {
  @ApiProperty({ example: 'c.martin@ccas-metz.fr', maxLength: 254 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 256 })
  @IsString()
  @Length(1, 256)
  password: string;

  @ApiPropertyOptional({
    enum: ['body', 'cookie'],
    default: 'body',
    description:
      "Where the refresh token goes. 'cookie' (the browser console): an HttpOnly SameSite=Strict cookie limited to /api/auth, " +
      'plus a readable CSRF cookie to repeat in the X-CSRF-Token header; the token is then absent from the body.',
  })
  @IsOptional()
  @IsIn(['body', 'cookie'])
  refreshTokenIn?: 'body' | 'cookie';
}

export class RefreshDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'The refresh token from the last login or refresh (single use). Absent: the refresh cookie is used, ' +
      'with the X-CSRF-Token header, and the new token is set as a cookie again.',
  })
  @IsOptionalButNotNull()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header.' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Lifetime of the access token, in seconds.' })
  expiresIn: number;

  @ApiPropertyOptional({
    description: 'Single-use token for POST /api/auth/refresh; rotates on each use. Absent when it was set as a cookie.',
  })
  refreshToken?: string;

  @ApiProperty()
  refreshTokenExpiresAt: string;
}

/** A signed-in device of the current user. */
export class AuthSessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  createdAt: string;

  @ApiProperty({ description: 'Last request made with this session; it ends after AUTH_IDLE_TIMEOUT_MINUTES without one.' })
  lastUsedAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'The browser or client that signed in (its user agent).' })
  client: string | null;

  @ApiProperty({ description: 'The session this request is made with.' })
  current: boolean;
}

/**
 * The answer to a right password: tokens when no second factor is due, otherwise a short-lived
 * `mfaToken` for POST /api/auth/mfa/verify (`mfaRequired`) or for enrolling first
 * (`mfaEnrollmentRequired`: POST /api/auth/mfa/totp/enroll, then /confirm).
 */
export class LoginResultDto {
  @ApiPropertyOptional({ description: 'Present once signed in.' })
  accessToken?: string;

  @ApiPropertyOptional({ example: 'Bearer' })
  tokenType?: 'Bearer';

  @ApiPropertyOptional({ description: 'Lifetime of the access token, in seconds.' })
  expiresIn?: number;

  @ApiPropertyOptional({ description: 'Absent when it was set as a cookie.' })
  refreshToken?: string;

  @ApiPropertyOptional()
  refreshTokenExpiresAt?: string;

  @ApiPropertyOptional({ description: 'A second factor is due: send a code with the mfaToken to POST /api/auth/mfa/verify.' })
  mfaRequired?: true;

  @ApiPropertyOptional({ description: 'The account must enrol a second factor first (POST /api/auth/mfa/totp/enroll with the mfaToken).' })
  mfaEnrollmentRequired?: true;

  @ApiPropertyOptional({ description: 'Valid five minutes, for the second-factor routes only.' })
  mfaToken?: string;
}

const SIGN_IN_DELIVERY = {
  enum: ['body', 'cookie'],
  default: 'body',
  description: 'Where the refresh token goes once signed in (see POST /api/auth/login).',
} as const;

export class MfaVerifyDto {
  @ApiProperty({ maxLength: 2000, description: 'The mfaToken from POST /api/auth/login.' })
  @IsString()
  @Length(20, 2000)
  mfaToken: string;

  @ApiProperty({ maxLength: 32, example: '123456', description: 'The 6-digit code of the authenticator app, or one recovery code.' })
  @IsString()
  @Length(6, 32)
  code: string;

  @ApiPropertyOptional(SIGN_IN_DELIVERY)
  @IsOptional()
  @IsIn(['body', 'cookie'])
  refreshTokenIn?: 'body' | 'cookie';
}

export class MfaConfirmDto {
  @ApiProperty({ maxLength: 10, example: '123456', pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', description: 'A code from the new secret.' })
  @IsString()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'Le code compte six chiffres.' })
  @MaxLength(10)
  code: string;

  @ApiPropertyOptional(SIGN_IN_DELIVERY)
  @IsOptional()
  @IsIn(['body', 'cookie'])
  refreshTokenIn?: 'body' | 'cookie';
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'The shared secret, base32 (to type into an authenticator app).' })
  secret: string;

  @ApiProperty({
    example: 'otpauth://totp/CLSM%20cellule%20cas%20complexes:c.martin%40ccas-metz.fr?secret=…',
    description: 'The same secret as a URI (to show as a QR code).',
  })
  otpauthUrl: string;
}

export class MfaConfirmationDto extends LoginResultDto {
  @ApiProperty({ type: [String], description: 'Ten single-use recovery codes, shown this once: keep them somewhere safe.' })
  recoveryCodes: string[];
}

export class SecondFactorStatusDto {
  @ApiProperty({ description: 'A TOTP second factor is set up.' })
  enrolled: boolean;

  @ApiProperty({ description: 'Recovery codes not used yet.' })
  recoveryCodesLeft: number;

  @ApiProperty({ description: 'Passkeys registered (WebAuthn), the other way to give the second factor.' })
  passkeys: number;

  @ApiProperty({ enum: ['required', 'optional'], description: 'AUTH_MFA: whether every account must have one.' })
  policy: 'required' | 'optional';
}
