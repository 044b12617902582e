import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, ProblemException, ProblemType } from '../common/problem.js';
import type { SituationDto } from '../situations/dto/situation-output.dto.js';
import { AgendaService } from '../sessions/agenda.service.js';
import { SituationClosureService } from '../situations/situation-closure.service.js';
import { TRANSITIONS } from '../situations/situation.constants.js';
import type { Situation } from '../situations/situation.entity.js';
import { SituationWorkflowService } from '../situations/situation-workflow.service.js';
import { SituationsService } from '../situations/situations.service.js';
import type { LiftRestrictionDto, RecordRightsMeasureDto } from './dto/rights-measure.dto.js';

/** What the DAC reads when a referral ends because the person objected: no word of the person's own. */
const DAC_REASON =
  "La personne s'est opposée au traitement de ses données (RGPD, article 21) : la cellule retire ou clôt cette orientation.";

/**
 * The person's objection (RGPD art. 21) and restriction of processing (art. 18), recorded on a
 * situation by the coordination with their reason. What they allow is decided in src/access from
 * ethics/policy.yaml (rights_measures): this service records them, ends what the objection stops
 * and moves the file to closure through the normal workflow.
 */
@Injectable()
export class RightsMeasuresService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly relations: RelationsService,
    private readonly closure: SituationClosureService,
    private readonly agenda: AgendaService,
    private readonly workflow: SituationWorkflowService,
    private readonly situations: SituationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Objection: sharing stops at once (the relations the policy names end, the DAC referrals still
   * running are withdrawn or closed and the DAC is told, no new referral), and the situation is
   * closed (outcome `person_declined`) in the same request when the workflow allows it; otherwise
   * (a saisine not yet decided, préconisations still open) it stays marked for closure.
   */
  async object(user: AuthenticatedUser, id: string, input: RecordRightsMeasureDto): Promise<SituationDto> {
    const { situation: loaded } = await this.cases.situation(user, 'object', id);
    await this.assertRequest(input.rightsRequestId, 'objection', id);
    const measureId = await this.insert(user, loaded, 'objection', input);
    await this.relations.endObjected(id);
    await this.closure.settleReferrals(user, id, DAC_REASON);
    // Off every agenda not yet held: the commission no longer reviews the situation.
    const withdrawn = await this.agenda.withdrawFromUpcoming(user, id, 'opposition de la personne (RGPD, article 21).');
    const situation = withdrawn > 0 ? (await this.cases.situation(user, 'transition', id)).situation : loaded;
    this.cases.record({
      action: 'situation.object',
      resourceType: 'situation',
      resourceId: id,
      situationId: id,
      purpose: { type: 'situation_measure', id: measureId },
    });
    if (await this.closable(situation)) {
      await this.workflow.moveWithin(user, situation, {
        to: 'closed',
        outcome: 'person_declined',
        reason: `Opposition de la personne (RGPD, article 21) : ${input.reason}`,
      });
      this.cases.record({
        action: 'situation.transition',
        resourceType: 'situation',
        resourceId: id,
        situationId: id,
        purpose: { type: 'situation_measure', id: measureId },
      });
    }
    return this.view(user, situation);
  }

  /** Restriction: the file is frozen (readable by the coordination only) until lifted. */
  async restrict(user: AuthenticatedUser, id: string, input: RecordRightsMeasureDto): Promise<SituationDto> {
    const { situation } = await this.cases.situation(user, 'restrict', id);
    if (await this.activeRestriction(id))
      throw conflict('Le traitement de ce dossier est déjà limité : levez la limitation en cours avant d’en enregistrer une autre.');
    await this.assertRequest(input.rightsRequestId, 'restriction', id);
    const measureId = await this.insert(user, situation, 'restriction', input);
    this.cases.record({
      action: 'situation.restrict',
      resourceType: 'situation',
      resourceId: id,
      situationId: id,
      purpose: { type: 'situation_measure', id: measureId },
    });
    return this.view(user, situation);
  }

  async lift(user: AuthenticatedUser, id: string, input: LiftRestrictionDto): Promise<SituationDto> {
    const { situation } = await this.cases.situation(user, 'restrict', id);
    const active = await this.activeRestriction(id);
    if (!active) throw conflict("Le traitement de ce dossier n'est pas limité : il n'y a pas de limitation à lever.");
    const manager = await this.cases.manager();
    await manager.query('UPDATE cellule.situation_measure SET lifted_by = $2, lifted_at = $3, lift_reason_enc = $4 WHERE id = $1', [
      active,
      user.id,
      this.clock.now(),
      await this.cases.seal(id, 'situation_measure.lift_reason', active, input.reason),
    ]);
    this.cases.record({
      action: 'situation.restriction_lift',
      resourceType: 'situation',
      resourceId: id,
      situationId: id,
      purpose: { type: 'situation_measure', id: active },
    });
    return this.view(user, situation);
  }

  private async insert(
    user: AuthenticatedUser,
    situation: Situation,
    kind: 'objection' | 'restriction',
    input: RecordRightsMeasureDto,
  ): Promise<string> {
    const manager = await this.cases.manager();
    const id = randomUUID();
    await manager.query(
      `INSERT INTO cellule.situation_measure (id, situation_id, kind, rights_request_id, reason_enc, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        situation.id,
        kind,
        input.rightsRequestId ?? null,
        await this.cases.seal(situation.id, 'situation_measure.reason', id, input.reason),
        user.id,
        this.clock.now(),
      ],
    );
    return id;
  }

  /** The request named must be in the register, of this kind, and about this situation (or none yet: it is then linked). */
  private async assertRequest(requestId: string | undefined, kind: 'objection' | 'restriction', situationId: string): Promise<void> {
    if (!requestId) return;
    const manager = await this.cases.manager();
    const [row] = await manager.query<{ kind: string; situation_id: string | null }[]>(
      'SELECT kind, situation_id FROM cellule.rights_request WHERE id = $1 FOR UPDATE',
      [requestId],
    );
    if (!row || row.kind !== kind || (row.situation_id !== null && row.situation_id !== situationId)) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.validation,
        'Demande introuvable',
        `La demande indiquée (rightsRequestId) doit figurer au registre des droits, être de nature « ${kind} » et concerner cette situation.`,
      );
    }
    if (row.situation_id === null)
      await manager.query('UPDATE cellule.rights_request SET situation_id = $2, updated_at = now() WHERE id = $1', [
        requestId,
        situationId,
      ]);
  }

  private async activeRestriction(situationId: string): Promise<string | undefined> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<
      {
        id: string;
      }[]
    >(`SELECT id FROM cellule.situation_measure WHERE situation_id = $1 AND kind = 'restriction' AND lifted_at IS NULL`, [situationId]);
    return row?.id;
  }

  /** The workflow lets it close now: an active state with no préconisation left open. */
  private async closable(situation: Situation): Promise<boolean> {
    if (!TRANSITIONS[situation.status].includes('closed')) return false;
    const manager = await this.cases.manager();
    const [open] = await manager.query<unknown[]>(
      `SELECT 1 FROM cellule.recommendation WHERE situation_id = $1 AND status = 'open' LIMIT 1`,
      [situation.id],
    );
    return open === undefined;
  }

  private async view(user: AuthenticatedUser, situation: Situation): Promise<SituationDto> {
    await this.cases.recheck(user, situation.id);
    return this.situations.readView(user, situation);
  }
}
