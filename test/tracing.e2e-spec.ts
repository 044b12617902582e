import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { bearer, createSituation, intakeBody } from './support/situations.js';
import { createAdmin, createUser, startTestApp, TestApp, TestUser, TEST_PASSWORD } from './support/test-app.js';

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpSpan {
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
/** OTLP's SpanKind.SPAN_KIND_SERVER. */
const SERVER_SPAN = 2;
interface OtlpRequest {
  resourceSpans: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** An OTLP/HTTP (JSON) receiver: what a collector would get. */
async function startReceiver(): Promise<{ server: Server; url: string; payloads: string[] }> {
  const payloads: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') payloads.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, payloads };
}

const spansOf = (payloads: string[]) =>
  payloads.flatMap((payload) =>
    (JSON.parse(payload) as OtlpRequest).resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
  );
const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((item) => item.key === key)?.value;

/**
 * The compiled service started as `npm start` would with tracing on (`node --import
 * ./dist/src/tracing.js`), on the test database, sending its spans to an in-process receiver.
 */
describe('OpenTelemetry tracing', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let service: ChildProcess | undefined;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createAdmin(t);
    coordinator = await createUser(t, admin, { roles: ['coordinator'], professionalCategory: 'social_worker' });
    receiver = await startReceiver();
    // A port free right now, for the service.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(async () => {
    if (service && service.exitCode === null && service.signalCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      service.kill('SIGTERM');
      await Promise.race([exited, sleep(30_000, undefined, { ref: false })]);
      if (service.exitCode === null && service.signalCode === null) service.kill('SIGKILL');
    }
    receiver.server.closeAllConnections();
    await new Promise((resolve) => receiver.server.close(resolve));
    await t.close();
  }, 60_000);

  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT: the module loads no tracer at all', async () => {
    const probe = `process.stdout.write(String(globalThis[Symbol.for('opentelemetry.js.api.1')] !== undefined))`;
    const run = (env: NodeJS.ProcessEnv) =>
      promisify(execFile)(process.execPath, ['--import', './dist/src/tracing.js', '--input-type=module', '-e', probe], {
        env: { PATH: process.env.PATH, ...env },
      });
    expect((await run({})).stdout).toBe('false');
    // The probe can tell: with the variable set, the tracer is registered.
    expect((await run({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })).stdout).toBe('true');
  });

  it('traces a request with its route and its queries, and no span carries a name, an e-mail, an id or a query string', async () => {
    const body = intakeBody();
    const situation = await createSituation(t, coordinator, body);
    service = spawn(process.execPath, ['--import', './dist/src/tracing.js', 'dist/src/main.js'], {
      env: { ...t.environment, PORT: String(port), OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    service.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    service.once('exit', (code) => {
      if (code) process.stderr.write(`traced service exited (${code}): ${errors}\n`);
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (
      !(await fetch(`${base}/api/health`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || service.exitCode !== null) throw new Error('the traced service did not start');
      await sleep(250);
    }

    const firstName = body.identity.firstNames.split(' ')[0];
    // A read that decrypts the person's identity; the query string carries the name too.
    const read = await fetch(`${base}/api/situations/${situation.id}?recherche=${encodeURIComponent(body.identity.birthName)}`, {
      headers: bearer(coordinator),
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { identity: { birthName: string } }).identity.birthName).toBe(body.identity.birthName);
    // A login: the e-mail is a query parameter of the account lookup.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: coordinator.email, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);

    let spans: OtlpSpan[] = [];
    /** The HTTP server span of a route (OTLP kind 2), not the express handler spans that carry it too. */
    const serverSpan = (route: string) =>
      spans.find((span) => span.kind === SERVER_SPAN && attribute(span, 'http.route')?.stringValue === route);
    const wanted = () =>
      serverSpan('/api/situations/:id') !== undefined &&
      spans.some((span) => attribute(span, 'http.route')?.stringValue === '/api/auth/login') &&
      spans.some((span) => (attribute(span, 'db.system.name') ?? attribute(span, 'db.system'))?.stringValue === 'postgresql');
    const waitUntil = Date.now() + 30_000;
    while (!wanted() && Date.now() < waitUntil) {
      await sleep(200);
      spans = spansOf(receiver.payloads);
    }
    expect(wanted()).toBe(true);
    const server = serverSpan('/api/situations/:id')!;
    expect(server.name).toBe('GET /api/situations/:id');
    expect(attribute(server, 'http.status_code') ?? attribute(server, 'http.response.status_code')).toEqual({ intValue: 200 });
    const statements = spans
      .map((span) => attribute(span, 'db.statement')?.stringValue ?? attribute(span, 'db.query.text')?.stringValue)
      .filter(Boolean);
    expect(statements.length).toBeGreaterThan(0);

    // Nothing personal and no parameter anywhere in what left the process: names, e-mail, the
    // situation's id (a query parameter), the query string, the client's address.
    const resource = (JSON.parse(receiver.payloads[0]) as OtlpRequest).resourceSpans[0].resource?.attributes ?? [];
    expect(resource.find((item) => item.key === 'service.name')?.value).toEqual({ stringValue: 'clsm-cellule' });
    const exported = receiver.payloads.join('\n');
    for (const secret of [
      body.identity.birthName,
      body.identity.usedName,
      firstName,
      body.identity.birthDate,
      coordinator.email,
      situation.id,
      'recherche',
      '127.0.0.1',
    ]) {
      expect(exported).not.toContain(secret);
    }
    for (const span of spans)
      for (const item of span.attributes ?? [])
        expect(item.key).not.toMatch(
          /^(url\.full|url\.query|url\.path|http\.url|http\.target|client\.|net\.peer|network\.peer|user_agent|http\.user_agent|db\.connection_string|db\.user)/,
        );
  }, 180_000);
});
