import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Response } from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { parseEnvironment } from '../src/config/environment.js';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { createAdmin, startTestApp, TestApp, TestUser } from './support/test-app.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The postmaster of a data folder and all its children (backends, background workers). */
function serverProcesses(databaseDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

function expectDatabaseUnavailable(response: Response): void {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.body).toMatchObject({
    type: 'https://clsm-cellule.fr/problems/service-unavailable',
    status: 503,
    detail: expect.stringContaining('base de données est momentanément indisponible'),
  });
}

/** Polls until the service answers `status` again (it recovers by itself, never restarted here). */
async function eventually(request: () => Promise<Response>, status: number): Promise<Response> {
  const deadline = Date.now() + 30_000;
  let response = await request();
  while (response.status !== status && Date.now() < deadline) {
    await sleep(250);
    response = await request();
  }
  return response;
}

/**
 * A database that stops, refuses connections, freezes or holds a lock: every request is a 503
 * problem+json with Retry-After within the configured timeouts (never a 401, a 500 or a hang),
 * /api/health says so, and the service answers again by itself when the database is back.
 * The application runs on a PostgreSQL of its own, which this file stops and freezes.
 */
describe('database faults', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clsm-cellule-faults-'));
  const databaseDir = path.join(dataDir, 'postgres');
  let port: number;
  let server: EmbeddedServer | undefined;
  let t: TestApp | undefined;
  let admin: TestUser;
  let frozen: number[] = [];

  const startDatabase = () =>
    startEmbeddedPostgres({ dataDir, port, password: 'faults-superuser-password', database: 'clsm_faults', persistent: true });
  const me = () => t!.http().get('/api/auth/me').set('Authorization', `Bearer ${admin.token}`);
  const health = () => t!.http().get('/api/health');

  beforeAll(async () => {
    port = await freePort();
    server = await startDatabase();
    t = await startTestApp({
      DATABASE_URL: server.adminUrl,
      DB_CONNECT_TIMEOUT_MS: '1000',
      DB_STATEMENT_TIMEOUT_MS: '2000',
      DB_QUERY_TIMEOUT_MS: '3000',
      DB_LOCK_TIMEOUT_MS: '500',
      // Far from the server's own zone (TZ of the test run), so only the session setting can explain agreement.
      APP_TIME_ZONE: 'Pacific/Kiritimati',
    });
    admin = await createAdmin(t);
  }, 120_000);

  afterAll(async () => {
    for (const pid of frozen) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // already gone
      }
    }
    if (server === undefined) server = await startDatabase().catch(() => undefined);
    await t?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('stopped database: every request is a 503 with Retry-After, even authenticated (not a 401); health is down, then up again without a restart', async () => {
    expect((await me()).status).toBe(200);
    await server!.stop();
    server = undefined;
    try {
      expectDatabaseUnavailable(await health());
      expectDatabaseUnavailable(await me());
      expectDatabaseUnavailable(await t!.http().post('/api/auth/login').send({ email: admin.email, password: admin.password }));
    } finally {
      server = await startDatabase();
    }
    expect((await eventually(health, 200)).status).toBe(200);
    const back = await eventually(me, 200);
    expect(back.status).toBe(200);
    expect(back.body.id).toBe(admin.id);
    // Writes and the audit trail work again too: a login is recorded in the same request.
    expect((await t!.http().post('/api/auth/login').send({ email: admin.email, password: admin.password })).status).toBe(200);
  }, 90_000);

  it('frozen database (postmaster and backends stopped): a 503 once the client-side timeouts expire, not a hang; it answers again once resumed', async () => {
    expect((await me()).status).toBe(200);
    frozen = serverProcesses(databaseDir);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      expectDatabaseUnavailable(await me());
      expectDatabaseUnavailable(await health());
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    }
    expect((await eventually(me, 200)).status).toBe(200);
  }, 90_000);

  it('a query cut off by the client-side timeout inside a transaction does not hand that transaction to the next request', async () => {
    const cellule = t!.app.get<DataSource>(getDataSourceToken('cellule'));
    const runner = cellule.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    frozen = serverProcesses(databaseDir);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      await expect(runner.query('SELECT 1')).rejects.toThrow('Query read timeout');
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    }
    await runner.release();
    // The pool hands out its most recently released connection first: had it been kept, this
    // statement would run inside the abandoned transaction (now() is then the transaction's start).
    const [row] = await cellule.query<{ own_transaction: boolean }[]>('SELECT now() = statement_timestamp() AS own_transaction');
    expect(row.own_transaction).toBe(true);
  }, 60_000);

  it('a lock held elsewhere: the request gives up after lock_timeout with a 503 instead of queueing behind it', async () => {
    const holder = await t!.superuser.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE clsm.auth_session IN ACCESS EXCLUSIVE MODE');
      expectDatabaseUnavailable(await me());
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    expect((await me()).status).toBe(200);
  }, 60_000);

  it('PostgreSQL sessions run in the configured time zone, so current_date is Clock.today()', async () => {
    const [row] = await t!.app
      .get<DataSource>(getDataSourceToken('cellule'))
      .query<{ zone: string; today: string }[]>(`SELECT current_setting('TimeZone') AS zone, current_date::text AS today`);
    expect(row.zone).toBe('Pacific/Kiritimati');
    expect(row.today).toBe(t!.app.get(Clock).today());
  });
});

describe('database pool and timeout settings', () => {
  it('have defaults that bound every wait, and are validated at boot', () => {
    const environment = parseEnvironment({});
    expect(environment).toMatchObject({
      DB_POOL_MAX: 10,
      DB_CONNECT_TIMEOUT_MS: 5000,
      DB_STATEMENT_TIMEOUT_MS: 10_000,
      DB_LOCK_TIMEOUT_MS: 5000,
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
      DB_QUERY_TIMEOUT_MS: 15_000,
    });
    expect(() => parseEnvironment({ DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX/);
    expect(() => parseEnvironment({ DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });

  it('refuse a client-side query timeout that would fire before PostgreSQL cancels a slow statement', () => {
    expect(() => parseEnvironment({ DB_STATEMENT_TIMEOUT_MS: '20000', DB_QUERY_TIMEOUT_MS: '20000' })).toThrow(/DB_QUERY_TIMEOUT_MS/);
    expect(() => parseEnvironment({ DB_STATEMENT_TIMEOUT_MS: '0', DB_QUERY_TIMEOUT_MS: '1000' })).not.toThrow();
  });
});
