/**
 * Load test: starts the service on a throw-away embedded PostgreSQL started as the tests start one
 * (or LOAD_DATABASE_URL), with generated keys, on the loopback interface only, creates users and a
 * few case files, then drives LOAD_CLIENTS concurrent clients (default 50) with a mix of reads, lists, creates, consent records and updates for
 * LOAD_SECONDS (default 20). Prints the request count, errors by status, p50/p99 latency, and
 * whether GET /api/health still answers afterwards (within LOAD_RECOVERY_SECONDS, default 10);
 * exits 1 if it does not.
 * Run: npm run load   (LOAD_SECONDS=60 LOAD_CLIENTS=100 npm run load)
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generatedKeys, startStandaloneDatabase } from '../support/standalone.js';
import { createAdmin, createUser, startTestApp, type TestApp } from '../support/test-app.js';

const SECONDS = positive(process.env.LOAD_SECONDS, 20);
const CLIENTS = positive(process.env.LOAD_CLIENTS, 50);
const REQUEST_TIMEOUT_MS = positive(process.env.LOAD_REQUEST_TIMEOUT_MS, 10_000);
const RECOVERY_SECONDS = positive(process.env.LOAD_RECOVERY_SECONDS, 10);

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];

interface Answer {
  status: number | 'timeout' | 'network';
  body: unknown;
}

class Client {
  constructor(private readonly baseUrl: string) {}

  async call(method: string, url: string, token?: string, body?: unknown): Promise<Answer> {
    try {
      const response = await fetch(`${this.baseUrl}${url}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    } catch (error) {
      return { status: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network', body: undefined };
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answers the load scenario reads fields from
  async ok(method: string, url: string, token: string | undefined, body?: unknown): Promise<any> {
    const answer = await this.call(method, url, token, body);
    if (typeof answer.status !== 'number' || answer.status >= 300) {
      throw new Error(`set-up: ${method} ${url} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}

let sequence = 0;
function intake() {
  const tag = `${process.pid}x${++sequence}`;
  return {
    screening: { immediateDanger: false, acuteMedicalNeed: false, suicidalRisk: false },
    identity: { birthName: `Charge${tag}`, firstNames: 'Camille', birthDate: '1980-05-17', sex: 'unknown' },
    contact: { district: 'Borny' },
    social: { referrerContact: { name: 'Référente', phone: '03 87 00 00 02' }, professionalsInvolved: [] },
    narrative: { narrative: `Situation ${tag}`, alreadyTried: 'Visites à domicile', expectations: 'Coordonner' },
    problemAreas: ['housing'],
  };
}

/**
 * The load test's one way in: its users and their tokens come from the test harness's helpers
 * (createAdmin, createUser: created, approved by the ethics committee, signed in, charter
 * accepted), so a change of sign-in is adapted in the harness only.
 */
async function signIn(t: TestApp, client: Client) {
  const admin = await createAdmin(t);
  const organizationId = (await client.ok('POST', '/api/organizations', admin.token, { name: 'CCAS de charge', kind: 'ccas' }))
    .id as string;
  const users = async (role: 'coordinator' | 'referrer') => {
    const tokens: string[] = [];
    for (let index = 0; index < 5; index++) {
      tokens.push(
        (
          await createUser(t, admin, {
            roles: [role],
            organizationId,
            professionalCategory: role === 'coordinator' ? 'coordinator' : 'social_worker',
          })
        ).token,
      );
    }
    return tokens;
  };
  return { coordinators: await users('coordinator'), referrers: await users('referrer') };
}

