import { afterAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** True while the process exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

/**
 * The compiled service on its embedded PostgreSQL (no DATABASE_URL): killed with SIGKILL, it
 * leaves its PostgreSQL running; the next start stops that orphan and serves with a server of its
 * own; SIGTERM drains the request in flight, stops PostgreSQL and exits 0.
 */
describe('embedded PostgreSQL across a crash and an orderly shutdown', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clsm-cellule-crash-'));
  const postmasterFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const services: ChildProcess[] = [];
  const postmasters = new Set<number>();

  const start = (extra: Record<string, string> = {}) => {
    const service = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        PORT: String(port),
        EMBEDDED_PG_PORT: String(port + 1),
        LOG_LEVEL: 'warn',
        ...extra,
      },
      stdio: 'ignore',
    });
    services.push(service);
    return service;
  };
  const healthy = () =>
    fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
  const postmaster = () => {
    const pid = Number(readFileSync(postmasterFile, 'utf8').split('\n')[0]);
    postmasters.add(pid);
    return pid;
  };
  const exited = (service: ChildProcess) =>
    service.exitCode !== null || service.signalCode !== null
      ? Promise.resolve({ code: service.exitCode, signal: service.signalCode })
      : new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
          service.once('exit', (code, signal) => resolve({ code, signal })),
        );

  afterAll(async () => {
    for (const service of services) {
      if (service.exitCode === null && service.signalCode === null) {
        service.kill('SIGTERM');
        await Promise.race([exited(service), sleep(30_000)]);
        if (service.exitCode === null && service.signalCode === null) service.kill('SIGKILL');
      }
    }
    for (const pid of postmasters) {
      if (alive(pid)) {
        process.kill(pid, 'SIGINT');
        await until(() => !alive(pid), 30_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('after a SIGKILL the next start stops the orphan PostgreSQL and serves; SIGTERM drains the request in flight, exits 0 and leaves no PostgreSQL behind', async () => {
    const first = start();
    expect(await until(healthy)).toBe(true);
    const orphan = postmaster();
    first.kill('SIGKILL');
    await exited(first);
    // The crash left the server running: what the next start has to deal with.
    expect(alive(orphan)).toBe(true);

    // Long timeouts: the request held below must wait for the lock, not give up.
    const second = start({ DB_LOCK_TIMEOUT_MS: '120000', DB_STATEMENT_TIMEOUT_MS: '120000', DB_QUERY_TIMEOUT_MS: '130000' });
    expect(await until(healthy)).toBe(true);
    expect(alive(orphan)).toBe(false);
    const own = postmaster();
    expect(own).not.toBe(orphan);

    // A request in flight: a login blocked on a lock held by another session.
    const secrets = JSON.parse(readFileSync(path.join(dataDir, 'dev-secrets.json'), 'utf8')) as { embeddedSuperuserPassword: string };
    const holder = new pg.Client({
      host: '127.0.0.1',
      port: port + 1,
      user: 'postgres',
      password: secrets.embeddedSuperuserPassword,
      database: 'clsm_cellule',
    });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE clsm.user_account IN ACCESS EXCLUSIVE MODE');
    const inFlight = fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'personne@test.example', password: 'un mot de passe quelconque' }),
    });
    const waiting = async () =>
      Number((await holder.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0].n) > 0;
    expect(await until(waiting)).toBe(true);

    const stopped = exited(second);
    second.kill('SIGTERM');
    // No new connection is accepted once shutdown has begun...
    expect(await until(async () => !(await healthy()))).toBe(true);
    // ...and the request in flight still gets its answer.
    await holder.query('ROLLBACK');
    await holder.end();
    const response = await inFlight;
    expect(response.status).toBe(401);

    expect(await stopped).toEqual({ code: 0, signal: null });
    expect(alive(own)).toBe(false);
    expect(existsSync(postmasterFile)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postgres.owner'))).toBe(false);
  }, 240_000);
});
