import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Charter acceptances, the person's consents (immutable: a withdrawal is a new record) and the
 * relations between users and situations that need-to-know access rests on.
 */
export class EthicsAndConsent1764100000000 implements MigrationInterface {
  name = 'EthicsAndConsent1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.charter_acceptance (
        user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        charter_version text NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, charter_version)
      )`);

    await queryRunner.query(`
      CREATE TABLE cellule.consent (
        id uuid PRIMARY KEY,
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        purpose text NOT NULL CHECK (purpose IN ('review', 'dac_transmission', 'attendance')),
        decision text NOT NULL CHECK (decision IN ('given', 'refused', 'withdrawn')),
        given_by text NOT NULL CHECK (given_by IN ('person', 'legal_representative')),
        method text NOT NULL CHECK (method IN ('signed_form', 'oral_statement')),
        document_id uuid REFERENCES cellule.document (id),
        details_enc bytea NOT NULL,
        given_on date NOT NULL,
        valid_until date,
        refused_organization_ids uuid[] NOT NULL DEFAULT '{}',
        withdraws_consent_id uuid REFERENCES cellule.consent (id),
        recorded_by_user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (valid_until IS NULL OR valid_until >= given_on),
        CHECK ((method = 'signed_form') = (document_id IS NOT NULL)),
        CHECK ((decision = 'withdrawn') = (withdraws_consent_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX consent_situation_idx ON cellule.consent (situation_id, purpose, recorded_at DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION cellule.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER consent_immutable BEFORE UPDATE OR DELETE ON cellule.consent
      FOR EACH ROW EXECUTE FUNCTION cellule.refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER consent_no_truncate BEFORE TRUNCATE ON cellule.consent
      FOR EACH STATEMENT EXECUTE FUNCTION cellule.refuse_change()`);
    // The record in force for each situation and purpose: the latest one.
    await queryRunner.query(`
      CREATE VIEW cellule.current_consent AS
        SELECT DISTINCT ON (situation_id, purpose) *
          FROM cellule.consent ORDER BY situation_id, purpose, recorded_at DESC, id`);

    await queryRunner.query(`
      CREATE TABLE cellule.situation_relation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        relation text NOT NULL CHECK (relation IN ('pilot', 'convened_member', 'invitee', 'recommendation_carrier', 'dac_contact')),
        valid_from timestamptz NOT NULL DEFAULT now(),
        valid_until timestamptz,
        purpose_type text,
        purpose_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX situation_relation_user_idx ON cellule.situation_relation (user_id, valid_from)`);
    await queryRunner.query(`CREATE INDEX situation_relation_situation_idx ON cellule.situation_relation (situation_id)`);

    await queryRunner.query(`GRANT SELECT, INSERT ON cellule.charter_acceptance, cellule.consent TO clsm_cellule`);
    await queryRunner.query(`GRANT SELECT ON cellule.current_consent TO clsm_cellule`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cellule.situation_relation TO clsm_cellule`);
    // Organisations, so that consents can name the structures the person refuses.
    await queryRunner.query(`CREATE VIEW clsm.directory_organization AS SELECT id, name, kind FROM clsm.organization`);
    await queryRunner.query(`GRANT SELECT ON clsm.directory_organization TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW clsm.directory_organization`);
    await queryRunner.query(`DROP TABLE cellule.situation_relation`);
    await queryRunner.query(`DROP VIEW cellule.current_consent`);
    await queryRunner.query(`DROP TABLE cellule.consent, cellule.charter_acceptance`);
    await queryRunner.query(`DROP FUNCTION cellule.refuse_change()`);
  }
}
