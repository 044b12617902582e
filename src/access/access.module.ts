import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseFiles } from '../casefile/case-files.js';
import { UnitOfWork, UnitOfWorkInterceptor } from '../database/unit-of-work.js';
import { ResponseNames } from '../directory/response-names.js';
import { AccessService } from './access.service.js';
import { RelationsService } from './relations.service.js';

/**
 * The security core every feature calls: the request's unit of work, the one access decision and
 * the one case-file path. Global, so that features depend on it and never on each other's plumbing.
 */
@Global()
@Module({
  providers: [
    UnitOfWork,
    ResponseNames,
    AccessService,
    RelationsService,
    CaseFiles,
    { provide: APP_INTERCEPTOR, useClass: UnitOfWorkInterceptor },
  ],
  exports: [UnitOfWork, ResponseNames, AccessService, RelationsService, CaseFiles],
})
export class AccessModule {}
