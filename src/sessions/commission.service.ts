import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
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
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async add(input: CommissionMemberInputDto): Promise<CommissionMemberDto> {
    return this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query(`SELECT 1 FROM clsm.directory_entry WHERE user_id = $1 AND active AND 'member' = ANY(roles)`, [input.userId]);
      if (!user) throw new ProblemException(422, ProblemType.validation, 'Unknown member', 'Seul un utilisateur actif ayant le rôle membre peut siéger.');
      if ((input.kind === 'substitute') !== Boolean(input.substituteFor)) {
        throw new ProblemException(422, ProblemType.validation, 'Invalid member', 'Un suppléant remplace un membre permanent (substituteFor), et lui seul.');
      }
      if (input.substituteFor) {
        const [permanent] = await manager.query(`SELECT 1 FROM cellule.commission_member WHERE id = $1 AND kind = 'permanent'`, [input.substituteFor]);
        if (!permanent) throw new ProblemException(422, ProblemType.validation, 'Invalid member', "Le membre remplacé n'est pas un membre permanent.");
      }
      const [existing] = await manager.query('SELECT 1 FROM cellule.commission_member WHERE user_id = $1', [input.userId]);
      if (existing) throw conflict('Cet utilisateur siège déjà à la commission.');
      const [row] = (await manager.query(
        `INSERT INTO cellule.commission_member (user_id, kind, substitute_for) VALUES ($1, $2, $3) RETURNING id`,
        [input.userId, input.kind, input.substituteFor ?? null],
      )) as { id: string }[];
      await this.audit.recordWithin(manager, { action: 'commission.add_member', resourceType: 'commission_member', resourceId: row.id, outcome: 'granted' });
      return this.get(row.id, manager);
    });
  }

  async list(): Promise<CommissionMemberDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.*, d.organization_id FROM cellule.commission_member m JOIN clsm.directory_entry d ON d.user_id = m.user_id ORDER BY m.kind, m.created_at`,
    )) as MemberRow[];
    await this.audit.record({ action: 'commission.list', resourceType: 'commission_member', outcome: 'granted' });
    return rows.map(view);
  }

  async setActive(id: string, active: boolean): Promise<CommissionMemberDto> {
    return this.dataSource.transaction(async (manager) => {
      const [[updated]] = (await manager.query('UPDATE cellule.commission_member SET active = $2 WHERE id = $1 RETURNING id', [id, active])) as [{ id: string }[], number];
      if (!updated) throw notFound();
      await this.audit.recordWithin(manager, { action: 'commission.update_member', resourceType: 'commission_member', resourceId: id, outcome: 'granted' });
      return this.get(id, manager);
    });
  }

  private async get(id: string, manager = this.dataSource.manager): Promise<CommissionMemberDto> {
    const [row] = (await manager.query(
      `SELECT m.*, d.organization_id FROM cellule.commission_member m JOIN clsm.directory_entry d ON d.user_id = m.user_id WHERE m.id = $1`,
      [id],
    )) as MemberRow[];
    return view(row);
  }
}
