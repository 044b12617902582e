import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

/** Legal holds suspend destruction; the coordination places and lifts them, the ethics committee reads them. */
describe('retention: legal holds and what is due', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let ethics: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    member = await createUser(t, admin, { roles: ['member'] });
  });
  afterAll(() => t.close());

  it('a coordinator places a legal hold naming the procedure, once per situation, and lifts it; every step is recorded', async () => {
    const situation = await createSituation(t, coordinator);
    const placed = await t
      .http()
      .post('/api/retention/legal-holds')
      .set(bearer(coordinator))
      .send({ situationId: situation.id, reason: 'Réquisition judiciaire n° 2026/118' })
      .expect(201);
    expect(placed.body).toMatchObject({
      situationId: situation.id,
      reference: situation.reference,
      reason: 'Réquisition judiciaire n° 2026/118',
    });
    const again = await t
      .http()
      .post('/api/retention/legal-holds')
      .set(bearer(coordinator))
      .send({ situationId: situation.id, reason: 'Autre procédure' })
      .expect(409);
    expect(again.body.detail).toMatch(/déjà sous conservation légale/);

    const listed = await t.http().get('/api/retention/legal-holds').set(bearer(ethics)).expect(200);
    expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: placed.body.id, reference: situation.reference })]));
    expect(JSON.stringify(listed.body)).not.toMatch(/birthName|firstNames/);

    await t.http().post(`/api/retention/legal-holds/${placed.body.id}/lift`).set(bearer(coordinator)).expect(204);
    await t.http().post(`/api/retention/legal-holds/${placed.body.id}/lift`).set(bearer(coordinator)).expect(404);
    const after = await t.http().get('/api/retention/legal-holds').set(bearer(coordinator)).expect(200);
    expect(after.body.map((hold: { id: string }) => hold.id)).not.toContain(placed.body.id);
    const audit = await t.superuser.query(`SELECT action FROM audit.event WHERE resource_id = $1 ORDER BY seq`, [placed.body.id]);
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['legal_hold.place', 'legal_hold.lift']);
  });

  it('the ethics committee reads holds and what is due but places none; a member sees neither', async () => {
    const situation = await createSituation(t, coordinator);
    await t
      .http()
      .post('/api/retention/legal-holds')
      .set(bearer(ethics))
      .send({ situationId: situation.id, reason: 'Contrôle' })
      .expect(404);
    await t.http().get('/api/retention/due?until=2099-12-31').set(bearer(ethics)).expect(200);
    await t.http().get('/api/retention/due').set(bearer(member)).expect(404);
    await t.http().get('/api/retention/legal-holds').set(bearer(member)).expect(404);
  });

  it('a hold on an unknown situation is a 404, and bad input a French 400 that changes nothing', async () => {
    await t
      .http()
      .post('/api/retention/legal-holds')
      .set(bearer(coordinator))
      .send({ situationId: '00000000-0000-4000-8000-000000000000', reason: 'Procédure' })
      .expect(404);
    const invalid = await t
      .http()
      .post('/api/retention/legal-holds')
      .set(bearer(coordinator))
      .send({ situationId: 'pas-un-id', reason: '' })
      .expect(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    await t.http().get('/api/retention/due?until=2026-02-30').set(bearer(coordinator)).expect(400);
  });
});
