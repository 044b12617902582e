import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { SubjectAction } from '../common/access.decorators.js';
import type { Role } from '../directory/roles.js';
import { FIELD_GROUPS, type FieldGroup, type SituationStatus } from '../situations/situation.constants.js';

/** The facts about a situation that access decisions rest on (clear columns only). */
export interface SituationFacts {
  id: string;
  status: SituationStatus;
  referrerUserId: string;
}

/** What one user may do with one situation, and why (the purpose recorded in the audit trail). */
export interface SituationAccess {
  groups: ReadonlySet<FieldGroup>;
  actions: ReadonlySet<SubjectAction>;
  /** The relation that grants access: recorded as the purpose of every audited access. */
  purpose: { type: string; id: string };
  /** Coordinators see possible duplicates; nobody else learns that another case exists. */
  seesDuplicates: boolean;
}

const ALL_GROUPS: ReadonlySet<FieldGroup> = new Set(FIELD_GROUPS);
const TERMINAL: readonly SituationStatus[] = ['rejected', 'redirected', 'closed'];

/** Which roles can ever perform an action on situations (route-level check, before any row). */
const ROLES_FOR: Record<SubjectAction, readonly Role[]> = {
  create: ['coordinator', 'referrer', 'member'],
  list: ['coordinator', 'referrer', 'member'],
  read: ['coordinator', 'referrer', 'member'],
  update: ['coordinator', 'referrer'],
  transition: ['coordinator'],
  upload_document: ['coordinator', 'referrer'],
  read_documents: ['coordinator', 'referrer', 'member'],
};

/**
 * Need-to-know access to situations: the single place that decides who sees which situation and
 * which of its field groups. Lists use `listFilter` (SQL), single reads `decide`; both apply the
 * same rules. Interim rules until the ethics policy lands: the coordinator sees every situation,
 * a referrer the situations they referred; nobody else sees any.
 */
@Injectable()
export class SituationAccessService {
  rolesFor(action: SubjectAction): readonly Role[] {
    return ROLES_FOR[action];
  }

  /** A SQL condition on the situation alias restricting a list to what the user may see. */
  listFilter(user: AuthenticatedUser, alias: string): { sql: string; params: Record<string, unknown> } {
    if (user.roles.includes('coordinator')) return { sql: 'TRUE', params: {} };
    if (user.roles.includes('referrer')) return { sql: `${alias}.referrer_user_id = :accessUserId`, params: { accessUserId: user.id } };
    return { sql: 'FALSE', params: {} };
  }

  /** undefined: the situation does not exist for this user (answer 404). */
  decide(user: AuthenticatedUser, situation: SituationFacts): SituationAccess | undefined {
    const open = !TERMINAL.includes(situation.status);
    if (user.roles.includes('coordinator')) {
      return {
        groups: ALL_GROUPS,
        actions: new Set<SubjectAction>(['read', 'list', 'read_documents', ...(open ? (['update', 'transition', 'upload_document'] as const) : [])]),
        purpose: { type: 'coordination', id: situation.id },
        seesDuplicates: true,
      };
    }
    if (user.roles.includes('referrer') && situation.referrerUserId === user.id) {
      return {
        groups: ALL_GROUPS,
        actions: new Set<SubjectAction>(['read', 'list', 'read_documents', ...(open ? (['update', 'upload_document'] as const) : [])]),
        purpose: { type: 'referral', id: situation.id },
        seesDuplicates: false,
      };
    }
    return undefined;
  }
}
