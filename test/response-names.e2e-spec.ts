import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { nameKeyOf, ORGANIZATION_ID_KEYS, PERSON_ID_KEYS } from '../src/directory/response-names.js';
import { openApiDocumentWithoutDatabase } from '../src/openapi-preview.js';
import { commission, dateIn, reviewed, type Commission } from './support/commission.js';
import { bearer } from './support/situations.js';
import { createUser, startTestApp, unique, type TestApp, type TestUser } from './support/test-app.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; required?: string[] } & Record<
  string,
  unknown
>;
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** The component schemas a response body may hold, found from every operation's responses. */
function responseSchemas(document: OpenApiDocument): Map<string, Schema> {
  const found = new Map<string, Schema>();
  const visit = (schema: Schema | undefined) => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (found.has(name)) return;
      found.set(name, document.components.schemas[name]);
      return visit(document.components.schemas[name]);
    }
    for (const property of Object.values(schema.properties ?? {})) visit(property);
    visit(schema.items);
    for (const part of schema.allOf ?? []) visit(part);
  };
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item))
      for (const response of Object.values(operation.responses))
        for (const content of Object.values(response.content ?? {})) visit(content.schema);
  return found;
}

/**
 * Not accounts: a consent statement's `recordedBy` is the signatory as written on the form, and a
 * consent's `givenBy` says whether the person or their legal representative gave it.
 */
const NOT_AN_ID = new Set(['StatementDto.recordedBy', 'ConsentDto.givenBy', 'SubjectAccessConsentDto.givenBy']);

/** Response fields named like a person's or a structure's id. */
const LOOKS_LIKE_A_PERSON_OR_STRUCTURE = /^(user|organization)Ids?$|(User|Organization)Ids?$|By$/;

