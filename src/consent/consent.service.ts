import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService, type FieldGrant } from '../access/access.service.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles, type FieldReader } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import { isoDate } from '../common/dates.js';
import { conflict, notFound, ProblemException, ProblemType } from '../common/problem.js';
import type { ConsentPurpose } from '../ethics/policy.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { entry } from '../situations/situations.service.js';
import type { ConsentDto, RecordConsentDto, RepresentativeDto, StatementDto, WithdrawConsentDto } from './dto/consent.dto.js';

interface ConsentRow {
  id: string;
  situation_id: string;
  purpose: ConsentPurpose;
  decision: 'given' | 'refused' | 'withdrawn';
  given_by: 'person' | 'legal_representative';
  method: 'signed_form' | 'oral_statement';
  document_id: string | null;
  details_enc: Buffer;
  given_on: string;
  valid_until: string | null;
  refused_organization_ids: string[];
  withdraws_consent_id: string | null;
  recorded_by_user_id: string;
  recorded_at: Date;
}

interface ConsentDetails {
  representative?: RepresentativeDto;
  statement?: StatementDto;
}

const invalid = (detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.validation, 'Accord mal renseigné', detail);

/**
 * The person's consent, per purpose. Records are immutable (the database refuses updates): a
 * refusal or a withdrawal is a new record, and the latest record of a purpose is the one in force.
 * Access that depends on consent is recomputed at every request, so a withdrawal cuts it at once.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly access: AccessService,
    private readonly referrals: ReferralsService,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthenticatedUser, situationId: string, input: RecordConsentDto): Promise<ConsentDto> {
    if (input.givenOn > this.clock.today()) throw invalid("La date de l'accord ne peut pas être future.");
    if (input.validUntil && input.validUntil < input.givenOn) throw invalid("La date de fin précède la date de l'accord.");
    const { access } = await this.cases.situation(user, 'record_consent', situationId);
    const manager = await this.cases.manager();
    await this.assertEvidence(situationId, input);
    if (input.refusedOrganizationIds?.length) {
      const [{ known }] = await manager.query<{ known: number }[]>(
        'SELECT count(*)::int AS known FROM clsm.directory_organization WHERE id = ANY($1)',
        [input.refusedOrganizationIds],
      );
      if (known !== new Set(input.refusedOrganizationIds).size) throw invalid('Une structure refusée est inconnue.');
    }
    const row = await this.insert(user, situationId, {
      purpose: input.purpose,
      decision: input.decision,
      evidence: input,
      givenOn: input.givenOn,
      validUntil: input.validUntil ?? null,
      refusedOrganizationIds: input.refusedOrganizationIds ?? [],
      withdrawsConsentId: null,
    });
    // Decisions taken later in this request see the new consent.
    this.access.forgetFacts();
    this.cases.record({ ...entry('consent.record', situationId, access), resourceType: 'consent', resourceId: row.id });
    return this.view(row, access, await this.cases.reader([access], 'consent.record'), true);
  }

  async withdraw(user: AuthenticatedUser, situationId: string, consentId: string, input: WithdrawConsentDto): Promise<ConsentDto> {
    const { access } = await this.cases.situation(user, 'record_consent', situationId);
    const manager = await this.cases.manager();
    // Serialise consent changes of one situation: the record in force cannot change under us.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consent:${situationId}`]);
    const [target] = await manager.query<ConsentRow[]>('SELECT * FROM cellule.consent WHERE id = $1 AND situation_id = $2', [
      consentId,
      situationId,
    ]);
    if (!target) throw notFound();
    const [current] = await manager.query<{ id: string; decision: string }[]>(
      'SELECT id, decision FROM cellule.current_consent WHERE situation_id = $1 AND purpose = $2',
      [situationId, target.purpose],
    );
    if (current?.id !== consentId || current.decision !== 'given') {
      throw conflict("Seul l'accord en vigueur peut être retiré.");
    }
    await this.assertEvidence(situationId, input);
    const row = await this.insert(user, situationId, {
      purpose: target.purpose,
      decision: 'withdrawn',
      evidence: input,
      givenOn: this.clock.today(),
      validUntil: null,
      refusedOrganizationIds: target.refused_organization_ids,
      withdrawsConsentId: consentId,
    });
    // Withdrawing the transmission consent before acceptance withdraws the pending referrals.
    if (target.purpose === 'dac_transmission') await this.referrals.withdrawPendingWithin(situationId);
    this.access.forgetFacts();
    this.cases.record({ ...entry('consent.withdraw', situationId, access), resourceType: 'consent', resourceId: row.id });
    return this.view(row, access, await this.cases.reader([access], 'consent.withdraw'), true);
  }

  async list(user: AuthenticatedUser, situationId: string): Promise<ConsentDto[]> {
    const { access } = await this.cases.situation(user, 'read_consents', situationId);
    const manager = await this.cases.manager();
    const rows = await manager.query<ConsentRow[]>('SELECT * FROM cellule.consent WHERE situation_id = $1 ORDER BY recorded_at, id', [
      situationId,
    ]);
    const current = new Set(
      (await manager.query<{ id: string }[]>('SELECT id FROM cellule.current_consent WHERE situation_id = $1', [situationId])).map(
        (row) => row.id,
      ),
    );
    const reader = await this.cases.reader([access], 'consent.list');
    const items = rows.map((row) => this.view(row, access, reader, current.has(row.id)));
    this.cases.record({ ...entry('consent.list', situationId, access), resourceType: 'consent' });
    return items;
  }

  private async assertEvidence(situationId: string, evidence: WithdrawConsentDto): Promise<void> {
    if ((evidence.givenBy === 'legal_representative') !== Boolean(evidence.representative)) {
      throw invalid('Le représentant légal (nom et mesure) est requis si et seulement si il s’exprime pour la personne.');
    }
    if (evidence.method === 'signed_form') {
      if (!evidence.documentId || evidence.statement) throw invalid('Un formulaire signé se joint comme document du dossier (documentId).');
      const manager = await this.cases.manager();
      const [document] = await manager.query<unknown[]>('SELECT 1 FROM cellule.document WHERE id = $1 AND situation_id = $2', [
        evidence.documentId,
        situationId,
      ]);
      if (!document) throw invalid("Le formulaire signé n'est pas un document de cette situation.");
    } else if (!evidence.statement || evidence.documentId) {
      throw invalid('Une déclaration orale précise le professionnel qui l’a recueillie et sa date (statement).');
    } else if (evidence.statement.recordedOn > this.clock.today()) {
      throw invalid('La date de la déclaration ne peut pas être future.');
    }
  }

  private async insert(
    user: AuthenticatedUser,
    situationId: string,
    record: {
      purpose: ConsentPurpose;
      decision: ConsentRow['decision'];
      evidence: WithdrawConsentDto;
      givenOn: string;
      validUntil: string | null;
      refusedOrganizationIds: string[];
      withdrawsConsentId: string | null;
    },
  ): Promise<ConsentRow> {
    const manager = await this.cases.manager();
    const id = randomUUID();
    const details: ConsentDetails = { representative: record.evidence.representative, statement: record.evidence.statement };
    const [row] = await manager.query<ConsentRow[]>(
      `INSERT INTO cellule.consent (id, situation_id, purpose, decision, given_by, method, document_id, details_enc, given_on,
         valid_until, refused_organization_ids, withdraws_consent_id, recorded_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [
        id,
        situationId,
        record.purpose,
        record.decision,
        record.evidence.givenBy,
        record.evidence.method,
        record.evidence.documentId ?? null,
        await this.cases.seal(situationId, 'consent.details', id, details),
        record.givenOn,
        record.validUntil,
        [...new Set(record.refusedOrganizationIds)],
        record.withdrawsConsentId,
        user.id,
      ],
    );
    return row;
  }

  private view(row: ConsentRow, grant: FieldGrant, reader: FieldReader, current: boolean): ConsentDto {
    const details = reader.read<ConsentDetails>(grant, 'consent.details', row.id, row.details_enc) ?? {};
    const validUntil = row.valid_until === null ? null : isoDate(row.valid_until);
    const givenOn = isoDate(row.given_on);
    const today = this.clock.today();
    return {
      id: row.id,
      purpose: row.purpose,
      decision: row.decision,
      givenBy: row.given_by,
      ...(details.representative ? { representative: details.representative } : {}),
      method: row.method,
      documentId: row.document_id,
      ...(details.statement ? { statement: details.statement } : {}),
      givenOn,
      validUntil,
      refusedOrganizationIds: row.refused_organization_ids,
      withdrawsConsentId: row.withdraws_consent_id,
      recordedByUserId: row.recorded_by_user_id,
      recordedAt: new Date(row.recorded_at).toISOString(),
      inForce: current && row.decision === 'given' && givenOn <= today && (validUntil === null || validUntil >= today),
    };
  }
}
