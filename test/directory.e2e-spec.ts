import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdmin, createUser, startTestApp, TEST_PASSWORD, TestApp, TestUser, unique } from './support/test-app.js';

describe('directory administration', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let ethics: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    // Every case role at once (the ethics role excludes them: separation of duties).
    coordinator = await createUser(t, admin, { roles: ['coordinator', 'member', 'referrer', 'dac'] });
    ethics = await createUser(t, admin, { roles: ['ethics'] });
  });
  afterAll(() => t.close());

  const asAdmin = (method: 'get' | 'post' | 'patch', path: string) => t.http()[method](path).set('Authorization', `Bearer ${admin.token}`);
  const count = async (table: string) => Number((await t.superuser.query(`SELECT count(*) FROM clsm.${table}`)).rows[0].count);

  it('an administrator creates and lists organisations', async () => {
    const name = unique('Secteur de psychiatrie');
    const created = await asAdmin('post', '/api/organizations').send({ name, kind: 'psychiatry_sector' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name, kind: 'psychiatry_sector', finess: null, createdAt: expect.any(String) });
    // Page after page, by name: a shared database holds more structures than one page.
    const listed: unknown[] = [];
    let total = Infinity;
    while (listed.length < total) {
      const page = await asAdmin('get', `/api/organizations?limit=200&offset=${listed.length}`).expect(200);
      total = page.body.total;
      if (page.body.items.length === 0) break;
      listed.push(...page.body.items);
    }
    expect(listed).toContainEqual(created.body);
    expect(total).toBe(listed.length);
  });

  it('an administrator creates a user attached to an organisation, without exposing the password hash', async () => {
    const organization = await asAdmin('post', '/api/organizations')
      .send({ name: unique('Bailleur'), kind: 'housing_provider' })
      .expect(201);
    const email = `${unique('bailleur')}@test.example`;
    const created = await asAdmin('post', '/api/users')
      .send({
        email,
        displayName: 'Agent du bailleur',
        organizationId: organization.body.id,
        professionalCategory: 'housing_officer',
        roles: ['member'],
        password: TEST_PASSWORD,
      })
      .expect(201);
    // The case role waits for the ethics committee (separation of duties); the account exists meanwhile.
    expect(created.body).toMatchObject({
      email,
      organizationId: organization.body.id,
      roles: [],
      active: true,
      pendingAccessChangeId: expect.any(String),
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon2/i);
    const listed = await asAdmin('get', '/api/users?limit=200').expect(200);
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2/);
    const { rows } = await t.superuser.query('SELECT password_hash FROM clsm.user_account WHERE id = $1', [created.body.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('a second account with the same e-mail is a 409 conflict', async () => {
    const email = `${unique('double')}@test.example`;
    const body = { email, displayName: 'Double', professionalCategory: 'nurse', roles: ['member'], password: TEST_PASSWORD };
    await asAdmin('post', '/api/users').send(body).expect(201);
    const again = await asAdmin('post', '/api/users')
      .send({ ...body, email: email.toUpperCase() })
      .expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a weak password (too short, or the e-mail) with 422 and creates nothing', async () => {
    const before = await count('user_account');
    const email = `${unique('faible')}@test.example`;
    const base = { email, displayName: 'Faible', professionalCategory: 'nurse', roles: ['member'] };
    await asAdmin('post', '/api/users')
      .send({ ...base, password: email })
      .expect(422);
    const short = await asAdmin('post', '/api/users')
      .send({ ...base, password: 'court' })
      .expect(400);
    expect(short.body.errors[0].field).toBe('password');
    expect(await count('user_account')).toBe(before);
  });

  it('refuses a user attached to an unknown organisation with 422', async () => {
    await asAdmin('post', '/api/users')
      .send({
        email: `${unique('orphelin')}@test.example`,
        displayName: 'X',
        organizationId: '00000000-0000-4000-8000-000000000000',
        professionalCategory: 'nurse',
        roles: ['member'],
        password: TEST_PASSWORD,
      })
      .expect(422);
  });

  it('PATCH of an unknown user is 404 problem+json', async () => {
    const response = await asAdmin('patch', '/api/users/00000000-0000-4000-8000-000000000000').send({ active: false }).expect(404);
    expect(response.body.type).toBe('https://clsm-cellule.fr/problems/not-found');
    await asAdmin('patch', '/api/users/not-a-uuid').send({ active: false }).expect(400);
  });

  it('a user holding every other role but admin gets 403 on every administration endpoint', async () => {
    for (const user of [coordinator, ethics]) {
      const as = (method: 'get' | 'post' | 'patch', path: string) => t.http()[method](path).set('Authorization', `Bearer ${user.token}`);
      for (const response of [
        await as('get', '/api/users'),
        await as('post', '/api/users').send({}),
        await as('patch', `/api/users/${coordinator.id}`).send({ roles: ['admin'] }),
        await as('get', '/api/organizations'),
        await as('post', '/api/organizations').send({ name: 'X', kind: 'other' }),
      ]) {
        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    const { rows } = await t.superuser.query('SELECT roles FROM clsm.user_account WHERE id = $1', [coordinator.id]);
    expect(rows[0].roles).not.toContain('admin');
  });

  describe('invalid bodies get 400 problem+json and write nothing', () => {
    const valid = () => ({
      email: `${unique('valide')}@test.example`,
      displayName: 'Valide',
      professionalCategory: 'psychologist',
      roles: ['member'],
      password: TEST_PASSWORD,
    });
    const cases: [string, (body: Record<string, unknown>) => Record<string, unknown>, string][] = [
      ['a missing e-mail', ({ email: _, ...rest }) => rest, 'email'],
      ['a number as display name', (body) => ({ ...body, displayName: 42 }), 'displayName'],
      ['an unknown field', (body) => ({ ...body, isSuperuser: true }), 'isSuperuser'],
      ['an oversized display name', (body) => ({ ...body, displayName: 'x'.repeat(201) }), 'displayName'],
      ['an unknown role', (body) => ({ ...body, roles: ['root'] }), 'roles'],
      ['an empty role list', (body) => ({ ...body, roles: [] }), 'roles'],
      ['an unknown professional category', (body) => ({ ...body, professionalCategory: 'wizard' }), 'professionalCategory'],
      ['an invalid e-mail', (body) => ({ ...body, email: 'not-an-email' }), 'email'],
    ];
    for (const [label, mutate, field] of cases) {
      it(`refuses ${label}`, async () => {
        const before = await count('user_account');
        const response = await asAdmin('post', '/api/users').send(mutate(valid())).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
        expect(await count('user_account')).toBe(before);
      });
    }

    it('refuses malformed JSON', async () => {
      const before = await count('organization');
      const response = await asAdmin('post', '/api/organizations')
        .set('Content-Type', 'application/json')
        .send('{"name": "CCAS",')
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.type).toBe('https://clsm-cellule.fr/problems/malformed-body');
      expect(await count('organization')).toBe(before);
    });

    it('refuses a body larger than the limit with 413', async () => {
      const response = await asAdmin('post', '/api/organizations')
        .send({ name: 'x'.repeat(300_000), kind: 'other' })
        .expect(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses an unknown organisation kind and an unknown field on organisations', async () => {
      const before = await count('organization');
      await asAdmin('post', '/api/organizations')
        .send({ name: unique('Asso'), kind: 'club' })
        .expect(400);
      await asAdmin('post', '/api/organizations')
        .send({ name: unique('Asso'), kind: 'other', id: 'chosen' })
        .expect(400);
      expect(await count('organization')).toBe(before);
    });

    it('refuses an unknown field on PATCH and changes nothing', async () => {
      const user = await createUser(t, admin, { roles: ['member'] });
      await asAdmin('patch', `/api/users/${user.id}`)
        .send({ roles: ['admin'], email: 'pirate@test.example' })
        .expect(400);
      const { rows } = await t.superuser.query('SELECT roles, email FROM clsm.user_account WHERE id = $1', [user.id]);
      expect(rows[0]).toEqual({ roles: ['member'], email: user.email });
    });
  });
});
