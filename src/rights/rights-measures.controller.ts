import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { SituationDto } from '../situations/dto/situation-output.dto.js';
import { LiftRestrictionDto, RecordRightsMeasureDto } from './dto/rights-measure.dto.js';
import { RightsMeasuresService } from './rights-measures.service.js';

/** The person's objection and restriction of processing, recorded by the coordination (policy `rights_measures`). */
@ApiTags('rights')
@ApiBearerAuth()
@Controller('situations')
export class RightsMeasuresController {
  constructor(private readonly measures: RightsMeasuresService) {}

  @Post(':id/objection')
  @Authorize('object', 'Situation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SituationDto,
    description:
      'Objection (GDPR art. 21): sharing stops at once; the situation is closed, or stays marked for closure (`objection.closurePending`).',
  })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  object(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordRightsMeasureDto,
  ): Promise<SituationDto> {
    return this.measures.object(user, id, body);
  }

  @Post(':id/restriction')
  @Authorize('restrict', 'Situation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SituationDto,
    description: 'Restriction (GDPR art. 18): the file is frozen, readable by the coordination only, until lifted.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  restrict(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordRightsMeasureDto,
  ): Promise<SituationDto> {
    return this.measures.restrict(user, id, body);
  }

  @Post(':id/restriction/lift')
  @Authorize('restrict', 'Situation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SituationDto })
  @ApiProblems(400, 401, 403, 404, 409, 410)
  lift(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: LiftRestrictionDto,
  ): Promise<SituationDto> {
    return this.measures.lift(user, id, body);
  }
}
