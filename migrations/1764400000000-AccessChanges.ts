import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access changes awaiting the ethics committee (separation of duties, charter article 8): a change
 * that widens someone's access to case content (a case role, a category that unlocks health
 * details, the ethics role itself) is recorded here and applied only once a member of the ethics
 * committee who is neither its author nor its subject approves it.
 */
export class AccessChanges1764400000000 implements MigrationInterface {
  name = 'AccessChanges1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    // An account may exist without a role while its roles wait for the ethics committee.
    await queryRunner.query(`ALTER TABLE clsm.user_account DROP CONSTRAINT user_account_roles_check`);
    await queryRunner.query(`
      ALTER TABLE clsm.user_account ADD CONSTRAINT user_account_roles_check
        CHECK (roles <@ ARRAY['admin', 'coordinator', 'member', 'referrer', 'ethics', 'dac']::text[])`);
    await queryRunner.query(`
      CREATE TABLE clsm.access_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        add_roles text[] NOT NULL DEFAULT '{}',
        professional_category text,
        requested_by uuid REFERENCES clsm.user_account (id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
        decided_by uuid REFERENCES clsm.user_account (id),
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) <= 2000),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK (decided_by IS NULL OR (decided_by <> user_id AND decided_by IS DISTINCT FROM requested_by))
      )`);
    await queryRunner.query(`CREATE INDEX access_change_pending ON clsm.access_change (requested_at, id) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE UNIQUE INDEX access_change_one_pending ON clsm.access_change (user_id) WHERE status = 'pending'`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON clsm.access_change TO clsm_general`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clsm.access_change`);
    await queryRunner.query(`ALTER TABLE clsm.user_account DROP CONSTRAINT user_account_roles_check`);
    await queryRunner.query(`
      ALTER TABLE clsm.user_account ADD CONSTRAINT user_account_roles_check
        CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'coordinator', 'member', 'referrer', 'ethics', 'dac']::text[])`);
  }
}
