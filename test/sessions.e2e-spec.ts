import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dateIn, inDays } from './support/commission.js';
import { bearer, createSituation, giveConsent, moveTo } from './support/situations.js';
import { createAdmin, createUser, ManualClock, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

interface Cast {
  admin: TestUser;
  coordinator: TestUser;
  referrer: TestUser;
  nurse: TestUser;
  housing: TestUser;
  refusedMember: TestUser;
  substitute: TestUser;
  invitee: TestUser;
  outsider: TestUser;
  refusedOrganization: string;
  referrerOrganization: string;
  members: Record<'nurse' | 'housing' | 'refusedMember' | 'substitute', string>;
}

/** The commission: three permanent members (one from a structure the person will refuse), a substitute. */
async function cast(t: TestApp): Promise<Cast> {
  const admin = await createAdmin(t);
  const organization = async (kind: string) =>
    (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique(kind), kind })
        .expect(201)
    ).body.id as string;
  const referrerOrganization = await organization('ccas');
  const refusedOrganization = await organization('municipal_social_service');
  const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
  const referrer = await createUser(t, admin, { roles: ['referrer'], organizationId: referrerOrganization });
  const nurse = await createUser(t, admin, {
    roles: ['member'],
    organizationId: await organization('psychiatry_sector'),
    professionalCategory: 'nurse',
  });
  const housing = await createUser(t, admin, {
    roles: ['member'],
    organizationId: await organization('housing_provider'),
    professionalCategory: 'housing_officer',
  });
  const refusedMember = await createUser(t, admin, {
    roles: ['member'],
    organizationId: refusedOrganization,
    professionalCategory: 'social_worker',
  });
  const substitute = await createUser(t, admin, {
    roles: ['member'],
    organizationId: await organization('housing_provider'),
    professionalCategory: 'housing_officer',
  });
  const invitee = await createUser(t, admin, {
    roles: ['referrer'],
    organizationId: await organization('other'),
    professionalCategory: 'psychologist',
  });
  const outsider = await createUser(t, admin, { roles: ['member'], professionalCategory: 'physician' });
  const addMember = async (user: TestUser, kind: string, substituteFor?: string) =>
    (await t.http().post('/api/commission/members').set(bearer(coordinator)).send({ userId: user.id, kind, substituteFor }).expect(201))
      .body.id as string;
  const members = {
    nurse: await addMember(nurse, 'permanent'),
    housing: await addMember(housing, 'permanent'),
    refusedMember: await addMember(refusedMember, 'permanent'),
    substitute: '',
  };
  members.substitute = await addMember(substitute, 'substitute', members.housing);
  return {
    admin,
    coordinator,
    referrer,
    nurse,
    housing,
    refusedMember,
    substitute,
    invitee,
    outsider,
    refusedOrganization,
    referrerOrganization,
    members,
  };
}

/** A situation ready for the agenda: admissible, with consent for review (refusing one structure) and attendance. */
async function readySituation(t: TestApp, c: Cast) {
  const situation = await createSituation(t, c.referrer);
  await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
  await giveConsent(t, c.coordinator, situation.id, { refusedOrganizationIds: [c.refusedOrganization] });
  await giveConsent(t, c.coordinator, situation.id, { purpose: 'attendance' });
  return situation;
}

async function sessionWithItem(t: TestApp, c: Cast, situationId: string, scheduledInDays = 7) {
  const session = await t
    .http()
    .post('/api/sessions')
    .set(bearer(c.coordinator))
    .send({ scheduledAt: inDays(scheduledInDays).toISOString(), location: 'Mairie, salle 2', chairUserId: c.nurse.id })
    .expect(201);
  const withItem = await t
    .http()
    .post(`/api/sessions/${session.body.id}/items`)
    .set(bearer(c.coordinator))
    .send({ situationId, invitedUserIds: [c.invitee.id], personAttends: true, carersAttend: false })
    .expect(201);
  return { sessionId: session.body.id as string, itemId: withItem.body.items[0].id as string };
}

