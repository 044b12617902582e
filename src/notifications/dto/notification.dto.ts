import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { PageOf } from '../../common/page.dto.js';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true'], description: 'Only the notifications not read yet.' })
  @IsOptional()
  @IsIn(['true'])
  unread?: 'true';
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'What happened, as a stable code (e.g. `session.invited`).', example: 'session.invited' })
  kind: string;

  @ApiProperty({ description: 'What happened, in French; never a name or a detail of the person concerned.' })
  message: string;

  @ApiProperty({ type: String, nullable: true, description: 'The case reference, when the event concerns a situation.' })
  reference: string | null;

  @ApiProperty({ description: 'Where to look in the console, e.g. `/seances/<id>`.', example: '/seances/5b0c…' })
  link: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class NotificationPageDto extends PageOf(NotificationDto) {
  @ApiProperty({ description: 'Unread notifications of the caller, whatever the filter and page.' })
  unread: number;
}

export class ReadAllResultDto {
  @ApiProperty({ description: 'Notifications marked as read by this call.' })
  marked: number;
}
