import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation } from './support/situations.js';
import { createAdmin, createUser, startTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('the audit trail searched by case reference', () => {
  let t: TestApp;
  let admin: TestUser;
  let ethics: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the events of the situation with that reference only, and nothing for an unknown reference', async () => {
    const situation = await createSituation(t, referrer);
    const other = await createSituation(t, referrer);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
    await t.http().get(`/api/situations/${other.id}`).set(bearer(coordinator)).expect(200);

    const { body } = await t
      .http()
      .get(`/api/audit/events?situationReference=${situation.reference}&limit=200`)
      .set(bearer(ethics))
      .expect(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((event: { situationId: string }) => event.situationId === situation.id)).toBe(true);
    expect(
      body.items.some(
        (event: { action: string; actor: { userId: string } }) =>
          event.action === 'situation.read' && event.actor.userId === coordinator.id,
      ),
    ).toBe(true);

    const unknown = await t.http().get('/api/audit/events?situationReference=CC-1999-9999').set(bearer(ethics)).expect(200);
    expect(unknown.body.total).toBe(0);
    await t
      .http()
      .get(`/api/audit/events?situationReference=${encodeURIComponent("x' OR 1=1")}`)
      .set(bearer(ethics))
      .expect(400);
    await t.http().get(`/api/audit/events?situationReference=${situation.reference}`).set(bearer(coordinator)).expect(403);
  });
});
