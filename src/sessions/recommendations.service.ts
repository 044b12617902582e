import { ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService, type FieldGrant } from '../access/access.service.js';
import { RelationsService } from '../access/relations.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles, type FieldReader } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import type { Page } from '../common/page.dto.js';
import { conflict, notFound } from '../common/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CloseRecommendationDto, RecommendationInputDto, RecommendationQueryDto, RecommendationViewDto } from './dto/session.dto.js';

export interface RecommendationRow {
  id: string;
  situation_id: string;
  item_id: string;
  action_enc: Buffer;
  carrier_user_id: string | null;
  carrier_organization_id: string | null;
  due_date: string | Date;
  status: 'open' | 'done' | 'abandoned' | 'transferred';
  note_enc: Buffer | null;
  closed_by: string | null;
  closed_at: Date | null;
  version: number;
}

/** A row read with RECOMMENDATION_WITH_REFERENCE: what a view is built from. */
type RecommendationViewRow = RecommendationRow & { situation_reference: string };

/** A préconisation with its situation's case reference (the console shows it, never a name). */
const RECOMMENDATION_WITH_REFERENCE = `SELECT r.*, situation.reference AS situation_reference
  FROM cellule.recommendation r JOIN cellule.situation situation ON situation.id = r.situation_id`;

