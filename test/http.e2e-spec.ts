import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listRoutes } from './support/routes.js';
import { startTestApp, TestApp } from './support/test-app.js';

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health reports both database connections and the audit chain up, without a token', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.details).sort()).toEqual(['audit', 'cellule', 'general']);
  });

  it('sets the security headers: no-store, no-referrer, no framing, HSTS, nosniff', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['cache-control']).toContain('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('gives every response a request id, keeping a well-formed one from the client', async () => {
    const generated = await t.http().get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http().get('/api/health').set('X-Request-Id', 'trace-1234abcd');
    expect(kept.headers['x-request-id']).toBe('trace-1234abcd');
    const replaced = await t.http().get('/api/health').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('answers an unknown path with 404 problem+json', async () => {
    const response = await t.http().get('/api/nowhere').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, type: 'https://clsm-cellule.fr/problems/not-found' });
  });

  it('serves the OpenAPI document with every route, documented errors and the bearer scheme', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    const document = response.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { securitySchemes: object; schemas: object };
    };
    for (const route of listRoutes(t.app)) {
      const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[openApiPath]?.[route.method.toLowerCase()];
      expect({ route: `${route.method} ${route.path}`, documented: Boolean(operation) }).toEqual({
        route: `${route.method} ${route.path}`,
        documented: true,
      });
      if (route.access?.kind !== 'public') expect(Object.keys(operation.responses)).toContain('401');
    }
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    expect(document.components.schemas).toHaveProperty('ProblemDto');
    await t.http().get('/api/docs').expect(200);
  });
});
