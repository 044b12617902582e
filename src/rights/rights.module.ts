import { Module } from '@nestjs/common';
import { RightsController } from './rights.controller.js';
import { RightsService } from './rights.service.js';

/** The person's rights: the register of requests (schema cellule). */
@Module({
  controllers: [RightsController],
  providers: [RightsService],
  exports: [RightsService],
})
export class RightsModule {}
