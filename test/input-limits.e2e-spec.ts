import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { problemFromDatabaseError } from '../src/common/database-constraint-errors.js';
import { inspectJson } from '../src/common/request-input.js';
import { isCalendarDate, isIsoDateTime } from '../src/common/validation.js';
import { bearer, createSituation, giveConsent, moveTo } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, unique } from './support/test-app.js';

describe('input limits', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
  });
  afterAll(() => t.close());

  it('accepts only real calendar dates and ISO 8601 date-times with an offset', () => {
    for (const good of ['2026-02-28', '2024-02-29', '1900-01-01', '2199-12-31', '9999-12-31'])
      expect({ good, ok: isCalendarDate(good) }).toEqual({ good, ok: true });
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '0000-01-01',
      '1899-12-31',
      '10000-01-01',
      '20261102',
      '2026-1-2',
      12345,
      true,
      null,
      '2026-11-02T00:00:00Z',
    ]) {
      expect({ bad, ok: isCalendarDate(bad) }).toEqual({ bad, ok: false });
    }
    for (const good of ['2026-12-10T14:00:00+01:00', '2026-12-10T14:00Z', '2026-12-10T14:00:00.123Z', '2026-06-30T23:59:59-05:30']) {
      expect({ good, ok: isIsoDateTime(good) }).toEqual({ good, ok: true });
    }
    for (const bad of [
      '2026-12-10T14:00:00',
      '2026-12-10',
      '2026-02-30T10:00:00Z',
      '2026-12-10T24:00:00Z',
      '2026-12-10T14:60:00Z',
      '2026-12-10T14:00:00+15:00',
      '275760-09-13T00:00:00Z',
      12345,
      true,
      '12345',
    ]) {
      expect({ bad, ok: isIsoDateTime(bad) }).toEqual({ bad, ok: false });
    }
  });

  it('walks a body 100,000 levels deep without recursion and names the field holding it', () => {
    const deep = JSON.parse(`{"ok":1,"narrative":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(() => inspectJson(deep)).toThrow(
      expect.objectContaining({ extensions: { errors: [{ field: 'narrative', messages: [expect.any(String)] }] } }),
    );
    expect(() => inspectJson({ a: { b: [{ c: 'ok' }] } })).not.toThrow();
    expect(() => inspectJson({ a: [{ c: 'pair 😀 ok' }] })).not.toThrow();
    expect(() => inspectJson({ a: [{ c: 'lone \ud83d' }] })).toThrow(
      expect.objectContaining({ extensions: { errors: [{ field: 'a[0].c', messages: [expect.any(String)] }] } }),
    );
    // A key holding a NUL is not echoed back: the object that holds it is named.
    expect(() => inspectJson({ a: { ['b\u0000']: 1 } })).toThrow(
      expect.objectContaining({ extensions: { errors: [{ field: 'a', messages: [expect.any(String)] }] } }),
    );
  });

  it('refuses NUL bytes in the query string and the path with 400 problem+json', async () => {
    const query = await t.http().get('/api/situations?reference=20%0026').set(bearer(coordinator)).expect(400);
    expect(query.headers['content-type']).toContain('application/problem+json');
    expect(query.body.errors).toEqual([{ field: 'reference', messages: [expect.stringMatching(/caractère interdit/)] }]);
    const path = await t.http().get('/api/situations/a%00b').set(bearer(coordinator)).expect(400);
    expect(path.headers['content-type']).toContain('application/problem+json');
    const undecodable = await t.http().get('/api/situations/%ED%A0%80').set(bearer(coordinator)).expect(400);
    expect(undecodable.body.detail).not.toContain('%ED');
  });

  it('maps PostgreSQL refusals to 4xx problems, without repeating what PostgreSQL quoted', async () => {
    const client = await t.superuser.connect();
    const codeOf = async (sql: string, parameters: unknown[] = []) => {
      try {
        await client.query(sql, parameters);
      } catch (error) {
        return error;
      }
      throw new Error(`expected a PostgreSQL error from ${sql}`);
    };
    const suffix = unique('t').replace(/[^a-z0-9]/g, '_');
    try {
      await client.query(`CREATE TEMP TABLE parent_${suffix} (id int PRIMARY KEY)`);
      await client.query(
        `CREATE TEMP TABLE child_${suffix} (parent_id int REFERENCES parent_${suffix} (id), label varchar(3) NOT NULL CHECK (label <> 'no') UNIQUE)`,
      );
      const cases: [unknown, number, string?][] = [
        [await codeOf(`INSERT INTO child_${suffix} VALUES (4242, 'a')`), 422, 'parentId'],
        [await codeOf(`INSERT INTO child_${suffix} VALUES (NULL, NULL)`), 422],
        [await codeOf(`INSERT INTO child_${suffix} VALUES (NULL, 'no')`), 422],
        [await codeOf(`INSERT INTO child_${suffix} VALUES (NULL, 'abcd')`), 400],
        [await codeOf('SELECT $1::text', ['a\u0000b']), 400],
        [await codeOf("SELECT '2026-02-30'::date"), 400],
        [await codeOf("SELECT '2026-99-99 99:00'::timestamptz"), 400],
        [await codeOf("SELECT 'secret-value'::uuid"), 400],
      ];
      await client.query(`INSERT INTO child_${suffix} VALUES (NULL, 'dup')`);
      cases.push([await codeOf(`INSERT INTO child_${suffix} VALUES (NULL, 'dup')`), 409]);
      for (const [error, status, field] of cases) {
        const problem = problemFromDatabaseError(error);
        const code = (error as { code: string }).code;
        expect({ code, status: problem?.status }).toEqual({ code, status });
        expect(problem!.detail).toMatch(/^[A-ZÀ-ÿ]/);
        expect(JSON.stringify(problem)).not.toMatch(/secret-value|abcd|2026-02-30|4242/);
        if (field) expect(problem!.errors).toEqual([{ field, messages: [expect.any(String)] }]);
      }
    } finally {
      client.release();
    }
    // Through TypeORM as the service meets them (QueryFailedError), too.
    const dataSource = t.app.get<DataSource>(getDataSourceToken('cellule'));
    const failed = await dataSource.query('SELECT $1::date', ['2026-02-30']).catch((error: unknown) => error);
    expect(problemFromDatabaseError(failed)).toMatchObject({ status: 400 });
    // Anything else (a bug, an outage) is not the client's mistake.
    expect(problemFromDatabaseError(await dataSource.query('SELECT 1/0').catch((error: unknown) => error))).toBeUndefined();
    expect(problemFromDatabaseError(new Error('boom'))).toBeUndefined();
  });

  it('answers an unknown recommendation carrier with 422 naming the field, and writes nothing', async () => {
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    const member = await createUser(t, admin, { roles: ['member'], professionalCategory: 'nurse' });
    await t.http().post('/api/commission/members').set(bearer(coordinator)).send({ userId: member.id, kind: 'permanent' }).expect(201);
    const situation = await createSituation(t, referrer);
    await moveTo(t, coordinator, situation.id, [{ to: 'admissible' }]);
    await giveConsent(t, coordinator, situation.id);
    const session = await t
      .http()
      .post('/api/sessions')
      .set(bearer(coordinator))
      .send({ scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), location: 'Salle 2' })
      .expect(201);
    const sessionId = session.body.id as string;
    const item = await t
      .http()
      .post(`/api/sessions/${sessionId}/items`)
      .set(bearer(coordinator))
      .send({ situationId: situation.id, invitedUserIds: [], personAttends: false, carersAttend: false })
      .expect(201);
    const itemId = item.body.items[0].id as string;
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(coordinator)).send({ to: 'agenda_published' }).expect(200);
    await t.http().post(`/api/sessions/${sessionId}/status`).set(bearer(coordinator)).send({ to: 'held' }).expect(200);
    const count = async () =>
      (await t.superuser.query('SELECT count(*)::int AS n FROM cellule.recommendation WHERE situation_id = $1', [situation.id])).rows[0].n;

    const response = await t
      .http()
      .put(`/api/sessions/${sessionId}/items/${itemId}/outcome`)
      .set(bearer(coordinator))
      .send({
        summary: 'Synthèse',
        recommendations: [{ action: 'Relancer le bailleur', carrierUserId: randomUUID(), dueDate: '2027-01-15' }],
        pilotUserId: member.id,
        personResponse: { status: 'not_yet_asked' },
      });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 422, errors: [{ field: 'recommendations.carrierUserId' }] });
    expect(await count()).toBe(0);
  });

  it('declares a maximum length for every string and a maximum size for every array of every request body', async () => {
    interface Schema {
      $ref?: string;
      allOf?: Schema[];
      type?: string;
      format?: string;
      enum?: unknown[];
      maxLength?: number;
      maxItems?: number;
      items?: Schema;
      properties?: Record<string, Schema>;
    }
    const document = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    const unbounded: string[] = [];
    const seen = new Set<string>();
    const visit = (schema: Schema, where: string) => {
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop()!;
        if (seen.has(name)) return;
        seen.add(name);
        return visit(document.components.schemas[name], name);
      }
      schema.allOf?.forEach((part) => visit(part, where));
      if (
        schema.type === 'string' &&
        !schema.enum &&
        schema.maxLength === undefined &&
        !['uuid', 'date', 'date-time', 'binary'].includes(schema.format ?? '')
      )
        unbounded.push(`${where}: string without maxLength`);
      if (schema.type === 'array' && schema.maxItems === undefined) unbounded.push(`${where}: array without maxItems`);
      if (schema.items) visit(schema.items, `${where}[]`);
      for (const [key, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${key}`);
    };
    for (const methods of Object.values(document.paths)) {
      for (const operation of Object.values(methods)) {
        for (const content of Object.values(operation.requestBody?.content ?? {})) if (content.schema) visit(content.schema, 'body');
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(unbounded).toEqual([]);
  });
});
