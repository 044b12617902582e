import { MigrationInterface, QueryRunner } from 'typeorm';

/** Case references read CC-2026-0042; references given before keep their earlier form (2026-014). */
export class CaseReferences1764500000000 implements MigrationInterface {
  name = 'CaseReferences1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE cellule.situation DROP CONSTRAINT situation_reference_check`);
    await queryRunner.query(
      `ALTER TABLE cellule.situation ADD CONSTRAINT situation_reference_check CHECK (reference ~ '^(CC-[0-9]{4}-[0-9]{4,}|[0-9]{4}-[0-9]{3,})$')`,
    );
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cellule.situation DROP CONSTRAINT situation_reference_check`);
    await queryRunner.query(
      `ALTER TABLE cellule.situation ADD CONSTRAINT situation_reference_check CHECK (reference ~ '^[0-9]{4}-[0-9]{3,}$')`,
    );
  }
}
