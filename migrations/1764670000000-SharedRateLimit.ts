import { MigrationInterface, QueryRunner } from 'typeorm';

/** The authentication routes' rate limit, counted in PostgreSQL so that every instance shares it. */
export class SharedRateLimit1764670000000 implements MigrationInterface {
  name = 'SharedRateLimit1764670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    // Keys are keyed hashes of the client address: no address is stored.
    await queryRunner.query(`
      CREATE TABLE clsm.rate_limit (
        key bytea PRIMARY KEY CHECK (length(key) = 32),
        window_start timestamptz NOT NULL,
        hits integer NOT NULL CHECK (hits >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX rate_limit_window_idx ON clsm.rate_limit (window_start)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON clsm.rate_limit TO clsm_general`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clsm.rate_limit`);
  }
}
