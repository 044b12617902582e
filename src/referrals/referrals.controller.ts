import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authorize } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import type { Page } from '../common/page.dto.js';
import {
  CreateReferralDto,
  InboundReferralDto,
  MeetingDto,
  ReferralDto,
  ReferralPageDto,
  ReferralQueryDto,
  ReferralStatusDto,
} from './dto/referral.dto.js';
import { ReferralsService } from './referrals.service.js';

const ReferralId = () => Param('id', new ParseUUIDPipe());

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @Authorize('update', 'Referral')
  @ApiCreatedResponse({ type: ReferralDto, description: 'A draft referral to a DAC (coordinator or pilot).' })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateReferralDto): Promise<ReferralDto> {
    return this.referrals.create(user, body);
  }

  @Get()
  @Authorize('list', 'Referral')
  @ApiOkResponse({ type: ReferralPageDto, description: 'Newest first; filtered by situation, direction and status.' })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ReferralQueryDto): Promise<Page<ReferralDto>> {
    return this.referrals.list(user, query);
  }

  @Post('inbound')
  @Authorize('manage', 'Referral')
  @ApiCreatedResponse({ type: ReferralDto, description: 'Created; 200 when the DAC identifier was already received.' })
  @ApiOkResponse({ type: ReferralDto, description: 'The referral already received with this DAC identifier.' })
  @ApiProblems(400, 401, 403, 404, 422)
  async inbound(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: InboundReferralDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferralDto> {
    const { referral, created } = await this.referrals.inbound(user, body);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return referral;
  }

  @Get(':id')
  @Authorize('read', 'Referral')
  @ApiOkResponse({ type: ReferralDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentUser() user: AuthenticatedUser, @ReferralId() id: string): Promise<ReferralDto> {
    return this.referrals.get(user, id);
  }

  @Post(':id/status')
  @Authorize('update', 'Referral')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: ReferralDto,
    description: 'draft → sent → acknowledged → accepted | declined (reason) → closed; withdrawn before acceptance.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  changeStatus(@CurrentUser() user: AuthenticatedUser, @ReferralId() id: string, @Body() body: ReferralStatusDto): Promise<ReferralDto> {
    return this.referrals.changeStatus(user, id, body);
  }

  @Post(':id/meetings')
  @Authorize('update', 'Referral')
  @ApiCreatedResponse({ type: ReferralDto, description: 'Logs a DAC coordination meeting attended by the CLSM contact.' })
  @ApiProblems(400, 401, 403, 404, 409)
  addMeeting(@CurrentUser() user: AuthenticatedUser, @ReferralId() id: string, @Body() body: MeetingDto): Promise<ReferralDto> {
    return this.referrals.addMeeting(user, id, body);
  }

  @Get(':id/fhir')
  @Authorize('read', 'Referral')
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({ description: 'The referral as a FHIR R4 Bundle (ServiceRequest, Task, Patient, Consent).' })
  @ApiProblems(400, 401, 403, 404, 409)
  async fhir(
    @CurrentUser() user: AuthenticatedUser,
    @ReferralId() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const bundle = await this.referrals.fhir(user, id);
    response.type('application/fhir+json');
    return bundle;
  }
}
