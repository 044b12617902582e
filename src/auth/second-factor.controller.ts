import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Public, SecondFactorStep } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, type AuthenticatedUser } from './authenticated-user.js';
import {
  LoginResultDto,
  MfaConfirmationDto,
  MfaConfirmDto,
  MfaVerifyDto,
  SecondFactorStatusDto,
  TokenPairDto,
  TotpEnrolmentDto,
} from './dto/auth.dto.js';
import { deliverTokens } from './refresh-cookie.js';
import { MfaChallenge, SecondFactorService } from './second-factor.service.js';

type StepRequest = Request & { mfaChallenge?: MfaChallenge; user?: AuthenticatedUser };

/** The second step of sign-in (PGSSI-S strong authentication): TOTP codes and recovery codes. */
@ApiTags('auth')
@Controller('auth/mfa')
export class SecondFactorController {
  constructor(
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Post('verify')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  async verify(
    @Body() body: MfaVerifyDto,
    @Ip() clientAddress: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResultDto> {
    const challenge = await this.secondFactor.readChallenge(body.mfaToken);
    if (!challenge || challenge.stage !== 'verify') throw expiredStep();
    const method = await this.secondFactor.verify(challenge.userId, body.code, clientAddress);
    const tokens = await this.auth.openSession(challenge.userId, method, request.headers['user-agent']);
    return deliverTokens(request, response, tokens, body.refreshTokenIn);
  }

  @Post('totp/enroll')
  @SecondFactorStep()
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOkResponse({ type: TotpEnrolmentDto, description: 'Bearer: the mfaToken of a sign-in that must enrol, or an access token.' })
  @ApiProblems(401, 409, 429)
  async enrol(@Req() request: StepRequest): Promise<TotpEnrolmentDto> {
    return this.secondFactor.enrol(this.stepUser(request, 'enrol'));
  }

  @Post('totp/confirm')
  @SecondFactorStep()
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MfaConfirmationDto, description: 'The recovery codes; with an mfaToken, the tokens too (signed in).' })
  @ApiProblems(400, 401, 409, 429)
  async confirm(
    @Body() body: MfaConfirmDto,
    @Ip() clientAddress: string,
    @Req() request: StepRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MfaConfirmationDto> {
    const userId = this.stepUser(request, 'enrol');
    const recoveryCodes = await this.secondFactor.confirm(userId, body.code, clientAddress);
    if (!request.mfaChallenge) return { recoveryCodes };
    const tokens = await this.auth.openSession(userId, 'password_totp', request.headers['user-agent']);
    return { ...deliverTokens(request, response, tokens, body.refreshTokenIn), recoveryCodes };
  }

  @Get()
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: SecondFactorStatusDto })
  @ApiProblems(401, 429)
  status(@CurrentUser() user: AuthenticatedUser): Promise<SecondFactorStatusDto> {
    return this.secondFactor.status(user.id);
  }

  /** The account the step is for: the challenge's (of the right stage) or the signed-in user's. */
  private stepUser(request: StepRequest, stage: MfaChallenge['stage']): string {
    if (request.mfaChallenge) {
      if (request.mfaChallenge.stage !== stage) throw expiredStep();
      return request.mfaChallenge.userId;
    }
    if (request.user) return request.user.id;
    throw expiredStep();
  }
}

function expiredStep(): UnauthorizedException {
  return new UnauthorizedException('Étape de connexion expirée ou invalide : reprenez la connexion avec votre mot de passe.');
}