/**
 * Recommendations (préconisations) and their follow-up. A carrier who is a user may read the
 * situation while the recommendation is open; lists show the préconisations of the situations the
 * user may list, through the same access rules as everything else.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly relations: RelationsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** Records the préconisations of an outcome, on a situation the caller authorised for writing. */
  async createWithin(situationId: string, itemId: string, inputs: RecommendationInputDto[]): Promise<void> {
    const manager = await this.cases.manager();
    await this.relations.assertNotRefused(situationId, {
      userIds: inputs.flatMap((input) => (input.carrierUserId ? [input.carrierUserId] : [])),
      organizationIds: inputs.flatMap((input) => (input.carrierOrganizationId ? [input.carrierOrganizationId] : [])),
    });
    for (const input of inputs) {
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cellule.recommendation (id, situation_id, item_id, action_enc, carrier_user_id, carrier_organization_id, due_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')`,
        [
          id,
          situationId,
          itemId,
          await this.cases.seal(situationId, 'recommendation.action', id, input.action),
          input.carrierUserId ?? null,
          input.carrierOrganizationId ?? null,
          input.dueDate,
        ],
      );
      const carriers = await this.relations.addCarrier(
        situationId,
        { userId: input.carrierUserId, organizationId: input.carrierOrganizationId },
        id,
      );
      await this.announce(
        situationId,
        { userId: input.carrierUserId, organizationId: input.carrierOrganizationId },
        input.dueDate,
        carriers,
      );
    }
  }

  /**
   * Tells the carrier person, and the members of the carrier structure who now follow it (as the
   * policy grants; `carriers` from RelationsService.addCarrier), but the person named, that a
   * préconisation is theirs. A side left out (null) is not told.
   */
  async announce(
    situationId: string,
    carrier: { userId?: string | null; organizationId?: string | null },
    dueDate: string,
    carriers: string[],
  ): Promise<void> {
    const link = `/situations/${situationId}`;
    await this.notifications.notify([carrier.userId], {
      kind: 'recommendation.assigned',
      message: `Une préconisation vous est confiée, à échéance du ${frenchDate(dueDate)}.`,
      situationId,
      link,
    });
    if (!carrier.organizationId) return;
    await this.notifications.notify(
      carriers.filter((userId) => userId !== carrier.userId),
      {
        kind: 'recommendation.assigned_to_structure',
        message: `Une préconisation est confiée à votre structure, à échéance du ${frenchDate(dueDate)}.`,
        situationId,
        link,
      },
    );
  }

  /** The recommendations of several agenda items, by item, in one query, read through each item's grant. */
  async forItems(itemIds: string[], grants: Map<string, FieldGrant>, reader: FieldReader): Promise<Map<string, RecommendationViewDto[]>> {
    const manager = await this.cases.manager();
    const rows = await manager.query<RecommendationViewRow[]>(
      `${RECOMMENDATION_WITH_REFERENCE} WHERE r.item_id = ANY($1) ORDER BY r.due_date, r.id`,
      [itemIds],
    );
    const byItem = new Map<string, RecommendationViewDto[]>();
    for (const row of rows) {
      const grant = grants.get(row.situation_id);
      if (grant) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), this.view(row, grant, reader)]);
    }
    return byItem;
  }

  /**
   * The préconisations the user follows up, among the situations they may list, by due date,
   * paged after the per-row decision (so that `total` counts only what the user may see).
   */
  async list(user: AuthenticatedUser, query: RecommendationQueryDto): Promise<Page<RecommendationViewDto>> {
    const manager = await this.cases.manager();
    const status = query.status === 'overdue' ? 'open' : (query.status ?? null);
    const filter = await this.access.listCondition(user, [status, query.status === 'overdue' ? this.clock.today() : null]);
    const rows = await manager.query<RecommendationViewRow[]>(
      `${RECOMMENDATION_WITH_REFERENCE}
        WHERE (${filter.sql}) AND ($1::text IS NULL OR r.status = $1) AND ($2::date IS NULL OR r.due_date < $2)
        ORDER BY r.due_date, r.id LIMIT 2000`,
      filter.params,
    );
    const visible = await this.cases.visible(user, [...new Set(rows.map((row) => row.situation_id))]);
    const followed = rows.filter((row) => {
      const access = visible.get(row.situation_id);
      return access && this.access.followsUp(user, access, row);
    });
    const page = followed.slice(query.offset, query.offset + query.limit);
    const reader = await this.cases.reader(
      [...new Set(page.map((row) => row.situation_id))].map((id) => visible.get(id)!),
      'recommendation.list',
    );
    const items = page
      .filter((row) => !reader.destroyed(row.situation_id))
      .map((row) => this.view(row, visible.get(row.situation_id)!, reader));
    this.cases.record(
      ...(items.length
        ? items.map((item) => ({
            action: 'recommendation.list',
            resourceType: 'recommendation',
            resourceId: item.id,
            situationId: item.situationId,
          }))
        : [{ action: 'recommendation.list', resourceType: 'recommendation' }]),
    );
    return { items, total: followed.length, limit: query.limit, offset: query.offset };
  }

  /** One préconisation as the user reads it (after a write they were authorised for). */
  async read(user: AuthenticatedUser, id: string): Promise<RecommendationViewDto> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<RecommendationViewRow[]>(`${RECOMMENDATION_WITH_REFERENCE} WHERE r.id = $1`, [id]);
    const access = (await this.cases.visible(user, [row.situation_id])).get(row.situation_id);
    if (!access) throw notFound();
    return this.view(row, access, await this.cases.reader([access], 'recommendation.read'));
  }

  /** The carrier, the référent or whoever manages préconisations closes one, with a note. */
  async close(user: AuthenticatedUser, id: string, input: CloseRecommendationDto): Promise<RecommendationViewDto> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<RecommendationViewRow[]>(`${RECOMMENDATION_WITH_REFERENCE} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    const access = row ? (await this.cases.visible(user, [row.situation_id])).get(row.situation_id) : undefined;
    const audited = {
      action: 'recommendation.close',
      resourceType: 'recommendation',
      resourceId: id,
      situationId: row?.situation_id ?? null,
    };
    if (!row || !access) {
      this.cases.deny(audited);
      throw notFound();
    }
    if (!this.access.followsUp(user, access, row)) {
      this.cases.deny({ ...audited, purpose: access.purpose });
      throw new ForbiddenException(
        'Seuls le porteur (la personne ou un membre de la structure désignée), le référent ou le coordonnateur clôturent une préconisation.',
      );
    }
    if (row.status !== 'open') throw conflict('Cette préconisation est déjà close.');
    await this.cases.allowRecordWrite(row.situation_id);
    const [[updated]] = await manager.query<[RecommendationRow[], number]>(
      `UPDATE cellule.recommendation SET status = $2, note_enc = $3, closed_at = $4, closed_by = $5 WHERE id = $1 RETURNING *`,
      [id, input.status, await this.cases.seal(row.situation_id, 'recommendation.note', id, input.note), this.clock.now(), user.id],
    );
    await this.relations.endCarrier(id);
    this.cases.record({ ...audited, purpose: access.purpose });
    return this.view(
      { ...updated, situation_reference: row.situation_reference },
      access,
      await this.cases.reader([access], 'recommendation.close'),
    );
  }

  private view(row: RecommendationViewRow, grant: FieldGrant, reader: FieldReader): RecommendationViewDto {
    const dueDate = isoDate(row.due_date);
    const note = reader.read<string>(grant, 'recommendation.note', row.id, row.note_enc);
    return {
      id: row.id,
      situationId: row.situation_id,
      situationReference: row.situation_reference,
      action: reader.read<string>(grant, 'recommendation.action', row.id, row.action_enc) ?? '',
      carrierUserId: row.carrier_user_id,
      carrierOrganizationId: row.carrier_organization_id,
      dueDate,
      status: row.status,
      version: row.version,
      ...(row.closed_by ? { closedBy: row.closed_by, closedAt: row.closed_at!.toISOString() } : {}),
      overdue: row.status === 'open' && dueDate < this.clock.today(),
      ...(note !== undefined ? { note } : {}),
    };
  }
}

/** 2027-03-01 → 01/03/2027. */
const frenchDate = (date: string) => date.split('-').reverse().join('/');
