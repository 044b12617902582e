import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdmin, createUser, startTestApp, TEST_PASSWORD, type TestApp, type TestUser, unique } from './support/test-app.js';

/** What the administration screens need beyond creating and listing: renaming a structure, finding an account. */
describe('administration: structures renamed, accounts searched', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    member = await createUser(t, admin, { roles: ['member'] });
  });
  afterAll(() => t.close());

  const asAdmin = (method: 'get' | 'post' | 'patch', path: string) => t.http()[method](path).set('Authorization', `Bearer ${admin.token}`);
  const auditActions = async (resourceId: string) =>
    (await t.superuser.query(`SELECT action FROM audit.event WHERE resource_id = $1 ORDER BY seq`, [resourceId])).rows.map(
      (row) => row.action as string,
    );

  it('an administrator renames a structure and corrects its kind; the change is audited', async () => {
    const created = (
      await asAdmin('post', '/api/organizations')
        .send({ name: unique('CCAS'), kind: 'other' })
        .expect(201)
    ).body;
    const name = unique('Centre communal d’action sociale');
    const updated = await asAdmin('patch', `/api/organizations/${created.id}`)
      .send({ name: `  ${name} `, kind: 'ccas' })
      .expect(200);
    expect(updated.body).toEqual({ id: created.id, name, kind: 'ccas', finess: null, createdAt: created.createdAt });
    const renamedOnly = await asAdmin('patch', `/api/organizations/${created.id}`)
      .send({ name: `${name} (Metz)` })
      .expect(200);
    expect(renamedOnly.body).toMatchObject({ name: `${name} (Metz)`, kind: 'ccas' });
    // The FINESS number: set once known (its Luhn key checked), cleared with null.
    const wrongKey = await asAdmin('patch', `/api/organizations/${created.id}`).send({ finess: '570000688' }).expect(400);
    expect(JSON.stringify(wrongKey.body)).toContain('FINESS');
    expect((await asAdmin('patch', `/api/organizations/${created.id}`).send({ finess: '570000687' }).expect(200)).body).toMatchObject({
      finess: '570000687',
      kind: 'ccas',
    });
    expect((await asAdmin('patch', `/api/organizations/${created.id}`).send({ finess: null }).expect(200)).body).toMatchObject({
      finess: null,
    });
    expect(await auditActions(created.id)).toEqual([
      'organization.create',
      'organization.update',
      'organization.update',
      'organization.update',
      'organization.update',
    ]);
  });

  it('refuses a name another structure has (409), an unknown structure (404), a null or unknown kind (400), and anyone but the administrator (403)', async () => {
    const taken = (
      await asAdmin('post', '/api/organizations')
        .send({ name: unique('Bailleur'), kind: 'housing_provider' })
        .expect(201)
    ).body;
    const other = (
      await asAdmin('post', '/api/organizations')
        .send({ name: unique('Bailleur'), kind: 'housing_provider' })
        .expect(201)
    ).body;
    const conflict = await asAdmin('patch', `/api/organizations/${other.id}`).send({ name: taken.name.toUpperCase() }).expect(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    await asAdmin('patch', '/api/organizations/00000000-0000-4000-8000-000000000000')
      .send({ name: unique('Inconnue') })
      .expect(404);
    await asAdmin('patch', `/api/organizations/${other.id}`).send({ name: null }).expect(400);
    await asAdmin('patch', `/api/organizations/${other.id}`).send({ kind: 'hospital-ish' }).expect(400);
    await t
      .http()
      .patch(`/api/organizations/${other.id}`)
      .set('Authorization', `Bearer ${member.token}`)
      .send({ name: unique('Pris') })
      .expect(403);
    const { rows } = await t.superuser.query('SELECT name, kind FROM clsm.organization WHERE id = $1', [other.id]);
    expect(rows[0]).toEqual({ name: other.name, kind: 'housing_provider' });
  });

  it('finds accounts by part of the display name or of the e-mail, accents and case ignored, paged', async () => {
    const tag = unique('x').replace(/[^a-z0-9]/gi, '');
    const make = async (displayName: string, email: string) =>
      (
        await asAdmin('post', '/api/users')
          .send({ email, displayName, professionalCategory: 'nurse', roles: ['member'], password: TEST_PASSWORD })
          .expect(201)
      ).body.id as string;
    const hélène = await make(`Hélène Dupré ${tag}`, `h.dupre.${tag}@test.example`);
    const jérôme = await make(`Jérôme Martin ${tag}`, `jm.${tag}@ccas.example`);
    const search = async (q: string, page = '') =>
      (await asAdmin('get', `/api/users?q=${encodeURIComponent(q)}${page}`).expect(200)).body as { items: { id: string }[]; total: number };

    expect((await search(`helene dupre ${tag}`)).items.map((u) => u.id)).toEqual([hélène]);
    expect((await search(`JM.${tag}@CCAS`)).items.map((u) => u.id)).toEqual([jérôme]);
    const both = await search(tag);
    expect(both.total).toBe(2);
    expect(both.items.map((u) => u.id).sort()).toEqual([hélène, jérôme].sort());
    const second = await search(tag, '&limit=1&offset=1');
    expect(second).toMatchObject({ total: 2, items: [{ id: expect.any(String) }] });
    // LIKE wildcards are taken literally.
    expect((await search('%')).total).toBe(0);
    await asAdmin('get', `/api/users?q=${'a'.repeat(101)}`).expect(400);
  });
});
