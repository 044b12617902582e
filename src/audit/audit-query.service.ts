import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EthicsService } from '../ethics/ethics.service.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

interface AccessRow {
  seq: string;
  actor_user_id: string;
  situation_id: string;
  recorded_at: Date;
}
import type { AnomalyReportDto, AuditEventDto, AuditEventQueryDto } from './dto/audit.dto.js';
import { AuditEventDto as EventDto } from './dto/audit.dto.js';

const DAY = 24 * 60 * 60 * 1000;
const READ_ACTIONS = ['%.read', '%.list', '%.download', '%.export', '%.search'];

/** The ethics committee's view of the trail: who did what, when and why; never any content. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly ethics: EthicsService,
    private readonly audit: AuditService,
  ) {}

  async search(query: AuditEventQueryDto): Promise<{ items: AuditEventDto[]; total: number }> {
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.actorId) builder.andWhere('event.actor_user_id = :actorId', { actorId: query.actorId });
    if (query.organizationId) builder.andWhere('event.actor_organization_id = :organizationId', { organizationId: query.organizationId });
    if (query.situationId) builder.andWhere('event.situation_id = :situationId', { situationId: query.situationId });
    if (query.situationReference)
      builder.andWhere('event.situation_id IN (SELECT s.id FROM cellule.situation s WHERE s.reference = :situationReference)', {
        situationReference: query.situationReference,
      });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.outcome) builder.andWhere('event.outcome = :outcome', { outcome: query.outcome });
    if (query.from) builder.andWhere('event.recorded_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('event.recorded_at < :to', { to: query.to });
    const [events, total] = await builder.orderBy('event.seq', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    return { items: events.map((event) => EventDto.from(event)), total };
  }

  async anomalies(from: Date, to: Date): Promise<AnomalyReportDto> {
    const deniedBursts = await this.dataSource.query<
      { actor_user_id: string | null; client_address: string | null; window_start: Date; denials: number }[]
    >(
      `SELECT actor_user_id, CASE WHEN actor_user_id IS NULL THEN client_address END AS client_address,
              date_bin('10 minutes', recorded_at, TIMESTAMPTZ 'epoch') AS window_start, count(*)::int AS denials
         FROM audit.event
        WHERE outcome = 'denied' AND recorded_at >= $1 AND recorded_at < $2
        GROUP BY 1, 2, 3 HAVING count(*) >= 5 ORDER BY window_start, denials DESC`,
      [from, to],
    );
    const unusualVolume = await this.dataSource.query<{ actor_user_id: string; day: string; reads: number; usual_daily: number }[]>(
      `WITH daily AS (
         SELECT actor_user_id, date_trunc('day', recorded_at) AS day, count(*)::int AS reads
           FROM audit.event
          WHERE actor_user_id IS NOT NULL AND outcome = 'granted' AND action LIKE ANY($3)
            AND recorded_at >= $1 AND recorded_at < $2
          GROUP BY 1, 2),
       usual AS (
         SELECT d.*, (sum(reads) OVER (PARTITION BY actor_user_id) - reads)::float
                     / GREATEST(extract(day FROM ($2::timestamptz - $1::timestamptz)) - 1, 1) AS usual_daily
           FROM daily d)
       SELECT actor_user_id, to_char(day, 'YYYY-MM-DD') AS day, reads, round(usual_daily::numeric, 1)::float AS usual_daily
         FROM usual WHERE reads >= 20 AND reads >= 3 * usual_daily ORDER BY day, reads DESC`,
      [from, to, READ_ACTIONS],
    );
    // Defence in depth: the access rules should make these impossible; the committee checks it.
    const outsideSessionWindow = await this.dataSource.query<AccessRow[]>(
      `SELECT e.seq, e.actor_user_id, e.situation_id, e.recorded_at FROM audit.event e
         JOIN cellule.agenda_item i ON e.purpose_type = 'agenda_item' AND i.id::text = e.purpose_id
         JOIN cellule.session s ON s.id = i.session_id
        WHERE e.outcome = 'granted' AND e.recorded_at >= $1 AND e.recorded_at < $2
          AND e.actor_role IS DISTINCT FROM 'coordinator'
          AND (e.action LIKE 'situation.%' OR e.action LIKE 'document.%' OR e.action LIKE 'agenda_item.%')
          AND (s.published_at IS NULL OR e.recorded_at < s.published_at
               OR e.recorded_at > s.scheduled_at + make_interval(days => $3))
        ORDER BY e.seq`,
      [from, to, this.ethics.policy.accessWindowDaysAfterSession],
    );
    // Attempts to reach a situation after the person withdrew their consent for review.
    const afterConsentWithdrawal = await this.dataSource.query<AccessRow[]>(
      `SELECT e.seq, e.actor_user_id, e.situation_id, e.recorded_at FROM audit.event e
        WHERE e.situation_id IS NOT NULL AND e.actor_user_id IS NOT NULL AND e.recorded_at >= $1 AND e.recorded_at < $2
          AND e.action LIKE 'situation.%' AND e.outcome = 'denied'
          AND EXISTS (SELECT 1 FROM cellule.consent c WHERE c.situation_id = e.situation_id AND c.purpose = 'review'
                        AND c.decision = 'withdrawn' AND c.recorded_at < e.recorded_at)
        ORDER BY e.seq`,
      [from, to],
    );
    const chain = this.audit.chainStatus();
    const access = (row: AccessRow) => ({
      seq: Number(row.seq),
      actorUserId: row.actor_user_id,
      situationId: row.situation_id,
      recordedAt: new Date(row.recorded_at).toISOString(),
    });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      auditChain: { state: chain.state, firstBroken: chain.firstBroken, checkedAt: chain.checkedAt?.toISOString() ?? null },
      accessOutsideSessionWindow: outsideSessionWindow.map(access),
      accessAfterConsentWithdrawal: afterConsentWithdrawal.map(access),
      deniedBursts: deniedBursts.map((row) => ({
        actorUserId: row.actor_user_id,
        clientAddress: row.client_address,
        windowStart: new Date(row.window_start).toISOString(),
        denials: row.denials,
      })),
      unusualVolume: unusualVolume.map((row) => ({
        actorUserId: row.actor_user_id,
        day: row.day,
        reads: row.reads,
        usualDailyReads: row.usual_daily,
      })),
    };
  }

  defaultPeriod(from?: Date, to?: Date): { from: Date; to: Date } {
    const end = to ?? new Date();
    return { from: from ?? new Date(end.getTime() - 30 * DAY), to: end };
  }
}