async function main() {
  if (process.env.LOAD_DATABASE_URL) process.env.BENCH_DATABASE_URL = process.env.LOAD_DATABASE_URL;
  const database = await startStandaloneDatabase();
  let t: TestApp | undefined;
  let healthy: boolean;
  try {
    t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600', ...generatedKeys(), LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'silent' });
    await t.app.listen(0, '127.0.0.1');
    const client = new Client(`http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`);
    print(
      `node ${process.version}, ${os.cpus().length} cores, PostgreSQL ${process.env.LOAD_DATABASE_URL ? 'external' : 'embedded'}; ${CLIENTS} clients for ${SECONDS} s`,
    );
    const { coordinators, referrers } = await signIn(t, client);
    const situations: string[] = [];
    for (let index = 0; index < 20; index++) situations.push((await client.ok('POST', '/api/situations', pick(coordinators), intake())).id);

    // The mix: what a commission's staff does all day, weighted.
    const actions: [number, string, () => Promise<Answer>][] = [
      [25, 'list situations', () => client.call('GET', '/api/situations?limit=20', pick([...coordinators, ...referrers]))],
      [25, 'read situation', () => client.call('GET', `/api/situations/${pick(situations)}`, pick(coordinators))],
      [
        15,
        'create situation',
        async () => {
          const answer = await client.call('POST', '/api/situations', pick(referrers), intake());
          if (answer.status === 201) situations.push((answer.body as { id: string }).id);
          return answer;
        },
      ],
      [
        10,
        'record consent',
        () =>
          client.call('POST', `/api/situations/${pick(situations)}/consents`, pick(coordinators), {
            purpose: 'review',
            decision: 'given',
            givenBy: 'person',
            method: 'oral_statement',
            statement: { recordedBy: 'Assistante sociale', recordedOn: '2026-11-02' },
            givenOn: '2026-11-02',
          }),
      ],
      [
        10,
        'update situation',
        () =>
          client.call('PATCH', `/api/situations/${pick(situations)}`, pick(coordinators), {
            narrative: { narrative: `Mise à jour ${Date.now()}`, alreadyTried: 'Visites', expectations: 'Coordonner' },
          }),
      ],
      [5, 'list consents', () => client.call('GET', `/api/situations/${pick(situations)}/consents`, pick(coordinators))],
      [5, 'list sessions', () => client.call('GET', '/api/sessions', pick(coordinators))],
      [5, 'who am I', () => client.call('GET', '/api/auth/me', pick([...coordinators, ...referrers]))],
    ];
    const totalWeight = actions.reduce((sum, [weight]) => sum + weight, 0);
    const chooseAction = () => {
      let roll = Math.random() * totalWeight;
      for (const action of actions) if ((roll -= action[0]) < 0) return action;
      return actions[0];
    };

    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    const byAction = new Map<string, { count: number; errors: number }>();
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          const [, name, run] = chooseAction();
          const begin = performance.now();
          const answer = await run();
          latencies.push(performance.now() - begin);
          const key = String(answer.status);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          const tally = byAction.get(name) ?? { count: 0, errors: 0 };
          tally.count++;
          if (typeof answer.status !== 'number' || answer.status >= 400) tally.errors++;
          byAction.set(name, tally);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    latencies.sort((a, b) => a - b);
    const errors = [...statuses].filter(([status]) => !/^[23]\d\d$/.test(status));
    print(`requests ${latencies.length} in ${elapsed.toFixed(1)} s (${(latencies.length / elapsed).toFixed(0)}/s)`);
    print(
      `latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
    );
    print(
      `statuses ${[...statuses]
        .sort()
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ')}`,
    );
    print(`errors ${errors.length ? errors.map(([status, count]) => `${status}: ${count}`).join(', ') : 'none'}`);
    for (const [name, tally] of [...byAction].sort())
      print(`  ${name.padEnd(18)} ${String(tally.count).padStart(6)} requests, ${tally.errors} errors`);

    // Health right after the load, then once a second for a short grace period if it is not 200.
    const first = await client.call('GET', '/api/health');
    healthy = first.status === 200;
    let waited = 0;
    while (!healthy && waited < RECOVERY_SECONDS) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      waited++;
      healthy = (await client.call('GET', '/api/health')).status === 200;
    }
    print(
      first.status === 200
        ? 'health after the load: 200 (the service still answers)'
        : healthy
          ? `health after the load: ${first.status}, then 200 after ${waited} s`
          : `health after the load: ${first.status}, still not 200 after ${RECOVERY_SECONDS} s (THE SERVICE NO LONGER ANSWERS)`,
    );
  } finally {
    // A locked-up pool can keep close() waiting: bounded; PostgreSQL is stopped in any case.
    await Promise.race([t?.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]).catch(() => undefined);
    await database.stop().catch(() => undefined);
  }
  process.exit(healthy ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
