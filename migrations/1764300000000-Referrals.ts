import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals to and from the DAC. The data set shared with the DAC is a snapshot encrypted at
 * sending time under the situation's key: later edits of the case file never reach the DAC.
 */
export class Referrals1764300000000 implements MigrationInterface {
  name = 'Referrals1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.referral (
        id uuid PRIMARY KEY,
        direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        dac_organization_id uuid NOT NULL REFERENCES clsm.organization (id),
        external_id text CHECK (external_id ~ '^[A-Za-z0-9._:-]{1,100}$'),
        status text NOT NULL CHECK (status IN ('draft', 'sent', 'acknowledged', 'accepted', 'declined', 'closed', 'withdrawn')),
        shared_groups text[] NOT NULL DEFAULT '{}',
        reason_enc bytea,
        summary_enc bytea,
        decline_reason_enc bytea,
        snapshot_enc bytea,
        created_by uuid NOT NULL REFERENCES clsm.user_account (id),
        clsm_contact_user_id uuid REFERENCES clsm.user_account (id),
        sent_at timestamptz,
        acknowledged_at timestamptz,
        decided_at timestamptz,
        closed_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((direction = 'inbound') = (external_id IS NOT NULL))
      )`);
    // Idempotency of inbound referrals: one situation per DAC identifier.
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_inbound_key ON cellule.referral (dac_organization_id, external_id) WHERE direction = 'inbound'`,
    );
    await queryRunner.query(`CREATE INDEX referral_situation_idx ON cellule.referral (situation_id)`);
    await queryRunner.query(`CREATE INDEX referral_dac_idx ON cellule.referral (dac_organization_id, status)`);
    await queryRunner.query(`
      CREATE TABLE cellule.referral_meeting (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES cellule.referral (id),
        held_on date NOT NULL,
        note_enc bytea NOT NULL,
        recorded_by uuid NOT NULL REFERENCES clsm.user_account (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cellule.referral TO clsm_cellule`);
    await queryRunner.query(`GRANT SELECT, INSERT ON cellule.referral_meeting TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cellule.referral_meeting, cellule.referral`);
  }
}
