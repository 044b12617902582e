import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, ProblemException, ProblemType } from '../common/problem.js';
import { SituationWorkflowService } from '../situations/situation-workflow.service.js';
import type { ReferralStatus, ReferralStatusDto } from './dto/referral.dto.js';
import { referralStatusEvent } from '../notifications/events.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ReferralEventsService } from './referral-events.service.js';
import type { Side } from './referral-views.service.js';
import type { ReferralRow } from './referrals.service.js';

/**
 * An inbound referral is acknowledged by the commission: received → under_review → accepted |
 * redirected | declined, each step with its reason read by the DAC; the decision moves the
 * situation (admissible, redirected, rejected) while it still awaits its admissibility decision.
 */
const INBOUND_TRANSITIONS: Partial<Record<ReferralStatus, ReferralStatus[]>> = {
  under_review: ['received'],
  accepted: ['under_review'],
  redirected: ['under_review'],
  declined: ['under_review'],
};
const INBOUND_DECISIONS = { accepted: 'admissible', redirected: 'redirected', declined: 'rejected' } as const;

const entry = (action: string, referralId: string, situationId: string | null) => ({
  action,
  resourceType: 'referral',
  resourceId: referralId,
  situationId,
  purpose: { type: 'referral', id: referralId },
});

/** The commission's side of a DAC's referral: each step recorded with the reason the DAC reads. */
@Injectable()
export class InboundReferralsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly workflow: SituationWorkflowService,
    private readonly events: ReferralEventsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** The commission acknowledges a DAC's referral, step by step; its decision moves the situation. */
  async acknowledge(user: AuthenticatedUser, referral: ReferralRow, side: Side, input: ReferralStatusDto): Promise<void> {
    const from = INBOUND_TRANSITIONS[input.to];
    if (side.kind !== 'clsm') {
      this.cases.deny(entry('referral.status', referral.id, referral.situation_id));
      throw new ForbiddenException('La commission accuse réception et se prononce sur une saisine reçue du DAC.');
    }
    if (!from)
      throw conflict(
        `Une saisine reçue du DAC passe de « reçue » à « en cours d'examen », puis « acceptée », « réorientée » ou « déclinée » (pas « ${input.to} »).`,
      );
    if (!from.includes(referral.status)) throw conflict(`Transition impossible de « ${referral.status} » vers « ${input.to} ».`);
    if ((input.to === 'redirected' || input.to === 'declined') && !input.reason) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.validation,
        'Motif manquant',
        'Un motif est obligatoire pour réorienter ou décliner une saisine du DAC : il lui est transmis.',
      );
    }
    const now = this.clock.now();
    const manager = await this.cases.manager();
    await manager.query(
      `UPDATE cellule.referral SET status = $2, updated_at = $3, acknowledged_at = coalesce(acknowledged_at, $3), decided_at = CASE WHEN $2 = 'under_review' THEN decided_at ELSE $3 END WHERE id = $1`,
      [referral.id, input.to, now],
    );
    await this.events.record(user, referral, input.to, input.reason);
    await this.notifications.notifyDac(referral.dac_organization_id, referralStatusEvent(referral, input.to));
    if (input.to !== 'under_review') {
      const { situation } = await this.cases.situation(user, 'transition', referral.situation_id);
      if (situation.status === 'submitted') {
        const to = INBOUND_DECISIONS[input.to as keyof typeof INBOUND_DECISIONS];
        await this.workflow.moveWithin(user, situation, {
          to,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(to === 'redirected' ? { redirectedTo: 'other_service' as const } : {}),
        });
      }
    }
    this.cases.record(entry(`referral.${input.to}`, referral.id, referral.situation_id));
  }
}
