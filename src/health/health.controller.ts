import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditHealthIndicator } from '../audit/audit-health.indicator.js';
import { Public } from '../common/access.decorators.js';
import { databaseUnavailable } from '../database/database-errors.js';

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

  /**
   * Readiness: both database connections answer and the audit chain is not known broken. A
   * database down is the same 503 (with Retry-After) as every other request while it is
   * unavailable. No detail beyond up/down per component is exposed.
   */
  @Get()
  @Public()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('general', { connection: this.general, timeout: 3000 }),
        () => this.database.pingCheck('cellule', { connection: this.cellule, timeout: 3000 }),
        () => this.audit.isHealthy('audit'),
      ]);
    } catch (error) {
      const down =
        error instanceof ServiceUnavailableException ? ((error.getResponse() as { error?: Record<string, unknown> }).error ?? {}) : {};
      if ('general' in down || 'cellule' in down) throw databaseUnavailable();
      throw error;
    }
  }
}
