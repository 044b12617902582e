/**
 * What one secured request asks of the database: prints the SQL statements (texts, never values)
 * of a read, a page of 50 and a create; then, with BENCH_LIST_ROWS (default 10000) situations copied
 * in by SQL, the plan of a coordinator's page and its latency through the API (sequential requests).
 * Run: npm run bench:trace   (embedded PostgreSQL and generated keys, as npm run bench)
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { startStandalone } from '../support/standalone.js';
import { createSituation, intakeBody } from '../support/situations.js';
import { statementLogOf, statementsOf } from '../support/sql-statements.js';
import { createAdmin, createUser } from '../support/test-app.js';

const LIST_ROWS = Number(process.env.BENCH_LIST_ROWS ?? 10_000);
const print = (line: string) => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const { t, stop } = await startStandalone();
try {
  const admin = await createAdmin(t);
  const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
  const referrer = await createUser(t, admin, { roles: ['referrer'] });
  const situations: { id: string }[] = [];
  for (let index = 0; index < 60; index++) situations.push(await createSituation(t, referrer));
  const auth = { Authorization: `Bearer ${coordinator.token}` };
  await t.http().get(`/api/situations/${situations[0].id}`).set(auth).expect(200);
  for (const [name, work] of [
    ['read', () => t.http().get(`/api/situations/${situations[0].id}`).set(auth).expect(200)],
    ['page of 50', () => t.http().get('/api/situations?limit=50').set(auth).expect(200)],
    [
      'create',
      () =>
        t
          .http()
          .post('/api/situations')
          .set({ Authorization: `Bearer ${referrer.token}` })
          .send(intakeBody())
          .expect(201),
    ],
  ] as const) {
    const texts = await statementsOf(work);
    print(`--- ${name}: ${texts.length} statements`);
    for (const text of texts) print(`  ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }

  if (LIST_ROWS > 0) {
    // Copies of the first situation (same ciphertexts, keys and referrer), spread over two years.
    await t.superuser.query(
      `WITH source AS (SELECT * FROM cellule.situation WHERE id = $1), made AS (
         INSERT INTO cellule.situation (id, reference, year, status, problem_areas, birth_decade, referrer_user_id, referrer_organization_id,
           blind_index, identity_enc, contact_enc, social_enc, health_enc, narrative_enc, created_at, updated_at)
         SELECT gen_random_uuid(), 'CC-' || (2024 + n % 2) || '-' || lpad((100000 + n)::text, 6, '0'), 2024 + n % 2, s.status, s.problem_areas,
           s.birth_decade, s.referrer_user_id, s.referrer_organization_id, s.blind_index, s.identity_enc, s.contact_enc, s.social_enc, s.health_enc,
           s.narrative_enc, now() - n * interval '1 minute', now() - n * interval '1 minute'
         FROM source s, generate_series(1, $2) n RETURNING id)
       INSERT INTO cellule.situation_key (situation_id, kek_version, wrapped_dek)
         SELECT made.id, k.kek_version, k.wrapped_dek FROM made, cellule.situation_key k WHERE k.situation_id = $1`,
      [situations[0].id, LIST_ROWS],
    );
    await t.superuser.query('ANALYZE cellule.situation');
    const plan = await t.superuser.query(
      `EXPLAIN SELECT id FROM cellule.situation situation ORDER BY situation.created_at DESC, situation.id DESC LIMIT 50`,
    );
    print(`--- plan of a coordinator's page at ${LIST_ROWS + 61} situations:`);
    for (const row of plan.rows) print(`  ${row['QUERY PLAN']}`);
    const latencies: number[] = [];
    for (let index = 0; index < 30; index++) {
      const begin = performance.now();
      await t.http().get('/api/situations?limit=50').set(auth).expect(200);
      latencies.push(performance.now() - begin);
    }
    latencies.sort((a, b) => a - b);
    print(
      `page of 50 at ${LIST_ROWS + 61} situations, 30 sequential requests: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
    );
    const log = await statementLogOf(() => t.http().get('/api/situations?limit=50').set(auth).expect(200));
    print('--- its statements, ms each:');
    log.texts.forEach((text, index) =>
      print(`  ${(log.durations[index] ?? NaN).toFixed(1).padStart(7)}  ${text.replace(/\s+/g, ' ').slice(0, 120)}`),
    );
  }
} finally {
  await stop();
}
