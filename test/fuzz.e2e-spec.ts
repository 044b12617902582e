import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { listRoutes } from './support/routes.js';
import { bearer, createSituation, giveConsent, intakeBody, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

/**
 * Reads the OpenAPI document and sends every write operation with a JSON body a bounded set of
 * bad bodies (wrong types, arrays for objects, deep nesting, NUL bytes, lone surrogates, huge
 * strings, impossible dates, unknown ids, wrong content types, empty bodies). None may answer 5xx,
 * none may be accepted, every refusal is problem+json, and nothing but the audit trail changes.
 */

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  nullable?: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

interface Operation {
  method: string;
  path: string;
  schema: Schema;
}

interface Case {
  label: string;
  body?: string;
  contentType?: string;
  /** A refusal is expected (4xx); false only for an empty body on an operation with no required field. */
  mustRefuse: boolean;
}

const DEPTH = 10_000;
const HUGE = 'x'.repeat(300 * 1024);
const LONG = 'x'.repeat(100_000);

describe('fuzzing every write endpoint with bad input', () => {
  let t: TestApp;
  let baseUrl: string;
  let document: OpenApiDocument;
  let users: Record<'admin' | 'coordinator' | 'dac', TestUser>;
  let pathIds: Record<string, string>;
  let operations: Operation[];
  let roleOf: Map<string, 'admin' | 'coordinator' | 'dac' | 'public'>;

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };

  /** A plausible value for a schema: right types, unknown ids; the bad values are derived from it. */
  const example = (raw: Schema, name: string): unknown => {
    const schema = resolve(raw);
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'boolean':
        return false;
      case 'integer':
      case 'number':
        return 1;
      case 'array':
        return schema.items ? [example(schema.items, name)] : [];
      case 'object':
      case undefined:
        if (!schema.properties) return {};
        return Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, example(value, key)]));
      default:
        if (schema.format === 'uuid') return randomUUID();
        if (schema.format === 'date') return '2026-11-02';
        if (schema.format === 'date-time') return '2026-12-10T14:00:00+01:00';
        if (/email/i.test(name)) return 'fuzz@example.org';
        if (/phone/i.test(name)) return '03 87 00 00 00';
        return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
  };

  /** Wrong values for one property, by what it should be. */
  const badValues = (raw: Schema): unknown[] => {
    const schema = resolve(raw);
    // null is a value (not a mistake) where the document says the property is nullable.
    if (raw.nullable || schema.nullable) return badValuesOf(schema).filter((value) => value !== null);
    return badValuesOf(schema);
  };
  const badValuesOf = (schema: Schema): unknown[] => {
    if (schema.enum) return ['pas-une-valeur', 1, null, []];
    switch (schema.type) {
      case 'boolean':
        return ['true', 0, null, [], {}];
      case 'integer':
      case 'number':
        return ['1', null, []];
      case 'array': {
        const item = schema.items ? resolve(schema.items) : {};
        const wrongItems = item.type === 'object' || item.properties ? [[[]], [null], ['x']] : [[{}], [null], [12345]];
        return [{}, 'x', null, 1, ...wrongItems];
      }
      case 'object':
      case undefined:
        return [[], 'x', 1, null, true, ...(schema.required?.length ? [{}] : [])];
      default: {
        const common = [12345, true, null, [], {}, 'a\u0000b', 'a\ud800b', 'b\udc00'];
        if (schema.format === 'uuid') return [...common, 'pas-un-uuid'];
        if (schema.format === 'date') return [...common, '2026-02-30', '2026-13-01', '0000-01-01', '20261102'];
        if (schema.format === 'date-time')
          return [...common, '2026-02-30T10:00:00+01:00', '2026-12-10T25:00:00Z', '2026-12-10T14:00:00', '275760-09-13T00:00:00Z'];
        return [...common, LONG];
      }
    }
  };

  /** Every (path, bad value) pair: properties at any depth, through arrays' first item. */
  const propertyCases = (schema: Schema, base: Record<string, unknown>): Case[] => {
    const cases: Case[] = [];
    const visit = (raw: Schema, path: (string | number)[]) => {
      const node = resolve(raw);
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const childPath = [...path, key];
        for (const value of badValues(child)) {
          const body = structuredClone(base);
          setAt(body, childPath, value);
          cases.push({ label: `${childPath.join('.')} = ${preview(value)}`, body: JSON.stringify(body), mustRefuse: true });
        }
        const resolved = resolve(child);
        if (resolved.properties) visit(resolved, childPath);
        if (resolved.type === 'array' && resolved.items && resolve(resolved.items).properties)
          visit(resolve(resolved.items), [...childPath, 0]);
      }
    };
    visit(schema, []);
    return cases;
  };

  const bodyCases = (schema: Schema, base: Record<string, unknown>): Case[] => {
    const firstKey = Object.keys(resolve(schema).properties ?? {})[0] ?? 'a';
    const nothingRequired = !resolve(schema).required?.length;
    const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
    const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
    const json = JSON.stringify(base);
    return [
      { label: `${firstKey} nested ${DEPTH} deep (arrays)`, body: `{"${firstKey}":${deepArray}}`, mustRefuse: true },
      { label: `body nested ${DEPTH} deep (objects)`, body: deepObject, mustRefuse: true },
      { label: `${firstKey} = 300 KB string`, body: JSON.stringify({ ...base, [firstKey]: HUGE }), mustRefuse: true },
      { label: 'unknown property', body: JSON.stringify({ ...base, inconnu: 1 }), mustRefuse: true },
      { label: 'NUL in a key', body: JSON.stringify({ ...base, ['a\u0000']: 1 }), mustRefuse: true },
      { label: 'body is an array', body: JSON.stringify([base]), mustRefuse: true },
      { label: 'body is a string', body: '"x"', mustRefuse: true },
      { label: 'body is null', body: 'null', mustRefuse: true },
      { label: 'malformed JSON', body: json.slice(0, -1), mustRefuse: true },
      { label: 'text/plain', body: json, contentType: 'text/plain', mustRefuse: true },
      { label: 'form', body: `${firstKey}=x`, contentType: 'application/x-www-form-urlencoded', mustRefuse: true },
      { label: 'no content type', body: json, contentType: '', mustRefuse: true },
      { label: 'empty object', body: '{}', mustRefuse: !nothingRequired },
      { label: 'no body', mustRefuse: !nothingRequired },
    ];
  };

  const concrete = (path: string) =>
    path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => {
      if (name === 'id') {
        const resource = path.split('/')[2];
        return pathIds[resource] ?? randomUUID();
      }
      return pathIds[name] ?? randomUUID();
    });

  async function send(operation: Operation, testCase: Case, path = concrete(operation.path)) {
    const role = roleOf.get(`${operation.method} ${operation.path}`) ?? 'coordinator';
    const headers: Record<string, string> = {};
    if (role !== 'public') headers.Authorization = bearer(users[role]).Authorization;
    if (testCase.body !== undefined && testCase.contentType !== '') headers['Content-Type'] = testCase.contentType ?? 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method: operation.method, headers, body: testCase.body });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
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
    const dacOrganization = await organization('dac');
    const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    const dac = await createUser(t, admin, { roles: ['dac'], organizationId: dacOrganization, professionalCategory: 'nurse' });
    const member = await createUser(t, admin, { roles: ['member'], organizationId: await organization('ccas') });
    const target = await createUser(t, admin, { roles: ['referrer'], organizationId: await organization('ccas') });
    users = { admin, coordinator, dac };

    // Real ids for path parameters, so that requests reach validation and the services.
    const situation = await createSituation(t, coordinator);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    const consent = await giveConsent(t, coordinator, situation.id);
    await giveConsent(t, coordinator, situation.id, { purpose: 'dac_transmission' });
    const memberId = (
      await t.http().post('/api/commission/members').set(bearer(coordinator)).send({ userId: member.id, kind: 'permanent' }).expect(201)
    ).body.id as string;
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(coordinator))
      .send({ scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), location: 'Mairie, salle 2' })
      .expect(201);
    const withItem = await t
      .http()
      .post(`/api/sessions/${session.body.id}/items`)
      .set(bearer(coordinator))
      .send({ situationId: situation.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    const referral = await t
      .http()
      .post('/api/referrals')
      .set(bearer(coordinator))
      .send({ situationId: situation.id, dacOrganizationId: dacOrganization, reason: 'Coordination des soins', summaryForDac: 'Synthèse' })
      .expect(201);
    pathIds = {
      situations: situation.id,
      sessions: session.body.id,
      referrals: referral.body.id,
      users: target.id,
      commission: memberId,
      consentId: consent.id,
      itemId: withItem.body.items[0].id,
    };

    // The caller of each route: the role it requires, else the coordinator (case data, own account).
    roleOf = new Map();
    for (const route of listRoutes(t.app)) {
      const key = `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      const access = route.access;
      if (access?.kind === 'public') roleOf.set(key, 'public');
      else if (access?.kind === 'roles')
        roleOf.set(key, access.roles.includes('coordinator') ? 'coordinator' : access.roles.includes('admin') ? 'admin' : 'dac');
      else roleOf.set(key, route.path.endsWith('/inbound') ? 'dac' : 'coordinator');
    }

    document = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    operations = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (['post', 'put', 'patch', 'delete'].includes(method) && schema) operations.push({ method: method.toUpperCase(), path, schema });
      }
    }
  }, 120_000);

  afterAll(() => t.close());

  /** A fingerprint of every row of the cellule and clsm tables (updates count, not only inserts). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await t.superuser.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema IN ('clsm', 'cellule') AND table_type = 'BASE TABLE'
          -- failed logins with the fuzzed e-mails are counted by design; sessions record their last use
          AND (table_schema, table_name) NOT IN (('clsm', 'login_throttle'), ('clsm', 'auth_session'), ('clsm', 'rate_limit'))
        ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const row = await t.superuser.query<{ count: string; digest: string | null }>(
        `SELECT count(*)::text AS count, md5(string_agg(r::text, ',' ORDER BY r::text)) AS digest FROM ${name} r`,
      );
      result[name] = `${row.rows[0].count} ${row.rows[0].digest ?? ''}`;
    }
    return result;
  }

  it('answers every bad body of every JSON write operation with a 4xx problem, never a 5xx, and changes nothing', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    const failures: string[] = [];
    let sent = 0;
    const check = (operation: Operation, testCase: Case, answer: { status: number; contentType: string; text: string }) => {
      sent++;
      const where = `${operation.method} ${operation.path} [${testCase.label}] → ${answer.status}`;
      if (answer.status >= 500) return failures.push(`${where}: server error`);
      if (answer.status < 400) {
        if (testCase.mustRefuse) failures.push(`${where}: accepted`);
        return;
      }
      if (!answer.contentType.startsWith('application/problem+json')) return failures.push(`${where}: content type ${answer.contentType}`);
      const problem = JSON.parse(answer.text) as { type?: unknown; title?: unknown; status?: unknown };
      if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== answer.status) {
        failures.push(`${where}: not a problem document`);
      }
    };

    const casesOf = (operation: Operation) => {
      const base = example(operation.schema, '') as Record<string, unknown>;
      return { base, cases: [...bodyCases(operation.schema, base), ...propertyCases(operation.schema, base)] };
    };
    // First the empty bodies that are valid (a PATCH changing nothing may still touch a row): no 5xx.
    for (const operation of operations) {
      for (const testCase of casesOf(operation).cases.filter((candidate) => !candidate.mustRefuse))
        check(operation, testCase, await send(operation, testCase));
    }
    const before = await fingerprint();
    for (const operation of operations) {
      const { base, cases: all } = casesOf(operation);
      const cases = all.filter((candidate) => candidate.mustRefuse);
      // A few at a time: bounded, and some concurrency without queueing the pool.
      for (let index = 0; index < cases.length; index += 8) {
        const batch = cases.slice(index, index + 8);
        const answers = await Promise.all(batch.map((testCase) => send(operation, testCase)));
        batch.forEach((testCase, position) => check(operation, testCase, answers[position]));
      }
      // A NUL byte and a lone surrogate in a path parameter.
      if (operation.path.includes('{')) {
        for (const bad of ['a%00b', '%ED%A0%80', '%00']) {
          const path = concrete(operation.path).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, bad);
          const testCase: Case = { label: `path ${bad}`, body: JSON.stringify(base), mustRefuse: true };
          check(operation, testCase, await send(operation, testCase, path));
        }
      }
    }

    expect({ failures: failures.slice(0, 60), count: failures.length }).toEqual({ failures: [], count: 0 });
    expect(sent).toBeGreaterThan(1000);
    expect(sent).toBeLessThan(8000);
    // Nothing was written, not even partly: only the audit trail (a separate schema) grew.
    expect(await fingerprint()).toEqual(before);
  }, 300_000);

  it('refuses the unsafe inputs the fuzz found before with the expected statuses', async () => {
    const situationCase = (body: unknown): Case => ({ label: 'intake', body: JSON.stringify(body), mustRefuse: true });
    const intake = intakeBody();
    const create: Operation = { method: 'POST', path: '/api/situations', schema: {} };
    const status = async (operation: Operation, body: unknown) => (await send(operation, situationCase(body))).status;

    // The emergency screening must be answered, question by question.
    expect(await status(create, { ...intake, screening: [] })).toBe(400);
    expect(await status(create, { ...intake, screening: {} })).toBe(400);
    expect(await status(create, { ...intake, screening: { immediateDanger: false } })).toBe(400);
    expect(await status(create, { ...intake, screening: { immediateDanger: 'false', acuteMedicalNeed: false, suicidalRisk: false } })).toBe(
      400,
    );
    expect(await status(create, { ...intake, screening: { immediateDanger: false, acuteMedicalNeed: false } })).toBe(400);
    expect(await status(create, { ...intake, identity: [] })).toBe(400);
    expect(await status(create, { ...intake, identity: { ...intake.identity, birthDate: '1984-02-30' } })).toBe(400);
    // Dates and date-times.
    const session: Operation = { method: 'POST', path: '/api/sessions', schema: {} };
    for (const scheduledAt of [12345, true, '2026-12-10', '2026-12-10T14:00:00', '2026-02-30T14:00:00Z']) {
      expect({ scheduledAt, status: await status(session, { scheduledAt, location: 'Salle 2' }) }).toEqual({ scheduledAt, status: 400 });
    }
    // null never reaches a NOT NULL column.
    const patchUser: Operation = { method: 'PATCH', path: '/api/users/{id}', schema: {} };
    for (const field of ['displayName', 'active', 'roles', 'professionalCategory']) {
      expect({ field, status: await status(patchUser, { [field]: null }) }).toEqual({ field, status: 400 });
    }
    // Limits: 413 above 256 KB, 400 for depth, 415 for a form.
    const deep = await send(create, { label: 'deep', body: '{"identity":' + '['.repeat(40) + ']'.repeat(40) + '}', mustRefuse: true });
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.text)).toMatchObject({ type: 'https://clsm-cellule.fr/problems/validation', errors: [{ field: 'identity' }] });
    const huge = await send(create, { label: 'huge', body: JSON.stringify({ ...intake, narrative: HUGE }), mustRefuse: true });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).detail).toMatch(/trop volumineux/);
    const nul = await send(create, {
      label: 'nul',
      body: JSON.stringify({ ...intake, identity: { ...intake.identity, birthName: 'Du\u0000pont' } }),
      mustRefuse: true,
    });
    expect(nul.status).toBe(400);
    expect(JSON.parse(nul.text).errors).toEqual([{ field: 'identity.birthName', messages: [expect.stringMatching(/caractère interdit/)] }]);
    const form = await send(create, {
      label: 'form',
      body: 'identity=x',
      contentType: 'application/x-www-form-urlencoded',
      mustRefuse: true,
    });
    expect(form.status).toBe(415);
  });
});

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' && value.length > 30 ? `"${value.length} chars"` : JSON.stringify(value);
  // eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL refuses in text: it is replaced on purpose
  return (text ?? String(value)).replace(/[\u0000\ud800-\udfff]/g, '?');
}
