import { describe, expect, it } from '@jest/globals';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../src/common/clock.js';
import { parseEnvironment } from '../src/config/environment.js';

/** A clock stopped at one instant, in the zone a configuration gives. */
class StoppedClock extends Clock {
  constructor(
    private readonly instant: string,
    timeZone?: string,
  ) {
    super(timeZone ? new ConfigService({ timeZone }) : undefined);
  }

  override now(): Date {
    return new Date(this.instant);
  }
}

describe('Clock.today() is the calendar date in the configured time zone, not in UTC', () => {
  it('2026-03-01T23:30:00Z is already 2026-03-02 in Europe/Paris', () => {
    expect(new StoppedClock('2026-03-01T23:30:00Z', 'Europe/Paris').today()).toBe('2026-03-02');
  });

  it('the same instant is still 2026-03-01 in UTC and in America/New_York', () => {
    expect(new StoppedClock('2026-03-01T23:30:00Z', 'UTC').today()).toBe('2026-03-01');
    expect(new StoppedClock('2026-03-01T23:30:00Z', 'America/New_York').today()).toBe('2026-03-01');
  });

  it('follows summer time: 2026-03-29T22:30:00Z is 00:30 on 2026-03-30 in Paris (UTC+2)', () => {
    expect(new StoppedClock('2026-03-29T22:30:00Z', 'Europe/Paris').today()).toBe('2026-03-30');
    expect(new StoppedClock('2026-03-29T21:30:00Z', 'Europe/Paris').today()).toBe('2026-03-29');
  });

  it('without configuration the zone is Europe/Paris, the default of APP_TIME_ZONE', () => {
    expect(new StoppedClock('2026-03-01T23:30:00Z').today()).toBe('2026-03-02');
    expect(parseEnvironment({}).APP_TIME_ZONE).toBe('Europe/Paris');
  });

  it('an unknown APP_TIME_ZONE stops the service at boot, naming the variable', () => {
    expect(() => parseEnvironment({ APP_TIME_ZONE: 'Europe/Lutece' })).toThrow(/APP_TIME_ZONE/);
    expect(() => parseEnvironment({ APP_TIME_ZONE: 'Europe/Paris -c log_statement=all' })).toThrow(/APP_TIME_ZONE/);
  });
});
