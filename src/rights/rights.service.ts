import { BadRequestException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CaseFiles } from '../casefile/case-files.js';
import { Clock } from '../common/clock.js';
import type { Page } from '../common/page.dto.js';
import { notFound } from '../common/problem.js';
import type { CreateRightsRequestDto, RightsRequestDto, RightsRequestQueryDto, UpdateRightsRequestDto } from './dto/rights-request.dto.js';

interface Row {
  id: string;
  kind: RightsRequestDto['kind'];
  situation_id: string | null;
  reference: string | null;
  received_on: string;
  deadline: string;
  extended: boolean;
  status: RightsRequestDto['status'];
  outcome: RightsRequestDto['outcome'];
  answered_on: string | null;
  overdue: boolean;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `
  SELECT r.id, r.kind, r.situation_id, s.reference, to_char(r.received_on, 'YYYY-MM-DD') AS received_on,
         to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.extended, r.status, r.outcome,
         to_char(r.answered_on, 'YYYY-MM-DD') AS answered_on, (r.status <> 'answered' AND r.deadline < $1::date) AS overdue,
         r.created_at, r.updated_at
    FROM cellule.rights_request r LEFT JOIN cellule.situation s ON s.id = r.situation_id`;

/**
 * The register of the person's requests (GDPR articles 12 to 21): kept by the coordination, read by
 * the ethics committee (who may do what: ethics/policy.yaml, subjects.RightsRequest). The deadline
 * is one month from receipt (article 12.3), three months when extended; requests past it and not
 * answered are flagged. No name and no free text: the register points to the case reference.
 */
@Injectable()
export class RightsService {
  constructor(
    private readonly cases: CaseFiles,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, input: CreateRightsRequestDto): Promise<RightsRequestDto> {
    const manager = await this.cases.manager();
    // The situation must be one the coordinator may see (404 otherwise, refusal audited).
    if (input.situationId) await this.cases.situation(user, 'read', input.situationId);
    const id = randomUUID();
    await manager.query(
      `INSERT INTO cellule.rights_request (id, situation_id, kind, received_on, deadline, status, recorded_by)
       VALUES ($1, $2, $3, $4::date, ($4::date + interval '1 month')::date, 'received', $5)`,
      [id, input.situationId ?? null, input.kind, input.receivedOn, user.id],
    );
    this.cases.record(entry('rights_request.create', id, input.situationId ?? null));
    return this.load(id);
  }

  async list(query: RightsRequestQueryDto): Promise<Page<RightsRequestDto>> {
    const manager = await this.cases.manager();
    const conditions: string[] = [];
    const parameters: unknown[] = [this.clock.today()];
    if (query.status) {
      parameters.push(query.status);
      conditions.push(`r.status = $${parameters.length}`);
    }
    if (query.overdue) conditions.push(`r.status <> 'answered' AND r.deadline < $1::date`);
    // $1 (today) is typed in every statement, even when no filter uses it.
    const where = ` WHERE $1::date IS NOT NULL${conditions.map((condition) => ` AND ${condition}`).join('')}`;
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM cellule.rights_request r${where}`,
      parameters,
    );
    const rows = await manager.query<Row[]>(
      `${SELECT}${where} ORDER BY r.deadline, r.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      parameters,
    );
    this.cases.record({ action: 'rights_request.list', resourceType: 'rights_request' });
    return { items: rows.map(view), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<RightsRequestDto> {
    const found = await this.load(id);
    this.cases.record(entry('rights_request.read', id, found.situationId));
    return found;
  }

  async update(id: string, changes: UpdateRightsRequestDto): Promise<RightsRequestDto> {
    const manager = await this.cases.manager();
    const current = await this.load(id, true);
    const status = changes.status ?? current.status;
    if (current.status === 'answered' && changes.status && changes.status !== 'answered') {
      throw new BadRequestException('Une demande à laquelle il a été répondu ne peut être rouverte : enregistrez une nouvelle demande.');
    }
    const outcome = changes.outcome ?? current.outcome;
    const answeredOn = changes.answeredOn ?? current.answeredOn;
    if (status === 'answered' && (!outcome || !answeredOn)) {
      throw new BadRequestException('Une demande traitée indique la réponse apportée (outcome) et sa date (answeredOn).');
    }
    if (status !== 'answered' && (changes.outcome || changes.answeredOn)) {
      throw new BadRequestException('La réponse et sa date ne s’enregistrent qu’avec l’état « answered ».');
    }
    if (answeredOn && answeredOn < current.receivedOn)
      throw new BadRequestException('La réponse ne peut précéder la réception de la demande.');
    if (changes.extended === false && current.extended) throw new BadRequestException('Une prolongation accordée ne se retire pas.');
    const extend = changes.extended === true && !current.extended;
    await manager.query(
      `UPDATE cellule.rights_request SET status = $2, outcome = $3, answered_on = $4::date, extended = extended OR $5,
              deadline = CASE WHEN $5 AND NOT extended THEN (deadline + interval '2 months')::date ELSE deadline END, updated_at = now()
        WHERE id = $1`,
      [id, status, status === 'answered' ? outcome : null, status === 'answered' ? answeredOn : null, extend],
    );
    this.cases.record(entry('rights_request.update', id, current.situationId));
    return this.load(id);
  }

  private async load(id: string, lock = false): Promise<RightsRequestDto> {
    const manager = await this.cases.manager();
    const [row] = await manager.query<Row[]>(`${SELECT} WHERE r.id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [this.clock.today(), id]);
    if (!row) throw notFound('Cette demande est introuvable.');
    return view(row);
  }
}

function view(row: Row): RightsRequestDto {
  return {
    id: row.id,
    kind: row.kind,
    situationId: row.situation_id,
    situationReference: row.reference,
    receivedOn: row.received_on,
    deadline: row.deadline,
    extended: row.extended,
    status: row.status,
    outcome: row.outcome,
    answeredOn: row.answered_on,
    overdue: row.overdue,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const entry = (action: string, id: string, situationId: string | null) => ({
  action,
  resourceType: 'rights_request',
  resourceId: id,
  situationId,
});
