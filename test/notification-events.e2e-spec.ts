import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Commission, commission, dateIn, readySituation, reviewed } from './support/commission.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createFreshDatabase, createUser, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://cellule.test.example';

/**
 * The events wired to notifications besides invitations and assignments to a person: each tells
 * the right people, in the console and by e-mail, and nobody else. The application has a database
 * of its own, so that "every coordinator" and "the ethics committee" are this file's.
 */
describe('notification events', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let c: Commission;
  /** Identity values of every situation of this file: no e-mail may carry one. */
  const personal: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ DATABASE_URL: await createFreshDatabase(), SMTP_URL: smtp.url, PUBLIC_URL });
    c = await commission(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Who received notifications of `kind` with `link`, and what they read. */
  const notified = async (kind: string, link: string) =>
    (
      await t.superuser.query(
        `SELECT recipient_id, message, reference FROM cellule.notification WHERE kind = $1 AND link = $2 ORDER BY recipient_id, created_at`,
        [kind, link],
      )
    ).rows as {
      recipient_id: string;
      message: string;
      reference: string | null;
    }[];
  const remember = async (situationId: string) => {
    const identity = (await t.http().get(`/api/situations/${situationId}`).set(bearer(c.coordinator)).expect(200)).body.identity as {
      birthName: string;
      usedName: string;
      firstNames: string;
    };
    personal.push(identity.birthName, identity.usedName, identity.firstNames.split(' ')[0]);
  };
  const expectNothingPersonal = (mail: ReceivedMail) => {
    for (const value of personal) expect(mail.raw + mail.body + mail.subject).not.toContain(value);
  };
  const sorted = (ids: string[]) => [...ids].sort();

  it('a préconisation given to a structure tells the members of that structure, and nobody else', async () => {
    const { situation, recommendationIds } = await reviewed(t, c, [
      { action: 'Relogement accompagné', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(20) },
    ]);
    await remember(situation.id);
    expect(recommendationIds).toHaveLength(1);
    const rows = await notified('recommendation.assigned_to_structure', `/situations/${situation.id}`);
    expect(sorted(rows.map((row) => row.recipient_id))).toEqual(sorted([c.carrierA.id, c.carrierB.id]));
    expect(rows[0].message).toBe(
      `Une préconisation est confiée à votre structure, à échéance du ${dateIn(20).split('-').reverse().join('/')}.`,
    );
    expect(rows[0].reference).toBe(situation.reference);
    // Nobody else was told of an assignment on this situation.
    const all = await t.superuser.query(
      `SELECT DISTINCT recipient_id FROM cellule.notification WHERE kind LIKE 'recommendation.%' AND link = $1`,
      [`/situations/${situation.id}`],
    );
    expect(sorted(all.rows.map((row: { recipient_id: string }) => row.recipient_id))).toEqual(sorted([c.carrierA.id, c.carrierB.id]));
    for (const user of [c.carrierA, c.carrierB]) {
      const mail = await smtp.waitFor(
        (candidate) =>
          candidate.to.includes(user.email) &&
          candidate.subject === `[CLSM] Une préconisation est confiée à votre structure (${situation.reference})`,
      );
      expect(mail.body).toContain(`${PUBLIC_URL}/situations/${situation.id}`);
      expect(mail.body).not.toContain('Relogement accompagné');
      expectNothingPersonal(mail);
    }
  });

  it('a préconisation corrected to be carried by a structure tells the members of that structure, and not the former carrier', async () => {
    const {
      situation,
      recommendationIds: [id],
    } = await reviewed(t, c, [{ action: 'Action initiale', carrierUserId: c.invitee.id, dueDate: dateIn(12) }]);
    await remember(situation.id);
    await t
      .http()
      .post(`/api/recommendations/${id}/corrections`)
      .set(bearer(c.coordinator))
      .send({ carrierOrganizationId: c.carrierOrganization, reason: 'Portée par la structure' })
      .expect(201);
    const rows = await notified('recommendation.assigned_to_structure', `/situations/${situation.id}`);
    expect(sorted(rows.map((row) => row.recipient_id))).toEqual(sorted([c.carrierA.id, c.carrierB.id]));
    expect((await notified('recommendation.assigned', `/situations/${situation.id}`)).map((row) => row.recipient_id)).toEqual([
      c.invitee.id,
    ]);
    // A later correction of the due date alone tells nobody again.
    await t
      .http()
      .post(`/api/recommendations/${id}/corrections`)
      .set(bearer(c.coordinator))
      .send({ dueDate: dateIn(30), reason: 'Délai supplémentaire' })
      .expect(201);
    expect(await notified('recommendation.assigned_to_structure', `/situations/${situation.id}`)).toHaveLength(2);
  });

  it("minutes awaiting approval tell the session's chair, once, and nobody else", async () => {
    const { situation, sessionId, itemId } = await reviewed(t, c, [], { chair: c.nurse });
    await remember(situation.id);
    await t
      .http()
      .put(`/api/sessions/${sessionId}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Échanges de la séance.' }] })
      .expect(200);
    await t
      .http()
      .put(`/api/sessions/${sessionId}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Échanges de la séance, relus.' }] })
      .expect(200);
    const rows = await notified('minutes.awaiting_approval', `/seances/${sessionId}`);
    expect(rows.map((row) => row.recipient_id)).toEqual([c.nurse.id]);
    expect(rows[0].message).toMatch(/^Le procès-verbal de la séance du \d{2}\/\d{2}\/\d{4} attend votre approbation\.$/);
    const mail = await smtp.waitFor(
      (candidate) => candidate.to.includes(c.nurse.email) && candidate.subject === '[CLSM] Procès-verbal à approuver',
    );
    expect(mail.body).toContain(`${PUBLIC_URL}/seances/${sessionId}`);
    expect(mail.body).not.toContain('Échanges de la séance');
    expectNothingPersonal(mail);
    await t.http().post(`/api/sessions/${sessionId}/minutes/approve`).set(bearer(c.nurse)).send({}).expect(200);
  });

  it("each step of a DAC referral is told to the other side: the DAC's steps to the coordinators, the commission's to the DAC (without the case reference)", async () => {
    const situation = await createSituation(t, c.referrer, intakeBody());
    await remember(situation.id);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, c.coordinator, situation.id, { purpose: 'dac_transmission' });
    const created = await t
      .http()
      .post('/api/referrals')
      .set(bearer(c.coordinator))
      .send({
        situationId: situation.id,
        dacOrganizationId: c.dacOrganization,
        reason: 'Coordination des soins',
        summaryForDac: 'Besoin de coordination',
      })
      .expect(201);
    const id = created.body.id as string;
    const step = (user: typeof c.dac, to: string) =>
      t.http().post(`/api/referrals/${id}/status`).set(bearer(user)).send({ to }).expect(200);
    await step(c.coordinator, 'sent');
    await step(c.dac, 'acknowledged');
    await step(c.dac, 'accepted');
    await step(c.coordinator, 'closed');
    const rows = await notified('referral.status_changed', `/orientations/${id}`);
    expect(rows).toEqual([
      ...[
        {
          recipient_id: c.coordinator.id,
          message: "L'orientation adressée par le CLSM au DAC est désormais « reçue par le DAC ».",
          reference: situation.reference,
        },
        {
          recipient_id: c.coordinator.id,
          message: "L'orientation adressée par le CLSM au DAC est désormais « acceptée ».",
          reference: situation.reference,
        },
        { recipient_id: c.dac.id, message: "L'orientation adressée par le CLSM au DAC est désormais « clôturée ».", reference: null },
      ].sort((x, y) => x.recipient_id.localeCompare(y.recipient_id)),
    ]);
    const toDac = await smtp.waitFor(
      (mail) => mail.to.includes(c.dac.email) && mail.subject === '[CLSM] Une orientation a changé de statut',
    );
    expect(toDac.body).toContain(`${PUBLIC_URL}/orientations/${id}`);
    expect(toDac.raw + toDac.body).not.toContain(situation.reference);
    const toCoordination = await smtp.waitFor(
      (mail) =>
        mail.to.includes(c.coordinator.email) && mail.subject === `[CLSM] Une orientation a changé de statut (${situation.reference})`,
    );
    for (const mail of [toDac, toCoordination]) expectNothingPersonal(mail);

    // A referral the commission receives: its acknowledgement is told to the DAC only.
    const inbound = await t
      .http()
      .post('/api/referrals/inbound')
      .set(bearer(c.dac))
      .send({ ...intakeBody(), dacReferralId: `DAC-evenements-${Date.now()}` })
      .expect(201);
    await t
      .http()
      .post(`/api/referrals/${inbound.body.id}/status`)
      .set(bearer(c.coordinator))
      .send({ to: 'under_review', reason: 'Examen à la prochaine séance' })
      .expect(200);
    expect(await notified('referral.status_changed', `/orientations/${inbound.body.id}`)).toEqual([
      { recipient_id: c.dac.id, message: "La saisine adressée par le DAC au CLSM est désormais « en cours d'examen ».", reference: null },
    ]);

    // Closing a situation withdraws its referral still running, and tells the DAC.
    const closing = await readySituation(t, c);
    await remember(closing.id);
    const running = await t
      .http()
      .post('/api/referrals')
      .set(bearer(c.coordinator))
      .send({ situationId: closing.id, dacOrganizationId: c.dacOrganization, reason: 'Coordination', summaryForDac: 'Coordination' })
      .expect(201);
    await t.http().post(`/api/referrals/${running.body.id}/status`).set(bearer(c.coordinator)).send({ to: 'sent' }).expect(200);
    await t
      .http()
      .post(`/api/situations/${closing.id}/transitions`)
      .set(bearer(c.coordinator))
      .send({ to: 'closed', outcome: 'resolved', reason: 'Situation résolue' })
      .expect(200);
    expect(await notified('referral.status_changed', `/orientations/${running.body.id}`)).toEqual([
      { recipient_id: c.dac.id, message: "L'orientation adressée par le CLSM au DAC est désormais « retirée ».", reference: null },
    ]);
  });

  it("an access change awaiting approval tells the ethics committee's members, but not its subject or author, nor anyone else", async () => {
    const member = await createUser(t, c.admin, { roles: ['ethics'] });
    const idle = async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const waiting = await t.superuser.query(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'access-change-pending' AND state IN ('created', 'retry', 'active')`,
        );
        if (waiting.rows[0].n === 0 || Date.now() > deadline) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await idle();
    const before = new Date();
    const subject = await createUser(t, c.admin, { roles: ['member'], approve: false });
    const [change] = (await t.superuser.query(`SELECT id FROM clsm.access_change WHERE user_id = $1 AND status = 'pending'`, [subject.id]))
      .rows as { id: string }[];
    expect(change).toBeDefined();
    const deadline = Date.now() + 30_000;
    while (
      (await t.superuser.query('SELECT 1 FROM cellule.access_change_notice WHERE access_change_id = $1', [change.id])).rows.length === 0 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const rows = (
      await t.superuser.query(
        `SELECT recipient_id, message, link FROM cellule.notification WHERE kind = 'access_change.pending' AND created_at >= $1`,
        [before],
      )
    ).rows as {
      recipient_id: string;
      message: string;
      link: string;
    }[];
    const committee = (await t.superuser.query(`SELECT id FROM clsm.user_account WHERE active AND 'ethics' = ANY (roles)`)).rows.map(
      (row: { id: string }) => row.id,
    );
    expect(committee).toContain(member.id);
    expect(sorted(rows.map((row) => row.recipient_id))).toEqual(sorted(committee));
    expect(rows.map((row) => row.recipient_id)).not.toContain(subject.id);
    expect(rows.map((row) => row.recipient_id)).not.toContain(c.admin.id);
    expect(rows[0]).toMatchObject({
      message: "Une modification de droits d'accès attend l'approbation du comité d'éthique.",
      link: '/comite-ethique',
    });
    const mail = await smtp.waitFor(
      (candidate) => candidate.to.includes(member.email) && candidate.subject === "[CLSM] Modification de droits d'accès à approuver",
    );
    expect(mail.body).toContain(`${PUBLIC_URL}/comite-ethique`);
    expect(mail.body).not.toContain(subject.email);
    // Approved, the change is no longer announced to anyone (a retried job tells nobody twice).
    await t.http().post(`/api/access-changes/${change.id}/approve`).set(bearer(member)).send({}).expect(200);
  }, 90_000);

  it('no e-mail sent in this file carries the name of a person concerned', () => {
    expect(personal.length).toBeGreaterThan(0);
    expect(smtp.received.length).toBeGreaterThan(5);
    for (const mail of smtp.received) expectNothingPersonal(mail);
  });
});
