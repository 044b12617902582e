import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = ['submitted', 'admissible', 'rejected', 'redirected', 'in_preparation', 'scheduled', 'reviewed', 'follow_up', 'closed'];
const PROBLEM_AREAS = [
  'housing',
  'care_continuity',
  'isolation',
  'neighbourhood_conflict',
  'access_to_rights',
  'addiction',
  'family',
  'other',
];
const CLOSURE_OUTCOMES = ['resolved', 'partially_resolved', 'not_resolved', 'person_declined', 'moved_away', 'deceased', 'redirected'];
const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * Case files (schema cellule). Sensitive field groups are stored only as ciphertexts (*_enc);
 * what the workflow and statistics need stays in clear: status, dates, problem areas, decade of
 * birth, referrer and organisation ids, the reference, and a 256-bucket blind index.
 */
export class CaseFiles1764000000000 implements MigrationInterface {
  name = 'CaseFiles1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.situation (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE CHECK (reference ~ '^[0-9]{4}-[0-9]{3,}$'),
        year integer NOT NULL,
        status text NOT NULL CHECK (status IN (${list(STATUSES)})),
        problem_areas text[] NOT NULL CHECK (cardinality(problem_areas) > 0 AND problem_areas <@ ARRAY[${list(PROBLEM_AREAS)}]::text[]),
        birth_decade integer NOT NULL,
        referrer_user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        referrer_organization_id uuid REFERENCES clsm.organization (id),
        blind_index smallint NOT NULL CHECK (blind_index BETWEEN 0 AND 255),
        closure_outcome text CHECK (closure_outcome IN (${list(CLOSURE_OUTCOMES)})),
        redirected_to text CHECK (redirected_to IN ('dac', 'other_service')),
        identity_enc bytea NOT NULL,
        contact_enc bytea NOT NULL,
        social_enc bytea NOT NULL,
        health_enc bytea NOT NULL,
        narrative_enc bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX situation_status_idx ON cellule.situation (status, year)`);
    await queryRunner.query(`CREATE INDEX situation_referrer_idx ON cellule.situation (referrer_user_id)`);
    await queryRunner.query(`CREATE INDEX situation_blind_index_idx ON cellule.situation (blind_index)`);

    // Only wrapped data keys. A NULL key with destroyed_at set is a crypto-shredded situation.
    await queryRunner.query(`
      CREATE TABLE cellule.situation_key (
        situation_id uuid PRIMARY KEY REFERENCES cellule.situation (id) DEFERRABLE INITIALLY DEFERRED,
        kek_version integer NOT NULL,
        wrapped_dek bytea,
        destroyed_at timestamptz,
        CHECK ((wrapped_dek IS NULL) = (destroyed_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX situation_key_version_idx ON cellule.situation_key (kek_version) WHERE wrapped_dek IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE cellule.situation_transition (
        id uuid PRIMARY KEY,
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_user_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        reason_enc bytea,
        closure_outcome text,
        redirected_to text
      )`);
    await queryRunner.query(`CREATE INDEX situation_transition_situation_idx ON cellule.situation_transition (situation_id, at)`);

    await queryRunner.query(`
      CREATE TABLE cellule.document (
        id uuid PRIMARY KEY,
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        filename_enc bytea NOT NULL,
        content_enc bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX document_situation_idx ON cellule.document (situation_id)`);

    // Possible duplicates found by the blind index and confirmed by decryption: for coordinators only.
    await queryRunner.query(`
      CREATE TABLE cellule.duplicate_warning (
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        other_situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        detected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (situation_id, other_situation_id)
      )`);
    await queryRunner.query(`CREATE TABLE cellule.reference_counter (year integer PRIMARY KEY, last integer NOT NULL)`);
    // Emergency referrals are refused and not stored: only their number per year is kept.
    await queryRunner.query(`CREATE TABLE cellule.emergency_refusal_counter (year integer PRIMARY KEY, refusals integer NOT NULL)`);

    await queryRunner.query(`
      GRANT SELECT, INSERT, UPDATE ON cellule.situation, cellule.situation_key, cellule.reference_counter,
        cellule.emergency_refusal_counter TO clsm_cellule`);
    await queryRunner.query(`
      GRANT SELECT, INSERT ON cellule.situation_transition, cellule.document, cellule.duplicate_warning TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE cellule.emergency_refusal_counter, cellule.reference_counter, cellule.duplicate_warning,
        cellule.document, cellule.situation_transition, cellule.situation_key, cellule.situation`);
  }
}
