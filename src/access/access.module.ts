import { Global, Module } from '@nestjs/common';
import { SituationAccessService } from './situation-access.service.js';

@Global()
@Module({
  providers: [SituationAccessService],
  exports: [SituationAccessService],
})
export class AccessModule {}
