import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time used by access windows, overdue recommendations and due reviews. Injected so that tests
 * can move it (an access window closing 30 days after a session) without waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
