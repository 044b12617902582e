import { DiscoveryModule } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { AppModule } from '../../src/app.module.js';
import { Clock } from '../../src/common/clock.js';
import { AppConfig, buildAppConfig } from '../../src/config/app-config.js';
import { parseEnvironment } from '../../src/config/environment.js';
import { configureApp } from '../../src/configure-app.js';
import { migrateDatabase } from '../../src/database/migrate.js';
import { DirectoryService } from '../../src/directory/directory.service.js';
import { codeAt, currentStep, nextCode, rememberAuthenticator } from './authenticator.js';
import type { ProfessionalCategory, Role } from '../../src/directory/roles.js';

export const TEST_PASSWORD = 'un mot de passe de test solide';
/** The display name `createUser` gives (tests rename people when they need to tell them apart). */
export const TEST_DISPLAY_NAME = 'Utilisateur de test';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** The environment the app was configured from: a CLI started with it reaches the same data. */
  environment: NodeJS.ProcessEnv;
  http: () => TestAgent;
  /** Superuser connection, for what only a database administrator could do or see. */
  superuser: pg.Pool;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

let counter = 0;
/** Unique per process and call, so test files never collide on one database. */
export const unique = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

export function testEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is unset: run the tests with npm test');
  return {
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'clsm-cellule-data-')),
    DATABASE_URL: adminUrl,
    DB_GENERAL_PASSWORD: 'test-general-role-password',
    DB_CELLULE_PASSWORD: 'test-cellule-role-password',
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-000',
    AUDIT_MAC_KEY: Buffer.alloc(32, 7).toString('base64'),
    AUDIT_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
    CELLULE_BLIND_INDEX_KEY: Buffer.alloc(32, 5).toString('base64'),
    AUTH_MFA_KEY: Buffer.alloc(32, 3).toString('base64'),
    CELLULE_MASTER_KEY_FILE: process.env.TEST_MASTER_KEY_FILE!,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
    // No daily job may fire in the middle of a run (the reminders test turns it on, on its own database).
    JOBS_SCHEDULE: 'off',
    ...overrides,
  };
}

/**
 * A new, empty database on the test server, for tests that need a chain of their own (tampering
 * with the audit trail must not break the one every other test file shares).
 */
