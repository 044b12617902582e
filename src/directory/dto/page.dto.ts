import { ApiProperty } from '@nestjs/swagger';
import { OrganizationDto } from './organization.dto.js';
import { UserDto } from './user.dto.js';

export class OrganizationPageDto {
  @ApiProperty({ type: [OrganizationDto] })
  items: OrganizationDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items: UserDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
