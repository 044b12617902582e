import { HttpStatus, Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { conflict, ProblemException, ProblemType } from '../common/problem.js';
import { SituationWorkflowService } from '../situations/situation-workflow.service.js';
import type { OutcomeDto, PersonResponseDto, SessionDto } from './dto/session.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { invalid, itemEntry, SessionsService } from './sessions.service.js';

/**
 * What a held session decides: each item's outcome with its préconisations and référent, and the
 * person's response to them (the minutes: MinutesService). Written and read through the case-file path.
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
  ) {}

  /** The review outcome of one item: the situation moves to reviewed; the pilot and carriers get access. */
  async recordOutcome(user: AuthenticatedUser, sessionId: string, itemId: string, input: OutcomeDto): Promise<SessionDto> {
    if (input.personResponse.status !== 'not_yet_asked' && !input.personResponse.on)
      throw invalid('Indiquez la date de la réponse de la personne (personResponse.on).');
    for (const recommendation of input.recommendations) {
      if (!recommendation.carrierUserId && !recommendation.carrierOrganizationId)
        throw invalid('Chaque préconisation a un porteur : une personne ou une structure.');
    }
    const manager = await this.cases.manager();
    await this.sessions.lockSession(sessionId, ['held']);
    const item = await this.sessions.item(sessionId, itemId);
    const { situation } = await this.cases.situation(user, 'transition', item.situationId);
    const [existing] = await manager.query<unknown[]>('SELECT 1 FROM cellule.item_outcome WHERE item_id = $1', [itemId]);
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
        input.personResponse.how
          ? await this.cases.seal(situation.id, 'item_outcome.person_response_how', itemId, input.personResponse.how)
          : null,
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
    await this.cases.allowRecordWrite(item.situationId);
    const [updated] = await manager.query<[{ item_id: string }[], number]>(
      `UPDATE cellule.item_outcome SET person_response = $2, person_response_on = $3, person_response_how_enc = $4 WHERE item_id = $1 RETURNING item_id`,
      [
        itemId,
        input.status,
        input.on ?? null,
        input.how ? await this.cases.seal(item.situationId, 'item_outcome.person_response_how', itemId, input.how) : null,
      ],
    );
    if (!updated?.length) throw conflict("Le compte rendu de ce point n'est pas encore enregistré.");
    this.cases.record(itemEntry('agenda_item.person_response', item));
    return this.sessions.get(user, sessionId);
  }

  /** Carriers named in an outcome must exist: a clear 422 naming the field, never a foreign-key error. */
  private async assertKnown(input: OutcomeDto): Promise<void> {
    const manager = await this.cases.manager();
    const users = [
      ...new Set(input.recommendations.flatMap((recommendation) => (recommendation.carrierUserId ? [recommendation.carrierUserId] : []))),
    ];
    const organizations = [
      ...new Set(
        input.recommendations.flatMap((recommendation) =>
          recommendation.carrierOrganizationId ? [recommendation.carrierOrganizationId] : [],
        ),
      ),
    ];
    const [{ knownUsers, knownOrganizations }] = await manager.query<{ knownUsers: number; knownOrganizations: number }[]>(
      `SELECT (SELECT count(*)::int FROM clsm.directory_entry WHERE user_id = ANY($1) AND active) AS "knownUsers",
              (SELECT count(*)::int FROM clsm.directory_organization WHERE id = ANY($2)) AS "knownOrganizations"`,
      [users, organizations],
    );
    const unknown = (field: string, message: string) =>
      new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Unprocessable', message, {
        errors: [{ field, messages: [message] }],
      });
    if (knownUsers !== users.length) throw unknown('recommendations.carrierUserId', 'Le porteur désigné est inconnu ou inactif.');
    if (knownOrganizations !== organizations.length)
      throw unknown('recommendations.carrierOrganizationId', 'La structure porteuse est inconnue.');
  }
}
