import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, login, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

/** Need-to-know on every view, names only where needed, and every refusal traced. */
describe('need-to-know everywhere', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;
  let dac: TestUser;
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
    dac = await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganization, professionalCategory: 'nurse' });
  });
  afterAll(() => t.close());

  async function sentReferral() {
    const body = intakeBody();
    const situation = await createSituation(t, referrer, body);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }, { to: 'in_preparation' }]);
    await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
    const created = await t
      .http()
      .post('/api/referrals')
      .set(bearer(coordinator))
      .send({ situationId: situation.id, dacOrganizationId: dacOrganization, reason: 'Motif', summaryForDac: 'Résumé pour le DAC' })
      .expect(201);
    await t.http().post(`/api/referrals/${created.body.id}/status`).set(bearer(coordinator)).send({ to: 'sent' }).expect(200);
    return { situation, body, id: created.body.id as string };
  }

  it('a DAC cannot read a refused referral’s data set, and keeps its status and dates', async () => {
    const { body, id } = await sentReferral();
    const status = (to: string, reason?: string) =>
      t
        .http()
        .post(`/api/referrals/${id}/status`)
        .set(bearer(dac))
        .send(reason ? { to, reason } : { to });
    await status('acknowledged').expect(200);
    const before = await t.http().get(`/api/referrals/${id}`).set(bearer(dac)).expect(200);
    expect(before.body.shared.identity).toEqual(body.identity);
    await status('declined', 'Hors de notre territoire').expect(200);
    const after = await t.http().get(`/api/referrals/${id}`).set(bearer(dac)).expect(200);
    expect(after.body).toMatchObject({ id, status: 'declined', sentAt: expect.any(String) });
    expect(after.body).not.toHaveProperty('shared');
    expect(JSON.stringify(after.body)).not.toContain(body.identity.birthName);
    await t.http().get(`/api/referrals/${id}/fhir`).set(bearer(dac)).expect(409);
  });

  it('a DAC keeps only the status of a referral the commission withdrew', async () => {
    const { body, id } = await sentReferral();
    await t.http().post(`/api/referrals/${id}/status`).set(bearer(coordinator)).send({ to: 'withdrawn' }).expect(200);
    const view = await t.http().get(`/api/referrals/${id}`).set(bearer(dac)).expect(200);
    expect(view.body.status).toBe('withdrawn');
    expect(JSON.stringify(view.body)).not.toContain(body.identity.birthName);
  });

  it('lists of sessions and referrals name each situation by its case reference, never by the person’s name', async () => {
    const { situation, body } = await sentReferral();
    expect(situation.reference).toMatch(/^CC-\d{4}-\d{4,}$/);
    const scheduledAt = new Date(Date.now() + 86_400_000);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(coordinator))
      .send({ scheduledAt: scheduledAt.toISOString(), location: 'Salle 4' })
      .expect(201);
    await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(coordinator))
      .send({ situationId: situation.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    // The lists around this situation (a shared database holds more than a page of each).
    const sessions = await t
      .http()
      .get('/api/sessions')
      .query({ from: new Date(scheduledAt.getTime() - 1000).toISOString(), to: new Date(scheduledAt.getTime() + 1000).toISOString() })
      .set(bearer(coordinator))
      .expect(200);
    const referrals = await t.http().get('/api/referrals').query({ situationId: situation.id }).set(bearer(coordinator)).expect(200);
    const agenda = await t.http().get(`/api/sessions/${session.body.id}`).set(bearer(coordinator)).expect(200);
    for (const listing of [sessions.body, referrals.body, agenda.body]) {
      expect(JSON.stringify(listing)).toContain(situation.reference);
      expect(JSON.stringify(listing)).not.toContain(body.identity.birthName);
      expect(JSON.stringify(listing)).not.toContain(body.identity.firstNames);
    }
  });

  it('a request with an invalid token is refused and audited, with no actor and the client address', async () => {
    await t.http().get('/api/situations').set('Authorization', 'Bearer not-a-token').set('X-Request-Id', 'req-invalid-token-1').expect(401);
    const { rows } = await t.superuser.query(
      `SELECT action, outcome, actor_user_id, client_address FROM audit.event WHERE request_id = 'req-invalid-token-1'`,
    );
    expect(rows).toEqual([
      expect.objectContaining({ action: 'auth.token_refused', outcome: 'denied', actor_user_id: null, client_address: expect.any(String) }),
    ]);
  });

  it('the ethics committee accepts the charter in force before using the audit API', async () => {
    const ethics = await createUser(t, admin, { roles: ['ethics'], professionalCategory: 'other', acceptCharter: false });
    const refused = await t.http().get('/api/audit/events').set(bearer(ethics)).expect(403);
    expect(refused.body.type).toBe('https://clsm-cellule.fr/problems/charter-acceptance-required');
    const tokens = await login(t, ethics.email);
    const charter = await t.http().get('/api/ethics/charter').set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
    await t
      .http()
      .post('/api/ethics/charter/accept')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .send({ version: charter.body.version })
      .expect(200);
    await t.http().get('/api/audit/events').set(bearer(ethics)).expect(200);
  });
});
