import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of the person's requests under the GDPR (articles 15 to 21). It holds no free text
 * and no name: the kind, the dates, the state, the answer as a closed outcome, and the situation it
 * concerns when there is one (so that the register never becomes a second case file).
 */
export class RightsRequests1764810000000 implements MigrationInterface {
  name = 'RightsRequests1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.rights_request (
        id uuid PRIMARY KEY,
        situation_id uuid REFERENCES cellule.situation (id),
        kind text NOT NULL CHECK (kind IN ('access', 'rectification', 'objection', 'restriction', 'erasure')),
        received_on date NOT NULL,
        deadline date NOT NULL,
        extended boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('received', 'in_progress', 'answered')),
        outcome text CHECK (outcome IN ('granted', 'partially_granted', 'refused_legal_obligation', 'refused_unfounded', 'no_data_held')),
        answered_on date,
        recorded_by uuid NOT NULL REFERENCES clsm.user_account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'answered') = (outcome IS NOT NULL AND answered_on IS NOT NULL)),
        CHECK (deadline > received_on),
        CHECK (answered_on IS NULL OR answered_on >= received_on)
      )`);
    await queryRunner.query(`CREATE INDEX rights_request_open_idx ON cellule.rights_request (deadline) WHERE status <> 'answered'`);
    await queryRunner.query(`CREATE INDEX rights_request_situation_idx ON cellule.rights_request (situation_id)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cellule.rights_request TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cellule.rights_request`);
  }
}
