import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention that destroys (ethics/policy.yaml, retention.periods): a situation whose period has
 * expired is crypto-shredded (its data key destroyed, its own ciphertexts and its documents' bytes
 * erased, its blind-index entry and duplicate warnings removed), leaving a tombstone: the row with
 * its reference, dates, final state and the coarse columns the statistics count. A legal hold
 * (reason naming a procedure, never the person) suspends destruction until it is lifted.
 */
export class Retention1764820000000 implements MigrationInterface {
  name = 'Retention1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE cellule.situation ADD COLUMN destroyed_at timestamptz`);
    await queryRunner.query(`ALTER TABLE cellule.situation ALTER COLUMN blind_index DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE cellule.situation ADD CONSTRAINT situation_tombstone_check CHECK (destroyed_at IS NULL OR blind_index IS NULL)`,
    );
    await queryRunner.query(`
      CREATE TABLE cellule.legal_hold (
        id uuid PRIMARY KEY,
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        placed_by uuid REFERENCES clsm.user_account (id),
        placed_at timestamptz NOT NULL DEFAULT now(),
        lifted_by uuid REFERENCES clsm.user_account (id),
        lifted_at timestamptz,
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX legal_hold_active_key ON cellule.legal_hold (situation_id) WHERE lifted_at IS NULL`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cellule.legal_hold TO clsm_cellule`);
    // Destruction erases the documents' bytes and the duplicate warnings of a shredded situation.
    await queryRunner.query(`GRANT UPDATE (filename_enc, content_enc) ON cellule.document TO clsm_cellule`);
    await queryRunner.query(`GRANT DELETE ON cellule.duplicate_warning TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE DELETE ON cellule.duplicate_warning FROM clsm_cellule`);
    await queryRunner.query(`REVOKE UPDATE (filename_enc, content_enc) ON cellule.document FROM clsm_cellule`);
    await queryRunner.query(`DROP TABLE cellule.legal_hold`);
    await queryRunner.query(`ALTER TABLE cellule.situation DROP CONSTRAINT situation_tombstone_check`);
    await queryRunner.query(`ALTER TABLE cellule.situation ALTER COLUMN blind_index SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE cellule.situation DROP COLUMN destroyed_at`);
  }
}
