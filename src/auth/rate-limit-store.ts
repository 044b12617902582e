import { Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { DataSource } from 'typeorm';

/**
 * express-rate-limit's counters in PostgreSQL (fixed windows), shared by every instance of the
 * service on the same database. Client addresses are stored only as keyed hashes.
 */
export class PostgresRateLimitStore implements Store {
  private readonly logger = new Logger(PostgresRateLimitStore.name);
  private windowMs = 60_000;
  private calls = 0;
  /** Not shared with another limiter: each has its own prefix. */
  readonly localKeys = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keyingKey: Buffer,
    readonly prefix = 'auth',
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  /** Fails open with a short warning (no query, no parameter): the route itself answers 503 when the database is down. */
  async increment(key: string): Promise<ClientRateLimitInfo> {
    try {
      return await this.count(key);
    } catch (error) {
      this.logger.warn(`Rate-limit counter unavailable (${(error as Error).name}): request let through`);
      return { totalHits: 0, resetTime: undefined };
    }
  }

  private async count(key: string): Promise<ClientRateLimitInfo> {
    // Now and then, windows long past are removed so the table stays small.
    if (++this.calls % 500 === 0) {
      await this.dataSource.query('DELETE FROM clsm.rate_limit WHERE window_start < now() - make_interval(secs => $1)', [
        (2 * this.windowMs) / 1000,
      ]);
    }
    const [row] = await this.dataSource.query<{ hits: number; reset_time: Date }[]>(
      `INSERT INTO clsm.rate_limit AS r (key, window_start, hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
       RETURNING hits, window_start + make_interval(secs => $2) AS reset_time`,
      [this.hash(key), this.windowMs / 1000],
    );
    return { totalHits: row.hits, resetTime: new Date(row.reset_time) };
  }

  async decrement(key: string): Promise<void> {
    await this.dataSource.query('UPDATE clsm.rate_limit SET hits = greatest(hits - 1, 0) WHERE key = $1', [this.hash(key)]);
  }

  async resetKey(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM clsm.rate_limit WHERE key = $1', [this.hash(key)]);
  }

  private hash(key: string): Buffer {
    return createHmac('sha256', this.keyingKey).update(`${this.prefix}:${key}`).digest();
  }
}
