import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { icsOf, type MailJob, subjectOf, textOf } from './mail.js';

export const MAIL_QUEUE = 'notification-email';

/**
 * Notification e-mails, sent outside the request: the request's unit of work queues them once it
 * has committed (pg-boss, schema `pgboss`), a worker sends them through SMTP and the queue retries
 * a failed send with backoff. A send failure never reaches the request.
 *
 * pg-boss connects with the administrative connection (DATABASE_URL), as the migrations do: it
 * creates and migrates its own schema at start, which the serving roles may not. Its jobs hold no
 * personal data (a recipient's id, a French sentence, the case reference, a link). The recipient's
 * address is read at send time through the general side (clsm_general), the only role that sees
 * e-mail addresses.
 */
@Injectable()
export class MailQueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailQueueService.name);
  private readonly mail: AppConfig['mail'];
  private readonly adminUrl: string;
  private boss?: PgBoss;
  private transport?: Transporter;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('general') private readonly general: DataSource,
  ) {
    this.mail = config.get('mail', { infer: true });
    this.adminUrl = config.get('database', { infer: true }).adminUrl;
  }

  get enabled(): boolean {
    return this.mail.smtpUrl !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.mail.smtpUrl) {
      this.logger.warn('e-mail notifications are off: SMTP_URL is not set (in-app notifications only)');
      return;
    }
    this.transport = nodemailer.createTransport(this.mail.smtpUrl);
    const boss = new PgBoss({ connectionString: this.adminUrl, schema: 'pgboss', max: 2, application_name: 'clsm-cellule-jobs' });
    boss.on('error', (error: Error) => this.logger.error({ kind: error.name }, 'job queue error'));
    await boss.start();
    await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, retryLimit: 8, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 });
    await boss.work<MailJob>(MAIL_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => this.send(job.data));
    this.boss = boss;
    this.logger.log('e-mail notifications are on (SMTP), sent from the job queue');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
    this.transport?.close();
  }

  /** Queues one e-mail per recipient; called after the change that caused them committed. */
  async enqueue(jobs: MailJob[]): Promise<void> {
    if (!this.boss || jobs.length === 0) return;
    await this.boss.insert(jobs.map((data) => ({ name: MAIL_QUEUE, data })));
  }

  private async send(job: MailJob): Promise<void> {
    const [account] = await this.general.query<{ email: string }[]>('SELECT email FROM clsm.user_account WHERE id = $1 AND active', [job.recipientId]);
    if (!account) return; // Deactivated since: nothing to send.
    const link = `${this.mail.publicUrl}${job.link}`;
    await this.transport!.sendMail({
      from: this.mail.from,
      to: account.email,
      subject: subjectOf(job),
      text: textOf(job, this.mail.publicUrl),
      ...(job.calendar
        ? { icalEvent: { method: 'REQUEST', filename: 'invitation.ics', content: icsOf(job.calendar, this.mail.from, link) } }
        : {}),
    });
  }
}
