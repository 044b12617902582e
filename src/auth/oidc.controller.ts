import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/access.decorators.js';
import { OIDC_FLOW_TTL_SECONDS, OidcRefused, OidcService } from './oidc.service.js';
import { readCookie, setSessionCookies } from './refresh-cookie.js';

const FLOW_COOKIE = 'clsm_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';

export class SingleSignOnDto {
  @ApiProperty({ description: 'Single sign-on is configured (OIDC_ISSUER).' })
  enabled: boolean;

  @ApiProperty({ example: 'Pro Santé Connect' })
  name: string;
}

/**
 * Single sign-on by OpenID Connect (Pro Santé Connect). Browser redirects only: the session ends
 * up in the same HttpOnly refresh cookie as a password sign-in, never in a URL.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: SingleSignOnDto })
  status(): SingleSignOnDto {
    return { enabled: this.oidc.enabled, name: 'Pro Santé Connect' };
  }

  @Get('login')
  @Public()
  @ApiFoundResponse({ description: 'To the provider; back to / with ?sso=erreur when single sign-on is off or unreachable.' })
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      const { redirectTo, flow } = await this.oidc.start();
      // Lax: the provider's redirect back is a cross-site top-level navigation.
      response.cookie(FLOW_COOKIE, flow, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.secure,
        path: FLOW_COOKIE_PATH,
        maxAge: OIDC_FLOW_TTL_SECONDS * 1000,
      });
      response.redirect(302, redirectTo);
    } catch {
      response.redirect(302, '/?sso=erreur');
    }
  }

  @Get('callback')
  @Public()
  @ApiFoundResponse({ description: 'Signed in: to / with the refresh cookie set. Refused: to /?sso=inconnu|niveau|erreur.' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const flow = readCookie(request, FLOW_COOKIE);
    response.clearCookie(FLOW_COOKIE, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: FLOW_COOKIE_PATH });
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    try {
      const tokens = await this.oidc.finish(query, flow, request.headers['user-agent']);
      setSessionCookies(request, response, tokens.refreshToken!, tokens.refreshTokenExpiresAt);
      response.redirect(302, '/');
    } catch (error) {
      if (!(error instanceof OidcRefused)) throw error;
      response.redirect(302, `/?sso=${error.reason}`);
    }
  }
}
