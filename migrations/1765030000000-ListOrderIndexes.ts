import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that serve the order (and the main filter) of every list the API serves, as
 * 1764900000000-ListIndexes did for the situation list: a page is read from an index in its order
 * and stops at its LIMIT, instead of a sequential scan and a sort of every matching row. Equality
 * filters lead, the order follows (a btree is read backwards for DESC, DESC). Where an existing index
 * is a strict prefix of a new one (same leading columns, same predicate), the new one replaces it.
 * test/list-indexes.e2e-spec.ts holds the lists and proves each is read in its order.
 */
export class ListOrderIndexes1765030000000 implements MigrationInterface {
  name = 'ListOrderIndexes1765030000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    // Sessions list (GET /sessions): ORDER BY scheduled_at DESC, id DESC, also the period filter.
    await queryRunner.query(`CREATE INDEX session_list_idx ON cellule.session (scheduled_at DESC, id DESC)`);

    // Préconisations list (GET /recommendations): ORDER BY due_date, id, and by status (open, overdue).
    await queryRunner.query(`CREATE INDEX recommendation_list_idx ON cellule.recommendation (due_date, id)`);
    await queryRunner.query(`CREATE INDEX recommendation_status_list_idx ON cellule.recommendation (status, due_date, id)`);
    // The préconisations of agenda items (a session's view): item_id had no index at all.
    await queryRunner.query(`CREATE INDEX recommendation_item_idx ON cellule.recommendation (item_id, due_date, id)`);
    // A situation's préconisations (ORDER BY created_at, id); replaces recommendation_situation_idx (situation_id).
    await queryRunner.query(`CREATE INDEX recommendation_situation_list_idx ON cellule.recommendation (situation_id, created_at, id)`);
    await queryRunner.query(`DROP INDEX cellule.recommendation_situation_idx`);

    // Referrals list (GET /referrals): ORDER BY created_at DESC, id DESC; a DAC's own referrals.
    await queryRunner.query(`CREATE INDEX referral_list_idx ON cellule.referral (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX referral_dac_list_idx ON cellule.referral (dac_organization_id, created_at DESC, id DESC)`);
    // The referrals of a situation (list filter, subject access, closure); replaces referral_situation_idx (situation_id).
    await queryRunner.query(`CREATE INDEX referral_situation_list_idx ON cellule.referral (situation_id, created_at DESC, id DESC)`);
    await queryRunner.query(`DROP INDEX cellule.referral_situation_idx`);
    // A referral's events (ORDER BY at, id); replaces referral_event_referral_idx (referral_id, at).
    await queryRunner.query(`CREATE INDEX referral_event_list_idx ON cellule.referral_event (referral_id, at, id)`);
    await queryRunner.query(`DROP INDEX cellule.referral_event_referral_idx`);
    // A referral's meetings (ORDER BY held_on, id): referral_id had no index at all.
    await queryRunner.query(`CREATE INDEX referral_meeting_list_idx ON cellule.referral_meeting (referral_id, held_on, id)`);

    // Unread notifications (GET /notifications?unread=true): ORDER BY created_at DESC, id (all of them:
    // notification_recipient_idx); replaces notification_unread_idx (recipient_id) WHERE read_at IS NULL.
    await queryRunner.query(
      `CREATE INDEX notification_unread_list_idx ON cellule.notification (recipient_id, created_at DESC, id) WHERE read_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX cellule.notification_unread_idx`);

    // Rights requests list (GET /rights-requests): ORDER BY deadline, id; the overdue filter reads the
    // open ones, whose index replaces rights_request_open_idx (deadline) WHERE status <> 'answered'.
    await queryRunner.query(`CREATE INDEX rights_request_list_idx ON cellule.rights_request (deadline, id)`);
    await queryRunner.query(
      `CREATE INDEX rights_request_open_list_idx ON cellule.rights_request (deadline, id) WHERE status <> 'answered'`,
    );
    await queryRunner.query(`DROP INDEX cellule.rights_request_open_idx`);

    // Access changes list (GET /access-changes): ORDER BY requested_at DESC, id DESC (pending: access_change_pending).
    await queryRunner.query(`CREATE INDEX access_change_list_idx ON clsm.access_change (requested_at DESC, id DESC)`);

    // Directory of people (GET /directory/people): ORDER BY lower(display_name), id, and within an
    // organisation; the latter replaces user_account_organization_idx (organization_id).
    await queryRunner.query(`CREATE INDEX user_account_directory_idx ON clsm.user_account (lower(display_name), id)`);
    await queryRunner.query(
      `CREATE INDEX user_account_organization_directory_idx ON clsm.user_account (organization_id, lower(display_name), id)`,
    );
    await queryRunner.query(`DROP INDEX clsm.user_account_organization_idx`);

