import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';

export interface ReferralEventRow {
  id: string;
  referral_id: string;
  from_status: string;
  to_status: string;
  at: Date;
  reason_enc: Buffer | null;
}

/**
 * Every step of a referral, with its reason (encrypted under the situation's key): the DAC reads
 * them, so that it knows why its referral was redirected, declined, closed or withdrawn.
 */
@Injectable()
export class ReferralEventsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly clock: Clock,
  ) {}

  /** Records a step on a referral the caller was authorised to write in this unit. */
  async record(
    user: AuthenticatedUser,
    referral: { id: string; situation_id: string; status: string },
    to: string,
    reason: string | undefined,
  ): Promise<void> {
    const manager = await this.cases.manager();
    const id = randomUUID();
    await manager.query(
      `INSERT INTO cellule.referral_event (id, referral_id, from_status, to_status, actor_user_id, at, reason_enc) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        referral.id,
        referral.status,
        to,
        user.id,
        this.clock.now(),
        reason ? await this.cases.seal(referral.situation_id, 'referral_event.reason', id, reason) : null,
      ],
    );
  }

  /** The steps of several referrals, oldest first, in one query. */
  async forReferrals(referralIds: string[]): Promise<Map<string, ReferralEventRow[]>> {
    const manager = await this.cases.manager();
    const rows = await manager.query<ReferralEventRow[]>(
      'SELECT * FROM cellule.referral_event WHERE referral_id = ANY($1) ORDER BY at, id',
      [referralIds],
    );
    const byReferral = new Map<string, ReferralEventRow[]>();
    for (const row of rows) byReferral.set(row.referral_id, [...(byReferral.get(row.referral_id) ?? []), row]);
    return byReferral;
  }
}
