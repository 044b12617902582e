import { bearer, createSituation, giveConsent, moveTo } from './situations.js';
import { createAdmin, createUser, type TestApp, type TestUser, unique } from './test-app.js';

export const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
export const dateIn = (days: number) => inDays(days).toISOString().slice(0, 10);

export interface Commission {
  admin: TestUser;
  coordinator: TestUser;
  referrer: TestUser;
  /** A permanent member (nurse), chair of the sessions that name them. */
  nurse: TestUser;
  /** A permanent member of a housing provider. */
  housing: TestUser;
  /** A member of the structure every situation here refuses. */
  refusedMember: TestUser;
  /** Two members of the structure that carries préconisations, and one of another structure. */
  carrierA: TestUser;
  carrierB: TestUser;
  invitee: TestUser;
  dac: TestUser;
  refusedOrganization: string;
  carrierOrganization: string;
  dacOrganization: string;
  /** The name of every structure created here, by id (a shared database holds too many to look them up in one page). */
  organizationNames: Map<string, string>;
}

/** A commission with its members, a structure the person will refuse, a structure that carries préconisations and a DAC. */
export async function commission(t: TestApp): Promise<Commission> {
  const admin = await createAdmin(t);
  const organizationNames = new Map<string, string>();
  const organization = async (kind: string) => {
    const name = unique(kind);
    const { body } = await t.http().post('/api/organizations').set(bearer(admin)).send({ name, kind }).expect(201);
    organizationNames.set(body.id as string, name);
    return body.id as string;
  };
  const refusedOrganization = await organization('municipal_social_service');
  const carrierOrganization = await organization('housing_provider');
  const dacOrganization = await organization('dac');
  const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
  const referrer = await createUser(t, admin, { roles: ['referrer'], organizationId: await organization('ccas') });
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
  const carrierA = await createUser(t, admin, {
    roles: ['member'],
    organizationId: carrierOrganization,
    professionalCategory: 'social_worker',
  });
  const carrierB = await createUser(t, admin, {
    roles: ['member'],
    organizationId: carrierOrganization,
    professionalCategory: 'social_worker',
  });
  const invitee = await createUser(t, admin, {
    roles: ['referrer'],
    organizationId: await organization('other'),
    professionalCategory: 'psychologist',
  });
  const dac = await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganization, professionalCategory: 'nurse' });
  for (const member of [nurse, housing, refusedMember]) {
    await t.http().post('/api/commission/members').set(bearer(coordinator)).send({ userId: member.id, kind: 'permanent' }).expect(201);
  }
  return {
    admin,
    coordinator,
    referrer,
    nurse,
    housing,
    refusedMember,
    carrierA,
    carrierB,
    invitee,
    dac,
    refusedOrganization,
    carrierOrganization,
    dacOrganization,
    organizationNames,
  };
}

/** Admissible, with consent for review (refusing one structure) and for transmission to the DAC. */
export async function readySituation(t: TestApp, c: Commission) {
  const situation = await createSituation(t, c.referrer);
  await moveTo(t, c.coordinator, situation.id, [{ to: 'admissible' }]);
  await giveConsent(t, c.coordinator, situation.id, { refusedOrganizationIds: [c.refusedOrganization] });
  await giveConsent(t, c.coordinator, situation.id, { purpose: 'dac_transmission', refusedOrganizationIds: [c.refusedOrganization] });
  return situation;
}

export async function newSession(t: TestApp, c: Commission, options: { inDays?: number; chair?: TestUser } = {}) {
  const response = await t
    .http()
    .post('/api/sessions')
    .set(bearer(c.coordinator))
    .send({
      scheduledAt: inDays(options.inDays ?? 7).toISOString(),
      location: 'Mairie, salle 2',
      ...(options.chair ? { chairUserId: options.chair.id } : {}),
    })
    .expect(201);
  return response.body.id as string;
}

export async function addItem(t: TestApp, c: Commission, sessionId: string, situationId: string, invitedUserIds: string[] = []) {
  const response = await t
    .http()
    .post(`/api/sessions/${sessionId}/items`)
    .set(bearer(c.coordinator))
    .send({ situationId, invitedUserIds, personAttends: false, carersAttend: false })
    .expect(201);
  return (response.body.items as { id: string; situationId: string }[]).find((item) => item.situationId === situationId)!.id;
}

export async function setSessionStatus(t: TestApp, c: Commission, sessionId: string, ...steps: string[]) {
  for (const to of steps) await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(c.coordinator)).send({ to }).expect(200);
}

/** A situation reviewed in a held session, with the préconisations given; returns ids. */
export async function reviewed(t: TestApp, c: Commission, recommendations: Record<string, unknown>[], options: { chair?: TestUser } = {}) {
  const situation = await readySituation(t, c);
  const sessionId = await newSession(t, c, { inDays: 1, chair: options.chair });
  const itemId = await addItem(t, c, sessionId, situation.id);
  await setSessionStatus(t, c, sessionId, 'agenda_published', 'held');
  const outcome = await t
    .http()
    .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
    .set(bearer(c.coordinator))
    .send({
      summary: 'Synthèse initiale',
      recommendations,
      pilotUserId: c.nurse.id,
      personResponse: { status: 'not_yet_asked' },
    })
    .expect(200);
  const recommendationIds = (outcome.body.items[0].outcome.recommendations as { id: string }[]).map((item) => item.id);
  return { situation, sessionId, itemId, recommendationIds };
}

/** A held session (chaired by `chair` when given), one item reviewed, its minutes drafted by `author` (the coordinator by default). */
export async function draftedMinutes(t: TestApp, c: Commission, options: { chair?: TestUser; author?: TestUser } = {}) {
  const situation = await readySituation(t, c);
  const sessionId = await newSession(t, c, { inDays: 1, chair: options.chair });
  const itemId = await addItem(t, c, sessionId, situation.id);
  await setSessionStatus(t, c, sessionId, 'agenda_published', 'held');
  await t
    .http()
    .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
    .set(bearer(c.coordinator))
    .send({ summary: 'Synthèse', recommendations: [], pilotUserId: c.nurse.id, personResponse: { status: 'not_yet_asked' } })
    .expect(200);
  const text = `Procès-verbal : échanges sur le logement, décisions prises à l'unanimité ${Date.now()}`;
  const written = await t
    .http()
    .put(`/api/sessions/${sessionId}/minutes`)
    .set(bearer(options.author ?? c.coordinator))
    .send({ items: [{ itemId, text }] })
    .expect(200);
  return { situation, sessionId, itemId, text, minutes: written.body as { draftedBy: string; approvedAt: string | null } };
}
