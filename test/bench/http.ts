/**
 * The cost of security, measured: the service's real code (AppModule: tokens, access decisions,
 * consent, envelope encryption, the hash-chained audit trail) and a bare baseline (test/bench/
 * bare-app.ts: NestJS + TypeORM, same schema and rows, no security) answer the same scenarios in
 * the same run, one after the other, under autocannon at 1, 10 and 50 clients. One line per
 * scenario and client count: p50, p99 and throughput, secured / bare, and the ratio; any non-2xx
 * answer is counted as a failure. Then, in the same run:
 * - list latency at 10 k and 100 k situations: rows copied in by SQL (as npm run bench:trace does),
 *   a coordinator's page of 50 asked sequentially of both services, p50 and p95 (the target:
 *   p95 ≤ 20 ms at 100 k);
 * - the audit verification at 1 M entries: test/bench/audit-verify.ts (npm run bench:verify) in a
 *   process and embedded database of its own, so its memory figures are its own; its lines as it
 *   prints them (rate, peak RSS and heap, point reads idle and during a verification).
 * All the figures are also written as JSON (BENCH_JSON, default bench-results/http-<time>.json) to
 * compare runs. Prints figures; asserts nothing.
 *
 * The scenarios (secured: the service's API; bare: the same work on the same tables, no security):
 * - read: GET /api/situations/:id, one situation, as the coordinator;
 * - page: GET /api/situations?limit=50, as the coordinator;
 * - search: GET /api/situations?reference=CC-<year>-<n>, as the coordinator: the service searches on
 *   the case reference only (LIKE '%…%'; never on content, so not on the person's name: its blind
 *   index serves duplicate detection alone); it finds one of the bench's situations;
 * - create: POST /api/situations, a new saisine (test/support/situations.ts intakeBody()), as its referrer;
 * - update: PATCH /api/situations/:id {"contact":{"phone":"06 …"}}, a rectified phone number, as the
 *   referrer; each request takes the next of the bench's situations in turn (a write locks its row:
 *   50 clients never wait on each other's row), the bare side its own rows likewise;
 * - download: GET /api/situations/:id/documents/:documentId, a 1 MiB PDF uploaded once through the
 *   API by the referrer, as the coordinator (the bare side: its own copy, stored as is).
 *
 * Run: npm run bench   (no configuration: embedded PostgreSQL, generated keys, its own data)
 * BENCH_SECONDS (default 5) per measurement, BENCH_CLIENTS (default 1,10,50),
 * BENCH_SCENARIOS (default read,page,search,create,update,download), BENCH_SITUATIONS (default 200)
 * rows before it starts, BENCH_LIST_SIZES (default 10000,100000; empty: no list latency),
 * BENCH_VERIFY=0 to leave out the audit verification, BENCH_ENTRIES (default 1000000) its size.
 * About 9 minutes at the defaults on 2 cores, 4 of them the audit verification (mostly filling its
 * 1 M entries); BENCH_SECONDS=2 takes about 7.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startStandalone } from '../support/standalone.js';
import { bearer, createSituation, intakeBody } from '../support/situations.js';
import { createAdmin, createUser, type TestApp, type TestUser } from '../support/test-app.js';
import { startBareApp, type BareApp } from './bare-app.js';

/** The environment as launched: the harness then points this process's at its own database. */
const LAUNCH_ENVIRONMENT = { ...process.env };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,10,50').split(',').map(Number);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'read,page,search,create,update,download').split(',').filter(Boolean);
const SITUATIONS = Number(process.env.BENCH_SITUATIONS ?? 200);
const LIST_SIZES = (process.env.BENCH_LIST_SIZES ?? '10000,100000').split(',').filter(Boolean).map(Number);
const VERIFY = process.env.BENCH_VERIFY !== '0';
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
/** The downloaded document: 1 MiB. */
const DOCUMENT_BYTES = 1024 * 1024;
/** Sequential pages asked at each list size, after LIST_WARMUP not counted. */
const LIST_REQUESTS = 50;
const LIST_WARMUP = 10;
const print = (line: string) => process.stdout.write(`${line}\n`);

