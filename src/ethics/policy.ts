import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { SubjectAction } from '../common/access.decorators.js';
import { PROFESSIONAL_CATEGORIES, ROLES, type ProfessionalCategory, type Role } from '../directory/roles.js';
import { FIELD_GROUPS, type FieldGroup } from '../situations/situation.constants.js';

/** Injection token of the loaded { policy, charter } (pure data: the general side may read it). */
export const ETHICS = Symbol('ETHICS');

export const SITUATION_ACTIONS: readonly SubjectAction[] = [
  'create',
  'list',
  'read',
  'update',
  'transition',
  'upload_document',
  'read_documents',
  'read_consents',
  'record_consent',
  'designate_pilot',
  'refer',
  'subject_access',
  'object',
  'restrict',
];
export const RELATIONS = ['referrer', 'pilot', 'convened_member', 'invitee', 'recommendation_carrier', 'dac_contact'] as const;
export type Relation = (typeof RELATIONS)[number];
export const CONSENT_PURPOSES = ['review', 'dac_transmission', 'attendance'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface Grant {
  name: string;
  article: number;
  role: Role;
  /** all: every situation; none: no situation (e.g. create only); otherwise through `relation`. */
  scope?: 'all' | 'none';
  relation?: Relation;
  actions: SubjectAction[];
  requiresReviewConsent: boolean;
  respectsRefusedStructures: boolean;
  /** Shown the possible duplicates of a saisine (the coordination only). */
  seesDuplicates: boolean;
}

/** The commission's other subjects (sessions, préconisations, DAC referrals) and who may use them. */
export const POLICY_SUBJECTS = ['Session', 'Recommendation', 'Referral', 'Statistics', 'RightsRequest', 'Retention'] as const;
export type PolicySubject = (typeof POLICY_SUBJECTS)[number];
export interface SubjectRule {
  article: number;
  manage: Role[];
  takePart: Role[];
  counterpart: Role[];
  /** Reads without taking part in case work (the ethics committee's oversight): never content. */
  oversight: Role[];
}

export interface EthicsPolicy {
  version: string;
  charterVersion: string;
  /** Declared version plus a hash of the file: recorded in every audit entry. */
  fingerprint: string;
  fieldGroups: Record<FieldGroup, { article: number; readers: ProfessionalCategory[] }>;
  grants: Grant[];
  subjects: Record<PolicySubject, SubjectRule>;
  consentPurposes: Record<ConsentPurpose, { article: number; unlocks: string[] }>;
  accessWindowDaysAfterSession: number;
  retentionClosedSituationDays: number;
  /** Per kind of record: days kept after the named event, and the article that sets it. */
  retentionPeriods: Record<RetentionKind, RetentionPeriod>;
  statisticsMinimumCount: number;
  /** The person's objection (RGPD art. 21) and restriction (art. 18), as access rules. */
  rightsMeasures: RightsMeasures;
  /** The record of processing activities (rendered into ethics/registre.md). */
  register: ProcessingRegister;
}

export const RETENTION_KINDS = [
  'closed_situation',
  'rejected_situation',
  'redirected_situation',
  'refused_saisine',
  'consent_proof',
  'document',
  'notification',
  'rights_request',
  'audit_trail',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export interface RetentionPeriod {
  article: number;
  days: number;
  after: string;
}

export interface ProcessingRegister {
  article: number;
  controller: string;
  purposes: { article: number; name: string; legalBasis: string }[];
  persons: string[];
  dpiaCriteria: string[];
  hosting: string;
}

export interface RightsMeasures {
  /** While a restriction holds: only `readers` see the file, and only `actions` remain (for everyone). */
  restriction: { article: number; readers: Role[]; actions: SubjectAction[] };
  /** Once the person objected: grants through `endsRelations` no longer open the file; `refusedActions` are refused. */
  objection: { article: number; endsRelations: Relation[]; refusedActions: SubjectAction[] };
}

export interface Charter {
  version: string;
  text: string;
}

export class PolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid ethics policy:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PolicyError';
  }
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads and validates ethics/policy.yaml and ethics/charter.md. Every problem is collected and
 * reported with its path; any problem stops the service (nothing runs under a half-read policy).
 */
export function loadEthics(directory: string): { policy: EthicsPolicy; charter: Charter } {
  const problems: string[] = [];
  const read = (file: string) => {
    try {
      return readFileSync(path.join(directory, file), 'utf8');
    } catch {
      throw new PolicyError([`${file}: cannot be read in ${directory}`]);
    }
  };
  const policyText = read('policy.yaml');
  const charterText = read('charter.md');
  let raw: unknown;
  try {
    raw = parse(policyText);
  } catch (error) {
    throw new PolicyError([`policy.yaml: not valid YAML (${(error as Error).message.split('\n')[0]})`]);
  }
  if (!isObject(raw)) throw new PolicyError(['policy.yaml: must be a mapping']);

  const article = (where: string, value: Raw) => {
    if (!Number.isInteger(value.article) || (value.article as number) < 1) {
      problems.push(`${where}.article: every rule must name the charter article it implements`);
      return 0;
    }
    return value.article as number;
  };
  const stringField = (where: string, value: unknown) => {
    if (typeof value !== 'string' || value.length === 0) problems.push(`${where}: must be a non-empty string`);
    return String(value);
  };
  const knownKeys = (where: string, value: Raw, keys: string[]) => {
    for (const key of Object.keys(value)) if (!keys.includes(key)) problems.push(`${where}.${key}: unknown key`);
  };
  knownKeys('policy', raw, [
    'version',
    'charter_version',
    'field_groups',
    'grants',
    'subjects',
    'consent_purposes',
    'access_window',
    'retention',
    'statistics',
    'rights_measures',
    'register',
  ]);

  const version = stringField('version', raw.version);
  const charterVersion = stringField('charter_version', raw.charter_version);

  const fieldGroups = {} as EthicsPolicy['fieldGroups'];
  const rawGroups = isObject(raw.field_groups) ? raw.field_groups : {};
  for (const group of FIELD_GROUPS) {
    const value = rawGroups[group];
    if (!isObject(value)) {
      problems.push(`field_groups.${group}: missing`);
      continue;
    }
    const readers = Array.isArray(value.readers) ? (value.readers as string[]) : [];
    for (const reader of readers) {
      if (!(PROFESSIONAL_CATEGORIES as readonly string[]).includes(reader))
        problems.push(`field_groups.${group}.readers: unknown professional category "${reader}"`);
    }
    fieldGroups[group] = { article: article(`field_groups.${group}`, value), readers: readers as ProfessionalCategory[] };
  }
  for (const group of Object.keys(rawGroups)) {
    if (!(FIELD_GROUPS as readonly string[]).includes(group)) problems.push(`field_groups.${group}: unknown field group`);
  }

  const grants: Grant[] = [];
  const rawGrants = Array.isArray(raw.grants) ? raw.grants : [];
  if (rawGrants.length === 0) problems.push('grants: at least one grant is required');
  rawGrants.forEach((value: unknown, index: number) => {
    const where = `grants[${index}]`;
    if (!isObject(value)) return void problems.push(`${where}: must be a mapping`);
    knownKeys(where, value, [
      'name',
      'article',
      'role',
      'scope',
      'relation',
      'actions',
      'requires_review_consent',
      'respects_refused_structures',
      'sees_duplicates',
    ]);
    if (!(ROLES as readonly string[]).includes(value.role as string)) problems.push(`${where}.role: unknown role "${String(value.role)}"`);
    if (value.role === 'admin' || value.role === 'ethics')
      problems.push(`${where}.role: ${String(value.role)} never reads situation content (article 5)`);
    const hasScope = value.scope !== undefined;
    const hasRelation = value.relation !== undefined;
    if (hasScope === hasRelation) problems.push(`${where}: exactly one of scope (all, none) or relation is required`);
    if (hasScope && value.scope !== 'all' && value.scope !== 'none') problems.push(`${where}.scope: must be all or none`);
    if (hasRelation && !(RELATIONS as readonly string[]).includes(value.relation as string))
      problems.push(`${where}.relation: unknown relation "${String(value.relation)}"`);
    const actions = Array.isArray(value.actions) ? (value.actions as string[]) : [];
    if (actions.length === 0) problems.push(`${where}.actions: at least one action is required`);
    for (const action of actions)
      if (!(SITUATION_ACTIONS as readonly string[]).includes(action)) problems.push(`${where}.actions: unknown action "${action}"`);
    for (const flag of ['requires_review_consent', 'respects_refused_structures']) {
      if (typeof value[flag] !== 'boolean') problems.push(`${where}.${flag}: must be true or false`);
    }
    grants.push({
      name: stringField(`${where}.name`, value.name),
      article: article(where, value),
      role: value.role as Role,
      scope: value.scope as Grant['scope'],
      relation: value.relation as Relation | undefined,
      actions: actions as SubjectAction[],
      requiresReviewConsent: value.requires_review_consent === true,
      respectsRefusedStructures: value.respects_refused_structures === true,
      seesDuplicates: value.sees_duplicates === true,
    });
  });

  const subjects = {} as EthicsPolicy['subjects'];
  const rawSubjects = isObject(raw.subjects) ? raw.subjects : {};
  const roleList = (where: string, value: unknown): Role[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${where}: must be a list of roles`);
      return [];
    }
    for (const role of value) {
      if (!(ROLES as readonly string[]).includes(role as string)) problems.push(`${where}: unknown role "${String(role)}"`);
      if (role === 'admin' || role === 'ethics') problems.push(`${where}: ${String(role)} never takes part in case work (article 5)`);
    }
    return value as Role[];
  };
  // Oversight reads aggregates and registers, never a case file: the ethics committee may hold it, the administrator never.
  const oversightList = (where: string, value: unknown): Role[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${where}: must be a list of roles`);
      return [];
    }
    for (const role of value) {
      if (!(ROLES as readonly string[]).includes(role as string)) problems.push(`${where}: unknown role "${String(role)}"`);
      if (role === 'admin') problems.push(`${where}: admin never reads what the commission holds (article 9)`);
    }
    return value as Role[];
  };
  for (const name of POLICY_SUBJECTS) {
    const value = rawSubjects[name];
    if (!isObject(value)) {
      problems.push(`subjects.${name}: missing`);
      continue;
    }
    knownKeys(`subjects.${name}`, value, ['article', 'manage', 'take_part', 'counterpart', 'oversight']);
    subjects[name] = {
      article: article(`subjects.${name}`, value),
      manage: roleList(`subjects.${name}.manage`, value.manage),
      takePart: roleList(`subjects.${name}.take_part`, value.take_part),
      counterpart: roleList(`subjects.${name}.counterpart`, value.counterpart),
      oversight: oversightList(`subjects.${name}.oversight`, value.oversight),
    };
  }
  for (const name of Object.keys(rawSubjects)) {
    if (!(POLICY_SUBJECTS as readonly string[]).includes(name)) problems.push(`subjects.${name}: unknown subject`);
  }

  const consentPurposes = {} as EthicsPolicy['consentPurposes'];
  const rawPurposes = isObject(raw.consent_purposes) ? raw.consent_purposes : {};
  for (const purpose of CONSENT_PURPOSES) {
    const value = rawPurposes[purpose];
    if (!isObject(value)) {
      problems.push(`consent_purposes.${purpose}: missing`);
      continue;
    }
    consentPurposes[purpose] = {
      article: article(`consent_purposes.${purpose}`, value),
      unlocks: Array.isArray(value.unlocks) ? (value.unlocks as string[]) : [],
    };
  }
  const numberRule = (key: string, field: string) => {
    const value = raw[key];
    if (!isObject(value)) {
      problems.push(`${key}: missing`);
      return 0;
    }
    article(key, value);
    if (!Number.isInteger(value[field]) || (value[field] as number) < 0) problems.push(`${key}.${field}: must be a whole number`);
    return value[field] as number;
  };
  const accessWindowDaysAfterSession = numberRule('access_window', 'days_after_session');
  const retentionClosedSituationDays = numberRule('retention', 'closed_situation_days');
  const statisticsMinimumCount = numberRule('statistics', 'minimum_count');

  const retentionPeriods = {} as EthicsPolicy['retentionPeriods'];
  const rawRetention = isObject(raw.retention) ? raw.retention : {};
  knownKeys('retention', rawRetention, ['article', 'closed_situation_days', 'periods']);
  const rawPeriods = isObject(rawRetention.periods) ? rawRetention.periods : {};
  for (const kind of RETENTION_KINDS) {
    const value = rawPeriods[kind];
    if (!isObject(value)) {
      problems.push(`retention.periods.${kind}: missing`);
      continue;
    }
    knownKeys(`retention.periods.${kind}`, value, ['article', 'days', 'after']);
    if (!Number.isInteger(value.days) || (value.days as number) < 0)
      problems.push(`retention.periods.${kind}.days: must be a whole number`);
    retentionPeriods[kind] = {
      article: article(`retention.periods.${kind}`, value),
      days: value.days as number,
      after: stringField(`retention.periods.${kind}.after`, value.after),
    };
  }
  for (const kind of Object.keys(rawPeriods)) {
    if (!(RETENTION_KINDS as readonly string[]).includes(kind)) problems.push(`retention.periods.${kind}: unknown kind of record`);
  }
  if (retentionPeriods.closed_situation && retentionPeriods.closed_situation.days !== retentionClosedSituationDays) {
    problems.push('retention.periods.closed_situation.days: must equal retention.closed_situation_days');
  }

  const rawMeasures = isObject(raw.rights_measures) ? raw.rights_measures : {};
  if (!isObject(raw.rights_measures)) problems.push('rights_measures: missing');
  knownKeys('rights_measures', rawMeasures, ['restriction', 'objection']);
  const actionList = (where: string, value: unknown): SubjectAction[] => {
    const actions = Array.isArray(value) ? (value as string[]) : [];
    if (!Array.isArray(value)) problems.push(`${where}: must be a list of actions`);
    for (const action of actions)
      if (!(SITUATION_ACTIONS as readonly string[]).includes(action)) problems.push(`${where}: unknown action "${action}"`);
    return actions as SubjectAction[];
  };
  const rawRestriction = isObject(rawMeasures.restriction) ? rawMeasures.restriction : {};
  if (!isObject(rawMeasures.restriction)) problems.push('rights_measures.restriction: missing');
  knownKeys('rights_measures.restriction', rawRestriction, ['article', 'readers', 'actions']);
  const rawObjection = isObject(rawMeasures.objection) ? rawMeasures.objection : {};
  if (!isObject(rawMeasures.objection)) problems.push('rights_measures.objection: missing');
  knownKeys('rights_measures.objection', rawObjection, ['article', 'ends_relations', 'refused_actions']);
  const endsRelations = Array.isArray(rawObjection.ends_relations) ? (rawObjection.ends_relations as string[]) : [];
  for (const relation of endsRelations)
    if (!(RELATIONS as readonly string[]).includes(relation))
      problems.push(`rights_measures.objection.ends_relations: unknown relation "${relation}"`);
  const rightsMeasures: RightsMeasures = {
    restriction: {
      article: article('rights_measures.restriction', rawRestriction),
      readers: roleList('rights_measures.restriction.readers', rawRestriction.readers),
      actions: actionList('rights_measures.restriction.actions', rawRestriction.actions),
    },
    objection: {
      article: article('rights_measures.objection', rawObjection),
      endsRelations: endsRelations as Relation[],
      refusedActions: actionList('rights_measures.objection.refused_actions', rawObjection.refused_actions),
    },
  };

  const rawRegister = isObject(raw.register) ? raw.register : {};
  if (!isObject(raw.register)) problems.push('register: missing');
  knownKeys('register', rawRegister, ['article', 'controller', 'purposes', 'persons', 'dpia_criteria', 'hosting']);
  const stringList = (where: string, value: unknown): string[] => {
    if (!Array.isArray(value) || value.length === 0) {
      problems.push(`${where}: must be a non-empty list`);
      return [];
    }
    return value.map((item, index) => stringField(`${where}[${index}]`, item));
  };
  const register: ProcessingRegister = {
    article: article('register', rawRegister),
    controller: stringField('register.controller', rawRegister.controller),
    purposes: (Array.isArray(rawRegister.purposes) ? rawRegister.purposes : []).map((purpose: unknown, index: number) => {
      const where = `register.purposes[${index}]`;
      const value = isObject(purpose) ? purpose : {};
      knownKeys(where, value, ['article', 'name', 'legal_basis']);
      return {
        article: article(where, value),
        name: stringField(`${where}.name`, value.name),
        legalBasis: stringField(`${where}.legal_basis`, value.legal_basis),
      };
    }),
    persons: stringList('register.persons', rawRegister.persons),
    dpiaCriteria: stringList('register.dpia_criteria', rawRegister.dpia_criteria),
    hosting: stringField('register.hosting', rawRegister.hosting),
  };
  if (register.purposes.length === 0) problems.push('register.purposes: must be a non-empty list');

  const charterMatch = /^---\s*\nversion:\s*"?([^"\n]+)"?\s*\n---\s*\n/.exec(charterText);
  if (!charterMatch) problems.push('charter.md: must start with front matter declaring its version');
  else if (charterMatch[1] !== charterVersion)
    problems.push(`charter_version: "${charterVersion}" but charter.md is version "${charterMatch[1]}"`);
  if (problems.length > 0) throw new PolicyError(problems);

  const hash = createHash('sha256').update(policyText).digest('hex').slice(0, 12);
  return {
    policy: {
      version,
      charterVersion,
      fingerprint: `${version}+${hash}`,
      fieldGroups,
      grants,
      subjects,
      consentPurposes,
      accessWindowDaysAfterSession,
      retentionClosedSituationDays,
      retentionPeriods,
      statisticsMinimumCount,
      rightsMeasures,
      register,
    },
    charter: { version: charterMatch![1], text: charterText.slice(charterMatch![0].length).trim() },
  };
}

