import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SituationAccessService, type SituationFacts } from '../access/situation-access.service.js';
import { AuditEntry, AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { CryptoService } from '../crypto/crypto.service.js';
import { DataKeyService } from '../crypto/data-key.service.js';
import { Situation } from '../situations/situation.entity.js';
import { SituationsService } from '../situations/situations.service.js';
import type { CreateReferralDto, InboundReferralDto, MeetingDto, ReferralDto, ReferralStatus, ReferralStatusDto, ShareableGroup } from './dto/referral.dto.js';
import { toFhirBundle } from './fhir.js';

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

/** Who changes a referral's status: the CLSM side (sender) or the DAC. */
const TRANSITIONS: Record<Exclude<ReferralStatus, 'draft'>, { from: ReferralStatus[]; by: 'clsm' | 'dac' }> = {
  sent: { from: ['draft'], by: 'clsm' },
  acknowledged: { from: ['sent'], by: 'dac' },
  accepted: { from: ['acknowledged'], by: 'dac' },
  declined: { from: ['acknowledged'], by: 'dac' },
  closed: { from: ['accepted', 'declined'], by: 'clsm' },
  withdrawn: { from: ['draft', 'sent', 'acknowledged'], by: 'clsm' },
};
const DEFAULT_GROUPS: ShareableGroup[] = ['identity', 'contact'];
const GROUP_FIELDS = { identity: 'situation.identity', contact: 'situation.contact', social: 'situation.social', health: 'situation.health', narrative: 'situation.narrative' } as const;
const GROUP_COLUMNS = { identity: 'identityEnc', contact: 'contactEnc', social: 'socialEnc', health: 'healthEnc', narrative: 'narrativeEnc' } as const;
const unprocessable = (type: string, detail: string) => new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, type, 'Unprocessable', detail);

type Side = { kind: 'clsm' } | { kind: 'dac' };

