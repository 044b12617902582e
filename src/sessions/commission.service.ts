import { Injectable } from '@nestjs/common';
import { RelationsService } from '../access/relations.service.js';
import { CaseFiles } from '../casefile/case-files.js';
import type { Page } from '../common/page.dto.js';
import type { PageQueryDto } from '../common/page-query.dto.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import type { CommissionMemberDto, CommissionMemberInputDto } from './dto/session.dto.js';

interface MemberRow {
  id: string;
  user_id: string;
  organization_id: string | null;
  kind: 'permanent' | 'substitute';
  substitute_for: string | null;
  active: boolean;
}

const view = (row: MemberRow): CommissionMemberDto => ({
  id: row.id,
  userId: row.user_id,
  organizationId: row.organization_id,
  kind: row.kind,
  substituteFor: row.substitute_for,
  active: row.active,
});

/** The commission's permanent members (a user representing a structure) and their substitutes. */
@Injectable()
export class CommissionService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly relations: RelationsService,
  ) {}

  async add(input: CommissionMemberInputDto): Promise<CommissionMemberDto> {
    const manager = await this.cases.manager();
    // Who may sit: whoever the policy lets be convened to a session.
    if (!(await this.relations.maySit(input.userId)))
      throw new ProblemException(
        422,
        ProblemType.validation,
        'Unknown member',
        'Seul un utilisateur actif ayant le rôle membre peut siéger.',
      );
    if ((input.kind === 'substitute') !== Boolean(input.substituteFor)) {
      throw new ProblemException(
        422,
        ProblemType.validation,
        'Invalid member',
        'Un suppléant remplace un membre permanent (substituteFor), et lui seul.',
      );
    }
    if (input.substituteFor) {
      const [permanent] = await manager.query<unknown[]>(`SELECT 1 FROM cellule.commission_member WHERE id = $1 AND kind = 'permanent'`, [
        input.substituteFor,
      ]);
      if (!permanent)
        throw new ProblemException(422, ProblemType.validation, 'Invalid member', "Le membre remplacé n'est pas un membre permanent.");
    }
    const [existing] = await manager.query<unknown[]>('SELECT 1 FROM cellule.commission_member WHERE user_id = $1', [input.userId]);
    if (existing) throw conflict('Cet utilisateur siège déjà à la commission.');
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO cellule.commission_member (user_id, kind, substitute_for) VALUES ($1, $2, $3) RETURNING id`,
      [input.userId, input.kind, input.substituteFor ?? null],
    );
    this.cases.record({ action: 'commission.add_member', resourceType: 'commission_member', resourceId: row.id });
    return this.get(row.id);
  }

  /** Permanent members first, then substitutes, by seniority; paged. */
  async list(query: PageQueryDto): Promise<Page<CommissionMemberDto>> {
    const manager = await this.cases.manager();
    const rows = await manager.query<(MemberRow & { total: number })[]>(
      `SELECT m.*, d.organization_id, count(*) OVER ()::int AS total FROM cellule.commission_member m JOIN clsm.directory_entry d ON d.user_id = m.user_id
        ORDER BY m.kind, m.created_at, m.id LIMIT $1 OFFSET $2`,
      [query.limit, query.offset],
    );
    const total =
      rows[0]?.total ??
      Number((await manager.query<{ total: number }[]>('SELECT count(*)::int AS total FROM cellule.commission_member'))[0].total);
    this.cases.record({ action: 'commission.list', resourceType: 'commission_member' });
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  async setActive(id: string, active: boolean): Promise<CommissionMemberDto> {
    const manager = await this.cases.manager();
    const [[updated]] = await manager.query<[{ id: string }[], number]>(
      'UPDATE cellule.commission_member SET active = $2 WHERE id = $1 RETURNING id',
      [id, active],
    );
    if (!updated) throw notFound();
    this.cases.record({ action: 'commission.update_member', resourceType: 'commission_member', resourceId: id });
    return this.get(id);
  }

  private async get(id: string): Promise<CommissionMemberDto> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<MemberRow[]>(
      `SELECT m.*, d.organization_id FROM cellule.commission_member m JOIN clsm.directory_entry d ON d.user_id = m.user_id WHERE m.id = $1`,
      [id],
    );
    return view(row);
  }
}
