import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { CANONICAL_FROM_COLUMNS_SQL } from '../src/audit/audit-chain-walker.js';
import { AuditService } from '../src/audit/audit.service.js';
import {
  approveAccessChange,
  createAdmin,
  createFreshDatabase,
  createUser,
  login,
  startTestApp,
  TEST_PASSWORD,
  testEnvironment,
  TestApp,
  TestUser,
  unique,
} from './support/test-app.js';

interface EventView {
  seq: number;
  actor: { userId: string | null; role: string | null; organizationId: string | null };
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
}

describe('audit trail: what is recorded', () => {
  let t: TestApp;
  let admin: TestUser;
  let ethics: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase(), LOGIN_MAX_FAILURES: '2' });
    admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
  });
  afterAll(() => t.close());

  /** The entries recorded since `afterSeq`, read through the ethics committee's API. */
  const eventsSince = async (afterSeq: number): Promise<EventView[]> => {
    const response = await t.http().get('/api/audit/events?limit=200').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    return (response.body.items as EventView[]).filter((event) => event.seq > afterSeq).sort((a, b) => a.seq - b.seq);
  };
  const headSeq = async () => Number((await t.superuser.query('SELECT coalesce(max(seq), 0) AS seq FROM audit.event')).rows[0].seq);
  const pick = (event: EventView) => ({
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    outcome: event.outcome,
    userId: event.actor.userId,
    role: event.actor.role,
  });
  /** Entries of one operation, without the committee's own query that read them. */
  const recordedBy = async (operation: () => Promise<unknown>) => {
    const before = await headSeq();
    await operation();
    return (await eventsSince(before)).filter((event) => !event.action.startsWith('audit.')).map(pick);
  };

  it('a successful login records the password step, then auth.login granted for that account and session', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    let sessionId = '';
    const entries = await recordedBy(async () => {
      const tokens = await login(t, user.email);
      sessionId = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString()).sid;
    });
    expect(entries).toEqual([
      { action: 'auth.password', resourceType: 'session', resourceId: null, outcome: 'granted', userId: user.id, role: null },
      { action: 'auth.login', resourceType: 'session', resourceId: sessionId, outcome: 'granted', userId: user.id, role: null },
    ]);
  });

  it('a failed login records auth.login denied with the account id, never the e-mail; a locked one auth.login_locked', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const entries = await recordedBy(async () => {
      await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong password!' }).expect(401);
      await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong password!' }).expect(401);
      await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    });
    expect(entries).toEqual([
      { action: 'auth.login', resourceType: 'session', resourceId: null, outcome: 'denied', userId: user.id, role: null },
      { action: 'auth.login', resourceType: 'session', resourceId: null, outcome: 'denied', userId: user.id, role: null },
      { action: 'auth.login_locked', resourceType: 'session', resourceId: null, outcome: 'denied', userId: user.id, role: null },
    ]);
  });

  it('refresh, refresh-token reuse and logout are recorded against the session', async () => {
    const user = await createUser(t, admin, { roles: ['member'] });
    const sessionId = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString()).sid;
    const entries = await recordedBy(async () => {
      const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
      await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      const other = await login(t, user.email);
      await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${other.accessToken}`).expect(204);
      expect(rotated.body.accessToken).toBeDefined();
    });
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.userId])).toEqual([
      ['auth.refresh', 'granted', user.id],
      ['auth.refresh_reuse', 'denied', user.id],
      ['auth.password', 'granted', user.id],
      ['auth.login', 'granted', user.id],
      ['auth.logout', 'granted', user.id],
    ]);
    expect(entries[1].resourceId).toBe(sessionId);
  });

  it('account creation, role change and deactivation are recorded with the administrator as actor', async () => {
    let userId = '';
    let changeId = '';
    const entries = await recordedBy(async () => {
      const created = await t
        .http()
        .post('/api/users')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({
          email: `${unique('audite')}@test.example`,
          displayName: 'Personne Audit',
          professionalCategory: 'nurse',
          roles: ['member', 'referrer'],
          password: TEST_PASSWORD,
        })
        .expect(201);
      userId = created.body.id;
      changeId = created.body.pendingAccessChangeId;
      await approveAccessChange(t, admin, changeId, userId);
      await t
        .http()
        .patch(`/api/users/${userId}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ roles: ['member'] })
        .expect(200);
      await t.http().patch(`/api/users/${userId}`).set('Authorization', `Bearer ${admin.token}`).send({ active: false }).expect(200);
    });
    const admin_ = { userId: admin.id, role: 'admin', resourceType: 'user_account', resourceId: userId, outcome: 'granted' };
    // The roles asked for at creation waited for the ethics committee: requested by the administrator, approved by a member.
    expect(entries.filter((entry) => entry.resourceId === changeId).map((entry) => [entry.action, entry.role])).toEqual([
      ['access_change.request', 'admin'],
      ['access_change.approve', 'ethics'],
    ]);
    expect(entries.filter((entry) => entry.resourceId === userId)).toEqual([
      { ...admin_, action: 'user.create' },
      { ...admin_, action: 'user.update' },
      { ...admin_, action: 'user.role_change' },
      { ...admin_, action: 'user.update' },
      { ...admin_, action: 'user.deactivate' },
    ]);
  });

  it('organisation creation and directory lists are recorded', async () => {
    const entries = await recordedBy(async () => {
      await t
        .http()
        .post('/api/organizations')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ name: unique('CCAS'), kind: 'ccas' })
        .expect(201);
      await t.http().get('/api/organizations').set('Authorization', `Bearer ${admin.token}`).expect(200);
      await t.http().get('/api/users').set('Authorization', `Bearer ${admin.token}`).expect(200);
    });
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.userId, entry.role])).toEqual([
      ['organization.create', 'granted', admin.id, 'admin'],
      ['organization.list', 'granted', admin.id, 'admin'],
      ['user.list', 'granted', admin.id, 'admin'],
    ]);
  });

  it('a denied request leaves a denied entry naming the actor and the resource', async () => {
    const member = await createUser(t, admin, { roles: ['member'] });
    const entries = await recordedBy(() => t.http().get('/api/users').set('Authorization', `Bearer ${member.token}`).expect(403));
    expect(entries).toEqual([
      { action: 'access.denied', resourceType: 'users', resourceId: null, outcome: 'denied', userId: member.id, role: null },
    ]);
  });

  it("the committee's own queries are recorded, without their filters", async () => {
    const before = await headSeq();
    await t
      .http()
      .get(`/api/audit/events?actorId=${admin.id}&action=user.create`)
      .set('Authorization', `Bearer ${ethics.token}`)
      .expect(200);
    await t.http().get('/api/audit/events?format=csv').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    await t.http().get('/api/audit/anomalies').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    await t.http().get('/api/audit/verify').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    const situationId = '11111111-1111-4111-8111-111111111111';
    await t.http().get(`/api/audit/situations/${situationId}/accesses`).set('Authorization', `Bearer ${ethics.token}`).expect(200);
    const { rows } = await t.superuser.query(
      'SELECT action, actor_user_id, actor_role, resource_id, canonical FROM audit.event WHERE seq > $1 ORDER BY seq',
      [before],
    );
    expect(rows.map((row: { action: string }) => row.action)).toEqual([
      'audit.search',
      'audit.export',
      'audit.anomalies',
      'audit.verify',
      'audit.situation_accesses',
    ]);
    expect(
      rows.every((row: { actor_user_id: string; actor_role: string }) => row.actor_user_id === ethics.id && row.actor_role === 'ethics'),
    ).toBe(true);
    expect(rows[4].resource_id).toBe(situationId);
    expect(rows.map((row: { canonical: Buffer }) => row.canonical.toString()).join()).not.toContain('user.create');
  });

  it('filters events by actor, action, outcome and period, and exports CSV', async () => {
    const member = await createUser(t, admin, { roles: ['member'] });
    await t.http().get('/api/organizations').set('Authorization', `Bearer ${member.token}`).expect(403);
    const as = (query: string) => t.http().get(`/api/audit/events?${query}`).set('Authorization', `Bearer ${ethics.token}`).expect(200);
    const byActor = await as(`actorId=${member.id}&outcome=denied`);
    expect(byActor.body.items.map((event: EventView) => event.action)).toEqual(['access.denied']);
    const future = await as(`from=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(future.body.items).toEqual([]);
    const csv = await as(`actorId=${member.id}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,recorded_at,actor_user_id,actor_name,actor_role,actor_organization_id,actor_organization_name,action,resource_type,resource_id,situation_id,outcome,purpose_type,purpose_id,policy_version,request_id,client_address',
    );
    expect(lines.slice(1).some((line) => line.includes('"access.denied"'))).toBe(true);
    // Named, and a name a spreadsheet would run as a formula is defused.
    await t
      .http()
      .patch(`/api/users/${member.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ displayName: '=HYPERLINK("x")' })
      .expect(200);
    const named = await as(`actorId=${member.id}&format=csv`);
    const denied = named.text.split('\r\n').find((line) => line.includes('"access.denied"'))!;
    expect(denied.split(',').slice(0, 4)).toEqual([expect.any(String), expect.any(String), `"${member.id}"`, `"'=HYPERLINK(""x"")"`]);
    await t.http().get('/api/audit/events?outcome=maybe').set('Authorization', `Bearer ${ethics.token}`).expect(400);
  });

  it('reports bursts of denials by one actor as an anomaly', async () => {
    const prober = await createUser(t, admin, { roles: ['referrer'] });
    for (let i = 0; i < 5; i++) await t.http().get('/api/users').set('Authorization', `Bearer ${prober.token}`).expect(403);
    const report = await t.http().get('/api/audit/anomalies').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    expect(report.body.deniedBursts).toContainEqual(expect.objectContaining({ actorUserId: prober.id, denials: 5 }));
    expect(report.body.deniedBursts.map((burst: { actorUserId: string }) => burst.actorUserId)).not.toContain(ethics.id);
  });

  it('roles other than ethics get 403 on every audit route', async () => {
    const others = await createUser(t, admin, { roles: ['coordinator', 'member', 'referrer', 'dac'] });
    for (const user of [admin, others]) {
      for (const path of [
        '/api/audit/events',
        '/api/audit/verify',
        '/api/audit/anomalies',
        '/api/audit/situations/11111111-1111-4111-8111-111111111111/accesses',
      ]) {
        const response = await t.http().get(path).set('Authorization', `Bearer ${user.token}`);
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
      }
    }
  });

  it('no entry holds a personal value submitted through the API', async () => {
    const displayName = `Jeanne Témoin ${unique('nom')}`;
    const email = `${unique('jeanne.temoin')}@test.example`;
    await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email, displayName, professionalCategory: 'nurse', roles: ['member'], password: TEST_PASSWORD })
      .expect(201);
    await t.http().post('/api/auth/login').send({ email, password: 'a wrong passphrase' }).expect(401);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: `${unique('inconnu')}@test.example`, password: 'x' })
      .expect(401);
    const { rows } = await t.superuser.query(`SELECT e::text AS row, encode(canonical, 'escape') AS canonical FROM audit.event e`);
    const everything = rows.map((row: { row: string; canonical: string }) => `${row.row} ${row.canonical}`).join('\n');
    for (const value of [displayName, 'Témoin', email, 'inconnu', TEST_PASSWORD, 'a wrong passphrase', '@test.example']) {
      expect({ value, found: everything.includes(value) }).toEqual({ value, found: false });
    }
  });

  it("PostgreSQL rebuilds every recorded entry's canonical bytes exactly (verification's fast path)", async () => {
    const { rows } = await t.superuser.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${CANONICAL_FROM_COLUMNS_SQL} = canonical)::int AS rebuilt FROM audit.event`,
    );
    expect(rows[0].total).toBeGreaterThan(30);
    expect(rows[0].rebuilt).toBe(rows[0].total);
  });

  it('a read whose audit entry cannot be written fails and returns no data', async () => {
    const reader = await createAdmin(t);
    await t.superuser.query(`
      CREATE FUNCTION audit.fail_for_probe() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$`);
    await t.superuser.query(`
      CREATE TRIGGER fail_for_probe BEFORE INSERT ON audit.event FOR EACH ROW
      WHEN (NEW.actor_user_id = '${reader.id}') EXECUTE FUNCTION audit.fail_for_probe()`);
    try {
      const response = await t.http().get('/api/users?limit=200').set('Authorization', `Bearer ${reader.token}`);
      expect(response.status).toBe(500);
      expect(response.body.type).toBe('https://clsm-cellule.fr/problems/internal');
      expect(JSON.stringify(response.body)).not.toContain(admin.email);
      expect(response.body.items).toBeUndefined();
      // The others' requests are not affected.
      await t.http().get('/api/users').set('Authorization', `Bearer ${admin.token}`).expect(200);
    } finally {
      await t.superuser.query('DROP TRIGGER fail_for_probe ON audit.event');
      await t.superuser.query('DROP FUNCTION audit.fail_for_probe()');
    }
  });
});

