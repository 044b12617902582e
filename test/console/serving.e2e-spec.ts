import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { nextCode } from '../support/authenticator.js';
import { createAdmin, createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app.js';

const cookiesOf = (setCookie: string | string[] | undefined) => ([] as string[]).concat(setCookie ?? []);
const valueOf = (cookies: string[], name: string) =>
  cookies
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    .slice(name.length + 1);

describe('the console served by the service, and its refresh cookie', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    user = await createUser(t, await createAdmin(t), { roles: ['coordinator'] });
  });
  afterAll(() => t.close());

  /** Password then code, as the console does; the cookies come only with the second step. */
  async function signInResponse(refreshTokenIn: 'cookie' | 'body', host?: string) {
    const onHost = <R extends { set(name: string, value: string): R }>(request: R) => (host ? request.set('Host', host) : request);
    const first = await onHost(t.http().post('/api/auth/login'))
      .send({ email: user.email, password: user.password, refreshTokenIn })
      .expect(200);
    expect(first.body.accessToken).toBeUndefined();
    expect(first.headers['set-cookie']).toBeUndefined();
    return onHost(t.http().post('/api/auth/mfa/verify'))
      .send({ mfaToken: first.body.mfaToken, code: nextCode(user.email), refreshTokenIn })
      .expect(200);
  }

  it('serves the console at / and on client-side paths, with a strict CSP and no caching, without shadowing /api', async () => {
    for (const path of ['/', '/situations/00000000-0000-4000-8000-000000000000']) {
      const page = await t.http().get(path).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('<div id="root"></div>');
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page.headers['cache-control']).toBe('no-store');
      const csp = page.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
    const missing = await t.http().get('/api/no-such-route').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    await t.http().get('/api/health').expect(200);
  });

  it('sets the refresh token only as an HttpOnly SameSite=Strict cookie on /api/auth when the console asks for it', async () => {
    const login = await signInResponse('cookie');
    expect(login.body.accessToken).toEqual(expect.any(String));
    expect(login.body.refreshToken).toBeUndefined();
    const cookies = cookiesOf(login.headers['set-cookie']);
    const refresh = cookies.find((c) => c.startsWith('clsm_refresh='))!;
    expect(refresh).toMatch(/; Path=\/api\/auth/);
    expect(refresh).toMatch(/; HttpOnly/);
    expect(refresh).toMatch(/; SameSite=Strict/);
    // Loopback: plain HTTP in development. Anywhere else the cookie is Secure.
    expect(refresh).not.toMatch(/; Secure/);
    const remote = await signInResponse('cookie', 'cellule.example.fr');
    expect(cookiesOf(remote.headers['set-cookie']).every((c) => /; Secure/.test(c))).toBe(true);
    // Bearer clients keep receiving the token in the body, and no cookie.
    const plain = await signInResponse('body');
    expect(plain.body.refreshToken).toEqual(expect.any(String));
    expect(plain.headers['set-cookie']).toBeUndefined();
  });

  it('refreshes from the cookie only with the CSRF header that repeats the CSRF cookie, rotating both', async () => {
    const login = await signInResponse('cookie');
    const cookies = cookiesOf(login.headers['set-cookie']);
    const refresh = valueOf(cookies, 'clsm_refresh')!;
    const csrf = valueOf(cookies, 'clsm_csrf')!;
    const cookieHeader = `clsm_refresh=${refresh}; clsm_csrf=${csrf}`;
    const forged = await t.http().post('/api/auth/refresh').set('Cookie', cookieHeader).send({}).expect(403);
    expect(forged.body.detail).toMatch(/CSRF/);
    await t.http().post('/api/auth/refresh').set('Cookie', cookieHeader).set('X-CSRF-Token', 'x'.repeat(43)).send({}).expect(403);
    const renewed = await t.http().post('/api/auth/refresh').set('Cookie', cookieHeader).set('X-CSRF-Token', csrf).send({}).expect(200);
    expect(renewed.body.refreshToken).toBeUndefined();
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(200);
    const rotated = cookiesOf(renewed.headers['set-cookie']);
    expect(valueOf(rotated, 'clsm_refresh')).not.toBe(refresh);
    // The spent cookie is refused (reuse revokes the session) and cleared.
    const reused = await t.http().post('/api/auth/refresh').set('Cookie', cookieHeader).set('X-CSRF-Token', csrf).send({}).expect(401);
    expect(cookiesOf(reused.headers['set-cookie']).some((c) => c.startsWith('clsm_refresh=;'))).toBe(true);
  });

  it('logout clears the cookies and ends the session', async () => {
    const login = await signInResponse('cookie');
    const cookies = cookiesOf(login.headers['set-cookie']);
    const out = await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${login.body.accessToken}`).expect(204);
    expect(cookiesOf(out.headers['set-cookie']).some((c) => c.startsWith('clsm_refresh=;'))).toBe(true);
    const csrf = valueOf(cookies, 'clsm_csrf')!;
    await t
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', `clsm_refresh=${valueOf(cookies, 'clsm_refresh')}; clsm_csrf=${csrf}`)
      .set('X-CSRF-Token', csrf)
      .send({})
      .expect(401);
  });
});