describe('people and structures by name in every response', () => {
  let document: OpenApiDocument;
  let schemas: Map<string, Schema>;

  beforeAll(async () => {
    document = (await openApiDocumentWithoutDatabase()) as unknown as OpenApiDocument;
    schemas = responseSchemas(document);
  });

  it('every person or structure id of a response schema has its display name beside it, required', () => {
    const missing: string[] = [];
    const keys = new Set<string>([...PERSON_ID_KEYS, ...ORGANIZATION_ID_KEYS]);
    for (const [name, schema] of schemas) {
      for (const key of Object.keys(schema.properties ?? {})) {
        if (!keys.has(key) || NOT_AN_ID.has(`${name}.${key}`)) continue;
        const nameKey = nameKeyOf(key);
        if (!schema.properties?.[nameKey]) missing.push(`${name}.${nameKey}`);
        else if (schema.required?.includes(key) && !schema.required.includes(nameKey)) missing.push(`${name}.${nameKey} (required)`);
      }
    }
    expect(schemas.size).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('a response field named like a person or structure id is among those that get a name', () => {
    const known = new Set<string>([...PERSON_ID_KEYS, ...ORGANIZATION_ID_KEYS]);
    const unknown = [...schemas].flatMap(([name, schema]) =>
      Object.keys(schema.properties ?? {})
        .filter((key) => LOOKS_LIKE_A_PERSON_OR_STRUCTURE.test(key) && !known.has(key) && !NOT_AN_ID.has(`${name}.${key}`))
        .map((key) => `${name}.${key}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the names beside the ids are the directory’s', () => {
  let t: TestApp;
  let c: Commission;
  let ethics: TestUser;
  const names = new Map<string, string>();

  const rename = async (user: TestUser, label: string) => {
    const displayName = `${label} ${unique('n').replace(/[^a-z0-9]/gi, '')}`;
    await t.http().patch(`/api/users/${user.id}`).set(bearer(c.admin)).send({ displayName }).expect(200);
    names.set(user.id, displayName);
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await commission(t);
    ethics = await createUser(t, c.admin, { roles: ['ethics'] });
    await rename(c.referrer, 'Référente Marion');
    await rename(c.coordinator, 'Coordinatrice Inès');
    await rename(c.nurse, 'Infirmier Paul');
    await rename(c.housing, 'Chargé Logement Yves');
    await rename(c.invitee, 'Invitée Léa');
  });
  afterAll(() => t?.close());

  it('a situation, its session and its préconisations name the referrer, the chair, the invitee and the carriers', async () => {
    const carrierOrganizationName = c.organizationNames.get(c.carrierOrganization);
    const { situation, sessionId } = await reviewed(
      t,
      c,
      [
        { action: 'Accompagner vers le CMP', carrierOrganizationId: c.carrierOrganization, dueDate: dateIn(10) },
        { action: 'Rencontrer le bailleur', carrierUserId: c.housing.id, dueDate: dateIn(20) },
      ],
      { chair: c.nurse },
    );

    const read = await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.coordinator)).expect(200);
    expect(read.body.referrer).toMatchObject({ userId: c.referrer.id, userName: names.get(c.referrer.id) });
    expect(read.body.history.length).toBeGreaterThan(0);
    for (const step of read.body.history as { actorUserId: string; actorUserName: string }[])
      expect(step.actorUserName).toBe(names.get(step.actorUserId));

    const session = await t.http().get(`/api/sessions/${sessionId}`).set(bearer(c.coordinator)).expect(200);
    expect(session.body).toMatchObject({ chairUserId: c.nurse.id, chairUserName: names.get(c.nurse.id) });
    const recommendations = session.body.items[0].outcome.recommendations as Record<string, unknown>[];
    expect(recommendations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          carrierOrganizationId: c.carrierOrganization,
          carrierOrganizationName,
          carrierUserId: null,
          carrierUserName: null,
        }),
        expect.objectContaining({ carrierUserId: c.housing.id, carrierUserName: names.get(c.housing.id), carrierOrganizationName: null }),
      ]),
    );

    const invited = await t
      .http()
      .post(`/api/sessions`)
      .set(bearer(c.coordinator))
      .send({ scheduledAt: new Date(Date.now() + 9 * 86_400_000).toISOString(), location: 'Mairie, salle 3' })
      .expect(201);
    const withItem = await t
      .http()
      .post(`/api/sessions/${invited.body.id}/items`)
      .set(bearer(c.coordinator))
      .send({ situationId: situation.id, invitedUserIds: [c.invitee.id], personAttends: false, carersAttend: false })
      .expect(201);
    expect(withItem.body.items[0]).toMatchObject({ invitedUserIds: [c.invitee.id], invitedUserNames: [names.get(c.invitee.id)] });
  });

  it('the ethics committee reads who accessed a file by name, never by a bare id', async () => {
    const { situation } = await reviewed(t, c, [{ action: 'Suivi', carrierUserId: c.housing.id, dueDate: dateIn(5) }]);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(c.housing)).expect(200);
    const accesses = await t.http().get(`/api/audit/situations/${situation.id}/accesses?limit=200`).set(bearer(ethics)).expect(200);
    const actors = (accesses.body.items as { actor: { userId: string | null; userName: string | null } }[]).map((event) => event.actor);
    expect(actors.filter((actor) => actor.userId === c.housing.id).length).toBeGreaterThan(0);
    const named = actors.filter((actor) => actor.userId !== null && names.has(actor.userId));
    expect(new Set(named.map((actor) => actor.userId))).toEqual(new Set([c.referrer.id, c.coordinator.id, c.housing.id]));
    for (const actor of named) expect(actor.userName).toBe(names.get(actor.userId!));
  });

  it('the commission’s members are listed by name and structure, with no e-mail', async () => {
    const members = await t.http().get('/api/commission/members?limit=200').set(bearer(c.coordinator)).expect(200);
    const housing = (members.body.items as Record<string, unknown>[]).find((member) => member.userId === c.housing.id);
    expect(housing).toMatchObject({ userName: names.get(c.housing.id), organizationName: expect.any(String) });
    expect(JSON.stringify(members.body)).not.toContain(c.housing.email);
  });
});
