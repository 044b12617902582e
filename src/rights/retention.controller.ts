import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { LegalHoldDto, PlaceLegalHoldDto, RetentionDueDto, RetentionDueQueryDto } from './dto/retention.dto.js';
import { RetentionService } from './retention.service.js';

/** What retention will destroy, and the legal holds that suspend it (policy `subjects.Retention`). */
@ApiTags('rights')
@ApiBearerAuth()
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('due')
  @Authorize('read', 'Retention')
  @ApiOkResponse({
    type: [RetentionDueDto],
    description: 'Situations whose retention period ends by `until`, not under a legal hold: references and dates only.',
  })
  @ApiProblems(400, 401, 403, 404)
  due(@Query() query: RetentionDueQueryDto): Promise<RetentionDueDto[]> {
    return this.retention.dueBy(query.until);
  }

  @Get('legal-holds')
  @Authorize('read', 'Retention')
  @ApiOkResponse({ type: [LegalHoldDto] })
  @ApiProblems(401, 403, 404)
  holds(): Promise<LegalHoldDto[]> {
    return this.retention.activeHolds();
  }

  @Post('legal-holds')
  @Authorize('manage', 'Retention')
  @ApiCreatedResponse({ type: LegalHoldDto, description: 'Destruction is suspended until the hold is lifted.' })
  @ApiProblems(400, 401, 403, 404, 409)
  place(@CurrentUser() user: AuthenticatedUser, @Body() body: PlaceLegalHoldDto): Promise<LegalHoldDto> {
    return this.retention.hold(user, body.situationId, body.reason);
  }

  @Post('legal-holds/:id/lift')
  @Authorize('manage', 'Retention')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The hold ends; the retention period applies again.' })
  @ApiProblems(400, 401, 403, 404)
  lift(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.retention.lift(user, id);
  }
}
