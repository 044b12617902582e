import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RelationsService } from '../access/relations.service.js';
import { Clock } from '../common/clock.js';
import { runInContext } from '../common/request-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { reminderEvent, type ReminderKind } from '../notifications/events.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RetentionService } from '../rights/retention.service.js';
import { JobQueue } from './job-queue.service.js';

export const REMINDERS_QUEUE = 'daily-reminders';
export const RETENTION_QUEUE = 'daily-retention';
/** Every day at 07:00 and 03:30, in APP_TIME_ZONE (Europe/Paris). */
export const REMINDERS_CRON = '0 7 * * *';
export const RETENTION_CRON = '30 3 * * *';
/** A préconisation is "due soon" this many days before its due date. */
export const DUE_SOON_DAYS = 7;

export interface ReminderSent {
  recommendationId: string;
  kind: ReminderKind;
  recipients: number;
}

/** YYYY-MM-DD of `at` in `timeZone`. */
function calendarDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map(({ type, value }) => [type, value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The daily jobs, scheduled on the job queue (pg-boss `schedule`, so that one instance sends each
 * tick's job whatever the number of instances): the reminders of préconisations, and retention.
 * Their bodies are public methods taking the date to act "as of", for tests and operators.
 */
@Injectable()
export class DailyJobsService {
  private readonly logger = new Logger(DailyJobsService.name);

  constructor(
    jobs: JobQueue,
    private readonly uow: UnitOfWork,
    private readonly relations: RelationsService,
    private readonly notifications: NotificationsService,
    private readonly retention: RetentionService,
    private readonly clock: Clock,
  ) {
    const daily = { retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 900, pollingIntervalSeconds: 5 };
    jobs.register({ name: REMINDERS_QUEUE, cron: REMINDERS_CRON, ...daily, handle: async () => void (await this.remind()) });
    jobs.register({ name: RETENTION_QUEUE, cron: RETENTION_CRON, ...daily, handle: async () => void (await this.applyRetention()) });
  }

  /**
   * Reminds the people who follow each open préconisation (its carrier, the members of its carrier
   * structure) once it falls due within 7 days, and once it is overdue: once per préconisation and
   * kind, ever. The key (recommendation, kind) is inserted in the same transaction as the
   * notifications; an instance running the job at the same time waits on that key, finds it taken
   * and notifies nobody. E-mails leave after the commit, as for every notification.
   */
  async remind(asOf: Date = this.clock.now()): Promise<ReminderSent[]> {
    const today = calendarDate(asOf, this.clock.timeZone);
    const sent = await runInContext({ requestId: `reminders-${randomUUID()}`, clientAddress: null }, () =>
      this.uow.run(true, async () => {
        const manager = await this.uow.manager();
        const rows = await manager.query<{ id: string; situation_id: string; due_date: string; kind: ReminderKind }[]>(
          `WITH candidates AS (
             SELECT r.id, r.situation_id, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
                    CASE WHEN r.due_date < $1::date THEN 'overdue' ELSE 'due_soon' END AS kind
               FROM cellule.recommendation r JOIN cellule.situation s ON s.id = r.situation_id
              WHERE r.status = 'open' AND s.destroyed_at IS NULL AND r.due_date <= $1::date + $2::int
                -- Nobody is reminded of a frozen file (restriction in force) or of one the person objected to.
                AND NOT EXISTS (SELECT 1 FROM cellule.situation_measure m
                                 WHERE m.situation_id = s.id AND (m.kind = 'objection' OR m.lifted_at IS NULL))),
           inserted AS (
             INSERT INTO cellule.recommendation_reminder (recommendation_id, kind)
             SELECT id, kind FROM candidates ORDER BY id, kind
             ON CONFLICT DO NOTHING
             RETURNING recommendation_id, kind)
           SELECT c.id, c.situation_id, c.due_date, c.kind FROM inserted i JOIN candidates c ON c.id = i.recommendation_id AND c.kind = i.kind
            ORDER BY c.id`,
          [today, DUE_SOON_DAYS],
        );
        const carriers = await this.relations.carriersOf(
          rows.map((row) => row.id),
          asOf,
        );
        const result: ReminderSent[] = [];
        for (const row of rows) {
          const recipients = carriers.get(row.id) ?? [];
          await this.notifications.notify(recipients, reminderEvent(row.kind, { situationId: row.situation_id, dueDate: row.due_date }));
          result.push({ recommendationId: row.id, kind: row.kind, recipients: recipients.length });
        }
        return result;
      }),
    );
    if (sent.length > 0) this.logger.log({ reminders: sent.length }, 'reminders sent');
    return sent;
  }

  /** Retention (src/rights/retention.service.ts): destroys what has expired at `asOf`; returns the ids destroyed. */
  applyRetention(asOf: Date = this.clock.now()): Promise<string[]> {
    return this.retention.runOnce(asOf);
  }
}
