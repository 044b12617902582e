import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCHEMA_FILE = new URL('../../web/src/api/schema.d.ts', import.meta.url);
const HEADER =
  "// Generated from the service's OpenAPI document by test/console/api-types.e2e-spec.ts.\n" +
  '// Regenerate with: UPDATE_API_TYPES=1 npm test -- test/console/api-types.e2e-spec.ts\n\n';

/** The console's typed client is built from these types: an API change that breaks a screen breaks the build. */
describe('console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('web/src/api/schema.d.ts matches the OpenAPI document the service publishes', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body;
    const generated = HEADER + astToString(await openapiTS(document));
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
