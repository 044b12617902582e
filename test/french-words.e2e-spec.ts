import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { frenchMessage } from '../src/common/validation-messages.js';
import { notFrench, notFrenchParts } from './support/french.js';
import { concretePath } from './support/routes.js';
import { bearer, intakeBody } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** Each route of the OpenAPI document as method and concrete URL, parameters filled with an unknown id. */
function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method, path, url: concretePath(path.replace(/\{([A-Za-z]+)\}/g, ':$1')) })),
  );
}

describe('words for people in French', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let operations: ReturnType<typeof operationsOf>;

  beforeAll(async () => {
    // Its own rate-limit counters: this walk sends many requests to /api/auth.
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
    operations = operationsOf((await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument);
  }, 120_000);
  afterAll(() => t.close());

  const send = (method: string, url: string, token?: TestUser) => {
    const call = (t.http() as unknown as Record<string, (url: string) => import('supertest').Test>)[method](url);
    if (token) call.set(bearer(token));
    return call;
  };

  /** Records every problem whose title, detail or field messages are not French. */
  function checkProblem(where: string, answer: { status: number; body: unknown; headers: Record<string, string> }, failures: string[]) {
    if (answer.status < 400) return;
    if (!String(answer.headers['content-type']).startsWith('application/problem+json'))
      return failures.push(`${where} → ${answer.status}: not problem+json`);
    const problem = answer.body as { type?: string; title?: unknown; detail?: unknown; errors?: { field: string; messages: string[] }[] };
    // The type stays a stable URI for programs.
    if (!/^https:\/\/clsm-cellule\.fr\/problems\/[a-z-]+$/.test(String(problem.type)))
      failures.push(`${where} → ${answer.status}: type ${String(problem.type)}`);
    for (const part of notFrenchParts(problem)) failures.push(`${where} → ${answer.status} ${part}`);
  }

  it('tells apart French and English texts (the check itself)', () => {
    expect(notFrench('Ressource introuvable')).toBeUndefined();
    expect(notFrench('La ressource demandée est introuvable : vérifiez l’adresse.')).toBeUndefined();
    expect(notFrench('Not Found')).toBeDefined();
    expect(notFrench('The resource does not exist or is not visible to you.')).toBeDefined();
    expect(notFrench('name must be a string')).toBeDefined();
    expect(notFrench(undefined)).toBe('missing');
  });

  it('gives class-validator messages in French, and keeps the ones a DTO wrote in French', () => {
    expect(frenchMessage('isString', 'identity.birthName', 'birthName must be a string')).toBe('identity.birthName doit être un texte');
    expect(frenchMessage('maxLength', 'reason', 'reason must be shorter than or equal to 2000 characters')).toBe(
      'reason doit compter au plus 2000 caractères',
    );
    expect(frenchMessage('isIn', 'to', 'to must be one of the following values: admissible, not_admissible')).toBe(
      "to doit valoir l'une de ces valeurs : admissible, not_admissible",
    );
    expect(frenchMessage('whitelistValidation', 'extra', 'property extra should not exist')).toBe(
      "extra n'est pas un champ attendu : retirez-le",
    );
    expect(frenchMessage('isCalendarDate', 'birthDate', 'birthDate doit être une date réelle au format AAAA-MM-JJ')).toBe(
      'birthDate doit être une date réelle au format AAAA-MM-JJ',
    );
  });

  it('answers every route of the OpenAPI document without a token in French', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(50);
    const failures: string[] = [];
    let problems = 0;
    for (const { method, url } of operations) {
      const answer = await send(method, url).send(method === 'get' || method === 'delete' ? undefined : { champInattendu: 1 });
      if (answer.status >= 400) problems++;
      checkProblem(`${method.toUpperCase()} ${url} (sans jeton)`, answer, failures);
    }
    expect(problems).toBeGreaterThanOrEqual(operations.length - 15);
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers every route with bad input and unknown ids in French, field paths kept for programs', async () => {
    const failures: string[] = [];
    let problems = 0;
    for (const { method, path, url } of operations) {
      // Signing out or changing one's own factors would end the walk; those routes are walked without a token above.
      if (path.startsWith('/api/auth')) continue;
      const answer =
        method === 'get'
          ? await send(method, `${url}?limit=-1&offset=abc&champInattendu=1`, coordinator)
          : await send(method, url, coordinator).send(method === 'delete' ? undefined : { champInattendu: 1, reason: 42 });
      if (answer.status >= 400) problems++;
      checkProblem(`${method.toUpperCase()} ${url}`, answer, failures);
    }
    expect(problems).toBeGreaterThanOrEqual(40);
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers an unknown route, a malformed body and invalid fields in French with the property paths', async () => {
    const unknown = await t.http().get('/api/nulle-part').set(bearer(coordinator)).expect(404);
    expect(notFrenchParts(unknown.body)).toEqual([]);
    const malformed = await t
      .http()
      .post('/api/situations')
      .set(bearer(coordinator))
      .set('Content-Type', 'application/json')
      .send('{"identity":')
      .expect(400);
    expect(notFrenchParts(malformed.body)).toEqual([]);
    const body = intakeBody();
    const invalid = await t
      .http()
      .post('/api/situations')
      .set(bearer(coordinator))
      .send({ ...body, identity: { ...body.identity, birthName: 42, sex: 'autre' }, problemAreas: ['logement'], extra: true })
      .expect(400);
    expect(invalid.body.title).toBe('Requête invalide');
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'extra',
      'identity.birthName',
      'identity.sex',
      'problemAreas',
    ]);
    expect(notFrenchParts(invalid.body)).toEqual([]);
  });
});
