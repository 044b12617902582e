import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditVerifierService } from '../src/audit/audit-verifier.service.js';
import { bearer, intakeBody } from './support/situations.js';
import { statementsOf } from './support/sql-statements.js';
import { createAdmin, createFreshDatabase, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

/**
 * Two instances of the service on one database, as behind a load balancer: nothing one of them
 * needs is kept in the other's memory.
 */
describe('two instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    const databaseUrl = await createFreshDatabase();
    const shared = { DATABASE_URL: databaseUrl, LOGIN_MAX_FAILURES: '3', TRUST_PROXY: 'loopback' };
    a = await startTestApp(shared);
    b = await startTestApp(shared);
    admin = await createAdmin(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('concurrent writes through both keep the audit chain gapless and verifiable', async () => {
    const referrerA = await createUser(a, admin, { roles: ['referrer'] });
    const referrerB = await createUser(b, admin, { roles: ['referrer'] });
    const writes = Array.from({ length: 16 }, (_, index) =>
      index % 2 === 0
        ? a.http().post('/api/situations').set(bearer(referrerA)).send(intakeBody())
        : b.http().post('/api/situations').set(bearer(referrerB)).send(intakeBody()),
    );
    const answers = await Promise.all(writes);
    expect(answers.map((answer) => answer.status)).toEqual(Array(16).fill(201));
    const seqs = (await a.superuser.query('SELECT seq FROM audit.event ORDER BY seq')).rows.map((row: { seq: string }) => Number(row.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    for (const instance of [a, b]) {
      const report = await instance.app.get(AuditVerifierService).verify();
      expect({ valid: report.valid, firstBroken: report.firstBroken, lastSeq: report.lastSeq }).toEqual({
        valid: true,
        firstBroken: undefined,
        lastSeq: seqs.length,
      });
    }
  });

  it('an append chained to a tail the other instance has moved is refused by the database, then chained to the real tail: nothing lost, no gap', async () => {
    const referrer = await createUser(a, admin, { roles: ['referrer'] });
    // A writes last: it remembers the tail. Then B moves it.
    await a.http().post('/api/situations').set(bearer(referrer)).send(intakeBody()).expect(201);
    await b.http().post('/api/situations').set(bearer(referrer)).send(intakeBody()).expect(201);
    const texts = await statementsOf(() => a.http().post('/api/situations').set(bearer(referrer)).send(intakeBody()).expect(201));
    // The chain's statements only: a job of either instance may run meanwhile.
    const folded = texts.map((text) => text.replace(/\s+/g, ' ')).filter((text) => /audit|SAVEPOINT/.test(text));
    // The insert chained to the remembered tail, refused; back to the savepoint; the tail read under the lock; the insert again.
    const refused = folded.findIndex((text) => text.includes('audit.expected_tail'));
    expect(refused).toBeGreaterThanOrEqual(0);
    expect(folded.slice(refused + 1, refused + 4)).toEqual([
      'ROLLBACK TO SAVEPOINT audit_append',
      expect.stringContaining('SELECT pg_advisory_xact_lock'),
      expect.stringMatching(/^INSERT INTO audit\.event .*; COMMIT$/),
    ]);
    const seqs = (await a.superuser.query('SELECT seq FROM audit.event ORDER BY seq')).rows.map((row: { seq: string }) => Number(row.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    const report = await a.app.get(AuditVerifierService).verify();
    expect({ valid: report.valid, lastSeq: report.lastSeq }).toEqual({ valid: true, lastSeq: seqs.length });
  });

  it('the login lockout counts failures made on either instance', async () => {
    const member = await createUser(a, admin, { roles: ['member'] });
    await a.http().post('/api/auth/login').send({ email: member.email, password: 'mauvais mot de passe' }).expect(401);
    await b.http().post('/api/auth/login').send({ email: member.email, password: 'mauvais mot de passe' }).expect(401);
    await a.http().post('/api/auth/login').send({ email: member.email, password: 'mauvais mot de passe' }).expect(401);
    await b.http().post('/api/auth/login').send({ email: member.email, password: member.password }).expect(429);
  });

  it('a session ended on one instance is refused by the other at once', async () => {
    const member = await createUser(a, admin, { roles: ['member'] });
    await b.http().get('/api/auth/me').set(bearer(member)).expect(200);
    await a.http().post('/api/auth/logout').set(bearer(member)).expect(204);
    await b.http().get('/api/auth/me').set(bearer(member)).expect(401);
  });
});

describe('the authentication rate limit shared by two instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = { AUTH_RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY: 'loopback' };
    a = await startTestApp(shared);
    b = await startTestApp(shared);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts a client address across both instances', async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const attempt = (instance: TestApp) =>
      instance
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: `${unique('limite')}@test.example`, password: 'mauvais mot de passe' });
    const statuses = [];
    for (const instance of [a, b, a, b, a]) statuses.push((await attempt(instance)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const stored = await a.superuser.query(
      `SELECT count(*)::int AS n FROM clsm.rate_limit WHERE position(convert_to($1, 'UTF8') IN key) > 0`,
      [address],
    );
    expect(stored.rows[0].n).toBe(0);
  });
});
