import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { SubjectAccessDto } from './dto/subject-access.dto.js';
import { SubjectAccessService } from './subject-access.service.js';

@ApiTags('rights')
@ApiBearerAuth()
@Controller('situations')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get(':id/subject-access')
  @Authorize('subject_access', 'Situation')
  @ApiOkResponse({ type: SubjectAccessDto, description: 'Everything held about the person (GDPR art. 15), audited.' })
  @ApiProblems(400, 401, 403, 404, 410)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SubjectAccessDto> {
    return this.subjectAccess.produce(user, id);
  }
}
