import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { ProblemException, ProblemType } from '../common/problem.js';
import { referralStatusEvent } from '../notifications/events.js';
import { NotificationsService } from '../notifications/notifications.service.js';

/** The rule a closure must respect, named in the problem it answers. */
export const OPEN_RECOMMENDATIONS_RULE = 'preconisations-soldees-avant-cloture';

/**
 * What closing a situation settles, in the request's unit and on a situation the caller authorised
 * for a transition: no préconisation may stay open, and its DAC referrals are closed (or withdrawn
 * when the DAC has not decided yet), each with a step the DAC reads with its reason.
 */
@Injectable()
export class SituationClosureService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** 409 naming the rule while a préconisation of the situation is still open. */
  async assertClosable(situationId: string): Promise<void> {
    const manager = await this.cases.manager();
    const open = await manager.query<{ id: string }[]>(
      `SELECT id FROM cellule.recommendation WHERE situation_id = $1 AND status = 'open' ORDER BY due_date, id`,
      [situationId],
    );
    if (open.length === 0) return;
    throw new ProblemException(
      HttpStatus.CONFLICT,
      ProblemType.conflict,
      'Préconisations encore ouvertes',
      `Règle « préconisations soldées avant la clôture » : chaque préconisation ouverte doit d'abord être marquée réalisée, abandonnée ou transférée, avec un motif. ` +
        `Préconisations encore ouvertes : ${open.length}.`,
      { rule: OPEN_RECOMMENDATIONS_RULE, openRecommendationIds: open.map((row) => row.id) },
    );
  }

  /**
   * Every referral of the situation still running ends: outbound ones the DAC has not decided are
   * withdrawn, the others closed; inbound ones are closed. The DAC reads the step and its reason.
   */
  async settleReferrals(user: AuthenticatedUser, situationId: string, reason: string): Promise<void> {
    const manager = await this.cases.manager();
    const now = this.clock.now();
    const rows = await manager.query<{ id: string; direction: 'inbound' | 'outbound'; status: string; dac_organization_id: string }[]>(
      `SELECT id, direction, status, dac_organization_id FROM cellule.referral
        WHERE situation_id = $1 AND status IN ('draft', 'sent', 'acknowledged', 'accepted', 'received', 'under_review') ORDER BY created_at, id FOR UPDATE`,
      [situationId],
    );
    for (const row of rows) {
      const withdraw = row.direction === 'outbound' && row.status !== 'accepted';
      const to = withdraw ? 'withdrawn' : 'closed';
      await manager.query(
        `UPDATE cellule.referral SET status = $2, ${withdraw ? 'withdrawn_at' : 'closed_at'} = $3, updated_at = $3 WHERE id = $1`,
        [row.id, to, now],
      );
      // A draft never reached the DAC: nothing to tell it.
      if (row.status === 'draft') continue;
      const eventId = randomUUID();
      await manager.query(
        `INSERT INTO cellule.referral_event (id, referral_id, from_status, to_status, actor_user_id, at, reason_enc) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [eventId, row.id, row.status, to, user.id, now, await this.cases.seal(situationId, 'referral_event.reason', eventId, reason)],
      );
      await this.notifications.notifyDac(row.dac_organization_id, referralStatusEvent(row, to));
      this.cases.record({
        action: `referral.${to}`,
        resourceType: 'referral',
        resourceId: row.id,
        situationId,
        purpose: { type: 'referral', id: row.id },
      });
    }
  }
}
