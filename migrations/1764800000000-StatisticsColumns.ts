import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's sex, in clear beside the decade of birth, for the bilan's statistics: a coarse
 * category (female, male, other, unknown) that identifies no one on its own and is only ever
 * published through small-count suppression. Written at intake and on rectification of the
 * identity group, from the same value that is encrypted. Situations recorded before stay NULL
 * ("non renseigné"): filling them would mean decrypting every case file.
 */
export class StatisticsColumns1764800000000 implements MigrationInterface {
  name = 'StatisticsColumns1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE cellule.situation ADD COLUMN sex text CHECK (sex IN ('female', 'male', 'other', 'unknown'))`);
    await queryRunner.query(`CREATE INDEX situation_created_at_idx ON cellule.situation (created_at)`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cellule.situation_created_at_idx`);
    await queryRunner.query(`ALTER TABLE cellule.situation DROP COLUMN sex`);
  }
}
