import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { SituationsModule } from '../situations/situations.module.js';
import { RightsMeasuresController } from './rights-measures.controller.js';
import { RightsMeasuresService } from './rights-measures.service.js';
import { RightsController } from './rights.controller.js';
import { RetentionController } from './retention.controller.js';
import { RetentionService } from './retention.service.js';
import { RightsService } from './rights.service.js';
import { SubjectAccessController } from './subject-access.controller.js';
import { SubjectAccessService } from './subject-access.service.js';

/** The person's rights: the register of requests, subject access, objection and restriction, retention (schema cellule). */
@Module({
  imports: [SituationsModule, SessionsModule],
  controllers: [RightsController, SubjectAccessController, RetentionController, RightsMeasuresController],
  providers: [RightsService, SubjectAccessService, RetentionService, RightsMeasuresService],
  exports: [RightsService, SubjectAccessService, RetentionService],
})
export class RightsModule {}
