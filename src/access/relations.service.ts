import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { ProblemException, ProblemType } from '../common/problem.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { EthicsService } from '../ethics/ethics.service.js';
import type { Relation } from '../ethics/policy.js';
import { AccessService } from './access.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The relations between people and situations that the policy's grants read
 * (cellule.situation_relation): the features say what happened (a référent designated, an agenda
 * published, a préconisation assigned), this service writes the relation and its window. Relation
 * names and the roles eligible for them stay inside the access module.
 */
@Injectable()
export class RelationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    private readonly ethics: EthicsService,
    private readonly clock: Clock,
  ) {}

  /** Makes `userId` the référent of the situation, ending the previous one's relation. */
  async designatePilot(situationId: string, userId: string): Promise<void> {
    if (!(await this.eligible(userId, 'pilot'))) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.validation,
        'Membre inconnu',
        'Le référent doit être un membre actif de la commission.',
      );
    }
    await this.assertNotRefused(situationId, { userIds: [userId] });
    const manager = await this.uow.manager();
    const now = this.clock.now();
    await manager.query(
      `UPDATE cellule.situation_relation SET valid_until = $2
        WHERE situation_id = $1 AND relation = 'pilot' AND (valid_until IS NULL OR valid_until > $2)`,
      [situationId, now],
    );
    await manager.query(
      `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, valid_from, purpose_type, purpose_id) VALUES ($1, $2, 'pilot', $3, 'pilot', $1)`,
      [situationId, userId, now],
    );
    this.access.forgetRelations();
  }

  /** Who may sit at the commission: whoever the policy lets be convened to its sessions. */
  maySit(userId: string): Promise<boolean> {
    return this.eligible(userId, 'convened_member');
  }

  /** A user may hold a relation only with a role that a grant of that relation names. */
  async eligible(userId: string, relation: Relation): Promise<boolean> {
    const roles = this.ethics.policy.grants.filter((grant) => grant.relation === relation).map((grant) => grant.role);
    const manager = await this.uow.manager();
    const [row] = await manager.query<unknown[]>(
      'SELECT 1 FROM clsm.directory_entry WHERE user_id = $1 AND active AND roles && $2::text[]',
      [userId, roles],
    );
    return row !== undefined;
  }

  /** The end of the access a session opens: the policy's window after its date. */
  windowEnd(scheduledAt: Date): Date {
    return new Date(scheduledAt.getTime() + this.ethics.policy.accessWindowDaysAfterSession * DAY_MS);
  }

  /**
   * A published agenda item opens its situation to the convened members (permanent, or their
   * substitute standing in) and to the item's invitees, until the window closes. A structure the
   * person refused is never convened for the item, even a permanent member.
   */
  async openAgendaItem(session: { id: string; scheduledAt: Date }, item: { id: string; situationId: string }): Promise<void> {
    const manager = await this.uow.manager();
    await manager.query(
      `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, valid_from, valid_until, purpose_type, purpose_id)
       SELECT $2::uuid, coalesce(sub.user_id, m.user_id), 'convened_member', $4::timestamptz, $5::timestamptz, 'agenda_item', $3::uuid
         FROM cellule.commission_member m
         LEFT JOIN cellule.session_stand_in si ON si.member_id = m.id AND si.session_id = $1
         LEFT JOIN cellule.commission_member sub ON sub.id = si.substitute_member_id
         JOIN clsm.directory_entry d ON d.user_id = coalesce(sub.user_id, m.user_id)
        WHERE m.kind = 'permanent' AND m.active AND d.active
          AND NOT EXISTS (SELECT 1 FROM cellule.current_consent c WHERE c.situation_id = $2::uuid AND d.organization_id = ANY(c.refused_organization_ids))
       UNION ALL
       SELECT $2::uuid, user_id, 'invitee', $4::timestamptz, $5::timestamptz, 'agenda_item', $3::uuid FROM cellule.agenda_invitation WHERE item_id = $3::uuid`,
      [session.id, item.situationId, item.id, this.clock.now(), this.windowEnd(session.scheduledAt)],
    );
    this.access.forgetRelations();
  }

  /** Ends (or moves) the access every item of a session opened. */
  async setSessionWindow(sessionId: string, until: Date): Promise<void> {
    const manager = await this.uow.manager();
    await manager.query(
      `UPDATE cellule.situation_relation r SET valid_until = $2 FROM cellule.agenda_item i
        WHERE i.id = r.purpose_id AND r.purpose_type = 'agenda_item' AND i.session_id = $1`,
      [sessionId, until],
    );
    this.access.forgetRelations();
  }

  /**
   * The carrier of a préconisation follows its situation while it is open: the person named, and
   * the members of the structure named (those whose role the carrier grants name), so that they
   * see and update it.
   */
  async addCarrier(
    situationId: string,
    carrier: { userId?: string | null; organizationId?: string | null },
    recommendationId: string,
  ): Promise<string[]> {
    const manager = await this.uow.manager();
    const roles = this.ethics.policy.grants.filter((grant) => grant.relation === 'recommendation_carrier').map((grant) => grant.role);
    const rows = await manager.query<{ user_id: string }[]>(
      `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, valid_from, purpose_type, purpose_id)
       SELECT $1, d.user_id, 'recommendation_carrier', $4, 'recommendation', $3 FROM clsm.directory_entry d
        WHERE d.active AND (d.user_id = $2 OR (d.organization_id = $5 AND d.roles && $6::text[]))
       RETURNING user_id`,
      [situationId, carrier.userId ?? null, recommendationId, this.clock.now(), carrier.organizationId ?? null, roles],
    );
    this.access.forgetRelations();
    return rows.map((row) => row.user_id);
  }

  /**
   * Who follows each préconisation now (its carrier, the members of its carrier structure), active
   * accounts only: the people its reminders are for.
   */
  async carriersOf(recommendationIds: string[], at: Date): Promise<Map<string, string[]>> {
    const manager = await this.uow.manager();
    const rows = await manager.query<{ recommendation_id: string; user_id: string }[]>(
      `SELECT DISTINCT r.purpose_id AS recommendation_id, r.user_id FROM cellule.situation_relation r
         JOIN clsm.directory_entry d ON d.user_id = r.user_id AND d.active
        WHERE r.relation = 'recommendation_carrier' AND r.purpose_id = ANY($1::uuid[])
          AND r.valid_from <= $2 AND (r.valid_until IS NULL OR r.valid_until > $2)
        ORDER BY 1, 2`,
      [recommendationIds, at],
    );
    const carriers = new Map<string, string[]>();
    for (const row of rows) carriers.set(row.recommendation_id, [...(carriers.get(row.recommendation_id) ?? []), row.user_id]);
    return carriers;
  }

  /**
   * A structure the person refused can hold no role on the situation: référent, attendee, invitee
   * or carrier of a préconisation (charter, article 3). 422 naming the rule otherwise.
   */
  async assertNotRefused(situationId: string, people: { userIds?: string[]; organizationIds?: string[] }): Promise<void> {
    const manager = await this.uow.manager();
    const [row] = await manager.query<{ refused: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM cellule.current_consent c
                        WHERE c.situation_id = $1
                          AND (c.refused_organization_ids && $3::uuid[]
                               OR EXISTS (SELECT 1 FROM clsm.directory_entry d WHERE d.user_id = ANY($2::uuid[]) AND d.organization_id = ANY(c.refused_organization_ids)))) AS refused`,
      [situationId, people.userIds ?? [], people.organizationIds ?? []],
    );
    if (row.refused) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.structureRefused,
        'Structure refusée par la personne',
        'Règle « structure refusée par la personne » (charte, article 3) : la personne a refusé que cette structure soit associée à sa situation ; ' +
          "aucun de ses professionnels ne peut en être référent, participant, invité ni porteur d'une préconisation. Choisissez un professionnel d'une autre structure.",
        { rule: 'structure-refusee' },
      );
    }
  }

  /** Ends the access an agenda item opened (the item is removed before its session starts). */
  async closeAgendaItem(itemId: string, userIds?: string[]): Promise<void> {
    const manager = await this.uow.manager();
    await manager.query(
      `UPDATE cellule.situation_relation SET valid_until = $2
        WHERE purpose_type = 'agenda_item' AND purpose_id = $1 AND ($3::uuid[] IS NULL OR (relation = 'invitee' AND user_id = ANY($3)))
          AND (valid_until IS NULL OR valid_until > $2)`,
      [itemId, this.clock.now(), userIds ?? null],
    );
    this.access.forgetRelations();
  }

  /** Opens a published item to invitees added after its publication, until the window closes. */
  async addInvitees(session: { scheduledAt: Date }, item: { id: string; situationId: string }, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const manager = await this.uow.manager();
    await manager.query(
      `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, valid_from, valid_until, purpose_type, purpose_id)
       SELECT $1, unnest($2::uuid[]), 'invitee', $3, $4, 'agenda_item', $5`,
      [item.situationId, userIds, this.clock.now(), this.windowEnd(session.scheduledAt), item.id],
    );
    this.access.forgetRelations();
  }

  /**
   * The person objected (RGPD art. 21): the relations the policy names (rights_measures.objection:
   * convened members, invitees, carriers of préconisations) end now for the situation.
   */
  async endObjected(situationId: string): Promise<void> {
    const manager = await this.uow.manager();
    await manager.query(
      `UPDATE cellule.situation_relation SET valid_until = $2
        WHERE situation_id = $1 AND relation = ANY($3::text[]) AND (valid_until IS NULL OR valid_until > $2)`,
      [situationId, this.clock.now(), this.ethics.policy.rightsMeasures.objection.endsRelations],
    );
    this.access.forgetRelations();
    this.access.forgetFacts();
  }

  async endCarrier(recommendationId: string): Promise<void> {
    const manager = await this.uow.manager();
    await manager.query(
      `UPDATE cellule.situation_relation SET valid_until = $2 WHERE relation = 'recommendation_carrier' AND purpose_id = $1 AND valid_until IS NULL`,
      [recommendationId, this.clock.now()],
    );
    this.access.forgetRelations();
  }
}
