import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AppConfig } from '../config/app-config.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, type AuthenticatedUser } from './authenticated-user.js';
import { TokenPairDto } from './dto/auth.dto.js';
import { PasskeyDto, PasskeySignInOptionsRequestDto, RegisterPasskeyDto, VerifyPasskeyDto, WebAuthnOptionsDto } from './dto/passkey.dto.js';
import { PasskeysService, type RelyingParty } from './passkeys.service.js';
import { deliverTokens } from './refresh-cookie.js';
import { SecondFactorService } from './second-factor.service.js';

/** Passkeys (WebAuthn): added by a signed-in person, then usable at sign-in instead of a code. */
@ApiTags('auth')
@Controller('auth/mfa/passkeys')
export class PasskeysController {
  private readonly configuredOrigin: string | undefined;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly passkeys: PasskeysService,
    private readonly secondFactor: SecondFactorService,
    private readonly auth: AuthService,
  ) {
    this.configuredOrigin = config.get('auth', { infer: true }).webauthnOrigin;
  }

  @Get()
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: [PasskeyDto] })
  @ApiProblems(401, 429)
  list(@CurrentUser() user: AuthenticatedUser): Promise<PasskeyDto[]> {
    return this.passkeys.list(user.id);
  }

  @Post('registration')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOkResponse({ type: WebAuthnOptionsDto, description: 'Options for navigator.credentials.create(), valid five minutes.' })
  @ApiProblems(401, 429)
  async registrationOptions(@CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<WebAuthnOptionsDto> {
    return { publicKey: { ...(await this.passkeys.registrationOptions(user.id, this.relyingParty(request))) } };
  }

  @Post()
  @Authenticated()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: PasskeyDto })
  @ApiProblems(400, 401, 409, 422, 429)
  register(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterPasskeyDto, @Req() request: Request): Promise<PasskeyDto> {
    return this.passkeys.register(user.id, body.credential as unknown as RegistrationResponseJSON, body.name, this.relyingParty(request));
  }

  @Delete(':id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404, 409, 429)
  remove(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.passkeys.remove(user.id, id);
  }

  @Post('authentication')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: WebAuthnOptionsDto, description: 'Options for navigator.credentials.get() at the second step of sign-in.' })
  @ApiProblems(400, 401, 409, 429)
  async authenticationOptions(@Body() body: PasskeySignInOptionsRequestDto, @Req() request: Request): Promise<WebAuthnOptionsDto> {
    const userId = await this.verifyingUser(body.mfaToken);
    return { publicKey: { ...(await this.passkeys.authenticationOptions(userId, this.relyingParty(request))) } };
  }

  @Post('verify')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  async verify(
    @Body() body: VerifyPasskeyDto,
    @Ip() clientAddress: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPairDto> {
    const userId = await this.verifyingUser(body.mfaToken);
    await this.passkeys.authenticate(
      userId,
      body.credential as unknown as AuthenticationResponseJSON,
      this.relyingParty(request),
      clientAddress,
    );
    const tokens = await this.auth.openSession(userId, 'password_passkey', request.headers['user-agent']);
    return deliverTokens(request, response, tokens, body.refreshTokenIn);
  }

  private async verifyingUser(mfaToken: string): Promise<string> {
    const challenge = await this.secondFactor.readChallenge(mfaToken);
    if (!challenge || challenge.stage !== 'verify') {
      throw new UnauthorizedException('Étape de connexion expirée ou invalide : reprenez la connexion avec votre mot de passe.');
    }
    return challenge.userId;
  }

  /** WEBAUTHN_ORIGIN when set (behind a proxy); otherwise the origin the request was made to. */
  private relyingParty(request: Request): RelyingParty {
    const origin = this.configuredOrigin ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    return { origin, id: new URL(origin).hostname };
  }
}
