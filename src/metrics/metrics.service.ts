import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service.js';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics of this instance (prom-client): requests by route and status, latency, the two
 * connection pools, the audit chain's length and the age of its last signed checkpoint, the job queue. A registry
 * per application, so several instances in one process (the tests) never mix their figures.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route'>;

  constructor(@InjectDataSource('general') general: DataSource, @InjectDataSource('cellule') cellule: DataSource, jobs: JobQueue) {
    collectDefaultMetrics({ register: this.registry, prefix: 'clsm_' });
    this.requests = new Counter({
      name: 'clsm_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'clsm_http_request_duration_seconds',
      help: 'Time to answer, by route pattern.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    const pools = { general, cellule };
    new Gauge({
      name: 'clsm_db_pool_connections',
      help: 'Connections of each pool: total, idle, and requests waiting for one.',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        for (const [name, dataSource] of Object.entries(pools)) {
          const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
          if (!pool) continue;
          this.set({ pool: name, state: 'total' }, pool.totalCount);
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
        }
      },
    });
    const chain = async () =>
      await general.query<{ length: number; checkpoint_age: number | null }[]>(
        `SELECT (SELECT coalesce(max(seq), 0) FROM audit.event)::float8 AS length,
                (SELECT extract(epoch FROM now() - max(signed_at)) FROM audit.checkpoint)::float8 AS checkpoint_age`,
      );
    new Gauge({
      name: 'clsm_audit_chain_length',
      help: 'Entries in the audit chain (its last sequence number).',
      registers: [this.registry],
      async collect() {
        this.set((await chain())[0].length);
      },
    });
    new Gauge({
      name: 'clsm_audit_last_checkpoint_age_seconds',
      help: 'Seconds since the last signed checkpoint of the audit chain (-1: none yet).',
      registers: [this.registry],
      async collect() {
        this.set((await chain())[0].checkpoint_age ?? -1);
      },
    });
    new Gauge({
      name: 'clsm_job_queue_jobs',
      help: 'Jobs of each queue (e-mails, reminders, retention, notices) by state; failed ones need an operator.',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { queue, state, count } of await jobs.counts()) this.set({ queue, state }, count);
      },
    });
  }

  /** Express middleware: counts and times every answer under its route pattern (never the raw path). */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.latency.startTimer();
    response.on('finish', () => {
      const pattern = (request.route as { path?: string } | undefined)?.path;
      const route = pattern ? `${request.baseUrl}${pattern}` : request.originalUrl.startsWith('/api') ? 'unmatched' : 'console';
      this.requests.inc({ method: request.method, route, status: String(response.statusCode) });
      stop({ method: request.method, route });
    });
    next();
  };
}
