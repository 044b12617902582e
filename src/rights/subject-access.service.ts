import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { ShreddedError } from '../crypto/crypto-errors.js';
import type { EncryptedField } from '../crypto/field-registry.js';
import { FIELD_GROUPS } from '../situations/situation.constants.js';
import type { SubjectAccessDto } from './dto/subject-access.dto.js';

const GROUP_COLUMNS = {
  identity: ['situation.identity', 'identity_enc'],
  contact: ['situation.contact', 'contact_enc'],
  social: ['situation.social', 'social_enc'],
  health: ['situation.health', 'health_enc'],
  narrative: ['situation.narrative', 'narrative_enc'],
} as const satisfies Record<string, readonly [EncryptedField, string]>;

type Rows = Record<string, unknown>[];

/**
 * The right of access (GDPR art. 15): everything held about the person of one situation, produced
 * for the coordination through the case-file path (authorised by the policy's `subject_access`
 * action, decrypted for the coordinator's field groups only, audited before it leaves). Field
 * groups the coordinator's category may not read (health) are named as held and withheld: they are
 * communicated to the person by a professional entitled to them (CSP L1111-7).
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly clock: Clock,
  ) {}

  async produce(user: AuthenticatedUser, id: string): Promise<SubjectAccessDto> {
    const { situation, access } = await this.cases.situation(user, 'subject_access', id);
    const manager = await this.cases.manager();
    const reader = await this.cases.reader([access], 'situation.subject_access');
    if (reader.destroyed(id)) throw new ShreddedError(id);
    const [row] = await manager.query<Rows>('SELECT * FROM cellule.situation WHERE id = $1', [id]);
    const caseFile: Record<string, unknown> = {};
    for (const [group, [field, column]] of Object.entries(GROUP_COLUMNS)) {
      const value = reader.read(access, field, id, row[column] as Buffer);
      if (value !== undefined) caseFile[group] = value;
    }
    const withheldGroups = FIELD_GROUPS.filter((group) => !access.groups.has(group));

    const transitions = await manager.query<Rows>('SELECT * FROM cellule.situation_transition WHERE situation_id = $1 ORDER BY at, id', [
      id,
    ]);
    const measures = await manager.query<Rows>('SELECT * FROM cellule.situation_measure WHERE situation_id = $1 ORDER BY placed_at, id', [
      id,
    ]);
    const documents = await manager.query<Rows>(
      'SELECT id, media_type, size_bytes, filename_enc, uploaded_at FROM cellule.document WHERE situation_id = $1 ORDER BY uploaded_at, id',
      [id],
    );
    const consents = await manager.query<Rows>(
      `SELECT c.*, to_char(c.given_on, 'YYYY-MM-DD') AS given_on_text, to_char(c.valid_until, 'YYYY-MM-DD') AS valid_until_text,
              (SELECT array_agg(o.name ORDER BY o.name) FROM clsm.directory_organization o WHERE o.id = ANY(c.refused_organization_ids)) AS refused_names
         FROM cellule.consent c WHERE c.situation_id = $1 ORDER BY c.recorded_at, c.id`,
      [id],
    );
    const outcomes = await manager.query<Rows>(
      `SELECT i.id AS item_id, se.scheduled_at, se.status AS session_status, o.summary_enc, o.person_response,
              to_char(o.person_response_on, 'YYYY-MM-DD') AS person_response_on, to_char(o.next_review_date, 'YYYY-MM-DD') AS next_review_date
         FROM cellule.agenda_item i JOIN cellule.session se ON se.id = i.session_id LEFT JOIN cellule.item_outcome o ON o.item_id = i.id
        WHERE i.situation_id = $1 ORDER BY se.scheduled_at, i.id`,
      [id],
    );
    const recommendations = await manager.query<Rows>(
      `SELECT r.id, r.item_id, r.action_enc, r.status, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.closed_at,
              coalesce(o.name, e.organization_name) AS carrier_organization, coalesce(o.kind, e.organization_kind) AS carrier_kind
         FROM cellule.recommendation r
         LEFT JOIN clsm.directory_organization o ON o.id = r.carrier_organization_id
         LEFT JOIN clsm.directory_entry e ON e.user_id = r.carrier_user_id
        WHERE r.situation_id = $1 ORDER BY r.created_at, r.id`,
      [id],
    );
    const referrals = await manager.query<Rows>(
      `SELECT r.id, r.direction, r.status, r.shared_groups, r.sent_at, r.decided_at, r.closed_at, r.created_at, o.name AS dac
         FROM cellule.referral r JOIN clsm.directory_organization o ON o.id = r.dac_organization_id
        WHERE r.situation_id = $1 ORDER BY r.created_at, r.id`,
      [id],
    );
    const [referrer] = await manager.query<Rows>(
      'SELECT e.organization_name, e.organization_kind FROM clsm.directory_entry e WHERE e.user_id = $1',
      [situation.referrerUserId],
    );
    // Who accessed the file: by role and structure, from the audit trail (never a name).
    const accesses = await manager.query<Rows>(
      `SELECT ev.actor_role AS role, o.name AS organization, count(*)::int AS events, min(ev.recorded_at) AS first_at, max(ev.recorded_at) AS last_at
         FROM audit.event ev LEFT JOIN clsm.directory_organization o ON o.id = ev.actor_organization_id
        WHERE ev.situation_id = $1 AND ev.outcome = 'granted'
        GROUP BY ev.actor_role, o.name ORDER BY min(ev.recorded_at), ev.actor_role, o.name`,
      [id],
    );

    const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);
    const recipients = new Map<string, string>();
    if (typeof referrer?.organization_name === 'string' && referrer.organization_name)
      recipients.set(referrer.organization_name, 'Structure à l’origine de la saisine');
    for (const referral of referrals) recipients.set(String(referral.dac), 'Dispositif d’appui à la coordination (DAC)');
    for (const recommendation of recommendations) {
      if (typeof recommendation.carrier_organization === 'string' && recommendation.carrier_organization)
        recipients.set(recommendation.carrier_organization, 'Porteur d’une préconisation');
    }

    const document: SubjectAccessDto = {
      producedAt: this.clock.now().toISOString(),
      reference: situation.reference,
      status: situation.status,
      createdAt: situation.createdAt.toISOString(),
      updatedAt: situation.updatedAt.toISOString(),
      problemAreas: situation.problemAreas,
      closureOutcome: situation.closureOutcome,
      caseFile,
      withheldGroups,
      history: transitions.map((transition) => ({
        from: String(transition.from_status),
        to: String(transition.to_status),
        at: iso(transition.at)!,
        reason:
          reader.read<string>(access, 'situation_transition.reason', String(transition.id), transition.reason_enc as Buffer | null) ?? null,
        outcome: (transition.closure_outcome as string | null) ?? null,
      })),
      rightsMeasures: measures.map((measure) => ({
        kind: String(measure.kind),
        at: iso(measure.placed_at)!,
        reason: reader.read<string>(access, 'situation_measure.reason', String(measure.id), measure.reason_enc as Buffer) ?? null,
        liftedAt: iso(measure.lifted_at),
        liftReason:
          reader.read<string>(access, 'situation_measure.lift_reason', String(measure.id), measure.lift_reason_enc as Buffer | null) ??
          null,
      })),
      documents: documents.map((document) => ({
        id: String(document.id),
        filename: reader.read<string>(access, 'document.filename', String(document.id), document.filename_enc as Buffer) ?? null,
        mediaType: String(document.media_type),
        sizeBytes: Number(document.size_bytes),
        uploadedAt: iso(document.uploaded_at)!,
      })),
      consents: consents.map((consent) => ({
        id: String(consent.id),
        purpose: String(consent.purpose),
        decision: String(consent.decision),
        givenBy: String(consent.given_by),
        method: String(consent.method),
        givenOn: String(consent.given_on_text),
        validUntil: (consent.valid_until_text as string | null) ?? null,
        refusedOrganizations: (consent.refused_names as string[] | null) ?? [],
        details: reader.read<Record<string, unknown>>(access, 'consent.details', String(consent.id), consent.details_enc as Buffer) ?? null,
        recordedAt: iso(consent.recorded_at)!,
      })),
      sessions: outcomes.map((outcome) => ({
        scheduledAt: iso(outcome.scheduled_at)!,
        sessionStatus: String(outcome.session_status),
        summary: outcome.summary_enc
          ? (reader.read<string>(access, 'item_outcome.summary', String(outcome.item_id), outcome.summary_enc as Buffer) ?? null)
          : null,
        personResponse: (outcome.person_response as string | null) ?? null,
        personResponseOn: (outcome.person_response_on as string | null) ?? null,
        nextReviewDate: (outcome.next_review_date as string | null) ?? null,
        recommendations: recommendations
          .filter((recommendation) => recommendation.item_id === outcome.item_id)
          .map((recommendation) => ({
            action:
              reader.read<string>(access, 'recommendation.action', String(recommendation.id), recommendation.action_enc as Buffer) ?? null,
            status: String(recommendation.status),
            dueDate: String(recommendation.due_date),
            carrierOrganization: (recommendation.carrier_organization as string | null) ?? null,
            closedAt: iso(recommendation.closed_at),
          })),
      })),
      referrals: referrals.map((referral) => ({
        direction: String(referral.direction),
        dac: String(referral.dac),
        status: String(referral.status),
        sharedGroups: (referral.shared_groups as string[]) ?? [],
        createdAt: iso(referral.created_at)!,
        sentAt: iso(referral.sent_at),
        decidedAt: iso(referral.decided_at),
        closedAt: iso(referral.closed_at),
      })),
      recipients: [...recipients].map(([organization, as]) => ({ organization, as })),
      accesses: accesses.map((entry) => ({
        role: (entry.role as string | null) ?? null,
        organization: (entry.organization as string | null) ?? null,
        events: Number(entry.events),
        firstAt: iso(entry.first_at)!,
        lastAt: iso(entry.last_at)!,
      })),
    };
    this.cases.record({
      action: 'situation.subject_access',
      resourceType: 'situation',
      resourceId: id,
      situationId: id,
      purpose: access.purpose,
    });
    return document;
  }
}
