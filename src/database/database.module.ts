import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import './pg-types.js';
import { SessionSafeClient } from './session-safe-client.js';

export { SessionSafeClient } from './session-safe-client.js';

/**
 * Options of a serving connection. Every timeout is set per session at connection time, so no
 * request waits on the database without bound: PostgreSQL cancels a slow statement
 * (statement_timeout), a lock wait (lock_timeout) and a forgotten transaction
 * (idle_in_transaction_session_timeout); the driver gives up on a server that does not answer at
 * all (connectionTimeoutMillis, query_timeout). The session time zone is the service's, so
 * current_date agrees with Clock.today().
 */
export function servingConnectionOptions(
  database: AppConfig['database'],
  timeZone: string,
  name: 'general' | 'cellule',
): TypeOrmModuleOptions {
  const pool = database.pool;
  return {
    type: 'postgres',
    url: name === 'general' ? database.generalUrl : database.celluleUrl,
    autoLoadEntities: true,
    synchronize: false,
    migrationsRun: false,
    applicationName: `clsm-cellule:${name}`,
    extra: {
      max: pool.max,
      connectionTimeoutMillis: pool.connectTimeoutMs,
      query_timeout: pool.queryTimeoutMs || undefined,
      statement_timeout: pool.statementTimeoutMs,
      lock_timeout: pool.lockTimeoutMs,
      idle_in_transaction_session_timeout: pool.idleInTransactionTimeoutMs,
      options: `-c TimeZone=${timeZone}`,
      keepAlive: true,
      Client: SessionSafeClient,
    },
  };
}

/**
 * Two connections, one per PostgreSQL login role: the general CLSM side (schema clsm) and the
 * commission side (schema cellule). PostgreSQL itself keeps the general role out of cellule.
 * Migrations run beforehand with the administrative connection; synchronize stays off.
 */
@Module({
  imports: (['general', 'cellule'] as const).map((name) =>
    TypeOrmModule.forRootAsync({
      name,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        servingConnectionOptions(config.get('database', { infer: true }), config.get('timeZone', { infer: true }), name),
    }),
  ),
})
export class DatabaseModule {}
