import { Module } from '@nestjs/common';
import { SituationsModule } from '../situations/situations.module.js';
import { ConsentController } from './consent.controller.js';
import { ConsentService } from './consent.service.js';

@Module({
  imports: [SituationsModule],
  controllers: [ConsentController],
  providers: [ConsentService],
})
export class ConsentModule {}
