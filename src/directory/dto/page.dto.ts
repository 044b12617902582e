import { PageOf } from '../../common/page.dto.js';
import { OrganizationDto } from './organization.dto.js';
import { UserDto } from './user.dto.js';

export class OrganizationPageDto extends PageOf(OrganizationDto) {}
export class UserPageDto extends PageOf(UserDto) {}
