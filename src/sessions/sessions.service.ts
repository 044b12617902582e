import { BadRequestException, HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { AccessService, type SituationAccess } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import type { Page } from '../common/page.dto.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SituationWorkflowService } from '../situations/situation-workflow.service.js';
import { Situation } from '../situations/situation.entity.js';
import type {
  AgendaItemViewDto,
  CreateSessionDto,
  OutcomeViewDto,
  PersonResponseDto,
  SessionDto,
  SessionQueryDto,
  SessionStatusDto,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { minutesAwaitingApproval } from './session-events.js';
import { AgendaItem, CommissionSession } from './session.entity.js';

export const invalid = (detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Unprocessable', detail);

interface OutcomeRow {
  item_id: string;
  summary_enc: Buffer;
  next_review_date: string | Date | null;
  person_response: PersonResponseDto['status'];
  person_response_on: string | Date | null;
  person_response_how_enc: Buffer | null;
  minutes_enc: Buffer | null;
}

/**
 * Commission sessions: the agenda (situations with their invitees), publication, which opens
 * access to convened members and invitees for the policy's window, and attendance. Each item's
 * content is read through the case-file path, for the items whose situation the reader may see.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly relations: RelationsService,
    private readonly workflow: SituationWorkflowService,
    private readonly recommendations: RecommendationsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async create(user: AuthenticatedUser, input: CreateSessionDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    const id = randomUUID();
    if (input.chairUserId) await this.assertChair(input.chairUserId);
    await manager.insert(CommissionSession, {
      id,
      scheduledAt: input.scheduledAt,
      location: input.location,
      status: 'planned',
      chairUserId: input.chairUserId ?? null,
      createdAt: this.clock.now(),
    });
    this.cases.record(sessionEntry('session.create', id));
    return this.get(user, id);
  }

  /**
   * Those who manage sessions see every session; others the sessions holding an item they may see.
   * Paged, newest first, filtered by status.
   */
  async list(user: AuthenticatedUser, query: SessionQueryDto): Promise<Page<SessionDto>> {
    if (query.from && query.to && query.from >= query.to)
      throw new BadRequestException('Le début de la période (from) doit précéder sa fin (to).');
    const manager = await this.cases.manager();
    const manages = this.access.manages(user, 'Session');
    const filter = await this.access.listCondition(user, [
      manages,
      query.status ?? null,
      query.limit,
      query.offset,
      query.from ?? null,
      query.to ?? null,
    ]);
    const rows = await manager.query<{ id: string; total: number }[]>(
      `SELECT s.id, count(*) OVER ()::int AS total FROM cellule.session s
        WHERE ($2::text IS NULL OR s.status = $2)
          AND ($5::timestamptz IS NULL OR s.scheduled_at >= $5) AND ($6::timestamptz IS NULL OR s.scheduled_at < $6)
          AND ($1 OR EXISTS (SELECT 1 FROM cellule.agenda_item i JOIN cellule.situation situation ON situation.id = i.situation_id
                               WHERE i.session_id = s.id AND (${filter.sql})))
        ORDER BY s.scheduled_at DESC, s.id DESC LIMIT $3 OFFSET $4`,
      filter.params,
    );
    const views = await this.views(
      user,
      rows.map((row) => row.id),
    );
    // Each situation named on an agenda shown is recorded, as for a read of its item.
    this.cases.record(
      ...views.flatMap((view) => [sessionEntry('session.list', view.id), ...view.items.map((item) => itemEntry('agenda_item.list', item))]),
      ...(views.length === 0 ? [sessionEntry('session.list', null)] : []),
    );
    const total = rows[0]?.total ?? (query.offset > 0 ? await this.count(user, query) : 0);
    return { items: views, total, limit: query.limit, offset: query.offset };
  }

  /** The number of sessions a list would show, for a page past the end. */
  private async count(user: AuthenticatedUser, query: SessionQueryDto): Promise<number> {
    const manager = await this.cases.manager();
    const filter = await this.access.listCondition(user, [
      this.access.manages(user, 'Session'),
      query.status ?? null,
      query.from ?? null,
      query.to ?? null,
    ]);
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM cellule.session s
        WHERE ($2::text IS NULL OR s.status = $2)
          AND ($3::timestamptz IS NULL OR s.scheduled_at >= $3) AND ($4::timestamptz IS NULL OR s.scheduled_at < $4)
          AND ($1 OR EXISTS (SELECT 1 FROM cellule.agenda_item i JOIN cellule.situation situation ON situation.id = i.situation_id
                               WHERE i.session_id = s.id AND (${filter.sql})))`,
      filter.params,
    );
    return total;
  }

  async get(user: AuthenticatedUser, id: string): Promise<SessionDto> {
    const [view] = await this.views(user, [id]);
    if (!view) {
      this.cases.deny(sessionEntry('session.read', id));
      throw notFound();
    }
    this.cases.record(sessionEntry('session.read', id), ...view.items.map((item) => itemEntry('agenda_item.read', item)));
    return view;
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateSessionDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    // Once held, only the chair may still be named (the minutes wait for their approval).
    const chairOnly = input.location === undefined && input.scheduledAt === undefined;
    const session = await this.lockSession(id, chairOnly ? ['planned', 'agenda_published', 'held'] : ['planned', 'agenda_published']);
    if (input.location) session.location = input.location;
    if (input.chairUserId && input.chairUserId !== session.chairUserId) {
      await this.assertChair(input.chairUserId);
      if (session.minutesDraftedBy === input.chairUserId)
        throw invalid('La présidence approuve le procès-verbal : elle revient à un autre membre que son auteur.');
      session.chairUserId = input.chairUserId;
      // Minutes drafted before: the new chair is told they await approval.
      if (session.status === 'held' && session.minutesDraftedBy)
        await this.notifications.notify([input.chairUserId], minutesAwaitingApproval(session));
    }
    if (input.scheduledAt) {
      session.scheduledAt = input.scheduledAt;
      // A published agenda's access window follows the session's date.
      await this.relations.setSessionWindow(id, this.relations.windowEnd(session.scheduledAt));
    }
    await manager.save(session);
    this.cases.record(sessionEntry('session.update', id));
    return this.get(user, id);
  }

  async changeStatus(user: AuthenticatedUser, id: string, input: SessionStatusDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    const from =
      input.to === 'agenda_published' ? ['planned'] : input.to === 'held' ? ['agenda_published'] : ['planned', 'agenda_published'];
    const session = await this.lockSession(id, from);
    session.status = input.to;
    const now = this.clock.now();
    if (input.to === 'agenda_published') {
      session.publishedAt = now;
      const items = await manager.find(AgendaItem, { where: { sessionId: id }, order: { position: 'ASC' } });
      if (items.length === 0) throw conflict("L'ordre du jour est vide.");
      for (const item of items) await this.relations.openAgendaItem(session, item);
    }
    if (input.to === 'held') session.heldAt = now;
    if (input.to === 'cancelled') {
      await this.relations.setSessionWindow(id, now);
      await this.sendBackToPreparation(user, session, input.reason);
    }
    await manager.save(session);
    this.cases.record(sessionEntry(`session.${input.to === 'agenda_published' ? 'publish' : input.to === 'held' ? 'hold' : 'cancel'}`, id));
    return this.get(user, id);
  }

  /**
   * A cancelled session sends the situations it had scheduled back to preparation, each move
   * recorded in the situation's history with its author and reason.
   */
  private async sendBackToPreparation(user: AuthenticatedUser, session: CommissionSession, reason: string | undefined): Promise<void> {
    const manager = await this.cases.manager();
    const items = await manager.find(AgendaItem, { where: { sessionId: session.id }, order: { position: 'ASC' } });
    const when = session.scheduledAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    const scheduled = new Set(
      (
        await manager.query<{ id: string }[]>(`SELECT id FROM cellule.situation WHERE id = ANY($1) AND status = 'scheduled'`, [
          items.map((item) => item.situationId),
        ])
      ).map((row) => row.id),
    );
    // Only the situations still scheduled move (one closed meanwhile stays closed).
    for (const item of items.filter((candidate) => scheduled.has(candidate.situationId))) {
      const { situation } = await this.cases.situation(user, 'transition', item.situationId);
      await this.workflow.moveWithin(user, situation, {
        to: 'in_preparation',
        reason: `Séance du ${when} annulée${reason ? ` : ${reason}` : '.'}`,
      });
    }
  }

  /** The chair is an active member of the commission. */
  private async assertChair(userId: string): Promise<void> {
    const manager = await this.cases.manager();
    const [member] = await manager.query<unknown[]>('SELECT 1 FROM cellule.commission_member WHERE user_id = $1 AND active', [userId]);
    if (!member) throw invalid('La présidence de séance revient à un membre actif de la commission (chairUserId).');
  }

  async lockSession(id: string, allowed: string[]): Promise<CommissionSession> {
    const manager = await this.cases.manager();
    const session = await manager.findOne(CommissionSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) {
      this.cases.deny(sessionEntry('session.update', id));
      throw notFound();
    }
    if (!allowed.includes(session.status)) throw conflict(`Impossible dans l'état « ${session.status} » de la séance.`);
    return session;
  }

  async item(sessionId: string, itemId: string): Promise<AgendaItem> {
    const manager = await this.cases.manager();
    const item = await manager.findOne(AgendaItem, { where: { id: itemId, sessionId } });
    if (!item) throw notFound();
    return item;
  }

  /**
   * The sessions as this user may see them: only the items whose situation they may read, named by
   * their case reference (never the person's name: charter article 4), each decrypted through that
   * situation's grant. A fixed number of queries whatever the number of
   * sessions and items.
   */
  private async views(user: AuthenticatedUser, ids: string[]): Promise<SessionDto[]> {
    if (ids.length === 0) return [];
    const manager = await this.cases.manager();
    const manages = this.access.manages(user, 'Session');
    const sessions = await manager.find(CommissionSession, { where: { id: In(ids) } });
    const items = await manager.find(AgendaItem, { where: { sessionId: In(ids) }, order: { position: 'ASC', id: 'ASC' } });
    const visible = await this.cases.visible(user, [...new Set(items.map((item) => item.situationId))]);
    const shown = items.filter((item) => visible.has(item.situationId));
    const situationIds = [...new Set(shown.map((item) => item.situationId))];
    const itemIds = shown.map((item) => item.id);
    const situations = new Map(
      (await manager.find(Situation, { where: { id: In(situationIds) } })).map((situation) => [situation.id, situation]),
    );
    const reader = await this.cases.reader([...visible.values()], 'agenda_item.read');
    const invitations = manages
      ? await manager.query<{ item_id: string; user_id: string }[]>(
          'SELECT item_id, user_id FROM cellule.agenda_invitation WHERE item_id = ANY($1) ORDER BY user_id',
          [itemIds],
        )
      : [];
    const outcomes = new Map(
      (await manager.query<OutcomeRow[]>('SELECT * FROM cellule.item_outcome WHERE item_id = ANY($1)', [itemIds])).map((row) => [
        row.item_id,
        row,
      ]),
    );
    const live = new Map([...visible].filter(([situationId]) => !reader.destroyed(situationId)));
    const recommendations = await this.recommendations.forItems(itemIds, live, reader);
    const byId = new Map(sessions.map((session) => [session.id, session]));
    return ids.flatMap((id) => {
      const session = byId.get(id);
      if (!session) return [];
      const own = shown.filter((item) => item.sessionId === id);
      if (!manages && own.length === 0) return [];
      const views = own.map((item) => {
        const access = visible.get(item.situationId)!;
        const situation = situations.get(item.situationId)!;
        const view: AgendaItemViewDto = {
          id: item.id,
          position: item.position,
          situationId: item.situationId,
          reference: situation.reference,
          personAttends: item.personAttends,
          carersAttend: item.carersAttend,
        };
        if (manages) view.invitedUserIds = invitations.filter((row) => row.item_id === item.id).map((row) => row.user_id);
        // A situation destroyed at the end of its retention stays on past agendas by reference only.
        if (reader.destroyed(item.situationId)) return { ...view, destroyed: true };
        const outcome = outcomes.get(item.id);
        if (outcome) view.outcome = this.outcome(item, outcome, access, reader, recommendations.get(item.id) ?? []);
        return view;
      });
      return [
        {
          id: session.id,
          scheduledAt: session.scheduledAt.toISOString(),
          location: session.location,
          status: session.status,
          chairUserId: session.chairUserId,
          items: views,
        },
      ];
    });
  }

  private outcome(
    item: AgendaItem,
    row: OutcomeRow,
    access: SituationAccess,
    reader: Awaited<ReturnType<CaseFiles['reader']>>,
    recommendations: OutcomeViewDto['recommendations'],
  ): OutcomeViewDto {
    const how = reader.read<string>(access, 'item_outcome.person_response_how', item.id, row.person_response_how_enc);
    return {
      summary: reader.read<string>(access, 'item_outcome.summary', item.id, row.summary_enc) ?? '',
      nextReviewDate: row.next_review_date === null ? null : isoDate(row.next_review_date),
      personResponse: {
        status: row.person_response,
        ...(row.person_response_on ? { on: isoDate(row.person_response_on) } : {}),
        ...(how !== undefined ? { how } : {}),
      },
      recommendations,
    };
  }
}

export function sessionEntry(action: string, sessionId: string | null) {
  return { action, resourceType: 'session', resourceId: sessionId, purpose: sessionId ? { type: 'session', id: sessionId } : undefined };
}

export function itemEntry(action: string, item: { id: string; situationId: string }) {
  return {
    action,
    resourceType: 'agenda_item',
    resourceId: item.id,
    situationId: item.situationId,
    purpose: { type: 'agenda_item', id: item.id },
  };
}
