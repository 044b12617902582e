import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_PAGE_OFFSET } from '../src/common/page-query.dto.js';
import { openApiDocumentWithoutDatabase } from '../src/openapi-preview.js';
import { listRoutes } from './support/routes.js';
import { createAdmin, startTestApp, type TestApp, type TestUser } from './support/test-app.js';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
};
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const operationsOf = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, path, operation })),
  );

/** Every string, integer and array schema reachable from `schema`, with where it was found. */
function boundedSchemas(
  document: OpenApiDocument,
  schema: Schema,
  where: string,
  seen = new Set<string>(),
): { where: string; schema: Schema }[] {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return boundedSchemas(document, document.components.schemas[name], name, seen);
  }
  const found: { where: string; schema: Schema }[] = [];
  if (schema.type === 'string' || schema.type === 'integer' || schema.type === 'array') found.push({ where, schema });
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    found.push(...boundedSchemas(document, property, `${where}.${name}`, seen));
  if (schema.items) found.push(...boundedSchemas(document, schema.items, `${where}[]`, seen));
  for (const part of schema.allOf ?? []) found.push(...boundedSchemas(document, part, where, seen));
  return found;
}

const unbounded = (schema: Schema) =>
  (schema.type === 'string' && schema.maxLength === undefined && schema.enum === undefined && schema.format !== 'binary') ||
  (schema.type === 'integer' && (schema.minimum === undefined || schema.maximum === undefined)) ||
  (schema.type === 'array' && schema.maxItems === undefined);

/** The contract clients generate code from (README "The API contract"); `npm run lint:api` lints it. */
describe('OpenAPI contract', () => {
  let t: TestApp;
  let admin: TestUser;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    document = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('the document written without a database (npm run openapi) is the one the service publishes', async () => {
    expect(JSON.parse(JSON.stringify(await openApiDocumentWithoutDatabase()))).toEqual(document);
  });

  it('every operation has a short summary, a tag and a stable, unique operationId', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(90);
    const bad = operations
      .filter(
        ({ operation }) =>
          !operation.summary ||
          operation.summary.length > 80 ||
          !operation.tags?.length ||
          !/^[A-Z][A-Za-z]+Controller_[a-z][A-Za-z]+$/.test(operation.operationId ?? ''),
      )
      .map(({ route }) => route);
    expect(bad).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.paths['/api/users'].get.operationId).toBe('UsersController_list');
  });

  it('security follows each route’s access declaration and every error is a documented problem+json', () => {
    const accessByRoute = new Map(
      listRoutes(t.app).map((route) => [`${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`, route.access]),
    );
    const wrong: string[] = [];
    for (const { route, path, operation } of operationsOf(document)) {
      const access = accessByRoute.get(route);
      const statuses = Object.keys(operation.responses);
      const isPublic = access?.kind === 'public';
      if (JSON.stringify(operation.security) !== JSON.stringify(isPublic ? [] : [{ bearer: [] }])) wrong.push(`${route}: security`);
      for (const status of [
        '400',
        '500',
        ...(isPublic ? [] : ['401']),
        ...(access?.kind === 'roles' ? ['403'] : []),
        ...(access?.kind === 'subject' ? ['403', '404'] : []),
      ]) {
        if (!statuses.includes(status)) wrong.push(`${route}: no ${status}`);
      }
      if (path.includes('{') && !statuses.includes('404')) wrong.push(`${route}: no 404`);
      if (operation.requestBody && !(statuses.includes('413') && statuses.includes('415'))) wrong.push(`${route}: no 413/415`);
      if (path.startsWith('/api/auth/') && !(operation.responses['429']?.headers && 'Retry-After' in operation.responses['429'].headers))
        wrong.push(`${route}: no 429 with Retry-After`);
      for (const status of statuses.filter((code) => /^[45]/.test(code))) {
        if (!operation.responses[status].content?.['application/problem+json']) wrong.push(`${route}: ${status} is not problem+json`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every string, integer and array a client sends states its limit', () => {
    const open: string[] = [];
    for (const { route, operation } of operationsOf(document)) {
      for (const parameter of operation.parameters ?? []) {
        for (const { where, schema } of boundedSchemas(document, parameter.schema, `${parameter.in} ${parameter.name}`)) {
          if (unbounded(schema)) open.push(`${route} ${where}`);
        }
        if (parameter.in === 'path' && parameter.schema.format !== 'uuid') open.push(`${route} path ${parameter.name}: not a uuid`);
      }
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        for (const { where, schema } of boundedSchemas(document, media.schema, 'body')) {
          if (unbounded(schema)) open.push(`${route} ${where}`);
        }
      }
    }
    expect(open).toEqual([]);
  });

  it('the limits it states are the ones the service enforces', async () => {
    const users = document.paths['/api/users'].get.parameters!;
    expect(users.find((parameter) => parameter.name === 'limit')!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    expect(users.find((parameter) => parameter.name === 'offset')!.schema).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: MAX_PAGE_OFFSET,
    });
    const list = (query: string) => t.http().get(`/api/users?${query}`).set('Authorization', `Bearer ${admin.token}`);
    await list('limit=200').expect(200);
    await list('limit=201').expect(400);
    await list(`offset=${MAX_PAGE_OFFSET}`).expect(200);
    await list(`offset=${MAX_PAGE_OFFSET + 1}`).expect(400);
    // A class-validator limit copied into the schema: the display name of a new account.
    const createUser = document.components.schemas.CreateUserDto.properties!;
    expect(createUser.displayName).toHaveProperty('maxLength');
    const tooLong = 'x'.repeat((createUser.displayName.maxLength as number) + 1);
    const refused = await t.http().post('/api/users').set('Authorization', `Bearer ${admin.token}`).send({ displayName: tooLong });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toContain('displayName');
  });
});
