import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, ProblemException, ProblemType } from '../common/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SituationWorkflowService } from '../situations/situation-workflow.service.js';
import type { AddAgendaItemDto, AgendaOrderDto, InviteesDto, RemoveAgendaItemDto, SessionDto } from './dto/session.dto.js';
import { dateOf } from './session-events.js';
import { AgendaItem, type CommissionSession } from './session.entity.js';
import { invalid, itemEntry, SessionsService } from './sessions.service.js';

const SCHEDULABLE = ['admissible', 'in_preparation', 'reviewed', 'follow_up'];
/** The agenda changes until the session starts, that is until it is held (then 409). */
const BEFORE_START = ['planned', 'agenda_published'];

/**
 * A session's agenda: items added, removed and reordered, invitees changed, until the session is
 * held. A published agenda's access follows each change (opened to new invitees, ended for those
 * removed); a situation taken off the agenda goes back to preparation, recorded in its history.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly relations: RelationsService,
    private readonly workflow: SituationWorkflowService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async addItem(user: AuthenticatedUser, sessionId: string, input: AddAgendaItemDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    const session = await this.sessions.lockSession(sessionId, BEFORE_START);
    const { situation } = await this.cases.situation(user, 'transition', input.situationId);
    if (!SCHEDULABLE.includes(situation.status)) {
      throw conflict(
        `Seule une situation recevable, en préparation, déjà examinée ou en suivi peut être inscrite (statut : ${situation.status}).`,
      );
    }
    if (!(await this.access.consentInForce(situation.id, 'review'))) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.consentRequired,
        'Consent required',
        "L'accord de la personne pour l'examen de sa situation n'est pas en vigueur.",
      );
    }
    if ((input.personAttends || input.carersAttend) && !(await this.access.consentInForce(situation.id, 'attendance'))) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.consentRequired,
        'Consent required',
        'La présence de la personne ou de ses proches suppose son accord (présence).',
      );
    }
    const invited = [...new Set(input.invitedUserIds)];
    await this.assertInvitable(situation.id, invited);
    const [existing] = await manager.query<unknown[]>('SELECT 1 FROM cellule.agenda_item WHERE session_id = $1 AND situation_id = $2', [
      sessionId,
      situation.id,
    ]);
    if (existing) throw conflict('Cette situation est déjà inscrite à cet ordre du jour.');
    const [{ position }] = await manager.query<{ position: number }[]>(
      'SELECT coalesce(max(position), 0) + 1 AS position FROM cellule.agenda_item WHERE session_id = $1',
      [sessionId],
    );
    const item: AgendaItem = {
      id: randomUUID(),
      sessionId,
      situationId: situation.id,
      position,
      personAttends: input.personAttends,
      carersAttend: input.carersAttend,
      createdAt: this.clock.now(),
    };
    await manager.insert(AgendaItem, item);
    if (invited.length) {
      await manager.query('INSERT INTO cellule.agenda_invitation (item_id, user_id) SELECT $1, unnest($2::uuid[])', [item.id, invited]);
    }
    // Moving onto an agenda schedules the situation, through the workflow's own transitions.
    const back = situation.status === 'follow_up';
    if (situation.status === 'admissible') await this.workflow.moveWithin(user, situation, { to: 'in_preparation' });
    await this.workflow.moveWithin(user, situation, {
      to: 'scheduled',
      ...(back ? { reason: 'Retour en commission pour un réexamen.' } : {}),
    });
    if (session.status === 'agenda_published') await this.relations.openAgendaItem(session, item);
    await this.notifications.notify(invited, invitedEvent(session, situation.reference, item.id));
    this.cases.record(itemEntry('agenda_item.create', item));
    return this.sessions.get(user, sessionId);
  }

  /** Takes an item off the agenda: its access ends, its situation goes back to preparation. */
  async removeItem(user: AuthenticatedUser, sessionId: string, itemId: string, input: RemoveAgendaItemDto): Promise<SessionDto> {
    await this.withdraw(user, sessionId, itemId, input.reason);
    return this.sessions.get(user, sessionId);
  }

  /**
   * Takes a situation off every agenda of a session not yet held (the person objected): each item
   * is removed as the coordinator would remove it, invitees told that the agenda changed.
   */
  async withdrawFromUpcoming(user: AuthenticatedUser, situationId: string, reason: string): Promise<number> {
    const manager = await this.cases.manager();
    const items = await manager.query<{ id: string; session_id: string }[]>(
      `SELECT i.id, i.session_id FROM cellule.agenda_item i JOIN cellule.session s ON s.id = i.session_id
        WHERE i.situation_id = $1 AND s.status = ANY($2) ORDER BY s.scheduled_at, i.id`,
      [situationId, BEFORE_START],
    );
    for (const item of items) await this.withdraw(user, item.session_id, item.id, reason);
    return items.length;
  }

  private async withdraw(user: AuthenticatedUser, sessionId: string, itemId: string, reason: string | undefined): Promise<void> {
    const manager = await this.cases.manager();
    const session = await this.sessions.lockSession(sessionId, BEFORE_START);
    const item = await this.sessions.item(sessionId, itemId);
    const { situation } = await this.cases.situation(user, 'read', item.situationId);
    await this.notifications.notify(await this.invitees(sessionId), changedEvent(session));
    await manager.query('DELETE FROM cellule.agenda_invitation WHERE item_id = $1', [itemId]);
    await manager.query('DELETE FROM cellule.agenda_item WHERE id = $1', [itemId]);
    await manager.query(
      `UPDATE cellule.agenda_item i SET position = ordered.position
         FROM (SELECT id, row_number() OVER (ORDER BY position, id)::int AS position FROM cellule.agenda_item WHERE session_id = $1) ordered
        WHERE i.id = ordered.id`,
      [sessionId],
    );
    await this.relations.closeAgendaItem(itemId);
    if (situation.status === 'scheduled') {
      const { situation: locked } = await this.cases.situation(user, 'transition', item.situationId);
      const when = dateOf(session);
      await this.workflow.moveWithin(user, locked, {
        to: 'in_preparation',
        reason: `Retirée de l'ordre du jour de la séance du ${when}${reason ? ` : ${reason}` : '.'}`,
      });
    }
    this.cases.record(itemEntry('agenda_item.remove', item));
  }

  /** The new order: every item of the agenda, each once. */
  async reorder(user: AuthenticatedUser, sessionId: string, input: AgendaOrderDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    const session = await this.sessions.lockSession(sessionId, BEFORE_START);
    const items = await manager.query<{ id: string; situation_id: string }[]>(
      'SELECT id, situation_id FROM cellule.agenda_item WHERE session_id = $1',
      [sessionId],
    );
    const known = new Set(items.map((item) => item.id));
    if (input.itemIds.length !== known.size || input.itemIds.some((id) => !known.has(id))) {
      throw invalid("Indiquez chaque point de l'ordre du jour une fois, dans le nouvel ordre (itemIds).");
    }
    await manager.query(
      `UPDATE cellule.agenda_item i SET position = ordered.position FROM unnest($2::uuid[]) WITH ORDINALITY AS ordered (id, position)
        WHERE i.id = ordered.id AND i.session_id = $1`,
      [sessionId, input.itemIds],
    );
    await this.notifications.notify(await this.invitees(sessionId), changedEvent(session));
    this.cases.record(...items.map((item) => itemEntry('agenda_item.reorder', { id: item.id, situationId: item.situation_id })));
    return this.sessions.get(user, sessionId);
  }

  /** Replaces the item's invitees; on a published agenda, access opens to new ones and ends for those removed. */
  async setInvitees(user: AuthenticatedUser, sessionId: string, itemId: string, input: InviteesDto): Promise<SessionDto> {
    const manager = await this.cases.manager();
    const session = await this.sessions.lockSession(sessionId, BEFORE_START);
    const item = await this.sessions.item(sessionId, itemId);
    const { situation } = await this.cases.situation(user, 'read', item.situationId);
    // Opening the file to more people is a change of it: a restricted file stays as it is.
    await this.cases.allowRecordWrite(item.situationId);
    const wanted = [...new Set(input.invitedUserIds)];
    await this.assertInvitable(item.situationId, wanted);
    const current = (
      await manager.query<{ user_id: string }[]>('SELECT user_id FROM cellule.agenda_invitation WHERE item_id = $1', [itemId])
    ).map((row) => row.user_id);
    const removed = current.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !current.includes(id));
    if (removed.length)
      await manager.query('DELETE FROM cellule.agenda_invitation WHERE item_id = $1 AND user_id = ANY($2)', [itemId, removed]);
    if (added.length)
      await manager.query('INSERT INTO cellule.agenda_invitation (item_id, user_id) SELECT $1, unnest($2::uuid[])', [itemId, added]);
    if (session.status === 'agenda_published') {
      if (removed.length) await this.relations.closeAgendaItem(itemId, removed);
      await this.relations.addInvitees(session, item, added);
    }
    await this.notifications.notify(added, invitedEvent(session, situation.reference, item.id));
    this.cases.record(itemEntry('agenda_item.invitees', item));
    return this.sessions.get(user, sessionId);
  }

  /** Everyone invited to an item of the session. */
  private async invitees(sessionId: string): Promise<string[]> {
    const manager = await this.cases.manager();
    const rows = await manager.query<{ user_id: string }[]>(
      'SELECT DISTINCT v.user_id FROM cellule.agenda_invitation v JOIN cellule.agenda_item i ON i.id = v.item_id WHERE i.session_id = $1',
      [sessionId],
    );
    return rows.map((row) => row.user_id);
  }

  /** Invitees are known, active, and not of a structure the person refused. */
  private async assertInvitable(situationId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const manager = await this.cases.manager();
    const [{ known }] = await manager.query<{ known: number }[]>(
      'SELECT count(*)::int AS known FROM clsm.directory_entry WHERE user_id = ANY($1) AND active',
      [userIds],
    );
    if (known !== userIds.length) throw invalid('Un professionnel invité est inconnu ou inactif.');
    await this.relations.assertNotRefused(situationId, { userIds });
  }
}

/** No personal data: the session's date, the case reference and a link. */
const invitedEvent = (session: Pick<CommissionSession, 'id' | 'scheduledAt'>, reference: string, itemId: string) => ({
  kind: 'agenda.invited',
  message: `Vous êtes invité(e) à l'examen d'une situation lors de la séance du ${dateOf(session)}.`,
  reference,
  link: `/seances/${session.id}`,
  calendar: {
    uid: itemId,
    start: session.scheduledAt.toISOString(),
    durationMinutes: 120,
    summary: 'Séance de la commission cas complexes (CLSM)',
  },
});

const changedEvent = (session: Pick<CommissionSession, 'id' | 'scheduledAt'>) => ({
  kind: 'agenda.changed',
  message: `L'ordre du jour de la séance du ${dateOf(session)} a changé.`,
  link: `/seances/${session.id}`,
});
