import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's objection (RGPD art. 21) and restriction of processing (art. 18), recorded on a
 * situation with their reason (encrypted under the situation's key, like every free text) and, where
 * one exists, the rights request they answer. An objection is final; a restriction is lifted with a
 * reason. Access reads them as facts (src/access, ethics/policy.yaml rights_measures).
 *
 * Destruction leaves nothing decryptable: the service may now erase (never otherwise change) the
 * ciphertext columns of every record tied to a situation, and a consent record, immutable
 * otherwise, accepts exactly one change: its details erased once its situation is destroyed.
 */
export class RightsMeasures1765000000000 implements MigrationInterface {
  name = 'RightsMeasures1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.situation_measure (
        id uuid PRIMARY KEY,
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        kind text NOT NULL CHECK (kind IN ('objection', 'restriction')),
        rights_request_id uuid REFERENCES cellule.rights_request (id),
        reason_enc bytea NOT NULL,
        placed_by uuid NOT NULL REFERENCES clsm.user_account (id),
        placed_at timestamptz NOT NULL,
        lifted_by uuid REFERENCES clsm.user_account (id),
        lifted_at timestamptz,
        lift_reason_enc bytea,
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL)),
        CHECK ((lifted_at IS NULL) = (lift_reason_enc IS NULL)),
        CHECK (kind = 'restriction' OR lifted_at IS NULL)
      )`);
    // One objection per situation (final); one restriction in force at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX situation_measure_objection_key ON cellule.situation_measure (situation_id) WHERE kind = 'objection'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX situation_measure_restriction_key ON cellule.situation_measure (situation_id) WHERE kind = 'restriction' AND lifted_at IS NULL`,
    );
    await queryRunner.query(`GRANT SELECT, INSERT ON cellule.situation_measure TO clsm_cellule`);
    await queryRunner.query(
      `GRANT UPDATE (lifted_by, lifted_at, lift_reason_enc, reason_enc) ON cellule.situation_measure TO clsm_cellule`,
    );

    // Erasure of a destroyed situation's ciphertexts (retention).
    await queryRunner.query(`GRANT UPDATE (reason_enc) ON cellule.situation_transition TO clsm_cellule`);
    await queryRunner.query(`GRANT UPDATE (details_enc) ON cellule.consent TO clsm_cellule`);
    await queryRunner.query(`GRANT UPDATE (note_enc) ON cellule.referral_meeting TO clsm_cellule`);
    await queryRunner.query(`GRANT UPDATE (summary_enc, reason_enc) ON cellule.item_outcome_version TO clsm_cellule`);
    await queryRunner.query(`GRANT UPDATE (action_enc, reason_enc) ON cellule.recommendation_version TO clsm_cellule`);
    await queryRunner.query(`GRANT UPDATE (reason_enc) ON cellule.referral_event TO clsm_cellule`);
    await queryRunner.query(`
      CREATE FUNCTION cellule.consent_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.details_enc = '\\x'::bytea
           AND to_jsonb(NEW) - 'details_enc' = to_jsonb(OLD) - 'details_enc'
           AND EXISTS (SELECT 1 FROM cellule.situation s WHERE s.id = OLD.situation_id AND s.destroyed_at IS NOT NULL) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`DROP TRIGGER consent_immutable ON cellule.consent`);
    await queryRunner.query(`
      CREATE TRIGGER consent_immutable BEFORE UPDATE OR DELETE ON cellule.consent
      FOR EACH ROW EXECUTE FUNCTION cellule.consent_refuse_change()`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`DROP TRIGGER consent_immutable ON cellule.consent`);
    await queryRunner.query(
      `CREATE TRIGGER consent_immutable BEFORE UPDATE OR DELETE ON cellule.consent FOR EACH ROW EXECUTE FUNCTION cellule.refuse_change()`,
    );
    await queryRunner.query(`DROP FUNCTION cellule.consent_refuse_change()`);
    await queryRunner.query(`REVOKE UPDATE (reason_enc) ON cellule.referral_event FROM clsm_cellule`);
    await queryRunner.query(`REVOKE UPDATE (action_enc, reason_enc) ON cellule.recommendation_version FROM clsm_cellule`);
    await queryRunner.query(`REVOKE UPDATE (summary_enc, reason_enc) ON cellule.item_outcome_version FROM clsm_cellule`);
    await queryRunner.query(`REVOKE UPDATE (note_enc) ON cellule.referral_meeting FROM clsm_cellule`);
    await queryRunner.query(`REVOKE UPDATE (details_enc) ON cellule.consent FROM clsm_cellule`);
    await queryRunner.query(`REVOKE UPDATE (reason_enc) ON cellule.situation_transition FROM clsm_cellule`);
    await queryRunner.query(`DROP TABLE cellule.situation_measure`);
    await queryRunner.query(`RESET ROLE`);
  }
}
