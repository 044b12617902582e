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
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UserDto } from '../directory/dto/user.dto.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, type AuthenticatedUser } from './authenticated-user.js';
import { AuthSessionDto, LoginDto, LoginResultDto, RefreshDto, TokenPairDto } from './dto/auth.dto.js';
import { clearSessionCookies, deliverTokens, readCookie, REFRESH_COOKIE, requireCsrf } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LoginResultDto })
  @ApiProblems(400, 401, 429)
  async login(
    @Body() body: LoginDto,
    @Ip() clientAddress: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResultDto> {
    const result = await this.auth.login(body.email, body.password, clientAddress, request.headers['user-agent']);
    if (!('accessToken' in result)) return result;
    return deliverTokens(request, response, result as TokenPairDto, body.refreshTokenIn);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiHeader({
    name: 'X-CSRF-Token',
    required: false,
    description: 'Required when the refresh token comes from the cookie: the value of the clsm_csrf cookie.',
  })
  @ApiProblems(400, 401, 403, 429)
  async refresh(@Body() body: RefreshDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenPairDto> {
    if (body.refreshToken !== undefined) return this.auth.refresh(body.refreshToken);
    const cookie = readCookie(request, REFRESH_COOKIE);
    if (!cookie) throw new UnauthorizedException('Aucun jeton de renouvellement : connectez-vous.');
    requireCsrf(request);
    try {
      return deliverTokens(request, response, await this.auth.refresh(cookie), 'cookie');
    } catch (error) {
      clearSessionCookies(request, response);
      throw error;
    }
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The session and all its tokens are revoked.' })
  @ApiProblems(401, 429)
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user.sessionId);
    clearSessionCookies(request, response);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401, 429)
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.auth.profile(user.id);
  }

  @Get('sessions')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: [AuthSessionDto], description: 'Your signed-in devices: created, last used, client.' })
  @ApiProblems(401, 429)
  sessions(@CurrentUser() user: AuthenticatedUser): Promise<AuthSessionDto[]> {
    return this.auth.sessions(user);
  }

  @Delete('sessions/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'That session and its tokens are revoked at once.' })
  @ApiProblems(400, 401, 404, 429)
  endSession(@CurrentUser() user: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.auth.endSession(user, id);
  }
}
