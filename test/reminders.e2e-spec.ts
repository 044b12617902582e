import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DailyJobsService, REMINDERS_CRON, REMINDERS_QUEUE, RETENTION_CRON, RETENTION_QUEUE } from '../src/jobs/daily-jobs.service.js';
import { JobQueue } from '../src/jobs/job-queue.service.js';
import { type Commission, commission, dateIn, inDays, reviewed } from './support/commission.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { createFreshDatabase, startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://cellule.test.example';

/**
 * The daily jobs on the PostgreSQL-backed queue, run "as of" a date through their public bodies:
 * reminders of préconisations due within 7 days and overdue, sent once and only once (also by two
 * instances at the same time), and retention. Two instances share a database of their own, so
 * that the job acts on this file's préconisations only.
 */
describe('daily jobs: reminders of préconisations and retention', () => {
  let smtp: TestSmtpServer;
  let a: TestApp;
  let b: TestApp;
  let c: Commission;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const shared = { DATABASE_URL: await createFreshDatabase(), SMTP_URL: smtp.url, PUBLIC_URL, JOBS_SCHEDULE: 'on' };
    a = await startTestApp(shared);
    b = await startTestApp(shared);
    c = await commission(a);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
  });

  /** The first instance, where the fixtures are created. */
  const t = () => a;
  const jobs = (instance: TestApp) => instance.app.get(DailyJobsService);
  /** Recipients of the notifications of `kind` about a situation, sorted. */
  const notified = async (kind: string, situationId: string) =>
    (
      await a.superuser.query(
        `SELECT n.recipient_id, n.message FROM cellule.notification n WHERE n.kind = $1 AND n.link = $2 ORDER BY n.recipient_id, n.message`,
        [kind, `/situations/${situationId}`],
      )
    ).rows as { recipient_id: string; message: string }[];
  /** E-mails queued for a recipient and kind, whatever their state (sent, retrying). */
  const queuedMails = async (kind: string, recipientId: string) =>
    (
      await a.superuser.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-email' AND data->>'kind' = $1 AND data->>'recipientId' = $2`,
        [kind, recipientId],
      )
    ).rows[0].n as number;
  const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
  /** The reminder e-mails about a case, once `count` have arrived (fails after 30 s). */
  const mailsAbout = async (reference: string, count: number) => {
    const matching = () => smtp.received.filter((mail) => mail.subject.includes(reference) && /échéance|retard/.test(mail.subject));
    const deadline = Date.now() + 30_000;
    while (matching().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return matching();
  };

  it('registers both daily schedules in Europe/Paris time', async () => {
    const schedules = await a.app.get(JobQueue).schedules();
    expect(schedules.filter((schedule) => [REMINDERS_QUEUE, RETENTION_QUEUE].includes(schedule.name))).toEqual([
      { name: REMINDERS_QUEUE, cron: REMINDERS_CRON, timezone: 'Europe/Paris' },
      { name: RETENTION_QUEUE, cron: RETENTION_CRON, timezone: 'Europe/Paris' },
    ]);
  });

  it('each reminder is sent once and only once: due within 7 days, then overdue, to the carrier person and the members of the carrier structure, never for a done or abandoned préconisation', async () => {
    const personDue = dateIn(3);
    const structureDue = dateIn(5);
    const { situation } = await reviewed(t(), c, [
      { action: 'Visite à domicile', carrierUserId: c.housing.id, dueDate: personDue },
      { action: 'Relogement', carrierOrganizationId: c.carrierOrganization, dueDate: structureDue },
      { action: 'Déjà faite', carrierUserId: c.housing.id, dueDate: dateIn(2) },
      { action: 'Abandonnée', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(4) },
      { action: 'Plus tard', carrierUserId: c.housing.id, dueDate: dateIn(40) },
    ]);
    // Each préconisation by its due date (the answer lists them by due date, not as given).
    const byDue = new Map(
      (
        await a.superuser.query(`SELECT id, to_char(due_date, 'YYYY-MM-DD') AS due FROM cellule.recommendation WHERE situation_id = $1`, [
          situation.id,
        ])
      ).rows.map((row: { id: string; due: string }) => [row.due, row.id]),
    );
    const [person, structure, done, abandoned, later] = [personDue, structureDue, dateIn(2), dateIn(4), dateIn(40)].map((due) =>
      byDue.get(due)!,
    );
    await a.http().patch(`/api/recommendations/${done}`).set(bearer(c.coordinator)).send({ status: 'done', note: 'Faite' }).expect(200);
    await a
      .http()
      .patch(`/api/recommendations/${abandoned}`)
      .set(bearer(c.coordinator))
      .send({ status: 'abandoned', note: 'Sans objet' })
      .expect(200);

    // Today: both open préconisations falling due within 7 days; the run again the same day sends nothing.
    const first = await jobs(a).remind();
    expect(first.map(({ recommendationId, kind }) => [recommendationId, kind]).sort()).toEqual(
      [
        [person, 'due_soon'],
        [structure, 'due_soon'],
      ].sort(),
    );
    expect(await jobs(a).remind()).toEqual([]);
    expect(await jobs(a).remind(inDays(1))).toEqual([]);
    const dueSoon = await notified('recommendation.due_soon', situation.id);
    expect(dueSoon).toEqual(
      [
        { recipient_id: c.housing.id, message: `Une préconisation que vous suivez arrive à échéance le ${frenchDate(personDue)}.` },
        { recipient_id: c.carrierA.id, message: `Une préconisation que vous suivez arrive à échéance le ${frenchDate(structureDue)}.` },
        { recipient_id: c.carrierB.id, message: `Une préconisation que vous suivez arrive à échéance le ${frenchDate(structureDue)}.` },
      ].sort((x, y) => (x.recipient_id + x.message).localeCompare(y.recipient_id + y.message)),
    );

    // Ten days later both are overdue: one more reminder each, once, however often the job runs.
    const overdue = await jobs(a).remind(inDays(10));
    expect(overdue.map(({ recommendationId, kind }) => [recommendationId, kind]).sort()).toEqual(
      [
        [person, 'overdue'],
        [structure, 'overdue'],
      ].sort(),
    );
    expect(await jobs(a).remind(inDays(11))).toEqual([]);
    expect((await notified('recommendation.overdue', situation.id)).map((row) => row.recipient_id).sort()).toEqual(
      [c.housing.id, c.carrierA.id, c.carrierB.id].sort(),
    );

    // Months later: still nothing more, and nothing ever for the done, abandoned or (still open) later ones but once.
    const final = await jobs(a).remind(inDays(60));
    expect(final.map(({ recommendationId, kind }) => [recommendationId, kind])).toEqual([[later, 'overdue']]);
    const keys = await a.superuser.query(
      `SELECT recommendation_id, kind FROM cellule.recommendation_reminder WHERE recommendation_id = ANY($1) ORDER BY 1, 2`,
      [[done, abandoned]],
    );
    expect(keys.rows).toEqual([]);

    // E-mails: one per person and kind (two overdue for the carrier of two), never more.
    const reminderMails = await mailsAbout(situation.reference, 7);
    expect(reminderMails.map((candidate) => candidate.to.join()).sort()).toEqual(
      [c.housing, c.carrierA, c.carrierB, c.housing, c.carrierA, c.carrierB, c.housing].map((user) => user.email).sort(),
    );
    for (const user of [c.housing, c.carrierA, c.carrierB]) {
      expect(await queuedMails('recommendation.due_soon', user.id)).toBe(1);
      expect(await queuedMails('recommendation.overdue', user.id)).toBe(user === c.housing ? 2 : 1);
    }
    const mail = reminderMails.find((candidate) => candidate.to.includes(c.carrierA.email) && candidate.subject.includes('retard'))!;
    expect(mail.subject).toBe(`[CLSM] Préconisation en retard (${situation.reference})`);
    expect(mail.body).toContain(`Une préconisation que vous suivez a dépassé son échéance du ${frenchDate(structureDue)}`);
    expect(mail.body).toContain(`${PUBLIC_URL}/situations/${situation.id}`);
    const identity = (await a.http().get(`/api/situations/${situation.id}`).set(bearer(c.coordinator)).expect(200)).body.identity as {
      birthName: string;
      usedName: string;
      firstNames: string;
    };
    for (const candidate of reminderMails) {
      for (const value of [identity.birthName, identity.usedName, identity.firstNames.split(' ')[0], 'Visite à domicile', 'Relogement']) {
        expect(candidate.raw + candidate.body + candidate.subject).not.toContain(value);
      }
    }
  }, 120_000);

  it('two instances running the job at the same time send each reminder exactly once', async () => {
    const { situation, recommendationIds } = await reviewed(t(), c, [
      { action: 'Accompagnement', carrierUserId: c.housing.id, dueDate: dateIn(2) },
      { action: 'Bail glissant', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(6) },
    ]);
    for (const [asOf, kind] of [
      [inDays(0), 'due_soon'],
      [inDays(30), 'overdue'],
    ] as const) {
      const runs = await Promise.all([jobs(a).remind(asOf), jobs(b).remind(asOf), jobs(a).remind(asOf), jobs(b).remind(asOf)]);
      const sent = runs.flat().filter((reminder) => recommendationIds.includes(reminder.recommendationId));
      expect(sent.map((reminder) => reminder.recommendationId).sort()).toEqual([...recommendationIds].sort());
      expect(sent.every((reminder) => reminder.kind === kind)).toBe(true);
      expect((await notified(`recommendation.${kind}`, situation.id)).map((row) => row.recipient_id).sort()).toEqual(
        [c.housing.id, c.carrierA.id, c.carrierB.id].sort(),
      );
    }
    const mails = await mailsAbout(situation.reference, 6);
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual(
      [c.housing.email, c.carrierA.email, c.carrierB.email, c.housing.email, c.carrierA.email, c.carrierB.email].sort(),
    );
    const queued = await a.superuser.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-email' AND data->>'reference' = $1`,
      [situation.reference],
    );
    // Six reminders and the two assignments (the person's, the structure's two members).
    expect(queued.rows[0].n).toBe(6 + 3);
  }, 120_000);

  it('nobody is reminded of a préconisation while its file is restricted; the reminder comes once the restriction is lifted', async () => {
    const { situation, recommendationIds } = await reviewed(t(), c, [
      { action: 'Rendez-vous', carrierUserId: c.housing.id, dueDate: dateIn(3) },
    ]);
    const post = (path: string, body: object) => t().http().post(path).set(bearer(c.coordinator)).send(body).expect(200);
    await post(`/api/situations/${situation.id}/restriction`, { reason: 'La personne conteste l’exactitude des données.' });
    const whileRestricted = await jobs(a).remind(inDays(0));
    expect(whileRestricted.filter((reminder) => recommendationIds.includes(reminder.recommendationId))).toEqual([]);
    expect(await notified('recommendation.due_soon', situation.id)).toEqual([]);
    await post(`/api/situations/${situation.id}/restriction/lift`, { reason: 'Données vérifiées avec la personne.' });
    const afterLift = await jobs(a).remind(inDays(0));
    expect(afterLift.filter((reminder) => recommendationIds.includes(reminder.recommendationId)).map((reminder) => reminder.kind)).toEqual([
      'due_soon',
    ]);
    expect((await notified('recommendation.due_soon', situation.id)).map((row) => row.recipient_id)).toEqual([c.housing.id]);
  }, 60_000);

  it('a job sent to the queue runs the reminders through a worker', async () => {
    const { situation } = await reviewed(t(), c, [{ action: 'Démarches', carrierUserId: c.housing.id, dueDate: dateIn(1) }]);
    await b.app.get(JobQueue).send(REMINDERS_QUEUE, [{}]);
    const deadline = Date.now() + 30_000;
    while ((await notified('recommendation.due_soon', situation.id)).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await notified('recommendation.due_soon', situation.id)).map((row) => row.recipient_id)).toEqual([c.housing.id]);
  }, 60_000);

  it('the retention job destroys a situation once its period has run out, as of the day it runs', async () => {
    const situation = await createSituation(a, c.referrer, intakeBody());
    await moveTo(a, c.coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(a, c.coordinator, situation.id);
    await a
      .http()
      .post(`/api/situations/${situation.id}/transitions`)
      .set(bearer(c.coordinator))
      .send({ to: 'closed', outcome: 'resolved', reason: 'Situation résolue' })
      .expect(200);

    expect(await jobs(a).applyRetention()).not.toContain(situation.id);
    await a.http().get(`/api/situations/${situation.id}`).set(bearer(c.coordinator)).expect(200);

    expect(await jobs(b).applyRetention(inDays(731))).toContain(situation.id);
    const key = await a.superuser.query('SELECT wrapped_dek, destroyed_at FROM cellule.situation_key WHERE situation_id = $1', [
      situation.id,
    ]);
    expect(key.rows[0].wrapped_dek).toBeNull();
    expect(key.rows[0].destroyed_at).not.toBeNull();
    await a.http().get(`/api/situations/${situation.id}`).set(bearer(c.coordinator)).expect(410);
    const audit = await a.superuser.query(
      `SELECT outcome, purpose_type FROM audit.event WHERE action = 'situation.destroy' AND situation_id = $1`,
      [situation.id],
    );
    expect(audit.rows).toEqual([{ outcome: 'granted', purpose_type: 'retention' }]);
  }, 60_000);
});
