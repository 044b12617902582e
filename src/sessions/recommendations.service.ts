import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SituationAccessService } from '../access/situation-access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import { conflict, notFound } from '../common/problem.js';
import { CryptoService } from '../crypto/crypto.service.js';
import { DataKeyService } from '../crypto/data-key.service.js';
import type { CloseRecommendationDto, RecommendationInputDto, RecommendationQueryDto, RecommendationViewDto } from './dto/session.dto.js';

interface RecommendationRow {
  id: string;
  situation_id: string;
  item_id: string;
  action_enc: Buffer;
  carrier_user_id: string | null;
  carrier_organization_id: string | null;
  due_date: string | Date;
  status: 'open' | 'done' | 'abandoned';
  note_enc: Buffer | null;
}


/**
 * Recommendations (préconisations) and their follow-up. A carrier who is a user may read the
 * situation while the recommendation is open; lists are scoped to the user's rights.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly access: SituationAccessService,
    private readonly crypto: CryptoService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async createWithin(manager: EntityManager, dek: Uint8Array, situationId: string, itemId: string, inputs: RecommendationInputDto[]): Promise<void> {
    for (const input of inputs) {
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cellule.recommendation (id, situation_id, item_id, action_enc, carrier_user_id, carrier_organization_id, due_date, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')`,
        [id, situationId, itemId, this.crypto.encryptJson(dek, 'recommendation.action', id, input.action), input.carrierUserId ?? null, input.carrierOrganizationId ?? null, input.dueDate],
      );
      if (input.carrierUserId) {
        await manager.query(
          `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, purpose_type, purpose_id) VALUES ($1, $2, 'recommendation_carrier', 'recommendation', $3)`,
          [situationId, input.carrierUserId, id],
        );
      }
    }
  }

  /** The recommendations of several agenda items, by item, in one query. */
  async forItems(itemIds: string[], keys: Map<string, Uint8Array>): Promise<Map<string, RecommendationViewDto[]>> {
    const rows = (await this.dataSource.query('SELECT * FROM cellule.recommendation WHERE item_id = ANY($1) ORDER BY due_date, id', [itemIds])) as RecommendationRow[];
    const byItem = new Map<string, RecommendationViewDto[]>();
    for (const row of rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), this.view(row, keys.get(row.situation_id)!)]);
    return byItem;
  }

  /** Coordinators see all; carriers what is addressed to them; pilots their situations'. */
  async list(user: AuthenticatedUser, query: RecommendationQueryDto): Promise<RecommendationViewDto[]> {
    const today = this.clock.today();
    const rows = (await this.dataSource.query(
      `SELECT r.* FROM cellule.recommendation r
        WHERE ($1 OR r.carrier_user_id = $2 OR EXISTS (
                SELECT 1 FROM cellule.situation_relation p WHERE p.situation_id = r.situation_id AND p.user_id = $2
                   AND p.relation = 'pilot' AND p.valid_from <= $3 AND (p.valid_until IS NULL OR p.valid_until > $3)))
          AND CASE $4::text WHEN 'overdue' THEN r.status = 'open' AND r.due_date < $5::date
                            WHEN 'open' THEN r.status = 'open'
                            WHEN 'done' THEN r.status = 'done'
                            ELSE TRUE END
        ORDER BY r.due_date, r.id LIMIT 500`,
      [user.roles.includes('coordinator'), user.id, this.clock.now(), query.status ?? null, today],
    )) as RecommendationRow[];
    const facts = await this.access.loadFacts([...new Set(rows.map((row) => row.situation_id))]);
    const keys = await this.dataKeys.loadMany([...facts.keys()]);
    const items: RecommendationViewDto[] = [];
    for (const row of rows) {
      // Consent, refused structures and the rest of the policy still apply to each situation.
      if (!(await this.access.decide(user, facts.get(row.situation_id)!)) || !keys.has(row.situation_id)) continue;
      items.push(this.view(row, keys.get(row.situation_id)!));
    }
    await this.audit.record(
      ...(items.length
        ? items.map((item) => ({ action: 'recommendation.list', resourceType: 'recommendation', resourceId: item.id, situationId: item.situationId, outcome: 'granted' as const }))
        : [{ action: 'recommendation.list', resourceType: 'recommendation', outcome: 'granted' as const }]),
    );
    return items;
  }

  async close(user: AuthenticatedUser, id: string, input: CloseRecommendationDto): Promise<RecommendationViewDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT * FROM cellule.recommendation WHERE id = $1 FOR UPDATE', [id])) as RecommendationRow[];
      const facts = row ? (await this.access.loadFacts([row.situation_id], manager)).get(row.situation_id) : undefined;
      const access = facts ? await this.access.decide(user, facts) : undefined;
      const entry = { action: 'recommendation.close', resourceType: 'recommendation', resourceId: id, situationId: row?.situation_id ?? null };
      if (!row || !access) {
        await this.audit.record({ ...entry, outcome: 'denied' });
        throw notFound();
      }
      const isPilot = access.purpose.type === 'pilot';
      if (!user.roles.includes('coordinator') && row.carrier_user_id !== user.id && !isPilot) {
        await this.audit.record({ ...entry, outcome: 'denied' });
        throw new ForbiddenException('Seuls le porteur, le référent ou le coordonnateur clôturent une préconisation.');
      }
      if (row.status !== 'open') throw conflict('Cette préconisation est déjà close.');
      const dek = await this.dataKeys.load(row.situation_id, manager);
      const [[updated]] = (await manager.query(
        `UPDATE cellule.recommendation SET status = $2, note_enc = $3, closed_at = $4 WHERE id = $1 RETURNING *`,
        [id, input.status, this.crypto.encryptJson(dek, 'recommendation.note', id, input.note), this.clock.now()],
      )) as [RecommendationRow[], number];
      await manager.query(
        `UPDATE cellule.situation_relation SET valid_until = $2 WHERE relation = 'recommendation_carrier' AND purpose_id = $1 AND valid_until IS NULL`,
        [id, this.clock.now()],
      );
      await this.audit.recordWithin(manager, { ...entry, outcome: 'granted', purpose: access.purpose });
      return this.view(updated, dek);
    });
  }

  private view(row: RecommendationRow, dek: Uint8Array): RecommendationViewDto {
    const dueDate = isoDate(row.due_date);
    return {
      id: row.id,
      situationId: row.situation_id,
      action: this.crypto.decryptJson<string>(dek, 'recommendation.action', row.id, row.action_enc),
      carrierUserId: row.carrier_user_id,
      carrierOrganizationId: row.carrier_organization_id,
      dueDate,
      status: row.status,
      overdue: row.status === 'open' && dueDate < this.clock.today(),
      ...(row.note_enc ? { note: this.crypto.decryptJson<string>(dek, 'recommendation.note', row.id, row.note_enc) } : {}),
    };
  }
}
