import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complete workflows: a session's chair and the author of its minutes; préconisations transferred;
 * every earlier version of an outcome or a préconisation kept (who, when, why, encrypted under the
 * situation's key); agenda items and invitations removable until the session starts; inbound DAC
 * referrals acknowledged (received → under_review → accepted | redirected | declined) and every
 * step of a referral recorded with its reason for the DAC.
 */
export class Workflows1764720000000 implements MigrationInterface {
  name = 'Workflows1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE cellule.session ADD COLUMN chair_user_id uuid REFERENCES clsm.user_account (id)`);
    await queryRunner.query(`ALTER TABLE cellule.session ADD COLUMN minutes_drafted_by uuid REFERENCES clsm.user_account (id)`);
    await queryRunner.query(`ALTER TABLE cellule.session ADD COLUMN minutes_approved_by uuid REFERENCES clsm.user_account (id)`);
    await queryRunner.query(`ALTER TABLE cellule.recommendation DROP CONSTRAINT recommendation_status_check`);
    await queryRunner.query(
      `ALTER TABLE cellule.recommendation ADD CONSTRAINT recommendation_status_check CHECK (status IN ('open', 'done', 'abandoned', 'transferred'))`,
    );
    await queryRunner.query(`ALTER TABLE cellule.recommendation ADD COLUMN closed_by uuid REFERENCES clsm.user_account (id)`);
    await queryRunner.query(`ALTER TABLE cellule.item_outcome ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE cellule.recommendation ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      CREATE TABLE cellule.item_outcome_version (
        id uuid PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES cellule.agenda_item (id),
        version integer NOT NULL,
        summary_enc bytea NOT NULL,
        next_review_date date,
        recorded_by uuid NOT NULL REFERENCES clsm.user_account (id),
        recorded_at timestamptz NOT NULL,
        replaced_by uuid NOT NULL REFERENCES clsm.user_account (id),
        replaced_at timestamptz NOT NULL,
        reason_enc bytea NOT NULL,
        UNIQUE (item_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.recommendation_version (
        id uuid PRIMARY KEY,
        recommendation_id uuid NOT NULL REFERENCES cellule.recommendation (id),
        version integer NOT NULL,
        action_enc bytea NOT NULL,
        carrier_user_id uuid REFERENCES clsm.user_account (id),
        carrier_organization_id uuid REFERENCES clsm.organization (id),
        due_date date NOT NULL,
        replaced_by uuid NOT NULL REFERENCES clsm.user_account (id),
        replaced_at timestamptz NOT NULL,
        reason_enc bytea NOT NULL,
        UNIQUE (recommendation_id, version)
      )`);
    await queryRunner.query(`ALTER TABLE cellule.referral DROP CONSTRAINT referral_status_check`);
    await queryRunner.query(`
      ALTER TABLE cellule.referral ADD CONSTRAINT referral_status_check
        CHECK (status IN ('draft', 'sent', 'acknowledged', 'accepted', 'declined', 'closed', 'withdrawn', 'received', 'under_review', 'redirected'))`);
    await queryRunner.query(`UPDATE cellule.referral SET status = 'received' WHERE direction = 'inbound' AND status = 'sent'`);
    await queryRunner.query(`
      CREATE TABLE cellule.referral_event (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES cellule.referral (id),
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        at timestamptz NOT NULL,
        reason_enc bytea
      )`);
    await queryRunner.query(`CREATE INDEX referral_event_referral_idx ON cellule.referral_event (referral_id, at)`);
    await queryRunner.query(
      `GRANT SELECT, INSERT ON cellule.item_outcome_version, cellule.recommendation_version, cellule.referral_event TO clsm_cellule`,
    );
    await queryRunner.query(`GRANT DELETE ON cellule.agenda_item, cellule.agenda_invitation TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cellule.referral_event, cellule.recommendation_version, cellule.item_outcome_version`);
    await queryRunner.query(
      `ALTER TABLE cellule.session DROP COLUMN chair_user_id, DROP COLUMN minutes_drafted_by, DROP COLUMN minutes_approved_by`,
    );
    await queryRunner.query(`ALTER TABLE cellule.recommendation DROP COLUMN closed_by, DROP COLUMN version`);
    await queryRunner.query(`ALTER TABLE cellule.item_outcome DROP COLUMN version`);
  }
}
