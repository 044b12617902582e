import { Module } from '@nestjs/common';
import { RightsModule } from '../rights/rights.module.js';
import { DailyJobsService } from './daily-jobs.service.js';

/** The daily jobs (reminders of préconisations, retention), on the job queue. */
@Module({
  imports: [RightsModule],
  providers: [DailyJobsService],
  exports: [DailyJobsService],
})
export class ScheduledJobsModule {}
