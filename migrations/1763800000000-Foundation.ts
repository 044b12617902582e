import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roles, schemas and the general CLSM side (directory and authentication).
 *
 * - clsm_owner (NOLOGIN) owns every schema and table: nobody can log in as the owner.
 * - clsm_general (the general side) may use schema clsm only: no privilege at all on cellule.
 * - clsm_cellule (the commission side) reads a narrow directory view of clsm, writes cellule.
 * Login and passwords of the two application roles are set at boot from configuration.
 * Roles are cluster-wide: created only when missing, so the migration works on a server where an
 * operator created them already.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clsm_owner') THEN
          CREATE ROLE clsm_owner NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clsm_general') THEN
          CREATE ROLE clsm_general NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clsm_cellule') THEN
          CREATE ROLE clsm_cellule NOLOGIN;
        END IF;
        IF NOT pg_has_role(current_user, 'clsm_owner', 'MEMBER') THEN
          EXECUTE format('GRANT clsm_owner TO %I', current_user);
        END IF;
      END
      $$`);
    await queryRunner.query(`ALTER ROLE clsm_owner NOLOGIN NOSUPERUSER NOBYPASSRLS`);
    await queryRunner.query(`ALTER ROLE clsm_general NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
    await queryRunner.query(`ALTER ROLE clsm_cellule NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);

    for (const schema of ['clsm', 'cellule', 'audit']) {
      await queryRunner.query(`CREATE SCHEMA ${schema} AUTHORIZATION clsm_owner`);
      await queryRunner.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
    }
    await queryRunner.query(`GRANT USAGE ON SCHEMA clsm TO clsm_general, clsm_cellule`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA cellule TO clsm_cellule`);

    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE clsm.organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN (
          'psychiatry_sector', 'municipal_social_service', 'ccas', 'departement_social_service',
          'housing_provider', 'user_association', 'family_association', 'dac', 'justice_police', 'other')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organization_name_key ON clsm.organization (lower(name))`);

    await queryRunner.query(`
      CREATE TABLE clsm.user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        organization_id uuid REFERENCES clsm.organization (id),
        professional_category text NOT NULL,
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['admin', 'coordinator', 'member', 'referrer', 'ethics', 'dac']::text[]),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX user_account_email_key ON clsm.user_account (email)`);
    await queryRunner.query(`CREATE INDEX user_account_organization_idx ON clsm.user_account (organization_id)`);

    // One row per login: the refresh-token family. Revoking it ends the session and its access tokens.
    await queryRunner.query(`
      CREATE TABLE clsm.auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('logout', 'refresh_token_reuse', 'deactivated'))
      )`);
    await queryRunner.query(`CREATE INDEX auth_session_user_idx ON clsm.auth_session (user_id)`);
    await queryRunner.query(`
      CREATE TABLE clsm.refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES clsm.auth_session (id),
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_token_session_idx ON clsm.refresh_token (session_id)`);

    // Failed-login counters keyed by a keyed hash of the account e-mail or of the client address:
    // the same for known and unknown e-mails, and no address or e-mail stored in clear.
    await queryRunner.query(`
      CREATE TABLE clsm.login_throttle (
        key bytea PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);

    // The only part of the general data the commission side may read.
    await queryRunner.query(`
      CREATE VIEW clsm.directory_entry AS
        SELECT u.id AS user_id, u.display_name, u.organization_id, o.name AS organization_name,
               o.kind AS organization_kind, u.professional_category, u.roles, u.active
        FROM clsm.user_account u LEFT JOIN clsm.organization o ON o.id = u.organization_id`);

    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON clsm.organization, clsm.user_account TO clsm_general`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON clsm.auth_session, clsm.refresh_token TO clsm_general`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON clsm.login_throttle TO clsm_general`);
    await queryRunner.query(`GRANT SELECT ON clsm.directory_entry TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const schema of ['audit', 'cellule', 'clsm']) {
      await queryRunner.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  }
}
