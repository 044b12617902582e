import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { CANONICAL_FROM_COLUMNS_SQL } from '../src/audit/audit-chain-walker.js';
import { AuditHealthIndicator } from '../src/audit/audit-health.indicator.js';
import { AuditVerifierService } from '../src/audit/audit-verifier.service.js';
import { AuditService, OPERATOR_ACTOR } from '../src/audit/audit.service.js';
import { createAdmin, createFreshDatabase, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

// Every describe block has a database of its own: breaking a chain never touches the one the other
// test files share.

const PROBE = { action: 'probe.read', resourceType: 'probe', outcome: 'granted' as const, actor: OPERATOR_ACTOR };

/** Runs SQL as a database administrator who bypasses the append-only triggers. */
async function asAttacker(t: TestApp, sql: string, params: unknown[] = []): Promise<void> {
  const client = await t.superuser.connect();
  try {
    await client.query("SET session_replication_role = 'replica'");
    await client.query(sql, params);
  } finally {
    await client.query("SET session_replication_role = 'origin'");
    client.release();
  }
}

const headSeq = async (t: TestApp) => Number((await t.superuser.query('SELECT coalesce(max(seq), 0) AS seq FROM audit.event')).rows[0].seq);
const checkpointSeqs = async (t: TestApp) =>
  (await t.superuser.query('SELECT seq FROM audit.checkpoint ORDER BY seq')).rows.map((row: { seq: string }) => Number(row.seq));

describe('audit chain: checkpoints only over a verified segment, health and the anomaly report tell the truth', () => {
  let t: TestApp;
  let ethics: TestUser;
  let databaseUrl: string;
  let audit: AuditService;
  let tampered: number;
  const logLines: string[] = [];

  beforeAll(async () => {
    databaseUrl = await createFreshDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    // No automatic checkpoint during the test: each one is asked for explicitly.
    t = await startTestApp({ DATABASE_URL: databaseUrl, AUDIT_CHECKPOINT_EVERY: '1000000', LOG_LEVEL: 'warn' }, { logStream: stream });
    const admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    audit = t.app.get(AuditService);
    for (let i = 0; i < 5; i++) await audit.record(PROBE);
  });
  afterAll(() => t.close());

  it('an intact segment is verified, then signed; health reports the audit chain up', async () => {
    await audit.checkpoint();
    expect(await checkpointSeqs(t)).toEqual([await headSeq(t)]);
    expect(audit.chainStatus().state).toBe('intact');
    const health = await t.http().get('/api/health').expect(200);
    expect(health.body.details.audit).toEqual({ status: 'up' });
  });

  it('a checkpoint is never signed over a broken segment, while appends go on', async () => {
    const signedBefore = await checkpointSeqs(t);
    for (let i = 0; i < 6; i++) await audit.record(PROBE);
    tampered = (await headSeq(t)) - 3;
    await asAttacker(t, "UPDATE audit.event SET outcome = 'denied' WHERE seq = $1", [tampered]);

    await audit.checkpoint();
    expect(await checkpointSeqs(t)).toEqual(signedBefore);
    expect(audit.chainStatus()).toMatchObject({ state: 'broken', firstBroken: { seq: tampered, kind: 'columns_differ' } });

    // One error in the log, naming the entry and the kind of break, never its content.
    const errors = logLines.filter((line) => line.includes('Audit chain broken'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`entry ${tampered} (columns_differ)`);
    expect(logLines.join('\n')).not.toMatch(/probe\.read|outcome|denied|granted/);

    // The trail keeps recording after the break, and signing stays suspended.
    const before = await headSeq(t);
    await audit.record(PROBE, PROBE);
    expect(await headSeq(t)).toBe(before + 2);
    await audit.checkpoint();
    expect(await checkpointSeqs(t)).toEqual(signedBefore);
  });

  it('public health reports the audit component down, and nothing about which entry', async () => {
    expect(t.app.get(AuditHealthIndicator).isHealthy('audit')).toEqual({ audit: { status: 'down' } });
    const health = await t.http().get('/api/health').expect(503);
    expect(JSON.stringify(health.body)).not.toMatch(/columns_differ|firstBroken|seq|stored columns/);
  });

  it("the ethics committee's anomaly report names the first broken entry and the kind of break", async () => {
    const report = await t.http().get('/api/audit/anomalies').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    expect(report.body.auditChain).toMatchObject({
      state: 'broken',
      firstBroken: { seq: tampered, kind: 'columns_differ', problem: 'stored columns differ from the hashed content' },
    });
  });

  it('once the operator restored the entry, a full verification clears the break and signing resumes', async () => {
    await asAttacker(t, "UPDATE audit.event SET outcome = 'granted' WHERE seq = $1", [tampered]);
    const report = await t.http().get('/api/audit/verify').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    expect(report.body).toMatchObject({ valid: true });
    expect(audit.chainStatus().state).toBe('intact');
    await t.http().get('/api/health').expect(200);
    await audit.checkpoint();
    const signed = await checkpointSeqs(t);
    expect(signed).toHaveLength(2);
    expect(signed[1]).toBe(await headSeq(t));
    const anomalies = await t.http().get('/api/audit/anomalies').set('Authorization', `Bearer ${ethics.token}`).expect(200);
    expect(anomalies.body.auditChain.state).toBe('intact');
    expect(anomalies.body.auditChain.firstBroken).toBeUndefined();
  });

  it('a signed checkpoint that disappears is a break: nothing more is signed', async () => {
    const [, latest] = await checkpointSeqs(t);
    await asAttacker(t, 'DELETE FROM audit.checkpoint WHERE seq = $1', [latest]);
    await audit.record(PROBE);
    await audit.checkpoint();
    expect(await checkpointSeqs(t)).toHaveLength(1);
    expect(audit.chainStatus()).toMatchObject({ state: 'broken', firstBroken: { seq: latest, kind: 'checkpoint_missing' } });
  });
  // Last of this block: a second application in this process takes over passport's global 'jwt'
  // strategy, so the first one's bearer tokens stop working once it is closed.
  it('the broken state is recomputed at start: another instance on the same database finds it', async () => {
    const [anchor] = await checkpointSeqs(t);
    await audit.record(PROBE, PROBE);
    const target = (await headSeq(t)) - 1;
    expect(target).toBeGreaterThan(anchor);
    await asAttacker(t, "UPDATE audit.event SET canonical = overlay(canonical placing '\\x58'::bytea from 20 for 1) WHERE seq = $1", [
      target,
    ]);
    const other = await startTestApp({ DATABASE_URL: databaseUrl, AUDIT_CHECKPOINT_EVERY: '1000000' });
    try {
      expect(other.app.get(AuditService).chainStatus()).toMatchObject({
        state: 'broken',
        firstBroken: { seq: target, kind: 'hash_mismatch' },
      });
      await other.http().get('/api/health').expect(503);
      await other.app.get(AuditService).checkpoint();
      expect(await checkpointSeqs(t)).toEqual([anchor]);
    } finally {
      await other.close();
    }
  });
});

describe('audit chain: streaming verification in batches', () => {
  let t: TestApp;
  let ethics: TestUser;
  let verifier: AuditVerifierService;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase(), AUDIT_CHECKPOINT_EVERY: '7' });
    const admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    const audit = t.app.get(AuditService);
    for (let i = 0; i < 30; i++) await audit.record(PROBE);
    await audit.checkpoint();
    verifier = t.app.get(AuditVerifierService);
    verifier.batchSize = 4;
  });
  afterAll(() => t.close());

  const verify = async () => (await t.http().get('/api/audit/verify').set('Authorization', `Bearer ${ethics.token}`).expect(200)).body;

  it('an intact chain read four entries at a time verifies, checkpoints included', async () => {
    const head = await headSeq(t);
    const checkpoints = (await checkpointSeqs(t)).length;
    expect(checkpoints).toBeGreaterThanOrEqual(3);
    const report = await verify();
    expect(report).toMatchObject({
      valid: true,
      entriesVerified: head,
      lastSeq: head,
      checkpointsVerified: checkpoints,
      batches: Math.ceil(head / 4),
    });
    // The status the committee's screen shows: the last signed checkpoint the verification covered.
    const [last] = (
      await t.superuser.query('SELECT seq, signed_at FROM audit.checkpoint WHERE seq <= $1 ORDER BY seq DESC LIMIT 1', [head])
    ).rows;
    expect(report.lastCheckpoint).toEqual({ seq: Number(last.seq), signedAt: (last.signed_at as Date).toISOString() });
    expect(report.batches).toBeGreaterThanOrEqual(5);
  });

  it('finds an entry tampered in a middle batch and reports its seq, by API and CLI', async () => {
    const head = await headSeq(t);
    // In the third of at least five batches of four.
    const target = 10;
    const { rows } = await t.superuser.query('SELECT canonical FROM audit.event WHERE seq = $1', [target]);
    const original = rows[0].canonical as Buffer;
    await asAttacker(t, "UPDATE audit.event SET canonical = overlay(canonical placing '\\x58'::bytea from 20 for 1) WHERE seq = $1", [
      target,
    ]);
    try {
      const report = await verify();
      expect(report.valid).toBe(false);
      expect(report.firstBroken).toEqual({ seq: target, kind: 'hash_mismatch', problem: 'hash does not match the recorded content' });
      // The walk goes on to the head (a truncated tail would otherwise go unseen).
      expect(report.lastSeq).toBeGreaterThanOrEqual(head);
      expect(report.batches).toBeGreaterThan(Math.ceil(target / 4));

      const cli = spawnSync(process.execPath, ['dist/src/cli.js', 'verify-audit'], {
        env: { ...t.environment, AUDIT_VERIFY_BATCH: '3' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(cli.status).toBe(3);
      const printed = JSON.parse(cli.stdout);
      expect(printed.firstBroken).toEqual({ seq: target, kind: 'hash_mismatch', problem: 'hash does not match the recorded content' });
      expect(printed.batches).toBeGreaterThan(Math.ceil(target / 3));
    } finally {
      await asAttacker(t, 'UPDATE audit.event SET canonical = $1 WHERE seq = $2', [original, target]);
    }
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('a forged checkpoint met mid-stream is reported at its seq', async () => {
    const [, second] = await checkpointSeqs(t);
    const { rows } = await t.superuser.query('SELECT head_hash FROM audit.checkpoint WHERE seq = $1', [second]);
    // Every bit of the first byte flipped: the forged head always differs from the signed one.
    await asAttacker(t, 'UPDATE audit.checkpoint SET head_hash = set_byte(head_hash, 0, get_byte(head_hash, 0) # 255) WHERE seq = $1', [
      second,
    ]);
    try {
      expect((await verify()).firstBroken).toEqual({
        seq: second,
        kind: 'invalid_checkpoint_signature',
        problem: 'checkpoint signature is invalid',
      });
    } finally {
      await asAttacker(t, 'UPDATE audit.checkpoint SET head_hash = $1 WHERE seq = $2', [rows[0].head_hash, second]);
    }
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('verification needs neither the append lock nor a transaction: it completes while an append transaction holds the lock', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken('cellule'));
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query('SELECT pg_advisory_xact_lock(7324012)');
      expect(await verifier.verify()).toMatchObject({ valid: true });
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
  });
});

describe('audit outcomes: recording the real one', () => {
  let t: TestApp;
  let audit: AuditService;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase() });
    audit = t.app.get(AuditService);
  });
  afterAll(() => t.close());

  const lastOutcome = async (action: string) =>
    (await t.superuser.query('SELECT outcome FROM audit.event WHERE action = $1 ORDER BY seq DESC LIMIT 1', [action])).rows[0]?.outcome;

  it('recordError records outcome error outside the failed transaction, which rolled back', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken('cellule'));
    const failure = new Error('field does not decrypt');
    const entry = { action: 'probe.decrypt', resourceType: 'probe', resourceId: 'probe-1', actor: OPERATOR_ACTOR };
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.recordWithin(manager, { ...entry, outcome: 'granted' });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await lastOutcome('probe.decrypt')).toBeUndefined();
    await audit.recordError(entry, failure);
    expect(await lastOutcome('probe.decrypt')).toBe('error');
  });

  it('recordOutcome records granted on success and error on failure, rethrowing the original error', async () => {
    expect(await audit.recordOutcome({ action: 'probe.ok', resourceType: 'probe', actor: OPERATOR_ACTOR }, () => Promise.resolve(42))).toBe(
      42,
    );
    expect(await lastOutcome('probe.ok')).toBe('granted');
    const failure = new Error('integrity check failed');
    await expect(
      audit.recordOutcome({ action: 'probe.broken', resourceType: 'probe', actor: OPERATOR_ACTOR }, () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    expect(await lastOutcome('probe.broken')).toBe('error');
  });

  it("PostgreSQL rebuilds every entry's canonical bytes exactly, odd characters included, so verification never falls back", async () => {
    const saved = audit.policyVersion;
    audit.policyVersion = 'v"2\\é\n\t\u0001\u007f\u2028😀/';
    try {
      await audit.record(PROBE);
    } finally {
      audit.policyVersion = saved;
    }
    await audit.record({
      ...PROBE,
      resourceId: 'A-1',
      situationId: '11111111-1111-4111-8111-111111111111',
      purpose: { type: 'session', id: 'x-9' },
    });
    const { rows } = await t.superuser.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${CANONICAL_FROM_COLUMNS_SQL} = canonical)::int AS rebuilt FROM audit.event`,
    );
    expect(rows[0].total).toBeGreaterThanOrEqual(6);
    expect(rows[0].rebuilt).toBe(rows[0].total);
    expect(await t.app.get(AuditVerifierService).verify()).toMatchObject({ valid: true });
  });
});
