import { Module } from '@nestjs/common';
import { RightsController } from './rights.controller.js';
import { RetentionController } from './retention.controller.js';
import { RetentionService } from './retention.service.js';
import { RightsService } from './rights.service.js';
import { SubjectAccessController } from './subject-access.controller.js';
import { SubjectAccessService } from './subject-access.service.js';

/** The person's rights: the register of requests (schema cellule). */
@Module({
  controllers: [RightsController, SubjectAccessController, RetentionController],
  providers: [RightsService, SubjectAccessService, RetentionService],
  exports: [RightsService, SubjectAccessService, RetentionService],
})
export class RightsModule {}