describe('audit trail: append-only and concurrent', () => {
  let t: TestApp;
  let admin: TestUser;
  let ethics: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase(), AUDIT_CHECKPOINT_EVERY: '25' });
    admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
  });
  afterAll(() => t.close());

  it('the service roles cannot UPDATE, DELETE or TRUNCATE audit rows: PostgreSQL refuses', async () => {
    for (const url of [t.config.database.celluleUrl, t.config.database.generalUrl]) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const sql of [
          "UPDATE audit.event SET action = 'auth.logout'",
          'DELETE FROM audit.event',
          'TRUNCATE audit.event',
          'DELETE FROM audit.checkpoint',
        ]) {
          await expect(client.query(sql)).rejects.toMatchObject({ code: '42501' });
        }
      } finally {
        await client.end();
      }
    }
  });

  it('even the table owner is stopped by the triggers', async () => {
    const client = await t.superuser.connect();
    try {
      await client.query('SET ROLE clsm_owner');
      await expect(client.query("UPDATE audit.event SET action = 'auth.logout' WHERE seq = 1")).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit.event')).rejects.toThrow(/append-only/);
    } finally {
      await client.query('RESET ROLE');
      client.release();
    }
  });

  it('50 concurrent clients reading and writing: no gap, no duplicate, the chain verifies', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => createUser(t, admin, { roles: ['member'] })));
    const before = Number((await t.superuser.query('SELECT coalesce(max(seq), 0) AS seq FROM audit.event')).rows[0].seq);
    const clients = Array.from({ length: 50 }, (_, i) => async () => {
      if (i % 5 === 0) {
        const user = users[i % users.length];
        await t
          .http()
          .patch(`/api/users/${user.id}`)
          .set('Authorization', `Bearer ${admin.token}`)
          .send({ displayName: `Renommé ${i}` })
          .expect(200);
      } else if (i % 5 === 1) {
        await t.http().get('/api/users').set('Authorization', `Bearer ${users[0].token}`).expect(403);
      } else {
        await t.http().get('/api/organizations').set('Authorization', `Bearer ${admin.token}`).expect(200);
      }
    });
    await Promise.all(clients.map((client) => client()));
    const { rows } = await t.superuser.query('SELECT seq FROM audit.event WHERE seq > $1 ORDER BY seq', [before]);
    const seqs = rows.map((row: { seq: string }) => Number(row.seq));
    expect(seqs).toHaveLength(50);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
    const report = await t.http().get('/api/audit/verify').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    expect(report.body).toMatchObject({ valid: true });
    expect(report.body.entriesVerified).toBeGreaterThanOrEqual(before + 50);
  });

  it('signs a checkpoint after N entries, over the head of the chain', async () => {
    await t.app.get(AuditService).checkpoint();
    const { rows } = await t.superuser.query(
      'SELECT c.seq, c.head_hash = e.hash AS matches FROM audit.checkpoint c JOIN audit.event e USING (seq)',
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((row: { matches: boolean }) => row.matches)).toBe(true);
  });
});

