import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { CELLULE_DB_ROLE, GENERAL_DB_ROLE, OWNER_DB_ROLE } from '../src/config/app-config.js';
import { startTestApp, TestApp } from './support/test-app.js';

/** Case data (schema cellule) and the CLSM's general data (schema clsm) are kept apart by PostgreSQL. */
describe('data separation enforced by PostgreSQL', () => {
  let t: TestApp;
  let general: pg.Client;
  let cellule: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    general = new pg.Client({ connectionString: t.config.database.generalUrl });
    cellule = new pg.Client({ connectionString: t.config.database.celluleUrl });
    await general.connect();
    await cellule.connect();
  });
  afterAll(async () => {
    await general.end();
    await cellule.end();
    await t.close();
  });

  const errorOf = async (client: pg.Client, sql: string) => {
    try {
      await client.query(sql);
      return undefined;
    } catch (error) {
      return error as { code: string; message: string };
    }
  };

  it('the general role gets "permission denied" reading any cellule table', async () => {
    const { rows } = await t.superuser.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'cellule'`);
    // Denial is at the schema: it covers tables that exist and tables added later alike.
    const tables = [...rows.map((row: { tablename: string }) => row.tablename), 'situation'];
    for (const table of tables) {
      const error = await errorOf(general, `SELECT * FROM cellule.${table}`);
      expect(error?.code).toBe('42501');
      expect(error?.message).toMatch(/permission denied/);
    }
    const privileges = await t.superuser.query(`SELECT has_schema_privilege($1, 'cellule', 'USAGE') AS usage`, [GENERAL_DB_ROLE]);
    expect(privileges.rows[0].usage).toBe(false);
  });

  it('the general role cannot create anything in cellule either', async () => {
    const error = await errorOf(general, 'CREATE TABLE cellule.smuggled (id int)');
    expect(error?.code).toBe('42501');
  });

  it('the cellule role reads the directory view but not accounts (password hashes) directly', async () => {
    await expect(cellule.query('SELECT user_id, display_name, roles FROM clsm.directory_entry LIMIT 1')).resolves.toBeDefined();
    const error = await errorOf(cellule, 'SELECT password_hash FROM clsm.user_account');
    expect(error?.code).toBe('42501');
    const view = await t.superuser.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'clsm' AND table_name = 'directory_entry'`,
    );
    expect(view.rows.map((row: { column_name: string }) => row.column_name)).not.toContain('password_hash');
    expect(view.rows.map((row: { column_name: string }) => row.column_name)).not.toContain('email');
  });

  it('tables belong to a role that cannot log in, and the application roles are not superusers', async () => {
    const owners = await t.superuser.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname IN ('clsm', 'cellule', 'audit')`);
    expect(owners.rows).toEqual([{ tableowner: OWNER_DB_ROLE }]);
    const roles = await t.superuser.query(
      `SELECT rolname, rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [[OWNER_DB_ROLE, GENERAL_DB_ROLE, CELLULE_DB_ROLE]],
    );
    expect(roles.rows).toEqual([
      { rolname: CELLULE_DB_ROLE, rolcanlogin: true, rolsuper: false, rolbypassrls: false },
      { rolname: GENERAL_DB_ROLE, rolcanlogin: true, rolsuper: false, rolbypassrls: false },
      { rolname: OWNER_DB_ROLE, rolcanlogin: false, rolsuper: false, rolbypassrls: false },
    ]);
  });

  it('the service serves requests through the two application roles, never the administrative one', async () => {
    const { rows } = await t.superuser.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name LIKE 'clsm-cellule:%'`);
    expect(rows.map((row: { usename: string }) => row.usename).sort()).toEqual([CELLULE_DB_ROLE, GENERAL_DB_ROLE].sort());
  });

  it('migrations are idempotent: running them again changes nothing', async () => {
    const { migrateDatabase } = await import('../src/database/migrate.js');
    await expect(migrateDatabase(t.config)).resolves.toEqual([]);
  });
});
