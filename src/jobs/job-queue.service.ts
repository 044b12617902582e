import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/app-config.js';

/** Whether this process runs the queue: the service does, the command line does not. */
export const JOBS_ENABLED = Symbol('JOBS_ENABLED');

/** Longest wait for the queue to start (schema checked or migrated, queues, schedules, workers). */
const START_TIMEOUT_MS = 30_000;
/** Longest wait, at shutdown, for jobs in progress; then the queue's pool is closed anyway. */
const STOP_TIMEOUT_MS = 5_000;

export interface JobDefinition<T extends object> {
  /** The queue's name (pg-boss: letters, digits, dashes). */
  name: string;
  /** Attempts after a failure (backoff from `retryDelaySeconds`). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job running longer than this is failed (and retried). */
  expireInSeconds: number;
  pollingIntervalSeconds: number;
  /** A cron expression in APP_TIME_ZONE (Europe/Paris): the queue receives a job at each tick. */
  cron?: string;
  handle(data: T): Promise<void>;
}

export interface RegisteredSchedule {
  name: string;
  cron: string;
  timezone: string;
}

/**
 * The PostgreSQL-backed job queue (pg-boss 10, schema `pgboss`), started with the service whatever
 * else is configured: notification e-mails, the daily reminders and retention, notices the general
 * side hands over. Features register their queues while modules initialise; the queue starts once
 * the application is bootstrapped and stops, jobs in progress finished, before anything else shuts
 * down (connections, the audit trail).
 *
 * pg-boss connects with the administrative connection (DATABASE_URL), as the migrations do: it
 * creates and migrates its own schema, which the serving roles may not. Jobs hold ids and fixed
 * words only, never personal data. Every wait is bounded: connections and queries by the pool
 * settings of the serving connections, start and stop by their own timeouts.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private readonly database: AppConfig['database'];
  private readonly timeZone: string;
  private readonly scheduling: boolean;
  private boss?: PgBoss;

  constructor(
    config: ConfigService<AppConfig, true>,
    @Inject(JOBS_ENABLED) private readonly enabled: boolean,
  ) {
    this.database = config.get('database', { infer: true });
    this.timeZone = config.get('timeZone', { infer: true });
    this.scheduling = config.get('jobsSchedule', { infer: true });
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  /** Declares a queue, its worker and its schedule; before the application is bootstrapped. */
  register<T extends object>(definition: JobDefinition<T>): void {
    if (this.boss) throw new Error(`queue ${definition.name} registered after the job queue started`);
    this.definitions.set(definition.name, definition);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const pool = this.database.pool;
    const boss = new PgBoss({
      connectionString: this.database.adminUrl,
      schema: 'pgboss',
      max: 3,
      application_name: 'clsm-cellule-jobs',
      schedule: this.scheduling,
      connectionTimeoutMillis: pool.connectTimeoutMs,
      ...(pool.queryTimeoutMs ? { query_timeout: pool.queryTimeoutMs } : {}),
    } as PgBoss.ConstructorOptions);
    boss.on('error', (error: Error) => this.logger.error({ kind: error.name }, 'job queue error'));
    try {
      await withTimeout(this.start(boss), START_TIMEOUT_MS, 'job queue start');
    } catch (error) {
      await boss.stop({ graceful: false, wait: true, timeout: 1_000 }).catch(() => undefined);
      throw error;
    }
    this.boss = boss;
    this.logger.log({ queues: [...this.definitions.keys()] }, 'job queue started');
  }

  private async start(boss: PgBoss): Promise<void> {
    await boss.start();
    for (const definition of this.definitions.values()) {
      await boss.createQueue(definition.name, {
        name: definition.name,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: definition.expireInSeconds,
      });
      if (definition.cron && this.scheduling) await boss.schedule(definition.name, definition.cron, {}, { tz: this.timeZone });
      await boss.work<object>(
        definition.name,
        { pollingIntervalSeconds: definition.pollingIntervalSeconds, batchSize: 1 },
        async ([job]) => {
          try {
            await definition.handle(job.data);
          } catch (error) {
            // The kind only: a job's failure may carry SQL parameters; the queue retries it.
            this.logger.error({ queue: definition.name, kind: (error as Error)?.name }, 'job failed');
            throw error;
          }
        },
      );
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (!boss) return;
    await withTimeout(boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS }), STOP_TIMEOUT_MS + 5_000, 'job queue stop').catch(
      (error: unknown) => this.logger.error({ kind: (error as Error)?.name }, 'job queue did not stop cleanly'),
    );
  }

  /** Queues one job per item of `data` (nothing when the queue does not run: the command line). */
  async send<T extends object>(name: string, data: T[]): Promise<void> {
    if (!this.definitions.has(name)) throw new Error(`unknown queue ${name}`);
    if (data.length === 0) return;
    if (!this.boss) {
      this.logger.warn({ queue: name, jobs: data.length }, 'job queue not running: jobs not queued');
      return;
    }
    await this.boss.insert(data.map((item) => ({ name, data: item })));
  }

  /**
   * Jobs of each registered queue by state (created, retry, active, completed, cancelled, failed),
   * counted by the queue's own connection (the serving roles have no rights on its schema).
   */
  async counts(): Promise<{ queue: string; state: string; count: number }[]> {
    if (!this.boss) return [];
    const { rows } = await this.boss
      .getDb()
      .executeSql('SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job WHERE name = ANY($1) GROUP BY name, state', [
        [...this.definitions.keys()],
      ]);
    return (rows as { name: string; state: string; count: number }[]).map((row) => ({
      queue: row.name,
      state: row.state,
      count: row.count,
    }));
  }

  /** The schedules registered in the database (every instance's, which are the same). */
  async schedules(): Promise<RegisteredSchedule[]> {
    if (!this.boss) return [];
    const rows = (await this.boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
    return rows.map(({ name, cron, timezone }) => ({ name, cron, timezone })).sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** `promise`, or a rejection once `ms` have passed. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
