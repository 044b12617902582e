import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * French national identifiers for the FHIR export: the FINESS number of a structure (9 digits; the
 * Luhn key is checked by the service), visible to the commission side through its directory views
 * together with the professional identifier an account is linked by (Pro Santé Connect's idNat_PS,
 * which carries the RPPS number). Columns are appended to the views, as CREATE OR REPLACE VIEW
 * requires. The person's INS lives in the encrypted identity group: no column here.
 */
export class FrenchIdentifiers1765010000000 implements MigrationInterface {
  name = 'FrenchIdentifiers1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE clsm.organization ADD COLUMN finess text CHECK (finess ~ '^[0-9]{9}$')`);
    await queryRunner.query(`CREATE OR REPLACE VIEW clsm.directory_organization AS SELECT id, name, kind, finess FROM clsm.organization`);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW clsm.directory_entry AS
        SELECT u.id AS user_id, u.display_name, u.organization_id, o.name AS organization_name,
               o.kind AS organization_kind, u.professional_category, u.roles, u.active,
               u.professional_id, o.finess AS organization_finess
        FROM clsm.user_account u LEFT JOIN clsm.organization o ON o.id = u.organization_id`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`DROP VIEW clsm.directory_organization`);
    await queryRunner.query(`CREATE VIEW clsm.directory_organization AS SELECT id, name, kind FROM clsm.organization`);
    await queryRunner.query(`GRANT SELECT ON clsm.directory_organization TO clsm_cellule`);
    await queryRunner.query(`DROP VIEW clsm.directory_entry`);
    await queryRunner.query(`
      CREATE VIEW clsm.directory_entry AS
        SELECT u.id AS user_id, u.display_name, u.organization_id, o.name AS organization_name,
               o.kind AS organization_kind, u.professional_category, u.roles, u.active
        FROM clsm.user_account u LEFT JOIN clsm.organization o ON o.id = u.organization_id`);
    await queryRunner.query(`GRANT SELECT ON clsm.directory_entry TO clsm_cellule`);
    await queryRunner.query(`ALTER TABLE clsm.organization DROP COLUMN finess`);
    await queryRunner.query(`RESET ROLE`);
  }
}
