import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataKeyService } from '../src/crypto/data-key.service.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

/** The one case-file path: field groups on every view, truthful audit outcomes, destroyed files. */
describe('the case-file path', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;
  let housingOfficer: TestUser;
  let dacOrganization: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    dacOrganization = (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique('dac'), kind: 'dac' })
        .expect(201)
    ).body.id;
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
    housingOfficer = await createUser(t, admin, { roles: ['member'], professionalCategory: 'housing_officer' });
  });
  afterAll(() => t.close());

  const head = async () => Number((await t.superuser.query('SELECT coalesce(max(seq), 0) AS seq FROM audit.event')).rows[0].seq);
  const lastEntries = async (situationId: string, after = 0) =>
    (
      await t.superuser.query('SELECT action, outcome FROM audit.event WHERE situation_id = $1 AND seq > $2 ORDER BY seq', [
        situationId,
        after,
      ])
    ).rows as {
      action: string;
      outcome: string;
    }[];

  it('a housing officer acting as pilot sees no health detail in a referral sent with health details', async () => {
    const body = intakeBody();
    const situation = await createSituation(t, referrer, body);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }, { to: 'in_preparation' }]);
    await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
    const created = await t
      .http()
      .post('/api/referrals')
      .set(bearer(coordinator))
      .send({
        situationId: situation.id,
        dacOrganizationId: dacOrganization,
        reason: 'Motif',
        summaryForDac: 'Résumé',
        sharedGroups: ['identity', 'health'],
      })
      .expect(201);
    await t.http().post(`/api/referrals/${created.body.id}/status`).set(bearer(coordinator)).send({ to: 'sent' }).expect(200);
    const asCoordinator = await t.http().get(`/api/referrals/${created.body.id}`).set(bearer(coordinator)).expect(200);
    expect(asCoordinator.body.shared.health).toEqual(body.health);

    await t.http().post(`/api/situations/${situation.id}/pilot`).set(bearer(coordinator)).send({ userId: housingOfficer.id }).expect(200);
    const asPilot = await t.http().get(`/api/referrals/${created.body.id}`).set(bearer(housingOfficer)).expect(200);
    expect(asPilot.body.shared.identity).toEqual(body.identity);
    expect(asPilot.body.shared).not.toHaveProperty('health');
    expect(JSON.stringify(asPilot.body)).not.toContain(body.health.details);
    const list = await t.http().get('/api/referrals').set(bearer(housingOfficer)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(body.health.details);
    expect(list.body.items.map((referral: { id: string }) => referral.id)).toContain(created.body.id);
  });

  it('a housing officer cannot send health details they may not read', async () => {
    const situation = await createSituation(t, referrer);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }, { to: 'in_preparation' }]);
    await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
    await t.http().post(`/api/situations/${situation.id}/pilot`).set(bearer(coordinator)).send({ userId: housingOfficer.id }).expect(200);
    const refused = await t
      .http()
      .post('/api/referrals')
      .set(bearer(housingOfficer))
      .send({
        situationId: situation.id,
        dacOrganizationId: dacOrganization,
        reason: 'Motif',
        summaryForDac: 'Résumé',
        sharedGroups: ['health'],
      })
      .expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toContain('health');
  });

  it('a change to a damaged case file is recorded as an error, never as granted, and changes nothing', async () => {
    const situation = await createSituation(t, referrer);
    const other = await createSituation(t, referrer);
    // Another situation's ciphertext copied over this one's narrative: authentication must fail.
    await t.superuser.query(
      'UPDATE cellule.situation SET narrative_enc = (SELECT narrative_enc FROM cellule.situation WHERE id = $2) WHERE id = $1',
      [situation.id, other.id],
    );
    const before = (await t.superuser.query('SELECT social_enc FROM cellule.situation WHERE id = $1', [situation.id])).rows[0]
      .social_enc as Buffer;
    const seq = await head();
    const response = await t
      .http()
      .patch(`/api/situations/${situation.id}`)
      .set(bearer(coordinator))
      .send({ problemAreas: ['isolation'] });
    expect(response.status).toBe(500);
    expect(response.body.type).toBe('https://clsm-cellule.fr/problems/integrity');
    const entries = await lastEntries(situation.id, seq);
    expect(entries.filter((entry) => entry.action === 'situation.update').map((entry) => entry.outcome)).toEqual(['error']);
    expect(entries.filter((entry) => entry.outcome === 'granted')).toEqual([]);
    const after = (await t.superuser.query('SELECT social_enc, problem_areas FROM cellule.situation WHERE id = $1', [situation.id]))
      .rows[0];
    expect(Buffer.compare(after.social_enc, before)).toBe(0);
    expect(after.problem_areas).toEqual(['housing', 'isolation']);
  });

  it('a situation destroyed while on an agenda leaves the session readable and answers 410 naming it', async () => {
    const situation = await createSituation(t, referrer);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, coordinator, situation.id);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(coordinator))
      .send({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), location: 'Salle 2' })
      .expect(201);
    await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(coordinator))
      .send({ situationId: situation.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    await t.app.get(DataKeyService).destroy(situation.id);

    const view = await t.http().get(`/api/sessions/${session.body.id}`).set(bearer(coordinator)).expect(200);
    expect(view.body.items).toEqual([
      expect.objectContaining({ situationId: situation.id, reference: situation.reference, destroyed: true }),
    ]);
    expect(view.body.items[0]).not.toHaveProperty('identity');
    const gone = await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(410);
    expect(gone.body).toMatchObject({ type: 'https://clsm-cellule.fr/problems/destroyed', situationId: situation.id });
    const list = await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(coordinator)).expect(200);
    expect(list.body.items).toEqual([expect.not.objectContaining({ identity: expect.anything() })]);
  });

  it('a référent who is also invited to the session closes their préconisation every time: the pilot relation is never picked at random', async () => {
    const nurse = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    const situation = await createSituation(t, referrer);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, coordinator, situation.id);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(coordinator))
      .send({ scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), location: 'Salle 3' })
      .expect(201);
    const added = await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(coordinator))
      .send({ situationId: situation.id, invitedUserIds: [nurse.id], personAttends: false, carersAttend: false })
      .expect(201);
    const itemId = added.body.items[0].id as string;
    await t.http().post(`/api/sessions/${session.body.id}/status`).set(bearer(coordinator)).send({ to: 'agenda_published' }).expect(200);
    await t.http().post(`/api/sessions/${session.body.id}/status`).set(bearer(coordinator)).send({ to: 'held' }).expect(200);
    const dueDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const outcome = await t
      .http()
      .put(`/api/sessions/${session.body.id}/items/${itemId}/outcome`)
      .set(bearer(coordinator))
      .send({
        summary: 'Synthèse',
        recommendations: Array.from({ length: 6 }, (_, index) => ({
          action: `Action ${index}`,
          carrierUserId: housingOfficer.id,
          dueDate,
        })),
        pilotUserId: nurse.id,
        personResponse: { status: 'not_yet_asked' },
      })
      .expect(200);
    // The nurse now holds three relations to the situation (invitee, pilot, and the agenda's window).
    for (const recommendation of outcome.body.items[0].outcome.recommendations as { id: string }[]) {
      await t
        .http()
        .patch(`/api/recommendations/${recommendation.id}`)
        .set(bearer(nurse))
        .send({ status: 'done', note: 'Fait' })
        .expect(200);
    }
  });

  it('a refused read leaves its denial in the trail although the request is rolled back', async () => {
    const situation = await createSituation(t, referrer);
    const outsider = await createUser(t, admin, { roles: ['member'] });
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(outsider)).expect(404);
    const entries = await lastEntries(situation.id);
    expect(entries.at(-1)).toEqual({ action: 'situation.read', outcome: 'denied' });
  });
});
