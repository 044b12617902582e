import { Global, Module } from '@nestjs/common';
import { AccessChangeNoticesService } from './access-change-notices.service.js';
import { MailQueueService } from './mail-queue.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** In-app notifications (schema cellule); global so that any feature service can notify. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, MailQueueService, AccessChangeNoticesService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