export async function createFreshDatabase(): Promise<string> {
  const adminUrl = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
  // Unique across the test files of one run: --runInBand loads each file with a fresh counter in one process.
  const name = `clsm_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  adminUrl.pathname = `/${name}`;
  return adminUrl.toString();
}

/** The real application (real PostgreSQL, crypto and guards) on an in-process HTTP server. */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: { clock?: Clock; logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const variables = testEnvironment(overrides);
  const environment = parseEnvironment(variables);
  const config = buildAppConfig(environment, environment.DATABASE_URL!, undefined);
  await migrateDatabase(config);
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, { logStream: options.logStream }), DiscoveryModule] });
  // Only time is replaced, never the database, crypto or authorization.
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  // A testing module is compiled before its HTTP adapter exists, so @nestjs/serve-static would pick its
  // no-op loader: the console (web/dist) is served by the Express loader, as under `npm start`.
  builder.overrideProvider(AbstractLoader).useClass(ExpressLoader);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, config);
  await app.init();
  const superuser = new pg.Pool({ connectionString: config.database.adminUrl, max: 2 });
  // pg's Pool.end() resolves before its idle connections are closed: a database stopped right after
  // may terminate one, and an 'error' event without a listener would end the process.
  superuser.on('error', () => undefined);
  return {
    app,
    config,
    environment: { ...variables, PATH: process.env.PATH },
    http: () => request(app.getHttpServer()),
    superuser,
    async close() {
      await app.close();
      await superuser.end();
    },
  };
}

/**
 * Signs in as a person would: the password, then the second factor from the account's
 * authenticator (enrolled at the first sign-in, as the service requires).
 */
export async function login(
  t: TestApp,
  email: string,
  password = TEST_PASSWORD,
  options: { refreshTokenIn?: 'cookie'; userAgent?: string } = {},
) {
  const first = await t
    .http()
    .post('/api/auth/login')
    .set('User-Agent', options.userAgent ?? 'clsm-tests')
    .send({ email, password, refreshTokenIn: options.refreshTokenIn })
    .expect(200);
  return completeSignIn(t, email, first, options);
}

/** The second step after a right password, from the answer of POST /api/auth/login. */
export async function completeSignIn(
  t: TestApp,
  email: string,
  first: { body: Record<string, unknown>; headers: Record<string, unknown> },
  options: { refreshTokenIn?: 'cookie'; userAgent?: string } = {},
): Promise<{ accessToken: string; refreshToken: string; cookies?: string[] }> {
  const body = first.body;
  const userAgent = options.userAgent ?? 'clsm-tests';
  if (typeof body.accessToken === 'string')
    return { ...(body as { accessToken: string; refreshToken: string }), cookies: setCookies(first.headers) };
  const mfaToken = body.mfaToken as string;
  if (body.mfaEnrollmentRequired) {
    const enrolment = await t.http().post('/api/auth/mfa/totp/enroll').set('Authorization', `Bearer ${mfaToken}`).expect(200);
    const step = currentStep();
    const confirmed = await t
      .http()
      .post('/api/auth/mfa/totp/confirm')
      .set('Authorization', `Bearer ${mfaToken}`)
      .set('User-Agent', userAgent)
      .send({ code: codeAt(enrolment.body.secret as string, step), refreshTokenIn: options.refreshTokenIn })
      .expect(200);
    rememberAuthenticator(email, enrolment.body.secret as string, step, confirmed.body.recoveryCodes as string[]);
    return { ...(confirmed.body as { accessToken: string; refreshToken: string }), cookies: setCookies(confirmed.headers) };
  }
  if (body.mfaRequired) {
    const verified = await t
      .http()
      .post('/api/auth/mfa/verify')
      .set('User-Agent', userAgent)
      .send({ mfaToken, code: nextCode(email), refreshTokenIn: options.refreshTokenIn })
      .expect(200);
    return { ...(verified.body as { accessToken: string; refreshToken: string }), cookies: setCookies(verified.headers) };
  }
  throw new Error(`unexpected login answer: ${Object.keys(body).join(', ')}`);
}

function setCookies(headers: Record<string, unknown>): string[] | undefined {
  const value = headers['set-cookie'];
  return Array.isArray(value) ? (value as string[]) : undefined;
}

/** Accepts the charter in force, as every participant does before seeing a situation. */
export async function acceptCharter(t: TestApp, user: { token: string }) {
  const charter = await t.http().get('/api/ethics/charter').set('Authorization', `Bearer ${user.token}`).expect(200);
  await t
    .http()
    .post('/api/ethics/charter/accept')
    .set('Authorization', `Bearer ${user.token}`)
    .send({ version: charter.body.version })
    .expect(200);
}

/** An administrator created the way the CLI does it, then signed in through the API. */
export async function createAdmin(t: TestApp): Promise<TestUser> {
  const email = `${unique('admin')}@test.example`;
  const { user } = await t.app.get(DirectoryService).createOrResetAdministrator(email, TEST_PASSWORD);
  const tokens = await login(t, email);
  return { id: user.id, email, password: TEST_PASSWORD, token: tokens.accessToken, refreshToken: tokens.refreshToken };
}

/** Members of the ethics committee known to each test application (approvers of access changes). */
const ethicsMembers = new WeakMap<TestApp, TestUser[]>();

/**
 * A user created through the administration API, then signed in. What widens access (case roles,
 * the ethics role) waits for the ethics committee: a member of the committee created for the test
 * application approves it, as the committee would.
 */
export async function createUser(
  t: TestApp,
  admin: TestUser,
  options: {
    roles: Role[];
    organizationId?: string;
    professionalCategory?: ProfessionalCategory;
    acceptCharter?: boolean;
    approve?: boolean;
  },
): Promise<TestUser> {
  const email = `${unique(options.roles.join('-'))}@test.example`;
  const response = await t
    .http()
    .post('/api/users')
    .set('Authorization', `Bearer ${admin.token}`)
    .send({
      email,
      displayName: TEST_DISPLAY_NAME,
      organizationId: options.organizationId,
      professionalCategory: options.professionalCategory ?? 'social_worker',
      roles: options.roles,
      password: TEST_PASSWORD,
    })
    .expect(201);
  const pending = response.body.pendingAccessChangeId as string | null | undefined;
  if (pending && options.approve !== false) await approveAccessChange(t, admin, pending, response.body.id);
  const tokens = await login(t, email);
  if (options.acceptCharter !== false) await acceptCharter(t, { token: tokens.accessToken });
  const user = { id: response.body.id, email, password: TEST_PASSWORD, token: tokens.accessToken, refreshToken: tokens.refreshToken };
  if (options.roles.includes('ethics') && options.acceptCharter !== false) ethicsMembers.set(t, [...(ethicsMembers.get(t) ?? []), user]);
  return user;
}

/** A member of the ethics committee other than `subjectId` approves a pending access change. */
export async function approveAccessChange(t: TestApp, admin: TestUser, changeId: string, subjectId: string): Promise<void> {
  const approver = (ethicsMembers.get(t) ?? []).find((member) => member.id !== subjectId) ?? (await harnessEthicsMember(t, admin));
  await t.http().post(`/api/access-changes/${changeId}/approve`).set('Authorization', `Bearer ${approver.token}`).send({}).expect(200);
}

/**
 * The test run's own member of the ethics committee. Test files share one database, where another
 * file's members may already sit: the fixture's own appointment is then approved in the database
 * directly, as the committee members of that other file would have done.
 */
async function harnessEthicsMember(t: TestApp, admin: TestUser): Promise<TestUser> {
  const email = `${unique('ethics-harness')}@test.example`;
  const response = await t
    .http()
    .post('/api/users')
    .set('Authorization', `Bearer ${admin.token}`)
    .send({ email, displayName: 'Comité d’éthique (tests)', professionalCategory: 'other', roles: ['ethics'], password: TEST_PASSWORD })
    .expect(201);
  if (response.body.pendingAccessChangeId) {
    await t.superuser.query(`UPDATE clsm.access_change SET status = 'approved', decided_at = now() WHERE id = $1`, [
      response.body.pendingAccessChangeId,
    ]);
    await t.superuser.query(`UPDATE clsm.user_account SET roles = '{ethics}' WHERE id = $1`, [response.body.id]);
  }
  const tokens = await login(t, email);
  await acceptCharter(t, { token: tokens.accessToken });
  const member = { id: response.body.id, email, password: TEST_PASSWORD, token: tokens.accessToken, refreshToken: tokens.refreshToken };
  ethicsMembers.set(t, [...(ethicsMembers.get(t) ?? []), member]);
  return member;
}

/** A clock the test moves by hand (access windows, overdue recommendations). */
export class ManualClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): void {
    this.offsetMs += days * 24 * 60 * 60 * 1000;
  }
}
