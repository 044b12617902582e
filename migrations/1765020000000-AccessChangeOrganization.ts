import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An account moved to another structure while it holds a case role reaches that structure's
 * préconisations and referrals: the move waits for the ethics committee like any widening change
 * (issue 13), recorded in the change it belongs to.
 */
export class AccessChangeOrganization1765020000000 implements MigrationInterface {
  name = 'AccessChangeOrganization1765020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE clsm.access_change ADD COLUMN organization_id uuid REFERENCES clsm.organization (id)`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`ALTER TABLE clsm.access_change DROP COLUMN organization_id`);
    await queryRunner.query(`RESET ROLE`);
  }
}
