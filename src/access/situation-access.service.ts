import { AbilityBuilder, createMongoAbility, MongoAbility, subject as asSubject } from '@casl/ability';
import { permittedFieldsOf, rulesToCondition } from '@casl/ability/extra';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { SessionAction, Subject, SubjectAction } from '../common/access.decorators.js';
import { Clock } from '../common/clock.js';
import { currentRequestContext } from '../common/request-context.js';
import type { Role } from '../directory/roles.js';
import { EthicsService } from '../ethics/ethics.service.js';
import { SITUATION_ACTIONS, type Relation } from '../ethics/policy.js';
import { FIELD_GROUPS, type FieldGroup, type SituationStatus } from '../situations/situation.constants.js';

/** The facts about a situation that access decisions rest on (clear columns and consent state). */
export interface SituationFacts {
  id: string;
  status: SituationStatus;
  referrerUserId: string;
  /** The person's consent for review by the commission is in force. */
  reviewConsentValid: boolean;
  /** Structures the person refuses to involve, from the consents in force. */
  refusedOrganizationIds: string[];
}

/** What one user may do with one situation, and why (the purpose recorded in the audit trail). */
export interface SituationAccess {
  groups: ReadonlySet<FieldGroup>;
  actions: ReadonlySet<SubjectAction>;
  purpose: { type: string; id: string };
  /** Coordinators see possible duplicates; nobody else learns that another case exists. */
  seesDuplicates: boolean;
}

interface RelationRow {
  situation_id: string;
  relation: Relation;
  purpose_type: string | null;
  purpose_id: string | null;
}

type SituationAbility = MongoAbility<[SubjectAction, 'Situation' | (SituationFacts & { __caslSubjectType__: 'Situation' })]>;

export interface UserAccessContext {
  ability: SituationAbility;
  relations: RelationRow[];
}

const TERMINAL: SituationStatus[] = ['rejected', 'redirected', 'closed'];
// Recording or withdrawing consent stays possible on a closed file: the person's rights outlive the case.
const WRITES: SubjectAction[] = ['update', 'transition', 'upload_document', 'designate_pilot', 'refer'];

/** The person's consent for `purpose` is in force for the situation `situationIdSql` names. */
export const consentInForceSql = (situationIdSql: string, purpose: 'review' | 'dac_transmission' | 'attendance') =>
  `EXISTS (SELECT 1 FROM cellule.current_consent c WHERE c.situation_id = ${situationIdSql}
      AND c.purpose = '${purpose}' AND c.decision = 'given' AND c.given_on <= current_date
      AND (c.valid_until IS NULL OR c.valid_until >= current_date))`;

/** SQL for each fact, on the `situation` alias: lists filter with exactly what decisions use. */
const FACT_SQL = {
  id: 'situation.id',
  status: 'situation.status',
  referrerUserId: 'situation.referrer_user_id',
  reviewConsentValid: consentInForceSql('situation.id', 'review'),
  refusedOrganizationIds: `ARRAY(SELECT DISTINCT unnest(c.refused_organization_ids) FROM cellule.current_consent c WHERE c.situation_id = situation.id)`,
} as const;

/**
 * Need-to-know access to situations, compiled from ethics/policy.yaml into a CASL ability per
 * request: role grants (the coordinator: every situation), relation grants (the referrer; the
 * pilot, convened members, invitees, recommendation carriers, DAC contacts from
 * cellule.situation_relation, loaded in one query), the consent a grant requires, the structures
 * the person refused, and the field groups the user's professional category may read. Lists are
 * filtered in SQL from the same rules; single reads are checked against the situation's facts.
 */