// autocannon keeps each response's body as a string (for options this bench does not use), decoding
// every chunk in this process, the services' own: 1 MiB of random bytes per download, and some of the
// page's 50 rows. The client keeps none, so it costs the services as little as it can.
try {
  (
    createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: { addBody: (data: Buffer) => void } }
  ).prototype.addBody = () => {};
} catch {
  process.stderr.write('autocannon has no lib/pipelinedRequestsQueue.js any more: the client keeps its response bodies\n');
}

/**
 * The bench's one way in: every token it uses comes from here, through the test harness's own
 * helpers (createAdmin, createUser), so a change of sign-in (a second factor) is adapted in the
 * harness and here only.
 */
async function signIn(t: TestApp): Promise<{ coordinator: TestUser; referrer: TestUser }> {
  const admin = await createAdmin(t);
  const coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'coordinator' });
  const referrer = await createUser(t, admin, { roles: ['referrer'] });
  return { coordinator, referrer };
}

interface Figures {
  p50: number;
  p99: number;
  throughput: number;
  requests: number;
  failures: number;
}

interface Request {
  method: 'GET' | 'POST' | 'PATCH';
  /** The first request's path (under the service's base URL). */
  path: string;
  token?: string;
  /** Before each request: another path (updates go round the rows) and/or a new JSON body (creates must not all name the same person). */
  next?: () => { path?: string; body?: unknown };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/**
 * One autocannon run. Latencies are taken from its per-response event (sub-millisecond, where its
 * own histogram keeps whole milliseconds); throughput counts the 2xx answers only.
 */
async function measure(baseUrl: string, request: Request, connections: number, seconds: number): Promise<Figures> {
  const headers: Record<string, string> = { ...(request.token ? { authorization: `Bearer ${request.token}` } : {}) };
  if (request.method !== 'GET') headers['content-type'] = 'application/json';
  const prefix = new URL(baseUrl).pathname;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${request.path}`,
        connections,
        duration: seconds,
        requests: [
          {
            method: request.method,
            headers,
            ...(request.next
              ? {
                  setupRequest: (req: autocannon.Request) => {
                    const next = request.next!();
                    return {
                      ...req,
                      ...(next.path !== undefined ? { path: `${prefix}${next.path}` } : {}),
                      ...(next.body !== undefined ? { body: JSON.stringify(next.body) } : {}),
                    };
                  },
                }
              : {}),
          },
        ],
      },
      (error: Error | null, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const failures =
    [...statuses].filter(([status]) => status < 200 || status >= 300).reduce((sum, [, count]) => sum + count, 0) +
    result.errors +
    result.timeouts;
  if (failures > 0)
    process.stderr.write(
      `${request.method} ${baseUrl}${request.path}: statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${result.errors} errors\n`,
    );
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / seconds,
    requests: latencies.length,
    failures,
  };
}

const ratio = (secured: number, bare: number) => (bare > 0 ? secured / bare : NaN);
const ms = (value: number) => value.toFixed(2).padStart(7);

/** A PDF of `size` bytes (its header and trailer around random bytes): the service types documents from their content. */
const pdf = (size: number) => {
  const head = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
};

/** A sanity check before measuring: the request answers 2xx on this side. */
async function answers(url: string, init: RequestInit & { token?: string }): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.headers as Record<string, string>) },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

/** Rows and documents both services work on, and the scenarios' requests on them. */
async function prepare(t: TestApp, securedUrl: string, bare: BareApp, coordinator: TestUser, referrer: TestUser) {
  // The bare service's own rows (plain JSON) first, so the newest rows, those a page shows, are the
  // service's: the bare side updates these (its merge needs its own bytes, and the service must
  // never meet plain bytes where it expects its ciphertexts).
  const bareIds: string[] = [];
  for (let batch = 0; batch < SITUATIONS; batch += 10) {
    const created = await Promise.all(
      Array.from({ length: Math.min(10, SITUATIONS - batch) }, async () => {
        const response = await answers(bare.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(intakeBody()),
        });
        return ((await response.json()) as { id: string }).id;
      }),
    );
    bareIds.push(...created);
  }
  // Rows both services read: the secured service writes them (the bare one reads their ciphertexts).
  const secured: { id: string; reference: string }[] = [];
  for (let batch = 0; batch < SITUATIONS; batch += 10) {
    secured.push(...(await Promise.all(Array.from({ length: Math.min(10, SITUATIONS - batch) }, () => createSituation(t, referrer)))));
  }
  const ids = secured.map((situation) => situation.id);
  const row = ids[0];
  // The search looks for one of them by its reference, as a coordinator would type it.
  const reference = secured[Math.floor(secured.length / 2)].reference;

  // One 1 MiB document each side: through the service's API (encrypted), and stored as is by the bare one.
  const content = pdf(DOCUMENT_BYTES);
  const uploaded = await t
    .http()
    .post(`/api/situations/${row}/documents`)
    .set(bearer(referrer))
    .attach('file', content, 'bilan-bench.pdf')
    .expect(201);
  const documentId = (uploaded.body as { id: string }).id;
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/pdf' }), 'bilan-bench.pdf');
  const bareDocument = (await (await answers(`${bare.url}/${bareIds[0]}/documents`, { method: 'POST', body: form })).json()) as {
    id: string;
  };

  let securedTurn = 0;
  let bareTurn = 0;
  const phone = (turn: number) =>
    `06 ${String(turn % 100_000_000)
      .padStart(8, '0')
      .replace(/(\d\d)(?=\d)/g, '$1 ')}`;
  const scenarios: Record<string, { secured: Request; bare: Request }> = {
    read: { secured: { method: 'GET', path: `/situations/${row}`, token: coordinator.token }, bare: { method: 'GET', path: `/${row}` } },
    page: {
      secured: { method: 'GET', path: '/situations?limit=50', token: coordinator.token },
      bare: { method: 'GET', path: '?limit=50' },
    },
    search: {
      secured: { method: 'GET', path: `/situations?reference=${reference}`, token: coordinator.token },
      bare: { method: 'GET', path: `?reference=${reference}` },
    },
    create: {
      secured: { method: 'POST', path: '/situations', token: referrer.token, next: () => ({ body: intakeBody() }) },
      bare: { method: 'POST', path: '', next: () => ({ body: intakeBody() }) },
    },
    update: {
      secured: {
        method: 'PATCH',
        path: `/situations/${ids[0]}`,
        token: referrer.token,
        next: () => {
          const turn = securedTurn++;
          return { path: `/situations/${ids[turn % ids.length]}`, body: { contact: { phone: phone(turn) } } };
        },
      },
      bare: {
        method: 'PATCH',
        path: `/${bareIds[0]}`,
        next: () => {
          const turn = bareTurn++;
          return { path: `/${bareIds[turn % bareIds.length]}`, body: { contact: { phone: phone(turn) } } };
        },
      },
    },
    download: {
      secured: { method: 'GET', path: `/situations/${row}/documents/${documentId}`, token: coordinator.token },
      bare: { method: 'GET', path: `/${bareIds[0]}/documents/${bareDocument.id}` },
    },
  };

  // Each request once on each side before measuring: a scenario that does not answer 2xx stops the bench here.
  const found = (await (await answers(`${securedUrl}/situations?reference=${reference}`, { token: coordinator.token })).json()) as {
    items: { reference: string }[];
  };
  const bareFound = (await (await answers(`${bare.url}?reference=${reference}`, {})).json()) as { items: { reference: string }[] };
  if (!found.items.some((item) => item.reference === reference) || !bareFound.items.some((item) => item.reference === reference))
    throw new Error(`the search for ${reference} does not find it`);
  for (const [url, token] of [
    [`${securedUrl}/situations/${row}/documents/${documentId}`, coordinator.token],
    [`${bare.url}/${bareIds[0]}/documents/${bareDocument.id}`, undefined],
  ] as const) {
    const bytes = Buffer.from(await (await answers(url, { token })).arrayBuffer());
    if (!bytes.equals(content)) throw new Error(`${url}: the document does not come back byte for byte`);
  }
  await answers(`${securedUrl}/situations/${ids[1]}`, {
    method: 'PATCH',
    token: referrer.token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contact: { phone: '06 00 00 00 00' } }),
  });
  await answers(`${bare.url}/${bareIds[1]}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contact: { phone: '06 00 00 00 00' } }),
  });

  const described: Record<string, { secured: string; bare: string }> = {
    read: { secured: 'GET /api/situations/:id as the coordinator', bare: 'GET /api/bare/situations/:id' },
    page: { secured: 'GET /api/situations?limit=50 as the coordinator', bare: 'GET /api/bare/situations?limit=50' },
    search: {
      secured: `GET /api/situations?reference=${reference} as the coordinator (LIKE on the case reference)`,
      bare: `GET /api/bare/situations?reference=${reference}`,
    },
    create: { secured: 'POST /api/situations {intakeBody()} as the referrer', bare: 'POST /api/bare/situations {intakeBody()}' },
    update: {
      secured: `PATCH /api/situations/:id {"contact":{"phone":"06 …"}} as the referrer, round the ${ids.length} service rows`,
      bare: `PATCH /api/bare/situations/:id, same body, round the ${bareIds.length} bare rows`,
    },
    download: {
      secured: `GET /api/situations/:id/documents/:documentId (${DOCUMENT_BYTES} bytes, application/pdf) as the coordinator`,
      bare: 'GET /api/bare/situations/:id/documents/:documentId (the same bytes, stored as is)',
    },
  };
  return { scenarios, described, sourceId: row };
}

