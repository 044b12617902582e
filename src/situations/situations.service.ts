import { ForbiddenException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { SituationAccess, SituationAccessService, SituationFacts } from '../access/situation-access.service.js';
import { AuditEntry, AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { SubjectAction } from '../common/access.decorators.js';
import type { Page } from '../common/page.dto.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import { Clock } from '../common/clock.js';
import { CryptoService, IntegrityError } from '../crypto/crypto.service.js';
import { DataKeyService } from '../crypto/data-key.service.js';
import type { ContactDto, HealthDto, IdentityDto, NarrativeDto, SocialDto } from './dto/field-groups.dto.js';
import type { CreateSituationDto, TransitionDto, UpdateSituationDto } from './dto/situation-input.dto.js';
import type { SituationQueryDto } from './dto/situation-query.dto.js';
import type { SituationDto, SituationSummaryDto, TransitionViewDto } from './dto/situation-output.dto.js';
import { OPEN_STATUSES, TRANSITIONS } from './situation.constants.js';
import { Situation, SituationTransition } from './situation.entity.js';

/** The encrypted field groups of the situation row, by column. */
const GROUP_COLUMNS = {
  identity: { field: 'situation.identity', property: 'identityEnc' },
  contact: { field: 'situation.contact', property: 'contactEnc' },
  social: { field: 'situation.social', property: 'socialEnc' },
  health: { field: 'situation.health', property: 'healthEnc' },
  narrative: { field: 'situation.narrative', property: 'narrativeEnc' },
} as const;
type RowGroup = keyof typeof GROUP_COLUMNS;
type GroupValues = { identity: IdentityDto; contact: ContactDto; social: SocialDto; health: HealthDto; narrative: NarrativeDto };

const EMERGENCY_DETAIL =
  "La commission ne traite pas les urgences : la saisine n'est pas enregistrée. En cas de danger immédiat, " +
  "appelez le 15 (SAMU) ou le 112 ; pour une urgence psychiatrique, adressez-vous au service d'urgences " +
  "psychiatriques du secteur ou aux urgences de l'hôpital le plus proche ; en cas de risque suicidaire, " +
  'appelez le 3114 (numéro national de prévention du suicide, 24 h/24).';

const birthDecade = (birthDate: string) => Math.floor(Number(birthDate.slice(0, 4)) / 10) * 10;

/**
 * Case files: intake, reads, edits and the admissibility workflow. Access decisions come from
 * SituationAccessService, ciphers from CryptoService, records from AuditService: this service
 * only orchestrates them.
 */
@Injectable()
export class SituationsService {
  private readonly logger = new Logger(SituationsService.name);

  constructor(
    @InjectDataSource('cellule') private readonly dataSource: DataSource,
    @InjectRepository(Situation, 'cellule') private readonly situations: Repository<Situation>,
    private readonly access: SituationAccessService,
    private readonly crypto: CryptoService,
    private readonly dataKeys: DataKeyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, input: CreateSituationDto): Promise<SituationDto> {
    await this.refuseEmergency(input);
    const situation = await this.dataSource.transaction((manager) => this.createWithin(manager, user, input));
    // The creator may be the referrer or a coordinator: they see what their rights show.
    return this.readView(user, situation);
  }

  /** The commission is not an emergency service: such a saisine is refused and only counted. */
  async refuseEmergency(input: CreateSituationDto): Promise<void> {
    if (input.screening.immediateDanger || input.screening.acuteMedicalNeed) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO cellule.emergency_refusal_counter AS c (year, refusals) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET refusals = c.refusals + 1`,
          [new Date().getUTCFullYear()],
        );
        await this.audit.recordWithin(manager, { action: 'situation.emergency_refused', resourceType: 'situation', outcome: 'denied' });
      });
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.emergencyReferral, 'Emergency: referral not accepted', EMERGENCY_DETAIL, {
        emergencyNumbers: ['15', '112', '3114'],
      });
    }
  }

  /** Records a saisine in the caller's transaction (intake, or a DAC's inbound referral). */
  async createWithin(manager: EntityManager, user: AuthenticatedUser, input: CreateSituationDto): Promise<Situation> {
    const id = randomUUID();
    const year = new Date().getUTCFullYear();
    const values: GroupValues = {
      identity: input.identity,
      contact: input.contact ?? {},
      social: input.social,
      health: input.health ?? {},
      narrative: input.narrative,
    };
    const [counter] = (await manager.query(
      `INSERT INTO cellule.reference_counter AS c (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = c.last + 1 RETURNING last`,
      [year],
    )) as { last: number }[];
    const dek = await this.dataKeys.create(manager, id);
    const now = new Date();
    const row = manager.create(Situation, {
      id,
      reference: `${year}-${String(counter.last).padStart(3, '0')}`,
      year,
      status: 'submitted',
      problemAreas: input.problemAreas,
      birthDecade: birthDecade(input.identity.birthDate),
      referrerUserId: user.id,
      referrerOrganizationId: user.organizationId,
      blindIndex: this.crypto.blindIndex(input.identity),
      closureOutcome: null,
      redirectedTo: null,
      createdAt: now,
      updatedAt: now,
      ...this.encryptGroups(dek, id, values),
    });
    await manager.insert(Situation, row);
    await this.recordPossibleDuplicates(manager, row, input.identity);
    await this.audit.recordWithin(manager, this.entry('situation.create', id, 'granted'));
    return row;
  }

  async list(user: AuthenticatedUser, query: SituationQueryDto): Promise<Page<SituationSummaryDto>> {
    const filter = await this.access.listFilter(user);
    const builder = this.situations.createQueryBuilder('situation').where(filter.sql, filter.params);
    if (query.status) builder.andWhere('situation.status = :status', { status: query.status });
    if (query.year) builder.andWhere('situation.year = :year', { year: query.year });
    if (query.problemArea) builder.andWhere(':problemArea = ANY(situation.problem_areas)', { problemArea: query.problemArea });
    if (query.reviewDue) {
      builder.andWhere(
        `situation.status IN ('reviewed', 'follow_up') AND EXISTS (SELECT 1 FROM cellule.agenda_item i JOIN cellule.item_outcome o ON o.item_id = i.id
           WHERE i.situation_id = situation.id AND o.next_review_date < :today)`,
        { today: this.clock.today() },
      );
    }
    if (query.reference) builder.andWhere('situation.reference LIKE :reference', { reference: `%${query.reference}%` });
    const [rows, total] = await builder.orderBy('situation.created_at', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    const facts = await this.access.loadFacts(rows.map((row) => row.id));
    const decided = await Promise.all(rows.map(async (row) => ({ row, access: await this.access.decide(user, facts.get(row.id)!) })));
    const keys = await this.dataKeys.loadMany(decided.filter(({ access }) => access?.groups.has('identity')).map(({ row }) => row.id));
    const items = decided.map(({ row, access }) => {
      const summary = this.summary(row);
      const dek = keys.get(row.id);
      if (access?.groups.has('identity') && dek) summary.identity = this.decryptGroup(dek, row, 'identity');
      return summary;
    });
    // One entry per situation shown: the committee sees list exposures per situation too.
    await this.audit.record(
      ...(decided.length > 0
        ? decided.map(({ row, access }) => this.entry('situation.list', row.id, 'granted', access))
        : [{ action: 'situation.list', resourceType: 'situation', outcome: 'granted' as const }]),
    );
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<SituationDto> {
    const { situation } = await this.authorize(user, id, 'read');
    return this.readView(user, situation);
  }

  async update(user: AuthenticatedUser, id: string, changes: UpdateSituationDto): Promise<SituationDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const { situation } = await this.authorize(user, id, 'update', manager);
      const dek = await this.dataKeys.load(id, manager);
      const values: Partial<GroupValues> = {
        identity: changes.identity,
        contact: changes.contact,
        social: changes.social,
        health: changes.health,
        narrative: changes.narrative,
      };
      Object.assign(situation, this.encryptGroups(dek, id, values), { updatedAt: new Date() });
      if (changes.problemAreas) situation.problemAreas = changes.problemAreas;
      if (changes.identity) {
        situation.birthDecade = birthDecade(changes.identity.birthDate);
        situation.blindIndex = this.crypto.blindIndex(changes.identity);
        await this.recordPossibleDuplicates(manager, situation, changes.identity);
      }
      await manager.save(situation);
      await this.assertStillPermitted(user, id, manager);
      await this.audit.recordWithin(manager, this.entry('situation.update', id, 'granted'));
      return situation;
    });
    return this.readView(user, updated);
  }

  async transition(user: AuthenticatedUser, id: string, input: TransitionDto): Promise<SituationDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const { situation, facts } = await this.authorize(user, id, 'transition', manager);
      await this.moveWithin(manager, user, situation, facts, input);
      await this.assertStillPermitted(user, id, manager);
      await this.audit.recordWithin(manager, this.entry('situation.transition', id, 'granted'));
      return situation;
    });
    return this.readView(user, updated);
  }

  /**
   * Applies one transition of the workflow in the caller's transaction: the state machine, the
   * details it requires, the consent it requires, and the recorded transition with its reason.
   */
  async moveWithin(manager: EntityManager, user: AuthenticatedUser, situation: Situation, facts: SituationFacts, input: TransitionDto): Promise<void> {
    const id = situation.id;
    const from = situation.status;
    if (!TRANSITIONS[from].includes(input.to)) {
      throw conflict(`Transition impossible de « ${from} » vers « ${input.to} ».`);
    }
    assertTransitionDetails(input);
    if ((input.to === 'in_preparation' || input.to === 'scheduled') && !facts.reviewConsentValid) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ProblemType.consentRequired,
        'Consent required',
        "L'accord de la personne pour l'examen de sa situation par la commission n'est pas enregistré ou n'est plus valable.",
      );
    }
    const transitionId = randomUUID();
    const reasonEnc = input.reason ? this.crypto.encryptJson(await this.dataKeys.load(id, manager), 'situation_transition.reason', transitionId, input.reason) : null;
    situation.status = input.to;
    situation.updatedAt = new Date();
    if (input.to === 'redirected') situation.redirectedTo = input.redirectedTo!;
    if (input.to === 'closed') situation.closureOutcome = input.outcome!;
    await manager.save(situation);
    await manager.insert(SituationTransition, {
      id: transitionId,
      situationId: id,
      fromStatus: from,
      toStatus: input.to,
      actorUserId: user.id,
      at: situation.updatedAt,
      reasonEnc,
      closureOutcome: input.to === 'closed' ? input.outcome! : null,
      redirectedTo: input.to === 'redirected' ? input.redirectedTo! : null,
    });
  }

  /**
   * Loads a situation and checks the action, locking the row when in a transaction. A situation
   * the user may not see is a 404; one they see but may not change this way is a 403. Both are
   * recorded as denied.
   */
  async authorize(
    user: AuthenticatedUser,
    id: string,
    action: SubjectAction,
    manager?: EntityManager,
  ): Promise<{ situation: Situation; access: SituationAccess; facts: SituationFacts }> {
    const situation = manager
      ? await manager.findOne(Situation, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : await this.situations.findOneBy({ id });
    const facts = situation ? (await this.access.loadFacts([id], manager)).get(id) : undefined;
    const access = facts ? await this.access.decide(user, facts) : undefined;
    if (!situation || !facts || !access) {
      await this.audit.record(this.entry(`situation.${action}`, id, 'denied'));
      throw notFound();
    }
    if (!access.actions.has(action)) {
      await this.audit.record(this.entry(`situation.${action}`, id, 'denied', access));
      if (situation.status === 'closed' || situation.status === 'rejected' || situation.status === 'redirected') {
        throw conflict('Ce dossier est clos : il ne peut plus être modifié.');
      }
      throw new ForbiddenException("Votre rôle dans cette situation ne permet pas cette action.");
    }
    return { situation, access, facts };
  }

  /**
   * Checked after a write, in its transaction: the user may not move a situation out of their own
   * reach (a state or relation they could not reach). Otherwise the write is rolled back.
   */
  private async assertStillPermitted(user: AuthenticatedUser, id: string, manager: EntityManager): Promise<void> {
    const after = (await this.access.loadFacts([id], manager)).get(id);
    if (!after || !(await this.access.decide(user, after))) {
      throw new ForbiddenException("Cette modification sortirait la situation de votre périmètre d'accès.");
    }
  }

  /** The coordinator designates the référent who follows the situation between sessions. */
  async designatePilot(user: AuthenticatedUser, id: string, pilotUserId: string): Promise<SituationDto> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const { situation } = await this.authorize(user, id, 'designate_pilot', manager);
      await this.setPilotWithin(manager, id, pilotUserId);
      await this.audit.recordWithin(manager, this.entry('situation.designate_pilot', id, 'granted'));
      return situation;
    });
    return this.readView(user, updated);
  }

  /** An audit entry about a situation, with the relation that justified the access as purpose. */
  entry(action: string, situationId: string, outcome: AuditEntry['outcome'], access?: SituationAccess): AuditEntry {
    return { action, resourceType: 'situation', resourceId: situationId, situationId, outcome, purpose: access?.purpose };
  }

  /** Makes `pilotUserId` the référent of the situation, ending the previous one's relation. */
  async setPilotWithin(manager: EntityManager, situationId: string, pilotUserId: string): Promise<void> {
    const [pilot] = (await manager.query(
      `SELECT user_id FROM clsm.directory_entry WHERE user_id = $1 AND active AND 'member' = ANY(roles)`,
      [pilotUserId],
    )) as { user_id: string }[];
    if (!pilot) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Unknown member', 'Le référent doit être un membre actif de la commission.');
    }
    await manager.query(
      `UPDATE cellule.situation_relation SET valid_until = now()
        WHERE situation_id = $1 AND relation = 'pilot' AND (valid_until IS NULL OR valid_until > now())`,
      [situationId],
    );
    await manager.query(
      `INSERT INTO cellule.situation_relation (situation_id, user_id, relation, purpose_type, purpose_id) VALUES ($1, $2, 'pilot', 'pilot', $1)`,
      [situationId, pilotUserId],
    );
  }

  /** The full view a user may see, recorded as a read before it leaves the service. */
  private async readView(user: AuthenticatedUser, situation: Situation): Promise<SituationDto> {
    const facts = (await this.access.loadFacts([situation.id])).get(situation.id);
    const access = facts ? await this.access.decide(user, facts) : undefined;
    if (!access) throw notFound();
    let view: SituationDto;
    try {
      view = await this.view(situation, access);
    } catch (error) {
      if (error instanceof IntegrityError) await this.audit.record(this.entry('situation.read', situation.id, 'error', access));
      throw error;
    }
    await this.audit.record(this.entry('situation.read', situation.id, 'granted', access));
    return view;
  }

  private async view(situation: Situation, access: SituationAccess): Promise<SituationDto> {
    const dek = await this.dataKeys.load(situation.id);
    const view: SituationDto = {
      ...this.summary(situation),
      birthDecade: situation.birthDecade,
      closureOutcome: situation.closureOutcome,
      redirectedTo: situation.redirectedTo,
    };
    for (const group of Object.keys(GROUP_COLUMNS) as RowGroup[]) {
      if (access.groups.has(group)) Object.assign(view, { [group]: this.decryptGroup(dek, situation, group) });
    }
    const transitions = await this.dataSource.getRepository(SituationTransition).find({ where: { situationId: situation.id }, order: { at: 'ASC' } });
    view.history = transitions.map((transition) => {
      const item: TransitionViewDto = { from: transition.fromStatus, to: transition.toStatus, at: transition.at.toISOString(), actorUserId: transition.actorUserId };
      if (transition.reasonEnc) item.reason = this.crypto.decryptJson<string>(dek, 'situation_transition.reason', transition.id, transition.reasonEnc);
      if (transition.closureOutcome) item.outcome = transition.closureOutcome;
      if (transition.redirectedTo) item.redirectedTo = transition.redirectedTo;
      return item;
    });
    if (access.seesDuplicates) {
      const rows = (await this.dataSource.query(
        'SELECT other_situation_id FROM cellule.duplicate_warning WHERE situation_id = $1 ORDER BY detected_at',
        [situation.id],
      )) as { other_situation_id: string }[];
      view.possibleDuplicates = rows.map((row) => row.other_situation_id);
    }
    return view;
  }

  private summary(situation: Situation): SituationSummaryDto {
    return {
      id: situation.id,
      reference: situation.reference,
      status: situation.status,
      year: situation.year,
      problemAreas: situation.problemAreas,
      referrer: { userId: situation.referrerUserId, organizationId: situation.referrerOrganizationId },
      createdAt: situation.createdAt.toISOString(),
      updatedAt: situation.updatedAt.toISOString(),
    };
  }

  private encryptGroups(dek: Uint8Array, id: string, values: Partial<GroupValues>): Partial<Situation> {
    const columns: Partial<Situation> = {};
    for (const group of Object.keys(GROUP_COLUMNS) as RowGroup[]) {
      const value = values[group];
      if (value === undefined) continue;
      const { field, property } = GROUP_COLUMNS[group];
      columns[property] = this.crypto.encryptJson(dek, field, id, value);
    }
    return columns;
  }

  private decryptGroup<G extends RowGroup>(dek: Uint8Array, situation: Situation, group: G): GroupValues[G] {
    const { field, property } = GROUP_COLUMNS[group];
    return this.crypto.decryptJson<GroupValues[G]>(dek, field, situation.id, situation[property]);
  }

  /**
   * Duplicate detection without decrypting everything: open situations sharing the blind-index
   * bucket are decrypted and compared; matches are kept for the coordinator only.
   */
  private async recordPossibleDuplicates(manager: EntityManager, situation: Situation, identity: IdentityDto): Promise<void> {
    const candidates = await manager
      .createQueryBuilder(Situation, 'candidate')
      .select(['candidate.id', 'candidate.identityEnc'])
      .where('candidate.blind_index = :bucket AND candidate.id <> :id AND candidate.status IN (:...open)', {
        bucket: situation.blindIndex,
        id: situation.id,
        open: OPEN_STATUSES,
      })
      .getMany();
    if (candidates.length === 0) return;
    const keys = await this.dataKeys.loadMany(candidates.map((candidate) => candidate.id), manager);
    for (const candidate of candidates) {
      const dek = keys.get(candidate.id);
      if (!dek) continue;
      let other: IdentityDto;
      try {
        other = this.crypto.decryptJson<IdentityDto>(dek, 'situation.identity', candidate.id, candidate.identityEnc);
      } catch (error) {
        // A damaged case file must not block other intakes; it is reported when read.
        if (!(error instanceof IntegrityError)) throw error;
        this.logger.warn({ situationId: candidate.id }, 'duplicate check skipped a situation whose identity fails authentication');
        continue;
      }
      if (!this.crypto.sameIdentity(identity, other)) continue;
      await manager.query(
        `INSERT INTO cellule.duplicate_warning (situation_id, other_situation_id)
         VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING`,
        [situation.id, candidate.id],
      );
    }
  }
}

function assertTransitionDetails(input: TransitionDto): void {
  const missing = (detail: string) =>
    new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Missing transition details', detail);
  if ((input.to === 'rejected' || input.to === 'redirected') && !input.reason) {
    throw missing('Un motif est obligatoire pour refuser ou réorienter une saisine.');
  }
  if (input.to === 'redirected' && !input.redirectedTo) throw missing('Indiquez vers qui la situation est réorientée (redirectedTo).');
  if (input.to === 'closed' && !input.outcome) throw missing('Indiquez l’issue de la situation pour la clore (outcome).');
  if (input.to !== 'redirected' && input.redirectedTo) throw missing('redirectedTo ne s’applique qu’à une réorientation.');
  if (input.to !== 'closed' && input.outcome) throw missing('outcome ne s’applique qu’à une clôture.');
}

