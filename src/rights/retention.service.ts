import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound } from '../common/problem.js';
import { runInContext } from '../common/request-context.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ETHICS, type EthicsPolicy } from '../ethics/policy.js';

export interface DueSituation {
  situationId: string;
  reference: string;
  status: 'closed' | 'rejected' | 'redirected';
  endedAt: string;
  destroyOn: string;
}

/**
 * Retention that destroys (charter, article 10; periods in ethics/policy.yaml, retention.periods):
 * a closed, rejected or redirected situation whose period has run out since it ended is
 * crypto-shredded through the case-file path, unless a legal hold suspends it. The tombstone stays
 * and the statistics still count it. Each destruction is audited. Run by `npm run cli --
 * apply-retention` and daily by the job queue (src/jobs/daily-jobs.service.ts).
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly cases: CaseFiles,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(ETHICS) private readonly ethics: { policy: EthicsPolicy },
  ) {}

  /** Situations whose destruction date falls before `until`, not destroyed yet and not held. */
  async due(until: Date): Promise<DueSituation[]> {
    const manager = await this.cases.manager();
    const periods = this.ethics.policy.retentionPeriods;
    const rows = await manager.query<{ id: string; reference: string; status: DueSituation['status']; ended_at: Date; destroy_on: Date }[]>(
      `WITH ended AS (
         SELECT s.id, s.reference, s.status,
                (SELECT max(t.at) FROM cellule.situation_transition t WHERE t.situation_id = s.id AND t.to_status = s.status) AS ended_at
           FROM cellule.situation s JOIN cellule.situation_key k ON k.situation_id = s.id AND k.wrapped_dek IS NOT NULL
          WHERE s.status IN ('closed', 'rejected', 'redirected') AND s.destroyed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM cellule.legal_hold h WHERE h.situation_id = s.id AND h.lifted_at IS NULL))
       SELECT id, reference, status, ended_at,
              ended_at + make_interval(days => CASE status WHEN 'closed' THEN $1::int WHEN 'rejected' THEN $2::int ELSE $3::int END) AS destroy_on
         FROM ended
        WHERE ended_at IS NOT NULL
          AND ended_at + make_interval(days => CASE status WHEN 'closed' THEN $1::int WHEN 'rejected' THEN $2::int ELSE $3::int END) <= $4
        ORDER BY destroy_on, id`,
      [periods.closed_situation.days, periods.rejected_situation.days, periods.redirected_situation.days, until],
    );
    return rows.map((row) => ({
      situationId: row.id,
      reference: row.reference,
      status: row.status,
      endedAt: row.ended_at.toISOString(),
      destroyOn: row.destroy_on.toISOString(),
    }));
  }

  /** Destroys every situation due at `asOf` (now), in the current unit of work; returns their ids. */
  async apply(asOf: Date = this.clock.now()): Promise<string[]> {
    const due = await this.due(asOf);
    for (const situation of due) {
      await this.cases.shred(situation.situationId);
      this.cases.record({
        action: 'situation.destroy',
        resourceType: 'situation',
        resourceId: situation.situationId,
        situationId: situation.situationId,
        purpose: { type: 'retention', id: situation.status },
      });
    }
    if (due.length > 0) this.logger.log({ destroyed: due.length }, 'retention applied');
    return due.map((situation) => situation.situationId);
  }

  /** A legal hold suspends destruction until lifted; its reason names a procedure, never the person. */
  async placeHold(situationId: string, reason: string, userId: string | null): Promise<string> {
    const manager = await this.cases.manager();
    const id = randomUUID();
    await manager.query('INSERT INTO cellule.legal_hold (id, situation_id, reason, placed_by) VALUES ($1, $2, $3, $4)', [
      id,
      situationId,
      reason,
      userId,
    ]);
    this.cases.record({ action: 'legal_hold.place', resourceType: 'legal_hold', resourceId: id, situationId });
    return id;
  }

  async liftHold(holdId: string, userId: string): Promise<void> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<{ situation_id: string }[]>(
      'UPDATE cellule.legal_hold SET lifted_at = now(), lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL RETURNING situation_id',
      [holdId, userId],
    );
    if (row)
      this.cases.record({ action: 'legal_hold.lift', resourceType: 'legal_hold', resourceId: holdId, situationId: row.situation_id });
  }

  /** The register's view: due by a day (default today), references and dates only, audited as one list. */
  async dueBy(until: string | undefined): Promise<DueSituation[]> {
    const end = until ? new Date(`${until}T23:59:59.999`) : this.clock.now();
    const due = await this.due(end);
    this.cases.record({ action: 'retention.due_list', resourceType: 'retention' });
    return due;
  }

  async activeHolds(): Promise<{ id: string; situationId: string; reference: string; reason: string; placedAt: string }[]> {
    const manager = await this.cases.manager();
    const rows = await manager.query<{ id: string; situation_id: string; reference: string; reason: string; placed_at: Date }[]>(
      `SELECT h.id, h.situation_id, s.reference, h.reason, h.placed_at FROM cellule.legal_hold h
         JOIN cellule.situation s ON s.id = h.situation_id WHERE h.lifted_at IS NULL ORDER BY h.placed_at, h.id`,
    );
    this.cases.record({ action: 'legal_hold.list', resourceType: 'legal_hold' });
    return rows.map((row) => ({
      id: row.id,
      situationId: row.situation_id,
      reference: row.reference,
      reason: row.reason,
      placedAt: row.placed_at.toISOString(),
    }));
  }

  /** Places a hold on a situation the coordinator may see; one active hold per situation (409 otherwise). */
  async hold(user: { id: string } & Parameters<CaseFiles['situation']>[0], situationId: string, reason: string) {
    const { situation } = await this.cases.situation(user, 'read', situationId);
    const manager = await this.cases.manager();
    const [active] = await manager.query<{ id: string }[]>(
      'SELECT id FROM cellule.legal_hold WHERE situation_id = $1 AND lifted_at IS NULL',
      [situationId],
    );
    if (active) throw conflict('Ce dossier est déjà sous conservation légale : levez la mesure en cours avant d’en poser une autre.');
    const id = await this.placeHold(situationId, reason, user.id);
    const [row] = await manager.query<{ placed_at: Date }[]>('SELECT placed_at FROM cellule.legal_hold WHERE id = $1', [id]);
    return { id, situationId, reference: situation.reference, reason, placedAt: row.placed_at.toISOString() };
  }

  async lift(user: { id: string }, holdId: string): Promise<void> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<{ id: string }[]>('SELECT id FROM cellule.legal_hold WHERE id = $1 AND lifted_at IS NULL', [holdId]);
    if (!row) throw notFound('Aucune conservation légale en cours sous cet identifiant.');
    await this.liftHold(holdId, user.id);
  }

  /** The command line's and the daily job's entry: one unit of work of its own, committed with its audit entries. */
  runOnce(asOf?: Date): Promise<string[]> {
    return runInContext({ requestId: `retention-${randomUUID()}`, clientAddress: null }, () => this.uow.run(true, () => this.apply(asOf)));
  }
}
