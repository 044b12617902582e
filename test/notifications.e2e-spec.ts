import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addItem, type Commission, commission, dateIn, newSession, readySituation, reviewed } from './support/commission.js';
import { bearer, intakeBody } from './support/situations.js';
import { startTestApp, type TestApp, type TestUser, unique } from './support/test-app.js';

interface Notification {
  id: string;
  kind: string;
  message: string;
  reference: string | null;
  link: string;
  createdAt: string;
  readAt: string | null;
}
interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
  limit: number;
  offset: number;
}

describe('in-app notifications', () => {
  let t: TestApp;
  let c: Commission;
  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t.close());

  const inbox = async (user: TestUser, query = '') =>
    (await t.http().get(`/api/notifications${query}`).set(bearer(user)).expect(200)).body as NotificationPage;
  const ofKind = async (user: TestUser, kind: string) => (await inbox(user, '?limit=200')).items.filter((item) => item.kind === kind);

  it('an invitee of an agenda item is told of the session with the case reference and a link, and nothing about the person', async () => {
    const body = intakeBody();
    const situation = await readySituation(t, c);
    const sessionId = await newSession(t, c);
    await addItem(t, c, sessionId, situation.id, [c.invitee.id]);
    const [told] = await ofKind(c.invitee, 'agenda.invited');
    expect(told).toMatchObject({ reference: situation.reference, link: `/seances/${sessionId}`, readAt: null });
    expect(told.message).toMatch(/^Vous êtes invité\(e\) à l'examen d'une situation lors de la séance du \d{2}\/\d{2}\/\d{4}\.$/);
    const raw = JSON.stringify(told);
    for (const personal of [body.identity.birthName, body.identity.usedName, body.identity.birthDate, 'Traitement'])
      expect(raw).not.toContain(personal);
    // Nobody else hears of it: the coordinator who made the change is not an invitee.
    expect((await ofKind(c.coordinator, 'agenda.invited')).filter((item) => item.link === `/seances/${sessionId}`)).toEqual([]);
  });

  it('new invitees are told and every invitee hears of an agenda change (reorder, removal)', async () => {
    const first = await readySituation(t, c);
    const second = await readySituation(t, c);
    const sessionId = await newSession(t, c);
    const firstItem = await addItem(t, c, sessionId, first.id, [c.invitee.id]);
    const secondItem = await addItem(t, c, sessionId, second.id);
    await t
      .http()
      .put(`/api/sessions/${sessionId}/items/${secondItem}/invitees`)
      .set(bearer(c.coordinator))
      .send({ invitedUserIds: [c.housing.id] })
      .expect(200);
    expect((await ofKind(c.housing, 'agenda.invited')).find((item) => item.link === `/seances/${sessionId}`)).toMatchObject({
      reference: second.reference,
    });
    await t
      .http()
      .put(`/api/sessions/${sessionId}/items/order`)
      .set(bearer(c.coordinator))
      .send({ itemIds: [secondItem, firstItem] })
      .expect(200);
    for (const invitee of [c.invitee, c.housing]) {
      const changes = (await ofKind(invitee, 'agenda.changed')).filter((item) => item.link === `/seances/${sessionId}`);
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ reference: null });
      expect(changes[0].message).toMatch(/^L'ordre du jour de la séance du .+ a changé\.$/);
    }
    // The invitee of an item taken off the agenda hears of it too, before losing the invitation.
    await t.http().delete(`/api/sessions/${sessionId}/items/${firstItem}`).set(bearer(c.coordinator)).send({}).expect(200);
    expect((await ofKind(c.invitee, 'agenda.changed')).filter((item) => item.link === `/seances/${sessionId}`)).toHaveLength(2);
  });

  it('the carrier of a préconisation is told it is assigned, with its due date and the case reference', async () => {
    const due = dateIn(12);
    const { situation } = await reviewed(t, c, [{ action: 'Visite à domicile de Naissance', carrierUserId: c.carrierA.id, dueDate: due }]);
    const [assigned] = (await ofKind(c.carrierA, 'recommendation.assigned')).filter((item) => item.reference === situation.reference);
    expect(assigned).toMatchObject({ link: `/situations/${situation.id}` });
    expect(assigned.message).toBe(`Une préconisation vous est confiée, à échéance du ${due.split('-').reverse().join('/')}.`);
    expect(assigned.message).not.toContain('Visite');
  });

  it('a referral sent to a DAC tells its liaison users; a referral from a DAC tells the coordination', async () => {
    const situation = await readySituation(t, c);
    const created = await t
      .http()
      .post('/api/referrals')
      .set(bearer(c.coordinator))
      .send({ situationId: situation.id, dacOrganizationId: c.dacOrganization, reason: 'Motif', summaryForDac: 'Résumé' })
      .expect(201);
    expect((await ofKind(c.dac, 'referral.sent')).filter((item) => item.link === `/orientations/${created.body.id}`)).toEqual([]);
    await t.http().post(`/api/referrals/${created.body.id}/status`).set(bearer(c.coordinator)).send({ to: 'sent' }).expect(200);
    const [sent] = (await ofKind(c.dac, 'referral.sent')).filter((item) => item.link === `/orientations/${created.body.id}`);
    expect(sent).toMatchObject({ message: 'Le CLSM vous adresse une orientation.', reference: null });

    const inbound = await t
      .http()
      .post('/api/referrals/inbound')
      .set(bearer(c.dac))
      .send({ ...intakeBody(), dacReferralId: unique('DAC') })
      .expect(201);
    const [received] = (await ofKind(c.coordinator, 'referral.received')).filter(
      (item) => item.link === `/orientations/${inbound.body.id}`,
    );
    expect(received).toMatchObject({ message: 'Un DAC adresse une situation à la commission.' });
    expect(received.reference).toMatch(/\S/);
  });

  it('lists are paged with a total and an unread count, filtered by unread, newest first', async () => {
    const situation = await readySituation(t, c);
    for (let index = 0; index < 3; index += 1) {
      const sessionId = await newSession(t, c, { inDays: 10 + index });
      await addItem(t, c, sessionId, index === 0 ? situation.id : (await readySituation(t, c)).id, [c.carrierB.id]);
    }
    const all = await inbox(c.carrierB, '?limit=2');
    expect(all).toMatchObject({ total: 3, unread: 3, limit: 2, offset: 0 });
    expect(all.items).toHaveLength(2);
    const rest = await inbox(c.carrierB, '?limit=2&offset=2');
    expect(rest.items).toHaveLength(1);
    const times = [...all.items, ...rest.items].map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const read = await t.http().post(`/api/notifications/${all.items[0].id}/read`).set(bearer(c.carrierB)).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await inbox(c.carrierB, '?unread=true');
    expect(unread).toMatchObject({ total: 2, unread: 2 });
    expect(unread.items.map((item) => item.id)).not.toContain(all.items[0].id);

    const marked = await t.http().post('/api/notifications/read-all').set(bearer(c.carrierB)).expect(200);
    expect(marked.body).toEqual({ marked: 2 });
    expect(await inbox(c.carrierB, '?unread=true')).toMatchObject({ total: 0, unread: 0, items: [] });
    expect((await inbox(c.carrierB)).total).toBe(3);
  });

  it("someone else's notification, or one that does not exist, is not found (404 in French) and stays unread", async () => {
    const situation = await readySituation(t, c);
    await addItem(t, c, await newSession(t, c), situation.id, [c.nurse.id]);
    const [theirs] = (await inbox(c.nurse, '?unread=true')).items;
    for (const id of [theirs.id, randomUUID()]) {
      const refused = await t.http().post(`/api/notifications/${id}/read`).set(bearer(c.referrer)).expect(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.detail).toBe("Cette notification n'existe pas ou ne vous est pas adressée.");
    }
    await t.http().post('/api/notifications/read-all').set(bearer(c.referrer)).expect(200);
    expect((await inbox(c.nurse, '?unread=true')).items.map((item) => item.id)).toContain(theirs.id);
  });

  it('refuses an invalid filter or page (400)', async () => {
    await t.http().get('/api/notifications?unread=yes').set(bearer(c.referrer)).expect(400);
    await t.http().get('/api/notifications?limit=0').set(bearer(c.referrer)).expect(400);
    await t.http().post('/api/notifications/not-a-uuid/read').set(bearer(c.referrer)).expect(400);
  });
});