/** The roles that take part in case work (any grant or subject names them): never held with admin or ethics. */
export function caseRoles(policy: EthicsPolicy): Role[] {
  const named = [
    ...policy.grants.map((grant) => grant.role),
    ...Object.values(policy.subjects).flatMap((rule) => [...rule.manage, ...rule.takePart, ...rule.counterpart]),
  ];
  return ROLES.filter((role) => named.includes(role));
}

/** The field groups a professional category may read. */
export function readableGroups(policy: EthicsPolicy, category: ProfessionalCategory): FieldGroup[] {
  return FIELD_GROUPS.filter((group) => policy.fieldGroups[group].readers.includes(category));
}

/**
 * The part of an account change that widens access to case content or to the audit trail, which
 * only the ethics committee approves: case roles or the ethics role added, and a category that
 * reads more field groups for someone who holds (or gets) a case role.
 */
export function wideningPart(
  policy: EthicsPolicy,
  before: { roles: Role[]; professionalCategory: ProfessionalCategory | null; organizationId?: string | null },
  after: { roles: Role[]; professionalCategory: ProfessionalCategory; organizationId?: string | null },
): { addRoles: Role[]; professionalCategory: ProfessionalCategory | null; organizationId: string | null } {
  const sensitive: Role[] = [...caseRoles(policy), 'ethics'];
  const addRoles = after.roles.filter((role) => sensitive.includes(role) && !before.roles.includes(role));
  const holdsCaseRole = after.roles.some((role) => caseRoles(policy).includes(role));
  const previous = before.professionalCategory ? readableGroups(policy, before.professionalCategory) : [];
  const unlocks = readableGroups(policy, after.professionalCategory).some((group) => !previous.includes(group));
  // Joining a structure (not leaving one) reaches what the policy grants its members.
  const joins = !!after.organizationId && after.organizationId !== (before.organizationId ?? null);
  return {
    addRoles,
    professionalCategory:
      holdsCaseRole && unlocks && before.professionalCategory !== after.professionalCategory ? after.professionalCategory : null,
    organizationId: holdsCaseRole && joins ? after.organizationId! : null,
  };
}