describe('audit trail: tampering is detected at the right entry', () => {
  let t: TestApp;
  let ethics: TestUser;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createFreshDatabase();
    t = await startTestApp({ DATABASE_URL: databaseUrl });
    const admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    for (let i = 0; i < 12; i++) await t.http().get('/api/organizations').set('Authorization', `Bearer ${admin.token}`).expect(200);
    await t.app.get(AuditService).checkpoint();
  });
  afterAll(() => t.close());

  const verify = async () => (await t.http().get('/api/audit/verify').set('Authorization', `Bearer ${ethics.token}`).expect(200)).body;

  /** Runs `tamper` as a database administrator who bypasses the triggers, checks, then undoes it. */
  const asAttacker = async (tamper: string, restore: string) => {
    const client = await t.superuser.connect();
    try {
      await client.query("SET session_replication_role = 'replica'");
      await client.query(tamper);
      return async () => {
        await client.query(restore);
        await client.query("SET session_replication_role = 'origin'");
        client.release();
      };
    } catch (error) {
      await client.query("SET session_replication_role = 'origin'");
      client.release();
      throw error;
    }
  };
  // The verifications' own entries appended during a test are dropped with the restoration.
  const restoreAll = `DELETE FROM audit.event; INSERT INTO audit.event SELECT * FROM audit_backup;
    DELETE FROM audit.checkpoint; INSERT INTO audit.checkpoint SELECT * FROM audit_checkpoint_backup;`;

  beforeAll(async () => {
    await t.superuser.query('CREATE TABLE public.audit_backup AS SELECT * FROM audit.event');
    await t.superuser.query('CREATE TABLE public.audit_checkpoint_backup AS SELECT * FROM audit.checkpoint');
  });

  it('the untouched chain verifies', async () => {
    const report = await verify();
    expect(report).toMatchObject({ valid: true, checkpointsVerified: 1 });
  });

  it('one changed byte of the hashed content is reported at that entry', async () => {
    const undo = await asAttacker(
      `UPDATE audit.event SET canonical = overlay(canonical placing '\\x58'::bytea from 20 for 1) WHERE seq = 5`,
      restoreAll,
    );
    try {
      expect((await verify()).firstBroken).toEqual({ seq: 5, kind: 'hash_mismatch', problem: 'hash does not match the recorded content' });
    } finally {
      await undo();
    }
  });

  it('a changed column is reported at that entry even when the hashed bytes are left alone', async () => {
    const undo = await asAttacker(`UPDATE audit.event SET outcome = 'denied' WHERE seq = 7`, restoreAll);
    try {
      expect((await verify()).firstBroken).toEqual({
        seq: 7,
        kind: 'columns_differ',
        problem: 'stored columns differ from the hashed content',
      });
    } finally {
      await undo();
    }
  });

  it('a deleted entry is reported at its sequence number', async () => {
    const undo = await asAttacker('DELETE FROM audit.event WHERE seq = 6', restoreAll);
    try {
      expect((await verify()).firstBroken).toEqual({ seq: 6, kind: 'missing_entry', problem: 'entry missing (the next entry is 7)' });
    } finally {
      await undo();
    }
  });

  it('two swapped entries are reported at the first of them', async () => {
    const undo = await asAttacker(
      'UPDATE audit.event SET seq = 1000008 WHERE seq = 8; UPDATE audit.event SET seq = 8 WHERE seq = 9; UPDATE audit.event SET seq = 9 WHERE seq = 1000008',
      restoreAll,
    );
    try {
      expect((await verify()).firstBroken).toEqual({ seq: 8, kind: 'broken_link', problem: 'link to the previous entry is broken' });
    } finally {
      await undo();
    }
  });

  it('a recomputed hash without the MAC key is reported at that entry', async () => {
    const undo = await asAttacker(
      `UPDATE audit.event SET canonical = convert_to(replace(convert_from(canonical, 'UTF8'), action, left(action, -1) || 'x'), 'UTF8'),
              action = left(action, -1) || 'x' WHERE seq = 10;
       UPDATE audit.event SET hash = sha256(prev_hash || canonical) WHERE seq = 10`,
      restoreAll,
    );
    try {
      expect((await verify()).firstBroken).toEqual({ seq: 10, kind: 'invalid_mac', problem: 'MAC is invalid' });
    } finally {
      await undo();
    }
  });

  it('a truncated tail is reported after the last remaining entry, thanks to the signed checkpoint', async () => {
    const { rows } = await t.superuser.query('SELECT max(seq)::int AS seq FROM audit.checkpoint');
    const checkpointSeq = rows[0].seq as number;
    const undo = await asAttacker(`DELETE FROM audit.event WHERE seq > ${checkpointSeq - 3}`, restoreAll);
    try {
      expect((await verify()).firstBroken).toEqual({
        seq: checkpointSeq - 2,
        kind: 'truncated_tail',
        problem: `entries missing: a signed checkpoint covers up to ${checkpointSeq}`,
      });
    } finally {
      await undo();
    }
  });

  it('a forged checkpoint signature is reported', async () => {
    const undo = await asAttacker(
      `UPDATE audit.checkpoint SET signature = overlay(signature placing (CASE WHEN get_byte(signature, 0) = 0 THEN '\\x01' ELSE '\\x00' END)::bytea from 1 for 1)`,
      restoreAll,
    );
    try {
      const { rows } = await t.superuser.query('SELECT max(seq)::int AS seq FROM audit.checkpoint');
      expect((await verify()).firstBroken).toEqual({
        seq: rows[0].seq,
        kind: 'invalid_checkpoint_signature',
        problem: 'checkpoint signature is invalid',
      });
    } finally {
      await undo();
    }
  });

  it('after every restoration the chain verifies again, and the CLI agrees (exit 0), then reports a break (exit 3)', async () => {
    expect(await verify()).toMatchObject({ valid: true });
    const environment = { ...testEnvironment({ DATABASE_URL: databaseUrl }), PATH: process.env.PATH };
    const intact = spawnSync(process.execPath, ['dist/src/cli.js', 'verify-audit'], {
      env: environment,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(intact.status).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ valid: true });
    const undo = await asAttacker('DELETE FROM audit.event WHERE seq = 3', restoreAll);
    try {
      const broken = spawnSync(process.execPath, ['dist/src/cli.js', 'verify-audit'], {
        env: environment,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(broken.status).toBe(3);
      expect(JSON.parse(broken.stdout).firstBroken).toEqual({
        seq: 3,
        kind: 'missing_entry',
        problem: 'entry missing (the next entry is 4)',
      });
    } finally {
      await undo();
    }
  });
});
