import { DynamicModule, Global, Module } from '@nestjs/common';
import { JOBS_ENABLED, JobQueue } from './job-queue.service.js';

/** The job queue, global so that any module registers its queues and sends jobs. */
@Global()
@Module({})
export class JobsModule {
  /** `enabled: false` for the command line: it neither starts the queue nor runs its workers. */
  static forRoot(options: { enabled: boolean }): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_ENABLED, useValue: options.enabled }, JobQueue],
      exports: [JobQueue],
    };
  }
}
