import { HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ProblemException, ProblemType } from '../common/problem.js';

/**
 * The browser console keeps its refresh token in an HttpOnly cookie that only /api/auth receives, so no
 * script can read it. The routes that accept the cookie check a double-submit CSRF token: a second,
 * readable cookie whose value the console copies into the `X-CSRF-Token` header (another site can
 * neither read the cookie nor set the header). Non-browser clients keep sending the refresh token in
 * the JSON body and never see either cookie.
 */
export const REFRESH_COOKIE = 'clsm_refresh';
export const CSRF_COOKIE = 'clsm_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const REFRESH_COOKIE_PATH = '/api/auth';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `Secure` everywhere but on a loopback address (the development server speaks plain HTTP). */
function secure(request: Request): boolean {
  return request.secure || !LOOPBACK.has(request.hostname);
}

export function setSessionCookies(request: Request, response: Response, refreshToken: string, expiresAt: string): void {
  const common = { sameSite: 'strict' as const, secure: secure(request), expires: new Date(expiresAt) };
  response.cookie(REFRESH_COOKIE, refreshToken, { ...common, httpOnly: true, path: REFRESH_COOKIE_PATH });
  response.cookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), { ...common, httpOnly: false, path: '/' });
}

/**
 * Signed-in tokens as the client asked for them: the browser's variant keeps the refresh token only
 * in the HttpOnly cookie, never in the body; other clients get it in the body.
 */
export function deliverTokens<T extends { refreshToken?: string; refreshTokenExpiresAt: string }>(
  request: Request,
  response: Response,
  tokens: T,
  refreshTokenIn: 'body' | 'cookie' | undefined,
): T {
  if (refreshTokenIn !== 'cookie') return tokens;
  setSessionCookies(request, response, tokens.refreshToken!, tokens.refreshTokenExpiresAt);
  const { refreshToken: _sent, ...rest } = tokens;
  return rest as T;
}

export function clearSessionCookies(request: Request, response: Response): void {
  const common = { sameSite: 'strict' as const, secure: secure(request) };
  response.clearCookie(REFRESH_COOKIE, { ...common, httpOnly: true, path: REFRESH_COOKIE_PATH });
  response.clearCookie(CSRF_COOKIE, { ...common, path: '/' });
}

/** Throws 403 unless the X-CSRF-Token header repeats the CSRF cookie. */
export function requireCsrf(request: Request): void {
  const cookie = readCookie(request, CSRF_COOKIE);
  const header = request.headers[CSRF_HEADER];
  const valid =
    typeof cookie === 'string' &&
    typeof header === 'string' &&
    cookie.length >= 32 &&
    cookie.length === header.length &&
    timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
  if (!valid) {
    throw new ProblemException(
      HttpStatus.FORBIDDEN,
      ProblemType.forbidden,
      'Forbidden',
      'Jeton anti-falsification (CSRF) absent ou invalide : rechargez la page et reconnectez-vous.',
    );
  }
}