interface ListFigures {
  situations: number;
  requests: number;
  secured: { p50: number; p95: number; failures: number };
  bare: { p50: number; p95: number; failures: number };
  ratios: { p50: number; p95: number };
}

/** `count` sequential GETs after `warmup` not counted: p50, p95 (ms) and non-2xx answers. */
async function sequential(url: string, token: string | undefined, warmup: number, count: number) {
  const latencies: number[] = [];
  let failures = 0;
  for (let index = 0; index < warmup + count; index++) {
    const begin = performance.now();
    const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    await response.arrayBuffer();
    const elapsed = performance.now() - begin;
    if (!response.ok) failures++;
    else if (index >= warmup) latencies.push(elapsed);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), failures };
}

/**
 * A coordinator's page of 50 at each size: rows copied in by SQL (copies of one situation, with
 * their data keys, older than every real row so that the page shows real ones, which decrypt), the
 * tables vacuumed and analysed, then LIST_REQUESTS sequential pages on each service.
 */
async function listLatency(t: TestApp, securedUrl: string, bare: BareApp, coordinator: TestUser, sourceId: string): Promise<ListFigures[]> {
  // The bare service's own rows (no data key) go: the service would show them without decrypting
  // anything, a cheaper page than a real one.
  const removed = await t.superuser.query(
    `WITH bare AS (SELECT s.id FROM cellule.situation s WHERE NOT EXISTS (SELECT 1 FROM cellule.situation_key k WHERE k.situation_id = s.id)),
       documents AS (DELETE FROM cellule.document WHERE situation_id IN (SELECT id FROM bare))
     DELETE FROM cellule.situation WHERE id IN (SELECT id FROM bare)`,
  );
  print(
    `list latency: a coordinator's page of 50 (GET /api/situations?limit=50), ${LIST_REQUESTS} sequential requests after ${LIST_WARMUP}, ` +
      `situations copied in by SQL (the bare service's ${removed.rowCount} own rows removed first)`,
  );
  print('situations    p50 ms secured/bare (×)      p95 ms secured/bare (×)   failures');
  const figures: ListFigures[] = [];
  let copied = 0;
  for (const size of LIST_SIZES) {
    const [{ count }] = (await t.superuser.query<{ count: string }>('SELECT count(*) FROM cellule.situation')).rows;
    const missing = size - Number(count);
    if (missing > 0) {
      const began = performance.now();
      await t.superuser.query(
        `WITH source AS (SELECT * FROM cellule.situation WHERE id = $1),
         oldest AS (SELECT min(created_at) AS at FROM cellule.situation),
         made AS (
           INSERT INTO cellule.situation (id, reference, year, status, problem_areas, birth_decade, sex, referrer_user_id, referrer_organization_id,
             blind_index, identity_enc, contact_enc, social_enc, health_enc, narrative_enc, created_at, updated_at)
           SELECT gen_random_uuid(), 'CC-' || (2024 + n % 2) || '-' || lpad((100000 + n)::text, 6, '0'), 2024 + n % 2, s.status, s.problem_areas,
             s.birth_decade, s.sex, s.referrer_user_id, s.referrer_organization_id, s.blind_index, s.identity_enc, s.contact_enc, s.social_enc,
             s.health_enc, s.narrative_enc, o.at - (n - $2) * interval '1 minute', o.at - (n - $2) * interval '1 minute'
           FROM source s, oldest o, generate_series($2 + 1, $2 + $3) n RETURNING id)
         INSERT INTO cellule.situation_key (situation_id, kek_version, wrapped_dek)
           SELECT made.id, k.kek_version, k.wrapped_dek FROM made, cellule.situation_key k WHERE k.situation_id = $1`,
        [sourceId, copied, missing],
      );
      copied += missing;
      // Vacuumed as well as analysed: the visibility map set, as autovacuum leaves a table whose rows
      // are not new (the count can then read the index alone), and no autovacuum during the measurement.
      await t.superuser.query('VACUUM (ANALYZE) cellule.situation, cellule.situation_key');
      process.stderr.write(
        `(${missing} situations copied in, vacuumed and analysed in ${((performance.now() - began) / 1000).toFixed(1)} s)\n`,
      );
    }
    const [{ count: total }] = (await t.superuser.query<{ count: string }>('SELECT count(*) FROM cellule.situation')).rows;
    const secured = await sequential(`${securedUrl}/situations?limit=50`, coordinator.token, LIST_WARMUP, LIST_REQUESTS);
    const plain = await sequential(`${bare.url}?limit=50`, undefined, LIST_WARMUP, LIST_REQUESTS);
    const ratios = { p50: ratio(secured.p50, plain.p50), p95: ratio(secured.p95, plain.p95) };
    figures.push({ situations: Number(total), requests: LIST_REQUESTS, secured, bare: plain, ratios });
    print(
      `${String(total).padStart(10)}   ${ms(secured.p50)} / ${ms(plain.p50)} (${ratios.p50.toFixed(2).padStart(5)})   ` +
        `${ms(secured.p95)} / ${ms(plain.p95)} (${ratios.p95.toFixed(2).padStart(5)})   ${secured.failures}/${plain.failures}`,
    );
  }
  return figures;
}

