import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runInContext } from '../common/request-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ACCESS_CHANGE_QUEUE } from '../jobs/queues.js';
import { ACCESS_CHANGE_EVENT } from './events.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Tells the ethics committee that an access change awaits its approval. The change is written on
 * the general side (schema clsm), which may not write the cellule schema where notifications live:
 * once it has committed, the general side queues a job with the change's id, and this worker
 * writes the notifications on the commission side, with a notice keyed by the change so that a
 * retried job tells nobody twice. Neither the author nor the subject is told (they cannot decide).
 */
@Injectable()
export class AccessChangeNoticesService {
  constructor(
    jobs: JobQueue,
    @InjectDataSource('general') private readonly general: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
  ) {
    jobs.register<{ accessChangeId: string }>({
      name: ACCESS_CHANGE_QUEUE,
      retryLimit: 8,
      retryDelaySeconds: 2,
      expireInSeconds: 120,
      pollingIntervalSeconds: 0.5,
      handle: ({ accessChangeId }) => this.notice(accessChangeId),
    });
  }

  /** Notifies the committee of one pending change, once; a change decided meanwhile is not told. */
  async notice(accessChangeId: string): Promise<void> {
    const [change] = await this.general.query<
      {
        user_id: string;
        requested_by: string | null;
      }[]
    >(`SELECT user_id, requested_by FROM clsm.access_change WHERE id = $1 AND status = 'pending'`, [accessChangeId]);
    if (!change) return;
    await runInContext({ requestId: `job-${randomUUID()}`, clientAddress: null }, () =>
      this.uow.run(true, async () => {
        const manager = await this.uow.manager();
        const inserted = await manager.query<unknown[]>(
          'INSERT INTO cellule.access_change_notice (access_change_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING access_change_id',
          [accessChangeId],
        );
        if (inserted.length === 0) return;
        await this.notifications.notifyEthicsCommittee(ACCESS_CHANGE_EVENT, [change.user_id, change.requested_by]);
      }),
    );
  }
}
