import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REMINDERS_QUEUE } from '../src/jobs/daily-jobs.service.js';
import { bearer, createSituation } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser } from './support/test-app.js';

const METRICS_TOKEN = 'un-jeton-de-metriques-assez-long-0000';

/** What an operator reads: Prometheus figures, request ids, and no interactive API explorer in production. */
describe('operations: metrics and request ids', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  it('serves Prometheus metrics only to the scraper holding METRICS_TOKEN', async () => {
    await t.http().get('/api/metrics').expect(401);
    await t.http().get('/api/metrics').set('Authorization', 'Bearer un-autre-jeton-de-la-meme-taille-00').expect(401);
    const scraped = await t.http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(scraped.headers['content-type']).toContain('text/plain');
    expect(scraped.text).toContain('clsm_process_cpu_user_seconds_total');
  });

  it('counts requests by route pattern and status, never by raw path, with pools and the audit chain', async () => {
    const referrer = await createUser(t, admin, { roles: ['referrer'] });
    const situation = await createSituation(t, referrer);
    await t.http().get(`/api/situations/${situation.id}`).set(bearer(referrer)).expect(200);
    const text = (await t.http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;
    expect(text).toMatch(/clsm_http_requests_total\{method="GET",route="\/api\/situations\/:id",status="200"\} [1-9]/);
    expect(text).toMatch(/clsm_http_request_duration_seconds_bucket\{le="0.5",method="GET",route="\/api\/situations\/:id"\}/);
    expect(text).not.toContain(situation.id);
    expect(text).not.toContain(situation.reference);
    expect(text).toMatch(/clsm_db_pool_connections\{pool="cellule",state="total"\} \d+/);
    const head = Number((await t.superuser.query('SELECT max(seq) AS seq FROM audit.event')).rows[0].seq);
    const length = Number(/clsm_audit_chain_length (\d+)/.exec(text)?.[1]);
    expect(length).toBeGreaterThan(0);
    expect(length).toBeLessThanOrEqual(head);
    expect(text).toMatch(/clsm_audit_last_checkpoint_age_seconds -?\d/);
  });

  it('counts the job queue by queue and state', async () => {
    // A reminders job deferred to tomorrow: counted, never run (no worker may act on the shared database).
    const { rows } = await t.superuser.query<{ id: string }>(
      `INSERT INTO pgboss.job (name, data, start_after) VALUES ($1, '{}', now() + interval '1 day') RETURNING id`,
      [REMINDERS_QUEUE],
    );
    try {
      const text = (await t.http().get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;
      const stored = (
        await t.superuser.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`, [
          REMINDERS_QUEUE,
        ])
      ).rows[0].n;
      expect(stored).toBeGreaterThan(0);
      expect(text).toContain(`clsm_job_queue_jobs{queue="${REMINDERS_QUEUE}",state="created"} ${stored}`);
    } finally {
      await t.superuser.query('DELETE FROM pgboss.job WHERE id = $1', [rows[0].id]);
    }
  });

  it('every problem names the request id that its log line and X-Request-Id header carry', async () => {
    const refused = await t.http().get('/api/users').set('X-Request-Id', 'support-ticket-4242').expect(401);
    expect(refused.headers['x-request-id']).toBe('support-ticket-4242');
    expect(refused.body.requestId).toBe('support-ticket-4242');
    const invalid = await t.http().post('/api/organizations').set(bearer(admin)).send({ name: '' }).expect(400);
    expect(invalid.body.requestId).toBe(invalid.headers['x-request-id']);
  });
});

describe('operations: production', () => {
  it('serves the OpenAPI document but not the interactive explorer, and no metrics without a token', async () => {
    const t = await startTestApp({ NODE_ENV: 'production' });
    try {
      await t.http().get('/api/docs-json').expect(200);
      const explorer = await t.http().get('/api/docs');
      expect(explorer.status).toBe(404);
      await t.http().get('/api/metrics').expect(404);
    } finally {
      await t.close();
    }
  });
});
