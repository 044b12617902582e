import { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed-in devices a person can see and end, and sessions that end when left idle. */
export class SessionActivity1764600000000 implements MigrationInterface {
  name = 'SessionActivity1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE clsm.auth_session ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE clsm.auth_session ADD COLUMN client text CHECK (length(client) <= 200)`);
    await queryRunner.query(`ALTER TABLE clsm.auth_session DROP CONSTRAINT auth_session_revoked_reason_check`);
    await queryRunner.query(`
      ALTER TABLE clsm.auth_session ADD CONSTRAINT auth_session_revoked_reason_check
        CHECK (revoked_reason IN ('logout', 'refresh_token_reuse', 'deactivated', 'ended_by_user'))`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clsm.auth_session DROP COLUMN last_used_at, DROP COLUMN client`);
  }
}
