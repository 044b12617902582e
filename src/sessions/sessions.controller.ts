import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import type { Page } from '../common/page.dto.js';
import { PageQueryDto } from '../common/page-query.dto.js';
import { AgendaService } from './agenda.service.js';
import { AttendanceService } from './attendance.service.js';
import { CommissionService } from './commission.service.js';
import { MinutesService } from './minutes.service.js';
import { CorrectionsService } from './corrections.service.js';
import { CorrectOutcomeDto, CorrectRecommendationDto, OutcomeVersionDto, RecommendationVersionDto } from './dto/corrections.dto.js';
import {
  AddAgendaItemDto,
  AgendaOrderDto,
  AttendanceDto,
  InviteesDto,
  RemoveAgendaItemDto,
  CloseRecommendationDto,
  CommissionMemberDto,
  CommissionMemberInputDto,
  CommissionMemberPageDto,
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
    private readonly attendanceService: AttendanceService,
    private readonly outcomes: SessionOutcomesService,
    private readonly corrections: CorrectionsService,
    private readonly minutes: MinutesService,
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
  removeItem(
    @CurrentUser() user: AuthenticatedUser,
    @SessionId() id: string,
    @ItemId() itemId: string,
    @Body() body: RemoveAgendaItemDto,
  ): Promise<SessionDto> {
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
  @ApiOkResponse({
    type: SessionDto,
    description: 'Until the session is held; a published agenda opens to new invitees and closes to those removed.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  invitees(
    @CurrentUser() user: AuthenticatedUser,
    @SessionId() id: string,
    @ItemId() itemId: string,
    @Body() body: InviteesDto,
  ): Promise<SessionDto> {
    return this.agenda.setInvitees(user, id, itemId, body);
  }

  @Post(':id/stand-ins')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  standIn(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: StandInDto): Promise<SessionDto> {
    return this.attendanceService.standIn(user, id, body);
  }

  @Post(':id/attendance')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  attendance(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: AttendanceDto): Promise<SessionDto> {
    return this.attendanceService.recordAttendance(user, id, body);
  }

  @Put(':id/items/:itemId/outcome')
  @Authorize('manage', 'Session')
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  outcome(
    @CurrentUser() user: AuthenticatedUser,
    @SessionId() id: string,
    @ItemId() itemId: string,
    @Body() body: OutcomeDto,
  ): Promise<SessionDto> {
    return this.outcomes.recordOutcome(user, id, itemId, body);
  }

  @Patch(':id/items/:itemId/outcome')
  @Authorize('update', 'Session')
  @ApiOkResponse({
    type: SessionDto,
    description: 'A correction by the coordinator or the session’s chair; the earlier version is kept with who, when and why.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  correctOutcome(
    @CurrentUser() user: AuthenticatedUser,
    @SessionId() id: string,
    @ItemId() itemId: string,
    @Body() body: CorrectOutcomeDto,
  ): Promise<SessionDto> {
    return this.corrections.correctOutcome(user, id, itemId, body);
  }

  @Get(':id/items/:itemId/outcome/versions')
  @Authorize('read', 'Session')
  @ApiOkResponse({ type: [OutcomeVersionDto], description: 'The earlier versions of the outcome, oldest first.' })
  @ApiProblems(400, 401, 403, 404)
  outcomeVersions(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @ItemId() itemId: string): Promise<OutcomeVersionDto[]> {
    return this.corrections.outcomeHistory(user, id, itemId);
  }

  @Post(':id/items/:itemId/person-response')
  @Authorize('manage', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  personResponse(
    @CurrentUser() user: AuthenticatedUser,
    @SessionId() id: string,
    @ItemId() itemId: string,
    @Body() body: PersonResponseDto,
  ): Promise<SessionDto> {
    return this.outcomes.recordPersonResponse(user, id, itemId, body);
  }

  @Put(':id/minutes')
  @Authorize('manage', 'Session')
  @ApiOkResponse({
    type: MinutesViewDto,
    description: 'Drafted by the coordinator (the commission’s secretary) while the session is held; frozen once approved.',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  writeMinutes(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string, @Body() body: MinutesDto): Promise<MinutesViewDto> {
    return this.minutes.write(user, id, body);
  }

  @Post(':id/minutes/approve')
  @Authorize('update', 'Session')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: MinutesViewDto, description: 'By the session’s chair, who is not the author of the draft.' })
  @ApiProblems(400, 401, 403, 404, 409)
  approveMinutes(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string): Promise<MinutesViewDto> {
    return this.minutes.approve(user, id);
  }

  @Get(':id/minutes')
  @Authorize('read', 'Session')
  @ApiOkResponse({ type: MinutesViewDto })
  @ApiProblems(400, 401, 403, 404)
  readMinutes(@CurrentUser() user: AuthenticatedUser, @SessionId() id: string): Promise<MinutesViewDto> {
    return this.minutes.read(user, id);
  }

  @Get(':id/minutes/pdf')
  @Authorize('read', 'Session')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The approved minutes as a PDF (French), with the items you may see; every download is recorded.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async minutesPdf(
    @CurrentUser() user: AuthenticatedUser,
    @SessionId() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const pdf = await this.minutes.pdf(user, id);
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="proces-verbal-${id}.pdf"` });
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
  @ApiOkResponse({ type: CommissionMemberPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@Query() query: PageQueryDto): Promise<Page<CommissionMemberDto>> {
    return this.commission.list(query);
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
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Post(':id/corrections')
  @Authorize('update', 'Recommendation')
  @ApiCreatedResponse({
    type: RecommendationViewDto,
    description: 'A correction by the coordinator or the session’s chair; the earlier version is kept with who, when and why.',
  })
  @ApiProblems(400, 401, 403, 404, 422)
  correct(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CorrectRecommendationDto,
  ): Promise<RecommendationViewDto> {
    return this.corrections.correctRecommendation(user, id, body);
  }

  @Get(':id/versions')
  @Authorize('read', 'Recommendation')
  @ApiOkResponse({ type: [RecommendationVersionDto], description: 'The earlier versions, oldest first.' })
  @ApiProblems(400, 401, 403, 404)
  versions(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<RecommendationVersionDto[]> {
    return this.corrections.recommendationHistory(user, id);
  }

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
  close(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CloseRecommendationDto,
  ): Promise<RecommendationViewDto> {
    return this.recommendations.close(user, id, body);
  }
}
