import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addItem, commission, type Commission, dateIn, newSession, setSessionStatus } from './support/commission.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createFreshDatabase, startTestApp, type TestApp, type TestUser } from './support/test-app.js';

/**
 * A commission's year with one person's situation, as the people who do the work would go through
 * it, with no dead end: intake, admissibility, a cancelled session, a held one with a corrected
 * outcome and préconisations carried by a structure, approved minutes, follow-up and a review, an
 * outbound and an inbound DAC referral acknowledged both ways, closure.
 */
describe('a commission’s whole year', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let c: Commission;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // A database of its own: its job queue holds only this year's e-mails.
    t = await startTestApp({
      DATABASE_URL: await createFreshDatabase(),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'CLSM cellule <cellule@clsm.test.example>',
      PUBLIC_URL: 'https://cellule.test.example',
    });
    c = await commission(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The kinds of one's in-app notifications. */
  const notified = async (user: TestUser) =>
    (await t.http().get('/api/notifications?limit=100').set(bearer(user)).expect(200)).body.items as {
      kind: string;
      reference: string | null;
    }[];

  const get = (user: TestUser, path: string) => t.http().get(path).set(bearer(user));
  const post = (user: TestUser, path: string, body: Record<string, unknown> = {}) => t.http().post(path).set(bearer(user)).send(body);
  const status = async (id: string) => (await get(c.coordinator, `/api/situations/${id}`).expect(200)).body.status as string;

  it('walks from the saisine to the closure with every step recorded and nothing left open', async () => {
    // January: a CCAS social worker refers the situation; the coordination finds it admissible and records consent.
    const person = intakeBody();
    const situation = await createSituation(t, c.referrer, person);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, c.coordinator, situation.id, { refusedOrganizationIds: [c.refusedOrganization] });
    await giveConsent(t, c.coordinator, situation.id, { purpose: 'dac_transmission', refusedOrganizationIds: [c.refusedOrganization] });

    // February: the first session is cancelled; the situation goes back to preparation, not lost.
    const cancelled = await newSession(t, c, { inDays: 10 });
    await addItem(t, c, cancelled, situation.id);
    expect(await status(situation.id)).toBe('scheduled');
    await setSessionStatus(t, c, cancelled, 'agenda_published');
    await post(c.coordinator, `/api/sessions/${cancelled}/status`, { to: 'cancelled', reason: 'Quorum non atteint' }).expect(200);
    expect(await status(situation.id)).toBe('in_preparation');

    // March: the session is held, chaired by the nurse, with a psychologist invited for this item only.
    const held = await newSession(t, c, { inDays: 1, chair: c.nurse });
    const itemId = await addItem(t, c, held, situation.id, [c.invitee.id]);
    await setSessionStatus(t, c, held, 'agenda_published');
    await get(c.invitee, `/api/situations/${situation.id}`).expect(200);
    // The invitee is told, in the console and by e-mail with a calendar invitation.
    expect(await notified(c.invitee)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'agenda.invited', reference: situation.reference })]),
    );
    const invitation = await smtp.waitFor((mail) => mail.to.includes(c.invitee.email) && mail.body.includes(held), 60_000);
    expect(invitation.body).toContain('BEGIN:VCALENDAR');
    await setSessionStatus(t, c, held, 'held');
    const outcome = await t
      .http()
      .put(`/api/sessions/${held}/items/${itemId}/outcome`)
      .set(bearer(c.coordinator))
      .send({
        summary: 'Synthèse de la séance de mars',
        recommendations: [
          { action: 'Visite à domicile conjointe', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(30) },
          { action: 'Orientation vers le CMP', carrierUserId: c.nurse.id, dueDate: dateIn(45) },
        ],
        pilotUserId: c.nurse.id,
        personResponse: { status: 'not_yet_asked' },
      })
      .expect(200);
    const [visit, cmp] = (outcome.body.items[0].outcome.recommendations as { id: string }[]).map((item) => item.id);
    // The nurse who carries the CMP orientation is told.
    expect(await notified(c.nurse)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'recommendation.assigned', reference: situation.reference })]),
    );
    await smtp.waitFor((mail) => mail.to.includes(c.nurse.email) && mail.subject.includes(situation.reference), 60_000);

    // The chair corrects the outcome afterwards; the earlier version is kept with who, when and why.
    await t
      .http()
      .patch(`/api/sessions/${held}/items/${itemId}/outcome`)
      .set(bearer(c.nurse))
      .send({ summary: 'Synthèse corrigée : la personne était représentée par sa sœur', reason: 'Oubli dans la synthèse' })
      .expect(200);
    const versions = await get(c.nurse, `/api/sessions/${held}/items/${itemId}/outcome/versions`).expect(200);
    expect(versions.body).toEqual([
      expect.objectContaining({
        version: 1,
        summary: 'Synthèse de la séance de mars',
        replacedBy: c.nurse.id,
        reason: 'Oubli dans la synthèse',
      }),
    ]);

    // Minutes: drafted by the coordination, approved by the chair, frozen, downloaded as a PDF (audited).
    await t
      .http()
      .put(`/api/sessions/${held}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Échanges et décisions de la séance.' }] })
      .expect(200);
    await post(c.nurse, `/api/sessions/${held}/minutes/approve`).expect(200);
    await t
      .http()
      .put(`/api/sessions/${held}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Réécriture' }] })
      .expect(409);
    const pdf = await get(c.coordinator, `/api/sessions/${held}/minutes/pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const downloads = await t.superuser.query(
      `SELECT count(*)::int AS n FROM audit.event WHERE action = 'session.minutes_download' AND resource_id = $1`,
      [held],
    );
    expect(downloads.rows[0].n).toBe(1);

    // April–June: the carrying structure's other member sees and completes the visit; the nurse the CMP orientation.
    const carried = await get(c.carrierB, '/api/recommendations?status=open').expect(200);
    expect(carried.body.items.map((item: { id: string }) => item.id)).toContain(visit);
    await t
      .http()
      .patch(`/api/recommendations/${visit}`)
      .set(bearer(c.carrierB))
      .send({ status: 'done', note: 'Visite faite avec le CCAS' })
      .expect(200);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'follow_up' }]);

    // July: an outbound referral to the DAC, acknowledged then accepted by the DAC.
    const referral = await post(c.coordinator, '/api/referrals', {
      situationId: situation.id,
      dacOrganizationId: c.dacOrganization,
      reason: 'Coordination du parcours de soins',
      summaryForDac: 'Besoin de coordination entre le CMP et le bailleur',
    }).expect(201);
    await post(c.coordinator, `/api/referrals/${referral.body.id}/status`, { to: 'sent' }).expect(200);
    expect((await notified(c.dac)).map((item) => item.kind)).toContain('referral.sent');
    await smtp.waitFor((mail) => mail.to.includes(c.dac.email) && mail.body.includes(referral.body.id), 60_000);
    await post(c.dac, `/api/referrals/${referral.body.id}/status`, { to: 'acknowledged' }).expect(200);
    await post(c.dac, `/api/referrals/${referral.body.id}/status`, { to: 'accepted' }).expect(200);

    // September: the situation comes back to the commission for a review.
    const review = await newSession(t, c, { inDays: 2, chair: c.nurse });
    await addItem(t, c, review, situation.id);
    expect(await status(situation.id)).toBe('scheduled');
    const history = (await get(c.coordinator, `/api/situations/${situation.id}`).expect(200)).body.history as {
      from: string;
      to: string;
    }[];
    expect(history.at(-1)).toMatchObject({ from: 'follow_up', to: 'scheduled' });

    // October: the DAC sends another person's situation; the commission acknowledges it step by step.
    const inbound = await post(c.dac, '/api/referrals/inbound', { ...intakeBody(), dacReferralId: `DAC-annee-${Date.now()}` }).expect(201);
    expect(inbound.body.status).toBe('received');
    expect((await notified(c.coordinator)).map((item) => item.kind)).toContain('referral.received');
    await smtp.waitFor((mail) => mail.to.includes(c.coordinator.email) && mail.body.includes(inbound.body.id), 60_000);
    await post(c.coordinator, `/api/referrals/${inbound.body.id}/status`, {
      to: 'under_review',
      reason: 'Examen à la séance de novembre',
    }).expect(200);
    await post(c.coordinator, `/api/referrals/${inbound.body.id}/status`, { to: 'accepted', reason: 'Situation recevable' }).expect(200);
    const seenByDac = await get(c.dac, `/api/referrals/${inbound.body.id}`).expect(200);
    expect(seenByDac.body.history.map((step: { to: string }) => step.to)).toEqual(['under_review', 'accepted']);

    // December: closing is refused while a préconisation is open; once it is settled, closure also closes the DAC referral.
    await setSessionStatus(t, c, review, 'agenda_published', 'held');
    const refused = await post(c.coordinator, `/api/situations/${situation.id}/transitions`, { to: 'closed', outcome: 'resolved' }).expect(
      409,
    );
    expect(refused.body.rule).toBe('preconisations-soldees-avant-cloture');
    await t
      .http()
      .patch(`/api/recommendations/${cmp}`)
      .set(bearer(c.coordinator))
      .send({ status: 'done', note: 'Suivi au CMP en place' })
      .expect(200);
    await post(c.coordinator, `/api/situations/${situation.id}/transitions`, { to: 'closed', outcome: 'resolved' }).expect(200);
    expect(await status(situation.id)).toBe('closed');
    const closedReferral = await get(c.dac, `/api/referrals/${referral.body.id}`).expect(200);
    expect(closedReferral.body.status).toBe('closed');

    // Every step is in the situation's history, in order, each with its author.
    const final = (await get(c.coordinator, `/api/situations/${situation.id}`).expect(200)).body.history as {
      to: string;
      actorUserId: string | null;
    }[];
    expect(final.map((step) => step.to)).toEqual(
      expect.arrayContaining(['admissible', 'scheduled', 'in_preparation', 'scheduled', 'follow_up', 'scheduled', 'closed']),
    );
    expect(final.every((step) => typeof step.actorUserId === 'string')).toBe(true);

    // No e-mail of the year carries anything of the person: not a name, not a birth date.
    expect(smtp.received.length).toBeGreaterThanOrEqual(4);
    const personal = [
      person.identity.birthName,
      person.identity.usedName,
      person.identity.firstNames.split(' ')[0],
      person.identity.birthDate,
      '21/03/1984',
    ];
    for (const mail of smtp.received) {
      for (const value of personal)
        expect({ subject: mail.subject, leaks: `${mail.subject}\n${mail.body}`.includes(String(value)) }).toEqual({
          subject: mail.subject,
          leaks: false,
        });
    }
  });
});
