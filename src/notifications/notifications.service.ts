import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Page } from '../common/page.dto.js';
import { notFound } from '../common/problem.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { CalendarInvite } from './mail.js';
import { MailQueueService } from './mail-queue.service.js';
import type { NotificationDto, NotificationQueryDto } from './dto/notification.dto.js';

/**
 * What happened, told to the people it concerns. Carries no personal data of the person a case is
 * about: a closed kind, a French sentence written by the caller from fixed words, the case
 * reference at most, and a link path into the console.
 */
export interface NotificationEvent {
  kind: string;
  message: string;
  reference?: string | null;
  /** The situation concerned: its case reference is looked up when `reference` is not given. */
  situationId?: string;
  /** A console path: `/situations/<id>`, `/seances/<id>`, `/orientations/<id>`… */
  link: string;
  /** An invitation: the e-mail carries it as an iCalendar request. */
  calendar?: CalendarInvite;
}

interface Row {
  id: string;
  kind: string;
  message: string;
  reference: string | null;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

const view = (row: Row): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  message: row.message,
  reference: row.reference,
  link: row.link,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/**
 * The in-app notifications. `notify` is called by feature services inside the request's unit of
 * work, so a notification commits (or rolls back) with the change that caused it.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mail: MailQueueService,
  ) {}

  /** Tells each recipient (once, whatever duplicates the list holds) what happened. */
  async notify(recipients: Iterable<string | null | undefined>, event: NotificationEvent): Promise<void> {
    const ids = [...new Set([...recipients].filter((id): id is string => typeof id === 'string'))].sort();
    if (ids.length === 0) return;
    const manager = await this.uow.manager();
    const rows = await manager.query<{ recipient_id: string; reference: string | null }[]>(
      `INSERT INTO cellule.notification (id, recipient_id, kind, message, reference, link)
       SELECT x.id, x.recipient, $3, $4, coalesce($5, (SELECT reference FROM cellule.situation WHERE id = $7)), $6
         FROM unnest($1::uuid[], $2::uuid[]) AS x (id, recipient)
       RETURNING recipient_id, reference`,
      [ids.map(() => randomUUID()), ids, event.kind, event.message, event.reference ?? null, event.link, event.situationId ?? null],
    );
    if (!this.mail.enabled) return;
    // E-mail leaves only once the change that caused it is committed, from the queue.
    const jobs = rows.map((row) => ({
      recipientId: row.recipient_id,
      kind: event.kind,
      message: event.message,
      reference: row.reference,
      link: event.link,
      ...(event.calendar ? { calendar: event.calendar } : {}),
    }));
    this.uow.current.afterCommit(() => this.mail.enqueue(jobs));
  }

  /** Tells the coordination (every active coordinator). */
  async notifyCoordination(event: NotificationEvent): Promise<void> {
    await this.notify(await this.holders(`'coordinator' = ANY (roles)`, []), event);
  }

  /** Tells a DAC: the active liaison users (role dac) of that organisation. */
  async notifyDac(organizationId: string, event: NotificationEvent): Promise<void> {
    await this.notify(await this.holders(`'dac' = ANY (roles) AND organization_id = $1`, [organizationId]), event);
  }

  /** Tells the ethics committee (every active member), but for those named in `except`. */
  async notifyEthicsCommittee(event: NotificationEvent, except: (string | null)[] = []): Promise<void> {
    const excluded = except.filter((id): id is string => id !== null);
    await this.notify(await this.holders(`'ethics' = ANY (roles) AND NOT (user_id = ANY ($1::uuid[]))`, [excluded]), event);
  }

  private async holders(condition: string, parameters: unknown[]): Promise<string[]> {
    const manager = await this.uow.manager();
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT user_id FROM clsm.directory_entry WHERE active AND ${condition} ORDER BY user_id`,
      parameters,
    );
    return rows.map((row) => row.user_id);
  }

  async list(userId: string, query: NotificationQueryDto): Promise<Page<NotificationDto> & { unread: number }> {
    const manager = await this.uow.manager();
    const where = `recipient_id = $1${query.unread === 'true' ? ' AND read_at IS NULL' : ''}`;
    const [{ total, unread }] = await manager.query<{ total: number; unread: number }[]>(
      `SELECT count(*) FILTER (WHERE ${where})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM cellule.notification WHERE recipient_id = $1`,
      [userId],
    );
    const rows = await manager.query<Row[]>(
      `SELECT id, kind, message, reference, link, created_at, read_at FROM cellule.notification
        WHERE ${where} ORDER BY created_at DESC, id LIMIT ${query.limit} OFFSET ${query.offset}`,
      [userId],
    );
    return { items: rows.map(view), total, unread, limit: query.limit, offset: query.offset };
  }

  /** Marks one of the caller's notifications as read; someone else's is not found. */
  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const manager = await this.uow.manager();
    const [rows] = await manager.query<[Row[], number]>(
      `UPDATE cellule.notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2
       RETURNING id, kind, message, reference, link, created_at, read_at`,
      [id, userId],
    );
    if (rows.length === 0) throw notFound("Cette notification n'existe pas ou ne vous est pas adressée.");
    return view(rows[0]);
  }

  async markAllRead(userId: string): Promise<number> {
    const manager = await this.uow.manager();
    const [, count] = await manager.query<[unknown, number]>(
      `UPDATE cellule.notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }
}
