import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that serve the situation list's order (created_at DESC, id DESC) and its filters, so a
 * page is read from an index instead of a sequential scan and a sort of every row: the whole list
 * (the coordination), a status, a referrer's own situations (the first index replaces the plain
 * referrer index), and the problem areas (GIN, for `problem_areas @> ARRAY[...]`).
 */
export class ListIndexes1764900000000 implements MigrationInterface {
  name = 'ListIndexes1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`CREATE INDEX situation_list_idx ON cellule.situation (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX situation_status_list_idx ON cellule.situation (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX situation_referrer_list_idx ON cellule.situation (referrer_user_id, created_at DESC, id DESC)`);
    await queryRunner.query(`DROP INDEX cellule.situation_referrer_idx`);
    await queryRunner.query(`CREATE INDEX situation_problem_areas_idx ON cellule.situation USING gin (problem_areas)`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`DROP INDEX cellule.situation_problem_areas_idx`);
    await queryRunner.query(`CREATE INDEX situation_referrer_idx ON cellule.situation (referrer_user_id)`);
    await queryRunner.query(`DROP INDEX cellule.situation_referrer_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.situation_status_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.situation_list_idx`);
    await queryRunner.query(`RESET ROLE`);
  }
}
