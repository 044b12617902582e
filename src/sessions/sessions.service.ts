import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { SituationAccessService } from '../access/situation-access.service.js';
import { AuditEntry, AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { CryptoService, ShreddedError } from '../crypto/crypto.service.js';
import { DataKeyService } from '../crypto/data-key.service.js';
import { EthicsService } from '../ethics/ethics.service.js';
import type { IdentityDto } from '../situations/dto/field-groups.dto.js';
import { Situation } from '../situations/situation.entity.js';
import { SituationsService } from '../situations/situations.service.js';
import type {
  AddAgendaItemDto,
  AgendaItemViewDto,
  AttendanceDto,
  CreateSessionDto,
  MinutesDto,
  MinutesViewDto,
  OutcomeDto,
  OutcomeViewDto,
  PersonResponseDto,
  RecommendationViewDto,
  SessionDto,
  SessionStatusDto,
  StandInDto,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { AgendaItem, CommissionSession } from './session.entity.js';

const SCHEDULABLE = ['admissible', 'in_preparation', 'reviewed'];
const DAY_MS = 24 * 60 * 60 * 1000;
const invalid = (detail: string) => new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Unprocessable', detail);

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
 * access to convened members and invitees for the policy's window, attendance, review outcomes with
 * recommendations, and minutes. Access to each item's content is decided by the access module, as
 * everywhere; sessions only create the relations it reads.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly situations: SituationsService,
    private readonly access: SituationAccessService,
    private readonly recommendations: RecommendationsService,
    private readonly crypto: CryptoService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly ethics: EthicsService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, input: CreateSessionDto): Promise<SessionDto> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(CommissionSession, { id, scheduledAt: input.scheduledAt, location: input.location, status: 'planned', createdAt: this.clock.now() });
      await this.audit.recordWithin(manager, this.entry('session.create', id));
    });
    return this.get(user, id);
  }

  /** Coordinators see every session; others the sessions whose agenda gives them an item now. */
  async list(user: AuthenticatedUser): Promise<SessionDto[]> {
    const coordinator = user.roles.includes('coordinator');
    const sessions = (await this.dataSource.query(
      `SELECT s.id FROM cellule.session s
        WHERE $1 OR EXISTS (
          SELECT 1 FROM cellule.situation_relation r JOIN cellule.agenda_item i ON i.id = r.purpose_id
           WHERE r.purpose_type = 'agenda_item' AND i.session_id = s.id AND r.user_id = $2
             AND r.valid_from <= $3 AND (r.valid_until IS NULL OR r.valid_until > $3))
        ORDER BY s.scheduled_at DESC LIMIT 200`,
      [coordinator, user.id, this.clock.now()],
    )) as { id: string }[];
    const views: SessionDto[] = [];
    for (const { id } of sessions) {
      const view = await this.view(user, id, { withItemsAudit: false });
      if (view) views.push(view);
    }
    await this.audit.record(...(views.length ? views.map((view) => this.entry('session.list', view.id)) : [this.entry('session.list', null)]));
    return views;
  }

  async get(user: AuthenticatedUser, id: string): Promise<SessionDto> {
    const view = await this.view(user, id, { withItemsAudit: true });
    if (!view) {
      await this.audit.record({ ...this.entry('session.read', id), outcome: 'denied' });
      throw notFound();
    }
    await this.audit.record(this.entry('session.read', id));
    return view;
  }

  async update(user: AuthenticatedUser, id: string, input: UpdateSessionDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.lockSession(manager, id, ['planned', 'agenda_published']);
      if (input.location) session.location = input.location;
      if (input.scheduledAt) {
        session.scheduledAt = input.scheduledAt;
        // A published agenda's access window follows the session's date.
        await manager.query(
          `UPDATE cellule.situation_relation r SET valid_until = $2 FROM cellule.agenda_item i
            WHERE i.id = r.purpose_id AND r.purpose_type = 'agenda_item' AND i.session_id = $1`,
          [id, this.windowEnd(session.scheduledAt)],
        );
      }
      await manager.save(session);
      await this.audit.recordWithin(manager, this.entry('session.update', id));
    });
    return this.get(user, id);
  }

  async changeStatus(user: AuthenticatedUser, id: string, input: SessionStatusDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (manager) => {
      const from = input.to === 'agenda_published' ? ['planned'] : input.to === 'held' ? ['agenda_published'] : ['planned', 'agenda_published'];
      const session = await this.lockSession(manager, id, from);
      session.status = input.to;
      const now = this.clock.now();
      if (input.to === 'agenda_published') {
        session.publishedAt = now;
        const items = await manager.find(AgendaItem, { where: { sessionId: id } });
        if (items.length === 0) throw conflict("L'ordre du jour est vide.");
        for (const item of items) await this.openAccess(manager, session, item);
      }
      if (input.to === 'held') session.heldAt = now;
      if (input.to === 'cancelled') {
        await manager.query(
          `UPDATE cellule.situation_relation r SET valid_until = $2 FROM cellule.agenda_item i
            WHERE i.id = r.purpose_id AND r.purpose_type = 'agenda_item' AND i.session_id = $1`,
          [id, now],
        );
      }
      await manager.save(session);
      await this.audit.recordWithin(manager, this.entry(`session.${input.to === 'agenda_published' ? 'publish' : input.to === 'held' ? 'hold' : 'cancel'}`, id));
    });
    return this.get(user, id);
  }

  async addItem(user: AuthenticatedUser, sessionId: string, input: AddAgendaItemDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.lockSession(manager, sessionId, ['planned', 'agenda_published']);
      const { situation, facts } = await this.situations.authorize(user, input.situationId, 'transition', manager);
      if (!SCHEDULABLE.includes(situation.status)) {
        throw conflict(`Seule une situation recevable, en préparation ou déjà examinée peut être inscrite (statut : ${situation.status}).`);
      }
      if (!facts.reviewConsentValid) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.consentRequired, 'Consent required', "L'accord de la personne pour l'examen de sa situation n'est pas en vigueur.");
      }
      if ((input.personAttends || input.carersAttend) && !(await this.access.consentInForce(manager, situation.id, 'attendance'))) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.consentRequired, 'Consent required', "La présence de la personne ou de ses proches suppose son accord (présence).");
      }
      if (input.invitedUserIds.length) {
        const [{ known }] = (await manager.query('SELECT count(*)::int AS known FROM clsm.directory_entry WHERE user_id = ANY($1) AND active', [input.invitedUserIds])) as { known: number }[];
        if (known !== input.invitedUserIds.length) throw invalid('Un professionnel invité est inconnu ou inactif.');
      }
      const [{ position }] = (await manager.query('SELECT coalesce(max(position), 0) + 1 AS position FROM cellule.agenda_item WHERE session_id = $1', [sessionId])) as { position: number }[];
      const item: AgendaItem = { id: randomUUID(), sessionId, situationId: situation.id, position, personAttends: input.personAttends, carersAttend: input.carersAttend, createdAt: this.clock.now() };
      const [existing] = await manager.query('SELECT 1 FROM cellule.agenda_item WHERE session_id = $1 AND situation_id = $2', [sessionId, situation.id]);
      if (existing) throw conflict('Cette situation est déjà inscrite à cet ordre du jour.');
      await manager.insert(AgendaItem, item);
      for (const invitee of input.invitedUserIds) {
        await manager.query('INSERT INTO cellule.agenda_invitation (item_id, user_id) VALUES ($1, $2)', [item.id, invitee]);
      }
      // Moving onto an agenda schedules the situation, through the workflow's own transitions.
      if (situation.status === 'admissible') await this.situations.moveWithin(manager, user, situation, facts, { to: 'in_preparation' });
      await this.situations.moveWithin(manager, user, situation, facts, { to: 'scheduled' });
      if (session.status === 'agenda_published') await this.openAccess(manager, session, item);
      await this.audit.recordWithin(manager, this.itemEntry('agenda_item.create', item));
    });
    return this.get(user, sessionId);
  }

  async standIn(user: AuthenticatedUser, sessionId: string, input: StandInDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockSession(manager, sessionId, ['planned']);
      const [pair] = await manager.query(
        `SELECT 1 FROM cellule.commission_member m JOIN cellule.commission_member s ON s.substitute_for = m.id
          WHERE m.id = $1 AND s.id = $2 AND m.active AND s.active AND m.kind = 'permanent'`,
        [input.memberId, input.substituteMemberId],
      );
      if (!pair) throw invalid("Ce suppléant n'est pas celui de ce membre permanent.");
      await manager.query(
        `INSERT INTO cellule.session_stand_in (session_id, member_id, substitute_member_id) VALUES ($1, $2, $3)
         ON CONFLICT (session_id, member_id) DO UPDATE SET substitute_member_id = EXCLUDED.substitute_member_id`,
        [sessionId, input.memberId, input.substituteMemberId],
      );
      await this.audit.recordWithin(manager, this.entry('session.stand_in', sessionId));
    });
    return this.get(user, sessionId);
  }

  async recordAttendance(user: AuthenticatedUser, sessionId: string, input: AttendanceDto): Promise<SessionDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockSession(manager, sessionId, ['agenda_published', 'held']);
      const itemIds = new Set(((await manager.query('SELECT id FROM cellule.agenda_item WHERE session_id = $1', [sessionId])) as { id: string }[]).map((row) => row.id));
      const allItems = [...input.attendees.flatMap((attendee) => attendee.itemIds ?? []), ...input.personAttendedItemIds, ...input.carersAttendedItemIds];
      if (allItems.some((itemId) => !itemIds.has(itemId))) throw invalid("Un point n'appartient pas à l'ordre du jour de cette séance.");
      const rows: [string | null, string, string | null][] = [
        ...input.attendees.flatMap((attendee) => (attendee.itemIds?.length ? attendee.itemIds : [null]).map((itemId) => [itemId, attendee.as, attendee.userId] as [string | null, string, string])),
        ...input.personAttendedItemIds.map((itemId) => [itemId, 'person', null] as [string, string, null]),
        ...input.carersAttendedItemIds.map((itemId) => [itemId, 'carers', null] as [string, string, null]),
      ];
      for (const [itemId, attendee, userId] of rows) {
        await manager.query(
          'INSERT INTO cellule.attendance (session_id, item_id, attendee, user_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [sessionId, itemId, attendee, userId],
        );
      }
      await this.audit.recordWithin(manager, this.entry('session.attendance', sessionId));
    });
    return this.get(user, sessionId);
  }

  /** The review outcome of one item: the situation moves to reviewed; the pilot and carriers get access. */
  async recordOutcome(user: AuthenticatedUser, sessionId: string, itemId: string, input: OutcomeDto): Promise<SessionDto> {
    if (input.personResponse.status !== 'not_yet_asked' && !input.personResponse.on) throw invalid('Indiquez la date de la réponse de la personne (personResponse.on).');
    for (const recommendation of input.recommendations) {
      if (!recommendation.carrierUserId && !recommendation.carrierOrganizationId) throw invalid('Chaque préconisation a un porteur : une personne ou une structure.');
    }
    await this.dataSource.transaction(async (manager) => {
      await this.lockSession(manager, sessionId, ['held']);
      const item = await this.item(manager, sessionId, itemId);
      const { situation, facts } = await this.situations.authorize(user, item.situationId, 'transition', manager);
      const [existing] = await manager.query('SELECT 1 FROM cellule.item_outcome WHERE item_id = $1', [itemId]);
      if (existing) throw conflict('Le compte rendu de ce point est déjà enregistré.');
      const dek = await this.dataKeys.load(situation.id, manager);
      await manager.query(
        `INSERT INTO cellule.item_outcome (item_id, summary_enc, next_review_date, person_response, person_response_on, person_response_how_enc, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          itemId,
          this.crypto.encryptJson(dek, 'item_outcome.summary', itemId, input.summary),
          input.nextReviewDate ?? null,
          input.personResponse.status,
          input.personResponse.on ?? null,
          input.personResponse.how ? this.crypto.encryptJson(dek, 'item_outcome.person_response_how', itemId, input.personResponse.how) : null,
          user.id,
        ],
      );
      await this.recommendations.createWithin(manager, dek, situation.id, itemId, input.recommendations);
      await this.situations.setPilotWithin(manager, situation.id, input.pilotUserId);
      await this.situations.moveWithin(manager, user, situation, facts, { to: 'reviewed' });
      await this.audit.recordWithin(manager, this.itemEntry('agenda_item.outcome', item));
    });
    return this.get(user, sessionId);
  }

  async recordPersonResponse(user: AuthenticatedUser, sessionId: string, itemId: string, input: PersonResponseDto): Promise<SessionDto> {
    if (input.status !== 'not_yet_asked' && !input.on) throw invalid('Indiquez la date de la réponse de la personne (on).');
    await this.dataSource.transaction(async (manager) => {
      const item = await this.item(manager, sessionId, itemId);
      await this.situations.authorize(user, item.situationId, 'read', manager);
      const dek = await this.dataKeys.load(item.situationId, manager);
      const [updated] = await manager.query(
        `UPDATE cellule.item_outcome SET person_response = $2, person_response_on = $3, person_response_how_enc = $4 WHERE item_id = $1 RETURNING item_id`,
        [itemId, input.status, input.on ?? null, input.how ? this.crypto.encryptJson(dek, 'item_outcome.person_response_how', itemId, input.how) : null],
      );
      if (!updated?.length) throw conflict("Le compte rendu de ce point n'est pas encore enregistré.");
      await this.audit.recordWithin(manager, this.itemEntry('agenda_item.person_response', item));
    });
    return this.get(user, sessionId);
  }

  async writeMinutes(user: AuthenticatedUser, sessionId: string, input: MinutesDto): Promise<MinutesViewDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockSession(manager, sessionId, ['held']);
      for (const section of input.items) {
        const item = await this.item(manager, sessionId, section.itemId);
        const dek = await this.dataKeys.load(item.situationId, manager);
        const [updated] = await manager.query('UPDATE cellule.item_outcome SET minutes_enc = $2 WHERE item_id = $1 RETURNING item_id', [
          item.id,
          this.crypto.encryptJson(dek, 'item_outcome.minutes', item.id, section.text),
        ]);
        if (!updated?.length) throw conflict("Enregistrez le compte rendu du point avant son procès-verbal.");
        await this.audit.recordWithin(manager, this.itemEntry('agenda_item.minutes', item));
      }
    });
    return this.minutes(user, sessionId);
  }

  async approveMinutes(user: AuthenticatedUser, sessionId: string): Promise<MinutesViewDto> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.lockSession(manager, sessionId, ['held']);
      session.status = 'minutes_approved';
      session.minutesApprovedAt = this.clock.now();
      await manager.save(session);
      await this.audit.recordWithin(manager, this.entry('session.approve_minutes', sessionId));
    });
    return this.minutes(user, sessionId);
  }

  /** Minutes: only those who attended read them, and each only the items they may see. */
  async minutes(user: AuthenticatedUser, sessionId: string): Promise<MinutesViewDto> {
    const session = await this.dataSource.getRepository(CommissionSession).findOneBy({ id: sessionId });
    const coordinator = user.roles.includes('coordinator');
    const attended = (await this.dataSource.query('SELECT item_id FROM cellule.attendance WHERE session_id = $1 AND user_id = $2', [sessionId, user.id])) as {
      item_id: string | null;
    }[];
    if (!session || (!coordinator && attended.length === 0)) {
      await this.audit.record({ ...this.entry('session.minutes_read', sessionId), outcome: 'denied' });
      throw notFound();
    }
    const wholeSession = coordinator || attended.some((row) => row.item_id === null);
    const attendedItems = new Set(attended.map((row) => row.item_id));
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.situation_id, s.reference, o.minutes_enc FROM cellule.agenda_item i
         JOIN cellule.situation s ON s.id = i.situation_id JOIN cellule.item_outcome o ON o.item_id = i.id
        WHERE i.session_id = $1 AND o.minutes_enc IS NOT NULL ORDER BY i.position`,
      [sessionId],
    )) as { id: string; situation_id: string; reference: string; minutes_enc: Buffer }[];
    const facts = await this.access.loadFacts(rows.map((row) => row.situation_id));
    const items: MinutesViewDto['items'] = [];
    const entries: AuditEntry[] = [];
    for (const row of rows) {
      if (!wholeSession && !attendedItems.has(row.id)) continue;
      const access = await this.access.decide(user, facts.get(row.situation_id)!);
      if (!access) continue;
      const dek = await this.dataKeys.load(row.situation_id);
      items.push({ itemId: row.id, reference: row.reference, text: this.crypto.decryptJson<string>(dek, 'item_outcome.minutes', row.id, row.minutes_enc) });
      entries.push({ action: 'agenda_item.minutes_read', resourceType: 'agenda_item', resourceId: row.id, situationId: row.situation_id, outcome: 'granted', purpose: { type: 'session', id: sessionId } });
    }
    await this.audit.record(...(entries.length ? entries : [this.entry('session.minutes_read', sessionId)]));
    return { approvedAt: session.minutesApprovedAt?.toISOString() ?? null, items };
  }

  /** Convened members (permanent, or their substitute standing in) and the item's invitees get access for the window. */
  private async openAccess(manager: EntityManager, session: CommissionSession, item: AgendaItem): Promise<void> {
    const validUntil = this.windowEnd(session.scheduledAt);
    const refused = ((await manager.query(
      `SELECT DISTINCT unnest(refused_organization_ids) AS id FROM cellule.current_consent WHERE situation_id = $1`,
      [item.situationId],
    )) as { id: string }[]).map((row) => row.id);
    // A structure the person refused is never convened for the item, even a permanent member.
    const convened = (await manager.query(
      `SELECT coalesce(sub.user_id, m.user_id) AS user_id
         FROM cellule.commission_member m
         LEFT JOIN cellule.session_stand_in si ON si.member_id = m.id AND si.session_id = $1
         LEFT JOIN cellule.commission_member sub ON sub.id = si.substitute_member_id
         JOIN clsm.directory_entry d ON d.user_id = coalesce(sub.user_id, m.user_id)
        WHERE m.kind = 'permanent' AND m.active AND d.active AND NOT (coalesce(d.organization_id::text, '') = ANY($2::text[]))`,
      [session.id, refused],
    )) as { user_id: string }[];
    const invitees = (await manager.query('SELECT user_id FROM cellule.agenda_invitation WHERE item_id = $1', [item.id])) as { user_id: string }[];
    for (const [relation, users] of [['convened_member', convened], ['invitee', invitees]] as const) {
      for (const { user_id } of users) {
        await manager.query(
          `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, valid_from, valid_until, purpose_type, purpose_id)
           VALUES ($1, $2, $3, $4, $5, 'agenda_item', $6)`,
          [item.situationId, user_id, relation, this.clock.now(), validUntil, item.id],
        );
      }
    }
  }

  private windowEnd(scheduledAt: Date): Date {
    return new Date(scheduledAt.getTime() + this.ethics.policy.accessWindowDaysAfterSession * DAY_MS);
  }

  private async lockSession(manager: EntityManager, id: string, allowed: string[]): Promise<CommissionSession> {
    const session = await manager.findOne(CommissionSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw notFound();
    if (!allowed.includes(session.status)) throw conflict(`Impossible dans l'état « ${session.status} » de la séance.`);
    return session;
  }

  private async item(manager: EntityManager, sessionId: string, itemId: string): Promise<AgendaItem> {
    const item = await manager.findOne(AgendaItem, { where: { id: itemId, sessionId } });
    if (!item) throw notFound();
    return item;
  }

  /** The session as this user may see it: only the items whose situation they may read. */
  private async view(user: AuthenticatedUser, id: string, options: { withItemsAudit: boolean }): Promise<SessionDto | undefined> {
    const session = await this.dataSource.getRepository(CommissionSession).findOneBy({ id });
    if (!session) return undefined;
    const coordinator = user.roles.includes('coordinator');
    const items = await this.dataSource.getRepository(AgendaItem).find({ where: { sessionId: id }, order: { position: 'ASC' } });
    const facts = await this.access.loadFacts(items.map((item) => item.situationId));
    const visible: { item: AgendaItem; identity: boolean }[] = [];
    for (const item of items) {
      const itemFacts = facts.get(item.situationId);
      const access = itemFacts ? await this.access.decide(user, itemFacts) : undefined;
      if (access) visible.push({ item, identity: access.groups.has('identity') });
    }
    if (!coordinator && visible.length === 0) return undefined;
    // One query each for the visible items' situations, keys, invitations, outcomes, recommendations.
    const situationIds = visible.map(({ item }) => item.situationId);
    const itemIds = visible.map(({ item }) => item.id);
    const situations = new Map((await this.dataSource.getRepository(Situation).findBy({ id: In(situationIds) })).map((situation) => [situation.id, situation]));
    const keys = await this.dataKeys.loadMany(situationIds);
    const invitations = coordinator
      ? ((await this.dataSource.query('SELECT item_id, user_id FROM cellule.agenda_invitation WHERE item_id = ANY($1) ORDER BY user_id', [itemIds])) as { item_id: string; user_id: string }[])
      : [];
    const outcomes = new Map(
      ((await this.dataSource.query('SELECT * FROM cellule.item_outcome WHERE item_id = ANY($1)', [itemIds])) as OutcomeRow[]).map((row) => [row.item_id, row]),
    );
    const recommendations = await this.recommendations.forItems(itemIds, keys);
    const views = visible.map(({ item, identity }) => {
      const situation = situations.get(item.situationId)!;
      const dek = keys.get(item.situationId);
      if (!dek) throw new ShreddedError();
      const view: AgendaItemViewDto = { id: item.id, position: item.position, situationId: item.situationId, reference: situation.reference, personAttends: item.personAttends, carersAttend: item.carersAttend };
      if (identity) view.identity = this.crypto.decryptJson<IdentityDto>(dek, 'situation.identity', situation.id, situation.identityEnc);
      if (coordinator) view.invitedUserIds = invitations.filter((row) => row.item_id === item.id).map((row) => row.user_id);
      const outcome = outcomes.get(item.id);
      if (outcome) view.outcome = this.outcome(item, outcome, dek, recommendations.get(item.id) ?? []);
      return view;
    });
    if (options.withItemsAudit && visible.length) await this.audit.record(...visible.map(({ item }) => this.itemEntry('agenda_item.read', item)));
    return { id: session.id, scheduledAt: session.scheduledAt.toISOString(), location: session.location, status: session.status, items: views };
  }

  private outcome(item: AgendaItem, row: OutcomeRow, dek: Uint8Array, recommendations: RecommendationViewDto[]): OutcomeViewDto {
    return {
      summary: this.crypto.decryptJson<string>(dek, 'item_outcome.summary', item.id, row.summary_enc),
      nextReviewDate: row.next_review_date === null ? null : isoDate(row.next_review_date),
      personResponse: {
        status: row.person_response,
        ...(row.person_response_on ? { on: isoDate(row.person_response_on) } : {}),
        ...(row.person_response_how_enc ? { how: this.crypto.decryptJson<string>(dek, 'item_outcome.person_response_how', item.id, row.person_response_how_enc) } : {}),
      },
      recommendations,
    };
  }

  private entry(action: string, sessionId: string | null): AuditEntry {
    return { action, resourceType: 'session', resourceId: sessionId, outcome: 'granted', purpose: sessionId ? { type: 'session', id: sessionId } : undefined };
  }

  private itemEntry(action: string, item: AgendaItem): AuditEntry {
    return { action, resourceType: 'agenda_item', resourceId: item.id, situationId: item.situationId, outcome: 'granted', purpose: { type: 'agenda_item', id: item.id } };
  }
}
