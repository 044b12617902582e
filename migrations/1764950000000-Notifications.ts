import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications. A notification says what happened (a closed kind and a French sentence
 * written from it), the case reference at most, and a link path: never a name, a birth date or a
 * health detail of the person concerned. It lives in schema cellule so that a feature service
 * writes it in the same transaction as the change that caused it.
 */
export class Notifications1764950000000 implements MigrationInterface {
  name = 'Notifications1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`
      CREATE TABLE cellule.notification (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES clsm.user_account (id),
        kind text NOT NULL CHECK (kind ~ '^[a-z_.]{3,64}$'),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 300),
        reference text CHECK (reference IS NULL OR length(reference) <= 40),
        link text NOT NULL CHECK (link ~ '^/[A-Za-z0-9/_-]{0,200}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notification_recipient_idx ON cellule.notification (recipient_id, created_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX notification_unread_idx ON cellule.notification (recipient_id) WHERE read_at IS NULL`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON cellule.notification TO clsm_cellule`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cellule.notification`);
  }
}
