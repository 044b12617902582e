import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addItem, commission, type Commission, draftedMinutes, newSession, readySituation } from './support/commission.js';
import { bearer } from './support/situations.js';
import { createUser, startTestApp, type TestApp, type TestUser } from './support/test-app.js';

describe('minutes', () => {
  let t: TestApp;
  let c: Commission;

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
  });
  afterAll(() => t.close());

  /** A held session chaired by `chair`, one item reviewed, minutes drafted by `author`. */
  async function drafted(chair: TestUser | undefined, author: TestUser = c.coordinator) {
    const held = await draftedMinutes(t, c, { chair, author });
    expect(held.minutes).toMatchObject({ draftedBy: author.id, approvedAt: null });
    return held;
  }
  const approve = (user: TestUser, sessionId: string) => t.http().post(`/api/sessions/${sessionId}/minutes/approve`).set(bearer(user));

  it('minutes are approved by the session’s chair, not by the coordinator who drafted them nor another member', async () => {
    const { sessionId } = await drafted(c.nurse);
    const byCoordinator = await approve(c.coordinator, sessionId).expect(403);
    expect(byCoordinator.body.detail).toContain('présidence');
    await approve(c.housing, sessionId).expect(404);
    const approved = await approve(c.nurse, sessionId).expect(200);
    expect(approved.body).toMatchObject({ approvedBy: c.nurse.id, draftedBy: c.coordinator.id, approvedAt: expect.any(String) });
    expect((await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.coordinator)).expect(200)).body.status).toBe('minutes_approved');
  });

  it('a session without a chair cannot have its minutes approved until one is named', async () => {
    const situation = await readySituation(t, c);
    const sessionId = await newSession(t, c, { inDays: 1 });
    await addItem(t, c, sessionId, situation.id);
    const refused = await approve(c.coordinator, sessionId).expect(403);
    expect(refused.body.detail).toContain('chairUserId');
    // The chair is an active member of the commission.
    await t.http().patch(`/api/sessions/${sessionId}`).set(bearer(c.coordinator)).send({ chairUserId: c.invitee.id }).expect(422);
    const named = await t
      .http()
      .patch(`/api/sessions/${sessionId}`)
      .set(bearer(c.coordinator))
      .send({ chairUserId: c.housing.id })
      .expect(200);
    expect(named.body.chairUserId).toBe(c.housing.id);
  });

  it('the chair may not approve minutes they drafted (the rule names the author)', async () => {
    const chairingCoordinator = await createUser(t, c.admin, { roles: ['coordinator', 'member'], professionalCategory: 'coordinator' });
    await t
      .http()
      .post('/api/commission/members')
      .set(bearer(c.coordinator))
      .send({ userId: chairingCoordinator.id, kind: 'permanent' })
      .expect(201);
    const { sessionId, itemId, text } = await drafted(chairingCoordinator, chairingCoordinator);
    const refused = await approve(chairingCoordinator, sessionId).expect(403);
    expect(refused.body.detail).toContain("approbation par un autre membre que l'auteur");
    // Drafted again by another coordinator, the minutes are approved by the chair.
    await t
      .http()
      .put(`/api/sessions/${sessionId}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text }] })
      .expect(200);
    await approve(chairingCoordinator, sessionId).expect(200);
  });

  it('minutes drafted in a held session without a chair: a chair is named then, told the minutes await approval, and is not their author', async () => {
    const secretary = await createUser(t, c.admin, { roles: ['coordinator', 'member'], professionalCategory: 'coordinator' });
    await t.http().post('/api/commission/members').set(bearer(c.coordinator)).send({ userId: secretary.id, kind: 'permanent' }).expect(201);
    const { sessionId } = await drafted(undefined, secretary);
    const patch = (body: Record<string, unknown>) => t.http().patch(`/api/sessions/${sessionId}`).set(bearer(c.coordinator)).send(body);
    // Once held, only the chair may still change.
    await patch({ location: 'Salle du conseil' }).expect(409);
    const author = await patch({ chairUserId: secretary.id }).expect(422);
    expect(author.body.detail).toBe('La présidence approuve le procès-verbal : elle revient à un autre membre que son auteur.');
    const named = await patch({ chairUserId: c.nurse.id }).expect(200);
    expect(named.body).toMatchObject({ status: 'held', chairUserId: c.nurse.id });
    const told = await t.http().get('/api/notifications?limit=100').set(bearer(c.nurse)).expect(200);
    expect(
      told.body.items.filter(
        (n: { kind: string; link: string }) => n.kind === 'minutes.awaiting_approval' && n.link === `/seances/${sessionId}`,
      ),
    ).toHaveLength(1);
    // Naming the same chair again tells nobody twice.
    await patch({ chairUserId: c.nurse.id }).expect(200);
    const again = await t.http().get('/api/notifications?limit=100').set(bearer(c.nurse)).expect(200);
    expect(
      again.body.items.filter(
        (n: { kind: string; link: string }) => n.kind === 'minutes.awaiting_approval' && n.link === `/seances/${sessionId}`,
      ),
    ).toHaveLength(1);
    await approve(c.nurse, sessionId).expect(200);
    await patch({ chairUserId: c.housing.id }).expect(409);
  });

  it('approved minutes are frozen: they can no longer be written nor approved again', async () => {
    const { sessionId, itemId } = await drafted(c.nurse);
    await approve(c.nurse, sessionId).expect(200);
    await t
      .http()
      .put(`/api/sessions/${sessionId}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Réécriture' }] })
      .expect(409);
    await approve(c.nurse, sessionId).expect(409);
    const read = await t.http().get(`/api/sessions/${sessionId}/minutes`).set(bearer(c.nurse)).expect(200);
    expect(read.body.items[0].text).not.toBe('Réécriture');
  });

  it('approved minutes download as a PDF, only once approved, and every download is recorded in the audit trail', async () => {
    const { sessionId, itemId } = await drafted(c.nurse);
    await t.http().get(`/api/sessions/${sessionId}/minutes/pdf`).set(bearer(c.coordinator)).expect(409);
    await approve(c.nurse, sessionId).expect(200);
    for (const user of [c.coordinator, c.nurse]) {
      const response = await t
        .http()
        .get(`/api/sessions/${sessionId}/minutes/pdf`)
        .set(bearer(user))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain('attachment');
      const body = response.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(body.subarray(-6).toString()).toContain('%%EOF');
    }
    await t.http().get(`/api/sessions/${sessionId}/minutes/pdf`).set(bearer(c.housing)).expect(404);
    const { rows } = await t.superuser.query(
      `SELECT action, outcome, actor_user_id, resource_id FROM audit.event WHERE action LIKE '%minutes_download' AND (resource_id = $1 OR resource_id = $2) ORDER BY seq`,
      [sessionId, itemId],
    );
    const granted = rows.filter((row: { outcome: string }) => row.outcome === 'granted');
    expect(
      granted
        .filter((row: { action: string }) => row.action === 'session.minutes_download')
        .map((row: { actor_user_id: string }) => row.actor_user_id),
    ).toEqual([c.coordinator.id, c.nurse.id]);
    expect(granted.filter((row: { action: string }) => row.action === 'agenda_item.minutes_download')).toHaveLength(2);
    expect(
      rows.some((row: { outcome: string; actor_user_id: string }) => row.outcome === 'denied' && row.actor_user_id === c.housing.id),
    ).toBe(true);
  });
});