/**
 * Referrals to and from the territorial care-coordination service (DAC). Outbound: the coordinator
 * or the pilot sends a chosen, minimal data set, frozen as an encrypted snapshot at sending time,
 * under the person's consent for transmission. Inbound: a DAC submits a situation (idempotent on
 * its own identifier) and follows its status, never the commission's later content.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly situations: SituationsService,
    private readonly access: SituationAccessService,
    private readonly crypto: CryptoService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, input: CreateReferralDto): Promise<ReferralDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { situation, access } = await this.situations.authorize(user, input.situationId, 'refer', manager);
      const groups = input.sharedGroups ?? DEFAULT_GROUPS;
      if (groups.includes('health') && !access.groups.has('health')) {
        throw unprocessable(ProblemType.validation, 'Votre catégorie professionnelle ne permet pas de transmettre les informations de santé.');
      }
      await this.assertTransmissible(manager, situation.id, input.dacOrganizationId);
      const dek = await this.dataKeys.load(situation.id, manager);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cellule.referral (id, direction, situation_id, dac_organization_id, status, shared_groups, reason_enc, summary_enc, created_by, clsm_contact_user_id)
         VALUES ($1, 'outbound', $2, $3, 'draft', $4, $5, $6, $7, $8)`,
        [
          id,
          situation.id,
          input.dacOrganizationId,
          groups,
          this.crypto.encryptJson(dek, 'referral.reason', id, input.reason),
          this.crypto.encryptJson(dek, 'referral.summary', id, input.summaryForDac),
          user.id,
          input.clsmContactUserId ?? user.id,
        ],
      );
      await this.audit.recordWithin(manager, this.entry('referral.create', id, situation.id));
      return id;
    });
    return this.get(user, id);
  }

  async changeStatus(user: AuthenticatedUser, id: string, input: ReferralStatusDto): Promise<ReferralDto> {
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.lock(manager, id);
      const side = await this.side(user, referral, manager);
      if (!side) {
        await this.audit.record({ ...this.entry('referral.status', id, referral.situation_id), outcome: 'denied' });
        throw notFound();
      }
      const rule = TRANSITIONS[input.to];
      if (referral.direction === 'inbound') throw conflict("Une saisine reçue du DAC suit la décision de recevabilité de la commission.");
      if (rule.by !== side.kind) throw new ForbiddenException(rule.by === 'dac' ? 'Seul le DAC destinataire se prononce.' : "Seul l'émetteur agit sur cet envoi.");
      if (!rule.from.includes(referral.status)) throw conflict(`Transition impossible de « ${referral.status} » vers « ${input.to} ».`);
      if (input.to === 'declined' && !input.reason) throw unprocessable(ProblemType.validation, 'Un motif est obligatoire pour décliner.');
      if (input.to !== 'declined' && input.reason) throw unprocessable(ProblemType.validation, 'Un motif ne s’applique qu’à un refus.');
      const now = this.clock.now();
      const dek = await this.dataKeys.load(referral.situation_id, manager);
      const set: Record<string, unknown> = { status: input.to, updated_at: now };
      if (input.to === 'sent') {
        await this.assertTransmissible(manager, referral.situation_id, referral.dac_organization_id);
        set.sent_at = now;
        set.snapshot_enc = this.crypto.encryptJson(dek, 'referral.snapshot', referral.id, await this.snapshot(manager, referral, dek));
      }
      if (input.to === 'acknowledged') set.acknowledged_at = now;
      if (input.to === 'accepted' || input.to === 'declined') set.decided_at = now;
      if (input.to === 'declined') set.decline_reason_enc = this.crypto.encryptJson(dek, 'referral.decline_reason', referral.id, input.reason);
      if (input.to === 'closed') set.closed_at = now;
      if (input.to === 'withdrawn') set.withdrawn_at = now;
      const columns = Object.keys(set);
      await manager.query(`UPDATE cellule.referral SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`, [id, ...Object.values(set)]);
      await this.audit.recordWithin(manager, this.entry(`referral.${input.to}`, id, referral.situation_id));
    });
    return this.get(user, id);
  }

  /** A DAC submits a situation. Posting the same DAC identifier again returns the first one. */
  async inbound(user: AuthenticatedUser, input: InboundReferralDto): Promise<{ referral: ReferralDto; created: boolean }> {
    if (!user.organizationId) throw new ForbiddenException('Votre compte DAC n’est rattaché à aucun DAC.');
    await this.situations.refuseEmergency(input);
    const { dacReferralId, ...intake } = input;
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`inbound:${user.organizationId}:${dacReferralId}`]);
      const [existing] = (await manager.query(
        `SELECT id FROM cellule.referral WHERE direction = 'inbound' AND dac_organization_id = $1 AND external_id = $2`,
        [user.organizationId, dacReferralId],
      )) as { id: string }[];
      if (existing) return { id: existing.id, created: false };
      const situation = await this.situations.createWithin(manager, user, intake);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cellule.referral (id, direction, situation_id, dac_organization_id, external_id, status, created_by, sent_at)
         VALUES ($1, 'inbound', $2, $3, $4, 'sent', $5, $6)`,
        [id, situation.id, user.organizationId, dacReferralId, user.id, this.clock.now()],
      );
      await this.audit.recordWithin(manager, this.entry('referral.inbound', id, situation.id));
      return { id, created: true };
    });
    return { referral: await this.get(user, result.id), created: result.created };
  }

  async addMeeting(user: AuthenticatedUser, id: string, input: MeetingDto): Promise<ReferralDto> {
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.lock(manager, id);
      const side = await this.side(user, referral, manager);
      if (!side || side.kind !== 'clsm') {
        await this.audit.record({ ...this.entry('referral.meeting', id, referral.situation_id), outcome: 'denied' });
        throw notFound();
      }
      if (referral.status !== 'accepted') throw conflict('Le suivi conjoint commence quand le DAC a accepté.');
      const meetingId = randomUUID();
      const dek = await this.dataKeys.load(referral.situation_id, manager);
      await manager.query('INSERT INTO cellule.referral_meeting (id, referral_id, held_on, note_enc, recorded_by) VALUES ($1, $2, $3, $4, $5)', [
        meetingId,
        id,
        input.heldOn,
        this.crypto.encryptJson(dek, 'referral_meeting.note', meetingId, input.note),
        user.id,
      ]);
      await this.audit.recordWithin(manager, this.entry('referral.meeting', id, referral.situation_id));
    });
    return this.get(user, id);
  }

  async get(user: AuthenticatedUser, id: string): Promise<ReferralDto> {
    const [referral] = (await this.dataSource.query('SELECT * FROM cellule.referral WHERE id = $1', [id])) as ReferralRow[];
    const side = referral ? await this.side(user, referral) : undefined;
    if (!referral || !side) {
      await this.audit.record({ ...this.entry('referral.read', id, referral?.situation_id ?? null), outcome: 'denied' });
      throw notFound();
    }
    const view = await this.view(referral, side);
    await this.audit.record(this.entry('referral.read', id, referral.situation_id));
    return view;
  }

  /** The CLSM side sees the referrals of situations it may refer; a DAC user, its DAC's. */
  async list(user: AuthenticatedUser): Promise<ReferralDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM cellule.referral WHERE $1 OR dac_organization_id = $2 OR situation_id IN (
         SELECT situation_id FROM cellule.situation_relation WHERE user_id = $3 AND relation = 'pilot'
            AND valid_from <= $4 AND (valid_until IS NULL OR valid_until > $4))
       ORDER BY created_at DESC LIMIT 200`,
      [user.roles.includes('coordinator'), user.roles.includes('dac') ? user.organizationId : null, user.id, this.clock.now()],
    )) as ReferralRow[];
    const facts = await this.access.loadFacts([...new Set(rows.map((row) => row.situation_id))]);
    const views: ReferralDto[] = [];
    const entries: AuditEntry[] = [];
    for (const row of rows) {
      const side = await this.side(user, row, this.dataSource.manager, facts);
      if (!side) continue;
      views.push(await this.view(row, side));
      entries.push(this.entry('referral.list', row.id, row.situation_id));
    }
    await this.audit.record(...(entries.length ? entries : [{ action: 'referral.list', resourceType: 'referral', outcome: 'granted' as const }]));
    return views;
  }

  async fhir(user: AuthenticatedUser, id: string): Promise<object> {
    const [referral] = (await this.dataSource.query('SELECT * FROM cellule.referral WHERE id = $1', [id])) as ReferralRow[];
    const side = referral ? await this.side(user, referral) : undefined;
    if (!referral || !side) {
      await this.audit.record({ ...this.entry('referral.export', id, referral?.situation_id ?? null), outcome: 'denied' });
      throw notFound();
    }
    if (referral.direction !== 'outbound' || !referral.snapshot_enc) throw conflict("Seul un envoi au DAC, une fois parti, s'exporte en FHIR.");
    const dek = await this.dataKeys.load(referral.situation_id);
    const shared = this.crypto.decryptJson<Record<string, unknown>>(dek, 'referral.snapshot', referral.id, referral.snapshot_enc);
    const [consent] = (await this.dataSource.query(
      `SELECT id, decision, given_on, recorded_at FROM cellule.current_consent WHERE situation_id = $1 AND purpose = 'dac_transmission'`,
      [referral.situation_id],
    )) as { id: string; decision: string; given_on: string | Date; recorded_at: Date }[];
    const bundle = toFhirBundle(referral, shared, consent);
    await this.audit.record(this.entry('referral.export', id, referral.situation_id));
    return bundle;
  }

  /** Consent for transmission withdrawn before acceptance: pending referrals are withdrawn with it. */
  async withdrawPendingWithin(manager: EntityManager, situationId: string): Promise<void> {
    await manager.query(
      `UPDATE cellule.referral SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2
        WHERE situation_id = $1 AND direction = 'outbound' AND status IN ('draft', 'sent', 'acknowledged')`,
      [situationId, this.clock.now()],
    );
  }

  /**
   * Who the user is for this referral. The CLSM side: whoever may refer the situation (coordinator,
   * pilot). The DAC side: a dac user of the referral's DAC, for outbound referrals once sent and
   * while the person's consent for transmission is in force, and for the DAC's inbound ones.
   */
  private async side(
    user: AuthenticatedUser,
    referral: ReferralRow,
    manager: EntityManager = this.dataSource.manager,
    prefetched?: Map<string, SituationFacts>,
  ): Promise<Side | undefined> {
    if (user.roles.includes('dac') && user.organizationId === referral.dac_organization_id) {
      if (referral.direction === 'inbound') return { kind: 'dac' };
      if (referral.status === 'draft' || referral.status === 'withdrawn') return undefined;
      return (await this.access.consentInForce(manager, referral.situation_id, 'dac_transmission')) ? { kind: 'dac' } : undefined;
    }
    const facts = (prefetched ?? (await this.access.loadFacts([referral.situation_id], manager))).get(referral.situation_id);
    const access = facts ? await this.access.decide(user, facts) : undefined;
    // Closed situations stay readable on the CLSM side; only the ability to refer marks the sender side.
    if (access && (access.actions.has('refer') || access.purpose.type === 'coordination')) return { kind: 'clsm' };
    return undefined;
  }

  private async view(referral: ReferralRow, side: Side): Promise<ReferralDto> {
    const dek = await this.dataKeys.load(referral.situation_id);
    const [situation] = (await this.dataSource.query('SELECT reference, status FROM cellule.situation WHERE id = $1', [referral.situation_id])) as { reference: string; status: string }[];
    const view: ReferralDto = {
      id: referral.id,
      direction: referral.direction,
      status: referral.status,
      delivery: referral.acknowledged_at ? 'acknowledged' : referral.sent_at ? 'sent' : 'pending',
      decision: referral.decline_reason_enc ? 'declined' : referral.decided_at ? 'accepted' : 'pending',
      dacOrganizationId: referral.dac_organization_id,
      situationReference: situation.reference,
      sharedGroups: referral.shared_groups,
      sentAt: referral.sent_at?.toISOString() ?? null,
    };
    if (referral.external_id) view.dacReferralId = referral.external_id;
    if (referral.direction === 'inbound') view.situationStatus = situation.status;
    if (referral.decline_reason_enc) view.declineReason = this.crypto.decryptJson<string>(dek, 'referral.decline_reason', referral.id, referral.decline_reason_enc);
    if (referral.snapshot_enc) view.shared = this.crypto.decryptJson<Record<string, unknown>>(dek, 'referral.snapshot', referral.id, referral.snapshot_enc);
    if (side.kind === 'clsm') {
      view.situationId = referral.situation_id;
      view.clsmContactUserId = referral.clsm_contact_user_id;
      if (referral.reason_enc) view.reason = this.crypto.decryptJson<string>(dek, 'referral.reason', referral.id, referral.reason_enc);
      const meetings = (await this.dataSource.query('SELECT id, held_on, note_enc FROM cellule.referral_meeting WHERE referral_id = $1 ORDER BY held_on, id', [referral.id])) as {
        id: string;
        held_on: string | Date;
        note_enc: Buffer;
      }[];
      view.meetings = meetings.map((meeting) => ({
        id: meeting.id,
        heldOn: isoDate(meeting.held_on),
        note: this.crypto.decryptJson<string>(dek, 'referral_meeting.note', meeting.id, meeting.note_enc),
      }));
    }
    return view;
  }

  /** The frozen data set: only the chosen field groups, the problem areas and the summary for the DAC. */
  private async snapshot(manager: EntityManager, referral: ReferralRow, dek: Uint8Array): Promise<Record<string, unknown>> {
    const situation = await manager.findOneByOrFail(Situation, { id: referral.situation_id });
    const shared: Record<string, unknown> = {
      reference: situation.reference,
      problemAreas: situation.problemAreas,
      summary: this.crypto.decryptJson<string>(dek, 'referral.summary', referral.id, referral.summary_enc!),
    };
    for (const group of referral.shared_groups) {
      shared[group] = this.crypto.decryptJson(dek, GROUP_FIELDS[group], situation.id, situation[GROUP_COLUMNS[group]]);
    }
    return shared;
  }

  private async assertTransmissible(manager: EntityManager, situationId: string, dacOrganizationId: string): Promise<void> {
    const [dac] = await manager.query(`SELECT 1 FROM clsm.directory_organization WHERE id = $1 AND kind = 'dac'`, [dacOrganizationId]);
    if (!dac) throw unprocessable(ProblemType.validation, "L'organisation destinataire n'est pas un DAC.");
    if (!(await this.access.consentInForce(manager, situationId, 'dac_transmission'))) {
      throw unprocessable(ProblemType.consentRequired, "L'accord de la personne pour la transmission au DAC n'est pas en vigueur.");
    }
    const [refused] = await manager.query(
      `SELECT 1 FROM cellule.current_consent WHERE situation_id = $1 AND $2 = ANY(refused_organization_ids)`,
      [situationId, dacOrganizationId],
    );
    if (refused) throw unprocessable(ProblemType.structureRefused, 'La personne a refusé que ce DAC soit associé.');
  }

  private async lock(manager: EntityManager, id: string): Promise<ReferralRow> {
    const [referral] = (await manager.query('SELECT * FROM cellule.referral WHERE id = $1 FOR UPDATE', [id])) as ReferralRow[];
    if (!referral) throw notFound();
    return referral;
  }

  /** Every exchange is recorded with the referral itself as its purpose. */
  private entry(action: string, referralId: string, situationId: string | null): AuditEntry {
    return { action, resourceType: 'referral', resourceId: referralId, situationId, outcome: 'granted', purpose: { type: 'referral', id: referralId } };
  }
}

