import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/auth/auth.service.js';
import {
  approveAccessChange,
  createAdmin,
  createUser,
  login,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
  TestUser,
  unique,
} from './support/test-app.js';

describe('authentication', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '600' });
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  it('logs in with the right password and serves the profile to the access token', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const response = await me(user.token).expect(200);
    expect(response.body).toMatchObject({ id: user.id, email: user.email, roles: ['member'], active: true });
    expect(response.body).not.toHaveProperty('passwordHash');
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const wrongPassword = await t.http().post('/api/auth/login').send({ email: user.email, password: 'not the password' });
    const unknownEmail = await t
      .http()
      .post('/api/auth/login')
      .send({ email: `${unique('nobody')}@test.example`, password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.headers['content-type']).toContain('application/problem+json');
    // Identical but for the id of each request.
    expect({ ...wrongPassword.body, requestId: undefined }).toEqual({ ...unknownEmail.body, requestId: undefined });
  });

  it('locks an account after repeated failures, even for the right password, and says the same for unknown e-mails', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const unknown = `${unique('ghost')}@test.example`;
    for (const email of [user.email, unknown]) {
      for (let attempt = 0; attempt < 3; attempt++) {
        await t.http().post('/api/auth/login').send({ email, password: 'wrong password!' }).expect(401);
      }
    }
    const locked = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    const lockedUnknown = await t.http().post('/api/auth/login').send({ email: unknown, password: TEST_PASSWORD }).expect(429);
    expect(locked.body.type).toBe('https://clsm-cellule.fr/problems/login-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(lockedUnknown.body.type).toBe(locked.body.type);
    expect(lockedUnknown.body.detail).toBe(locked.body.detail);
  });

  it('rotates the refresh token: the new one works, the access token it gives works', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    expect(rotated.body.refreshToken).not.toBe(user.refreshToken);
    await me(rotated.body.accessToken).expect(200);
    const again = await t.http().post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(200);
    await me(again.body.accessToken).expect(200);
  });

  it('revokes the whole token family when a spent refresh token is presented again', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    // The legitimate holder's newer tokens die with the family.
    await t.http().post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    await me(rotated.body.accessToken).expect(401);
    await me(user.token).expect(401);
    const { rows } = await t.superuser.query(`SELECT s.revoked_reason FROM clsm.auth_session s WHERE s.user_id = $1`, [user.id]);
    expect(rows).toEqual([{ revoked_reason: 'refresh_token_reuse' }]);
  });

  it('stores refresh tokens only as hashes', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const { rows } = await t.superuser.query(
      `SELECT t.token_hash FROM clsm.refresh_token t JOIN clsm.auth_session s ON s.id = t.session_id WHERE s.user_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toEqual(createHash('sha256').update(user.refreshToken).digest());
    const dump = await t.superuser.query(`SELECT t::text AS row FROM clsm.refresh_token t`);
    expect(dump.rows.some((row: { row: string }) => row.row.includes(user.refreshToken))).toBe(false);
  });

  it('logout ends the access token and the refresh token at once', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${user.token}`).expect(204);
    await me(user.token).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
  });

  it('rejects a deactivated user at the next request, and their login and refresh', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    await me(user.token).expect(200);
    await t.http().patch(`/api/users/${user.id}`).set('Authorization', `Bearer ${admin.token}`).send({ active: false }).expect(200);
    await me(user.token).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
  });

  it('rejects an expired access token', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const [, payload] = user.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const expired = await new JwtService().signAsync(
      { sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 10 },
      { secret: t.config.auth.jwtSecret, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256' },
    );
    await me(expired).expect(401);
    await me(user.token).expect(200);
  });

  it('rejects a tampered token, one signed with another key, and an unsigned one', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const victim = await createUser(t, admin, { roles: ['coordinator'] });
    const [header, payload, signature] = user.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: victim.id })).toString('base64url');
    await me(`${header}.${forgedPayload}.${signature}`).expect(401);
    const otherKey = await new JwtService().signAsync(claims, { secret: 'another-secret-of-sufficient-length-1234', algorithm: 'HS256' });
    await me(otherKey).expect(401);
    const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await me(`${unsignedHeader}.${payload}.`).expect(401);
    await me('not-a-token').expect(401);
  });

  it('requires a token on /api/auth/me and /api/auth/logout', async () => {
    await t.http().get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/logout').expect(401);
  });

  it('changing roles takes effect at the next request (once the ethics committee approves a widening)', async () => {
    const user = await createUser(t, admin, { roles: ['dac'] });
    await t.http().get('/api/sessions').set('Authorization', `Bearer ${user.token}`).expect(404);
    const changed = await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ roles: ['member'] })
      .expect(200);
    await approveAccessChange(t, admin, changed.body.pendingAccessChangeId, user.id);
    await t.http().get('/api/sessions').set('Authorization', `Bearer ${user.token}`).expect(200);
  });

  it('logs in with the e-mail in any case', async () => {
    const user = await createUser(t, admin, { roles: ['referrer'] });
    const tokens = await login(t, user.email.toUpperCase());
    await me(tokens.accessToken).expect(200);
  });
});

describe('login throttling per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '4', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());

  it('locks a client address that fails across many accounts, and only that address', async () => {
    const address = '203.0.113.7';
    for (let attempt = 0; attempt < 4; attempt++) {
      await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: `${unique('spray')}@test.example`, password: 'wrong password!' })
        .expect(401);
    }
    await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email: `${unique('spray')}@test.example`, password: 'wrong password!' })
      .expect(429);
    await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.8')
      .send({ email: `${unique('spray')}@test.example`, password: 'wrong password!' })
      .expect(401);
  });
});

describe('rate limit on authentication routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json past the per-minute limit', async () => {
    const attempt = () =>
      t
        .http()
        .post('/api/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) });
    for (let i = 0; i < 3; i++) await attempt().expect(401);
    const limited = await attempt().expect(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body.status).toBe(429);
    expect(limited.body.title).toBe('Trop de requêtes');
    expect(limited.body.detail).toMatch(/réessayez/);
  });
});
