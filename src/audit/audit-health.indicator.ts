import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AuditService } from './audit.service.js';

/**
 * The audit chain as a health component: `down` once the chain is known broken (readiness reports
 * it), `up` otherwise. Public health output says nothing more: which entry broke and how is for the
 * ethics committee's API only (`GET /api/audit/anomalies`, `GET /api/audit/verify`).
 */
@Injectable()
export class AuditHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly audit: AuditService,
  ) {}

  isHealthy(key = 'audit') {
    const indicator = this.indicators.check(key);
    return this.audit.chainStatus().state === 'broken' ? indicator.down() : indicator.up();
  }
}
