import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tamper-evident audit trail. Append-only by construction: owned by the NOLOGIN owner, the
 * application roles may only INSERT and SELECT, and triggers refuse UPDATE, DELETE and TRUNCATE
 * (even for the owner). Entries hold ids only: no names, free text, search terms or field values.
 */
export class AuditTrail1763900000000 implements MigrationInterface {
  name = 'AuditTrail1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT USAGE ON SCHEMA audit TO clsm_general, clsm_cellule`);
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE audit.event (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        recorded_at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_role text,
        actor_organization_id uuid,
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        resource_type text NOT NULL CHECK (resource_type ~ '^[a-z_]+$'),
        resource_id text CHECK (resource_id ~ '^[A-Za-z0-9-]{1,64}$'),
        situation_id uuid,
        outcome text NOT NULL CHECK (outcome IN ('granted', 'denied', 'error')),
        purpose_type text CHECK (purpose_type ~ '^[a-z_]+$'),
        purpose_id text CHECK (purpose_id ~ '^[A-Za-z0-9-]{1,64}$'),
        policy_version text,
        request_id text,
        client_address text,
        canonical bytea NOT NULL,
        prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        mac bytea NOT NULL CHECK (length(mac) = 32)
      )`);
    await queryRunner.query(`CREATE INDEX event_recorded_at_idx ON audit.event (recorded_at)`);
    await queryRunner.query(`CREATE INDEX event_actor_idx ON audit.event (actor_user_id, recorded_at)`);
    await queryRunner.query(`CREATE INDEX event_situation_idx ON audit.event (situation_id, recorded_at) WHERE situation_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE audit.checkpoint (
        seq bigint PRIMARY KEY,
        head_hash bytea NOT NULL CHECK (length(head_hash) = 32),
        signed_at timestamptz NOT NULL,
        public_key bytea NOT NULL CHECK (length(public_key) = 32),
        signature bytea NOT NULL CHECK (length(signature) = 64)
      )`);

    await queryRunner.query(`
      CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit trail is append-only: % refused on %.%', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['event', 'checkpoint']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON audit.${table}
        FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON audit.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`);
      await queryRunner.query(`REVOKE ALL ON audit.${table} FROM PUBLIC`);
      await queryRunner.query(`GRANT SELECT, INSERT ON audit.${table} TO clsm_general, clsm_cellule`);
    }
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit.checkpoint, audit.event`);
    await queryRunner.query(`DROP FUNCTION audit.refuse_change()`);
  }
}
