import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { memoryStorage } from 'multer';
import type { AppConfig } from '../config/app-config.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { Situation, SituationDocument, SituationTransition } from './situation.entity.js';
import { SituationsController } from './situations.controller.js';
import { SituationClosureService } from './situation-closure.service.js';
import { SituationWorkflowService } from './situation-workflow.service.js';
import { SituationsService } from './situations.service.js';

/** Case files (schema cellule). Never imported by the general side. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Situation, SituationTransition, SituationDocument], 'cellule'),
    MulterModule.registerAsync({
      inject: [ConfigService],
      // In memory: a document is encrypted before anything touches the disk.
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.get('crypto', { infer: true }).maxDocumentBytes, files: 1, fields: 0 },
      }),
    }),
  ],
  controllers: [SituationsController, DocumentsController],
  providers: [SituationsService, SituationWorkflowService, SituationClosureService, DocumentsService],
  exports: [SituationsService, SituationWorkflowService, SituationClosureService],
})
export class SituationsModule {}
