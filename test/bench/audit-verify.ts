/**
 * Streaming verification of a long audit trail: fills BENCH_ENTRIES (default 1,000,000) chained
 * entries straight into audit.event (hashes and MACs computed here in batches, a signed checkpoint
 * every 1,000 entries), then verifies the whole chain and prints the rate (entries/s), peak RSS and
 * heap during verification, the longest event-loop stall, and how many point reads per second the
 * service's pool answered while it ran versus idle (and their share: the target is ≥ 80 %).
 * Prints figures; asserts nothing.
 * Run: npm run bench:verify (embedded PostgreSQL and generated keys, as the tests; or BENCH_DATABASE_URL on an
 * empty database). npm run bench runs it too, last, in a process of its own. BENCH_VERIFY_BATCH sets
 * the rows per query (default: the service's, 1000); BENCH_PROFILE=<file> writes a CPU profile of the verification
 * alone; BENCH_VERIFY_JSON=<file> writes the figures as JSON (npm run bench reads them from there).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { AuditRecord, chain, ChainedRecord, checkpointMessage, GENESIS_HASH } from '../../src/audit/audit-chain.js';
import { AuditVerifierService } from '../../src/audit/audit-verifier.service.js';
import { buildAppConfig } from '../../src/config/app-config.js';
import { parseEnvironment } from '../../src/config/environment.js';
import { Ed25519Signer } from '../../src/crypto/signing.js';
import { migrateDatabase } from '../../src/database/migrate.js';
import { standaloneEnvironment, startStandaloneDatabase } from '../support/standalone.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const FILL_BATCH = 10_000;
const CHECKPOINT_EVERY = 1000;
const MiB = 1024 * 1024;
const write = (line: string) => process.stdout.write(`${line}\n`);

const ACTIONS = ['situation.read', 'document.download', 'agenda_item.read', 'auth.login', 'referral.read'];

async function fill(client: pg.Client, macKey: Buffer, signer: Ed25519Signer): Promise<void> {
  let prevHash: Buffer = GENESIS_HASH;
  const started = performance.now();
  const base = Date.now() - ENTRIES * 10;
  for (let first = 1; first <= ENTRIES; first += FILL_BATCH) {
    const rows: ChainedRecord[] = [];
    const checkpoints: { seq: number; headHash: Buffer; signedAt: Date; signature: Buffer }[] = [];
    for (let seq = first; seq < first + FILL_BATCH && seq <= ENTRIES; seq++) {
      const record: AuditRecord = {
        seq,
        recordedAt: new Date(base + seq * 10),
        actorUserId: '6f1c1a3e-5b7d-4c11-9a55-0c7d8c2b9e0' + (seq % 10),
        actorRole: 'member',
        actorOrganizationId: '2b0d9f4e-8a61-4f3c-b7a2-5e9c1d0a7f3' + (seq % 7),
        action: ACTIONS[seq % ACTIONS.length],
        resourceType: ACTIONS[seq % ACTIONS.length].split('.')[0],
        resourceId: `r${seq % 5000}`,
        situationId: '9a7e3c21-4d5b-4e8f-a1c2-3b4d5e6f708' + (seq % 10),
        outcome: seq % 50 === 0 ? 'denied' : 'granted',
        purposeType: 'session',
        purposeId: `s${seq % 200}`,
        policyVersion: '2026-11',
        requestId: `6b3f0e2a-1c4d-4e5f-8a9b-${String(seq).padStart(12, '0')}`,
        clientAddress: '10.0.0.12',
      };
      const chained = chain(record, prevHash, macKey);
      prevHash = chained.hash;
      rows.push(chained);
      if (seq % CHECKPOINT_EVERY === 0 || seq === ENTRIES) {
        const signedAt = new Date(base + seq * 10 + 5);
        checkpoints.push({
          seq,
          headHash: chained.hash,
          signedAt,
          signature: Buffer.from(signer.sign(checkpointMessage(seq, chained.hash, signedAt))),
        });
      }
    }
    const column = <K extends keyof ChainedRecord>(key: K) => rows.map((row) => row[key]);
    await client.query(
      `INSERT INTO audit.event (seq, recorded_at, actor_user_id, actor_role, actor_organization_id, action,
         resource_type, resource_id, situation_id, outcome, purpose_type, purpose_id, policy_version,
         request_id, client_address, canonical, prev_hash, hash, mac)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::text[],
         $7::text[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
         $15::text[], $16::bytea[], $17::bytea[], $18::bytea[], $19::bytea[])`,
      [
        column('seq'),
        column('recordedAt'),
        column('actorUserId'),
        column('actorRole'),
        column('actorOrganizationId'),
        column('action'),
        column('resourceType'),
        column('resourceId'),
        column('situationId'),
        column('outcome'),
        column('purposeType'),
        column('purposeId'),
        column('policyVersion'),
        column('requestId'),
        column('clientAddress'),
        column('canonical'),
        column('prevHash'),
        column('hash'),
        column('mac'),
      ],
    );
    await client.query(
      `INSERT INTO audit.checkpoint (seq, head_hash, signed_at, public_key, signature)
       SELECT s, h, t, $4, g FROM unnest($1::bigint[], $2::bytea[], $3::timestamptz[], $5::bytea[]) AS c(s, h, t, g)`,
      [
        checkpoints.map((c) => c.seq),
        checkpoints.map((c) => c.headHash),
        checkpoints.map((c) => c.signedAt),
        Buffer.from(signer.publicKey),
        checkpoints.map((c) => c.signature),
      ],
    );
  }
  await client.query('ANALYZE audit.event');
  const seconds = (performance.now() - started) / 1000;
  write(`filled ${ENTRIES} entries and ${Math.ceil(ENTRIES / CHECKPOINT_EVERY)} signed checkpoints in ${seconds.toFixed(1)} s`);
}

/** Point reads through the service's pool, `concurrency` at a time, until `stop` resolves. */
async function readLoad(dataSource: DataSource, stop: Promise<unknown>, concurrency = 4): Promise<number> {
  let done = false;
  void stop.finally(() => (done = true));
  let reads = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!done) {
        await dataSource.query('SELECT seq, action, outcome FROM audit.event WHERE seq = $1', [1 + Math.floor(Math.random() * ENTRIES)]);
        reads++;
      }
    }),
  );
  return reads / ((performance.now() - started) / 1000);
}

