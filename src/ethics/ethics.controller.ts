import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Authenticated } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { AcceptCharterDto, CharterAcceptanceDto, CharterDto } from './dto/charter.dto.js';
import { EthicsService } from './ethics.service.js';

@ApiTags('ethics')
@ApiBearerAuth()
@Controller('ethics/charter')
@Authenticated()
export class EthicsController {
  constructor(private readonly ethics: EthicsService) {}

  @Get()
  @ApiOkResponse({ type: CharterDto })
  @ApiProblems(401)
  async charter(@CurrentUser() user: AuthenticatedUser): Promise<CharterDto> {
    const acceptedAt = await this.ethics.acceptedAt(user.id);
    return { version: this.ethics.charter.version, text: this.ethics.charter.text, acceptedAt: acceptedAt?.toISOString() ?? null };
  }

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CharterAcceptanceDto })
  @ApiProblems(400, 401, 409)
  async accept(@CurrentUser() user: AuthenticatedUser, @Body() body: AcceptCharterDto): Promise<CharterAcceptanceDto> {
    const acceptedAt = await this.ethics.accept(user, body.version);
    return { version: body.version, acceptedAt: acceptedAt.toISOString() };
  }
}
