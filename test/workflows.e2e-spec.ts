import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addItem,
  commission,
  type Commission,
  dateIn,
  newSession,
  readySituation,
  reviewed,
  setSessionStatus,
} from './support/commission.js';
import { bearer, moveTo } from './support/situations.js';
import { startTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('complete workflows', () => {
  let t: TestApp;
  let c: Commission;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t.close());

  const situationOf = async (user: TestUser, id: string) =>
    (await t.http().get(`/api/situations/${id}`).set(bearer(user)).expect(200)).body;
  const transition = (id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/situations/${id}/transitions`).set(bearer(c.coordinator)).send(body);
  const closeRecommendation = (user: TestUser, id: string, body: Record<string, unknown>) =>
    t.http().patch(`/api/recommendations/${id}`).set(bearer(user)).send(body);

  describe('cancelled sessions and reviews', () => {
    it('a cancelled session sends its scheduled situations back to in_preparation, recorded in their history with author and reason', async () => {
      const first = await readySituation(t, c);
      const second = await readySituation(t, c);
      const sessionId = await newSession(t, c);
      await addItem(t, c, sessionId, first.id, [c.invitee.id]);
      await addItem(t, c, sessionId, second.id);
      await setSessionStatus(t, c, sessionId, 'agenda_published');
      await t.http().get(`/api/situations/${first.id}`).set(bearer(c.invitee)).expect(200);

      await t
        .http()
        .post(`/api/sessions/${sessionId}/status`)
        .set(bearer(c.coordinator))
        .send({ to: 'cancelled', reason: 'Quorum non atteint' })
        .expect(200);
      for (const situation of [first, second]) {
        const view = await situationOf(c.coordinator, situation.id);
        expect(view.status).toBe('in_preparation');
        expect(view.history.at(-1)).toMatchObject({
          from: 'scheduled',
          to: 'in_preparation',
          actorUserId: c.coordinator.id,
          reason: expect.stringContaining('Quorum non atteint'),
        });
        expect(view.history.at(-1).reason).toContain('annulée');
      }
      // The access the published agenda opened ends with the cancellation.
      await t.http().get(`/api/situations/${first.id}`).set(bearer(c.invitee)).expect(404);
      // Back in preparation, the situation can be scheduled again.
      await addItem(t, c, await newSession(t, c), first.id);
      expect((await situationOf(c.coordinator, first.id)).status).toBe('scheduled');
    });

    it('a cancelled session leaves a situation closed meanwhile closed', async () => {
      const [kept, closed] = [await readySituation(t, c), await readySituation(t, c)];
      const sessionId = await newSession(t, c);
      await addItem(t, c, sessionId, kept.id);
      await addItem(t, c, sessionId, closed.id);
      await transition(closed.id, { to: 'closed', outcome: 'moved_away' }).expect(200);
      await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'cancelled' }).expect(200);
      expect((await situationOf(c.coordinator, closed.id)).status).toBe('closed');
      const back = await situationOf(c.coordinator, kept.id);
      expect(back).toMatchObject({ status: 'in_preparation' });
      expect(back.history.at(-1).reason).toContain('annulée');
    });

    it('a situation in follow_up returns to the commission (scheduled) for a review, recorded with its reason', async () => {
      const { situation } = await reviewed(t, c, []);
      await moveTo(t, c.coordinator, situation.id, [{ to: 'follow_up' }]);
      const sessionId = await newSession(t, c, { inDays: 30 });
      await addItem(t, c, sessionId, situation.id);
      const view = await situationOf(c.coordinator, situation.id);
      expect(view.status).toBe('scheduled');
      expect(view.history.at(-1)).toMatchObject({
        from: 'follow_up',
        to: 'scheduled',
        actorUserId: c.coordinator.id,
        reason: 'Retour en commission pour un réexamen.',
      });
    });

    it('going back in the workflow by hand requires a reason (422), and is recorded with it', async () => {
      const { situation } = await reviewed(t, c, []);
      await moveTo(t, c.coordinator, situation.id, [{ to: 'follow_up' }]);
      const refused = await transition(situation.id, { to: 'scheduled' }).expect(422);
      expect(refused.body.detail).toContain('motif');
      await transition(situation.id, { to: 'scheduled', reason: 'Nouvelle dégradation signalée par la référente' }).expect(200);
      expect((await situationOf(c.coordinator, situation.id)).history.at(-1)).toMatchObject({
        from: 'follow_up',
        to: 'scheduled',
        reason: 'Nouvelle dégradation signalée par la référente',
      });
    });
  });

  describe('closure', () => {
    it('closing a situation with an open préconisation is refused (409 naming the rule) until each is done, abandoned or transferred with a reason', async () => {
      const { situation, recommendationIds } = await reviewed(t, c, [
        { action: 'Action A', carrierUserId: c.housing.id, dueDate: dateIn(10) },
        { action: 'Action B', carrierUserId: c.housing.id, dueDate: dateIn(20) },
        { action: 'Action C', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(30) },
      ]);
      const refused = await transition(situation.id, { to: 'closed', outcome: 'resolved' }).expect(409);
      expect(refused.body).toMatchObject({ rule: 'preconisations-soldees-avant-cloture', openRecommendationIds: recommendationIds });
      expect(refused.body.detail).toContain('préconisations soldées avant la clôture');
      // A reason is required to settle one.
      await closeRecommendation(c.coordinator, recommendationIds[0], { status: 'done' }).expect(400);
      await closeRecommendation(c.coordinator, recommendationIds[0], { status: 'done', note: 'Réalisé' }).expect(200);
      await closeRecommendation(c.coordinator, recommendationIds[1], { status: 'abandoned', note: 'La personne a déménagé' }).expect(200);
      await transition(situation.id, { to: 'closed', outcome: 'resolved' }).expect(409);
      const transferred = await closeRecommendation(c.coordinator, recommendationIds[2], {
        status: 'transferred',
        note: 'Confiée au CCAS de la nouvelle commune',
      }).expect(200);
      expect(transferred.body).toMatchObject({
        status: 'transferred',
        note: 'Confiée au CCAS de la nouvelle commune',
        closedBy: c.coordinator.id,
      });
      await transition(situation.id, { to: 'closed', outcome: 'moved_away' }).expect(200);
      expect((await situationOf(c.coordinator, situation.id)).status).toBe('closed');
    });

    it('closing a situation closes its accepted DAC referral and withdraws the pending one; the DAC reads each step with its reason', async () => {
      const situation = await readySituation(t, c);
      const refer = async () => {
        const created = await t
          .http()
          .post('/api/referrals')
          .set(bearer(c.coordinator))
          .send({ situationId: situation.id, dacOrganizationId: c.dacOrganization, reason: 'Motif', summaryForDac: 'Résumé' })
          .expect(201);
        await t.http().post(`/api/referrals/${created.body.id}/status`).set(bearer(c.coordinator)).send({ to: 'sent' }).expect(200);
        return created.body.id as string;
      };
      const accepted = await refer();
      for (const to of ['acknowledged', 'accepted'])
        await t.http().post(`/api/referrals/${accepted}/status`).set(bearer(c.dac)).send({ to }).expect(200);
      const pending = await refer();
      await transition(situation.id, { to: 'closed', outcome: 'resolved', reason: 'Logement stabilisé, soins repris' }).expect(200);

      const asDacAccepted = await t.http().get(`/api/referrals/${accepted}`).set(bearer(c.dac)).expect(200);
      expect(asDacAccepted.body.status).toBe('closed');
      expect(asDacAccepted.body.history.map((step: { to: string }) => step.to)).toEqual(['sent', 'acknowledged', 'accepted', 'closed']);
      expect(asDacAccepted.body.history.at(-1)).toMatchObject({
        from: 'accepted',
        to: 'closed',
        reason: 'Logement stabilisé, soins repris',
      });
      expect(asDacAccepted.body).not.toHaveProperty('shared');
      const asDacPending = await t.http().get(`/api/referrals/${pending}`).set(bearer(c.dac)).expect(200);
      expect(asDacPending.body.status).toBe('withdrawn');
      expect(asDacPending.body.history.at(-1)).toMatchObject({ from: 'sent', to: 'withdrawn', reason: 'Logement stabilisé, soins repris' });
    });
  });

  describe('agenda', () => {
    it('agenda items can be added, removed and reordered and invitees changed until the session is held (then 409)', async () => {
      const [a, b, third] = [await readySituation(t, c), await readySituation(t, c), await readySituation(t, c)];
      const sessionId = await newSession(t, c);
      const itemA = await addItem(t, c, sessionId, a.id, [c.invitee.id]);
      const itemB = await addItem(t, c, sessionId, b.id);
      const itemC = await addItem(t, c, sessionId, third.id);
      await setSessionStatus(t, c, sessionId, 'agenda_published');
      await t.http().get(`/api/situations/${a.id}`).set(bearer(c.invitee)).expect(200);

      const reordered = await t
        .http()
        .put(`/api/sessions/${sessionId}/items/order`)
        .set(bearer(c.coordinator))
        .send({ itemIds: [itemC, itemA, itemB] })
        .expect(200);
      expect(reordered.body.items.map((item: { id: string; position: number }) => [item.id, item.position])).toEqual([
        [itemC, 1],
        [itemA, 2],
        [itemB, 3],
      ]);
      await t
        .http()
        .put(`/api/sessions/${sessionId}/items/order`)
        .set(bearer(c.coordinator))
        .send({ itemIds: [itemC, itemA] })
        .expect(422);

      // Invitees changed on a published agenda: the one removed loses access, the one added gains it.
      const invited = await t
        .http()
        .put(`/api/sessions/${sessionId}/items/${itemA}/invitees`)
        .set(bearer(c.coordinator))
        .send({ invitedUserIds: [c.carrierA.id] })
        .expect(200);
      expect(invited.body.items.find((item: { id: string }) => item.id === itemA).invitedUserIds).toEqual([c.carrierA.id]);
      await t.http().get(`/api/situations/${a.id}`).set(bearer(c.invitee)).expect(404);
      await t.http().get(`/api/situations/${a.id}`).set(bearer(c.carrierA)).expect(200);

      const removed = await t
        .http()
        .delete(`/api/sessions/${sessionId}/items/${itemA}`)
        .set(bearer(c.coordinator))
        .send({ reason: 'Situation apaisée' })
        .expect(200);
      expect(removed.body.items.map((item: { id: string; position: number }) => [item.id, item.position])).toEqual([
        [itemC, 1],
        [itemB, 2],
      ]);
      await t.http().get(`/api/situations/${a.id}`).set(bearer(c.carrierA)).expect(404);
      await t.http().get(`/api/situations/${a.id}`).set(bearer(c.nurse)).expect(404);
      const back = await situationOf(c.coordinator, a.id);
      expect(back.status).toBe('in_preparation');
      expect(back.history.at(-1)).toMatchObject({
        from: 'scheduled',
        to: 'in_preparation',
        actorUserId: c.coordinator.id,
        reason: expect.stringContaining('Situation apaisée'),
      });

      await setSessionStatus(t, c, sessionId, 'held');
      const late = [
        await t
          .http()
          .post(`/api/sessions/${sessionId}/items`)
          .set(bearer(c.coordinator))
          .send({ situationId: a.id, invitedUserIds: [], personAttends: false, carersAttend: false }),
        await t.http().delete(`/api/sessions/${sessionId}/items/${itemB}`).set(bearer(c.coordinator)).send({}),
        await t
          .http()
          .put(`/api/sessions/${sessionId}/items/order`)
          .set(bearer(c.coordinator))
          .send({ itemIds: [itemB, itemC] }),
        await t.http().put(`/api/sessions/${sessionId}/items/${itemB}/invitees`).set(bearer(c.coordinator)).send({ invitedUserIds: [] }),
      ];
      expect(late.map((response) => response.status)).toEqual([409, 409, 409, 409]);
    });
  });

  describe('structures the person refused', () => {
    const refusedRule = (body: { type: string; rule: string; detail: string }) => {
      expect(body.type).toBe('https://clsm-cellule.fr/problems/structure-refused');
      expect(body.rule).toBe('structure-refusee');
      expect(body.detail).toContain('structure refusée par la personne');
    };

    it('a structure the person refused can hold no role on the situation: référent, invitee, attendee, carrier (422 naming the rule)', async () => {
      const situation = await readySituation(t, c);
      refusedRule(
        (
          await t
            .http()
            .post(`/api/situations/${situation.id}/pilot`)
            .set(bearer(c.coordinator))
            .send({ userId: c.refusedMember.id })
            .expect(422)
        ).body,
      );
      const sessionId = await newSession(t, c, { inDays: 1 });
      refusedRule(
        (
          await t
            .http()
            .post(`/api/sessions/${sessionId}/items`)
            .set(bearer(c.coordinator))
            .send({ situationId: situation.id, invitedUserIds: [c.refusedMember.id], personAttends: false, carersAttend: false })
            .expect(422)
        ).body,
      );
      const itemId = await addItem(t, c, sessionId, situation.id);
      refusedRule(
        (
          await t
            .http()
            .put(`/api/sessions/${sessionId}/items/${itemId}/invitees`)
            .set(bearer(c.coordinator))
            .send({ invitedUserIds: [c.refusedMember.id] })
            .expect(422)
        ).body,
      );
      await setSessionStatus(t, c, sessionId, 'agenda_published', 'held');
      refusedRule(
        (
          await t
            .http()
            .post(`/api/sessions/${sessionId}/attendance`)
            .set(bearer(c.coordinator))
            .send({ attendees: [{ userId: c.refusedMember.id, as: 'member' }], personAttendedItemIds: [], carersAttendedItemIds: [] })
            .expect(422)
        ).body,
      );
      const outcome = (recommendations: Record<string, unknown>[], pilotUserId = c.nurse.id) =>
        t
          .http()
          .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
          .set(bearer(c.coordinator))
          .send({ summary: 'S', recommendations, pilotUserId, personResponse: { status: 'not_yet_asked' } });
      refusedRule((await outcome([{ action: 'A', carrierUserId: c.refusedMember.id, dueDate: dateIn(5) }]).expect(422)).body);
      refusedRule((await outcome([{ action: 'A', carrierOrganizationId: c.refusedOrganization, dueDate: dateIn(5) }]).expect(422)).body);
      refusedRule((await outcome([], c.refusedMember.id).expect(422)).body);
      await outcome([{ action: 'A', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(5) }]).expect(200);
    });

    it('members of the structure carrying a préconisation see and update it; members of other structures do not', async () => {
      const {
        situation,
        recommendationIds: [id],
      } = await reviewed(t, c, [
        { action: 'Visite à domicile conjointe', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(15) },
      ]);
      for (const member of [c.carrierA, c.carrierB]) {
        const mine = await t.http().get('/api/recommendations?status=open').set(bearer(member)).expect(200);
        expect(mine.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({
          action: 'Visite à domicile conjointe',
          carrierOrganizationId: c.carrierOrganization,
        });
        await t.http().get(`/api/situations/${situation.id}`).set(bearer(member)).expect(200);
      }
      const others = await t.http().get('/api/recommendations?status=open').set(bearer(c.housing)).expect(200);
      expect(others.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
      // Convened to the session, the housing member sees the situation, not the préconisation's follow-up.
      await closeRecommendation(c.housing, id, { status: 'done', note: 'x' }).expect(403);
      const done = await closeRecommendation(c.carrierB, id, { status: 'done', note: 'Visite faite le 4' }).expect(200);
      expect(done.body).toMatchObject({ status: 'done', closedBy: c.carrierB.id });
    });
  });

  describe('lists', () => {
    it('GET /api/sessions honours its status filter and pages (limit, offset, total)', async () => {
      const planned = [
        await newSession(t, c, { inDays: 400 }),
        await newSession(t, c, { inDays: 401 }),
        await newSession(t, c, { inDays: 402 }),
      ];
      const cancelled = await newSession(t, c, { inDays: 403 });
      await setSessionStatus(t, c, cancelled, 'cancelled');
      const onlyCancelled = await t.http().get('/api/sessions?status=cancelled&limit=200').set(bearer(c.coordinator)).expect(200);
      expect(onlyCancelled.body.items.every((session: { status: string }) => session.status === 'cancelled')).toBe(true);
      expect(onlyCancelled.body.items.map((session: { id: string }) => session.id)).toContain(cancelled);
      const firstPage = await t.http().get('/api/sessions?status=planned&limit=2&offset=0').set(bearer(c.coordinator)).expect(200);
      expect(firstPage.body).toMatchObject({ limit: 2, offset: 0 });
      expect(firstPage.body.items.map((session: { id: string }) => session.id)).toEqual([planned[2], planned[1]]);
      expect(firstPage.body.total).toBeGreaterThanOrEqual(3);
      const secondPage = await t.http().get('/api/sessions?status=planned&limit=2&offset=1').set(bearer(c.coordinator)).expect(200);
      expect(secondPage.body.items.map((session: { id: string }) => session.id)).toEqual([planned[1], planned[0]]);
      expect(secondPage.body.total).toBe(firstPage.body.total);
      const beyond = await t
        .http()
        .get(`/api/sessions?status=planned&limit=2&offset=${firstPage.body.total}`)
        .set(bearer(c.coordinator))
        .expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: firstPage.body.total });
      await t.http().get('/api/sessions?status=unknown').set(bearer(c.coordinator)).expect(400);
    });

    it('GET /api/sessions keeps to a period, its start included and its end excluded, and refuses a period that ends before it starts', async () => {
      const ids = [
        await newSession(t, c, { inDays: 500 }),
        await newSession(t, c, { inDays: 501 }),
        await newSession(t, c, { inDays: 502 }),
      ];
      const at = async (id: string) =>
        (await t.http().get(`/api/sessions/${id}`).set(bearer(c.coordinator)).expect(200)).body.scheduledAt as string;
      const [, middle, last] = await Promise.all(ids.map(at));
      const inPeriod = await t
        .http()
        .get('/api/sessions')
        .query({ from: middle, to: last, limit: 200 })
        .set(bearer(c.coordinator))
        .expect(200);
      const shown = inPeriod.body.items.map((session: { id: string }) => session.id);
      expect(shown).toContain(ids[1]);
      expect(shown).not.toContain(ids[0]);
      expect(shown).not.toContain(ids[2]);
      const reversed = await t.http().get('/api/sessions').query({ from: last, to: middle }).set(bearer(c.coordinator)).expect(400);
      expect(reversed.body.detail).toBe('Le début de la période (from) doit précéder sa fin (to).');
      await t.http().get('/api/sessions').query({ from: 'demain' }).set(bearer(c.coordinator)).expect(400);
    });

    it('GET /api/referrals pages and honours its situation, direction and status filters', async () => {
      const situation = await readySituation(t, c);
      const ids: string[] = [];
      for (let index = 0; index < 3; index++) {
        ids.push(
          (
            await t
              .http()
              .post('/api/referrals')
              .set(bearer(c.coordinator))
              .send({ situationId: situation.id, dacOrganizationId: c.dacOrganization, reason: 'Motif', summaryForDac: 'Résumé' })
              .expect(201)
          ).body.id,
        );
      }
      await t.http().post(`/api/referrals/${ids[0]}/status`).set(bearer(c.coordinator)).send({ to: 'sent' }).expect(200);
      const all = await t.http().get(`/api/referrals?situationId=${situation.id}`).set(bearer(c.coordinator)).expect(200);
      expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
      expect(all.body.items.map((referral: { id: string }) => referral.id)).toEqual([...ids].reverse());
      const second = await t
        .http()
        .get(`/api/referrals?situationId=${situation.id}&limit=1&offset=1`)
        .set(bearer(c.coordinator))
        .expect(200);
      expect(second.body).toMatchObject({ total: 3, items: [expect.objectContaining({ id: ids[1] })] });
      const drafts = await t
        .http()
        .get(`/api/referrals?situationId=${situation.id}&status=draft&direction=outbound`)
        .set(bearer(c.coordinator))
        .expect(200);
      expect(drafts.body.total).toBe(2);
      const inbound = await t
        .http()
        .get(`/api/referrals?situationId=${situation.id}&direction=inbound`)
        .set(bearer(c.coordinator))
        .expect(200);
      expect(inbound.body).toMatchObject({ total: 0, items: [] });
      // The DAC counts only what it may see: the referral sent, not the drafts.
      const asDac = await t.http().get(`/api/referrals?situationId=${situation.id}`).set(bearer(c.dac)).expect(200);
      expect(asDac.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: ids[0] })] });
    });

    it('GET /api/commission/members pages (limit, offset, total)', async () => {
      const first = await t.http().get('/api/commission/members?limit=1').set(bearer(c.coordinator)).expect(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.total).toBeGreaterThanOrEqual(3);
      const next = await t.http().get('/api/commission/members?limit=1&offset=1').set(bearer(c.coordinator)).expect(200);
      expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
      expect(next.body.total).toBe(first.body.total);
    });
  });
});

describe('corrections and inbound referrals', () => {
  let t: TestApp;
  let c: Commission;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t.close());

  it('outcomes can be corrected by the coordinator or the session’s chair, every earlier version kept (who, when, why) and readable as a history', async () => {
    const { sessionId, itemId } = await reviewed(t, c, [], { chair: c.housing });
    const correct = (user: TestUser, body: Record<string, unknown>) =>
      t.http().patch(`/api/sessions/${sessionId}/items/${itemId}/outcome`).set(bearer(user)).send(body);
    await correct(c.housing, { summary: 'Synthèse corrigée' }).expect(400);
    const byChair = await correct(c.housing, { summary: 'Synthèse corrigée', reason: 'Le bailleur n’était pas représenté' }).expect(200);
    expect(byChair.body.items[0].outcome.summary).toBe('Synthèse corrigée');
    await correct(c.coordinator, { nextReviewDate: dateIn(60), reason: 'Date de réexamen avancée' }).expect(200);
    // A convened member who does not chair the session reads it but may not correct it.
    await correct(c.nurse, { summary: 'x', reason: 'y' }).expect(403);
    await correct(c.carrierA, { summary: 'x', reason: 'y' }).expect(404);

    const versions = await t.http().get(`/api/sessions/${sessionId}/items/${itemId}/outcome/versions`).set(bearer(c.nurse)).expect(200);
    expect(versions.body).toEqual([
      expect.objectContaining({
        version: 1,
        summary: 'Synthèse initiale',
        nextReviewDate: null,
        recordedBy: c.coordinator.id,
        replacedBy: c.housing.id,
        reason: 'Le bailleur n’était pas représenté',
      }),
      expect.objectContaining({
        version: 2,
        summary: 'Synthèse corrigée',
        recordedBy: c.housing.id,
        replacedBy: c.coordinator.id,
        reason: 'Date de réexamen avancée',
      }),
    ]);
    const current = await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.coordinator)).expect(200);
    expect(current.body.items[0].outcome).toMatchObject({ summary: 'Synthèse corrigée', nextReviewDate: dateIn(60) });
    const raw = (await t.superuser.query('SELECT v::text AS row FROM cellule.item_outcome_version v WHERE item_id = $1', [itemId])).rows
      .map((row: { row: string }) => row.row)
      .join('\n');
    expect(raw).not.toContain('Synthèse');
    expect(raw).not.toContain('bailleur');
  });

  it('préconisations can be corrected by the coordinator or the session’s chair, the carrier’s access following the correction, every earlier version kept', async () => {
    const {
      situation,
      recommendationIds: [id],
    } = await reviewed(t, c, [{ action: 'Action initiale', carrierUserId: c.invitee.id, dueDate: dateIn(10) }], { chair: c.housing });
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.invitee)).expect(200);
    const correct = (user: TestUser, body: Record<string, unknown>) =>
      t.http().post(`/api/recommendations/${id}/corrections`).set(bearer(user)).send(body);
    await correct(c.nurse, { action: 'x', reason: 'y' }).expect(403);
    const corrected = await correct(c.housing, {
      action: 'Action corrigée',
      carrierOrganizationId: c.carrierOrganization,
      reason: 'Portée par la structure, pas par une personne',
    }).expect(201);
    expect(corrected.body).toMatchObject({
      action: 'Action corrigée',
      carrierUserId: null,
      carrierOrganizationId: c.carrierOrganization,
      version: 2,
    });
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.invitee)).expect(404);
    const forCarrier = await t.http().get('/api/recommendations?status=open').set(bearer(c.carrierA)).expect(200);
    expect(forCarrier.body.items.map((item: { id: string }) => item.id)).toContain(id);
    await correct(c.coordinator, { dueDate: dateIn(40), reason: 'Délai supplémentaire' }).expect(201);
    await correct(c.coordinator, { carrierOrganizationId: c.refusedOrganization, reason: 'z' }).expect(422);

    const versions = await t.http().get(`/api/recommendations/${id}/versions`).set(bearer(c.carrierA)).expect(200);
    expect(versions.body).toEqual([
      expect.objectContaining({
        version: 1,
        action: 'Action initiale',
        carrierUserId: c.invitee.id,
        carrierOrganizationId: null,
        dueDate: dateIn(10),
        replacedBy: c.housing.id,
        reason: 'Portée par la structure, pas par une personne',
      }),
      expect.objectContaining({
        version: 2,
        action: 'Action corrigée',
        carrierOrganizationId: c.carrierOrganization,
        dueDate: dateIn(10),
        replacedBy: c.coordinator.id,
        reason: 'Délai supplémentaire',
      }),
    ]);
    await t.http().get(`/api/recommendations/${id}/versions`).set(bearer(c.invitee)).expect(404);
  });

  it('an inbound DAC referral is acknowledged (received → under_review → redirected) and the DAC reads each step with its reason', async () => {
    const { intakeBody } = await import('./support/situations.js');
    const posted = await t
      .http()
      .post('/api/referrals/inbound')
      .set(bearer(c.dac))
      .send({ ...intakeBody(), dacReferralId: `DAC-${Date.now()}` })
      .expect(201);
    expect(posted.body).toMatchObject({ status: 'received', situationStatus: 'submitted' });
    const id = posted.body.id as string;
    const step = (user: TestUser, body: Record<string, unknown>) =>
      t.http().post(`/api/referrals/${id}/status`).set(bearer(user)).send(body);
    await step(c.dac, { to: 'under_review' }).expect(403);
    await step(c.coordinator, { to: 'accepted' }).expect(409);
    await step(c.coordinator, { to: 'under_review', reason: 'Examen de recevabilité à la séance du 10' }).expect(200);
    await step(c.coordinator, { to: 'redirected' }).expect(422);
    await step(c.coordinator, { to: 'redirected', reason: 'Relève du dispositif d’appui en santé mentale du secteur' }).expect(200);

    const asDac = await t.http().get(`/api/referrals/${id}`).set(bearer(c.dac)).expect(200);
    expect(asDac.body).toMatchObject({ status: 'redirected', decision: 'redirected', situationStatus: 'redirected' });
    expect(asDac.body.history).toEqual([
      expect.objectContaining({ from: 'received', to: 'under_review', reason: 'Examen de recevabilité à la séance du 10' }),
      expect.objectContaining({
        from: 'under_review',
        to: 'redirected',
        reason: 'Relève du dispositif d’appui en santé mentale du secteur',
      }),
    ]);
    const situationId = (await t.http().get(`/api/referrals/${id}`).set(bearer(c.coordinator)).expect(200)).body.situationId;
    const situation = await t.http().get(`/api/situations/${situationId}`).set(bearer(c.coordinator)).expect(200);
    expect(situation.body.history.at(-1)).toMatchObject({
      from: 'submitted',
      to: 'redirected',
      actorUserId: c.coordinator.id,
      reason: 'Relève du dispositif d’appui en santé mentale du secteur',
    });
  });

  it('an inbound DAC referral accepted makes its situation admissible; declining it requires a reason the DAC reads', async () => {
    const { intakeBody } = await import('./support/situations.js');
    const post = async () =>
      (
        await t
          .http()
          .post('/api/referrals/inbound')
          .set(bearer(c.dac))
          .send({ ...intakeBody(), dacReferralId: `DAC-${Date.now()}-${Math.random().toString(36).slice(2)}` })
          .expect(201)
      ).body.id as string;
    const step = (id: string, body: Record<string, unknown>) =>
      t.http().post(`/api/referrals/${id}/status`).set(bearer(c.coordinator)).send(body).expect(200);
    const accepted = await post();
    await step(accepted, { to: 'under_review' });
    await step(accepted, { to: 'accepted' });
    expect((await t.http().get(`/api/referrals/${accepted}`).set(bearer(c.dac)).expect(200)).body).toMatchObject({
      status: 'accepted',
      decision: 'accepted',
      situationStatus: 'admissible',
    });
    const declined = await post();
    await step(declined, { to: 'under_review' });
    await t.http().post(`/api/referrals/${declined}/status`).set(bearer(c.coordinator)).send({ to: 'declined' }).expect(422);
    await step(declined, { to: 'declined', reason: 'La personne est déjà accompagnée par la commission voisine' });
    const asDac = (await t.http().get(`/api/referrals/${declined}`).set(bearer(c.dac)).expect(200)).body;
    expect(asDac).toMatchObject({ status: 'declined', decision: 'declined', situationStatus: 'rejected' });
    expect(asDac.history.at(-1)).toMatchObject({ to: 'declined', reason: 'La personne est déjà accompagnée par la commission voisine' });
  });
});
