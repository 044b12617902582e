import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SituationsModule } from '../situations/situations.module.js';
import { AgendaService } from './agenda.service.js';
import { AttendanceService } from './attendance.service.js';
import { CommissionService } from './commission.service.js';
import { MinutesService } from './minutes.service.js';
import { CorrectionsService } from './corrections.service.js';
import { RecommendationsService } from './recommendations.service.js';
import { AgendaItem, CommissionSession } from './session.entity.js';
import { CommissionController, RecommendationsController, SessionsController } from './sessions.controller.js';
import { SessionOutcomesService } from './session-outcomes.service.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CommissionSession, AgendaItem], 'cellule'), SituationsModule],
  controllers: [SessionsController, CommissionController, RecommendationsController],
  providers: [
    SessionsService,
    AgendaService,
    AttendanceService,
    CorrectionsService,
    MinutesService,
    SessionOutcomesService,
    CommissionService,
    RecommendationsService,
  ],
  exports: [AgendaService],
})
export class SessionsModule {}
