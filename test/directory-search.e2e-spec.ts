import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

/** Everyone at work finds colleagues and structures by name, and learns nothing private about them. */
describe('the directory', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let organizationId: string;
  const name = unique('Hélène Dupré').replace(/[^A-Za-zÀ-ÿ ]/g, '');

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    organizationId = (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique('Bailleur Émeraude'), kind: 'housing_provider' })
        .expect(201)
    ).body.id;
    member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'housing_officer', organizationId });
    await t.http().patch(`/api/users/${member.id}`).set(bearer(admin)).send({ displayName: name }).expect(200);
  });
  afterAll(() => t.close());

  it('finds a colleague by part of their name, accents and case ignored, without e-mail or account state', async () => {
    const coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    const response = await t
      .http()
      .get(`/api/directory/people?q=${encodeURIComponent('helene dupre')}`)
      .set(bearer(coordinator))
      .expect(200);
    expect(response.body.items).toEqual([
      {
        id: member.id,
        displayName: name,
        organizationId,
        organizationName: expect.stringContaining('Bailleur'),
        professionalCategory: 'housing_officer',
        roles: ['member'],
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain(member.email);
    const byStructure = await t.http().get(`/api/directory/people?organizationId=${organizationId}`).set(bearer(coordinator)).expect(200);
    expect(byStructure.body.items.map((person: { id: string }) => person.id)).toEqual([member.id]);
  });

  it('finds structures by name and kind; a wildcard in the search is taken literally', async () => {
    const response = await t
      .http()
      .get(`/api/directory/organizations?q=${encodeURIComponent('émeraude')}&kind=housing_provider`)
      .set(bearer(member))
      .expect(200);
    expect(response.body.items.map((organization: { id: string }) => organization.id)).toContain(organizationId);
    const literal = await t.http().get('/api/directory/organizations?q=%25').set(bearer(member)).expect(200);
    expect(literal.body.total).toBe(0);
  });

  it('records each search without its terms, and refuses a user who has not accepted the charter', async () => {
    await t.http().get('/api/directory/people?q=secretterm').set(bearer(member)).expect(200);
    const { rows } = await t.superuser.query(
      `SELECT count(*)::int AS n FROM audit.event WHERE position('secretterm' in convert_from(canonical, 'UTF8')) > 0 OR resource_id LIKE '%secretterm%'`,
    );
    expect(rows[0].n).toBe(0);
    const newcomer = await createUser(t, admin, { roles: ['referrer'], acceptCharter: false });
    await t.http().get('/api/directory/people').set(bearer(newcomer)).expect(403);
  });
});
