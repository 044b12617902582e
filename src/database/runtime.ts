import path from 'node:path';
import type { Logger } from 'pino';
import { AppConfig, buildAppConfig, loadOrCreateDevSecrets } from '../config/app-config.js';
import { parseEnvironment } from '../config/environment.js';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateDatabase } from './migrate.js';

export interface Runtime {
  config: AppConfig;
  /** Stops the embedded PostgreSQL if this process started it. */
  shutdown(): Promise<void>;
}

/**
 * What the API and the CLI both do before Nest starts: validate the environment, find or start
 * the database (embedded when DATABASE_URL is unset), apply migrations and role passwords.
 */
export async function prepareRuntime(env: NodeJS.ProcessEnv, logger: Logger): Promise<Runtime> {
  const environment = parseEnvironment(env);
  const dataDir = path.resolve(environment.DATA_DIR);
  const secrets =
    environment.NODE_ENV === 'production' ? undefined : await loadOrCreateDevSecrets(dataDir, (message) => logger.warn(message));
  let embedded: EmbeddedServer | undefined;
  let adminUrl = environment.DATABASE_URL;
  if (!adminUrl) {
    if (!secrets) throw new Error('DATABASE_URL is required when NODE_ENV=production');
    logger.info({ dataDir }, 'DATABASE_URL is unset: using the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: environment.EMBEDDED_PG_PORT,
      password: secrets.embeddedSuperuserPassword,
      database: 'clsm_cellule',
      persistent: true,
      onLog: (message) => logger.debug({ component: 'embedded-postgres' }, message.trim()),
      onWarn: (message) => logger.warn({ component: 'embedded-postgres' }, message),
    });
    adminUrl = embedded.adminUrl;
  }
  const config = buildAppConfig(environment, adminUrl, secrets);
  const applied = await migrateDatabase(config);
  if (applied.length > 0) logger.info({ migrations: applied }, 'Migrations applied');
  return { config, shutdown: async () => embedded?.stop() };
}
