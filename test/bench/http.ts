/**
 * The cost of security, measured: the service's real code (AppModule: tokens, access decisions,
 * consent, envelope encryption, the hash-chained audit trail) and a bare baseline (test/bench/
 * bare-app.ts: NestJS + TypeORM, same schema and rows, no security) answer the same scenarios in
 * the same run, one after the other, under autocannon at 1, 10 and 50 clients. One line per
 * scenario and client count: p50, p99 and throughput, secured / bare, and the ratio. The figures
 * are also written as JSON (BENCH_JSON, default bench-results/http-<time>.json) to compare runs.
 * Prints figures; asserts nothing.
 *
 * Run: npm run bench   (no configuration: embedded PostgreSQL, generated keys, its own data)
 * BENCH_SECONDS (default 5) per measurement, BENCH_CLIENTS (default 1,10,50),
 * BENCH_SCENARIOS (default read,page,create), BENCH_SITUATIONS (default 200) rows before it starts.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startStandalone } from '../support/standalone.js';
import { createSituation, intakeBody } from '../support/situations.js';
import { createAdmin, createUser, type TestApp, type TestUser } from '../support/test-app.js';
import { startBareApp } from './bare-app.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,10,50').split(',').map(Number);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'read,page,create').split(',');
const SITUATIONS = Number(process.env.BENCH_SITUATIONS ?? 200);
const print = (line: string) => process.stdout.write(`${line}\n`);

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
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  /** A new body for each request (creates must not all name the same person). */
  body?: () => unknown;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/**
 * One autocannon run. Latencies are taken from its per-response event (sub-millisecond, where its
 * own histogram keeps whole milliseconds); throughput counts the 2xx answers only.
 */
async function measure(baseUrl: string, request: Request, connections: number, seconds: number): Promise<Figures> {
  const headers: Record<string, string> = { ...(request.token ? { authorization: `Bearer ${request.token}` } : {}) };
  if (request.body) headers['content-type'] = 'application/json';
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
            ...(request.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(request.body!()) }) } : {}),
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

async function main() {
  const started = new Date();
  const { t, stop } = await startStandalone();
  let closeBare: (() => Promise<void>) | undefined;
  try {
    await t.app.listen(0, '127.0.0.1');
    const securedUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api`;
    const { coordinator, referrer } = await signIn(t);
    const bare = await startBareApp(t.config, referrer.id);
    closeBare = bare.close;

    // Rows both services read: the secured service writes them (the bare one reads their ciphertexts).
    const ids: string[] = [];
    for (let batch = 0; batch < SITUATIONS; batch += 10) {
      const created = await Promise.all(Array.from({ length: Math.min(10, SITUATIONS - batch) }, () => createSituation(t, referrer)));
      ids.push(...created.map((situation) => situation.id));
    }
    const row = ids[0];

    const scenarios: Record<string, { secured: Request; bare: Request }> = {
      read: { secured: { method: 'GET', path: `/situations/${row}`, token: coordinator.token }, bare: { method: 'GET', path: `/${row}` } },
      page: {
        secured: { method: 'GET', path: '/situations?limit=50', token: coordinator.token },
        bare: { method: 'GET', path: '?limit=50' },
      },
      create: {
        secured: { method: 'POST', path: '/situations', token: referrer.token, body: () => intakeBody() },
        bare: { method: 'POST', path: '', body: () => intakeBody() },
      },
    };

    print(
      `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    print(
      `${SITUATIONS} situations before the run; ${SECONDS} s per measurement; secured = the service (AppModule), bare = NestJS + TypeORM, no security`,
    );
    print('scenario  clients   p50 ms secured/bare (×)      p99 ms secured/bare (×)      throughput req/s secured/bare (×)   failures');
    const results: unknown[] = [];
    for (const name of SCENARIOS) {
      const scenario = scenarios[name];
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

    const file = process.env.BENCH_JSON ?? path.join('bench-results', `http-${started.toISOString().replace(/[:.]/g, '-')}.json`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify(
        {
          startedAt: started,
          node: process.version,
          cores: os.cpus().length,
          loadAverage: os.loadavg(),
          seconds: SECONDS,
          situations: SITUATIONS,
          results,
        },
        null,
        2,
      ),
    );
    print(`figures written to ${file}`);
  } finally {
    await closeBare?.();
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
