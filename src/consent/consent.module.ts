import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { SituationsModule } from '../situations/situations.module.js';
import { ConsentController } from './consent.controller.js';
import { ConsentService } from './consent.service.js';

@Module({
  imports: [SituationsModule, ReferralsModule],
  controllers: [ConsentController],
  providers: [ConsentService],
})
export class ConsentModule {}
