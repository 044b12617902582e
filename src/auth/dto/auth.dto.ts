import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

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
}

export class RefreshDto {
  @ApiProperty({ maxLength: 200, description: 'The refresh token from the last login or refresh (single use).' })
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header.' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Lifetime of the access token, in seconds.' })
  expiresIn: number;

  @ApiProperty({ description: 'Single-use token for POST /api/auth/refresh; rotates on each use.' })
  refreshToken: string;

  @ApiProperty()
  refreshTokenExpiresAt: string;
}
