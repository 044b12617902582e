import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { bearer, createSituation, intakeBody } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TEST_PASSWORD, TestApp, TestUser, unique } from './support/test-app.js';

/** Everything the service logs, as JSON lines, for a run of requests full of personal data. */
describe('structured logs', () => {
  let t: TestApp;
  let admin: TestUser;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logStream: stream });
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  it('hold request ids, methods, paths and statuses, but no body, token, query string or personal value', async () => {
    const email = `${unique('journal.personne')}@test.example`;
    const displayName = `Nom Journal ${unique('x')}`;
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email, displayName, professionalCategory: 'nurse', roles: ['referrer'], password: TEST_PASSWORD })
      .expect(201);
    await t.http().post('/api/auth/login').send({ email, password: 'mauvais mot de passe' }).expect(401);
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    const body = intakeBody();
    const situation = await createSituation(t, referrer, body);
    await t
      .http()
      .get(`/api/situations?reference=${situation.reference}&secretQuery=${encodeURIComponent(body.identity.birthName)}`)
      .set(bearer(referrer));
    // A server error whose failed query carries personal values in its parameters.
    const failingEmail = `${unique('echec.creation')}@test.example`;
    await t.superuser.query(
      `CREATE FUNCTION clsm.fail_for_logs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused %', NEW.email; END $$`,
    );
    await t.superuser.query(
      `CREATE TRIGGER fail_for_logs BEFORE INSERT ON clsm.user_account FOR EACH ROW WHEN (NEW.email = '${failingEmail}') EXECUTE FUNCTION clsm.fail_for_logs()`,
    );
    try {
      await t
        .http()
        .post('/api/users')
        .set(bearer(admin))
        .send({
          email: failingEmail,
          displayName: 'Personne Echec',
          professionalCategory: 'nurse',
          roles: ['member'],
          password: TEST_PASSWORD,
        })
        .expect(500);
    } finally {
      await t.superuser.query('DROP TRIGGER fail_for_logs ON clsm.user_account');
      await t.superuser.query('DROP FUNCTION clsm.fail_for_logs()');
    }

    const parsed = lines.map(
      (line) => JSON.parse(line) as { req?: { id: string; method: string; path: string }; res?: { statusCode: number } },
    );
    const requests = parsed.filter((entry) => entry.req && entry.res);
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.every((entry) => typeof entry.req!.id === 'string' && entry.req!.path.startsWith('/api/'))).toBe(true);
    expect(requests.some((entry) => entry.res!.statusCode === 500)).toBe(true);
    const everything = lines.join('\n');
    for (const value of [
      email,
      displayName,
      failingEmail,
      'Personne Echec',
      TEST_PASSWORD,
      'mauvais mot de passe',
      referrer.token,
      admin.token,
      body.identity.birthName,
      body.narrative.narrative,
      body.contact.phone,
      'secretQuery',
      'Bearer ',
    ]) {
      expect({ value: value.slice(0, 40), logged: everything.includes(value) }).toEqual({ value: value.slice(0, 40), logged: false });
    }
    expect(everything).toContain('Unhandled error');
  });
});
