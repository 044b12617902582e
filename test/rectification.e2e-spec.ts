import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, createSituation } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

describe('rectification: PATCH /api/situations/:id changes only the fields sent', () => {
  let t: TestApp;
  let referrer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    await createUser(t, admin, { roles: ['coordinator'] });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(() => t.close());

  const read = async (id: string) => (await t.http().get(`/api/situations/${id}`).set(bearer(referrer)).expect(200)).body;
  const patch = (id: string, body: object, user = referrer) => t.http().patch(`/api/situations/${id}`).set(bearer(user)).send(body);

  it('keeps the fields of a group that are not sent, and the groups that are not sent', async () => {
    const situation = await createSituation(t, referrer);
    const before = await read(situation.id);
    await patch(situation.id, { contact: { district: 'Bellecroix' } }).expect(200);
    const after = await read(situation.id);
    expect(after.contact).toEqual({ ...before.contact, district: 'Bellecroix' });
    expect(after.identity).toEqual(before.identity);
    expect(after.social).toEqual(before.social);
    expect(after.health).toEqual(before.health);
    expect(after.narrative).toEqual(before.narrative);
    await patch(situation.id, { identity: { usedName: 'Nouveau nom' } }).expect(200);
    const renamed = await read(situation.id);
    expect(renamed.identity).toEqual({ ...before.identity, usedName: 'Nouveau nom' });
    expect(renamed.birthDecade).toBe(before.birthDecade);
  });

  it('clears a field sent as null, and refuses to clear a required one (400 naming it)', async () => {
    const situation = await createSituation(t, referrer);
    const before = await read(situation.id);
    await patch(situation.id, { contact: { phone: null } }).expect(200);
    const after = await read(situation.id);
    expect(after.contact.phone).toBeUndefined();
    expect(after.contact.address).toBe(before.contact.address);
    const refused = await patch(situation.id, { identity: { birthName: null } }).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain('identity.birthName');
    const unknown = await patch(situation.id, { contact: { favouriteColour: 'bleu' } }).expect(400);
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toContain('contact.favouriteColour');
    expect((await read(situation.id)).identity).toEqual(before.identity);
  });

  it('refuses to rectify a group the user may not read (merging needs its content), and records who rectified', async () => {
    const housing = await createUser(t, admin, { roles: ['referrer'], professionalCategory: 'housing_officer' });
    const situation = await createSituation(t, housing);
    const refused = await patch(situation.id, { health: { details: 'Remplacé' } }, housing).expect(403);
    expect(refused.body.detail).toMatch(/consulter/);
    await patch(situation.id, { narrative: { expectations: 'Attente précisée' } }, housing).expect(200);
    const { rows } = await t.superuser.query(
      `SELECT actor_user_id FROM audit.event WHERE action = 'situation.update' AND situation_id = $1 AND outcome = 'granted'`,
      [situation.id],
    );
    expect(rows.map((row) => row.actor_user_id)).toEqual([housing.id]);
  });
});
