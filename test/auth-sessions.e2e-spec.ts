import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdmin, createUser, login, startTestApp, TEST_PASSWORD, TestApp, TestUser } from './support/test-app.js';

/** A person sees where they are signed in and ends a session; a session left idle ends by itself. */
describe('signed-in sessions', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_IDLE_TIMEOUT_MINUTES: '30' });
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  const signIn = async (email: string, client: string) => (await login(t, email, TEST_PASSWORD, { userAgent: client })).accessToken;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('lists one’s own signed-in devices, and ending one cuts its tokens at once', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const laptop = await signIn(user.email, 'Firefox sur le poste du CCAS');
    const phone = await signIn(user.email, 'Navigateur du telephone');
    const listed = await t.http().get('/api/auth/sessions').set(auth(laptop)).expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          client: 'Firefox sur le poste du CCAS',
          current: true,
          createdAt: expect.any(String),
          lastUsedAt: expect.any(String),
        }),
        expect.objectContaining({ client: 'Navigateur du telephone', current: false }),
      ]),
    );
    const phoneSession = listed.body.find((session: { client: string }) => session.client === 'Navigateur du telephone').id as string;
    await t.http().delete(`/api/auth/sessions/${phoneSession}`).set(auth(laptop)).expect(204);
    await t.http().get('/api/auth/me').set(auth(phone)).expect(401);
    await t.http().get('/api/auth/me').set(auth(laptop)).expect(200);
    const entries = await t.superuser.query(`SELECT outcome FROM audit.event WHERE action = 'auth.session_end' AND resource_id = $1`, [
      phoneSession,
    ]);
    expect(entries.rows).toEqual([{ outcome: 'granted' }]);
  });

  it('someone else’s session does not exist for you: 404, recorded as refused', async () => {
    const owner = await createUser(t, admin, { roles: ['referrer'] });
    const other = await createUser(t, admin, { roles: ['referrer'] });
    const [session] = (await t.http().get('/api/auth/sessions').set(auth(owner.token)).expect(200)).body;
    await t.http().delete(`/api/auth/sessions/${session.id}`).set(auth(other.token)).expect(404);
    await t.http().get('/api/auth/me').set(auth(owner.token)).expect(200);
  });

  it('a session left idle longer than the configured time ends, for its access and its refresh token', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    await t.http().get('/api/auth/me').set(auth(user.token)).expect(200);
    await t.superuser.query(`UPDATE clsm.auth_session SET last_used_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    await t.http().get('/api/auth/me').set(auth(user.token)).expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
  });

  it('a session in use stays alive: its last use is written when older than 30 seconds, not on every request', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const lastUse = async () =>
      (
        await t.superuser.query<{ age: number }>(
          `SELECT extract(epoch FROM now() - last_used_at)::float8 AS age FROM clsm.auth_session WHERE user_id = $1`,
          [user.id],
        )
      ).rows[0].age;
    await t.superuser.query(`UPDATE clsm.auth_session SET last_used_at = now() - interval '20 minutes' WHERE user_id = $1`, [user.id]);
    await t.http().get('/api/auth/me').set(auth(user.token)).expect(200);
    expect(await lastUse()).toBeLessThan(5);
    await t.superuser.query(`UPDATE clsm.auth_session SET last_used_at = now() - interval '10 seconds' WHERE user_id = $1`, [user.id]);
    await t.http().get('/api/auth/me').set(auth(user.token)).expect(200);
    expect(await lastUse()).toBeGreaterThanOrEqual(10);
  });
});
