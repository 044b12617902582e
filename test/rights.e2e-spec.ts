import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

/** A calendar day `days` before today, in Europe/Paris. */
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() - days * 86_400_000));

describe('the rights register (/api/rights-requests)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let ethics: TestUser;
  let referrer: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>) => t.http().post('/api/rights-requests').set(bearer(coordinator)).send(body);

  it('computes the one-month deadline from receipt (end of month kept) and names the situation by its reference only', async () => {
    const situation = await createSituation(t, referrer);
    const response = await create({ kind: 'access', receivedOn: '2026-01-31', situationId: situation.id }).expect(201);
    expect(response.body).toMatchObject({
      kind: 'access',
      receivedOn: '2026-01-31',
      deadline: '2026-02-28',
      status: 'received',
      situationReference: situation.reference,
      extended: false,
      outcome: null,
    });
    const plain = await create({ kind: 'erasure', receivedOn: '2026-03-15' }).expect(201);
    expect(plain.body).toMatchObject({ deadline: '2026-04-15', situationId: null });
    await create({ kind: 'access', receivedOn: '2026-03-15', situationId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    await create({ kind: 'portability', receivedOn: '2026-03-15' }).expect(400);
  });

  it('flags requests not answered by their deadline, and no longer once answered', async () => {
    const late = await create({ kind: 'objection', receivedOn: daysAgo(40) }).expect(201);
    const recent = await create({ kind: 'restriction', receivedOn: daysAgo(3) }).expect(201);
    expect(late.body.overdue).toBe(true);
    expect(recent.body.overdue).toBe(false);
    const overdue = await t.http().get('/api/rights-requests?overdue=true&limit=200').set(bearer(ethics)).expect(200);
    const ids = overdue.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(late.body.id);
    expect(ids).not.toContain(recent.body.id);
    expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);

    const incomplete = await t
      .http()
      .patch(`/api/rights-requests/${late.body.id}`)
      .set(bearer(coordinator))
      .send({ status: 'answered' })
      .expect(400);
    expect(incomplete.body.detail).toMatch(/réponse/);
    const answered = await t
      .http()
      .patch(`/api/rights-requests/${late.body.id}`)
      .set(bearer(coordinator))
      .send({ status: 'answered', outcome: 'granted', answeredOn: daysAgo(0) })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'answered', outcome: 'granted', overdue: false });
    await t.http().patch(`/api/rights-requests/${late.body.id}`).set(bearer(coordinator)).send({ status: 'in_progress' }).expect(400);
    const after = await t.http().get('/api/rights-requests?overdue=true&limit=200').set(bearer(ethics)).expect(200);
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(late.body.id);
  });

  it('extends the deadline by two months once (GDPR art. 12.3)', async () => {
    const request = await create({ kind: 'rectification', receivedOn: '2026-05-10' }).expect(201);
    const extended = await t
      .http()
      .patch(`/api/rights-requests/${request.body.id}`)
      .set(bearer(coordinator))
      .send({ extended: true, status: 'in_progress' })
      .expect(200);
    expect(extended.body).toMatchObject({ deadline: '2026-08-10', extended: true, status: 'in_progress' });
    const again = await t
      .http()
      .patch(`/api/rights-requests/${request.body.id}`)
      .set(bearer(coordinator))
      .send({ extended: true })
      .expect(200);
    expect(again.body.deadline).toBe('2026-08-10');
  });

  it('is kept by the coordination, read by the ethics committee, hidden from others, and audited', async () => {
    const request = await create({ kind: 'access', receivedOn: daysAgo(1) }).expect(201);
    await t.http().get(`/api/rights-requests/${request.body.id}`).set(bearer(ethics)).expect(200);
    const all = await t.http().get('/api/rights-requests').set(bearer(ethics)).expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(1);
    const received = await t.http().get('/api/rights-requests?status=received&limit=200').set(bearer(coordinator)).expect(200);
    expect(received.body.items.every((item: { status: string }) => item.status === 'received')).toBe(true);
    await t
      .http()
      .post('/api/rights-requests')
      .set(bearer(ethics))
      .send({ kind: 'access', receivedOn: daysAgo(1) })
      .expect(404);
    await t.http().patch(`/api/rights-requests/${request.body.id}`).set(bearer(ethics)).send({ status: 'in_progress' }).expect(404);
    await t.http().get('/api/rights-requests').set(bearer(referrer)).expect(404);
    const { rows } = await t.superuser.query(
      `SELECT action, actor_user_id FROM audit.event WHERE resource_type = 'rights_request' AND resource_id = $1 AND action <> 'rights_request.list' ORDER BY seq`,
      [request.body.id],
    );
    expect(rows.map((row) => [row.action, row.actor_user_id])).toEqual([
      ['rights_request.create', coordinator.id],
      ['rights_request.read', ethics.id],
    ]);
  });
});
