import { ForbiddenException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Page } from '../common/page.dto.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { caseRoles, ETHICS, type EthicsPolicy, wideningPart } from '../ethics/policy.js';
import type { AccessChangeDto, AccessChangeQueryDto } from './dto/access-change.dto.js';
import type { ProfessionalCategory, Role } from './roles.js';

interface ChangeRow {
  id: string;
  user_id: string;
  display_name: string;
  add_roles: Role[];
  professional_category: ProfessionalCategory | null;
  organization_id: string | null;
  requested_by: string | null;
  requested_at: Date;
  status: AccessChangeDto['status'];
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

const unprocessable = (detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Séparation des fonctions', detail);

/**
 * Separation of duties (charter, article 8): the technical administrator and the ethics committee
 * never hold a case role; nobody changes their own roles or category; a change that widens access
 * to case content or to the audit trail waits for a member of the ethics committee, neither its
 * author nor its subject. Pending changes, approvals and refusals are audited.
 */
@Injectable()
export class AccessChangesService {
  private readonly policy: EthicsPolicy;

  constructor(
    @Inject(ETHICS) ethics: { policy: EthicsPolicy },
    @InjectDataSource('general') private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.policy = ethics.policy;
  }

  /** Refuses role sets that mix duties: admin, ethics and case roles exclude one another. */
  assertSeparateDuties(roles: Role[]): void {
    const duties = new Set(
      roles.map((role) => (role === 'admin' || role === 'ethics' ? role : caseRoles(this.policy).includes(role) ? 'case' : role)),
    );
    if (roles.includes('admin') && duties.size > 1)
      throw unprocessable("Le rôle d'administrateur technique ne se cumule avec aucun autre rôle.");
    if (roles.includes('ethics') && duties.size > 1) throw unprocessable("Un membre du comité d'éthique ne tient aucun autre rôle.");
  }

  /** Nobody widens or narrows their own access, even an administrator. */
  assertNotSelf(actor: AuthenticatedUser, userId: string): void {
    if (actor.id === userId)
      throw new ForbiddenException(
        'Vous ne pouvez pas modifier votre propre compte (rôles, catégorie professionnelle, structure) : un autre administrateur le fait.',
      );
  }

  /**
   * Splits an account change: what may apply now, and what widens access and is recorded as
   * pending (in the caller's transaction). Returns the roles and category to apply now.
   */
  async split(
    manager: EntityManager,
    actor: AuthenticatedUser | null,
    userId: string,
    before: { roles: Role[]; professionalCategory: ProfessionalCategory | null; organizationId: string | null },
    after: { roles: Role[]; professionalCategory: ProfessionalCategory; organizationId: string | null },
  ): Promise<{ roles: Role[]; professionalCategory: ProfessionalCategory; organizationId: string | null; pending: string | null }> {
    const widening = wideningPart(this.policy, before, after);
    // The first member of the ethics committee has nobody to approve them: recorded, and applied.
    const bootstrap = widening.addRoles.length === 1 && widening.addRoles[0] === 'ethics' && !(await this.hasActiveEthicsMember(manager));
    if (bootstrap || (widening.addRoles.length === 0 && widening.professionalCategory === null && widening.organizationId === null)) {
      return { ...after, pending: null };
    }
    await manager.query(
      `UPDATE clsm.access_change SET status = 'withdrawn', decided_at = now() WHERE user_id = $1 AND status = 'pending'`,
      [userId],
    );
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO clsm.access_change (user_id, add_roles, professional_category, organization_id, requested_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, widening.addRoles, widening.professionalCategory, widening.organizationId, actor?.id ?? null],
    );
    await this.audit.recordWithin(manager, {
      action: 'access_change.request',
      resourceType: 'access_change',
      resourceId: row.id,
      outcome: 'granted',
    });
    return {
      roles: after.roles.filter((role) => !widening.addRoles.includes(role)),
      professionalCategory: widening.professionalCategory
        ? (before.professionalCategory ?? after.professionalCategory)
        : after.professionalCategory,
      organizationId: widening.organizationId ? before.organizationId : after.organizationId,
      pending: row.id,
    };
  }

  async list(query: AccessChangeQueryDto): Promise<Page<AccessChangeDto>> {
    const rows = await this.dataSource.query<(ChangeRow & { total: number })[]>(
      `SELECT c.*, u.display_name, count(*) OVER ()::int AS total FROM clsm.access_change c JOIN clsm.user_account u ON u.id = c.user_id
        WHERE $1::text IS NULL OR c.status = $1 ORDER BY c.requested_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
      [query.status ?? null, query.limit, query.offset],
    );
    await this.audit.record({ action: 'access_change.list', resourceType: 'access_change', outcome: 'granted' });
    return { items: rows.map(view), total: rows[0]?.total ?? 0, limit: query.limit, offset: query.offset };
  }

  async decide(actor: AuthenticatedUser, id: string, approve: boolean, reason: string | undefined): Promise<AccessChangeDto> {
    if (!approve && !reason) throw unprocessable('Motivez le refus (reason).');
    return this.dataSource.transaction(async (manager) => {
      const [change] = await manager.query<ChangeRow[]>('SELECT * FROM clsm.access_change WHERE id = $1 FOR UPDATE', [id]);
      if (!change) throw notFound();
      if (change.status !== 'pending') throw conflict('Cette demande a déjà été traitée.');
      if (change.user_id === actor.id || change.requested_by === actor.id) {
        await this.audit.recordWithin(manager, {
          action: 'access_change.decide',
          resourceType: 'access_change',
          resourceId: id,
          outcome: 'denied',
        });
        throw new ForbiddenException(
          "Une demande se décide par un autre membre du comité d'éthique que son auteur ou la personne concernée.",
        );
      }
      if (approve) {
        const [user] = await manager.query<{ roles: Role[] }[]>('SELECT roles FROM clsm.user_account WHERE id = $1 FOR UPDATE', [
          change.user_id,
        ]);
        const roles = [...new Set([...user.roles, ...change.add_roles])];
        this.assertSeparateDuties(roles);
        await manager.query(
          `UPDATE clsm.user_account SET roles = $2, professional_category = coalesce($3, professional_category),
                  organization_id = coalesce($4, organization_id), updated_at = now() WHERE id = $1`,
          [change.user_id, roles, change.professional_category, change.organization_id],
        );
      }
      const [[row]] = await manager.query<[ChangeRow[], number]>(
        `UPDATE clsm.access_change SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4 WHERE id = $1
         RETURNING *, (SELECT display_name FROM clsm.user_account WHERE id = user_id)`,
        [id, approve ? 'approved' : 'refused', actor.id, reason ?? null],
      );
      await this.audit.recordWithin(manager, {
        action: approve ? 'access_change.approve' : 'access_change.refuse',
        resourceType: 'access_change',
        resourceId: id,
        outcome: 'granted',
      });
      return view(row);
    });
  }

  private async hasActiveEthicsMember(manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(`SELECT 1 FROM clsm.user_account WHERE active AND 'ethics' = ANY(roles) LIMIT 1`);
    return row !== undefined;
  }
}

function view(row: ChangeRow): AccessChangeDto {
  return {
    id: row.id,
    userId: row.user_id,
    userDisplayName: row.display_name,
    addRoles: row.add_roles,
    professionalCategory: row.professional_category,
    organizationId: row.organization_id,
    requestedBy: row.requested_by,
    requestedAt: new Date(row.requested_at).toISOString(),
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decisionReason: row.decision_reason,
  };
}
