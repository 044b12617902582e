import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({ description: 'Single-use token for POST /api/auth/refresh; rotates on each use. Absent when it was set as a cookie.' })
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
