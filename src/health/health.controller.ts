import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditHealthIndicator } from '../audit/audit-health.indicator.js';
import { Public } from '../common/access.decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @InjectDataSource('general') private readonly general: DataSource,
    @InjectDataSource('cellule') private readonly cellule: DataSource,
    private readonly audit: AuditHealthIndicator,
  ) {}

  /** Both database connections answer and the audit chain is not known broken. No detail beyond up/down is exposed. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('general', { connection: this.general, timeout: 3000 }),
      () => this.database.pingCheck('cellule', { connection: this.cellule, timeout: 3000 }),
      () => this.audit.isHealthy('audit'),
    ]);
  }
}
