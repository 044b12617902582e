import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { StatCellDto, StatisticsDto, StatisticsQueryDto } from './dto/statistics.dto.js';
import { StatisticsService } from './statistics.service.js';

/** Anonymised figures for the bilan: the coordination, and the ethics committee in oversight (policy `subjects.Statistics`). */
@ApiTags('statistics')
@ApiBearerAuth()
@ApiExtraModels(StatCellDto)
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Authorize('read', 'Statistics')
  @ApiOkResponse({ type: StatisticsDto, description: 'Small counts suppressed (primary and secondary); `format=csv` gives the same cells as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  @ApiProblems(400, 401, 403, 404)
  async get(@Query() query: StatisticsQueryDto, @Res({ passthrough: true }) response: Response): Promise<StatisticsDto | string> {
    const statistics = await this.statistics.compute(query.from, query.to);
    if (query.format === 'csv') {
      response.type('text/csv').attachment(`statistiques-${statistics.from}-${statistics.to}.csv`);
      return this.statistics.csv(statistics);
    }
    return statistics;
  }
}
