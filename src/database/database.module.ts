import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import './pg-types.js';

/**
 * Two connections, one per PostgreSQL login role: the general CLSM side (schema clsm) and the
 * commission side (schema cellule). PostgreSQL itself keeps the general role out of cellule.
 * Migrations run beforehand with the administrative connection; synchronize stays off.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      name: 'general',
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        type: 'postgres',
        url: config.get('database', { infer: true }).generalUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        applicationName: 'clsm-cellule:general',
        extra: { max: 10 },
      }),
    }),
    TypeOrmModule.forRootAsync({
      name: 'cellule',
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        type: 'postgres',
        url: config.get('database', { infer: true }).celluleUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        applicationName: 'clsm-cellule:cellule',
        extra: { max: 10 },
      }),
    }),
  ],
})
export class DatabaseModule {}
