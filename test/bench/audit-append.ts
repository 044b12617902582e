/**
 * Audit append throughput and latency: one-by-one, group commit (concurrent record()), and
 * in-transaction appends (recordWithin) from concurrent transactions. Prints figures; asserts
 * nothing. Run: npm run bench:audit (embedded PostgreSQL and generated keys, as the tests; or BENCH_DATABASE_URL).
 */
import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { AuditVerifierService } from '../../src/audit/audit-verifier.service.js';
import { AuditEntry, AuditService } from '../../src/audit/audit.service.js';
import { startStandalone } from '../support/standalone.js';

const ENTRY: AuditEntry = { action: 'bench.read', resourceType: 'bench', resourceId: 'bench-1', outcome: 'granted' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(label: string, operations: number, concurrency: number, operation: () => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < operations) {
        next++;
        const begin = performance.now();
        await operation();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(44)} ${String(operations).padStart(6)} ops  ${(operations / seconds).toFixed(0).padStart(7)} ops/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(2).padStart(7)} ms  p95 ${percentile(latencies, 95).toFixed(2).padStart(7)} ms  ` +
      `p99 ${percentile(latencies, 99).toFixed(2).padStart(7)} ms\n`,
  );
}

async function main() {
  const { t, stop } = await startStandalone();
  try {
    const app = t.app;
    const audit = app.get(AuditService);
    const dataSource = app.get<DataSource>(getDataSourceToken('cellule'));
    process.stdout.write(
      `node ${process.version}, ${os.cpus().length} cores, PostgreSQL ${process.env.BENCH_DATABASE_URL ? 'external' : 'embedded'}\n`,
    );

    await measure('record(), one at a time', 500, 1, () => audit.record(ENTRY));
    await measure('record(), 50 concurrent (group commit)', 5000, 50, () => audit.record(ENTRY));
    await measure('record(), 200 concurrent (group commit)', 10000, 200, () => audit.record(ENTRY));
    await measure('recordWithin(), 1 transaction at a time', 500, 1, () =>
      dataSource.transaction((manager) => audit.recordWithin(manager, ENTRY)),
    );
    await measure('recordWithin(), 10 concurrent transactions', 2000, 10, () =>
      dataSource.transaction((manager) => audit.recordWithin(manager, ENTRY)),
    );

    const started = performance.now();
    const report = await app.get(AuditVerifierService).verify();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `verify ${report.entriesVerified} entries: ${seconds.toFixed(2)} s (${(report.entriesVerified / seconds).toFixed(0)} entries/s), valid=${report.valid}\n`,
    );
    process.stdout.write(
      `rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB\n`,
    );
  } finally {
    await stop();
  }
}

void main();
