import { Module } from '@nestjs/common';
import { SituationsModule } from '../situations/situations.module.js';
import { InboundReferralsService } from './inbound-referrals.service.js';
import { ReferralEventsService } from './referral-events.service.js';
import { ReferralViewsService } from './referral-views.service.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [SituationsModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralEventsService, ReferralViewsService, InboundReferralsService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
