import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { StatCellDto, StatisticsDto, StatisticsQueryDto, StatisticsReportQueryDto } from './dto/statistics.dto.js';
import { renderReport } from './report.js';
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
  @ApiOkResponse({
    type: StatisticsDto,
    description: 'Small counts suppressed (primary and secondary); `format=csv` gives the same cells as CSV.',
  })
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

  @Get('report.pdf')
  @Authorize('read', 'Statistics')
  @ApiOkResponse({
    description: 'The yearly report in French (PDF): the same protected tables, with charts.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async report(@Query() query: StatisticsReportQueryDto, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const today = this.statistics.today();
    const year = query.year ?? Number(today.slice(0, 4));
    const to = `${year}-12-31` < today ? `${year}-12-31` : today;
    const statistics = await this.statistics.compute(`${year}-01-01`, to < `${year}-01-01` ? `${year}-01-01` : to);
    response.type('application/pdf').attachment(`bilan-cellule-${year}.pdf`);
    return new StreamableFile(await renderReport(statistics, year));
  }
}
