import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { RequireRoles, RequireRolesUnderCharter } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { AccessChangesService } from './access-changes.service.js';
import { AccessChangeDecisionDto, AccessChangeDto, AccessChangePageDto, AccessChangeQueryDto } from './dto/access-change.dto.js';

/** Access changes awaiting the ethics committee: listed for the administrator and the committee, decided by the committee. */
@ApiTags('administration')
@ApiBearerAuth()
@Controller('access-changes')
export class AccessChangesController {
  constructor(private readonly changes: AccessChangesService) {}

  @Get()
  @RequireRoles('ethics', 'admin')
  @ApiOkResponse({ type: AccessChangePageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: AccessChangeQueryDto): Promise<AccessChangePageDto> {
    return this.changes.list(query);
  }

  @Post(':id/approve')
  @RequireRolesUnderCharter('ethics')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccessChangeDto, description: 'Applies the change: the roles are added, the category set.' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AccessChangeDecisionDto,
  ): Promise<AccessChangeDto> {
    return this.changes.decide(user, id, true, body.reason);
  }

  @Post(':id/refuse')
  @RequireRolesUnderCharter('ethics')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccessChangeDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  refuse(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AccessChangeDecisionDto,
  ): Promise<AccessChangeDto> {
    return this.changes.decide(user, id, false, body.reason);
  }
}
