import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { icsOf, type MailJob, subjectOf, textOf } from './mail.js';

export const MAIL_QUEUE = 'notification-email';

/**
 * Notification e-mails, sent outside the request: the request's unit of work queues them once it
 * has committed (the job queue, src/jobs), a worker sends them through SMTP and the queue retries
 * a failed send with backoff. A send failure never reaches the request.
 *
 * Jobs hold no personal data (a recipient's id, a French sentence, the case reference, a link).
 * The recipient's address is read at send time through the general side (clsm_general), the only
 * role that sees e-mail addresses. Without SMTP_URL nothing is queued (in-app notifications only).
 */
@Injectable()
export class MailQueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailQueueService.name);
  private readonly mail: AppConfig['mail'];
  private transport?: Transporter;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource('general') private readonly general: DataSource,
    private readonly jobs: JobQueue,
  ) {
    this.mail = config.get('mail', { infer: true });
    if (this.mail.smtpUrl) {
      this.transport = nodemailer.createTransport(this.mail.smtpUrl);
      jobs.register<MailJob>({
        name: MAIL_QUEUE,
        retryLimit: 8,
        retryDelaySeconds: 2,
        expireInSeconds: 120,
        pollingIntervalSeconds: 0.5,
        handle: (job) => this.send(job),
      });
    }
  }

  get enabled(): boolean {
    return this.mail.smtpUrl !== undefined;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) this.logger.log('e-mail notifications are on (SMTP), sent from the job queue');
    else this.logger.warn('e-mail notifications are off: SMTP_URL is not set (in-app notifications only)');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /** Queues one e-mail per recipient; called after the change that caused them committed. */
  async enqueue(jobs: MailJob[]): Promise<void> {
    if (!this.enabled) return;
    await this.jobs.send(MAIL_QUEUE, jobs);
  }

  private async send(job: MailJob): Promise<void> {
    const [account] = await this.general.query<{ email: string }[]>('SELECT email FROM clsm.user_account WHERE id = $1 AND active', [
      job.recipientId,
    ]);
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
