import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRolesUnderCharter } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { PageQueryDto } from '../common/page-query.dto.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ResponseNames } from '../directory/response-names.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditVerifierService } from './audit-verifier.service.js';
import { AuditService } from './audit.service.js';
import {
  AnomalyReportDto,
  AuditEventDto,
  AuditEventPageDto,
  AuditEventQueryDto,
  PeriodQueryDto,
  VerificationReportDto,
} from './dto/audit.dto.js';

const CSV_COLUMNS: [string, (event: AuditEventDto) => string | number | null][] = [
  ['seq', (event) => event.seq],
  ['recorded_at', (event) => event.recordedAt],
  ['actor_user_id', (event) => event.actor.userId],
  ['actor_name', (event) => event.actor.userName ?? null],
  ['actor_role', (event) => event.actor.role],
  ['actor_organization_id', (event) => event.actor.organizationId],
  ['actor_organization_name', (event) => event.actor.organizationName ?? null],
  ['action', (event) => event.action],
  ['resource_type', (event) => event.resourceType],
  ['resource_id', (event) => event.resourceId],
  ['situation_id', (event) => event.situationId],
  ['outcome', (event) => event.outcome],
  ['purpose_type', (event) => event.purpose?.type ?? null],
  ['purpose_id', (event) => event.purpose?.id ?? null],
  ['policy_version', (event) => event.policyVersion],
  ['request_id', (event) => event.requestId],
  ['client_address', (event) => event.clientAddress],
];
/**
 * Quoted; a text a spreadsheet would take for a formula (a display name typed as `=…`, `+…`, `-…`,
 * `@…`) is prefixed with an apostrophe, as OWASP advises against CSV injection.
 */
const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return `"${text.replaceAll('"', '""')}"`;
};

/** The ethics committee's audit API. Its own queries are audited too (without their filters). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@RequireRolesUnderCharter('ethics')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly queries: AuditQueryService,
    private readonly verifier: AuditVerifierService,
    private readonly names: ResponseNames,
    private readonly uow: UnitOfWork,
  ) {}

  @Get('events')
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProduces('application/json', 'text/csv')
  @ApiProblems(400, 401, 403)
  async events(@Query() query: AuditEventQueryDto, @Res({ passthrough: true }) response: Response): Promise<AuditEventPageDto | string> {
    const { items, total } = await this.queries.search(query);
    if (query.format === 'csv') {
      // The JSON page gets its names on the way out (the unit of work); the CSV is text by then.
      await this.names.annotate(items, () => this.uow.manager());
      await this.audit.record({ action: 'audit.export', resourceType: 'audit_event', outcome: 'granted' });
      response.type('text/csv').attachment('audit-events.csv');
      return (
        [
          CSV_COLUMNS.map(([name]) => name).join(','),
          ...items.map((event) => CSV_COLUMNS.map(([, value]) => csvCell(value(event))).join(',')),
        ].join('\r\n') + '\r\n'
      );
    }
    await this.audit.record({ action: 'audit.search', resourceType: 'audit_event', outcome: 'granted' });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Get('situations/:id/accesses')
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400, 401, 403)
  async situationAccesses(@Param('id', new ParseUUIDPipe()) situationId: string, @Query() page: PageQueryDto): Promise<AuditEventPageDto> {
    const query = Object.assign(new AuditEventQueryDto(), { situationId, limit: page.limit, offset: page.offset });
    const { items, total } = await this.queries.search(query);
    await this.audit.record({
      action: 'audit.situation_accesses',
      resourceType: 'situation',
      resourceId: situationId,
      situationId,
      outcome: 'granted',
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  @Get('anomalies')
  @ApiOkResponse({ type: AnomalyReportDto })
  @ApiProblems(400, 401, 403)
  async anomalies(@Query() period: PeriodQueryDto): Promise<AnomalyReportDto> {
    const { from, to } = this.queries.defaultPeriod(period.from, period.to);
    const report = await this.queries.anomalies(from, to);
    await this.audit.record({ action: 'audit.anomalies', resourceType: 'audit_event', outcome: 'granted' });
    return report;
  }

  @Get('verify')
  @ApiOkResponse({ type: VerificationReportDto })
  @ApiProblems(401, 403)
  async verify(): Promise<VerificationReportDto> {
    const report = await this.verifier.verify();
    await this.audit.record({ action: 'audit.verify', resourceType: 'audit_event', outcome: 'granted' });
    return report;
  }
}
