import { Global, Module } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditCheckpoint, AuditEvent } from './audit-event.entity.js';
import { AuditHealthIndicator } from './audit-health.indicator.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditVerifierService } from './audit-verifier.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** Global: every feature records through AuditService, the single entry point of the trail. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditCheckpoint], 'cellule')],
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService, AuditVerifierService, AuditHealthIndicator, HealthIndicatorService],
  exports: [AuditService, AuditVerifierService, AuditHealthIndicator],
})
export class AuditModule {}
