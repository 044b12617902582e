import pg from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations/index.js';
import { AppConfig, CELLULE_DB_ROLE, GENERAL_DB_ROLE } from '../config/app-config.js';

/** Arbitrary constant: serialises migrations between processes sharing one database. */
const MIGRATION_LOCK_ID = 7_324_011;

/**
 * Applies pending migrations with the administrative connection, then gives the two login roles
 * the passwords from configuration. Safe to run from several processes at once.
 */
export async function migrateDatabase(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.database.adminUrl,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    // One connection, so the advisory lock below covers the migrations it runs.
    extra: { max: 1 },
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations();
      for (const [role, password] of [
        [GENERAL_DB_ROLE, config.database.generalPassword],
        [CELLULE_DB_ROLE, config.database.cellulePassword],
      ] as const) {
        await dataSource.query(`ALTER ROLE ${pg.escapeIdentifier(role)} WITH LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
      }
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await dataSource.destroy();
  }
}
