import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  if (globalThis.__clsmTestKeyringDir) await rm(globalThis.__clsmTestKeyringDir, { recursive: true, force: true });
  const database = globalThis.__clsmTestDatabase;
  if (!database) return;
  await database.server.stop();
  await rm(database.dataDir, { recursive: true, force: true });
}
