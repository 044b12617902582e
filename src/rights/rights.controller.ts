import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import {
  CreateRightsRequestDto,
  RightsRequestDto,
  RightsRequestPageDto,
  RightsRequestQueryDto,
  UpdateRightsRequestDto,
} from './dto/rights-request.dto.js';
import { RightsService } from './rights.service.js';

/** The rights register: kept by the coordination, read by the ethics committee (policy `subjects.RightsRequest`). */
@ApiTags('rights')
@ApiBearerAuth()
@Controller('rights-requests')
export class RightsController {
  constructor(private readonly rights: RightsService) {}

  @Post()
  @Authorize('manage', 'RightsRequest')
  @ApiCreatedResponse({ type: RightsRequestDto })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateRightsRequestDto): Promise<RightsRequestDto> {
    return this.rights.create(user, body);
  }

  @Get()
  @Authorize('read', 'RightsRequest')
  @ApiOkResponse({ type: RightsRequestPageDto, description: 'Ordered by deadline; `overdue=true` lists those past it and not answered.' })
  @ApiProblems(400, 401, 403, 404)
  list(@Query() query: RightsRequestQueryDto): Promise<RightsRequestPageDto> {
    return this.rights.list(query);
  }

  @Get(':id')
  @Authorize('read', 'RightsRequest')
  @ApiOkResponse({ type: RightsRequestDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RightsRequestDto> {
    return this.rights.get(id);
  }

  @Patch(':id')
  @Authorize('manage', 'RightsRequest')
  @ApiOkResponse({ type: RightsRequestDto })
  @ApiProblems(400, 401, 403, 404)
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateRightsRequestDto): Promise<RightsRequestDto> {
    return this.rights.update(id, body);
  }
}
