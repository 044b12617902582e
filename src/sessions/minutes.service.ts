import { ForbiddenException, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound } from '../common/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { MinutesDto, MinutesViewDto } from './dto/session.dto.js';
import { renderMinutesPdf } from './minutes-pdf.js';
import { CommissionSession } from './session.entity.js';
import { minutesAwaitingApproval } from './session-events.js';
import { itemEntry, SessionsService, sessionEntry } from './sessions.service.js';

/**
 * A held session's minutes: drafted by whoever runs the sessions (the coordinator, often the
 * commission's secretary), approved by the session's chair, a member who is not their author;
 * approved minutes are frozen, and downloadable as a French PDF, each download recorded.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async write(user: AuthenticatedUser, sessionId: string, input: MinutesDto): Promise<MinutesViewDto> {
    const manager = await this.cases.manager();
    // Approved minutes are frozen: only a held session's minutes are written.
    const session = await this.sessions.lockSession(sessionId, ['held']);
    for (const section of input.items) {
      const item = await this.sessions.item(sessionId, section.itemId);
      await this.cases.situation(user, 'read', item.situationId);
      await this.cases.allowRecordWrite(item.situationId);
      const [updated] = await manager.query<[{ item_id: string }[], number]>(
        'UPDATE cellule.item_outcome SET minutes_enc = $2 WHERE item_id = $1 RETURNING item_id',
        [item.id, await this.cases.seal(item.situationId, 'item_outcome.minutes', item.id, section.text)],
      );
      if (!updated?.length) throw conflict('Enregistrez le compte rendu du point avant son procès-verbal.');
      this.cases.record(itemEntry('agenda_item.minutes', item));
    }
    if (input.items.length) {
      // The chair is told once per author: when the draft is first written, or taken over.
      const newAuthor = session.minutesDraftedBy !== user.id;
      session.minutesDraftedBy = user.id;
      await manager.save(session);
      if (newAuthor && session.chairUserId && session.chairUserId !== user.id) {
        await this.notifications.notify([session.chairUserId], minutesAwaitingApproval(session));
      }
    }
    return this.read(user, sessionId);
  }

  /** The session's chair approves, and is not the author of the draft. */
  async approve(user: AuthenticatedUser, sessionId: string): Promise<MinutesViewDto> {
    const manager = await this.cases.manager();
    const session = await manager.findOne(CommissionSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
    const chairs = session?.chairUserId === user.id;
    if (!session || (!chairs && !this.access.manages(user, 'Session'))) {
      this.cases.deny(sessionEntry('session.approve_minutes', sessionId));
      throw notFound();
    }
    if (!chairs) {
      this.cases.deny(sessionEntry('session.approve_minutes', sessionId));
      throw new ForbiddenException(
        session.chairUserId
          ? 'Seule la présidence de la séance approuve son procès-verbal.'
          : 'Désignez d’abord la présidence de la séance (chairUserId) : elle seule approuve le procès-verbal.',
      );
    }
    if (session.status !== 'held') throw conflict(`Impossible dans l'état « ${session.status} » de la séance.`);
    if (!session.minutesDraftedBy) throw conflict("Le procès-verbal n'est pas encore rédigé.");
    if (session.minutesDraftedBy === user.id) {
      this.cases.deny(sessionEntry('session.approve_minutes', sessionId));
      throw new ForbiddenException(
        "Règle « approbation par un autre membre que l'auteur » : vous avez rédigé ce procès-verbal, un autre membre doit l'approuver.",
      );
    }
    session.status = 'minutes_approved';
    session.minutesApprovedAt = this.clock.now();
    session.minutesApprovedBy = user.id;
    await manager.save(session);
    this.cases.record(sessionEntry('session.approve_minutes', sessionId));
    return this.read(user, sessionId);
  }

  /** Minutes: only those who attended (and the chair) read them, and each only the items whose situation they may see. */
  read(user: AuthenticatedUser, sessionId: string): Promise<MinutesViewDto> {
    return this.minutes(user, sessionId, 'minutes_read').then(({ view }) => view);
  }

  /** The approved minutes as a PDF, with the same items as the reader's JSON view; the download is recorded. */
  async pdf(user: AuthenticatedUser, sessionId: string): Promise<Buffer> {
    const { session, view } = await this.minutes(user, sessionId, 'minutes_download');
    if (session.status !== 'minutes_approved') throw conflict('Seul un procès-verbal approuvé se télécharge.');
    return renderMinutesPdf(session, view);
  }

  private async minutes(
    user: AuthenticatedUser,
    sessionId: string,
    action: 'minutes_read' | 'minutes_download',
  ): Promise<{ session: CommissionSession; view: MinutesViewDto }> {
    const manager = await this.cases.manager();
    const session = await manager.findOneBy(CommissionSession, { id: sessionId });
    const manages = this.access.manages(user, 'Session');
    const chairs = session !== null && session.chairUserId === user.id;
    const attended = await manager.query<
      {
        item_id: string | null;
      }[]
    >('SELECT item_id FROM cellule.attendance WHERE session_id = $1 AND user_id = $2', [sessionId, user.id]);
    if (!session || (!manages && !chairs && attended.length === 0)) {
      this.cases.deny(sessionEntry(`session.${action}`, sessionId));
      throw notFound();
    }
    const wholeSession = manages || chairs || attended.some((row) => row.item_id === null);
    const attendedItems = new Set(attended.map((row) => row.item_id));
    const rows = (
      await manager.query<{ id: string; situation_id: string; reference: string; minutes_enc: Buffer }[]>(
        `SELECT i.id, i.situation_id, s.reference, o.minutes_enc FROM cellule.agenda_item i
           JOIN cellule.situation s ON s.id = i.situation_id JOIN cellule.item_outcome o ON o.item_id = i.id
          WHERE i.session_id = $1 AND o.minutes_enc IS NOT NULL ORDER BY i.position, i.id`,
        [sessionId],
      )
    ).filter((row) => wholeSession || attendedItems.has(row.id));
    const visible = await this.cases.visible(user, [...new Set(rows.map((row) => row.situation_id))]);
    const reader = await this.cases.reader([...visible.values()], `agenda_item.${action}`);
    const items: MinutesViewDto['items'] = [];
    for (const row of rows) {
      const access = visible.get(row.situation_id);
      if (!access || reader.destroyed(row.situation_id)) continue;
      const text = reader.read<string>(access, 'item_outcome.minutes', row.id, row.minutes_enc);
      if (text === undefined) continue;
      items.push({ itemId: row.id, reference: row.reference, text });
    }
    this.cases.record(
      sessionEntry(`session.${action}`, sessionId),
      ...items.map((item) => ({
        ...itemEntry(`agenda_item.${action}`, { id: item.itemId, situationId: rows.find((row) => row.id === item.itemId)!.situation_id }),
        purpose: { type: 'session', id: sessionId },
      })),
    );
    const view: MinutesViewDto = {
      approvedAt: session.minutesApprovedAt?.toISOString() ?? null,
      draftedBy: session.minutesDraftedBy,
      approvedBy: session.minutesApprovedBy,
      items,
    };
    return { session, view };
  }
}
