import { fieldErrors } from '../common/validation-messages.js';
import { BadRequestException, ForbiddenException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { AccessService, type SituationAccess } from '../access/access.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles, type FieldReader } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import type { Page } from '../common/page.dto.js';
import { notFound, ProblemException, ProblemType } from '../common/problem.js';
import { IntegrityError, ShreddedError } from '../crypto/crypto-errors.js';
import type { EncryptedField } from '../crypto/field-registry.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ContactDto, HealthDto, IdentityDto, NarrativeDto, SocialDto } from './dto/field-groups.dto.js';
import type { CreateSituationDto, UpdateSituationDto } from './dto/situation-input.dto.js';
import type { SituationQueryDto } from './dto/situation-query.dto.js';
import type { RightsMeasureViewDto, SituationDto, SituationSummaryDto, TransitionViewDto } from './dto/situation-output.dto.js';
import { type ClosureOutcome, OPEN_STATUSES, type RedirectionTarget, type SituationStatus } from './situation.constants.js';
import { Situation } from './situation.entity.js';

/** The encrypted field groups of the situation row, by column. */
const GROUP_COLUMNS = {
  identity: { field: 'situation.identity', property: 'identityEnc' },
  contact: { field: 'situation.contact', property: 'contactEnc' },
  social: { field: 'situation.social', property: 'socialEnc' },
  health: { field: 'situation.health', property: 'healthEnc' },
  narrative: { field: 'situation.narrative', property: 'narrativeEnc' },
} as const satisfies Record<string, { field: EncryptedField; property: keyof Situation }>;
type RowGroup = keyof typeof GROUP_COLUMNS;
type GroupValues = { identity: IdentityDto; contact: ContactDto; social: SocialDto; health: HealthDto; narrative: NarrativeDto };
const GROUP_CLASSES = {
  identity: IdentityDto,
  contact: ContactDto,
  social: SocialDto,
  health: HealthDto,
  narrative: NarrativeDto,
} as const;

const EMERGENCY_DETAIL =
  "La commission ne traite pas les urgences : la saisine n'est pas enregistrée. En cas de danger immédiat, " +
  "appelez le 15 (SAMU) ou le 112 ; pour une urgence psychiatrique, adressez-vous au service d'urgences " +
  "psychiatriques du secteur ou aux urgences de l'hôpital le plus proche ; en cas de risque suicidaire, " +
  'appelez le 3114 (numéro national de prévention du suicide, 24 h/24).';

const birthDecade = (birthDate: string) => Math.floor(Number(birthDate.slice(0, 4)) / 10) * 10;

/**
 * Case files: intake, reads and edits. Access, keys, ciphers and audit entries all go through the
 * case-file path (CaseFiles); this service holds the domain rules only.
 */
@Injectable()
export class SituationsService {
  private readonly logger = new Logger(SituationsService.name);

  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, input: CreateSituationDto): Promise<SituationDto> {
    await this.refuseEmergency(input);
    const situation = await this.createWithin(user, input);
    // The creator may be the referrer or a coordinator: they see what their rights show.
    return this.readView(user, situation);
  }

  /** The commission is not an emergency service: such a saisine is refused, counted, and nothing of it kept. */
  async refuseEmergency(input: CreateSituationDto): Promise<void> {
    const { immediateDanger, acuteMedicalNeed, suicidalRisk } = input.screening;
    if (!immediateDanger && !acuteMedicalNeed && !suicidalRisk) return;
    await this.uow.commitAhead(async (manager) => {
      await manager.query(
        `INSERT INTO cellule.emergency_refusal_counter AS c (year, refusals) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET refusals = c.refusals + 1`,
        [Number(this.clock.today().slice(0, 4))],
      );
    });
    this.cases.deny({ action: 'situation.emergency_refused', resourceType: 'situation' });
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ProblemType.emergencyReferral,
      'Urgence : saisine non enregistrée',
      EMERGENCY_DETAIL,
      {
        emergencyNumbers: ['15', '112', '3114'],
      },
    );
  }

  /** Records a saisine in the request's unit (intake, or a DAC's inbound referral). */
  async createWithin(user: AuthenticatedUser, input: CreateSituationDto): Promise<Situation> {
    const manager = await this.cases.manager();
    const id = randomUUID();
    const year = Number(this.clock.today().slice(0, 4));
    const [counter] = await manager.query<{ last: number }[]>(
      `INSERT INTO cellule.reference_counter AS c (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = c.last + 1 RETURNING last`,
      [year],
    );
    await this.cases.createKey(id);
    const now = this.clock.now();
    const row = manager.create(Situation, {
      id,
      // The case reference names the situation everywhere its person's name must not appear.
      reference: `CC-${year}-${String(counter.last).padStart(4, '0')}`,
      year,
      status: 'submitted',
      problemAreas: input.problemAreas,
      birthDecade: birthDecade(input.identity.birthDate),
      sex: input.identity.sex,
      referrerUserId: user.id,
      referrerOrganizationId: user.organizationId,
      blindIndex: this.cases.blindIndex(input.identity),
      closureOutcome: null,
      redirectedTo: null,
      createdAt: now,
      updatedAt: now,
      ...(await this.sealGroups(id, {
        identity: input.identity,
        contact: input.contact ?? {},
        social: input.social,
        health: input.health ?? {},
        narrative: input.narrative,
      })),
    });
    await manager.insert(Situation, row);
    await this.recordPossibleDuplicates(row, input.identity);
    this.cases.record(entry('situation.create', id));
    return row;
  }

  async list(user: AuthenticatedUser, query: SituationQueryDto): Promise<Page<SituationSummaryDto>> {
    const manager = await this.cases.manager();
    const filter = await this.access.listFilter(user);
    const builder = manager.createQueryBuilder(Situation, 'situation').where(filter.sql, filter.params);
    if (query.status) builder.andWhere('situation.status = :status', { status: query.status });
    if (query.year) builder.andWhere('situation.year = :year', { year: query.year });
    if (query.problemArea) builder.andWhere('situation.problem_areas @> ARRAY[:problemArea]::text[]', { problemArea: query.problemArea });
    if (query.reviewDue) {
      builder.andWhere(
        `situation.status IN ('reviewed', 'follow_up') AND EXISTS (SELECT 1 FROM cellule.agenda_item i JOIN cellule.item_outcome o ON o.item_id = i.id
           WHERE i.situation_id = situation.id AND o.next_review_date < :today)`,
        { today: this.clock.today() },
      );
    }
    if (query.reference) builder.andWhere('situation.reference LIKE :reference', { reference: `%${query.reference}%` });
    // The total as a scalar subquery of the page's own query (computed once, not per row; a window
    // count would carry every matching row and its ciphertexts to count them).
    const counted = builder.clone().select('count(*)').getQuery();
    // The page with its total, access facts and wrapped keys: one query.
    builder
      .addSelect(`(${counted})`, 'total_count')
      .orderBy('situation.created_at', 'DESC')
      .addOrderBy('situation.id', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    const { rows, raw } = await this.cases.situationsWithAccess<{ total_count: string | number }>(builder);
    // Past the last page there is no row to carry it: counted apart.
    const total = raw.length > 0 ? Number(raw[0].total_count) : await builder.clone().orderBy().skip(undefined).take(undefined).getCount();
    const decided = await this.cases.visible(
      user,
      rows.map((row) => row.id),
    );
    const grants = [...decided.values()];
    const reader = await this.cases.reader(grants, 'situation.list');
    const items = rows.map((row) => {
      const summary = this.summary(row);
      const access = decided.get(row.id);
      if (access && !reader.destroyed(row.id))
        summary.identity = reader.read<IdentityDto>(access, 'situation.identity', row.id, row.identityEnc);
      return summary;
    });
    // One entry per situation shown: the committee sees list exposures per situation too.
    this.cases.record(
      ...(rows.length > 0
        ? rows.map((row) => entry('situation.list', row.id, decided.get(row.id)))
        : [{ action: 'situation.list', resourceType: 'situation' }]),
    );
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthenticatedUser, id: string): Promise<SituationDto> {
    const { situation } = await this.cases.situation(user, 'read', id);
    return this.readView(user, situation);
  }

  /**
   * A true partial update (rectification): within each group sent, the fields sent replace the
   * stored ones and `null` clears one; everything not sent is kept. The merged group is validated as
   * a whole. A group can be rectified only by someone who may read it (merging needs its content).
   */
  async update(user: AuthenticatedUser, id: string, changes: UpdateSituationDto): Promise<SituationDto> {
    const manager = await this.cases.manager();
    const { situation, access } = await this.cases.situation(user, 'update', id);
    const sent = (Object.keys(GROUP_COLUMNS) as RowGroup[]).filter((group) => changes[group] !== undefined);
    const merged: Partial<GroupValues> = {};
    if (sent.length > 0) {
      const reader = await this.cases.reader([access], 'situation.update');
      if (reader.destroyed(id)) throw new ShreddedError(id);
      for (const group of sent) {
        if (!access.groups.has(group))
          throw new ForbiddenException('Vous ne pouvez rectifier que les informations que vous pouvez consulter.');
        const { field, property } = GROUP_COLUMNS[group];
        const next: Record<string, unknown> = { ...(reader.read<Record<string, unknown>>(access, field, id, situation[property]) ?? {}) };
        for (const [key, value] of Object.entries(changes[group]!)) {
          if (value === null) delete next[key];
          else next[key] = value;
        }
        Object.assign(merged, { [group]: await validGroup(group, next) });
      }
    }
    Object.assign(situation, await this.sealGroups(id, merged), { updatedAt: this.clock.now() });
    if (changes.problemAreas) situation.problemAreas = changes.problemAreas;
    if (merged.identity) {
      situation.birthDecade = birthDecade(merged.identity.birthDate);
      situation.sex = merged.identity.sex;
      situation.blindIndex = this.cases.blindIndex(merged.identity);
    }
    await manager.save(situation);
    if (merged.identity) await this.recordPossibleDuplicates(situation, merged.identity);
    await this.cases.recheck(user, id);
    this.cases.record(entry('situation.update', id));
    return this.readView(user, situation);
  }

  /** The full view a user may see, recorded as a read before it leaves the service. */
  async readView(user: AuthenticatedUser, situation: Situation): Promise<SituationDto> {
    const access = (await this.cases.visible(user, [situation.id])).get(situation.id);
    if (!access) throw notFound('La ressource demandée est introuvable.');
    const reader = await this.cases.reader([access], 'situation.read');
    if (reader.destroyed(situation.id)) throw new ShreddedError(situation.id);
    const view: SituationDto = {
      ...this.summary(situation),
      birthDecade: situation.birthDecade,
      closureOutcome: situation.closureOutcome,
      redirectedTo: situation.redirectedTo,
    };
    for (const group of Object.keys(GROUP_COLUMNS) as RowGroup[]) {
      const { field, property } = GROUP_COLUMNS[group];
      const value = reader.read<GroupValues[typeof group]>(access, field, situation.id, situation[property]);
      if (value !== undefined) Object.assign(view, { [group]: value });
    }
    const history = await this.history(situation, access, reader);
    view.history = history.transitions;
    view.rightsMeasures = history.measures;
    view.restricted = view.rightsMeasures.some((measure) => measure.kind === 'restriction' && !measure.liftedAt);
    if (access.seesDuplicates) view.possibleDuplicates = history.duplicates;
    this.cases.record(entry('situation.read', situation.id, access));
    return view;
  }

  /**
   * The file's history in one statement: its transitions, and the person's objection and
   * restrictions of processing (who, when, why), each reason decrypted only for its group; and, for
   * whoever sees them (`seesDuplicates`), the files it may duplicate, in the same round trip.
   */
  private async history(
    situation: Situation,
    access: SituationAccess,
    reader: FieldReader,
  ): Promise<{ transitions: TransitionViewDto[]; measures: RightsMeasureViewDto[]; duplicates: string[] }> {
    const manager = await this.cases.manager();
    const rows = await manager.query<
      {
        source: 'transition' | 'measure' | 'duplicate';
        id: string;
        at: Date;
        actor: string;
        from_status: SituationStatus | null;
        to_status: SituationStatus | null;
        reason_enc: Buffer | null;
        closure_outcome: ClosureOutcome | null;
        redirected_to: RedirectionTarget | null;
        kind: 'objection' | 'restriction' | null;
        rights_request_id: string | null;
        lifted_by: string | null;
        lifted_at: Date | null;
        lift_reason_enc: Buffer | null;
      }[]
    >(
      `SELECT 'transition' AS source, id, at, actor_user_id AS actor, from_status, to_status, reason_enc, closure_outcome, redirected_to,
              NULL::text AS kind, NULL::uuid AS rights_request_id, NULL::uuid AS lifted_by, NULL::timestamptz AS lifted_at, NULL::bytea AS lift_reason_enc
         FROM cellule.situation_transition WHERE situation_id = $1
       UNION ALL
       SELECT 'measure', id, placed_at, placed_by, NULL, NULL, reason_enc, NULL, NULL, kind, rights_request_id, lifted_by, lifted_at, lift_reason_enc
         FROM cellule.situation_measure WHERE situation_id = $1
       UNION ALL
       SELECT 'duplicate', other_situation_id, detected_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
         FROM cellule.duplicate_warning WHERE situation_id = $1 AND $2
       ORDER BY at, id`,
      [situation.id, access.seesDuplicates],
    );
    const terminal = ['rejected', 'redirected', 'closed'].includes(situation.status);
    const transitions: TransitionViewDto[] = [];
    const measures: RightsMeasureViewDto[] = [];
    const duplicates: string[] = [];
    for (const row of rows) {
      if (row.source === 'duplicate') {
        duplicates.push(row.id);
        continue;
      }
      if (row.source === 'transition') {
        const item: TransitionViewDto = { from: row.from_status!, to: row.to_status!, at: row.at.toISOString(), actorUserId: row.actor };
        const reason = reader.read<string>(access, 'situation_transition.reason', row.id, row.reason_enc);
        if (reason !== undefined) item.reason = reason;
        if (row.closure_outcome) item.outcome = row.closure_outcome;
        if (row.redirected_to) item.redirectedTo = row.redirected_to;
        transitions.push(item);
        continue;
      }
      const item: RightsMeasureViewDto = {
        kind: row.kind!,
        at: row.at.toISOString(),
        actorUserId: row.actor,
        rightsRequestId: row.rights_request_id,
      };
      const reason = reader.read<string>(access, 'situation_measure.reason', row.id, row.reason_enc);
      if (reason !== undefined) item.reason = reason;
      if (row.lifted_at) {
        item.liftedAt = row.lifted_at.toISOString();
        item.liftedByUserId = row.lifted_by!;
        const liftReason = reader.read<string>(access, 'situation_measure.lift_reason', row.id, row.lift_reason_enc);
        if (liftReason !== undefined) item.liftReason = liftReason;
      }
      if (row.kind === 'objection') item.closurePending = !terminal;
      measures.push(item);
    }
    return { transitions, measures, duplicates };
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

  private async sealGroups(id: string, values: Partial<GroupValues>): Promise<Partial<Situation>> {
    const columns: Partial<Situation> = {};
    for (const group of Object.keys(GROUP_COLUMNS) as RowGroup[]) {
      const value = values[group];
      if (value === undefined) continue;
      const { field, property } = GROUP_COLUMNS[group];
      columns[property] = await this.cases.seal(id, field, id, value);
    }
    return columns;
  }

  /**
   * Duplicate detection without decrypting everything: open situations sharing the blind-index
   * bucket are decrypted and compared; matches are kept for the coordination only. The comparison
   * runs on the service's side of the case-file path: nothing of the candidates leaves it.
   */
  private async recordPossibleDuplicates(situation: Situation, identity: IdentityDto): Promise<void> {
    const manager = await this.cases.manager();
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
    // A matching check, not a read by a person: the identity group only, purpose duplicate detection.
    const grants = candidates.map((candidate) => ({
      situationId: candidate.id,
      groups: new Set(['identity'] as const),
      purpose: { type: 'duplicate_check', id: situation.id },
    }));
    const reader = await this.cases.reader(grants, 'situation.duplicate_check');
    const matches: string[] = [];
    for (const grant of grants) {
      if (reader.destroyed(grant.situationId)) continue;
      const candidate = candidates.find((row) => row.id === grant.situationId)!;
      let other: IdentityDto | undefined;
      try {
        other = reader.read<IdentityDto>(grant, 'situation.identity', candidate.id, candidate.identityEnc);
      } catch (error) {
        // A damaged case file must not block other intakes; it is reported when read.
        if (!(error instanceof IntegrityError)) throw error;
        this.logger.warn({ situationId: candidate.id }, 'duplicate check skipped a situation whose identity fails authentication');
        continue;
      }
      if (!other || !this.cases.sameIdentity(identity, other)) continue;
      matches.push(candidate.id);
    }
    if (matches.length === 0) return;
    // Both directions of every match, in one statement.
    await manager.query(
      `INSERT INTO cellule.duplicate_warning (situation_id, other_situation_id)
       SELECT $1::uuid, other FROM unnest($2::uuid[]) AS other UNION ALL SELECT other, $1::uuid FROM unnest($2::uuid[]) AS other
       ON CONFLICT DO NOTHING`,
      [situation.id, matches],
    );
  }
}

/** A field group after rectification, validated as at intake (400 with the fields at fault). */
async function validGroup<G extends RowGroup>(group: G, value: Record<string, unknown>): Promise<GroupValues[G]> {
  const instance = plainToInstance(GROUP_CLASSES[group] as new () => GroupValues[G], value);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0)
    throw new BadRequestException({ message: 'La requête contient des champs invalides.', errors: fieldErrors(errors, group) });
  return instance;
}

/** An audit entry about a situation, with the relation that justified the access as purpose. */
export function entry(action: string, situationId: string, access?: { purpose: { type: string; id: string } }) {
  return { action, resourceType: 'situation', resourceId: situationId, situationId, purpose: access?.purpose };
}