describe('commission sessions', () => {
  let t: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t);
  });
  afterAll(() => t.close());

  const read = (user: TestUser, situationId: string) => t.http().get(`/api/situations/${situationId}`).set(bearer(user));
  /** A session at the CCAS in `days` days, with no chair: its id. */
  const newSession = async (days: number) =>
    (
      await t
        .http()
        .post('/api/sessions')
        .set(bearer(c.coordinator))
        .send({ scheduledAt: inDays(days).toISOString(), location: 'CCAS' })
        .expect(201)
    ).body.id as string;
  /** Adds a situation to a session's agenda (neither the person nor carers attend); the request, to expect its answer. */
  const addItem = (sessionId: string, situationId: string, invitedUserIds: string[] = []) =>
    t
      .http()
      .post(`/api/sessions/${sessionId}/items`)
      .set(bearer(c.coordinator))
      .send({ situationId, invitedUserIds, personAttends: false, carersAttend: false });

  it('runs the full scenario: intake → agenda → publication → review → recommendations → follow-up → closed', async () => {
    const situation = await createSituation(t, c.referrer);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, c.coordinator, situation.id, { refusedOrganizationIds: [c.refusedOrganization] });
    await giveConsent(t, c.coordinator, situation.id, { purpose: 'attendance' });
    await t
      .http()
      .post(`/api/situations/${situation.id}/transitions`)
      .set(bearer(c.coordinator))
      .send({ to: 'in_preparation' })
      .expect(200);

    const { sessionId, itemId } = await sessionWithItem(t, c, situation.id);
    expect((await read(c.coordinator, situation.id).expect(200)).body.status).toBe('scheduled');
    // Not published yet: convened members and the invitee see nothing.
    await read(c.nurse, situation.id).expect(404);
    await read(c.invitee, situation.id).expect(404);

    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);
    const asNurse = await read(c.nurse, situation.id).expect(200);
    expect(asNurse.body.health).toBeDefined();
    const asHousing = await read(c.housing, situation.id).expect(200);
    expect(asHousing.body).not.toHaveProperty('health');
    await read(c.invitee, situation.id).expect(200);
    await read(c.refusedMember, situation.id).expect(404);
    const agenda = await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.nurse)).expect(200);
    expect(agenda.body.items.map((item: { id: string }) => item.id)).toEqual([itemId]);
    expect(agenda.body.items[0]).not.toHaveProperty('invitedUserIds');

    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'held' }).expect(200);
    await t
      .http()
      .post(`/api/sessions/${sessionId}/attendance`)
      .set(bearer(c.coordinator))
      .send({
        attendees: [
          { userId: c.nurse.id, as: 'member' },
          { userId: c.invitee.id, as: 'invitee', itemIds: [itemId] },
        ],
        personAttendedItemIds: [itemId],
        carersAttendedItemIds: [],
      })
      .expect(200);

    const outcome = await t
      .http()
      .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
      .set(bearer(c.coordinator))
      .send({
        summary: 'Synthèse : logement à sécuriser, reprise du suivi au CMP.',
        recommendations: [
          { action: 'Solliciter le bailleur pour un plan d’apurement', carrierUserId: c.housing.id, dueDate: dateIn(-2) },
          { action: 'Proposer un rendez-vous au CMP', carrierOrganizationId: c.referrerOrganization, dueDate: dateIn(20) },
        ],
        pilotUserId: c.nurse.id,
        nextReviewDate: dateIn(-1),
        personResponse: { status: 'not_yet_asked' },
      })
      .expect(200);
    expect(outcome.body.items[0].outcome.recommendations).toHaveLength(2);
    expect((await read(c.coordinator, situation.id)).body.status).toBe('reviewed');

    const response = await t
      .http()
      .post(`/api/sessions/${sessionId}/items/${itemId}/person-response`)
      .set(bearer(c.coordinator))
      .send({ status: 'agreed', on: dateIn(0), how: 'Entretien avec la référente' })
      .expect(200);
    expect(response.body.items[0].outcome.personResponse).toEqual({ status: 'agreed', on: dateIn(0), how: 'Entretien avec la référente' });

    await t
      .http()
      .put(`/api/sessions/${sessionId}/minutes`)
      .set(bearer(c.coordinator))
      .send({ items: [{ itemId, text: 'Procès-verbal du point : échanges et décisions.' }] })
      .expect(200);
    const approved = await t.http().post(`/api/sessions/${sessionId}/minutes/approve`).set(bearer(c.nurse)).expect(200);
    expect(approved.body.approvedAt).not.toBeNull();

    const dueReviews = await t.http().get('/api/situations?reviewDue=true&limit=200').set(bearer(c.coordinator)).expect(200);
    expect(dueReviews.body.items.map((item: { id: string }) => item.id)).toContain(situation.id);

    const overdue = await t.http().get('/api/recommendations?status=overdue&limit=200').set(bearer(c.housing)).expect(200);
    const mine = overdue.body.items.find((item: { situationId: string }) => item.situationId === situation.id);
    expect(mine).toMatchObject({
      carrierUserId: c.housing.id,
      overdue: true,
      action: 'Solliciter le bailleur pour un plan d’apurement',
      situationReference: situation.reference,
    });
    await moveTo(t, c.coordinator, situation.id, [{ to: 'follow_up' }]);
    const done = await t
      .http()
      .patch(`/api/recommendations/${mine.id}`)
      .set(bearer(c.housing))
      .send({ status: 'done', note: 'Plan signé le 3 décembre.' })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'done',
      overdue: false,
      note: 'Plan signé le 3 décembre.',
      situationReference: situation.reference,
    });
    // Every préconisation is settled before the closure (the other one is transferred, with a reason).
    const other = outcome.body.items[0].outcome.recommendations.find((item: { id: string }) => item.id !== mine.id);
    expect(other.situationReference).toBe(situation.reference);
    await t
      .http()
      .patch(`/api/recommendations/${other.id}`)
      .set(bearer(c.coordinator))
      .send({ status: 'transferred', note: 'Confié au CMP du secteur.' })
      .expect(200);
    await moveTo(t, c.coordinator, situation.id, [{ to: 'closed', outcome: 'resolved' }]);
    const closed = await read(c.coordinator, situation.id).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closureOutcome: 'resolved' });
    expect(closed.body.history.map((step: { to: string }) => step.to)).toEqual([
      'admissible',
      'in_preparation',
      'scheduled',
      'reviewed',
      'follow_up',
      'closed',
    ]);
  });

  it('a member not convened cannot read any item; an invitee reads only their item; a member of a refused structure cannot read it', async () => {
    const first = await readySituation(t, c);
    const second = await readySituation(t, c);
    const sessionId = await newSession(5);
    await addItem(sessionId, first.id, [c.invitee.id]).expect(201);
    await addItem(sessionId, second.id).expect(201);
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);

    for (const situation of [first, second]) {
      await read(c.outsider, situation.id).expect(404);
      await read(c.refusedMember, situation.id).expect(404);
      await read(c.nurse, situation.id).expect(200);
    }
    await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.outsider)).expect(404);
    await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.refusedMember)).expect(404);
    await read(c.invitee, first.id).expect(200);
    await read(c.invitee, second.id).expect(404);
    const asInvitee = await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.invitee)).expect(200);
    expect(asInvitee.body.items.map((item: { situationId: string }) => item.situationId)).toEqual([first.id]);
    const { rows } = await t.superuser.query(
      `SELECT relation, purpose_type, situation_id FROM cellule.situation_relation WHERE user_id = $1 AND situation_id = ANY($2)`,
      [c.refusedMember.id, [first.id, second.id]],
    );
    expect(rows).toEqual([]);
  });

  it('a substitute standing in is convened instead of the permanent member', async () => {
    const situation = await readySituation(t, c);
    const sessionId = await newSession(5);
    await addItem(sessionId, situation.id).expect(201);
    await t
      .http()
      .post(`/api/sessions/${sessionId}/stand-ins`)
      .set(bearer(c.coordinator))
      .send({ memberId: c.members.housing, substituteMemberId: c.members.substitute })
      .expect(200);
    await t
      .http()
      .post(`/api/sessions/${sessionId}/stand-ins`)
      .set(bearer(c.coordinator))
      .send({ memberId: c.members.nurse, substituteMemberId: c.members.substitute })
      .expect(422);
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);
    await read(c.substitute, situation.id).expect(200);
    await read(c.housing, situation.id).expect(404);
  });

  it('a situation without consent for review cannot be put on an agenda, nor the person attend without consent for attendance', async () => {
    const sessionId = await newSession(5);
    const withoutConsent = await createSituation(t, c.referrer);
    await moveTo(t, c.coordinator, withoutConsent.id, [{ to: 'admissible' }]);
    const refused = await t
      .http()
      .post(`/api/sessions/${sessionId}/items`)
      .set(bearer(c.coordinator))
      .send({ situationId: withoutConsent.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(422);
    expect(refused.body.type).toBe('https://clsm-cellule.fr/problems/consent-required');
    const reviewOnly = await createSituation(t, c.referrer);
    await moveTo(t, c.coordinator, reviewOnly.id, [{ to: 'admissible' }]);
    await giveConsent(t, c.coordinator, reviewOnly.id);
    await t
      .http()
      .post(`/api/sessions/${sessionId}/items`)
      .set(bearer(c.coordinator))
      .send({ situationId: reviewOnly.id, invitedUserIds: [], personAttends: true, carersAttend: false })
      .expect(422);
    const submitted = await createSituation(t, c.referrer);
    await t
      .http()
      .post(`/api/sessions/${sessionId}/items`)
      .set(bearer(c.coordinator))
      .send({ situationId: submitted.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(409);
    for (const id of [withoutConsent.id, reviewOnly.id]) expect((await read(c.coordinator, id)).body.status).toBe('admissible');
  });

  it('minutes and summaries are encrypted at rest, and each attendee reads only the items they had access to', async () => {
    const first = await readySituation(t, c);
    const second = await readySituation(t, c);
    const sessionId = await newSession(1);
    const id = sessionId;
    const added = [];
    for (const situation of [first, second]) {
      added.push(
        (
          await t
            .http()
            .post(`/api/sessions/${id}/items`)
            .set(bearer(c.coordinator))
            .send({
              situationId: situation.id,
              invitedUserIds: situation === first ? [c.invitee.id] : [],
              personAttends: false,
              carersAttend: false,
            })
            .expect(201)
        ).body,
      );
    }
    const [firstItem, secondItem] = added.at(-1).items.map((item: { id: string }) => item.id);
    await t.http().post(`/api/sessions/${id}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);
    await t.http().post(`/api/sessions/${id}/status`).set(bearer(c.coordinator)).send({ to: 'held' }).expect(200);
    await t
      .http()
      .post(`/api/sessions/${id}/attendance`)
      .set(bearer(c.coordinator))
      .send({
        attendees: [
          { userId: c.nurse.id, as: 'member' },
          { userId: c.invitee.id, as: 'invitee', itemIds: [firstItem] },
        ],
        personAttendedItemIds: [],
        carersAttendedItemIds: [],
      })
      .expect(200);
    const summary = `SyntheseSecrete${Date.now()}`;
    const minutes = `ProcesVerbalSecret${Date.now()}`;
    for (const itemId of [firstItem, secondItem]) {
      await t
        .http()
        .put(`/api/sessions/${id}/items/${itemId}/outcome`)
        .set(bearer(c.coordinator))
        .send({
          summary: `${summary} ${itemId}`,
          recommendations: [{ action: `ActionSecrete ${itemId}`, carrierUserId: c.housing.id, dueDate: dateIn(30) }],
          pilotUserId: c.nurse.id,
          personResponse: { status: 'not_yet_asked' },
        })
        .expect(200);
    }
    await t
      .http()
      .put(`/api/sessions/${id}/minutes`)
      .set(bearer(c.coordinator))
      .send({
        items: [
          { itemId: firstItem, text: `${minutes} A` },
          { itemId: secondItem, text: `${minutes} B` },
        ],
      })
      .expect(200);

    const raw = (
      await t.superuser.query(`SELECT o::text AS row FROM cellule.item_outcome o UNION ALL SELECT r::text FROM cellule.recommendation r`)
    ).rows
      .map((row: { row: string }) => row.row)
      .join('\n');
    expect(raw).not.toContain(summary);
    expect(raw).not.toContain(minutes);
    expect(raw).not.toContain('ActionSecrete');

    const asNurse = await t.http().get(`/api/sessions/${id}/minutes`).set(bearer(c.nurse)).expect(200);
    expect(asNurse.body.items.map((item: { text: string }) => item.text)).toEqual([`${minutes} A`, `${minutes} B`]);
    const asInvitee = await t.http().get(`/api/sessions/${id}/minutes`).set(bearer(c.invitee)).expect(200);
    expect(asInvitee.body.items.map((item: { text: string }) => item.text)).toEqual([`${minutes} A`]);
    // Convened but absent: no minutes.
    await t.http().get(`/api/sessions/${id}/minutes`).set(bearer(c.housing)).expect(404);
  });

  it('overdue recommendations appear for their carrier and the coordinator, not for others', async () => {
    const situation = await readySituation(t, c);
    const { sessionId, itemId } = await sessionWithItem(t, c, situation.id, 1);
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'held' }).expect(200);
    const action = `Relancer${Date.now()}`;
    await t
      .http()
      .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
      .set(bearer(c.coordinator))
      .send({
        summary: 'Synthèse',
        recommendations: [{ action, carrierUserId: c.substitute.id, dueDate: dateIn(-5) }],
        pilotUserId: c.nurse.id,
        personResponse: { status: 'not_yet_asked' },
      })
      .expect(200);
    const seen = async (user: TestUser) =>
      (
        (await t.http().get('/api/recommendations?status=overdue&limit=200').set(bearer(user)).expect(200)).body.items as {
          action: string;
        }[]
      ).some((item) => item.action === action);
    expect(await seen(c.substitute)).toBe(true);
    expect(await seen(c.coordinator)).toBe(true);
    expect(await seen(c.nurse)).toBe(true); // the pilot of the situation
    expect(await seen(c.outsider)).toBe(false);
    expect(await seen(c.invitee)).toBe(false);
    expect(await seen(c.housing)).toBe(false);
    const open = await t.http().get('/api/recommendations?status=done').set(bearer(c.substitute)).expect(200);
    expect(open.body.items.some((item: { action: string }) => item.action === action)).toBe(false);
    const recommendation = (
      (await t.http().get('/api/recommendations?status=overdue&limit=200').set(bearer(c.coordinator))).body.items as {
        id: string;
        action: string;
      }[]
    ).find((item) => item.action === action)!;
    await t
      .http()
      .patch(`/api/recommendations/${recommendation.id}`)
      .set(bearer(c.outsider))
      .send({ status: 'done', note: 'x' })
      .expect(404);
  });
});

describe('anomaly report: accesses outside a session window', () => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t);
  });
  afterAll(() => t.close());

  it('lists an access justified by an agenda item before its publication, and not a legitimate one', async () => {
    const situation = await readySituation(t, c);
    const { sessionId, itemId } = await sessionWithItem(t, c, situation.id);
    // A faulty code path granting access before publication, recorded through the real audit service.
    const { AuditService } = await import('../src/audit/audit.service.js');
    await t.app.get(AuditService).record({
      action: 'situation.read',
      resourceType: 'situation',
      resourceId: situation.id,
      situationId: situation.id,
      outcome: 'granted',
      purpose: { type: 'agenda_item', id: itemId },
      actor: { userId: c.nurse.id, role: 'member', organizationId: null },
    });
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.nurse)).expect(200);
    const ethics = await createUser(t, c.admin, { roles: ['ethics'] });
    const report = await t.http().get('/api/audit/anomalies').set(bearer(ethics)).expect(200);
    const flagged = report.body.accessOutsideSessionWindow.filter((row: { situationId: string }) => row.situationId === situation.id);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].actorUserId).toBe(c.nurse.id);
  });
});

describe('the access window after a session', () => {
  let t: TestApp;
  let c: Cast;
  const clock = new ManualClock();

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    c = await cast(t);
  });
  afterAll(() => t.close());

  it('convened members and invitees lose access when the window closes (30 days after the session)', async () => {
    const situation = await readySituation(t, c);
    const { sessionId } = await sessionWithItem(t, c, situation.id, 3);
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to: 'agenda_published' }).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.nurse)).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.invitee)).expect(200);
    clock.advanceDays(3 + 29);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.nurse)).expect(200);
    clock.advanceDays(2);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.nurse)).expect(404);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.invitee)).expect(404);
    await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.nurse)).expect(404);
    // The coordinator and the referrer keep theirs.
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.coordinator)).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.referrer)).expect(200);
  });
});
