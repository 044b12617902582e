import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { EthicsController } from './ethics.controller.js';
import { ETHICS, EthicsService } from './ethics.service.js';
import { loadEthics } from './policy.js';

/** Loads the charter and policy at boot: an invalid policy stops the service (PolicyError). */
@Global()
@Module({
  controllers: [EthicsController],
  providers: [
    {
      provide: ETHICS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => loadEthics(config.get('ethicsDir', { infer: true })),
    },
    EthicsService,
  ],
  exports: [EthicsService, ETHICS],
})
export class EthicsModule {}
