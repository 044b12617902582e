import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import type { Page } from '../common/page.dto.js';
import { AgendaService } from './agenda.service.js';
import { CommissionService } from './commission.service.js';
import {
  AddAgendaItemDto,
  AgendaOrderDto,
  AttendanceDto,
  InviteesDto,
  RemoveAgendaItemDto,
  CloseRecommendationDto,
  CommissionMemberDto,
  CommissionMemberInputDto,
  CreateSessionDto,
  MinutesDto,
  MinutesViewDto,
  OutcomeDto,
  PersonResponseDto,
  RecommendationPageDto,
  RecommendationQueryDto,
  RecommendationViewDto,
  SessionDto,
  SessionPageDto,
  SessionQueryDto,
  SessionStatusDto,
  StandInDto,
  UpdateCommissionMemberDto,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { RecommendationsService } from './recommendations.service.js';
import { SessionOutcomesService } from './session-outcomes.service.js';
import { SessionsService } from './sessions.service.js';

const SessionId = () => Param('id', new ParseUUIDPipe());
const ItemId = () => Param('itemId', new ParseUUIDPipe());

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly agenda: AgendaService,
    private readonly outcomes: SessionOutcomesService,
  ) {}

  @Post()
  @Authorize('manage', 'Session')
  @ApiCreatedResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSessionDto): Promise<SessionDto> {
    return this.sessions.create(user, body);
  }

  @Get()
  @Authorize('list', 'Session')
  @ApiOkResponse({ type: SessionPageDto, description: 'Newest first; `status` filters.' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: SessionQueryDto): Promise<Page<SessionDto>> {
    return this.sessions.list(user, query);
  }

  @Get(':id')
  @Authorize('read', 'Session')
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string): Promise<SessionDto> {
    return this.sessions.get(user, id);
  }

  @Patch(':id')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: UpdateSessionDto): Promise<SessionDto> {
    return this.sessions.update(user, id, body);
  }

  @Post(':id/status')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto, description: 'planned → agenda_published → held; planned or published → cancelled.' })
  @ApiProblems(400, 401, 403, 404, 409)
  changeStatus(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: SessionStatusDto): Promise<SessionDto> {
    return this.sessions.changeStatus(user, id, body);
  }

  @Post(':id/items')
  @Authorize('manage', 'Session')
  @ApiCreatedResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  addItem(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: AddAgendaItemDto): Promise<SessionDto> {
    return this.agenda.addItem(user, id, body);
  }

  @Delete(':id/items/:itemId')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: SessionDto, description: 'Until the session is held; the situation goes back to preparation.' })
  @ApiProblems(400, 401, 403, 404, 409)
  removeItem(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @ItemId() itemId: string, @Body() body: RemoveAgendaItemDto): Promise<SessionDto> {
    return this.agenda.removeItem(user, id, itemId, body ?? {});
  }

  @Put(':id/items/order')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: SessionDto, description: 'Until the session is held.' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  reorder(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: AgendaOrderDto): Promise<SessionDto> {
    return this.agenda.reorder(user, id, body);
  }

  @Put(':id/items/:itemId/invitees')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: SessionDto, description: 'Until the session is held; a published agenda opens to new invitees and closes to those removed.' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  invitees(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @ItemId() itemId: string, @Body() body: InviteesDto): Promise<SessionDto> {
    return this.agenda.setInvitees(user, id, itemId, body);
  }

  @Post(':id/stand-ins')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  standIn(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: StandInDto): Promise<SessionDto> {
    return this.sessions.standIn(user, id, body);
  }

  @Post(':id/attendance')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  attendance(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: AttendanceDto): Promise<SessionDto> {
    return this.sessions.recordAttendance(user, id, body);
  }

  @Put(':id/items/:itemId/outcome')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  outcome(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @ItemId() itemId: string, @Body() body: OutcomeDto): Promise<SessionDto> {
    return this.outcomes.recordOutcome(user, id, itemId, body);
  }

  @Post(':id/items/:itemId/person-response')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  personResponse(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @ItemId() itemId: string, @Body() body: PersonResponseDto): Promise<SessionDto> {
    return this.outcomes.recordPersonResponse(user, id, itemId, body);
  }

  @Put(':id/minutes')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: MinutesViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  writeMinutes(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: MinutesDto): Promise<MinutesViewDto> {
    return this.outcomes.writeMinutes(user, id, body);
  }

  @Post(':id/minutes/approve')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MinutesViewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  approveMinutes(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string): Promise<MinutesViewDto> {
    return this.outcomes.approveMinutes(user, id);
  }

  @Get(':id/minutes')
  @Authorize('read', 'Session')
  @ApiOkResponse({ type: MinutesViewDto })
  @ApiProblems(400, 401, 403, 404)
  minutes(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string): Promise<MinutesViewDto> {
    return this.outcomes.minutes(user, id);
  }
}

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('commission/members')
@Authorize('manage', 'Session')
export class CommissionController {
  constructor(private readonly commission: CommissionService) {}

  @Post()
  @ApiCreatedResponse({ type: CommissionMemberDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  add(@Body() body: CommissionMemberInputDto): Promise<CommissionMemberDto> {
    return this.commission.add(body);
  }

  @Get()
  @ApiOkResponse({ type: [CommissionMemberDto] })
  @ApiProblems(401, 403, 404)
  list(): Promise<CommissionMemberDto[]> {
    return this.commission.list();
  }

  @Patch(':id')
  @ApiOkResponse({ type: CommissionMemberDto })
  @ApiProblems(400, 401, 403, 404)
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateCommissionMemberDto): Promise<CommissionMemberDto> {
    return this.commission.setActive(id, body.active);
  }
}

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  @Get()
  @Authorize('list', 'Recommendation')
  @ApiOkResponse({ type: RecommendationPageDto, description: 'By due date; `status` filters (overdue: open and past due).' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: RecommendationQueryDto): Promise<Page<RecommendationViewDto>> {
    return this.recommendations.list(user, query);
  }

  @Patch(':id')
  @Authorize('update', 'Recommendation')
  @ApiOkResponse({ type: RecommendationViewDto, description: 'Marks the recommendation done or abandoned, with a note.' })
  @ApiProblems(400, 401, 403, 404, 409)
  close(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CloseRecommendationDto): Promise<RecommendationViewDto> {
    return this.recommendations.close(user, id, body);
  }
}
