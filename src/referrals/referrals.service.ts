import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AccessService, type FactRow } from '../access/access.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { referralStatusEvent } from '../notifications/events.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { SituationsService } from '../situations/situations.service.js';
import { InboundReferralsService } from './inbound-referrals.service.js';
import { ReferralEventsService } from './referral-events.service.js';
import { ReferralViewsService, type Side } from './referral-views.service.js';
import type {
  CreateReferralDto,
  InboundReferralDto,
  MeetingDto,
  ReferralDto,
  ReferralQueryDto,
  ReferralStatus,
  ReferralStatusDto,
  ShareableGroup,
} from './dto/referral.dto.js';
import type { Page } from '../common/page.dto.js';
import { toFhirBundle, type FhirOrganization, type FhirParties } from './fhir.js';

export interface ReferralRow {
  id: string;
  direction: 'outbound' | 'inbound';
  situation_id: string;
  dac_organization_id: string;
  external_id: string | null;
  status: ReferralStatus;
  shared_groups: ShareableGroup[];
  reason_enc: Buffer | null;
  summary_enc: Buffer | null;
  decline_reason_enc: Buffer | null;
  snapshot_enc: Buffer | null;
  created_by: string;
  clsm_contact_user_id: string | null;
  sent_at: Date | null;
  acknowledged_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
}

/** A row of the list, with the facts and the consent its side is decided on. */
type ListedReferralRow = ReferralRow & { situation_facts: FactRow; dac_transmission_in_force: boolean };

/** Who changes an outbound referral's status: the CLSM side (sender) or the DAC. */
const TRANSITIONS: Partial<Record<ReferralStatus, { from: ReferralStatus[]; by: 'clsm' | 'dac' }>> = {
  sent: { from: ['draft'], by: 'clsm' },
  acknowledged: { from: ['sent'], by: 'dac' },
  accepted: { from: ['acknowledged'], by: 'dac' },
  declined: { from: ['acknowledged'], by: 'dac' },
  closed: { from: ['accepted', 'declined'], by: 'clsm' },
  withdrawn: { from: ['draft', 'sent', 'acknowledged'], by: 'clsm' },
};
const DEFAULT_GROUPS: ShareableGroup[] = ['identity', 'contact'];
const unprocessable = (type: string, detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, type, 'Unprocessable', detail);

