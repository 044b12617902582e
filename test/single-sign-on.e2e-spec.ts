import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/situations.js';
import { OIDC_CLIENT, ProviderBrowser, startOpenIdProvider, type TestProvider } from './support/openid-provider.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

const CALLBACK = 'http://cellule.test/api/auth/oidc/callback';

/** Pro Santé Connect's flow against a real provider in process: redirects, PKCE, state, nonce, acr. */
describe('single sign-on (OpenID Connect)', () => {
  let provider: TestProvider;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    provider = await startOpenIdProvider(CALLBACK);
    t = await startTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_REDIRECT_URI: CALLBACK,
      OIDC_SCOPES: 'openid scope_all',
      OIDC_IDENTIFIER_CLAIM: 'SubjectNameID',
      OIDC_STRONG_ACR: 'eidas1',
    });
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  /** The whole browser journey: the service, the provider's login, back to the service's callback. */
  async function signInAtProvider(subject: string, acr: string) {
    const start = await t.http().get('/api/auth/oidc/login').expect(302);
    const authorize = new URL(start.headers.location);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toEqual(expect.any(String));
    expect(authorize.searchParams.get('nonce')).toEqual(expect.any(String));
    expect(authorize.searchParams.get('acr_values')).toBe('eidas1');
    const flowCookie = (start.headers['set-cookie'] as unknown as string[]).find((cookie) => cookie.startsWith('clsm_oidc='))!;
    expect(flowCookie).toMatch(/HttpOnly/i);
    const browser = new ProviderBrowser();
    const back = await browser.follow(authorize.href, CALLBACK, (action) =>
      browser.request(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ subject, acr }).toString(),
      }),
    );
    return { back, flowCookie: flowCookie.split(';')[0] };
  }

  it('a linked professional signs in with e-CPS: no password, no code, the session is in the refresh cookie', async () => {
    const member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    const professionalId = `8${Date.now().toString().slice(-10)}`;
    await t.http().patch(`/api/users/${member.id}`).set(bearer(admin)).send({ professionalId }).expect(200);
    provider.accounts.set(`psc-${professionalId}`, { professionalId });
    const { back, flowCookie } = await signInAtProvider(`psc-${professionalId}`, 'eidas1');
    expect(back.searchParams.get('code')).toEqual(expect.any(String));

    const callback = await t.http().get(`${back.pathname}${back.search}`).set('Cookie', flowCookie).expect(302);
    expect(callback.headers.location).toBe('/');
    const cookies = callback.headers['set-cookie'] as unknown as string[];
    const refresh = cookies.find((cookie) => cookie.startsWith('clsm_refresh='))!;
    const csrf = cookies
      .find((cookie) => cookie.startsWith('clsm_csrf='))!
      .split(';')[0]
      .split('=')[1];
    expect(refresh).toMatch(/HttpOnly/i);
    expect(refresh).toMatch(/SameSite=Strict/i);
    const session = await t
      .http()
      .post('/api/auth/refresh')
      .set('Cookie', [refresh.split(';')[0], `clsm_csrf=${csrf}`])
      .set('X-CSRF-Token', csrf)
      .send({})
      .expect(200);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${session.body.accessToken}`).expect(200);
    expect(me.body.id).toBe(member.id);
    const method = await t.superuser.query('SELECT method FROM clsm.auth_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [
      member.id,
    ]);
    expect(method.rows[0].method).toBe('oidc');
  });

  it('an unknown OpenID subject is refused and audited', async () => {
    const professionalId = `8${unique('x').replace(/\D/g, '').slice(-10)}`;
    provider.accounts.set('psc-inconnu', { professionalId });
    const before = await t.superuser.query(`SELECT coalesce(max(seq), 0) AS seq FROM audit.event`);
    const { back, flowCookie } = await signInAtProvider('psc-inconnu', 'eidas1');
    const callback = await t.http().get(`${back.pathname}${back.search}`).set('Cookie', flowCookie).expect(302);
    expect(callback.headers.location).toBe('/?sso=inconnu');
    expect(((callback.headers['set-cookie'] as unknown as string[]) ?? []).some((cookie) => cookie.startsWith('clsm_refresh='))).toBe(
      false,
    );
    const entries = await t.superuser.query(
      `SELECT actor_user_id, outcome, client_address FROM audit.event WHERE action = 'auth.oidc_login' AND seq > $1`,
      [before.rows[0].seq],
    );
    expect(entries.rows).toEqual([{ actor_user_id: null, outcome: 'denied', client_address: expect.any(String) }]);
  });

  it('a sign-in below the strong level (no CPS or e-CPS) opens nothing', async () => {
    const member = await createUser(t, admin, { roles: ['member'] });
    const professionalId = `8${Date.now().toString().slice(-9)}7`;
    await t.http().patch(`/api/users/${member.id}`).set(bearer(admin)).send({ professionalId }).expect(200);
    provider.accounts.set(`psc-faible-${professionalId}`, { professionalId });
    const { back, flowCookie } = await signInAtProvider(`psc-faible-${professionalId}`, 'eidas0');
    const callback = await t.http().get(`${back.pathname}${back.search}`).set('Cookie', flowCookie).expect(302);
    expect(callback.headers.location).toBe('/?sso=niveau');
    const entries = await t.superuser.query(`SELECT outcome FROM audit.event WHERE action = 'auth.oidc_login' AND actor_user_id = $1`, [
      member.id,
    ]);
    expect(entries.rows).toEqual([{ outcome: 'denied' }]);
  });

  it('a callback without the flow cookie, or with a forged state, is refused', async () => {
    const member = await createUser(t, admin, { roles: ['member'] });
    const professionalId = `8${Date.now().toString().slice(-9)}3`;
    await t.http().patch(`/api/users/${member.id}`).set(bearer(admin)).send({ professionalId }).expect(200);
    provider.accounts.set(`psc-etat-${professionalId}`, { professionalId });
    const { back, flowCookie } = await signInAtProvider(`psc-etat-${professionalId}`, 'eidas1');
    const withoutCookie = await t.http().get(`${back.pathname}${back.search}`).expect(302);
    expect(withoutCookie.headers.location).toBe('/?sso=erreur');
    const forged = new URL(back.href);
    forged.searchParams.set('state', 'un-etat-fabrique');
    const withForgedState = await t.http().get(`${forged.pathname}${forged.search}`).set('Cookie', flowCookie).expect(302);
    expect(withForgedState.headers.location).toBe('/?sso=erreur');
  });

  it('the administrator links one identifier to one account only', async () => {
    const first = await createUser(t, admin, { roles: ['member'] });
    const second = await createUser(t, admin, { roles: ['member'] });
    const professionalId = `8${Date.now().toString().slice(-9)}1`;
    await t.http().patch(`/api/users/${first.id}`).set(bearer(admin)).send({ professionalId }).expect(200);
    const duplicate = await t.http().patch(`/api/users/${second.id}`).set(bearer(admin)).send({ professionalId }).expect(409);
    expect(duplicate.body.detail).toBe('Cet identifiant professionnel est déjà lié à un autre compte.');
    const audit = await t.superuser.query(
      `SELECT count(*)::int AS n FROM audit.event WHERE action = 'user.sso_link' AND resource_id = $1`,
      [first.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('tells the console that single sign-on is available', async () => {
    const status = await t.http().get('/api/auth/oidc').expect(200);
    expect(status.body).toEqual({ enabled: true, name: 'Pro Santé Connect' });
  });
});

describe('single sign-on switched off', () => {
  it('is announced as off, and its login route sends the browser back with an error instead of failing', async () => {
    const t = await startTestApp();
    try {
      expect((await t.http().get('/api/auth/oidc').expect(200)).body.enabled).toBe(false);
      const login = await t.http().get('/api/auth/oidc/login').expect(302);
      expect(login.headers.location).toBe('/?sso=erreur');
    } finally {
      await t.close();
    }
  });
});
