import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { SubjectAccessDto, SubjectAccessQueryDto } from './dto/subject-access.dto.js';
import { renderSubjectAccess } from './subject-access-report.js';
import { SubjectAccessService } from './subject-access.service.js';

@ApiTags('rights')
@ApiBearerAuth()
@Controller('situations')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':id/subject-access')
  @Authorize('subject_access', 'Situation')
  @ApiOkResponse({
    type: SubjectAccessDto,
    description: 'Everything held about the person (GDPR art. 15), audited; `format=pdf` gives the same in a French PDF.',
  })
  @ApiProduces('application/json', 'application/pdf')
  @ApiProblems(400, 401, 403, 404, 410)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: SubjectAccessQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectAccessDto | StreamableFile> {
    const document = await this.subjectAccess.produce(user, id);
    if (query.format !== 'pdf') return document;
    response.type('application/pdf').attachment(`acces-${document.reference}.pdf`);
    return new StreamableFile(await renderSubjectAccess(document));
  }
}