    // Audit search (GET /audit/events, /audit/situations/:id/accesses): ORDER BY seq DESC by actor,
    // situation, action. The (…, recorded_at) indexes stay: they serve the same filters with a period.
    await queryRunner.query(`CREATE INDEX event_actor_seq_idx ON audit.event (actor_user_id, seq)`);
    await queryRunner.query(`CREATE INDEX event_situation_seq_idx ON audit.event (situation_id, seq) WHERE situation_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX event_action_seq_idx ON audit.event (action, seq)`);

    // A situation's consents (ORDER BY recorded_at, id); consent_situation_idx (situation_id, purpose,
    // recorded_at DESC) stays for the latest consent of a purpose.
    await queryRunner.query(`CREATE INDEX consent_situation_list_idx ON cellule.consent (situation_id, recorded_at, id)`);
    // A situation's documents (ORDER BY uploaded_at, id); replaces document_situation_idx (situation_id).
    await queryRunner.query(`CREATE INDEX document_situation_list_idx ON cellule.document (situation_id, uploaded_at, id)`);
    await queryRunner.query(`DROP INDEX cellule.document_situation_idx`);
    // A situation's transitions (ORDER BY at, id); replaces situation_transition_situation_idx (situation_id, at).
    await queryRunner.query(`CREATE INDEX situation_transition_list_idx ON cellule.situation_transition (situation_id, at, id)`);
    await queryRunner.query(`DROP INDEX cellule.situation_transition_situation_idx`);
    // A situation's measures (ORDER BY placed_at, id): only partial unique indexes covered situation_id.
    await queryRunner.query(`CREATE INDEX situation_measure_list_idx ON cellule.situation_measure (situation_id, placed_at, id)`);
    await queryRunner.query(`RESET ROLE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET ROLE clsm_owner`);
    await queryRunner.query(`DROP INDEX cellule.situation_measure_list_idx`);
    await queryRunner.query(`CREATE INDEX situation_transition_situation_idx ON cellule.situation_transition (situation_id, at)`);
    await queryRunner.query(`DROP INDEX cellule.situation_transition_list_idx`);
    await queryRunner.query(`CREATE INDEX document_situation_idx ON cellule.document (situation_id)`);
    await queryRunner.query(`DROP INDEX cellule.document_situation_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.consent_situation_list_idx`);

    await queryRunner.query(`DROP INDEX audit.event_action_seq_idx`);
    await queryRunner.query(`DROP INDEX audit.event_situation_seq_idx`);
    await queryRunner.query(`DROP INDEX audit.event_actor_seq_idx`);

    await queryRunner.query(`CREATE INDEX user_account_organization_idx ON clsm.user_account (organization_id)`);
    await queryRunner.query(`DROP INDEX clsm.user_account_organization_directory_idx`);
    await queryRunner.query(`DROP INDEX clsm.user_account_directory_idx`);

    await queryRunner.query(`DROP INDEX clsm.access_change_list_idx`);

    await queryRunner.query(`CREATE INDEX rights_request_open_idx ON cellule.rights_request (deadline) WHERE status <> 'answered'`);
    await queryRunner.query(`DROP INDEX cellule.rights_request_open_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.rights_request_list_idx`);

    await queryRunner.query(`CREATE INDEX notification_unread_idx ON cellule.notification (recipient_id) WHERE read_at IS NULL`);
    await queryRunner.query(`DROP INDEX cellule.notification_unread_list_idx`);

    await queryRunner.query(`DROP INDEX cellule.referral_meeting_list_idx`);
    await queryRunner.query(`CREATE INDEX referral_event_referral_idx ON cellule.referral_event (referral_id, at)`);
    await queryRunner.query(`DROP INDEX cellule.referral_event_list_idx`);
    await queryRunner.query(`CREATE INDEX referral_situation_idx ON cellule.referral (situation_id)`);
    await queryRunner.query(`DROP INDEX cellule.referral_situation_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.referral_dac_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.referral_list_idx`);

    await queryRunner.query(`CREATE INDEX recommendation_situation_idx ON cellule.recommendation (situation_id)`);
    await queryRunner.query(`DROP INDEX cellule.recommendation_situation_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.recommendation_item_idx`);
    await queryRunner.query(`DROP INDEX cellule.recommendation_status_list_idx`);
    await queryRunner.query(`DROP INDEX cellule.recommendation_list_idx`);

    await queryRunner.query(`DROP INDEX cellule.session_list_idx`);
    await queryRunner.query(`RESET ROLE`);
  }
}
