import { SetMetadata } from '@nestjs/common';
import type { Role } from '../directory/roles.js';

export const ACCESS_METADATA = 'clsm:access';

/**
 * What a route requires. Every route declares exactly one; the global AccessGuard refuses any
 * route without a declaration, and a test fails on it.
 */
export type AccessRequirement =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'second_factor' }
  | { kind: 'roles'; roles: readonly Role[]; charter?: boolean }
  | { kind: 'subject'; action: SubjectAction | SessionAction; subject: Subject };

/** Case data: the subjects whose access the ethics charter governs, row by row. */
export type Subject = 'Situation' | 'Session' | 'Recommendation' | 'Referral' | 'Statistics' | 'RightsRequest' | 'Retention';
/** Sessions and recommendations: `manage` is the coordinator's; reads are filtered row by row. */
export type SessionAction = 'list' | 'read' | 'manage' | 'update';
export type SubjectAction =
  | 'create'
  | 'list'
  | 'read'
  | 'update'
  | 'transition'
  | 'upload_document'
  | 'read_documents'
  | 'read_consents'
  | 'record_consent'
  | 'designate_pilot'
  | 'refer'
  | 'subject_access'
  | 'object'
  | 'restrict';

/** Reachable without a token (login, refresh, health, docs). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRequirement);

/** Any signed-in, active user (their own profile, logging out). */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRequirement);

/**
 * The second-factor step of sign-in: the short-lived token POST /api/auth/login gives (and nothing
 * else accepts), or an access token for a signed-in user setting up their factor.
 */
export const SecondFactorStep = () => SetMetadata(ACCESS_METADATA, { kind: 'second_factor' } satisfies AccessRequirement);

/**
 * A signed-in user holding one of these roles who accepted the charter in force (the ethics
 * committee's audit and approvals: charter, article 6, binds them like every participant).
 */
export const RequireRolesUnderCharter = (...roles: Role[]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'roles', roles, charter: true } satisfies AccessRequirement);

/** A signed-in user holding at least one of these roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRequirement);

/**
 * An action on case data. The guard authenticates and refuses (404, audited) a caller whose roles
 * can never perform it; the feature service then decides row by row through the access module.
 */
export function Authorize(action: SubjectAction, subject: 'Situation'): ReturnType<typeof SetMetadata>;
export function Authorize(
  action: SessionAction,
  subject: 'Session' | 'Recommendation' | 'Referral' | 'Statistics' | 'RightsRequest' | 'Retention',
): ReturnType<typeof SetMetadata>;
export function Authorize(action: SubjectAction | SessionAction, subject: Subject) {
  return SetMetadata(ACCESS_METADATA, { kind: 'subject', action, subject } satisfies AccessRequirement);
}
