import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UserDto } from '../directory/dto/user.dto.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, type AuthenticatedUser } from './authenticated-user.js';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  login(@Body() body: LoginDto, @Ip() clientAddress: string): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, clientAddress);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The session and all its tokens are revoked.' })
  @ApiProblems(401, 429)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.sessionId);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401, 429)
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.auth.profile(user.id);
  }
}
