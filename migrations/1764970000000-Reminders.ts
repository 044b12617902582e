import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Once, ever" made structural. A reminder of a préconisation (due within 7 days, overdue) is
 * recorded by its key (recommendation, kind) in the same transaction as the notifications it
 * writes: two instances running the daily job at the same time insert the same key, the second
 * waits for the first and inserts nothing, so it notifies nobody. Likewise the notice of an access
 * change awaiting the ethics committee (written by a job, as the request is on the general side).
 */
export class Reminders1764970000000 implements MigrationInterface {
  name = 'Reminders1764970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.recommendation_reminder (
        recommendation_id uuid NOT NULL REFERENCES cellule.recommendation (id),
        kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (recommendation_id, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE cellule.access_change_notice (
        access_change_id uuid PRIMARY KEY,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`GRANT SELECT, INSERT ON cellule.recommendation_reminder, cellule.access_change_notice TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cellule.access_change_notice, cellule.recommendation_reminder`);
  }
}
