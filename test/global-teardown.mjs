import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const database = globalThis.__clsmTestDatabase;
  if (database) {
    await database.server.stop();
    await rm(database.dataDir, { recursive: true, force: true });
  }
  if (globalThis.__clsmTestKeyringDir) await rm(globalThis.__clsmTestKeyringDir, { recursive: true, force: true });
  const run = globalThis.__clsmTestRun;
  if (run) {
    await rm(run.runDir, { recursive: true, force: true });
    if (run.previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = run.previousTmpdir;
  }
}
