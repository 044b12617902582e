import { MigrationInterface, QueryRunner } from 'typeorm';

/** WebAuthn passkeys as a second option for the second factor, and their one-time challenges. */
export class Passkeys1764660000000 implements MigrationInterface {
  name = 'Passkeys1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE clsm.passkey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES clsm.user_account (id) ON DELETE CASCADE,
        credential_id text NOT NULL UNIQUE CHECK (length(credential_id) BETWEEN 1 AND 1024),
        public_key bytea NOT NULL,
        counter bigint NOT NULL DEFAULT 0,
        transports text[] NOT NULL DEFAULT '{}',
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX passkey_user_idx ON clsm.passkey (user_id)`);
    // A challenge is spent by the statement that checks it: an answer cannot be played twice.
    await queryRunner.query(`
      CREATE TABLE clsm.webauthn_challenge (
        challenge text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES clsm.user_account (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('registration', 'authentication')),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webauthn_challenge_user_idx ON clsm.webauthn_challenge (user_id)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON clsm.passkey, clsm.webauthn_challenge TO clsm_general`);
    await queryRunner.query(`ALTER TABLE clsm.auth_session DROP CONSTRAINT auth_session_method_check`);
    await queryRunner.query(`
      ALTER TABLE clsm.auth_session ADD CONSTRAINT auth_session_method_check
        CHECK (method IN ('password', 'password_totp', 'password_recovery_code', 'password_passkey', 'oidc'))`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clsm.webauthn_challenge`);
    await queryRunner.query(`DROP TABLE clsm.passkey`);
  }
}