/**
 * Referrals to and from the territorial care-coordination service (DAC). Outbound: the coordinator
 * or the pilot sends a chosen, minimal data set, frozen as an encrypted snapshot at sending time,
 * under the person's consent for transmission. Inbound: a DAC submits a situation (idempotent on
 * its own identifier) and follows its status, never the commission's later content.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly situations: SituationsService,
    private readonly inboundSteps: InboundReferralsService,
    private readonly events: ReferralEventsService,
    private readonly viewer: ReferralViewsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async create(user: AuthenticatedUser, input: CreateReferralDto): Promise<ReferralDto> {
    const { situation, access } = await this.cases.situation(user, 'refer', input.situationId);
    const groups = input.sharedGroups ?? DEFAULT_GROUPS;
    const hidden = groups.filter((group) => !access.groups.has(group));
    if (hidden.length > 0) {
      throw unprocessable(
        ProblemType.validation,
        'Votre catégorie professionnelle ne permet pas de transmettre ces informations : ' + hidden.join(', ') + '.',
      );
    }
    await this.assertTransmissible(situation.id, input.dacOrganizationId);
    const manager = await this.cases.manager();
    const id = randomUUID();
    await manager.query(
      `INSERT INTO cellule.referral (id, direction, situation_id, dac_organization_id, status, shared_groups, reason_enc, summary_enc, created_by, clsm_contact_user_id)
       VALUES ($1, 'outbound', $2, $3, 'draft', $4, $5, $6, $7, $8)`,
      [
        id,
        situation.id,
        input.dacOrganizationId,
        [...new Set(groups)],
        await this.cases.seal(situation.id, 'referral.reason', id, input.reason),
        await this.cases.seal(situation.id, 'referral.summary', id, input.summaryForDac),
        user.id,
        input.clsmContactUserId ?? user.id,
      ],
    );
    this.cases.record(this.entry('referral.create', id, situation.id));
    return this.get(user, id);
  }

  async changeStatus(user: AuthenticatedUser, id: string, input: ReferralStatusDto): Promise<ReferralDto> {
    const referral = await this.lock(id);
    const side = await this.side(user, referral, true);
    if (!side) {
      this.cases.deny(this.entry('referral.status', id, referral.situation_id));
      throw notFound();
    }
    if (referral.direction === 'inbound') {
      await this.inboundSteps.acknowledge(user, referral, side, input);
      return this.get(user, id);
    }
    const rule = TRANSITIONS[input.to];
    if (!rule) throw conflict(`« ${input.to} » ne s'applique qu'à une saisine reçue du DAC.`);
    if (rule.by !== side.kind) {
      this.cases.deny(this.entry('referral.status', id, referral.situation_id));
      throw new ForbiddenException(rule.by === 'dac' ? 'Seul le DAC destinataire se prononce.' : "Seul l'émetteur agit sur cet envoi.");
    }
    if (!rule.from.includes(referral.status)) throw conflict(`Transition impossible de « ${referral.status} » vers « ${input.to} ».`);
    if (input.to === 'declined' && !input.reason) throw unprocessable(ProblemType.validation, 'Un motif est obligatoire pour décliner.');
    const now = this.clock.now();
    const set: Record<string, unknown> = { status: input.to, updated_at: now };
    if (input.to === 'sent') {
      await this.assertTransmissible(referral.situation_id, referral.dac_organization_id);
      set.sent_at = now;
      set.snapshot_enc = await this.cases.seal(
        referral.situation_id,
        'referral.snapshot',
        referral.id,
        await this.viewer.snapshot(referral, side.grant),
      );
    }
    if (input.to === 'acknowledged') set.acknowledged_at = now;
    if (input.to === 'accepted' || input.to === 'declined') set.decided_at = now;
    if (input.to === 'declined')
      set.decline_reason_enc = await this.cases.seal(referral.situation_id, 'referral.decline_reason', referral.id, input.reason);
    if (input.to === 'closed') set.closed_at = now;
    if (input.to === 'withdrawn') set.withdrawn_at = now;
    const columns = Object.keys(set);
    const manager = await this.cases.manager();
    await manager.query(
      `UPDATE cellule.referral SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`,
      [id, ...Object.values(set)],
    );
    await this.events.record(user, referral, input.to, input.reason);
    if (input.to === 'sent')
      await this.notifications.notifyDac(referral.dac_organization_id, {
        kind: 'referral.sent',
        message: 'Le CLSM vous adresse une orientation.',
        link: `/orientations/${id}`,
      });
    // The other side is told of every later step (a draft withdrawn never reached the DAC).
    else if (rule.by === 'dac')
      await this.notifications.notifyCoordination({ ...referralStatusEvent(referral, input.to), situationId: referral.situation_id });
    else if (referral.status !== 'draft')
      await this.notifications.notifyDac(referral.dac_organization_id, referralStatusEvent(referral, input.to));
    this.cases.record(this.entry(`referral.${input.to}`, id, referral.situation_id));
    return this.get(user, id);
  }

  /** A DAC submits a situation. Posting the same DAC identifier again returns the first one. */
  async inbound(user: AuthenticatedUser, input: InboundReferralDto): Promise<{ referral: ReferralDto; created: boolean }> {
    if (!user.organizationId) throw new ForbiddenException('Votre compte DAC n’est rattaché à aucun DAC.');
    await this.situations.refuseEmergency(input);
    const { dacReferralId, ...intake } = input;
    const manager = await this.cases.manager();
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`inbound:${user.organizationId}:${dacReferralId}`]);
    const [existing] = await manager.query<{ id: string }[]>(
      `SELECT id FROM cellule.referral WHERE direction = 'inbound' AND dac_organization_id = $1 AND external_id = $2`,
      [user.organizationId, dacReferralId],
    );
    if (existing) return { referral: await this.get(user, existing.id), created: false };
    const situation = await this.situations.createWithin(user, intake);
    const id = randomUUID();
    await manager.query(
      `INSERT INTO cellule.referral (id, direction, situation_id, dac_organization_id, external_id, status, created_by, sent_at)
       VALUES ($1, 'inbound', $2, $3, $4, 'received', $5, $6)`,
      [id, situation.id, user.organizationId, dacReferralId, user.id, this.clock.now()],
    );
    await this.notifications.notifyCoordination({
      kind: 'referral.received',
      message: 'Un DAC adresse une situation à la commission.',
      situationId: situation.id,
      link: `/orientations/${id}`,
    });
    this.cases.record(this.entry('referral.inbound', id, situation.id));
    return { referral: await this.get(user, id), created: true };
  }

  async addMeeting(user: AuthenticatedUser, id: string, input: MeetingDto): Promise<ReferralDto> {
    const referral = await this.lock(id);
    const side = await this.side(user, referral, true);
    if (!side || side.kind !== 'clsm') {
      this.cases.deny(this.entry('referral.meeting', id, referral.situation_id));
      throw notFound();
    }
    if (referral.status !== 'accepted') throw conflict('Le suivi conjoint commence quand le DAC a accepté.');
    const manager = await this.cases.manager();
    const meetingId = randomUUID();
    await manager.query(
      'INSERT INTO cellule.referral_meeting (id, referral_id, held_on, note_enc, recorded_by) VALUES ($1, $2, $3, $4, $5)',
      [meetingId, id, input.heldOn, await this.cases.seal(referral.situation_id, 'referral_meeting.note', meetingId, input.note), user.id],
    );
    this.cases.record(this.entry('referral.meeting', id, referral.situation_id));
    return this.get(user, id);
  }

  async get(user: AuthenticatedUser, id: string): Promise<ReferralDto> {
    const manager = await this.cases.manager();
    const [referral] = await manager.query<ReferralRow[]>('SELECT * FROM cellule.referral WHERE id = $1', [id]);
    const side = referral ? await this.side(user, referral) : undefined;
    if (!referral || !side) {
      this.cases.deny(this.entry('referral.read', id, referral?.situation_id ?? null));
      throw notFound();
    }
    const [view] = await this.viewer.views([{ referral, side }]);
    this.cases.record(this.entry('referral.read', id, referral.situation_id));
    return view;
  }

  /** The referrals of the situations the user may list and refer, and a DAC's own. */
  async list(user: AuthenticatedUser, query: ReferralQueryDto): Promise<Page<ReferralDto>> {
    const manager = await this.cases.manager();
    const filter = await this.access.listCondition(user, [
      user.organizationId,
      query.situationId ?? null,
      query.direction ?? null,
      query.status ?? null,
    ]);
    // Each row comes with what decides who the user is for it: its situation's facts (the CLSM side)
    // and the person's consent for transmission (the DAC side), so that no row needs a query of its own.
    const facts = this.access
      .factColumns()
      .map(([sql, alias]) => `'${alias}', ${sql}`)
      .join(', ');
    const rows = await manager.query<ListedReferralRow[]>(
      `SELECT r.*,
              json_build_object('id', situation.id, 'status', situation.status, 'referrer_user_id', situation.referrer_user_id, ${facts}) AS situation_facts,
              ${this.access.consentColumn('r.situation_id', 'dac_transmission')} AS dac_transmission_in_force
         FROM cellule.referral r JOIN cellule.situation situation ON situation.id = r.situation_id
        WHERE ((${filter.sql}) OR r.dac_organization_id = $1)
          AND ($2::uuid IS NULL OR r.situation_id = $2) AND ($3::text IS NULL OR r.direction = $3) AND ($4::text IS NULL OR r.status = $4)
        ORDER BY r.created_at DESC, r.id DESC LIMIT 2000`,
      filter.params,
    );
    this.access.primeFacts(rows.map((row) => row.situation_facts));
    this.access.primeConsents(
      'dac_transmission',
      rows.map((row) => ({ situationId: row.situation_id, inForce: row.dac_transmission_in_force })),
    );
    const visible: { referral: ReferralRow; side: Side }[] = [];
    for (const { situation_facts: _facts, dac_transmission_in_force: _consent, ...referral } of rows) {
      const side = await this.side(user, referral);
      if (side) visible.push({ referral, side });
    }
    // Paged after the per-row decision, so that `total` counts only what the user may see.
    const page = visible.slice(query.offset, query.offset + query.limit);
    // A list names each situation by its case reference: the data sets sent stay in the single view.
    const views = (await this.viewer.views(page)).map((view) => {
      delete view.shared;
      return view;
    });
    this.cases.record(
      ...(page.length
        ? page.map(({ referral }) => this.entry('referral.list', referral.id, referral.situation_id))
        : [{ action: 'referral.list', resourceType: 'referral' }]),
    );
    return { items: views, total: visible.length, limit: query.limit, offset: query.offset };
  }

  async fhir(user: AuthenticatedUser, id: string): Promise<object> {
    const manager = await this.cases.manager();
    const [referral] = await manager.query<ReferralRow[]>('SELECT * FROM cellule.referral WHERE id = $1', [id]);
    const side = referral ? await this.side(user, referral) : undefined;
    if (!referral || !side) {
      this.cases.deny(this.entry('referral.export', id, referral?.situation_id ?? null));
      throw notFound();
    }
    if (referral.direction !== 'outbound' || !referral.snapshot_enc)
      throw conflict("Seul un envoi au DAC, une fois parti, s'exporte en FHIR.");
    const reader = await this.cases.reader([side.grant], 'referral.export');
    const shared = reader.read<Record<string, unknown>>(side.grant, 'referral.snapshot', referral.id, referral.snapshot_enc);
    if (!shared) throw conflict("Cet envoi est clos, refusé ou retiré : son contenu n'est plus transmis.");
    const [consent] = await manager.query<{ id: string; decision: string; given_on: string | Date; recorded_at: Date }[]>(
      `SELECT id, decision, given_on, recorded_at FROM cellule.current_consent WHERE situation_id = $1 AND purpose = 'dac_transmission'`,
      [referral.situation_id],
    );
    const bundle = toFhirBundle(referral, shared, consent, await this.fhirParties(manager, referral));
    this.cases.record(this.entry('referral.export', id, referral.situation_id));
    return bundle;
  }

  /** The DAC and the sender as the directory names them (structures' FINESS, the sender's idNat_PS). */
  private async fhirParties(manager: EntityManager, referral: ReferralRow): Promise<FhirParties> {
    const [dac] = await manager.query<FhirOrganization[]>('SELECT id, name, finess FROM clsm.directory_organization WHERE id = $1', [
      referral.dac_organization_id,
    ]);
    const [sender] = await manager.query<
      {
        user_id: string;
        display_name: string;
        professional_id: string | null;
        organization_id: string | null;
        organization_name: string | null;
        organization_finess: string | null;
      }[]
    >(
      `SELECT e.user_id, e.display_name, e.professional_id, e.organization_id, e.organization_name, e.organization_finess
         FROM clsm.directory_entry e WHERE e.user_id = $1`,
      [referral.created_by],
    );
    return {
      dac: dac ?? { id: referral.dac_organization_id, name: 'DAC', finess: null },
      requester: sender && {
        userId: sender.user_id,
        displayName: sender.display_name,
        professionalId: sender.professional_id,
        organization: sender.organization_id
          ? { id: sender.organization_id, name: sender.organization_name ?? '', finess: sender.organization_finess }
          : null,
      },
    };
  }

  /** Consent for transmission withdrawn before acceptance: pending referrals are withdrawn with it. */
  async withdrawPendingWithin(situationId: string): Promise<void> {
    const manager = await this.cases.manager();
    await manager.query(
      `UPDATE cellule.referral SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2
        WHERE situation_id = $1 AND direction = 'outbound' AND status IN ('draft', 'sent', 'acknowledged')`,
      [situationId, this.clock.now()],
    );
  }

  private side(user: AuthenticatedUser, referral: ReferralRow, write = false): Promise<Side | undefined> {
    return this.cases.referral(user, referral, { write });
  }

  private async assertTransmissible(situationId: string, dacOrganizationId: string): Promise<void> {
    const manager = await this.cases.manager();
    const [dac] = await manager.query<unknown[]>(`SELECT 1 FROM clsm.directory_organization WHERE id = $1 AND kind = 'dac'`, [
      dacOrganizationId,
    ]);
    if (!dac) throw unprocessable(ProblemType.validation, "L'organisation destinataire n'est pas un DAC.");
    if (!(await this.access.consentInForce(situationId, 'dac_transmission'))) {
      throw unprocessable(ProblemType.consentRequired, "L'accord de la personne pour la transmission au DAC n'est pas en vigueur.");
    }
    const [refused] = await manager.query<unknown[]>(
      `SELECT 1 FROM cellule.current_consent WHERE situation_id = $1 AND $2 = ANY(refused_organization_ids)`,
      [situationId, dacOrganizationId],
    );
    if (refused) throw unprocessable(ProblemType.structureRefused, 'La personne a refusé que ce DAC soit associé.');
  }

  private async lock(id: string): Promise<ReferralRow> {
    const manager = await this.cases.manager();
    const [referral] = await manager.query<ReferralRow[]>('SELECT * FROM cellule.referral WHERE id = $1 FOR UPDATE', [id]);
    if (!referral) {
      this.cases.deny(this.entry('referral.update', id, null));
      throw notFound();
    }
    return referral;
  }

  /** Every exchange is recorded with the referral itself as its purpose. */
  private entry(action: string, referralId: string, situationId: string | null) {
    return { action, resourceType: 'referral', resourceId: referralId, situationId, purpose: { type: 'referral', id: referralId } };
  }
}
