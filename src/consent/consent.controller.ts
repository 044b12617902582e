import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { ConsentService } from './consent.service.js';
import { ConsentDto, RecordConsentDto, WithdrawConsentDto } from './dto/consent.dto.js';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('situations/:id/consents')
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @Post()
  @Authorize('record_consent', 'Situation')
  @ApiCreatedResponse({ type: ConsentDto, description: 'A new, immutable consent record (given or refused).' })
  @ApiProblems(400, 401, 403, 404, 422)
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordConsentDto,
  ): Promise<ConsentDto> {
    return this.consents.record(user, id, body);
  }

  @Get()
  @Authorize('read_consents', 'Situation')
  @ApiOkResponse({ type: [ConsentDto], description: 'Every record, oldest first; inForce marks the ones that grant consent today.' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConsentDto[]> {
    return this.consents.list(user, id);
  }

  @Post(':consentId/withdraw')
  @Authorize('record_consent', 'Situation')
  @ApiCreatedResponse({ type: ConsentDto, description: 'The withdrawal, a new record effective immediately.' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('consentId', new ParseUUIDPipe()) consentId: string,
    @Body() body: WithdrawConsentDto,
  ): Promise<ConsentDto> {
    return this.consents.withdraw(user, id, consentId, body);
  }
}
