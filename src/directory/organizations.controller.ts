import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { PageQueryDto } from '../common/page-query.dto.js';
import { DirectoryService } from './directory.service.js';
import { CreateOrganizationDto, OrganizationDto, UpdateOrganizationDto } from './dto/organization.dto.js';
import { OrganizationPageDto } from './dto/page.dto.js';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('organizations')
@RequireRoles('admin')
export class OrganizationsController {
  constructor(private readonly directory: DirectoryService) {}

  @Post()
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 409)
  create(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.directory.createOrganization(body);
  }

  @Get()
  @ApiOkResponse({ type: OrganizationPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() page: PageQueryDto): Promise<OrganizationPageDto> {
    return this.directory.listOrganizations(page.limit, page.offset);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OrganizationDto, description: 'Renames a structure or corrects its kind.' })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.directory.updateOrganization(id, body);
  }
}
