import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/app-config.js';
import { AccessTokenPayload, AuthService, JWT_AUDIENCE, JWT_ISSUER } from './auth.service.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/** Verifies the bearer token, then reloads user and session so deactivation and logout apply at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // The key object is built once: given the secret as a string, jsonwebtoken would first try
      // (and fail) to parse it as a public key, then build a secret key, on every request.
      secretOrKey: createSecretKey(Buffer.from(config.get('auth', { infer: true }).jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthenticatedUser> {
    const user =
      typeof payload.sub === 'string' && typeof payload.sid === 'string' ? await this.auth.resolveAccessToken(payload) : undefined;
    if (!user) throw new UnauthorizedException('Session terminée ou compte désactivé.');
    return user;
  }
}
