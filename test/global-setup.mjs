// Starts a throw-away embedded PostgreSQL for the whole run, unless TEST_DATABASE_URL or
// DATABASE_URL names a server to use. Plain ESM: it imports the compiled helper that `npm start`
// uses too (the pretest script compiles it).
import { chmod, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  // Every temporary folder of the run (data folders, keyrings, the database, child processes' files)
  // goes under one folder that the teardown removes: a run leaves nothing behind.
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'clsm-cellule-run-'));
  // Like /tmp itself: the embedded PostgreSQL may run as another user (root starts it as postgres).
  await chmod(runDir, 0o1777);
  globalThis.__clsmTestRun = { runDir, previousTmpdir: process.env.TMPDIR };
  process.env.TMPDIR = runDir;
  // One master keyring for every test application of the run: they share the database.
  const keyringDir = await mkdtemp(path.join(os.tmpdir(), 'clsm-cellule-keyring-'));
  process.env.TEST_MASTER_KEY_FILE = path.join(keyringDir, 'master-keyring.json');
  globalThis.__clsmTestKeyringDir = keyringDir;
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) {
    process.env.TEST_ADMIN_DATABASE_URL = given;
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clsm-cellule-test-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    password: 'test-superuser-password',
    database: 'clsm_cellule_test',
    persistent: false,
  });
  globalThis.__clsmTestDatabase = { server, dataDir };
  process.env.TEST_ADMIN_DATABASE_URL = server.adminUrl;
}
