import { AbilityBuilder, createMongoAbility, MongoAbility, subject as asSubject } from '@casl/ability';
import { permittedFieldsOf, rulesToCondition } from '@casl/ability/extra';
import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { SessionAction, Subject, SubjectAction } from '../common/access.decorators.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Role } from '../directory/roles.js';
import { EthicsService } from '../ethics/ethics.service.js';
import { type Grant, type PolicySubject, SITUATION_ACTIONS, type Relation } from '../ethics/policy.js';
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
  /** A restriction of processing (RGPD art. 18) holds: the file is frozen (policy rights_measures.restriction). */
  restricted: boolean;
  /** The person objected (RGPD art. 21): sharing has stopped (policy rights_measures.objection). */
  objected: boolean;
}

/**
 * What one reader may see of one situation's content: the field groups, and why (the purpose
 * recorded in the audit trail). The case-file path decrypts nothing outside `groups`.
 */
export interface FieldGrant {
  situationId: string;
  groups: ReadonlySet<FieldGroup>;
  purpose: { type: string; id: string };
  /** false: frozen data sets (a referral's snapshot) stay closed whatever the groups. */
  dataSets?: boolean;
}

/** What one user may do with one situation. */
export interface SituationAccess extends FieldGrant {
  actions: ReadonlySet<SubjectAction>;
  /** The relations the user holds on it now (pilot, invitee…), whatever grant they unlock. */
  relations: ReadonlySet<Relation>;
  /** The grant that decided the read, by policy order. */
  grant: string;
  /** Coordinators see possible duplicates; nobody else learns that another case exists. */
  seesDuplicates: boolean;
}

export interface RelationRow {
  situation_id: string;
  relation: Relation;
  purpose_type: string | null;
  purpose_id: string | null;
}

type SituationAbility = MongoAbility<[SubjectAction, 'Situation' | (SituationFacts & { __caslSubjectType__: 'Situation' })]>;

interface UserAccessContext {
  ability: SituationAbility;
  relations: RelationRow[];
}

const TERMINAL: SituationStatus[] = ['rejected', 'redirected', 'closed'];
// Recording or withdrawing consent stays possible on a closed file: the person's rights outlive the case.
const WRITES: SubjectAction[] = ['update', 'transition', 'upload_document', 'designate_pilot', 'refer'];
export type ConsentPurposeName = 'review' | 'dac_transmission' | 'attendance';

/** The person's consent for `purpose` is in force today (Europe/Paris) for the situation `situationIdSql` names. */
export const consentInForceSql = (situationIdSql: string, purpose: ConsentPurposeName) =>
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
  restricted: `EXISTS (SELECT 1 FROM cellule.situation_measure m WHERE m.situation_id = situation.id AND m.kind = 'restriction' AND m.lifted_at IS NULL)`,
  objected: `EXISTS (SELECT 1 FROM cellule.situation_measure m WHERE m.situation_id = situation.id AND m.kind = 'objection')`,
} as const;

const FACTS_KEY = 'access:facts';
/** Consents in force read with a list's rows (primeConsents), by `purpose:situationId`. */
const CONSENTS_KEY = 'access:consents';

/** A situation's facts as selected (FACT_SQL), with its clear columns. */
export interface FactRow {
  id: string;
  status: SituationStatus;
  referrer_user_id: string;
  review_consent_valid: boolean;
  refused_organization_ids: string[];
  restricted: boolean;
  objected: boolean;
}

const toFacts = (row: FactRow): SituationFacts => ({
  id: row.id,
  status: row.status,
  referrerUserId: row.referrer_user_id,
  reviewConsentValid: row.review_consent_valid,
  refusedOrganizationIds: row.refused_organization_ids,
  restricted: row.restricted,
  objected: row.objected,
});
const CONTEXT_KEY = 'access:user';
/** The relations a user holds now (situation_relation), and the order their ability is built in. */
const RELATIONS_WHERE = (userId: string, now: string) =>
  `user_id = ${userId} AND valid_from <= ${now} AND (valid_until IS NULL OR valid_until > ${now})`;
const RELATIONS_ORDER = 'situation_id, relation, valid_from, purpose_id';
/** The same rows in the same order, as one JSON value (a column of another query). */
const RELATIONS_JSON = (userId: string, now: string) =>
  `(SELECT coalesce(json_agg(json_build_object('situation_id', situation_id, 'relation', relation, 'purpose_type', purpose_type,
      'purpose_id', purpose_id) ORDER BY ${RELATIONS_ORDER}), '[]'::json)
    FROM cellule.situation_relation WHERE ${RELATIONS_WHERE(userId, now)})`;

