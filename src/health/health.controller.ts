import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
  ) {}

  /**
   * Readiness: both database connections answer. Down, it is the same 503 (with Retry-After) as
   * every other request while the database is unavailable. No detail beyond up/down is exposed.
   */
  @Get()
  @Public()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('general', { connection: this.general, timeout: 3000 }),
        () => this.database.pingCheck('cellule', { connection: this.cellule, timeout: 3000 }),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) throw databaseUnavailable();
      throw error;
    }
  }
}
