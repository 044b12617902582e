import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

export interface LoginAttemptKeys {
  account: Buffer;
  address: Buffer;
}

/**
 * Counts failed logins per account and per client address, slows repeated failures down and
 * locks for a while past a threshold. Keys are keyed hashes, so neither e-mails nor addresses are
 * stored, and unknown e-mails are counted exactly like known ones.
 */
@Injectable()
export class LoginThrottleService {
  private readonly settings: AppConfig['auth'];
  private readonly keyingKey: Buffer;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('general') private readonly dataSource: DataSource,
  ) {
    this.settings = config.get('auth', { infer: true });
    this.keyingKey = createHmac('sha256', this.settings.jwtSecret).update('login-throttle-key').digest();
  }

  keysFor(email: string, clientAddress: string): LoginAttemptKeys {
    const key = (label: string) => createHmac('sha256', this.keyingKey).update(label).digest();
    return { account: key(`account:${email}`), address: key(`address:${clientAddress}`) };
  }

  /** Seconds until the lock on either key ends, or 0 when login may proceed. */
  async lockedForSeconds(keys: LoginAttemptKeys): Promise<number> {
    const [row] = await this.dataSource.query<{ seconds: number | null }[]>(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM clsm.login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [[keys.account, keys.address]],
    );
    return row?.seconds ?? 0;
  }

  /** Records a failure; returns how long to hold the answer back (progressive slow-down). */
  async recordFailure(keys: LoginAttemptKeys): Promise<number> {
    const accountFailures = await this.increment(keys.account, this.settings.loginMaxFailures);
    await this.increment(keys.address, this.settings.loginMaxFailuresPerAddress);
    const beyondFree = accountFailures - 2;
    return beyondFree > 0 ? Math.min(250 * 2 ** (beyondFree - 1), 2000) : 0;
  }

  async recordSuccess(keys: LoginAttemptKeys): Promise<void> {
    await this.dataSource.query('DELETE FROM clsm.login_throttle WHERE key = $1', [keys.account]);
  }

  private async increment(key: Buffer, maxFailures: number): Promise<number> {
    // A failure older than the lock period starts a new count.
    const [row] = await this.dataSource.query<{ failures: number }[]>(
      `INSERT INTO clsm.login_throttle AS t (key, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         last_failure_at = now(),
         locked_until = CASE
           WHEN (CASE WHEN t.last_failure_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) >= $2
             THEN now() + make_interval(secs => $3)
           ELSE t.locked_until END
       RETURNING failures`,
      [key, maxFailures, this.settings.loginLockSeconds],
    );
    return row.failures;
  }
}