@Injectable()
export class SituationAccessService {
  constructor(
    private readonly ethics: EthicsService,
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Roles that can ever perform an action on a subject (route-level check, before any row).
   * Situations follow the policy's grants; sessions and recommendations are the commission's
   * (managed by the coordinator); referrals are the sender side's and the DAC's (inbound: the DAC).
   */
  rolesFor(subject: Subject, action: SubjectAction | SessionAction): readonly Role[] {
    if (subject === 'Situation') {
      return this.ethics.policy.grants.filter((grant) => grant.actions.includes(action as SubjectAction)).map((grant) => grant.role);
    }
    if (subject === 'Referral') return action === 'manage' ? ['dac'] : ['coordinator', 'member', 'dac'];
    return action === 'manage' ? ['coordinator'] : ['coordinator', 'member', 'referrer'];
  }

  /** The user's ability, built once per request. */
  async forUser(user: AuthenticatedUser): Promise<UserAccessContext> {
    const context = currentRequestContext();
    if (context?.situationAccess && context.user?.id === user.id) return context.situationAccess as UserAccessContext;
    const relations = (await this.dataSource.query(
      `SELECT situation_id, relation, purpose_type, purpose_id FROM cellule.situation_relation
        WHERE user_id = $1 AND valid_from <= $2 AND (valid_until IS NULL OR valid_until > $2)`,
      [user.id, this.clock.now()],
    )) as RelationRow[];
    const built = { ability: this.buildAbility(user, relations), relations };
    if (context) context.situationAccess = built;
    return built;
  }

  /** A SQL condition on the `situation` alias restricting a list to what the user may list. */
  async listFilter(user: AuthenticatedUser): Promise<{ sql: string; params: Record<string, unknown> }> {
    const { ability } = await this.forUser(user);
    const params: Record<string, unknown> = {};
    let counter = 0;
    const param = (value: unknown) => {
      const name = `access${counter++}`;
      params[name] = value;
      return `:${name}`;
    };
    const convert = (rule: { conditions?: object; inverted: boolean }) => {
      const sql = rule.conditions ? conditionToSql(rule.conditions as Record<string, unknown>, param) : 'TRUE';
      return rule.inverted ? `NOT (${sql})` : `(${sql})`;
    };
    const sql = rulesToCondition(ability.rulesFor('list', 'Situation'), convert, {
      and: (parts: string[]) => `(${parts.join(' AND ')})`,
      or: (parts: string[]) => `(${parts.join(' OR ')})`,
      empty: () => 'TRUE',
    });
    return { sql: sql ?? 'FALSE', params };
  }

  /** The facts of several situations, in one query. */
  async loadFacts(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, SituationFacts>> {
    if (ids.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT situation.id, situation.status, situation.referrer_user_id, ${FACT_SQL.reviewConsentValid} AS review_consent_valid,
              ${FACT_SQL.refusedOrganizationIds} AS refused_organization_ids
         FROM cellule.situation situation WHERE situation.id = ANY($1)`,
      [ids],
    )) as { id: string; status: SituationStatus; referrer_user_id: string; review_consent_valid: boolean; refused_organization_ids: string[] }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          status: row.status,
          referrerUserId: row.referrer_user_id,
          reviewConsentValid: row.review_consent_valid,
          refusedOrganizationIds: row.refused_organization_ids,
        },
      ]),
    );
  }

  async consentInForce(manager: EntityManager, situationId: string, purpose: 'review' | 'dac_transmission' | 'attendance'): Promise<boolean> {
    const [row] = (await manager.query(`SELECT ${consentInForceSql('$1::uuid', purpose)} AS in_force`, [situationId])) as { in_force: boolean }[];
    return row.in_force;
  }

  /** undefined: the situation does not exist for this user (answer 404). */
  async decide(user: AuthenticatedUser, facts: SituationFacts): Promise<SituationAccess | undefined> {
    const { ability, relations } = await this.forUser(user);
    const situation = asSubject('Situation', { ...facts });
    if (!ability.can('read', situation)) return undefined;
    const groups = new Set(
      permittedFieldsOf(ability, 'read', situation, { fieldsFrom: (rule) => rule.fields ?? [...FIELD_GROUPS] }) as FieldGroup[],
    );
    const actions = new Set(SITUATION_ACTIONS.filter((action) => action !== 'create' && ability.can(action, situation)));
    const relation = relations.find((row) => row.situation_id === facts.id);
    const purpose = user.roles.includes('coordinator')
      ? { type: 'coordination', id: facts.id }
      : facts.referrerUserId === user.id
        ? { type: 'referral', id: facts.id }
        : { type: relation?.purpose_type ?? relation?.relation ?? 'relation', id: relation?.purpose_id ?? facts.id };
    return { groups, actions, purpose, seesDuplicates: user.roles.includes('coordinator') };
  }

  private buildAbility(user: AuthenticatedUser, relations: RelationRow[]): SituationAbility {
    const { can, cannot, build } = new AbilityBuilder<SituationAbility>(createMongoAbility);
    const policy = this.ethics.policy;
    const readableGroups = FIELD_GROUPS.filter((group) => policy.fieldGroups[group].readers.includes(user.professionalCategory));
    let respectsRefusals = true;
    for (const grant of policy.grants.filter((candidate) => user.roles.includes(candidate.role))) {
      if (!grant.respectsRefusedStructures) respectsRefusals = false;
      let conditions: Record<string, unknown> | undefined;
      if (grant.scope === 'none') conditions = undefined;
      else if (grant.relation === 'referrer') conditions = { referrerUserId: user.id };
      else if (grant.relation) {
        const ids = relations.filter((row) => row.relation === grant.relation).map((row) => row.situation_id);
        if (ids.length === 0) conditions = { id: { $in: [] } };
        else conditions = { id: { $in: ids } };
      }
      if (grant.requiresReviewConsent) conditions = { ...conditions, reviewConsentValid: true };
      for (const action of grant.actions) {
        if (action === 'create') can('create', 'Situation');
        else if (grant.scope === 'none') continue;
        else if (action === 'read') can('read', 'Situation', readableGroups, conditions as never);
        else can(action, 'Situation', conditions as never);
      }
    }
    // A structure the person refused never gets access (charter, article 3).
    if (respectsRefusals && user.organizationId) {
      cannot(SITUATION_ACTIONS.filter((action) => action !== 'create'), 'Situation', { refusedOrganizationIds: { $in: [user.organizationId] } } as never);
    }
    // Closed case files are read-only, whoever asks (checked before and after every write).
    cannot(WRITES, 'Situation', { status: { $in: TERMINAL } } as never);
    return build();
  }
}

/** Translates the conditions the policy produces into SQL; anything else is refused (fail closed). */
function conditionToSql(conditions: Record<string, unknown>, param: (value: unknown) => string): string {
  const parts = Object.entries(conditions).map(([field, condition]) => {
    const column = FACT_SQL[field as keyof typeof FACT_SQL];
    if (!column) throw new Error(`access: no SQL for field ${field}`);
    if (condition !== null && typeof condition === 'object') {
      const [[operator, value]] = Object.entries(condition as Record<string, unknown>);
      if (operator !== '$in' || !Array.isArray(value)) throw new Error(`access: unsupported operator ${operator}`);
      if (value.length === 0) return 'FALSE';
      // On the array fact, $in means "the array holds one of the values".
      return field === 'refusedOrganizationIds' ? `${column} && ${param(value)}::uuid[]` : `${column} = ANY(${param(value)})`;
    }
    if (typeof condition === 'boolean') return condition ? column : `NOT ${column}`;
    return `${column} = ${param(condition)}`;
  });
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}
