import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addItem, type Commission, commission, dateIn, newSession, readySituation, reviewed } from './support/commission.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createFreshDatabase, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://cellule.test.example';

describe('notification e-mails through SMTP, sent from the job queue', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let c: Commission;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    // A database of its own: its job queue holds only this file's e-mails (the shared one may still
    // hold other files' e-mails, which this instance's workers would deliver first).
    t = await startTestApp({
      DATABASE_URL: await createFreshDatabase(),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'CLSM cellule <cellule@clsm.test.example>',
      PUBLIC_URL,
    });
    c = await commission(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Values of the person that no e-mail may carry. */
  const personal = (body: ReturnType<typeof intakeBody>) => [
    body.identity.birthName,
    body.identity.usedName,
    body.identity.firstNames.split(' ')[0],
    '1984',
    '21/03',
    'Traitement',
    'Recit',
  ];

  it('an invitee receives a French e-mail with the case reference, a link and an iCalendar request, and nothing about the person', async () => {
    const body = intakeBody();
    const situation = await createSituation(t, c.referrer, body);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, c.coordinator, situation.id);
    const sessionId = await newSession(t, c, { inDays: 9 });
    const itemId = await addItem(t, c, sessionId, situation.id, [c.invitee.id]);
    const session = (await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.coordinator)).expect(200)).body as {
      scheduledAt: string;
    };

    const mail = await smtp.waitFor((candidate) => candidate.to.includes(c.invitee.email) && candidate.body.includes(sessionId));
    expect(mail.to).toEqual([c.invitee.email]);
    expect(mail.from).toBe('cellule@clsm.test.example');
    expect(mail.subject).toBe(`[CLSM] Invitation à une séance de la commission (${situation.reference})`);
    expect(mail.body).toContain("Vous êtes invité(e) à l'examen d'une situation lors de la séance du");
    expect(mail.body).toContain(`Référence du dossier : ${situation.reference}`);
    expect(mail.body).toContain(`${PUBLIC_URL}/seances/${sessionId}`);
    expect(mail.body).toContain('METHOD:REQUEST');
    expect(mail.body).toContain(`UID:${itemId}@clsm-cellule`);
    const start = new Date(session.scheduledAt)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}Z$/, 'Z');
    expect(mail.body).toContain(`DTSTART:${start}`);
    expect(mail.body).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail.body).toContain('SUMMARY:Séance de la commission cas complexes (CLSM)');
    for (const value of personal(body)) expect(mail.raw + mail.body + mail.subject).not.toContain(value);
    // Only the invitee: nobody else was sent this invitation.
    expect(
      smtp.received.filter((candidate) => candidate.body.includes(`/seances/${sessionId}`)).flatMap((candidate) => candidate.to),
    ).toEqual([c.invitee.email]);
  });

  it('the carrier of a préconisation and the DAC of a sent referral are written to, without the content of the case', async () => {
    const { situation } = await reviewed(t, c, [
      { action: 'ActionConfidentielle au domicile', carrierUserId: c.carrierA.id, dueDate: dateIn(15) },
    ]);
    const assigned = await smtp.waitFor(
      (candidate) => candidate.to.includes(c.carrierA.email) && candidate.subject.includes(situation.reference),
    );
    expect(assigned.subject).toBe(`[CLSM] Une préconisation vous est confiée (${situation.reference})`);
    expect(assigned.body).toContain(`${PUBLIC_URL}/situations/${situation.id}`);
    expect(assigned.body).not.toContain('ActionConfidentielle');
    expect(assigned.body).not.toContain('BEGIN:VCALENDAR');

    const ready = await readySituation(t, c);
    const referral = await t
      .http()
      .post('/api/referrals')
      .set(bearer(c.coordinator))
      .send({ situationId: ready.id, dacOrganizationId: c.dacOrganization, reason: 'MotifSecret', summaryForDac: 'ResumeSecret' })
      .expect(201);
    await t.http().post(`/api/referrals/${referral.body.id}/status`).set(bearer(c.coordinator)).send({ to: 'sent' }).expect(200);
    const sent = await smtp.waitFor((candidate) => candidate.to.includes(c.dac.email) && candidate.body.includes(referral.body.id));
    expect(sent.subject).toBe('[CLSM] Orientation adressée par le CLSM');
    expect(sent.body).toContain('Le CLSM vous adresse une orientation.');
    expect(sent.body).not.toMatch(/MotifSecret|ResumeSecret/);
  });

  it('a refused delivery does not fail the request: the queue retries it until the server accepts', async () => {
    smtp.refuseNext(1);
    const situation = await readySituation(t, c);
    const sessionId = await newSession(t, c, { inDays: 11 });
    await addItem(t, c, sessionId, situation.id, [c.housing.id]);
    const mail = await smtp.waitFor((candidate) => candidate.to.includes(c.housing.email) && candidate.body.includes(sessionId), 60_000);
    expect(mail.subject).toContain(situation.reference);
    expect(smtp.received.filter((candidate) => candidate.body.includes(`/seances/${sessionId}`))).toHaveLength(1);
  });
});