/**
 * test/bench/audit-verify.ts in a process of its own (its memory figures are its own) with an
 * embedded database of its own: its lines go to this output as it prints them, its figures come
 * back through a JSON file it writes.
 */
async function verification(): Promise<unknown> {
  if (LAUNCH_ENVIRONMENT.BENCH_DATABASE_URL) {
    print('audit verification: left out (BENCH_DATABASE_URL is set; it fills a database of its own: npm run bench:verify on an empty one)');
    return { skipped: 'BENCH_DATABASE_URL is set' };
  }
  print(`audit verification at ${ENTRIES} entries (npm run bench:verify, in its own process and embedded database):`);
  const directory = await mkdtemp(path.join(os.tmpdir(), 'clsm-cellule-bench-'));
  const file = path.join(directory, 'verify.json');
  try {
    const script = fileURLToPath(new URL('./audit-verify.js', import.meta.url));
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', script], {
        env: { ...LAUNCH_ENVIRONMENT, BENCH_ENTRIES: String(ENTRIES), BENCH_VERIFY_JSON: file },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`the audit verification exited with ${code}`);
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function main() {
  const started = new Date();
  const { t, stop } = await startStandalone();
  let closeBare: (() => Promise<void>) | undefined;
  const results: unknown[] = [];
  let lists: ListFigures[] = [];
  let described: Record<string, { secured: string; bare: string }> | undefined;
  try {
    await t.app.listen(0, '127.0.0.1');
    const securedUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api`;
    const { coordinator, referrer } = await signIn(t);
    const bare = await startBareApp(t.config, referrer.id);
    closeBare = bare.close;
    const prepared = await prepare(t, securedUrl, bare, coordinator, referrer);
    described = Object.fromEntries(SCENARIOS.map((name) => [name, prepared.described[name]]));

    print(
      `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    print(
      `${SITUATIONS} situations before the run; ${SECONDS} s per measurement; secured = the service (AppModule), bare = NestJS + TypeORM, no security`,
    );
    for (const name of SCENARIOS) if (prepared.described[name]) print(`  ${name}: ${prepared.described[name].secured}`);
    print('scenario  clients   p50 ms secured/bare (×)      p99 ms secured/bare (×)      throughput req/s secured/bare (×)   failures');
    for (const name of SCENARIOS) {
      const scenario = prepared.scenarios[name];
      if (!scenario) throw new Error(`unknown scenario ${name}`);
      // Warm-up: JIT, pools and caches, both sides.
      await measure(securedUrl, scenario.secured, 10, 2);
      await measure(bare.url, scenario.bare, 10, 2);
      for (const clients of CLIENTS) {
        const secured = await measure(securedUrl, scenario.secured, clients, SECONDS);
        const plain = await measure(bare.url, scenario.bare, clients, SECONDS);
        const ratios = {
          p50: ratio(secured.p50, plain.p50),
          p99: ratio(secured.p99, plain.p99),
          throughput: ratio(secured.throughput, plain.throughput),
        };
        results.push({ scenario: name, clients, secured, bare: plain, ratios });
        print(
          `${name.padEnd(8)} ${String(clients).padStart(8)}   ${ms(secured.p50)} / ${ms(plain.p50)} (${ratios.p50.toFixed(2).padStart(5)})   ` +
            `${ms(secured.p99)} / ${ms(plain.p99)} (${ratios.p99.toFixed(2).padStart(5)})   ` +
            `${secured.throughput.toFixed(0).padStart(7)} / ${plain.throughput.toFixed(0).padStart(7)} (${ratios.throughput.toFixed(2).padStart(5)})   ` +
            `${secured.failures}/${plain.failures}`,
        );
      }
    }

    if (LIST_SIZES.length > 0) lists = await listLatency(t, securedUrl, bare, coordinator, prepared.sourceId);
  } finally {
    await closeBare?.();
    await stop();
  }

  // After the service and its database are gone: the verification has the machine to itself.
  let verified: unknown;
  if (VERIFY) {
    try {
      verified = await verification();
    } catch (error) {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
      verified = { error: (error as Error).message };
    }
  }

  const file = process.env.BENCH_JSON ?? path.join('bench-results', `http-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    JSON.stringify(
      {
        startedAt: started,
        finishedAt: new Date(),
        node: process.version,
        cores: os.cpus().length,
        loadAverage: os.loadavg(),
        seconds: SECONDS,
        situations: SITUATIONS,
        scenarios: described,
        results,
        listLatency: lists,
        ...(VERIFY ? { auditVerification: verified } : {}),
      },
      null,
      2,
    ),
  );
  print(`figures written to ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
