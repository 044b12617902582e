import { HttpStatus, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { SituationWorkflowService } from '../situations/situation-workflow.service.js';
import type { MinutesDto, MinutesViewDto, OutcomeDto, PersonResponseDto, SessionDto } from './dto/session.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { CommissionSession } from './session.entity.js';
import { invalid, itemEntry, SessionsService, sessionEntry } from './sessions.service.js';

/**
 * What a held session decides: each item's outcome with its préconisations and référent, the
 * person's response to them, and the minutes. Written and read through the case-file path.
 */
@Injectable()
export class SessionOutcomesService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly relations: RelationsService,
    private readonly sessions: SessionsService,
    private readonly workflow: SituationWorkflowService,
    private readonly recommendations: RecommendationsService,
    private readonly clock: Clock,
  ) {}

  /** The review outcome of one item: the situation moves to reviewed; the pilot and carriers get access. */
  async recordOutcome(user: AuthenticatedUser, sessionId: string, itemId: string, input: OutcomeDto): Promise<SessionDto> {
    if (input.personResponse.status !== 'not_yet_asked' && !input.personResponse.on) throw invalid('Indiquez la date de la réponse de la personne (personResponse.on).');
    for (const recommendation of input.recommendations) {
      if (!recommendation.carrierUserId && !recommendation.carrierOrganizationId) throw invalid('Chaque préconisation a un porteur : une personne ou une structure.');
    }
    const manager = await this.cases.manager();
    await this.sessions.lockSession(sessionId, ['held']);
    const item = await this.sessions.item(sessionId, itemId);
    const { situation } = await this.cases.situation(user, 'transition', item.situationId);
    const [existing] = await manager.query('SELECT 1 FROM cellule.item_outcome WHERE item_id = $1', [itemId]);
    if (existing) throw conflict('Le compte rendu de ce point est déjà enregistré.');
    await this.assertKnown(input);
    await manager.query(
      `INSERT INTO cellule.item_outcome (item_id, summary_enc, next_review_date, person_response, person_response_on, person_response_how_enc, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        itemId,
        await this.cases.seal(situation.id, 'item_outcome.summary', itemId, input.summary),
        input.nextReviewDate ?? null,
        input.personResponse.status,
        input.personResponse.on ?? null,
        input.personResponse.how ? await this.cases.seal(situation.id, 'item_outcome.person_response_how', itemId, input.personResponse.how) : null,
        user.id,
      ],
    );
    await this.recommendations.createWithin(situation.id, itemId, input.recommendations);
    await this.relations.designatePilot(situation.id, input.pilotUserId);
    await this.workflow.moveWithin(user, situation, { to: 'reviewed' });
    this.cases.record(itemEntry('agenda_item.outcome', item));
    return this.sessions.get(user, sessionId);
  }

  async recordPersonResponse(user: AuthenticatedUser, sessionId: string, itemId: string, input: PersonResponseDto): Promise<SessionDto> {
    if (input.status !== 'not_yet_asked' && !input.on) throw invalid('Indiquez la date de la réponse de la personne (on).');
    const manager = await this.cases.manager();
    const item = await this.sessions.item(sessionId, itemId);
    await this.cases.situation(user, 'read', item.situationId);
    this.cases.allowRecordWrite(item.situationId);
    const [updated] = await manager.query(
      `UPDATE cellule.item_outcome SET person_response = $2, person_response_on = $3, person_response_how_enc = $4 WHERE item_id = $1 RETURNING item_id`,
      [itemId, input.status, input.on ?? null, input.how ? await this.cases.seal(item.situationId, 'item_outcome.person_response_how', itemId, input.how) : null],
    );
    if (!updated?.length) throw conflict("Le compte rendu de ce point n'est pas encore enregistré.");
    this.cases.record(itemEntry('agenda_item.person_response', item));
    return this.sessions.get(user, sessionId);
  }

  async writeMinutes(user: AuthenticatedUser, sessionId: string, input: MinutesDto): Promise<MinutesViewDto> {
    const manager = await this.cases.manager();
    await this.sessions.lockSession(sessionId, ['held']);
    for (const section of input.items) {
      const item = await this.sessions.item(sessionId, section.itemId);
      await this.cases.situation(user, 'read', item.situationId);
      this.cases.allowRecordWrite(item.situationId);
      const [updated] = await manager.query('UPDATE cellule.item_outcome SET minutes_enc = $2 WHERE item_id = $1 RETURNING item_id', [
        item.id,
        await this.cases.seal(item.situationId, 'item_outcome.minutes', item.id, section.text),
      ]);
      if (!updated?.length) throw conflict('Enregistrez le compte rendu du point avant son procès-verbal.');
      this.cases.record(itemEntry('agenda_item.minutes', item));
    }
    return this.minutes(user, sessionId);
  }

  async approveMinutes(user: AuthenticatedUser, sessionId: string): Promise<MinutesViewDto> {
    const manager = await this.cases.manager();
    const session = await this.sessions.lockSession(sessionId, ['held']);
    session.status = 'minutes_approved';
    session.minutesApprovedAt = this.clock.now();
    await manager.save(session);
    this.cases.record(sessionEntry('session.approve_minutes', sessionId));
    return this.minutes(user, sessionId);
  }

  /** Minutes: only those who attended read them, and each only the items whose situation they may see. */
  async minutes(user: AuthenticatedUser, sessionId: string): Promise<MinutesViewDto> {
    const manager = await this.cases.manager();
    const session = await manager.findOneBy(CommissionSession, { id: sessionId });
    const manages = this.access.manages(user, 'Session');
    const attended = (await manager.query('SELECT item_id FROM cellule.attendance WHERE session_id = $1 AND user_id = $2', [sessionId, user.id])) as {
      item_id: string | null;
    }[];
    if (!session || (!manages && attended.length === 0)) {
      this.cases.deny(sessionEntry('session.minutes_read', sessionId));
      throw notFound();
    }
    const wholeSession = manages || attended.some((row) => row.item_id === null);
    const attendedItems = new Set(attended.map((row) => row.item_id));
    const rows = (
      (await manager.query(
        `SELECT i.id, i.situation_id, s.reference, o.minutes_enc FROM cellule.agenda_item i
           JOIN cellule.situation s ON s.id = i.situation_id JOIN cellule.item_outcome o ON o.item_id = i.id
          WHERE i.session_id = $1 AND o.minutes_enc IS NOT NULL ORDER BY i.position, i.id`,
        [sessionId],
      )) as { id: string; situation_id: string; reference: string; minutes_enc: Buffer }[]
    ).filter((row) => wholeSession || attendedItems.has(row.id));
    const visible = await this.cases.visible(user, [...new Set(rows.map((row) => row.situation_id))]);
    const reader = await this.cases.reader([...visible.values()], 'agenda_item.minutes_read');
    const items: MinutesViewDto['items'] = [];
    for (const row of rows) {
      const access = visible.get(row.situation_id);
      if (!access || reader.destroyed(row.situation_id)) continue;
      const text = reader.read<string>(access, 'item_outcome.minutes', row.id, row.minutes_enc);
      if (text === undefined) continue;
      items.push({ itemId: row.id, reference: row.reference, text });
    }
    this.cases.record(
      ...(items.length
        ? items.map((item) => ({ ...itemEntry('agenda_item.minutes_read', { id: item.itemId, situationId: rows.find((row) => row.id === item.itemId)!.situation_id }), purpose: { type: 'session', id: sessionId } }))
        : [sessionEntry('session.minutes_read', sessionId)]),
    );
    return { approvedAt: session.minutesApprovedAt?.toISOString() ?? null, items };
  }

  /** Carriers named in an outcome must exist: a clear 422 naming the field, never a foreign-key error. */
  private async assertKnown(input: OutcomeDto): Promise<void> {
    const manager = await this.cases.manager();
    const users = [...new Set(input.recommendations.flatMap((recommendation) => (recommendation.carrierUserId ? [recommendation.carrierUserId] : [])))];
    const organizations = [...new Set(input.recommendations.flatMap((recommendation) => (recommendation.carrierOrganizationId ? [recommendation.carrierOrganizationId] : [])))];
    const [{ knownUsers, knownOrganizations }] = (await manager.query(
      `SELECT (SELECT count(*)::int FROM clsm.directory_entry WHERE user_id = ANY($1) AND active) AS "knownUsers",
              (SELECT count(*)::int FROM clsm.directory_organization WHERE id = ANY($2)) AS "knownOrganizations"`,
      [users, organizations],
    )) as { knownUsers: number; knownOrganizations: number }[];
    const unknown = (field: string, message: string) =>
      new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Unprocessable', message, { errors: [{ field, messages: [message] }] });
    if (knownUsers !== users.length) throw unknown('recommendations.carrierUserId', 'Le porteur désigné est inconnu ou inactif.');
    if (knownOrganizations !== organizations.length) throw unknown('recommendations.carrierOrganizationId', 'La structure porteuse est inconnue.');
  }
}
