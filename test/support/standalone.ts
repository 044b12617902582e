/**
 * The test harness outside Jest, for the benchmarks and the load test: a throw-away embedded
 * PostgreSQL started exactly as the test run starts one (test/global-setup.mjs, stopped by
 * test/global-teardown.mjs), freshly generated keys, and the real application (startTestApp).
 * Nothing to configure: a fresh clone runs it as it is (BENCH_DATABASE_URL or TEST_DATABASE_URL
 * names a server to use instead of the embedded one).
 */
import { randomBytes } from 'node:crypto';
import { startTestApp, testEnvironment, type TestApp } from './test-app.js';

type Hook = () => Promise<void>;

/** test/global-setup.mjs and test/global-teardown.mjs, from the compiled file (dist/test/...) or the source tree. */
async function harnessHook(name: 'global-setup' | 'global-teardown'): Promise<Hook> {
  const url = new URL(import.meta.url);
  const root = url.pathname.includes('/dist/test/') ? '../../../' : '../../';
  const module = (await import(new URL(`${root}test/${name}.mjs`, url).href)) as { default: Hook };
  return module.default;
}

/** Keys of this run alone: never the test suite's fixed ones, never read from the environment. */
export function generatedKeys(): Record<string, string> {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    AUDIT_MAC_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    CELLULE_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    AUTH_MFA_KEY: randomBytes(32).toString('base64'),
  };
}

export interface Standalone {
  t: TestApp;
  /** Closes the application, then stops the embedded server and removes its data. */
  stop: () => Promise<void>;
}

/**
 * The database alone (unless BENCH_DATABASE_URL names one): test/global-setup.mjs starts it and
 * sets what testEnvironment() reads; `stop` is test/global-teardown.mjs.
 */
export async function startStandaloneDatabase(): Promise<{ stop: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) process.env.TEST_DATABASE_URL = given;
  await (
    await harnessHook('global-setup')
  )();
  return { stop: await harnessHook('global-teardown') };
}

/** The harness's environment on that database, with keys generated for this run. */
export function standaloneEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return testEnvironment({ ACCESS_TOKEN_TTL_SECONDS: '3600', ...generatedKeys(), ...overrides });
}

/**
 * Starts the embedded database (unless BENCH_DATABASE_URL names one) and the real application on
 * it with generated keys; `overrides` are environment variables on top of the harness's.
 */
export async function startStandalone(overrides: Record<string, string> = {}): Promise<Standalone> {
  const database = await startStandaloneDatabase();
  let t: TestApp;
  try {
    t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600', ...generatedKeys(), ...overrides });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return {
    t,
    async stop() {
      try {
        await t.close();
      } finally {
        await database.stop();
      }
    },
  };
}
