import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @InjectDataSource('general') private readonly general: DataSource,
    @InjectDataSource('cellule') private readonly cellule: DataSource,
  ) {}

  /** Both database connections answer. No detail beyond up/down is exposed. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('general', { connection: this.general, timeout: 3000 }),
      () => this.database.pingCheck('cellule', { connection: this.cellule, timeout: 3000 }),
    ]);
  }
}