/**
 * The one access decision, compiled from ethics/policy.yaml into a CASL ability per request: role
 * grants (the coordination: every situation), relation grants (the referrer; the pilot, convened
 * members, invitees, préconisation carriers from cellule.situation_relation, loaded in one ordered
 * query per request), the consent a grant requires, the structures the person refused, and the
 * field groups the user's professional category may read. Set-based, in the manner of immich's
 * `requireAccess`: `require` answers for a set of ids; lists filter in SQL from the same rules, so
 * the per-row check and the list filter cannot disagree. Every query runs in the request's unit of
 * work. No role or relation is named anywhere else in the service.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly ethics: EthicsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Roles that can ever perform an action on a subject (route-level check, before any row). */
  rolesFor(subject: Subject, action: SubjectAction | SessionAction): readonly Role[] {
    const policy = this.ethics.policy;
    if (subject === 'Situation') {
      return policy.grants.filter((grant) => grant.actions.includes(action as SubjectAction)).map((grant) => grant.role);
    }
    const rule = policy.subjects[subject];
    return action === 'manage' ? rule.manage : [...new Set([...rule.takePart, ...rule.oversight])];
  }

  /** The user prepares and runs the commission's `subject` (sessions, préconisations). */
  manages(user: AuthenticatedUser, subject: PolicySubject): boolean {
    return this.ethics.policy.subjects[subject].manage.some((role) => user.roles.includes(role));
  }

  /**
   * Who follows a préconisation up (sees it in their lists, closes it): whoever manages
   * préconisations, its carrier (the person, or a member of the structure, named), and the
   * situation's référent.
   */
  followsUp(
    user: AuthenticatedUser,
    access: SituationAccess,
    carrier: { carrier_user_id: string | null; carrier_organization_id: string | null },
  ): boolean {
    const ofCarryingStructure =
      carrier.carrier_organization_id !== null &&
      carrier.carrier_organization_id === user.organizationId &&
      access.relations.has('recommendation_carrier');
    return (
      this.manages(user, 'Recommendation') || carrier.carrier_user_id === user.id || ofCarryingStructure || access.relations.has('pilot')
    );
  }

  /** The user chairs the session (or manages sessions): corrections of what it decided. */
  correctsSession(user: AuthenticatedUser, session: { chairUserId: string | null }): boolean {
    return this.manages(user, 'Session') || (session.chairUserId !== null && session.chairUserId === user.id);
  }

  /** The user acts for the DAC of `organizationId` on a referral (the counterpart, never the commission). */
  isCounterpart(user: AuthenticatedUser, organizationId: string): boolean {
    return (
      user.organizationId === organizationId && this.ethics.policy.subjects.Referral.counterpart.some((role) => user.roles.includes(role))
    );
  }

  /**
   * Who the user is for a DAC referral, or undefined (answer 404). The DAC side: a counterpart of
   * the referral's DAC, for its inbound referrals, and for outbound ones once sent and while the
   * person's consent for transmission holds; it reads the groups sent (and the exchanges' text),
   * never the commission's content. The CLSM side: whoever's grant on the situation lets them refer
   * it (a closed file stays readable there).
   */
  async referralSide(
    user: AuthenticatedUser,
    referral: {
      id: string;
      direction: 'inbound' | 'outbound';
      status: string;
      situation_id: string;
      dac_organization_id: string;
      shared_groups: FieldGroup[];
      sent_at: Date | null;
    },
  ): Promise<{ kind: 'clsm'; access: SituationAccess } | { kind: 'dac'; grant: FieldGrant } | undefined> {
    if (this.isCounterpart(user, referral.dac_organization_id)) {
      // Once refused, withdrawn or closed, the DAC keeps the status, the dates, its own refusal's
      // reason and the reasons given to it at each step, never the data set; a referral it never
      // received does not exist for it.
      const ended = referral.direction === 'outbound' && ['declined', 'withdrawn', 'closed'].includes(referral.status);
      const groups = new Set<FieldGroup>(ended ? ['narrative'] : [...referral.shared_groups, 'narrative']);
      const grant = {
        situationId: referral.situation_id,
        groups,
        purpose: { type: 'referral', id: referral.id },
        ...(ended ? { dataSets: false } : {}),
      };
      if (referral.direction === 'inbound') return { kind: 'dac', grant };
      if (referral.status === 'draft' || referral.sent_at === null) return undefined;
      if (ended) return { kind: 'dac', grant };
      return (await this.knownConsentInForce(referral.situation_id, 'dac_transmission')) ? { kind: 'dac', grant } : undefined;
    }
    const access = (await this.visible(user, [referral.situation_id])).get(referral.situation_id);
    const grant = access && this.ethics.policy.grants.find((candidate) => candidate.name === access.grant);
    if (access && (access.actions.has('refer') || grant?.actions.includes('refer'))) return { kind: 'clsm', access };
    return undefined;
  }

  /** The user's relations and ability, built once per request in one ordered query. */
  private async forUser(user: AuthenticatedUser): Promise<UserAccessContext> {
    const cached = this.cachedContext(user);
    if (cached) return cached;
    const manager = await this.uow.manager();
    const relations = await manager.query<RelationRow[]>(
      `SELECT situation_id, relation, purpose_type, purpose_id FROM cellule.situation_relation
        WHERE ${RELATIONS_WHERE('$1', '$2')} ORDER BY ${RELATIONS_ORDER}`,
      [user.id, this.clock.now()],
    );
    return this.primeRelations(user, relations);
  }

  private cachedContext(user: AuthenticatedUser): UserAccessContext | undefined {
    const cached = this.uow.current.cache.get(CONTEXT_KEY) as (UserAccessContext & { userId: string }) | undefined;
    return cached?.userId === user.id ? cached : undefined;
  }

  /**
   * The user's relations as a column of another query (a read's row query): the same rows, in the
   * same order, as `forUser` asks for, in the same transaction, so the read needs no round trip for
   * them. Undefined once they are known in this request. Hand the column's value to `primeRelations`.
   */
  relationsColumn(user: AuthenticatedUser): { sql: string; params: Record<string, unknown> } | undefined {
    if (this.cachedContext(user)) return undefined;
    return { sql: RELATIONS_JSON(':accessUserId', ':accessNow'), params: { accessUserId: user.id, accessNow: this.clock.now() } };
  }

  /** The user's relations, read (forUser, relationsColumn) in this request's unit: their ability. */
  primeRelations(user: AuthenticatedUser, relations: RelationRow[]): UserAccessContext {
    const built = { userId: user.id, ability: this.buildAbility(user, relations), relations };
    this.uow.current.cache.set(CONTEXT_KEY, built);
    return built;
  }

  /** A SQL condition on the `situation` alias restricting a list to what the user may list (named parameters). */
  async listFilter(user: AuthenticatedUser): Promise<{ sql: string; params: Record<string, unknown> }> {
    const params: Record<string, unknown> = {};
    const sql = await this.listSql(user, (value) => {
      const name = `access${Object.keys(params).length}`;
      params[name] = value;
      return `:${name}`;
    });
    return { sql, params };
  }

  /** The same condition with positional parameters following `before` (plain SQL queries). */
  async listCondition(user: AuthenticatedUser, before: unknown[]): Promise<{ sql: string; params: unknown[] }> {
    // CASL may convert rules it then drops: number only the values the final condition uses.
    const values: unknown[] = [];
    const template = await this.listSql(user, (value) => `{{${values.push(value) - 1}}}`);
    const params = [...before];
    const sql = template.replace(/\{\{(\d+)\}\}/g, (_match, index: string) => `$${params.push(values[Number(index)])}`);
    return { sql, params };
  }

  private async listSql(user: AuthenticatedUser, param: (value: unknown) => string): Promise<string> {
    const { ability } = await this.forUser(user);
    const sql = rulesToCondition(ability.rulesFor('list', 'Situation'), (rule) => ruleToSql(rule, param), {
      and: (parts: string[]) => `(${parts.join(' AND ')})`,
      or: (parts: string[]) => `(${parts.join(' OR ')})`,
      empty: () => 'TRUE',
    });
    return sql ?? 'FALSE';
  }

  /**
   * The facts' columns, to select with a situation's row (alias `situation`) so that the row and
   * what decides access on it come in one query; hand the rows to `primeFacts`.
   */
  factColumns(): [sql: string, alias: string][] {
    return [
      [FACT_SQL.reviewConsentValid, 'review_consent_valid'],
      [FACT_SQL.refusedOrganizationIds, 'refused_organization_ids'],
      [FACT_SQL.restricted, 'restricted'],
      [FACT_SQL.objected, 'objected'],
    ];
  }

  /** Facts read with their rows (factColumns) in this request's unit: no second query for them. */
  primeFacts(rows: FactRow[]): void {
    const known = this.factsCache();
    for (const row of rows) known.set(row.id, toFacts(row));
  }

  /**
   * The facts of several situations, in one query, cached for the request. With `relationsOf`, the
   * user's relations come in the same query when not yet known in this request.
   */
  async loadFacts(
    ids: string[],
    options: { refresh?: boolean; relationsOf?: AuthenticatedUser } = {},
  ): Promise<Map<string, SituationFacts>> {
    const known = this.factsCache();
    const missing = options.refresh ? [...new Set(ids)] : [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length > 0) {
      const manager = await this.uow.manager();
      const user = options.relationsOf && !this.cachedContext(options.relationsOf) ? options.relationsOf : undefined;
      const rows = await manager.query<(FactRow & { user_relations?: RelationRow[] })[]>(
        `SELECT situation.id, situation.status, situation.referrer_user_id, ${FACT_SQL.reviewConsentValid} AS review_consent_valid,
                ${FACT_SQL.refusedOrganizationIds} AS refused_organization_ids,
                ${FACT_SQL.restricted} AS restricted, ${FACT_SQL.objected} AS objected
                ${user ? `, ${RELATIONS_JSON('$2', '$3')} AS user_relations` : ''}
           FROM cellule.situation situation WHERE situation.id = ANY($1)`,
        user ? [missing, user.id, this.clock.now()] : [missing],
      );
      for (const id of missing) known.delete(id);
      for (const row of rows) known.set(row.id, toFacts(row));
      if (user && rows[0]?.user_relations) this.primeRelations(user, rows[0].user_relations);
    }
    return new Map(ids.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
  }

  private factsCache(): Map<string, SituationFacts> {
    const cache = this.uow.current.cache;
    const known = (cache.get(FACTS_KEY) as Map<string, SituationFacts> | undefined) ?? new Map<string, SituationFacts>();
    cache.set(FACTS_KEY, known);
    return known;
  }

  /** Relations changed by the request: the user's ability is built again on the next decision. */
  forgetRelations(): void {
    this.uow.current.cache.delete(CONTEXT_KEY);
  }

  /** Facts changed by the request (a transition, a consent): decisions are taken again on fresh facts. */
  forgetFacts(): void {
    this.uow.current.cache.delete(FACTS_KEY);
    this.uow.current.cache.delete(CONSENTS_KEY);
  }

  async consentInForce(situationId: string, purpose: ConsentPurposeName): Promise<boolean> {
    const manager = await this.uow.manager();
    const [row] = await manager.query<{ in_force: boolean }[]>(`SELECT ${consentInForceSql('$1::uuid', purpose)} AS in_force`, [
      situationId,
    ]);
    return row.in_force;
  }

  /**
   * Whether the person's consent for `purpose` is in force, as a column of another query (a list's
   * rows; `situationIdSql` names the situation), with exactly what `consentInForce` asks: the list
   * needs no query per row for it. Hand the column's values to `primeConsents`.
   */
  consentColumn(situationIdSql: string, purpose: ConsentPurposeName): string {
    return consentInForceSql(situationIdSql, purpose);
  }

  /** Consents read with their rows (consentColumn) in this request's unit: decisions ask no query of their own for them. */
  primeConsents(purpose: ConsentPurposeName, rows: { situationId: string; inForce: boolean }[]): void {
    const known = this.consentsCache();
    for (const row of rows) known.set(`${purpose}:${row.situationId}`, row.inForce);
  }

  /** As read with a list's rows in this request (primeConsents, until facts are forgotten), otherwise asked now. */
  private async knownConsentInForce(situationId: string, purpose: ConsentPurposeName): Promise<boolean> {
    return this.consentsCache().get(`${purpose}:${situationId}`) ?? (await this.consentInForce(situationId, purpose));
  }

  private consentsCache(): Map<string, boolean> {
    const cache = this.uow.current.cache;
    const known = (cache.get(CONSENTS_KEY) as Map<string, boolean> | undefined) ?? new Map<string, boolean>();
    cache.set(CONSENTS_KEY, known);
    return known;
  }

  /** What the user may see of each situation; the situations they may not see are absent. */
  async visible(user: AuthenticatedUser, ids: string[]): Promise<Map<string, SituationAccess>> {
    const facts = await this.loadFacts(ids, { relationsOf: user });
    const context = await this.forUser(user);
    const decided = new Map<string, SituationAccess>();
    for (const [id, fact] of facts) {
      const access = this.decideWith(context, user, fact);
      if (access) decided.set(id, access);
    }
    return decided;
  }

  /**
   * The set-based check: every id must be visible (404 otherwise) and allow `action` (403, or 409
   * on a closed file, otherwise). Refusals are recorded whatever happens to the request.
   */
  async require(user: AuthenticatedUser, action: SubjectAction, ids: string[]): Promise<Map<string, SituationAccess>> {
    const decided = await this.visible(user, ids);
    for (const id of ids) {
      const access = decided.get(id);
      const entry = {
        action: `situation.${action}`,
        resourceType: 'situation',
        resourceId: id,
        situationId: id,
        outcome: 'denied' as const,
      };
      if (!access) {
        this.uow.current.recordAlways(entry);
        throw notFound();
      }
      if (!access.actions.has(action)) {
        this.uow.current.recordAlways({ ...entry, purpose: access.purpose });
        const facts = (await this.loadFacts([id])).get(id)!;
        const measures = this.ethics.policy.rightsMeasures;
        if (facts.restricted && !measures.restriction.actions.includes(action)) throw restrictedProblem();
        if (facts.objected && measures.objection.refusedActions.includes(action)) throw objectedProblem(action);
        if (TERMINAL.includes(facts.status)) throw conflict('Ce dossier est clos : il ne peut plus être modifié.');
        throw new ForbiddenException('Votre rôle dans cette situation ne permet pas cette action.');
      }
    }
    return decided;
  }

  /**
   * A write on a record tied to a situation under a domain rule (a préconisation closed by its
   * carrier, a correction, minutes, a referral's step): no action of the policy's restriction list
   * is a write, so a restricted situation refuses it (409 naming the rule).
   */
  async requireRecordWrite(situationId: string): Promise<void> {
    const facts = (await this.loadFacts([situationId], { refresh: true })).get(situationId);
    if (facts?.restricted) {
      this.uow.current.recordAlways({
        action: 'situation.record_write',
        resourceType: 'situation',
        resourceId: situationId,
        situationId,
        outcome: 'denied',
      });
      throw restrictedProblem();
    }
  }

  private decideWith(context: UserAccessContext, user: AuthenticatedUser, facts: SituationFacts): SituationAccess | undefined {
    const { ability, relations } = context;
    const situation = asSubject('Situation', { ...facts });
    if (!ability.can('read', situation)) return undefined;
    const groups = new Set(
      permittedFieldsOf(ability, 'read', situation, { fieldsFrom: (rule) => rule.fields ?? [...FIELD_GROUPS] }) as FieldGroup[],
    );
    const actions = new Set(SITUATION_ACTIONS.filter((action) => action !== 'create' && ability.can(action, situation)));
    const held = relations.filter((row) => row.situation_id === facts.id);
    // The first grant of the policy that lets the user read it is the purpose of the access.
    const grant = this.readingGrant(ability, situation);
    const row = grant?.relation ? held.find((candidate) => candidate.relation === grant.relation) : undefined;
    const purpose = !grant?.relation
      ? { type: grant?.name ?? 'relation', id: facts.id }
      : grant.relation === 'referrer'
        ? { type: 'referral', id: facts.id }
        : { type: row?.purpose_type ?? grant.relation, id: row?.purpose_id ?? facts.id };
    return {
      situationId: facts.id,
      groups,
      actions,
      purpose,
      relations: new Set([
        ...held.map((candidate) => candidate.relation),
        ...(facts.referrerUserId === user.id ? (['referrer'] as const) : []),
      ]),
      grant: grant?.name ?? 'relation',
      seesDuplicates: grant?.seesDuplicates === true,
    };
  }

  private readingGrant(ability: SituationAbility, situation: SituationFacts & { __caslSubjectType__: 'Situation' }): Grant | undefined {
    const byName = new Map(this.ethics.policy.grants.map((grant) => [grant.name, grant]));
    // CASL lists rules latest first; the policy's order is the reverse.
    const rules = [...ability.rulesFor('read', 'Situation')].reverse();
    const rule = rules.find((candidate) => !candidate.inverted && candidate.matchesConditions(situation));
    return rule?.reason ? byName.get(rule.reason) : undefined;
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
        const ids = [...new Set(relations.filter((row) => row.relation === grant.relation).map((row) => row.situation_id))];
        conditions = { id: { $in: ids } };
      }
      if (grant.requiresReviewConsent) conditions = { ...conditions, reviewConsentValid: true };
      // Once the person objected, the relations the objection ends open nothing (RGPD art. 21).
      if (grant.relation && policy.rightsMeasures.objection.endsRelations.includes(grant.relation))
        conditions = { ...conditions, objected: false };
      for (const action of grant.actions) {
        if (action === 'create') can('create', 'Situation').because(grant.name);
        else if (grant.scope === 'none') continue;
        else if (action === 'read') can('read', 'Situation', readableGroups, conditions as never).because(grant.name);
        else can(action, 'Situation', conditions as never).because(grant.name);
      }
    }
    // A structure the person refused never gets access (charter, article 3).
    if (respectsRefusals && user.organizationId) {
      cannot(
        SITUATION_ACTIONS.filter((action) => action !== 'create'),
        'Situation',
        { refusedOrganizationIds: { $in: [user.organizationId] } } as never,
      );
    }
    // Closed case files are read-only, whoever asks (checked before and after every write).
    cannot(WRITES, 'Situation', { status: { $in: TERMINAL } } as never);
    // Objection (RGPD art. 21): no new sharing.
    const { objection, restriction } = policy.rightsMeasures;
    if (objection.refusedActions.length > 0) cannot(objection.refusedActions, 'Situation', { objected: true } as never);
    // Restriction (RGPD art. 18): the file is frozen; only its readers see it, and only to read.
    const frozen = restriction.readers.some((role) => user.roles.includes(role))
      ? SITUATION_ACTIONS.filter((action) => action !== 'create' && !restriction.actions.includes(action))
      : SITUATION_ACTIONS.filter((action) => action !== 'create');
    if (frozen.length > 0) cannot(frozen, 'Situation', { restricted: true } as never);
    return build();
  }
}

