import { ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import { notFound } from '../common/problem.js';
import type { CorrectOutcomeDto, CorrectRecommendationDto, OutcomeVersionDto, RecommendationVersionDto } from './dto/corrections.dto.js';
import { type RecommendationRow, RecommendationsService } from './recommendations.service.js';
import { CommissionSession } from './session.entity.js';
import { invalid, itemEntry, SessionsService } from './sessions.service.js';

const CORRECTABLE = ['held', 'minutes_approved'];

/**
 * Corrections of what a session decided, by the coordinator or the session's chair: each one keeps
 * the earlier version (encrypted like the current one) with who replaced it, when and why, so the
 * outcome and every préconisation read as a history.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly relations: RelationsService,
    private readonly sessions: SessionsService,
    private readonly recommendations: RecommendationsService,
    private readonly clock: Clock,
  ) {}

  async correctOutcome(user: AuthenticatedUser, sessionId: string, itemId: string, input: CorrectOutcomeDto) {
    if (input.summary === undefined && input.nextReviewDate === undefined)
      throw invalid('Indiquez ce qui est corrigé (summary, nextReviewDate).');
    const manager = await this.cases.manager();
    const item = await this.sessions.item(sessionId, itemId);
    await this.authorise(user, await this.sessionOf(itemId), item.situationId, itemEntry('agenda_item.correct_outcome', item));
    await this.sessions.lockSession(sessionId, CORRECTABLE);
    const [current] = await manager.query<
      {
        summary_enc: Buffer;
        next_review_date: string | Date | null;
        recorded_by: string;
        recorded_at: Date;
        version: number;
      }[]
    >('SELECT * FROM cellule.item_outcome WHERE item_id = $1 FOR UPDATE', [itemId]);
    if (!current) throw invalid("Le compte rendu de ce point n'est pas encore enregistré : rien à corriger.");
    const versionId = randomUUID();
    const now = this.clock.now();
    // The earlier text is sealed again under its version's own row (ciphertexts are bound to their row).
    const grant = await this.grant(user, item.situationId);
    const reader = await this.cases.reader([grant], 'agenda_item.correct_outcome');
    const previous = reader.read<string>(grant, 'item_outcome.summary', itemId, current.summary_enc) ?? '';
    await manager.query(
      `INSERT INTO cellule.item_outcome_version (id, item_id, version, summary_enc, next_review_date, recorded_by, recorded_at, replaced_by, replaced_at, reason_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        versionId,
        itemId,
        current.version,
        await this.cases.seal(item.situationId, 'item_outcome_version.summary', versionId, previous),
        current.next_review_date,
        current.recorded_by,
        current.recorded_at,
        user.id,
        now,
        await this.cases.seal(item.situationId, 'item_outcome_version.reason', versionId, input.reason),
      ],
    );
    await manager.query(
      `UPDATE cellule.item_outcome SET summary_enc = coalesce($2, summary_enc), next_review_date = CASE WHEN $3 THEN $4::date ELSE next_review_date END,
              recorded_by = $5, recorded_at = $6, version = version + 1 WHERE item_id = $1`,
      [
        itemId,
        input.summary === undefined ? null : await this.cases.seal(item.situationId, 'item_outcome.summary', itemId, input.summary),
        input.nextReviewDate !== undefined,
        input.nextReviewDate ?? null,
        user.id,
        now,
      ],
    );
    this.cases.record(itemEntry('agenda_item.correct_outcome', item));
    return this.sessions.get(user, sessionId);
  }

  async correctRecommendation(user: AuthenticatedUser, id: string, input: CorrectRecommendationDto) {
    if ([input.action, input.dueDate, input.carrierUserId, input.carrierOrganizationId].every((value) => value === undefined)) {
      throw invalid('Indiquez ce qui est corrigé (action, dueDate, carrierUserId, carrierOrganizationId).');
    }
    const manager = await this.cases.manager();
    const [row] = await manager.query<RecommendationRow[]>('SELECT * FROM cellule.recommendation WHERE id = $1 FOR UPDATE', [id]);
    const audited = {
      action: 'recommendation.correct',
      resourceType: 'recommendation',
      resourceId: id,
      situationId: row?.situation_id ?? null,
    };
    if (!row) {
      this.cases.deny(audited);
      throw notFound();
    }
    const session = await this.sessionOf(row.item_id);
    await this.authorise(user, session, row.situation_id, audited);
    const carrierChanges = input.carrierUserId !== undefined || input.carrierOrganizationId !== undefined;
    const carrier = carrierChanges
      ? { userId: input.carrierUserId ?? null, organizationId: input.carrierOrganizationId ?? null }
      : { userId: row.carrier_user_id, organizationId: row.carrier_organization_id };
    if (carrierChanges) await this.assertCarrier(row.situation_id, carrier);
    const versionId = randomUUID();
    const now = this.clock.now();
    const grant = await this.grant(user, row.situation_id);
    const reader = await this.cases.reader([grant], 'recommendation.correct');
    const previous = reader.read<string>(grant, 'recommendation.action', id, row.action_enc) ?? '';
    await manager.query(
      `INSERT INTO cellule.recommendation_version (id, recommendation_id, version, action_enc, carrier_user_id, carrier_organization_id, due_date, replaced_by, replaced_at, reason_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        versionId,
        id,
        row.version,
        await this.cases.seal(row.situation_id, 'recommendation_version.action', versionId, previous),
        row.carrier_user_id,
        row.carrier_organization_id,
        row.due_date,
        user.id,
        now,
        await this.cases.seal(row.situation_id, 'recommendation_version.reason', versionId, input.reason),
      ],
    );
    await manager.query(
      `UPDATE cellule.recommendation SET action_enc = coalesce($2, action_enc), due_date = coalesce($3::date, due_date),
              carrier_user_id = $4, carrier_organization_id = $5, version = version + 1 WHERE id = $1`,
      [
        id,
        input.action === undefined ? null : await this.cases.seal(row.situation_id, 'recommendation.action', id, input.action),
        input.dueDate ?? null,
        carrier.userId,
        carrier.organizationId,
      ],
    );
    if (carrierChanges && row.status === 'open') {
      await this.relations.endCarrier(id);
      const carriers = await this.relations.addCarrier(row.situation_id, carrier, id);
      // Only a new carrier (person or structure) is told.
      const dueDate = input.dueDate ?? isoDate(row.due_date);
      await this.recommendations.announce(
        row.situation_id,
        {
          userId: carrier.userId !== row.carrier_user_id ? carrier.userId : null,
          organizationId: carrier.organizationId !== row.carrier_organization_id ? carrier.organizationId : null,
        },
        dueDate,
        carriers,
      );
    }
    this.cases.record({ ...audited, purpose: grant.purpose });
    return this.recommendations.read(user, id);
  }

  /** The earlier versions of an item's outcome, oldest first, for whoever may read the item. */
  async outcomeHistory(user: AuthenticatedUser, sessionId: string, itemId: string): Promise<OutcomeVersionDto[]> {
    const manager = await this.cases.manager();
    const item = await this.sessions.item(sessionId, itemId);
    const { access } = await this.cases.situation(user, 'read', item.situationId);
    const rows = await manager.query<
      {
        id: string;
        version: number;
        summary_enc: Buffer;
        next_review_date: string | Date | null;
        recorded_by: string;
        recorded_at: Date;
        replaced_by: string;
        replaced_at: Date;
        reason_enc: Buffer;
      }[]
    >('SELECT * FROM cellule.item_outcome_version WHERE item_id = $1 ORDER BY version', [itemId]);
    const reader = await this.cases.reader([access], 'agenda_item.outcome_history');
    this.cases.record(itemEntry('agenda_item.outcome_history', item));
    return rows.map((row) => ({
      version: row.version,
      summary: reader.read<string>(access, 'item_outcome_version.summary', row.id, row.summary_enc) ?? '',
      nextReviewDate: row.next_review_date === null ? null : isoDate(row.next_review_date),
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at.toISOString(),
      replacedBy: row.replaced_by,
      replacedAt: row.replaced_at.toISOString(),
      reason: reader.read<string>(access, 'item_outcome_version.reason', row.id, row.reason_enc) ?? '',
    }));
  }

  /** The earlier versions of a préconisation, oldest first, for whoever follows it up. */
  async recommendationHistory(user: AuthenticatedUser, id: string): Promise<RecommendationVersionDto[]> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<RecommendationRow[]>('SELECT * FROM cellule.recommendation WHERE id = $1', [id]);
    const access = row ? (await this.cases.visible(user, [row.situation_id])).get(row.situation_id) : undefined;
    const audited = {
      action: 'recommendation.history',
      resourceType: 'recommendation',
      resourceId: id,
      situationId: row?.situation_id ?? null,
    };
    if (
      !row ||
      !access ||
      !(this.access.followsUp(user, access, row) || this.access.correctsSession(user, await this.sessionOf(row.item_id)))
    ) {
      this.cases.deny(audited);
      throw notFound();
    }
    const rows = await manager.query<
      {
        id: string;
        version: number;
        action_enc: Buffer;
        carrier_user_id: string | null;
        carrier_organization_id: string | null;
        due_date: string | Date;
        replaced_by: string;
        replaced_at: Date;
        reason_enc: Buffer;
      }[]
    >('SELECT * FROM cellule.recommendation_version WHERE recommendation_id = $1 ORDER BY version', [id]);
    const reader = await this.cases.reader([access], 'recommendation.history');
    this.cases.record({ ...audited, purpose: access.purpose });
    return rows.map((version) => ({
      version: version.version,
      action: reader.read<string>(access, 'recommendation_version.action', version.id, version.action_enc) ?? '',
      carrierUserId: version.carrier_user_id,
      carrierOrganizationId: version.carrier_organization_id,
      dueDate: isoDate(version.due_date),
      replacedBy: version.replaced_by,
      replacedAt: version.replaced_at.toISOString(),
      reason: reader.read<string>(access, 'recommendation_version.reason', version.id, version.reason_enc) ?? '',
    }));
  }

  /** The coordinator or the session's chair, who may read the situation; the record may then be sealed. */
  private async authorise(
    user: AuthenticatedUser,
    session: CommissionSession,
    situationId: string,
    audited: { action: string; resourceType: string; resourceId: string | null },
  ): Promise<void> {
    const access = (await this.cases.visible(user, [situationId])).get(situationId);
    if (!access) {
      this.cases.deny({ ...audited, situationId });
      throw notFound();
    }
    if (!this.access.correctsSession(user, session)) {
      this.cases.deny({ ...audited, situationId, purpose: access.purpose });
      throw new ForbiddenException('Seuls le coordonnateur et la présidence de la séance corrigent ce qu’elle a décidé.');
    }
    await this.cases.allowRecordWrite(situationId);
  }

  private async grant(user: AuthenticatedUser, situationId: string) {
    return (await this.cases.visible(user, [situationId])).get(situationId)!;
  }

  private async sessionOf(itemId: string): Promise<CommissionSession> {
    const manager = await this.cases.manager();
    const [session] = await manager.query<CommissionSession[]>(
      'SELECT s.id, s.chair_user_id AS "chairUserId", s.status FROM cellule.session s JOIN cellule.agenda_item i ON i.session_id = s.id WHERE i.id = $1',
      [itemId],
    );
    return session;
  }

  private async assertCarrier(situationId: string, carrier: { userId: string | null; organizationId: string | null }): Promise<void> {
    if (!carrier.userId && !carrier.organizationId) throw invalid('Chaque préconisation a un porteur : une personne ou une structure.');
    const manager = await this.cases.manager();
    const [{ known }] = await manager.query<{ known: boolean }[]>(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM clsm.directory_entry WHERE user_id = $1 AND active))
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM clsm.directory_organization WHERE id = $2)) AS known`,
      [carrier.userId, carrier.organizationId],
    );
    if (!known) throw invalid('Le porteur désigné est inconnu ou inactif.');
    await this.relations.assertNotRefused(situationId, {
      userIds: carrier.userId ? [carrier.userId] : [],
      organizationIds: carrier.organizationId ? [carrier.organizationId] : [],
    });
  }
}
