import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commission membership, sessions, agenda items with their invitees, attendance, review outcomes
 * (summary and minutes encrypted under the situation's key) and recommendations.
 */
export class Sessions1764200000000 implements MigrationInterface {
  name = 'Sessions1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.commission_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE REFERENCES clsm.user_account (id),
        kind text NOT NULL CHECK (kind IN ('permanent', 'substitute')),
        substitute_for uuid REFERENCES cellule.commission_member (id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'substitute') = (substitute_for IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.session (
        id uuid PRIMARY KEY,
        scheduled_at timestamptz NOT NULL,
        location text NOT NULL CHECK (length(location) BETWEEN 1 AND 300),
        status text NOT NULL CHECK (status IN ('planned', 'agenda_published', 'held', 'minutes_approved', 'cancelled')),
        published_at timestamptz,
        held_at timestamptz,
        minutes_approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.session_stand_in (
        session_id uuid NOT NULL REFERENCES cellule.session (id),
        member_id uuid NOT NULL REFERENCES cellule.commission_member (id),
        substitute_member_id uuid NOT NULL REFERENCES cellule.commission_member (id),
        PRIMARY KEY (session_id, member_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.agenda_item (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES cellule.session (id),
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        position integer NOT NULL,
        person_attends boolean NOT NULL,
        carers_attend boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, situation_id)
      )`);
    await queryRunner.query(`CREATE INDEX agenda_item_situation_idx ON cellule.agenda_item (situation_id)`);
    await queryRunner.query(`
      CREATE TABLE cellule.agenda_invitation (
        item_id uuid NOT NULL REFERENCES cellule.agenda_item (id),
        user_id uuid NOT NULL REFERENCES clsm.user_account (id),
        PRIMARY KEY (item_id, user_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.attendance (
        session_id uuid NOT NULL REFERENCES cellule.session (id),
        item_id uuid REFERENCES cellule.agenda_item (id),
        attendee text NOT NULL CHECK (attendee IN ('member', 'substitute', 'invitee', 'person', 'carers')),
        user_id uuid REFERENCES clsm.user_account (id),
        UNIQUE NULLS NOT DISTINCT (session_id, item_id, attendee, user_id),
        CHECK ((attendee IN ('person', 'carers')) = (user_id IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.item_outcome (
        item_id uuid PRIMARY KEY REFERENCES cellule.agenda_item (id),
        summary_enc bytea NOT NULL,
        next_review_date date,
        person_response text NOT NULL CHECK (person_response IN ('agreed', 'partly_agreed', 'refused', 'not_yet_asked')),
        person_response_on date,
        person_response_how_enc bytea,
        minutes_enc bytea,
        recorded_by uuid NOT NULL REFERENCES clsm.user_account (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.recommendation (
        id uuid PRIMARY KEY,
        situation_id uuid NOT NULL REFERENCES cellule.situation (id),
        item_id uuid NOT NULL REFERENCES cellule.agenda_item (id),
        action_enc bytea NOT NULL,
        carrier_user_id uuid REFERENCES clsm.user_account (id),
        carrier_organization_id uuid REFERENCES clsm.organization (id),
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'done', 'abandoned')),
        note_enc bytea,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (carrier_user_id IS NOT NULL OR carrier_organization_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX recommendation_carrier_idx ON cellule.recommendation (carrier_user_id, status)`);
    await queryRunner.query(`CREATE INDEX recommendation_situation_idx ON cellule.recommendation (situation_id)`);
    await queryRunner.query(`
      GRANT SELECT, INSERT, UPDATE ON cellule.commission_member, cellule.session, cellule.session_stand_in, cellule.agenda_item,
        cellule.item_outcome, cellule.recommendation TO clsm_cellule`);
    await queryRunner.query(`GRANT SELECT, INSERT ON cellule.agenda_invitation, cellule.attendance TO clsm_cellule`);
    await queryRunner.query(`GRANT DELETE ON cellule.session_stand_in TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE cellule.recommendation, cellule.item_outcome, cellule.attendance, cellule.agenda_invitation,
        cellule.agenda_item, cellule.session_stand_in, cellule.session, cellule.commission_member`);
  }
}
