import { Injectable } from '@nestjs/common';
import type { FieldGrant } from '../access/access.service.js';
import { CaseFiles } from '../casefile/case-files.js';
import { isoDate } from '../common/dates.js';
import type { EncryptedField } from '../crypto/field-registry.js';
import { Situation } from '../situations/situation.entity.js';
import type { ReferralDto, ShareableGroup } from './dto/referral.dto.js';
import { ReferralEventsService } from './referral-events.service.js';
import type { ReferralRow } from './referrals.service.js';

export type Side = { kind: 'clsm'; grant: FieldGrant } | { kind: 'dac'; grant: FieldGrant };

const GROUP_FIELDS = {
  identity: 'situation.identity',
  contact: 'situation.contact',
  social: 'situation.social',
  health: 'situation.health',
  narrative: 'situation.narrative',
} as const satisfies Record<ShareableGroup, EncryptedField>;
const GROUP_COLUMNS = {
  identity: 'identityEnc',
  contact: 'contactEnc',
  social: 'socialEnc',
  health: 'healthEnc',
  narrative: 'narrativeEnc',
} as const;

/** What each side reads of referrals (through the case-file path), and the data set frozen when one is sent. */
@Injectable()
export class ReferralViewsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly events: ReferralEventsService,
  ) {}

  async views(entries: { referral: ReferralRow; side: Side }[]): Promise<ReferralDto[]> {
    if (entries.length === 0) return [];
    const manager = await this.cases.manager();
    const situationIds = [...new Set(entries.map(({ referral }) => referral.situation_id))];
    const situations = new Map(
      (
        await manager.query<{ id: string; reference: string; status: string }[]>(
          'SELECT id, reference, status FROM cellule.situation WHERE id = ANY($1)',
          [situationIds],
        )
      ).map((row) => [row.id, row]),
    );
    const clsmIds = entries.filter(({ side }) => side.kind === 'clsm').map(({ referral }) => referral.id);
    const meetings = clsmIds.length
      ? await manager.query<
          {
            id: string;
            referral_id: string;
            held_on: string | Date;
            note_enc: Buffer;
          }[]
        >('SELECT id, referral_id, held_on, note_enc FROM cellule.referral_meeting WHERE referral_id = ANY($1) ORDER BY held_on, id', [
          clsmIds,
        ])
      : [];
    const reader = await this.cases.reader(
      entries.map(({ side }) => side.grant),
      'referral.read',
    );
    const history = await this.events.forReferrals(entries.map(({ referral }) => referral.id));
    return entries.map(({ referral, side }) => {
      const grant = side.grant;
      const situation = situations.get(referral.situation_id)!;
      const view: ReferralDto = {
        id: referral.id,
        direction: referral.direction,
        status: referral.status,
        delivery: referral.acknowledged_at ? 'acknowledged' : referral.sent_at ? 'sent' : 'pending',
        decision:
          referral.status === 'redirected'
            ? 'redirected'
            : referral.decline_reason_enc || referral.status === 'declined'
              ? 'declined'
              : referral.decided_at
                ? 'accepted'
                : 'pending',
        dacOrganizationId: referral.dac_organization_id,
        situationReference: situation.reference,
        sharedGroups: referral.shared_groups,
        sentAt: referral.sent_at?.toISOString() ?? null,
      };
      if (referral.external_id) view.dacReferralId = referral.external_id;
      if (referral.direction === 'inbound') view.situationStatus = situation.status;
      // A destroyed situation's referral keeps its steps and dates; no reason can be read any more.
      const destroyed = reader.destroyed(referral.situation_id);
      view.history = (history.get(referral.id) ?? []).map((event) => {
        const reason = destroyed ? undefined : reader.read<string>(grant, 'referral_event.reason', event.id, event.reason_enc);
        return { from: event.from_status, to: event.to_status, at: event.at.toISOString(), ...(reason !== undefined ? { reason } : {}) };
      });
      if (destroyed) return { ...view, destroyed: true };
      const declineReason = reader.read<string>(grant, 'referral.decline_reason', referral.id, referral.decline_reason_enc);
      if (declineReason !== undefined) view.declineReason = declineReason;
      const shared = reader.read<Record<string, unknown>>(grant, 'referral.snapshot', referral.id, referral.snapshot_enc);
      if (shared !== undefined) view.shared = shared;
      if (side.kind === 'clsm') {
        view.situationId = referral.situation_id;
        view.clsmContactUserId = referral.clsm_contact_user_id;
        const reason = reader.read<string>(grant, 'referral.reason', referral.id, referral.reason_enc);
        if (reason !== undefined) view.reason = reason;
        view.meetings = meetings
          .filter((meeting) => meeting.referral_id === referral.id)
          .map((meeting) => ({
            id: meeting.id,
            heldOn: isoDate(meeting.held_on),
            note: reader.read<string>(grant, 'referral_meeting.note', meeting.id, meeting.note_enc) ?? '',
          }));
      }
      return view;
    });
  }

  /**
   * The frozen data set: only the chosen field groups, the problem areas and the summary for the
   * DAC, read through the sender's own grant (nothing they could not read themselves is sent).
   */
  async snapshot(referral: ReferralRow, grant: FieldGrant): Promise<Record<string, unknown>> {
    const manager = await this.cases.manager();
    const situation = await manager.findOneByOrFail(Situation, { id: referral.situation_id });
    const reader = await this.cases.reader([grant], 'referral.sent');
    const shared: Record<string, unknown> = {
      reference: situation.reference,
      problemAreas: situation.problemAreas,
      summary: reader.read<string>(grant, 'referral.summary', referral.id, referral.summary_enc),
    };
    for (const group of referral.shared_groups) {
      const value = reader.read(grant, GROUP_FIELDS[group], situation.id, situation[GROUP_COLUMNS[group]]);
      if (value !== undefined) shared[group] = value;
    }
    return shared;
  }
}
