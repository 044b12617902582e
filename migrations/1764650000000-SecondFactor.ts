import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Strong authentication (PGSSI-S): a TOTP second factor with single-use recovery codes, and the
 * professional identifier (RPPS/ADELI as given by Pro Santé Connect) an administrator links for
 * single sign-on.
 */
export class SecondFactor1764650000000 implements MigrationInterface {
  name = 'SecondFactor1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    // The TOTP secret is stored sealed (XChaCha20-Poly1305 under AUTH_MFA_KEY), never in clear.
    await queryRunner.query(`
      ALTER TABLE clsm.user_account
        ADD COLUMN totp_secret bytea,
        ADD COLUMN totp_pending_secret bytea,
        ADD COLUMN totp_confirmed_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN professional_id text CHECK (professional_id ~ '^[0-9A-Za-z]{1,64}$')`);
    await queryRunner.query(`CREATE UNIQUE INDEX user_account_professional_id_key ON clsm.user_account (professional_id)`);
    await queryRunner.query(`
      CREATE TABLE clsm.recovery_code (
        user_id uuid NOT NULL REFERENCES clsm.user_account (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON clsm.recovery_code TO clsm_general`);
    await queryRunner.query(`ALTER TABLE clsm.auth_session DROP CONSTRAINT auth_session_revoked_reason_check`);
    await queryRunner.query(`
      ALTER TABLE clsm.auth_session ADD CONSTRAINT auth_session_revoked_reason_check
        CHECK (revoked_reason IN ('logout', 'refresh_token_reuse', 'deactivated', 'ended_by_user', 'second_factor_reset'))`);
    await queryRunner.query(`
      ALTER TABLE clsm.auth_session ADD COLUMN method text NOT NULL DEFAULT 'password'
        CHECK (method IN ('password', 'password_totp', 'password_recovery_code', 'oidc'))`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clsm.recovery_code`);
    await queryRunner.query(`ALTER TABLE clsm.auth_session DROP COLUMN method`);
    await queryRunner.query(`
      ALTER TABLE clsm.user_account DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret, DROP COLUMN totp_confirmed_at,
        DROP COLUMN totp_last_step, DROP COLUMN professional_id`);
  }
}
