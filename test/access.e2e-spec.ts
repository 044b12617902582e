import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response, Test as SupertestRequest } from 'supertest';
import { concretePath, listRoutes } from './support/routes.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, login, startTestApp, TEST_PASSWORD, TestApp, TestUser, unique } from './support/test-app.js';

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

const PERSONAS = [
  'coordinator',
  'referrer',
  'pilot',
  'memberWithoutRelation',
  'otherReferrer',
  'admin',
  'ethics',
  'charterNotAccepted',
  'dac',
] as const;
type Persona = (typeof PERSONAS)[number];
type Expectations = Record<Persona, number>;

/** A situation with everything the routes need: admissible, consent for review, a pilot, a document. */
interface Fixture {
  situationId: string;
  documentId: string;
  consentId: string;
  /** A published session whose agenda holds the situation. */
  sessionId: string;
  itemId: string;
  /** A referral of the situation, sent to the DAC persona's DAC. */
  referralId: string;
}

const all = (status: number): Expectations => Object.fromEntries(PERSONAS.map((persona) => [persona, status])) as Expectations;
const only = (statuses: Partial<Expectations>, otherwise: number): Expectations => ({ ...all(otherwise), ...statuses });

describe('authorization matrix: every route × role × relation', () => {
  let t: TestApp;
  let users: Record<Persona, TestUser>;
  let pilotId: string;
  let pilotMemberId: string;
  let dacOrganizationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    const coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    const pilot = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    const ethics = await createUser(t, admin, { roles: ['ethics'] });
    // The admin accepts the charter too: the matrix shows that roles, not the charter, keep them out.
    await t
      .http()
      .post('/api/ethics/charter/accept')
      .set(bearer(admin))
      .send({ version: (await t.http().get('/api/ethics/charter').set(bearer(admin))).body.version })
      .expect(200);
    users = {
      coordinator,
      referrer,
      pilot,
      memberWithoutRelation: await createUser(t, admin, { roles: ['member'] }),
      otherReferrer: await createUser(t, admin, { roles: ['referrer'] }),
      admin,
      ethics,
      charterNotAccepted: await createUser(t, admin, { roles: ['referrer', 'member'], acceptCharter: false }),
      dac: undefined as unknown as TestUser,
    };
    dacOrganizationId = (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique('DAC'), kind: 'dac' })
        .expect(201)
    ).body.id;
    users.dac = await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganizationId, professionalCategory: 'nurse' });
    pilotId = pilot.id;
    pilotMemberId = (
      await t.http().post('/api/commission/members').set(bearer(coordinator)).send({ userId: pilot.id, kind: 'permanent' }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  /** Situations are created by `creator`: the referrer, or the charter-less referrer for that persona. */
  const fixture = async (creator: TestUser): Promise<Fixture> => {
    const body = intakeBody();
    // The charter-less persona cannot create; the coordinator creates on their behalf, then the row names them referrer.
    const situation = await createSituation(t, creator === users.charterNotAccepted ? users.referrer : creator, body);
    if (creator === users.charterNotAccepted) {
      await t.superuser.query('UPDATE cellule.situation SET referrer_user_id = $1 WHERE id = $2', [creator.id, situation.id]);
    }
    await moveTo(t, users.coordinator, situation.id, [{ to: 'admissible' }]);
    const consent = await giveConsent(t, users.coordinator, situation.id);
    await t.http().post(`/api/situations/${situation.id}/pilot`).set(bearer(users.coordinator)).send({ userId: pilotId }).expect(200);
    const document = await t
      .http()
      .post(`/api/situations/${situation.id}/documents`)
      .set(bearer(users.coordinator))
      .attach('file', pdf(), 'f.pdf')
      .expect(201);
    // Another situation of the same referrer on a published agenda, for the session routes.
    const scheduled = await createSituation(t, users.referrer);
    await moveTo(t, users.coordinator, scheduled.id, [{ to: 'admissible' }]);
    await giveConsent(t, users.coordinator, scheduled.id);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(users.coordinator))
      .send({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), location: 'Salle 1' })
      .expect(201);
    const withItem = await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(users.coordinator))
      .send({ situationId: scheduled.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    await t
      .http()
      .post(`/api/sessions/${session.body.id}/status`)
      .set(bearer(users.coordinator))
      .send({ to: 'agenda_published' })
      .expect(200);
    await giveConsent(t, users.coordinator, situation.id, { purpose: 'dac_transmission' });
    const referral = await t
      .http()
      .post('/api/referrals')
      .set(bearer(users.coordinator))
      .send({ situationId: situation.id, dacOrganizationId, reason: 'Motif', summaryForDac: 'Résumé' })
      .expect(201);
    await t.http().post(`/api/referrals/${referral.body.id}/status`).set(bearer(users.coordinator)).send({ to: 'sent' }).expect(200);
    return {
      situationId: situation.id,
      documentId: document.body.id,
      consentId: consent.id,
      sessionId: session.body.id,
      itemId: withItem.body.items[0].id,
      referralId: referral.body.id,
    };
  };

  /** An open recommendation carried by the pilot persona, on a situation the pilot follows. */
  const recommendationFor = async (): Promise<string> => {
    const situation = await createSituation(t, users.referrer);
    await moveTo(t, users.coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, users.coordinator, situation.id);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(users.coordinator))
      .send({ scheduledAt: new Date().toISOString(), location: 'Salle 1' })
      .expect(201);
    const withItem = await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(users.coordinator))
      .send({ situationId: situation.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    for (const to of ['agenda_published', 'held'])
      await t.http().post(`/api/sessions/${session.body.id}/status`).set(bearer(users.coordinator)).send({ to }).expect(200);
    const outcome = await t
      .http()
      .put(`/api/sessions/${session.body.id}/items/${withItem.body.items[0].id}/outcome`)
      .set(bearer(users.coordinator))
      .send({
        summary: 'Synthèse',
        recommendations: [{ action: 'Action', carrierUserId: pilotId, dueDate: '2030-01-01' }],
        pilotUserId: pilotId,
        personResponse: { status: 'not_yet_asked' },
      })
      .expect(200);
    return outcome.body.items[0].outcome.recommendations[0].id;
  };

  /** What each route expects from each persona, and a valid request to make. */
  const MATRIX: Record<
    string,
    { expect: Expectations; request: (persona: Persona, fixture: Fixture) => Promise<Response> | SupertestRequest }
  > = {};
  const as = (persona: Persona, request: SupertestRequest) => request.set(bearer(users[persona]));
  const situationRoute = (key: string, expect: Expectations, request: (persona: Persona, fixture: Fixture) => SupertestRequest) => {
    MATRIX[key] = { expect, request };
  };
  const readers = only({ coordinator: 200, referrer: 200, pilot: 200, charterNotAccepted: 403 }, 404);

  situationRoute(
    'POST /api/situations',
    only({ coordinator: 201, referrer: 201, pilot: 201, memberWithoutRelation: 201, otherReferrer: 201, charterNotAccepted: 403 }, 404),
    (persona) => as(persona, t.http().post('/api/situations').send(intakeBody())),
  );
  situationRoute('GET /api/situations', only({ admin: 404, ethics: 404, charterNotAccepted: 403, dac: 404 }, 200), (persona) =>
    as(persona, t.http().get('/api/situations')),
  );
  situationRoute('GET /api/situations/:id', readers, (persona, f) => as(persona, t.http().get(`/api/situations/${f.situationId}`)));
  situationRoute(
    'PATCH /api/situations/:id',
    only({ coordinator: 200, referrer: 200, pilot: 403, charterNotAccepted: 403 }, 404),
    (persona, f) =>
      as(
        persona,
        t
          .http()
          .patch(`/api/situations/${f.situationId}`)
          .send({ problemAreas: ['family'] }),
      ),
  );
  situationRoute('POST /api/situations/:id/transitions', only({ coordinator: 200 }, 404), (persona, f) =>
    as(persona, t.http().post(`/api/situations/${f.situationId}/transitions`).send({ to: 'in_preparation' })),
  );
  situationRoute('POST /api/situations/:id/pilot', only({ coordinator: 200 }, 404), (persona, f) =>
    as(persona, t.http().post(`/api/situations/${f.situationId}/pilot`).send({ userId: pilotId })),
  );
  // The person's objection and restriction of processing: recorded by the coordination only.
  situationRoute('POST /api/situations/:id/objection', only({ coordinator: 200 }, 404), (persona, f) =>
    as(persona, t.http().post(`/api/situations/${f.situationId}/objection`).send({ reason: 'Opposition de la personne' })),
  );
  situationRoute('POST /api/situations/:id/restriction', only({ coordinator: 200 }, 404), (persona, f) =>
    as(persona, t.http().post(`/api/situations/${f.situationId}/restriction`).send({ reason: 'Limitation demandée' })),
  );
  // No restriction holds on the fixture: the coordinator is told there is nothing to lift (409).
  situationRoute('POST /api/situations/:id/restriction/lift', only({ coordinator: 409 }, 404), (persona, f) =>
    as(persona, t.http().post(`/api/situations/${f.situationId}/restriction/lift`).send({ reason: 'Vérification faite' })),
  );
  situationRoute(
    'POST /api/situations/:id/documents',
    only({ coordinator: 201, referrer: 201, pilot: 201, charterNotAccepted: 403 }, 404),
    (persona, f) => as(persona, t.http().post(`/api/situations/${f.situationId}/documents`).attach('file', pdf(), 'g.pdf')),
  );
  situationRoute('GET /api/situations/:id/documents', readers, (persona, f) =>
    as(persona, t.http().get(`/api/situations/${f.situationId}/documents`)),
  );
  situationRoute('GET /api/situations/:id/documents/:documentId', readers, (persona, f) =>
    as(persona, t.http().get(`/api/situations/${f.situationId}/documents/${f.documentId}`)),
  );
  situationRoute('GET /api/situations/:id/subject-access', only({ coordinator: 200 }, 404), (persona, f) =>
    as(persona, t.http().get(`/api/situations/${f.situationId}/subject-access`)),
  );
  const consentBody = {
    purpose: 'attendance',
    decision: 'given',
    givenBy: 'person',
    method: 'oral_statement',
    statement: { recordedBy: 'Infirmière du CMP', recordedOn: '2026-11-03' },
    givenOn: '2026-11-03',
  };
  situationRoute(
    'POST /api/situations/:id/consents',
    only({ coordinator: 201, referrer: 201, pilot: 403, charterNotAccepted: 403 }, 404),
    (persona, f) => as(persona, t.http().post(`/api/situations/${f.situationId}/consents`).send(consentBody)),
  );
  situationRoute('GET /api/situations/:id/consents', readers, (persona, f) =>
    as(persona, t.http().get(`/api/situations/${f.situationId}/consents`)),
  );
  situationRoute(
    'POST /api/situations/:id/consents/:consentId/withdraw',
    only({ coordinator: 201, referrer: 201, pilot: 403, charterNotAccepted: 403 }, 404),
    (persona, f) =>
      as(
        persona,
        t
          .http()
          .post(`/api/situations/${f.situationId}/consents/${f.consentId}/withdraw`)
          .send({ givenBy: 'person', method: 'oral_statement', statement: { recordedBy: 'Infirmière du CMP', recordedOn: '2026-11-04' } }),
      ),
  );

  // Sessions: managed by the coordinator; read by those the agenda gives an item to.
  const manage = (status: number) => only({ coordinator: status }, 404);
  const sessionReaders = only({ coordinator: 200, referrer: 200, pilot: 200, charterNotAccepted: 403 }, 404);
  MATRIX['POST /api/sessions'] = {
    expect: manage(201),
    request: (persona) => as(persona, t.http().post('/api/sessions').send({ scheduledAt: '2027-01-14T14:00:00Z', location: 'Salle 2' })),
  };
  MATRIX['GET /api/sessions'] = {
    expect: only({ admin: 404, ethics: 404, charterNotAccepted: 403, dac: 404 }, 200),
    request: (persona) => as(persona, t.http().get('/api/sessions')),
  };
  MATRIX['GET /api/sessions/:id'] = {
    expect: sessionReaders,
    request: (persona, f) => as(persona, t.http().get(`/api/sessions/${f.sessionId}`)),
  };
  MATRIX['PATCH /api/sessions/:id'] = {
    expect: manage(200),
    request: (persona, f) => as(persona, t.http().patch(`/api/sessions/${f.sessionId}`).send({ location: 'Salle 3' })),
  };
  MATRIX['POST /api/sessions/:id/status'] = {
    expect: manage(200),
    request: (persona, f) => as(persona, t.http().post(`/api/sessions/${f.sessionId}/status`).send({ to: 'held' })),
  };
  MATRIX['POST /api/sessions/:id/items'] = {
    expect: manage(201),
    request: (persona, f) =>
      as(
        persona,
        t
          .http()
          .post(`/api/sessions/${f.sessionId}/items`)
          .send({ situationId: f.situationId, invitedUserIds: [], personAttends: false, carersAttend: false }),
      ),
  };
  // Authorised callers get the business answer: stand-ins only before publication (409).
  MATRIX['POST /api/sessions/:id/stand-ins'] = {
    expect: manage(409),
    request: (persona, f) =>
      as(persona, t.http().post(`/api/sessions/${f.sessionId}/stand-ins`).send({ memberId: f.itemId, substituteMemberId: f.itemId })),
  };
  MATRIX['POST /api/sessions/:id/attendance'] = {
    expect: manage(200),
    request: (persona, f) =>
      as(
        persona,
        t
          .http()
          .post(`/api/sessions/${f.sessionId}/attendance`)
          .send({ attendees: [], personAttendedItemIds: [], carersAttendedItemIds: [] }),
      ),
  };
  // Outcomes and minutes wait for the session to be held (409 for the coordinator here).
  MATRIX['PUT /api/sessions/:id/items/:itemId/outcome'] = {
    expect: manage(409),
    request: (persona, f) =>
      as(
        persona,
        t
          .http()
          .put(`/api/sessions/${f.sessionId}/items/${f.itemId}/outcome`)
          .send({ summary: 'S', recommendations: [], pilotUserId: pilotId, personResponse: { status: 'not_yet_asked' } }),
      ),
  };
  MATRIX['POST /api/sessions/:id/items/:itemId/person-response'] = {
    expect: manage(409),
    request: (persona, f) =>
      as(persona, t.http().post(`/api/sessions/${f.sessionId}/items/${f.itemId}/person-response`).send({ status: 'not_yet_asked' })),
  };
  MATRIX['PUT /api/sessions/:id/minutes'] = {
    expect: manage(409),
    request: (persona, f) => as(persona, t.http().put(`/api/sessions/${f.sessionId}/minutes`).send({ items: [] })),
  };
  // Only the session's chair approves (the fixture's session has none): the coordinator is told so (403).
  MATRIX['POST /api/sessions/:id/minutes/approve'] = {
    expect: only({ coordinator: 403, charterNotAccepted: 403 }, 404),
    request: (persona, f) => as(persona, t.http().post(`/api/sessions/${f.sessionId}/minutes/approve`)),
  };
  MATRIX['GET /api/sessions/:id/minutes/pdf'] = {
    expect: only({ coordinator: 409, charterNotAccepted: 403 }, 404),
    request: (persona, f) => as(persona, t.http().get(`/api/sessions/${f.sessionId}/minutes/pdf`)),
  };
  // The agenda changes until the session is held.
  MATRIX['DELETE /api/sessions/:id/items/:itemId'] = {
    expect: manage(200),
    request: (persona, f) => as(persona, t.http().delete(`/api/sessions/${f.sessionId}/items/${f.itemId}`).send({})),
  };
  MATRIX['PUT /api/sessions/:id/items/order'] = {
    expect: manage(200),
    request: (persona, f) =>
      as(
        persona,
        t
          .http()
          .put(`/api/sessions/${f.sessionId}/items/order`)
          .send({ itemIds: [f.itemId] }),
      ),
  };
  MATRIX['PUT /api/sessions/:id/items/:itemId/invitees'] = {
    expect: manage(200),
    request: (persona, f) =>
      as(persona, t.http().put(`/api/sessions/${f.sessionId}/items/${f.itemId}/invitees`).send({ invitedUserIds: [] })),
  };
  // Corrections wait for the session to be held (409 for the coordinator); the chair may correct too.
  MATRIX['PATCH /api/sessions/:id/items/:itemId/outcome'] = {
    expect: only({ coordinator: 409, referrer: 403, pilot: 403, charterNotAccepted: 403 }, 404),
    request: (persona, f) =>
      as(
        persona,
        t.http().patch(`/api/sessions/${f.sessionId}/items/${f.itemId}/outcome`).send({ summary: 'Corrigé', reason: 'Erreur de saisie' }),
      ),
  };
  MATRIX['GET /api/sessions/:id/items/:itemId/outcome/versions'] = {
    expect: only({ coordinator: 200, referrer: 200, pilot: 200, charterNotAccepted: 403 }, 404),
    request: (persona, f) => as(persona, t.http().get(`/api/sessions/${f.sessionId}/items/${f.itemId}/outcome/versions`)),
  };
  MATRIX['GET /api/sessions/:id/minutes'] = {
    expect: only({ coordinator: 200, charterNotAccepted: 403 }, 404),
    request: (persona, f) => as(persona, t.http().get(`/api/sessions/${f.sessionId}/minutes`)),
  };
  MATRIX['POST /api/commission/members'] = {
    expect: manage(201),
    // A new user each time: making a persona a member would convene them to later sessions.
    request: async (persona) =>
      as(
        persona,
        t
          .http()
          .post('/api/commission/members')
          .send({ userId: (await createUser(t, users.admin, { roles: ['member'] })).id, kind: 'permanent' }),
      ),
  };
  MATRIX['GET /api/commission/members'] = {
    expect: manage(200),
    request: (persona) => as(persona, t.http().get('/api/commission/members')),
  };
  MATRIX['PATCH /api/commission/members/:id'] = {
    expect: manage(200),
    request: (persona) => as(persona, t.http().patch(`/api/commission/members/${pilotMemberId}`).send({ active: true })),
  };
  MATRIX['GET /api/recommendations'] = {
    expect: only({ admin: 404, ethics: 404, charterNotAccepted: 403, dac: 404 }, 200),
    request: (persona) => as(persona, t.http().get('/api/recommendations')),
  };

  // Referrals: the sender side (coordinator, pilot) and the DAC it was sent to.
  MATRIX['POST /api/referrals'] = {
    expect: only({ coordinator: 201, pilot: 201, charterNotAccepted: 403 }, 404),
    request: (persona, f) =>
      as(
        persona,
        t.http().post('/api/referrals').send({ situationId: f.situationId, dacOrganizationId, reason: 'Motif', summaryForDac: 'Résumé' }),
      ),
  };
  MATRIX['GET /api/referrals'] = {
    expect: only({ referrer: 404, otherReferrer: 404, admin: 404, ethics: 404, charterNotAccepted: 403 }, 200),
    request: (persona) => as(persona, t.http().get('/api/referrals')),
  };
  MATRIX['POST /api/referrals/inbound'] = {
    expect: only({ dac: 201 }, 404),
    request: (persona) =>
      as(
        persona,
        t
          .http()
          .post('/api/referrals/inbound')
          .send({ ...intakeBody(), dacReferralId: unique('DAC') }),
      ),
  };
  const referralReaders = only({ coordinator: 200, pilot: 200, dac: 200, charterNotAccepted: 403 }, 404);
  MATRIX['GET /api/referrals/:id'] = {
    expect: referralReaders,
    request: (persona, f) => as(persona, t.http().get(`/api/referrals/${f.referralId}`)),
  };
  MATRIX['GET /api/referrals/:id/fhir'] = {
    expect: referralReaders,
    request: (persona, f) => as(persona, t.http().get(`/api/referrals/${f.referralId}/fhir`)),
  };
  MATRIX['POST /api/referrals/:id/status'] = {
    // Withdrawing is the sender's; the DAC sees the referral but may not withdraw it.
    expect: only({ coordinator: 200, pilot: 200, dac: 403, charterNotAccepted: 403 }, 404),
    request: (persona, f) => as(persona, t.http().post(`/api/referrals/${f.referralId}/status`).send({ to: 'withdrawn' })),
  };
  MATRIX['POST /api/referrals/:id/meetings'] = {
    // Meetings are logged once the DAC accepted: a conflict for the sender side here.
    expect: only({ coordinator: 409, pilot: 409, charterNotAccepted: 403 }, 404),
    request: (persona, f) =>
      as(persona, t.http().post(`/api/referrals/${f.referralId}/meetings`).send({ heldOn: '2026-12-01', note: 'Réunion' })),
  };
  MATRIX['POST /api/recommendations/:id/corrections'] = {
    // The coordinator or the session's chair (none here): the pilot, who follows it, may not correct it.
    expect: only({ coordinator: 201, pilot: 403, referrer: 403, charterNotAccepted: 403 }, 404),
    request: async (persona) =>
      as(
        persona,
        t
          .http()
          .post(`/api/recommendations/${await recommendationFor()}/corrections`)
          .send({ dueDate: '2030-02-01', reason: 'Échéance revue' }),
      ),
  };
  MATRIX['GET /api/recommendations/:id/versions'] = {
    expect: only({ coordinator: 200, pilot: 200, referrer: 404, charterNotAccepted: 403 }, 404),
    request: async (persona) => as(persona, t.http().get(`/api/recommendations/${await recommendationFor()}/versions`)),
  };
  MATRIX['PATCH /api/recommendations/:id'] = {
    expect: only({ coordinator: 200, pilot: 200, referrer: 403, charterNotAccepted: 403 }, 404),
    request: async (persona) =>
      as(
        persona,
        t
          .http()
          .patch(`/api/recommendations/${await recommendationFor()}`)
          .send({ status: 'done', note: 'Fait' }),
      ),
  };

  // The general side and the committee: role-based.
  const adminOnly = only({ admin: 200 }, 403);
  MATRIX['GET /api/users'] = { expect: adminOnly, request: (persona) => as(persona, t.http().get('/api/users')) };
  MATRIX['POST /api/users'] = {
    expect: only({ admin: 201 }, 403),
    request: (persona) =>
      as(
        persona,
        t
          .http()
          .post('/api/users')
          .send({
            email: `${unique('m')}@test.example`,
            displayName: 'M',
            professionalCategory: 'nurse',
            roles: ['member'],
            password: TEST_PASSWORD,
          }),
      ),
  };
  MATRIX['PATCH /api/users/:id'] = {
    expect: adminOnly,
    request: (persona) => as(persona, t.http().patch(`/api/users/${users.otherReferrer.id}`).send({ displayName: 'Renommé' })),
  };
  MATRIX['GET /api/organizations'] = { expect: adminOnly, request: (persona) => as(persona, t.http().get('/api/organizations')) };
  MATRIX['POST /api/organizations'] = {
    expect: only({ admin: 201 }, 403),
    request: (persona) =>
      as(
        persona,
        t
          .http()
          .post('/api/organizations')
          .send({ name: unique('Org'), kind: 'other' }),
      ),
  };
  MATRIX['PATCH /api/organizations/:id'] = {
    expect: adminOnly,
    request: (persona) =>
      as(
        persona,
        t
          .http()
          .patch(`/api/organizations/${dacOrganizationId}`)
          .send({ name: unique('DAC') }),
      ),
  };
  MATRIX['GET /api/access-changes'] = {
    expect: only({ admin: 200, ethics: 200 }, 403),
    request: (persona) => as(persona, t.http().get('/api/access-changes')),
  };
  MATRIX['POST /api/access-changes/:id/approve'] = {
    expect: only({ ethics: 404 }, 403),
    request: (persona) => as(persona, t.http().post(`/api/access-changes/${randomUUID()}/approve`).send({})),
  };
  MATRIX['POST /api/access-changes/:id/refuse'] = {
    expect: only({ ethics: 404 }, 403),
    request: (persona) => as(persona, t.http().post(`/api/access-changes/${randomUUID()}/refuse`).send({ reason: 'Motif' })),
  };
  MATRIX['GET /api/directory/people'] = {
    expect: only({ charterNotAccepted: 403 }, 200),
    request: (persona) => as(persona, t.http().get('/api/directory/people?q=a')),
  };
  MATRIX['GET /api/directory/organizations'] = {
    expect: only({ charterNotAccepted: 403 }, 200),
    request: (persona) => as(persona, t.http().get('/api/directory/organizations?kind=dac')),
  };
  const ethicsOnly = only({ ethics: 200 }, 403);
  MATRIX['GET /api/audit/events'] = { expect: ethicsOnly, request: (persona) => as(persona, t.http().get('/api/audit/events?limit=1')) };
  MATRIX['GET /api/audit/verify'] = { expect: ethicsOnly, request: (persona) => as(persona, t.http().get('/api/audit/verify')) };
  MATRIX['GET /api/audit/anomalies'] = { expect: ethicsOnly, request: (persona) => as(persona, t.http().get('/api/audit/anomalies')) };
  MATRIX['GET /api/audit/situations/:id/accesses'] = {
    expect: ethicsOnly,
    request: (persona, f) => as(persona, t.http().get(`/api/audit/situations/${f.situationId}/accesses`)),
  };
  MATRIX['GET /api/auth/mfa'] = { expect: all(200), request: (persona) => as(persona, t.http().get('/api/auth/mfa')) };
  // Every persona is enrolled: an access token cannot swap the factor (the administrator resets it).
  MATRIX['POST /api/auth/mfa/totp/enroll'] = {
    expect: all(409),
    request: (persona) => as(persona, t.http().post('/api/auth/mfa/totp/enroll')),
  };
  MATRIX['POST /api/auth/mfa/totp/confirm'] = {
    expect: all(409),
    request: (persona) => as(persona, t.http().post('/api/auth/mfa/totp/confirm').send({ code: '123456' })),
  };
  MATRIX['GET /api/auth/mfa/passkeys'] = { expect: all(200), request: (persona) => as(persona, t.http().get('/api/auth/mfa/passkeys')) };
  MATRIX['POST /api/auth/mfa/passkeys/registration'] = {
    expect: all(200),
    request: (persona) => as(persona, t.http().post('/api/auth/mfa/passkeys/registration')),
  };
  MATRIX['POST /api/auth/mfa/passkeys'] = {
    expect: all(400),
    request: (persona) => as(persona, t.http().post('/api/auth/mfa/passkeys').send({ name: 'Clé' })),
  };
  MATRIX['DELETE /api/auth/mfa/passkeys/:id'] = {
    expect: all(404),
    request: (persona) => as(persona, t.http().delete(`/api/auth/mfa/passkeys/${randomUUID()}`)),
  };
  MATRIX['POST /api/users/:id/second-factor/reset'] = {
    expect: only({ admin: 404 }, 403),
    request: (persona) => as(persona, t.http().post(`/api/users/${randomUUID()}/second-factor/reset`).send({})),
  };
  // Statistics: the coordination, and the ethics committee in oversight (policy subjects.Statistics).
  MATRIX['GET /api/statistics'] = {
    expect: only({ coordinator: 200, ethics: 200 }, 404),
    request: (persona) => as(persona, t.http().get('/api/statistics')),
  };
  MATRIX['GET /api/statistics/report.pdf'] = {
    expect: only({ coordinator: 200, ethics: 200 }, 404),
    request: (persona) => as(persona, t.http().get('/api/statistics/report.pdf')),
  };
  // The rights register: kept by the coordination, read by the ethics committee (policy subjects.RightsRequest).
  let rightsRequestId: string | undefined;
  const rightsRequest = async () =>
    (rightsRequestId ??= (
      await t
        .http()
        .post('/api/rights-requests')
        .set(bearer(users.coordinator))
        .send({ kind: 'access', receivedOn: '2026-01-05' })
        .expect(201)
    ).body.id as string);
  MATRIX['POST /api/rights-requests'] = {
    expect: only({ coordinator: 201 }, 404),
    request: (persona) => as(persona, t.http().post('/api/rights-requests').send({ kind: 'objection', receivedOn: '2026-01-05' })),
  };
  MATRIX['GET /api/rights-requests'] = {
    expect: only({ coordinator: 200, ethics: 200 }, 404),
    request: (persona) => as(persona, t.http().get('/api/rights-requests')),
  };
  MATRIX['GET /api/rights-requests/:id'] = {
    expect: only({ coordinator: 200, ethics: 200 }, 404),
    request: async (persona) => as(persona, t.http().get(`/api/rights-requests/${await rightsRequest()}`)),
  };
  MATRIX['PATCH /api/rights-requests/:id'] = {
    expect: only({ coordinator: 200 }, 404),
    request: async (persona) =>
      as(
        persona,
        t
          .http()
          .patch(`/api/rights-requests/${await rightsRequest()}`)
          .send({ status: 'in_progress' }),
      ),
  };
  // Retention: the coordination manages legal holds, the ethics committee reads (policy subjects.Retention).
  MATRIX['GET /api/retention/due'] = {
    expect: only({ coordinator: 200, ethics: 200 }, 404),
    request: (persona) => as(persona, t.http().get('/api/retention/due')),
  };
  MATRIX['GET /api/retention/legal-holds'] = {
    expect: only({ coordinator: 200, ethics: 200 }, 404),
    request: (persona) => as(persona, t.http().get('/api/retention/legal-holds')),
  };
  MATRIX['POST /api/retention/legal-holds'] = {
    expect: only({ coordinator: 404 }, 404),
    request: (persona) => as(persona, t.http().post('/api/retention/legal-holds').send({ situationId: randomUUID(), reason: 'Procédure' })),
  };
  MATRIX['POST /api/retention/legal-holds/:id/lift'] = {
    expect: only({ coordinator: 404 }, 404),
    request: (persona) => as(persona, t.http().post(`/api/retention/legal-holds/${randomUUID()}/lift`)),
  };
  // Notifications: each signed-in user's own; someone else's (or none) is 404.
  MATRIX['GET /api/notifications'] = {
    expect: all(200),
    request: (persona) => as(persona, t.http().get('/api/notifications?unread=true')),
  };
  MATRIX['POST /api/notifications/read-all'] = {
    expect: all(200),
    request: (persona) => as(persona, t.http().post('/api/notifications/read-all')),
  };
  MATRIX['POST /api/notifications/:id/read'] = {
    expect: all(404),
    request: (persona) => as(persona, t.http().post(`/api/notifications/${randomUUID()}/read`)),
  };
  MATRIX['GET /api/auth/me'] = { expect: all(200), request: (persona) => as(persona, t.http().get('/api/auth/me')) };
  MATRIX['GET /api/auth/sessions'] = { expect: all(200), request: (persona) => as(persona, t.http().get('/api/auth/sessions')) };
  // Someone else's (or no) session: 404 for everyone signed in.
  MATRIX['DELETE /api/auth/sessions/:id'] = {
    expect: all(404),
    request: (persona) => as(persona, t.http().delete(`/api/auth/sessions/${randomUUID()}`)),
  };
  MATRIX['POST /api/auth/logout'] = {
    expect: all(204),
    // A session of its own, so that the persona's token survives for the other routes.
    request: async (persona) =>
      t
        .http()
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${(await login(t, users[persona].email)).accessToken}`),
  };
  MATRIX['GET /api/ethics/charter'] = { expect: all(200), request: (persona) => as(persona, t.http().get('/api/ethics/charter')) };
  MATRIX['POST /api/ethics/charter/accept'] = {
    expect: all(200),
    request: (persona) =>
      as(persona === 'charterNotAccepted' ? 'referrer' : persona, t.http().post('/api/ethics/charter/accept').send({ version: '2026-1' })),
  };

  it('has an entry for every registered route that is not public (a new route without one fails here)', () => {
    const routes = listRoutes(t.app)
      .filter((route) => route.access?.kind !== 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect(routes.filter((route) => !MATRIX[route])).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('answers each persona as the charter says, on every route', async () => {
    const shared = await fixture(users.referrer);
    const sharedForCharterless = await fixture(users.charterNotAccepted);
    const results: string[] = [];
    for (const [route, { expect: expected, request }] of Object.entries(MATRIX)) {
      for (const persona of PERSONAS) {
        const base = persona === 'charterNotAccepted' ? sharedForCharterless : shared;
        // A refusal changes nothing, so it may use the shared fixture; an accepted write (or a
        // state conflict) gets a fresh one.
        const fresh = !route.startsWith('GET') && (expected[persona] < 400 || expected[persona] === 409);
        const target = fresh ? await fixture(persona === 'charterNotAccepted' ? users.charterNotAccepted : users.referrer) : base;
        const response = await request(persona, target);
        if (response.status !== expected[persona])
          results.push(`${route} as ${persona}: expected ${expected[persona]}, got ${response.status}`);
        if (response.status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(results).toEqual([]);
  }, 300_000);

  it('no situation route answers a server error for an unknown situation', async () => {
    for (const route of listRoutes(t.app).filter((candidate) => candidate.access?.kind === 'subject')) {
      const response = await t.http()[route.method.toLowerCase() as 'get'](concretePath(route.path)).set(bearer(users.coordinator));
      expect({ route: route.path, notFoundOrBadInput: [400, 404].includes(response.status) || response.status < 300 }).toEqual({
        route: route.path,
        notFoundOrBadInput: true,
      });
    }
  });
});

describe('need-to-know on situations', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let referrer: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'] });
    referrer = await createUser(t, admin, { roles: ['referrer'] });
  });
  afterAll(() => t.close());

  const organization = async (kind: string) =>
    (
      await t
        .http()
        .post('/api/organizations')
        .set(bearer(admin))
        .send({ name: unique(kind), kind })
        .expect(201)
    ).body.id as string;
  const readySituation = async () => {
    const situation = await createSituation(t, referrer);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    return situation;
  };
  const designate = (situationId: string, member: TestUser) =>
    t.http().post(`/api/situations/${situationId}/pilot`).set(bearer(coordinator)).send({ userId: member.id });

  it('a member with no relation cannot read, list, download from, or learn the existence of a situation', async () => {
    const situation = await readySituation();
    await giveConsent(t, coordinator, situation.id);
    const document = await t
      .http()
      .post(`/api/situations/${situation.id}/documents`)
      .set(bearer(referrer))
      .attach('file', pdf(), 'x.pdf')
      .expect(201);
    const stranger = await createUser(t, admin, { roles: ['member'], professionalCategory: 'physician' });
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const existing = await t.http().get(`/api/situations/${situation.id}`).set(bearer(stranger));
    const missing = await t.http().get(`/api/situations/${unknownId}`).set(bearer(stranger));
    expect(existing.status).toBe(404);
    expect({ ...existing.body, instance: undefined, requestId: undefined }).toEqual({
      ...missing.body,
      instance: undefined,
      requestId: undefined,
    });
    await t.http().get(`/api/situations/${situation.id}/documents/${document.body.id}`).set(bearer(stranger)).expect(404);
    await t.http().get(`/api/situations/${situation.id}/consents`).set(bearer(stranger)).expect(404);
    const list = await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(stranger)).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    const all = await t.http().get('/api/situations?limit=200').set(bearer(stranger)).expect(200);
    expect(all.body.total).toBe(0);
  });

  it('a housing-provider member entitled to a situation never receives health fields in any response', async () => {
    const housing = await createUser(t, admin, {
      roles: ['member'],
      organizationId: await organization('housing_provider'),
      professionalCategory: 'housing_officer',
    });
    const situation = await readySituation();
    await giveConsent(t, coordinator, situation.id);
    await designate(situation.id, housing).expect(200);
    const responses = [
      await t.http().get(`/api/situations/${situation.id}`).set(bearer(housing)).expect(200),
      await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(housing)).expect(200),
      await t.http().get(`/api/situations/${situation.id}/documents`).set(bearer(housing)).expect(200),
      await t.http().get(`/api/situations/${situation.id}/consents`).set(bearer(housing)).expect(200),
    ];
    expect(responses[0].body).toHaveProperty('identity');
    expect(responses[0].body).toHaveProperty('narrative');
    expect(responses[1].body.items).toHaveLength(1);
    const healthDetails = intakeBody().health.details.replace(/Traitement\w+/, 'Traitement');
    for (const response of responses) {
      expect(JSON.stringify(response.body)).not.toMatch(/"health"/);
      expect(JSON.stringify(response.body)).not.toContain(healthDetails.slice(15));
    }
    // A nurse in the same position does receive them (the rule is by professional category).
    const nurse = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    await designate(situation.id, nurse).expect(200);
    const asNurse = await t.http().get(`/api/situations/${situation.id}`).set(bearer(nurse)).expect(200);
    expect(asNurse.body.health.details).toContain('suivi au CMP');
  });

  it('without a valid consent for review, the situation cannot be scheduled and only coordinator and referrer see it', async () => {
    const situation = await readySituation();
    const pilot = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    await designate(situation.id, pilot).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(pilot)).expect(404);
    const refused = await t
      .http()
      .post(`/api/situations/${situation.id}/transitions`)
      .set(bearer(coordinator))
      .send({ to: 'in_preparation' })
      .expect(422);
    expect(refused.body.type).toBe('https://clsm-cellule.fr/problems/consent-required');
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(referrer)).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(coordinator)).expect(200);
    await giveConsent(t, coordinator, situation.id);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(pilot)).expect(200);
    await t.http().post(`/api/situations/${situation.id}/transitions`).set(bearer(coordinator)).send({ to: 'in_preparation' }).expect(200);
  });

  it('a recorded refusal counts as no consent', async () => {
    const situation = await readySituation();
    await giveConsent(t, coordinator, situation.id, { decision: 'refused' });
    await t.http().post(`/api/situations/${situation.id}/transitions`).set(bearer(coordinator)).send({ to: 'in_preparation' }).expect(422);
  });

  it('a structure the person refused gets no access, even as pilot', async () => {
    const refusedOrganization = await organization('municipal_social_service');
    const member = await createUser(t, admin, {
      roles: ['member'],
      organizationId: refusedOrganization,
      professionalCategory: 'social_worker',
    });
    const situation = await readySituation();
    // Designated before the person refused the structure: the refusal still cuts the access.
    await designate(situation.id, member).expect(200);
    await giveConsent(t, coordinator, situation.id, { refusedOrganizationIds: [refusedOrganization] });
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(member)).expect(404);
    // Once refused, the structure can no longer be designated.
    expect((await designate(situation.id, member).expect(422)).body.type).toBe('https://clsm-cellule.fr/problems/structure-refused');
    const list = await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(member)).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('withdrawing consent cuts the access that depended on it at the next request', async () => {
    const situation = await readySituation();
    const consent = await giveConsent(t, coordinator, situation.id);
    const pilot = await createUser(t, admin, { roles: ['member'], professionalCategory: 'psychologist' });
    await designate(situation.id, pilot).expect(200);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(pilot)).expect(200);
    const withdrawal = await t
      .http()
      .post(`/api/situations/${situation.id}/consents/${consent.id}/withdraw`)
      .set(bearer(referrer))
      .send({ givenBy: 'person', method: 'oral_statement', statement: { recordedBy: 'Éducatrice', recordedOn: '2026-11-10' } })
      .expect(201);
    expect(withdrawal.body).toMatchObject({ decision: 'withdrawn', withdrawsConsentId: consent.id, inForce: false });
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(pilot)).expect(404);
    const list = await t.http().get(`/api/situations?reference=${situation.reference}`).set(bearer(pilot)).expect(200);
    expect(list.body.items).toEqual([]);
    // The ethics committee sees the attempt after withdrawal in its anomaly report.
    const ethics = await createUser(t, admin, { roles: ['ethics'] });
    const report = await t.http().get('/api/audit/anomalies').set(bearer(ethics)).expect(200);
    expect(report.body.accessAfterConsentWithdrawal).toContainEqual(
      expect.objectContaining({ actorUserId: pilot.id, situationId: situation.id }),
    );
    // Withdrawing twice, or a record that is not in force, is a conflict.
    await t
      .http()
      .post(`/api/situations/${situation.id}/consents/${consent.id}/withdraw`)
      .set(bearer(referrer))
      .send({ givenBy: 'person', method: 'oral_statement', statement: { recordedBy: 'Éducatrice', recordedOn: '2026-11-10' } })
      .expect(409);
  });

  it('consent records keep their history and cannot be altered: no update route, and the database refuses', async () => {
    const situation = await readySituation();
    const consent = await giveConsent(t, coordinator, situation.id);
    const history = await t.http().get(`/api/situations/${situation.id}/consents`).set(bearer(referrer)).expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        id: consent.id,
        decision: 'given',
        inForce: true,
        statement: { recordedBy: 'Assistante sociale du CCAS', recordedOn: '2026-11-02' },
      }),
    ]);
    for (const method of ['patch', 'put', 'delete'] as const) {
      await t
        .http()
        [method](`/api/situations/${situation.id}/consents/${consent.id}`)
        .set(bearer(coordinator))
        .send({ decision: 'refused' })
        .expect(404);
    }
    const pg = await import('pg');
    const cellule = new pg.default.Client({ connectionString: t.config.database.celluleUrl });
    await cellule.connect();
    try {
      await expect(cellule.query("UPDATE cellule.consent SET decision = 'refused' WHERE id = $1", [consent.id])).rejects.toMatchObject({
        code: '42501',
      });
      await expect(cellule.query('DELETE FROM cellule.consent WHERE id = $1', [consent.id])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await cellule.end();
    }
    const owner = await t.superuser.connect();
    try {
      await owner.query('SET ROLE clsm_owner');
      await expect(owner.query("UPDATE cellule.consent SET decision = 'refused' WHERE id = $1", [consent.id])).rejects.toThrow(/immutable/);
    } finally {
      await owner.query('RESET ROLE');
      owner.release();
    }
  });

  it('consent evidence is checked: representative, signed form of this situation, oral statement; details encrypted', async () => {
    const situation = await readySituation();
    const base = { purpose: 'review', decision: 'given', givenOn: '2026-11-01' };
    const post = (body: object) => t.http().post(`/api/situations/${situation.id}/consents`).set(bearer(coordinator)).send(body);
    await post({
      ...base,
      givenBy: 'legal_representative',
      method: 'oral_statement',
      statement: { recordedBy: 'X', recordedOn: '2026-11-01' },
    }).expect(422);
    await post({ ...base, givenBy: 'person', method: 'signed_form' }).expect(422);
    await post({ ...base, givenBy: 'person', method: 'signed_form', documentId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    await post({ ...base, givenBy: 'person', method: 'oral_statement' }).expect(422);
    await post({
      ...base,
      givenOn: '2999-01-01',
      givenBy: 'person',
      method: 'oral_statement',
      statement: { recordedBy: 'X', recordedOn: '2026-11-01' },
    }).expect(422);
    await post({
      ...base,
      purpose: 'gossip',
      givenBy: 'person',
      method: 'oral_statement',
      statement: { recordedBy: 'X', recordedOn: '2026-11-01' },
    }).expect(400);
    const form = await t
      .http()
      .post(`/api/situations/${situation.id}/documents`)
      .set(bearer(coordinator))
      .attach('file', pdf(), 'accord-signe.pdf')
      .expect(201);
    const representative = `Tuteur${Date.now()}`;
    const recorded = await post({
      ...base,
      givenBy: 'legal_representative',
      representative: { name: representative, measure: 'tutelle' },
      method: 'signed_form',
      documentId: form.body.id,
    }).expect(201);
    expect(recorded.body).toMatchObject({
      givenBy: 'legal_representative',
      representative: { name: representative, measure: 'tutelle' },
      documentId: form.body.id,
      inForce: true,
    });
    const { rows } = await t.superuser.query(`SELECT c::text AS row FROM cellule.consent c WHERE id = $1`, [recorded.body.id]);
    expect(rows[0].row).not.toContain(representative);
  });
});

describe('charter acceptance', () => {
  let t: TestApp;
  let user: TestUser;
  let situationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    user = await createUser(t, admin, { roles: ['referrer'], acceptCharter: false });
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    situationId = (await createSituation(t, referrer)).id;
    await t.superuser.query('UPDATE cellule.situation SET referrer_user_id = $1 WHERE id = $2', [user.id, situationId]);
  });
  afterAll(() => t.close());

  it('serves the charter in French with its version', async () => {
    const charter = await t.http().get('/api/ethics/charter').set(bearer(user)).expect(200);
    expect(charter.body).toMatchObject({ version: '2026-1', acceptedAt: null });
    expect(charter.body.text).toContain('Article 1');
    expect(charter.body.text).toContain('Accord préalable de la personne');
  });

  it('not accepted: 403 of the dedicated type naming the version; accepted: access', async () => {
    const refused = await t.http().get(`/api/situations/${situationId}`).set(bearer(user)).expect(403);
    expect(refused.body).toMatchObject({ type: 'https://clsm-cellule.fr/problems/charter-acceptance-required', charterVersion: '2026-1' });
    await t.http().post('/api/ethics/charter/accept').set(bearer(user)).send({ version: '2025-9' }).expect(409);
    const accepted = await t.http().post('/api/ethics/charter/accept').set(bearer(user)).send({ version: '2026-1' }).expect(200);
    expect(accepted.body.version).toBe('2026-1');
    await t.http().get(`/api/situations/${situationId}`).set(bearer(user)).expect(200);
    const { rows } = await t.superuser.query(
      `SELECT action FROM audit.event WHERE actor_user_id = $1 AND action LIKE 'charter.%' ORDER BY seq`,
      [user.id],
    );
    expect(rows.map((row: { action: string }) => row.action)).toEqual(['charter.required', 'charter.accept']);
  });

  it('a new charter version requires a new acceptance', async () => {
    const { mkdtemp, readFile, writeFile } = await import('node:fs/promises');
    const directory = await mkdtemp(`${(await import('node:os')).tmpdir()}/clsm-cellule-ethics-`);
    const charter = (await readFile('ethics/charter.md', 'utf8')).replace('version: "2026-1"', 'version: "2026-2"');
    const policy = (await readFile('ethics/policy.yaml', 'utf8'))
      .replace('version: "2026-1"', 'version: "2026-2"')
      .replace('charter_version: "2026-1"', 'charter_version: "2026-2"');
    await writeFile(`${directory}/charter.md`, charter);
    await writeFile(`${directory}/policy.yaml`, policy);
    const next = await startTestApp({ ETHICS_DIR: directory });
    try {
      const tokens = await login(next, user.email);
      const refused = await next
        .http()
        .get(`/api/situations/${situationId}`)
        .set('Authorization', `Bearer ${tokens.accessToken}`)
        .expect(403);
      expect(refused.body.charterVersion).toBe('2026-2');
      await next
        .http()
        .post('/api/ethics/charter/accept')
        .set('Authorization', `Bearer ${tokens.accessToken}`)
        .send({ version: '2026-2' })
        .expect(200);
      await next.http().get(`/api/situations/${situationId}`).set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
    } finally {
      await next.close();
    }
  });
});
