import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authenticated } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { NotificationDto, NotificationPageDto, NotificationQueryDto, ReadAllResultDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** The caller's own notifications: every signed-in user, nobody else's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: NotificationPageDto, description: 'Newest first; `unread=true` lists only those not read yet.' })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    return this.notifications.list(user.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: ReadAllResultDto })
  @ApiProblems(401)
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<ReadAllResultDto> {
    return { marked: await this.notifications.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(400, 401, 404)
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
