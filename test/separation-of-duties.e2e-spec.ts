import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/situations.js';
import {
  approveAccessChange,
  createAdmin,
  createUser,
  login,
  startTestApp,
  TEST_PASSWORD,
  TestApp,
  TestUser,
  unique,
} from './support/test-app.js';

/** Charter article 8: nobody widens their own access; widening changes wait for the ethics committee. */
describe('separation of duties', () => {
  let t: TestApp;
  let admin: TestUser;
  let ethics: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    ethics = await createUser(t, admin, { roles: ['ethics'], professionalCategory: 'other' });
  });
  afterAll(() => t.close());

  const newAccount = (roles: string[], professionalCategory = 'social_worker') =>
    t
      .http()
      .post('/api/users')
      .set(bearer(admin))
      .send({ email: `${unique('sod')}@test.example`, displayName: 'Compte', professionalCategory, roles, password: TEST_PASSWORD });
  const audited = async (action: string, resourceId: string) =>
    Number(
      (await t.superuser.query('SELECT count(*) FROM audit.event WHERE action = $1 AND resource_id = $2', [action, resourceId])).rows[0]
        .count,
    );

  it('an administrator cannot give itself the coordinator role, nor change its own account', async () => {
    const mixed = await t
      .http()
      .patch(`/api/users/${admin.id}`)
      .set(bearer(admin))
      .send({ roles: ['admin', 'coordinator'] });
    expect([403, 422]).toContain(mixed.status);
    const self = await t.http().patch(`/api/users/${admin.id}`).set(bearer(admin)).send({ professionalCategory: 'nurse' }).expect(403);
    expect(self.headers['content-type']).toContain('application/problem+json');
    const me = await t.http().get('/api/auth/me').set(bearer(admin)).expect(200);
    expect(me.body.roles).toEqual(['admin']);
  });

  it('refuses role sets that mix duties (422) and administrators created through the API (403)', async () => {
    for (const roles of [
      ['ethics', 'coordinator'],
      ['admin', 'member'],
      ['ethics', 'dac'],
    ]) {
      const response = await newAccount(roles).expect(422);
      expect(response.body.detail).toMatch(/rôle/);
    }
    await newAccount(['admin']).expect(403);
  });

  it('a case role given by an administrator waits for the ethics committee before it opens anything', async () => {
    const created = await newAccount(['coordinator']).expect(201);
    expect(created.body.roles).toEqual([]);
    expect(created.body.pendingAccessChangeId).toEqual(expect.any(String));
    const tokens = await login(t, created.body.email);
    const user = {
      id: created.body.id,
      email: created.body.email,
      password: TEST_PASSWORD,
      token: tokens.accessToken,
      refreshToken: tokens.refreshToken,
    };
    const charter = await t.http().get('/api/ethics/charter').set(bearer(user)).expect(200);
    await t.http().post('/api/ethics/charter/accept').set(bearer(user)).send({ version: charter.body.version }).expect(200);
    await t.http().get('/api/situations').set(bearer(user)).expect(404);

    const pending = await t.http().get('/api/access-changes?status=pending').set(bearer(ethics)).expect(200);
    expect(pending.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: created.body.pendingAccessChangeId, userId: user.id, addRoles: ['coordinator'] }),
      ]),
    );
    await t.http().post(`/api/access-changes/${created.body.pendingAccessChangeId}/approve`).set(bearer(admin)).send({}).expect(403);
    await t.http().post(`/api/access-changes/${created.body.pendingAccessChangeId}/approve`).set(bearer(ethics)).send({}).expect(200);
    await t.http().get('/api/situations').set(bearer(user)).expect(200);
    expect(await audited('access_change.request', created.body.pendingAccessChangeId)).toBe(1);
    expect(await audited('access_change.approve', created.body.pendingAccessChangeId)).toBe(1);
  });

  it('a category that unlocks health details waits for approval; a refusal needs a reason and changes nothing', async () => {
    const housing = await createUser(t, admin, { roles: ['member'], professionalCategory: 'housing_officer' });
    const changed = await t
      .http()
      .patch(`/api/users/${housing.id}`)
      .set(bearer(admin))
      .send({ professionalCategory: 'nurse', displayName: 'Nouveau nom' })
      .expect(200);
    expect(changed.body).toMatchObject({ professionalCategory: 'housing_officer', displayName: 'Nouveau nom' });
    const changeId = changed.body.pendingAccessChangeId as string;
    expect(changeId).toEqual(expect.any(String));
    await t.http().post(`/api/access-changes/${changeId}/refuse`).set(bearer(ethics)).send({}).expect(422);
    const refused = await t
      .http()
      .post(`/api/access-changes/${changeId}/refuse`)
      .set(bearer(ethics))
      .send({ reason: 'Pas de besoin d’en connaître.' })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', decidedBy: ethics.id });
    await t.http().post(`/api/access-changes/${changeId}/approve`).set(bearer(ethics)).send({}).expect(409);
    const me = await t.http().get('/api/auth/me').set(bearer(housing)).expect(200);
    expect(me.body.professionalCategory).toBe('housing_officer');
    expect(await audited('access_change.refuse', changeId)).toBe(1);
  });

  it('moving an account with a case role to another structure waits for the ethics committee; leaving one, or moving an account without a case role, applies at once', async () => {
    const structure = async (label: string) => {
      const name = unique(label);
      const { body } = await t.http().post('/api/organizations').set(bearer(admin)).send({ name, kind: 'housing_provider' }).expect(201);
      return { id: body.id as string, name };
    };
    const [from, to] = [await structure('Bailleur A'), await structure('Bailleur B')];
    const member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'housing_officer', organizationId: from.id });
    const patch = (id: string, body: Record<string, unknown>) => t.http().patch(`/api/users/${id}`).set(bearer(admin)).send(body);

    const moved = await patch(member.id, { organizationId: to.id }).expect(200);
    expect(moved.body).toMatchObject({ organizationId: from.id, organizationName: from.name, pendingAccessChangeId: expect.any(String) });
    const changeId = moved.body.pendingAccessChangeId as string;
    const pending = await t.http().get('/api/access-changes?status=pending').set(bearer(ethics)).expect(200);
    expect(pending.body.items).toContainEqual(
      expect.objectContaining({ id: changeId, userId: member.id, addRoles: [], organizationId: to.id, organizationName: to.name }),
    );
    expect((await t.http().get('/api/auth/me').set(bearer(member)).expect(200)).body.organizationId).toBe(from.id);
    await t.http().post(`/api/access-changes/${changeId}/approve`).set(bearer(ethics)).send({}).expect(200);
    expect((await t.http().get('/api/auth/me').set(bearer(member)).expect(200)).body.organizationId).toBe(to.id);

    const left = await patch(member.id, { organizationId: null }).expect(200);
    expect(left.body).toMatchObject({ organizationId: null, pendingAccessChangeId: null });
    expect(await audited('user.organization_change', member.id)).toBe(1);

    const unknown = await patch(member.id, { organizationId: '11111111-1111-4111-8111-111111111111' }).expect(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const secondEthics = await createUser(t, admin, { roles: ['ethics'], professionalCategory: 'other' });
    const withoutCaseRole = await patch(secondEthics.id, { organizationId: to.id }).expect(200);
    expect(withoutCaseRole.body).toMatchObject({ organizationId: to.id, pendingAccessChangeId: null });
    await t.http().patch(`/api/users/${admin.id}`).set(bearer(admin)).send({ organizationId: to.id }).expect(403);
  });

  it('narrowing applies at once: removing a case role needs no approval', async () => {
    const member = await createUser(t, admin, { roles: ['member', 'referrer'] });
    const changed = await t
      .http()
      .patch(`/api/users/${member.id}`)
      .set(bearer(admin))
      .send({ roles: ['referrer'] })
      .expect(200);
    expect(changed.body).toMatchObject({ roles: ['referrer'], pendingAccessChangeId: null });
  });

  it('a member of the ethics committee never decides a change about themselves', async () => {
    const second = await newAccount(['ethics'], 'other').expect(201);
    expect(second.body.pendingAccessChangeId).toEqual(expect.any(String));
    const tokens = await login(t, second.body.email);
    const charter = await t.http().get('/api/ethics/charter').set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
    await t
      .http()
      .post('/api/ethics/charter/accept')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .send({ version: charter.body.version })
      .expect(200);
    // Not yet a member: the route refuses them; and once approved by another member, they are.
    await t
      .http()
      .post(`/api/access-changes/${second.body.pendingAccessChangeId}/approve`)
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .send({})
      .expect(403);
    await approveAccessChange(t, admin, second.body.pendingAccessChangeId, second.body.id);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
    expect(me.body.roles).toEqual(['ethics']);
  });
});