/** The rule a restriction of processing enforces, named in the problem every change answers. */
export const RESTRICTION_RULE = 'limitation-du-traitement';
/** The rule an objection enforces. */
export const OBJECTION_RULE = 'opposition-de-la-personne';

function restrictedProblem(): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    ProblemType.conflict,
    'Traitement limité',
    'Règle « limitation du traitement » (RGPD, article 18 ; charte, article 10) : la personne a obtenu la limitation du traitement de ses données ; ' +
      "le dossier est gelé et ne peut être modifié tant que la limitation n'est pas levée.",
    { rule: RESTRICTION_RULE },
  );
}

function objectedProblem(action: SubjectAction): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    ProblemType.conflict,
    'Opposition de la personne',
    action === 'refer'
      ? "Règle « opposition de la personne » (RGPD, article 21 ; charte, article 10) : la personne s'est opposée au traitement de ses données ; aucune nouvelle orientation vers le DAC n'est possible."
      : "Règle « opposition de la personne » (RGPD, article 21 ; charte, article 10) : l'opposition de la personne est déjà enregistrée pour ce dossier.",
    { rule: OBJECTION_RULE },
  );
}

/** One CASL rule as SQL (inverted rules negated). */
function ruleToSql(rule: { conditions?: object; inverted: boolean }, param: (value: unknown) => string): string {
  const sql = rule.conditions ? conditionToSql(rule.conditions as Record<string, unknown>, param) : 'TRUE';
  return rule.inverted ? `NOT (${sql})` : `(${sql})`;
}

/** Translates the conditions the policy produces into SQL; anything else is refused (fail closed). */
export function conditionToSql(conditions: Record<string, unknown>, param: (value: unknown) => string): string {
  const parts = Object.entries(conditions).map(([field, condition]) => {
    const column = FACT_SQL[field as keyof typeof FACT_SQL];
    if (!column) throw new Error(`access: no SQL for field ${field}`);
    if (condition !== null && typeof condition === 'object') {
      const entries = Object.entries(condition as Record<string, unknown>);
      if (entries.length !== 1) throw new Error('access: one operator per condition');
      const [[operator, value]] = entries;
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
