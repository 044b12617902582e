import { Controller, Get, Header, Headers, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../common/access.decorators.js';
import type { AppConfig } from '../config/app-config.js';
import { MetricsService } from './metrics.service.js';

/**
 * Prometheus scrape endpoint. Off (404) unless METRICS_TOKEN is set; then only a scraper presenting
 * it as a bearer token reads it. The figures hold no personal data.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | undefined;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly metrics: MetricsService,
  ) {
    const token = config.get('metricsToken', { infer: true });
    this.token = token ? digest(token) : undefined;
  }

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format.', schema: { type: 'string' } })
  @ApiProblems(401, 404)
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!this.token) throw new NotFoundException('Les métriques ne sont pas activées (METRICS_TOKEN).');
    const offered = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!offered || !timingSafeEqual(digest(offered), this.token))
      throw new UnauthorizedException('Jeton de métriques absent ou invalide.');
    return this.metrics.registry.metrics();
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
