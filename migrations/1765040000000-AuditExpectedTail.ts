import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit append that already knows the chain's tail (the process wrote it last) sends the lock
 * and its insert in one round trip; the insert checks, under the lock and in its own snapshot, that
 * the tail is still the one its entries were chained to. audit.expected_tail raises (SQLSTATE
 * CL001) when another writer (another instance) appended meanwhile: nothing is inserted, and the
 * service reads the tail and chains again.
 */
export class AuditExpectedTail1765040000000 implements MigrationInterface {
  name = 'AuditExpectedTail1765040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE FUNCTION audit.expected_tail(expected_seq bigint, expected_hash bytea) RETURNS boolean
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        tail_seq bigint;
        tail_hash bytea;
      BEGIN
        SELECT seq, hash INTO tail_seq, tail_hash FROM audit.event ORDER BY seq DESC LIMIT 1;
        IF coalesce(tail_seq, 0) <> expected_seq OR (tail_seq IS NOT NULL AND tail_hash <> expected_hash) THEN
          RAISE EXCEPTION 'the audit chain tail moved' USING ERRCODE = 'CL001';
        END IF;
        RETURN true;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit.expected_tail(bigint, bytea) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION audit.expected_tail(bigint, bytea) TO clsm_general, clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit.expected_tail(bigint, bytea)`);
  }
}
