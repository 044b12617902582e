import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Commission,
  addItem,
  commission,
  dateIn,
  newSession,
  readySituation,
  reviewed,
  setSessionStatus,
} from './support/commission.js';
import { notFrench } from './support/french.js';
import { bearer } from './support/situations.js';
import { startTestApp, TEST_DISPLAY_NAME, type TestApp, type TestUser } from './support/test-app.js';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

describe("the person's objection (RGPD art. 21) and restriction of processing (art. 18)", () => {
  let t: TestApp;
  let c: Commission;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t.close());

  const get = (user: TestUser, path: string) => t.http().get(path).set(bearer(user));
  const post = (user: TestUser, path: string, body: object) => t.http().post(path).set(bearer(user)).send(body);
  const referralBody = (situationId: string) => ({
    situationId,
    dacOrganizationId: c.dacOrganization,
    reason: 'Motif interne',
    summaryForDac: 'Résumé pour le DAC',
  });
  const auditActions = async (situationId: string) =>
    (await t.superuser.query(`SELECT action, actor_user_id, outcome FROM audit.event WHERE situation_id = $1 ORDER BY seq`, [situationId]))
      .rows as {
      action: string;
      actor_user_id: string;
      outcome: string;
    }[];
  const expectRule = (response: { status: number; body: { rule?: string; detail?: string } }, status: number, rule: string) => {
    expect({ status: response.status, rule: response.body.rule }).toEqual({ status, rule });
    expect(notFrench(response.body.detail)).toBeUndefined();
  };

  describe('objection', () => {
    it('stops all sharing at once (DAC referral withdrawn and the DAC told, invitees and convened members lose the file, no new referral: 409 naming the rule) and closes the situation, with author and reason in its history and the audit', async () => {
      const situation = await readySituation(t, c);
      const request = await post(c.coordinator, '/api/rights-requests', {
        kind: 'objection',
        receivedOn: today(),
        situationId: situation.id,
      }).expect(201);
      const referral = await post(c.coordinator, '/api/referrals', referralBody(situation.id)).expect(201);
      await post(c.coordinator, `/api/referrals/${referral.body.id}/status`, { to: 'sent' }).expect(200);
      const sessionId = await newSession(t, c, { inDays: 7 });
      await addItem(t, c, sessionId, situation.id, [c.invitee.id]);
      await setSessionStatus(t, c, sessionId, 'agenda_published');
      await get(c.invitee, `/api/situations/${situation.id}`).expect(200);
      await get(c.nurse, `/api/situations/${situation.id}`).expect(200);
      expect((await get(c.dac, `/api/referrals/${referral.body.id}`).expect(200)).body.shared).toBeDefined();

      const agendaChanged = async () =>
        (
          await t.superuser.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM cellule.notification WHERE recipient_id = $1 AND kind = 'agenda.changed' AND link = $2`,
            [c.invitee.id, `/seances/${sessionId}`],
          )
        ).rows[0].n;
      const changedBefore = await agendaChanged();
      const reason = 'La personne refuse que sa situation soit examinée, par courrier du 2 novembre';
      const objected = await post(c.coordinator, `/api/situations/${situation.id}/objection`, {
        reason,
        rightsRequestId: request.body.id,
      }).expect(200);

      // Closure through the normal workflow, in the same request.
      expect(objected.body).toMatchObject({ status: 'closed', closureOutcome: 'person_declined', restricted: false });
      expect(objected.body.history.at(-1)).toMatchObject({ to: 'closed', outcome: 'person_declined', actorUserId: c.coordinator.id });
      expect(objected.body.history.at(-1).reason).toContain(reason);
      expect(objected.body.rightsMeasures).toEqual([
        {
          kind: 'objection',
          at: expect.any(String),
          actorUserId: c.coordinator.id,
          actorUserName: TEST_DISPLAY_NAME,
          reason,
          rightsRequestId: request.body.id,
          closurePending: false,
        },
      ]);
      // Off the agenda of the session not yet held (back to preparation, then closed), its invitees told.
      const items = await t.superuser.query('SELECT count(*)::int AS n FROM cellule.agenda_item WHERE situation_id = $1', [situation.id]);
      expect(items.rows[0].n).toBe(0);
      expect((objected.body.history as { to: string; reason?: string }[]).slice(-2).map((step) => step.to)).toEqual([
        'in_preparation',
        'closed',
      ]);
      expect(await agendaChanged()).toBe(changedBefore + 1);
      // Invitees and convened members lose the file at once.
      await get(c.invitee, `/api/situations/${situation.id}`).expect(404);
      await get(c.nurse, `/api/situations/${situation.id}`).expect(404);
      const live = await t.superuser.query(
        `SELECT relation FROM cellule.situation_relation WHERE situation_id = $1 AND relation IN ('invitee', 'convened_member') AND (valid_until IS NULL OR valid_until > now())`,
        [situation.id],
      );
      expect(live.rows).toEqual([]);
      // The DAC is told: the referral is withdrawn, with a step whose reason it reads, and no data set any more.
      const forDac = await get(c.dac, `/api/referrals/${referral.body.id}`).expect(200);
      expect(forDac.body.status).toBe('withdrawn');
      expect(forDac.body.shared).toBeUndefined();
      expect(forDac.body.history.at(-1)).toMatchObject({ to: 'withdrawn' });
      expect(forDac.body.history.at(-1).reason).toContain('opposée');
      expect(forDac.body.history.at(-1).reason).not.toContain('courrier');
      // No new sharing: a new referral, or a second objection, is refused naming the rule.
      expectRule(await post(c.coordinator, '/api/referrals', referralBody(situation.id)), 409, 'opposition-de-la-personne');
      expectRule(
        await post(c.coordinator, `/api/situations/${situation.id}/objection`, { reason: 'Encore' }),
        409,
        'opposition-de-la-personne',
      );
      // The rights request was linked; the audit names the coordinator.
      const actions = await auditActions(situation.id);
      expect(actions).toEqual(
        expect.arrayContaining([{ action: 'situation.object', actor_user_id: c.coordinator.id, outcome: 'granted' }]),
      );
      expect(actions).toEqual(
        expect.arrayContaining([{ action: 'referral.withdrawn', actor_user_id: c.coordinator.id, outcome: 'granted' }]),
      );
    });

    it('ends the carriers’ access to the file and its préconisations at once, and leaves the situation marked for closure while a préconisation is open', async () => {
      const {
        situation,
        recommendationIds: [recommendationId],
      } = await reviewed(t, c, [
        { action: 'Visite à domicile conjointe', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(30) },
      ]);
      await get(c.carrierA, `/api/situations/${situation.id}`).expect(200);
      const openFor = async (user: TestUser) =>
        (await get(user, '/api/recommendations?status=open').expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(await openFor(c.carrierB)).toContain(recommendationId);

      const objected = await post(c.coordinator, `/api/situations/${situation.id}/objection`, {
        reason: 'Opposition exprimée lors de la visite',
      }).expect(200);
      expect(objected.body.status).toBe('reviewed');
      expect(objected.body.rightsMeasures).toEqual([expect.objectContaining({ kind: 'objection', closurePending: true })]);
      for (const carrier of [c.carrierA, c.carrierB]) {
        await get(carrier, `/api/situations/${situation.id}`).expect(404);
        expect(await openFor(carrier)).not.toContain(recommendationId);
      }
      // The coordinator settles the préconisation, then closes through the workflow.
      await t
        .http()
        .patch(`/api/recommendations/${recommendationId}`)
        .set(bearer(c.coordinator))
        .send({ status: 'abandoned', note: 'Opposition de la personne' })
        .expect(200);
      const closed = await post(c.coordinator, `/api/situations/${situation.id}/transitions`, {
        to: 'closed',
        outcome: 'person_declined',
      }).expect(200);
      expect(closed.body.rightsMeasures).toEqual([expect.objectContaining({ kind: 'objection', closurePending: false })]);
    });

    it('is recorded by the coordination only (others: 404, as for case writes they may not make), and a rights request of another kind is refused (422)', async () => {
      const situation = await readySituation(t, c);
      await post(c.referrer, `/api/situations/${situation.id}/objection`, { reason: 'x' }).expect(404);
      const access = await post(c.coordinator, '/api/rights-requests', {
        kind: 'access',
        receivedOn: today(),
        situationId: situation.id,
      }).expect(201);
      const wrong = await post(c.coordinator, `/api/situations/${situation.id}/objection`, {
        reason: 'x',
        rightsRequestId: access.body.id,
      }).expect(422);
      expect(notFrench(wrong.body.detail)).toBeUndefined();
      const unchanged = await t.superuser.query('SELECT count(*)::int AS n FROM cellule.situation_measure WHERE situation_id = $1', [
        situation.id,
      ]);
      expect(unchanged.rows[0].n).toBe(0);
    });
  });

  describe('restriction', () => {
    it('freezes the file: only the coordinator reads it (others 404, absent from their lists), every write answers 409 naming the rule, until it is lifted with a reason', async () => {
      const {
        situation,
        recommendationIds: [recommendationId],
        sessionId,
        itemId,
      } = await reviewed(t, c, [{ action: 'Accompagnement vers le CMP', carrierUserId: c.carrierA.id, dueDate: dateIn(20) }]);
      await get(c.referrer, `/api/situations/${situation.id}`).expect(200);
      const reason = 'La personne conteste l’exactitude de son dossier (vérification en cours)';
      const restricted = await post(c.coordinator, `/api/situations/${situation.id}/restriction`, { reason }).expect(200);
      expect(restricted.body.restricted).toBe(true);
      expect(restricted.body.rightsMeasures).toEqual([
        {
          kind: 'restriction',
          at: expect.any(String),
          actorUserId: c.coordinator.id,
          actorUserName: TEST_DISPLAY_NAME,
          reason,
          rightsRequestId: null,
        },
      ]);

      // Readers other than the coordination: as for any file out of reach.
      for (const reader of [c.referrer, c.nurse, c.carrierA]) {
        await get(reader, `/api/situations/${situation.id}`).expect(404);
        await get(reader, `/api/situations/${situation.id}/documents`).expect(404);
        const list = await get(reader, '/api/situations?limit=100').expect(200);
        expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(situation.id);
      }
      const openFor = async (user: TestUser) =>
        (await get(user, '/api/recommendations?status=open').expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(await openFor(c.carrierA)).not.toContain(recommendationId);
      await t
        .http()
        .patch(`/api/situations/${situation.id}`)
        .set(bearer(c.referrer))
        .send({ narrative: { narrative: 'x' } })
        .expect(404);
      // The coordination reads it, and changes nothing.
      await get(c.coordinator, `/api/situations/${situation.id}`).expect(200);
      const copy = await get(c.coordinator, `/api/situations/${situation.id}/subject-access`).expect(200);
      // The copy given to the person shows the restriction and its reason.
      expect(copy.body.rightsMeasures).toEqual([{ kind: 'restriction', at: expect.any(String), reason, liftedAt: null, liftReason: null }]);
      const rule = 'limitation-du-traitement';
      expectRule(
        await t
          .http()
          .patch(`/api/situations/${situation.id}`)
          .set(bearer(c.coordinator))
          .send({ narrative: { narrative: 'Récit modifié' } }),
        409,
        rule,
      );
      expectRule(await post(c.coordinator, `/api/situations/${situation.id}/transitions`, { to: 'follow_up' }), 409, rule);
      expectRule(await post(c.coordinator, `/api/situations/${situation.id}/pilot`, { userId: c.nurse.id }), 409, rule);
      expectRule(
        await post(c.coordinator, `/api/situations/${situation.id}/consents`, {
          purpose: 'attendance',
          decision: 'given',
          givenBy: 'person',
          method: 'oral_statement',
          statement: { recordedBy: 'CCAS', recordedOn: '2026-11-02' },
          givenOn: '2026-11-02',
        }),
        409,
        rule,
      );
      expectRule(
        await t
          .http()
          .post(`/api/situations/${situation.id}/documents`)
          .set(bearer(c.coordinator))
          .attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), 'piece.pdf'),
        409,
        rule,
      );
      expectRule(await post(c.coordinator, '/api/referrals', referralBody(situation.id)), 409, rule);
      expectRule(await post(c.coordinator, `/api/situations/${situation.id}/objection`, { reason: 'x' }), 409, rule);
      expectRule(
        await t.http().patch(`/api/recommendations/${recommendationId}`).set(bearer(c.coordinator)).send({ status: 'done', note: 'Fait' }),
        409,
        rule,
      );
      expectRule(
        await post(c.coordinator, `/api/sessions/${sessionId}/items/${itemId}/person-response`, {
          status: 'agreed',
          on: today(),
          how: 'Entretien',
        }),
        409,
        rule,
      );
      expect((await post(c.coordinator, `/api/situations/${situation.id}/restriction`, { reason: 'Encore' })).status).toBe(409);
      const frozen = await t.superuser.query('SELECT status, updated_at FROM cellule.situation WHERE id = $1', [situation.id]);
      expect(frozen.rows[0].status).toBe('reviewed');

      const liftReason = 'Vérification faite : le dossier est exact';
      const lifted = await post(c.coordinator, `/api/situations/${situation.id}/restriction/lift`, { reason: liftReason }).expect(200);
      expect(lifted.body.restricted).toBe(false);
      expect(lifted.body.rightsMeasures).toEqual([
        expect.objectContaining({
          kind: 'restriction',
          reason,
          liftedAt: expect.any(String),
          liftedByUserId: c.coordinator.id,
          liftReason,
        }),
      ]);
      expect((await post(c.coordinator, `/api/situations/${situation.id}/restriction/lift`, { reason: 'Encore' })).status).toBe(409);
      await get(c.referrer, `/api/situations/${situation.id}`).expect(200);
      expect(await openFor(c.carrierA)).toContain(recommendationId);
      await t
        .http()
        .patch(`/api/situations/${situation.id}`)
        .set(bearer(c.coordinator))
        .send({ narrative: { narrative: 'Récit rectifié' } })
        .expect(200);
      const actions = (await auditActions(situation.id)).map((row) => `${row.action}:${row.outcome}`);
      expect(actions).toEqual(
        expect.arrayContaining(['situation.restrict:granted', 'situation.restriction_lift:granted', 'situation.update:denied']),
      );
    });

    it('keeps a restricted file on an upcoming agenda as it is: nobody more can be invited for its item (409 naming the rule)', async () => {
      const situation = await readySituation(t, c);
      const sessionId = await newSession(t, c, { inDays: 12 });
      const itemId = await addItem(t, c, sessionId, situation.id);
      await post(c.coordinator, `/api/situations/${situation.id}/restriction`, { reason: 'Exactitude contestée' }).expect(200);
      const invite = () =>
        t
          .http()
          .put(`/api/sessions/${sessionId}/items/${itemId}/invitees`)
          .set(bearer(c.coordinator))
          .send({ invitedUserIds: [c.invitee.id] });
      expectRule(await invite(), 409, 'limitation-du-traitement');
      const rows = await t.superuser.query('SELECT count(*)::int AS n FROM cellule.agenda_invitation WHERE item_id = $1', [itemId]);
      expect(rows.rows[0].n).toBe(0);
      await post(c.coordinator, `/api/situations/${situation.id}/restriction/lift`, { reason: 'Données vérifiées' }).expect(200);
      await invite().expect(200);
    });

    it('is placed and lifted by the coordination only (others: 404)', async () => {
      const situation = await readySituation(t, c);
      await post(c.referrer, `/api/situations/${situation.id}/restriction`, { reason: 'x' }).expect(404);
      await post(c.coordinator, `/api/situations/${situation.id}/restriction`, { reason: 'Demande de limitation' }).expect(200);
      await post(c.referrer, `/api/situations/${situation.id}/restriction/lift`, { reason: 'x' }).expect(404);
      await post(c.coordinator, `/api/situations/${situation.id}/restriction/lift`, { reason: 'Levée' }).expect(200);
    });
  });
});
