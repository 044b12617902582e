import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRolesUnderCharter } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { ROLES } from './roles.js';
import { DirectorySearchService } from './directory-search.service.js';
import { DirectoryOrganizationPageDto, OrganizationsQueryDto, PeopleQueryDto, PersonPageDto } from './dto/directory-search.dto.js';

/** Finding colleagues and structures by name: every signed-in user with a role who accepted the charter. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
@RequireRolesUnderCharter(...ROLES)
export class DirectorySearchController {
  constructor(private readonly directory: DirectorySearchService) {}

  @Get('people')
  @ApiOkResponse({ type: PersonPageDto })
  @ApiProblems(400, 401, 403)
  people(@Query() query: PeopleQueryDto): Promise<PersonPageDto> {
    return this.directory.people(query);
  }

  @Get('organizations')
  @ApiOkResponse({ type: DirectoryOrganizationPageDto })
  @ApiProblems(400, 401, 403)
  organizations(@Query() query: OrganizationsQueryDto): Promise<DirectoryOrganizationPageDto> {
    return this.directory.organizations(query);
  }
}