async function main() {
  const database = await startStandaloneDatabase();
  try {
    const environment = parseEnvironment(standaloneEnvironment());
    const config = buildAppConfig(environment, environment.DATABASE_URL!, undefined);
    await migrateDatabase(config);
    write(`node ${process.version}, ${os.cpus().length} cores, PostgreSQL ${process.env.BENCH_DATABASE_URL ? 'external' : 'embedded'}`);

    // Filled by a child process, so this one's memory figures are the verification's alone.
    const filled = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'fill'], {
      env: {
        ...process.env,
        BENCH_FILL_URL: config.database.adminUrl,
        BENCH_MAC_KEY: config.audit.macKey.toString('base64'),
        BENCH_SEED: config.audit.signingSeed.toString('base64'),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (filled.status !== 0) throw new Error('fill failed');

    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    const dataSource = app.get<DataSource>(getDataSourceToken('cellule'));
    const verifier = app.get(AuditVerifierService);
    if (process.env.BENCH_VERIFY_BATCH) verifier.batchSize = Number(process.env.BENCH_VERIFY_BATCH);

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 20);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // BENCH_PROFILE=file.cpuprofile: a CPU profile of the verification alone.
    const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    let started = performance.now();
    const report = await verifier.verify();
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    clearInterval(sampler);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(process.env.BENCH_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    write(
      `verify ${report.entriesVerified} entries, ${report.checkpointsVerified} checkpoints in ${report.batches} batches of ${verifier.batchSize}: ${seconds.toFixed(2)} s, ${(report.entriesVerified / seconds).toFixed(0)} entries/s, valid=${report.valid}`,
    );
    write(
      `memory during verification: peak rss ${(peakRss / MiB).toFixed(0)} MiB (${(baseline.rss / MiB).toFixed(0)} before), peak heap used ${(peakHeap / MiB).toFixed(0)} MiB (${(baseline.heapUsed / MiB).toFixed(0)} before)`,
    );
    write(`event loop during verification: max stall ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`);

    // The service keeps answering: point reads through its pool, idle and while a verification runs.
    const idleReads = await readLoad(dataSource, new Promise((resolve) => setTimeout(resolve, 3000)));
    started = performance.now();
    const second = verifier.verify();
    const readsDuring = await readLoad(dataSource, second);
    const loaded = (await second).entriesVerified / ((performance.now() - started) / 1000);
    const share = readsDuring / idleReads;
    write(
      `point reads through the pool (4 concurrent): ${idleReads.toFixed(0)}/s idle, ${readsDuring.toFixed(0)}/s during a verification, ${(share * 100).toFixed(0)} % of idle (target ≥ 80 %); the verification then ran at ${loaded.toFixed(0)} entries/s`,
    );
    if (process.env.BENCH_VERIFY_JSON) {
      await writeFile(
        process.env.BENCH_VERIFY_JSON,
        JSON.stringify({
          entries: ENTRIES,
          entriesVerified: report.entriesVerified,
          checkpointsVerified: report.checkpointsVerified,
          batches: report.batches,
          batchSize: verifier.batchSize,
          valid: report.valid,
          seconds,
          entriesPerSecond: report.entriesVerified / seconds,
          memoryMiB: {
            peakRss: peakRss / MiB,
            rssBefore: baseline.rss / MiB,
            peakHeapUsed: peakHeap / MiB,
            heapUsedBefore: baseline.heapUsed / MiB,
          },
          eventLoopMs: { maxStall: loop.max / 1e6, p99: loop.percentile(99) / 1e6 },
          pointReadsPerSecond: { idle: idleReads, duringVerification: readsDuring, share },
          entriesPerSecondDuringReads: loaded,
        }),
      );
    }
    await app.close();
  } finally {
    await database.stop();
  }
}

if (process.argv[2] === 'fill') {
  const client = new pg.Client({ connectionString: process.env.BENCH_FILL_URL });
  void (async () => {
    await client.connect();
    try {
      await fill(
        client,
        Buffer.from(process.env.BENCH_MAC_KEY!, 'base64'),
        await Ed25519Signer.fromSeed(Buffer.from(process.env.BENCH_SEED!, 'base64')),
      );
    } finally {
      await client.end();
    }
  })();
} else {
  void main();
}
