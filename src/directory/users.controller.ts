import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { RequireRoles } from '../common/access.decorators.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { DirectoryService } from './directory.service.js';
import { UserPageDto } from './dto/page.dto.js';
import { CreateUserDto, UpdateUserDto, UserDto, UsersQueryDto } from './dto/user.dto.js';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('users')
@RequireRoles('admin')
export class UsersController {
  constructor(private readonly directory: DirectoryService) {}

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.directory.createUser(actor, body);
  }

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: UsersQueryDto): Promise<UserPageDto> {
    return this.directory.listUsers(query);
  }

  @Post(':id/second-factor/reset')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: UserDto,
    description:
      'The second factor and its recovery codes are erased and every session of the account ends: the person enrols again at the next sign-in.',
  })
  @ApiProblems(400, 401, 403, 404)
  resetSecondFactor(@CurrentUser() actor: AuthenticatedUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return this.directory.resetSecondFactor(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404, 422)
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.directory.updateUser(actor, id, body);
  }
}
