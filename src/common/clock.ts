import { Global, Injectable, Module, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * The time used by access windows, overdue recommendations and due reviews. Injected so that tests
 * can move it (an access window closing 30 days after a session) without waiting.
 *
 * "Today" is the calendar date in the service's time zone (APP_TIME_ZONE), the same zone as the
 * PostgreSQL sessions, so `today()` and `current_date` agree; never the UTC date.
 */
@Injectable()
export class Clock {
  readonly timeZone: string;
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(@Optional() config?: ConfigService<AppConfig, true>) {
    this.timeZone = config?.get('timeZone', { infer: true }) ?? DEFAULT_TIME_ZONE;
    this.dateFormat = new Intl.DateTimeFormat('en-US', { timeZone: this.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  now(): Date {
    return new Date();
  }

  /** The calendar date, YYYY-MM-DD, in the service's time zone. */
  today(): string {
    const part = Object.fromEntries(this.dateFormat.formatToParts(this.now()).map(({ type, value }) => [type, value]));
    return `${part.year}-${part.month}-${part.day}`;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
