import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { CreateSituationDto, DesignatePilotDto, TransitionDto, UpdateSituationDto } from './dto/situation-input.dto.js';
import { SituationDto, SituationPageDto } from './dto/situation-output.dto.js';
import { SituationQueryDto } from './dto/situation-query.dto.js';
import { SituationWorkflowService } from './situation-workflow.service.js';
import { SituationsService } from './situations.service.js';

@ApiTags('situations')
@ApiBearerAuth()
@Controller('situations')
export class SituationsController {
  constructor(
    private readonly situations: SituationsService,
    private readonly workflow: SituationWorkflowService,
  ) {}

  @Post()
  @Authorize('create', 'Situation')
  @ApiCreatedResponse({ type: SituationDto, description: 'The saisine, recorded with status submitted.' })
  @ApiProblems(400, 401, 404, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSituationDto): Promise<SituationDto> {
    return this.situations.create(user, body);
  }

  @Get()
  @Authorize('list', 'Situation')
  @ApiOkResponse({ type: SituationPageDto })
  @ApiProblems(400, 401, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: SituationQueryDto): Promise<SituationPageDto> {
    return this.situations.list(user, query);
  }

  @Get(':id')
  @Authorize('read', 'Situation')
  @ApiOkResponse({ type: SituationDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SituationDto> {
    return this.situations.get(user, id);
  }

  @Patch(':id')
  @Authorize('update', 'Situation')
  @ApiOkResponse({ type: SituationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateSituationDto,
  ): Promise<SituationDto> {
    return this.situations.update(user, id, body);
  }

  @Post(':id/pilot')
  @Authorize('designate_pilot', 'Situation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SituationDto, description: 'The référent who follows the situation; replaces the previous one.' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  designatePilot(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DesignatePilotDto,
  ): Promise<SituationDto> {
    return this.workflow.designatePilot(user, id, body.userId);
  }

  @Post(':id/transitions')
  @Authorize('transition', 'Situation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SituationDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TransitionDto,
  ): Promise<SituationDto> {
    return this.workflow.transition(user, id, body);
  }
}
