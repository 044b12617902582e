import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, ProblemException, ProblemType } from '../common/problem.js';
import type { SituationDto } from './dto/situation-output.dto.js';
import type { TransitionDto } from './dto/situation-input.dto.js';
import { BACKWARD_TRANSITIONS, TRANSITIONS } from './situation.constants.js';
import { SituationClosureService } from './situation-closure.service.js';
import { Situation, SituationTransition } from './situation.entity.js';
import { entry, SituationsService } from './situations.service.js';

const missing = (detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Précisions manquantes', detail);

/**
 * The admissibility and follow-up workflow of a situation: its state machine, the details and the
 * consent each transition requires, the recorded transitions with their reasons, and the référent.
 */
@Injectable()
export class SituationWorkflowService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly relations: RelationsService,
    private readonly situations: SituationsService,
    private readonly closure: SituationClosureService,
    private readonly clock: Clock,
  ) {}

  async transition(user: AuthenticatedUser, id: string, input: TransitionDto): Promise<SituationDto> {
    const { situation } = await this.cases.situation(user, 'transition', id);
    if (BACKWARD_TRANSITIONS.includes(`${situation.status}>${input.to}`) && !input.reason) {
      throw missing('Un motif est obligatoire pour revenir en arrière dans le parcours (retour en préparation ou en commission).');
    }
    await this.moveWithin(user, situation, input);
    await this.cases.recheck(user, id);
    this.cases.record(entry('situation.transition', id));
    return this.situations.readView(user, situation);
  }

  /**
   * Applies one transition in the request's unit, on a situation the caller authorised for writing:
   * the state machine, the details it requires, the consent it requires, and the recorded
   * transition with its reason. Closing settles the préconisations (none may stay open) and the
   * DAC referrals.
   */
  async moveWithin(user: AuthenticatedUser, situation: Situation, input: TransitionDto): Promise<void> {
    const id = situation.id;
    const from = situation.status;
    if (!TRANSITIONS[from].includes(input.to)) {
      throw conflict(`Transition impossible de « ${from} » vers « ${input.to} ».`);
    }
    assertTransitionDetails(input);
    // Going back to preparation (a session cancelled) needs no consent: nothing is discussed.
    const forward = input.to === 'scheduled' || (input.to === 'in_preparation' && from !== 'scheduled');
    if (forward && !(await this.access.consentInForce(id, 'review'))) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.consentRequired,
        'Accord de la personne requis',
        "L'accord de la personne pour l'examen de sa situation par la commission n'est pas enregistré ou n'est plus valable.",
      );
    }
    if (input.to === 'closed') {
      await this.closure.assertClosable(id);
      await this.closure.settleReferrals(user, id, input.reason ?? `Situation close par la commission (issue : ${input.outcome}).`);
    }
    const manager = await this.cases.manager();
    const transitionId = randomUUID();
    const reasonEnc = input.reason ? await this.cases.seal(id, 'situation_transition.reason', transitionId, input.reason) : null;
    situation.status = input.to;
    situation.updatedAt = this.clock.now();
    if (input.to === 'redirected') situation.redirectedTo = input.redirectedTo!;
    if (input.to === 'closed') situation.closureOutcome = input.outcome!;
    await manager.save(situation);
    await manager.insert(SituationTransition, {
      id: transitionId,
      situationId: id,
      fromStatus: from,
      toStatus: input.to,
      actorUserId: user.id,
      at: situation.updatedAt,
      reasonEnc,
      closureOutcome: input.to === 'closed' ? input.outcome! : null,
      redirectedTo: input.to === 'redirected' ? input.redirectedTo! : null,
    });
  }

  /** The coordinator designates the référent who follows the situation between sessions. */
  async designatePilot(user: AuthenticatedUser, id: string, pilotUserId: string): Promise<SituationDto> {
    const { situation } = await this.cases.situation(user, 'designate_pilot', id);
    await this.relations.designatePilot(id, pilotUserId);
    this.cases.record(entry('situation.designate_pilot', id));
    return this.situations.readView(user, situation);
  }
}

function assertTransitionDetails(input: TransitionDto): void {
  if ((input.to === 'rejected' || input.to === 'redirected') && !input.reason) {
    throw missing('Un motif est obligatoire pour refuser ou réorienter une saisine.');
  }
  if (input.to === 'redirected' && !input.redirectedTo) throw missing('Indiquez vers qui la situation est réorientée (redirectedTo).');
  if (input.to === 'closed' && !input.outcome) throw missing('Indiquez l’issue de la situation pour la clore (outcome).');
  if (input.to !== 'redirected' && input.redirectedTo) throw missing('redirectedTo ne s’applique qu’à une réorientation.');
  if (input.to !== 'closed' && input.outcome) throw missing('outcome ne s’applique qu’à une clôture.');
}
