import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

/**
 * One unit of work per request: a request never asks the pool for a second connection while it
 * holds one, so many concurrent writers on a tiny pool all complete (they used to lock the
 * service up for good, every connection "idle in transaction").
 */
describe('concurrent writers on a small pool', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let referrer: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_MAX: '2' });
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(() => t.close());

  it('runs 20 concurrent writers (consents, edits, intakes) and 20 readers to completion on a pool of 2', async () => {
    const situations = await Promise.all(Array.from({ length: 5 }, () => createSituation(t, referrer)));
    for (const situation of situations) await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    const writers = Array.from({ length: 20 }, (_, index) => {
      const situation = situations[index % situations.length];
      if (index % 4 === 0) return giveConsent(t, coordinator, situation.id, { purpose: 'attendance' }).then(() => 201);
      if (index % 4 === 1)
        return t
          .http()
          .patch(`/api/situations/${situation.id}`)
          .set(bearer(coordinator))
          .send({ problemAreas: ['housing'] })
          .then((response) => response.status);
      if (index % 4 === 2)
        return t
          .http()
          .post('/api/situations')
          .set(bearer(referrer))
          .send(intakeBody())
          .then((response) => response.status);
      return t
        .http()
        .post(`/api/situations/${situation.id}/consents`)
        .set(bearer(coordinator))
        .send({
          purpose: 'review',
          decision: 'given',
          givenBy: 'person',
          method: 'oral_statement',
          statement: { recordedBy: 'Infirmière du CMP', recordedOn: '2026-11-02' },
          givenOn: '2026-11-02',
        })
        .then((response) => response.status);
    });
    const readers = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? t
            .http()
            .get(`/api/situations/${situations[index % situations.length].id}`)
            .set(bearer(coordinator))
            .then((response) => response.status)
        : t
            .http()
            .get('/api/situations?limit=20')
            .set(bearer(coordinator))
            .then((response) => response.status),
    );
    const statuses = await Promise.all([...writers, ...readers]);
    expect(statuses.filter((status) => status >= 300)).toEqual([]);

    // Afterwards the service still answers, and the trail of all this verifies.
    await t.http().get(`/api/situations/${situations[0].id}`).set(bearer(coordinator)).expect(200);
    const idle = await t.superuser.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction' AND application_name LIKE 'clsm-cellule%'`,
    );
    expect(idle.rows[0].n).toBe(0);
  });
});
