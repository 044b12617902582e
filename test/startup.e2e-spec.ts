import { afterAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The two-command promise: the compiled service, with no DATABASE_URL, starts its own PostgreSQL
 * from the npm package and answers /api/health; the CLI joins that same database while it runs.
 */
describe('zero-setup start on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clsm-cellule-start-'));
  let service: ChildProcess | undefined;

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const baseEnvironment = (port: number) => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(port + 1),
    LOG_LEVEL: 'warn',
  });

  it('answers GET /api/health within 30 s, then the CLI creates an administrator who can log in', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const started = Date.now();
    service = spawn(process.execPath, ['dist/src/main.js'], { env: baseEnvironment(port), stdio: 'ignore' });
    let healthy = false;
    while (!healthy && Date.now() - started < 30_000 && service.exitCode === null) {
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (!healthy) await sleep(250);
    }
    expect(healthy).toBe(true);

    const cli = spawnSync(process.execPath, ['dist/src/cli.js', 'create-admin', 'premier.admin@test.example'], {
      env: { ...baseEnvironment(port), CELLULE_ADMIN_PASSWORD: 'un mot de passe assez long' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/Created administrator premier\.admin@test\.example/);
    expect(cli.status).toBe(0);

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'premier.admin@test.example', password: 'un mot de passe assez long' }),
    });
    expect(login.status).toBe(200);
    // The CLI joined the service's database server; the service is still up.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it('the CLI refuses a weak administrator password with a clear message and exit code 1', () => {
    const result = spawnSync(process.execPath, ['dist/src/cli.js', 'create-admin', 'autre@test.example'], {
      env: { ...baseEnvironment(20_000), CELLULE_ADMIN_PASSWORD: 'court' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('au moins 12 caractères');
  });
});
