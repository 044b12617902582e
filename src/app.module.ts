import { MetricsModule } from './metrics/metrics.module.js';
import { fieldErrors } from './common/validation-messages.js';
import { BadRequestException, DynamicModule, MiddlewareConsumer, Module, NestModule, ValidationPipe } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './common/clock.js';
import { ProblemDetailsFilter } from './common/problem.filter.js';
import { RequestContextMiddleware } from './common/request-context.js';
import type { AppConfig } from './config/app-config.js';
import { ConsentModule } from './consent/consent.module.js';
import { ConsoleModule } from './console/console.module.js';
import { CryptoModule } from './crypto/crypto.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { EthicsModule } from './ethics/ethics.module.js';
import { HealthModule } from './health/health.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { SituationsModule } from './situations/situations.module.js';
import { RightsModule } from './rights/rights.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { ScheduledJobsModule } from './jobs/scheduled-jobs.module.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    new BadRequestException({ message: 'La requête contient des champs invalides.', errors: fieldErrors(errors) }),
});

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }

  /**
   * `logStream` replaces stdout as the log destination (tests read what would be logged);
   * `jobs: false` (the command line) neither starts the job queue nor runs its workers.
   */
  static forRoot(config: AppConfig, options: { logStream?: NodeJS.WritableStream; jobs?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              genReqId: (request: IncomingMessage, response: ServerResponse) => {
                const offered = request.headers['x-request-id'];
                const id = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
                response.setHeader('X-Request-Id', id);
                return id;
              },
              // Method, path without query string and status only: no bodies, tokens or search terms.
              serializers: {
                req: (request: { id: string; method: string; url: string }) => ({
                  id: request.id,
                  method: request.method,
                  path: request.url.split('?')[0],
                }),
                res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
              },
              redact: { paths: ['req.headers', 'res.headers'], remove: true },
            },
            options.logStream ?? process.stdout,
          ],
        }),
        DatabaseModule,
        JobsModule.forRoot({ enabled: options.jobs ?? true }),
        ClockModule,
        AuditModule,
        CryptoModule,
        EthicsModule,
        AccessModule,
        AuthModule,
        DirectoryModule,
        SituationsModule,
        ConsentModule,
        SessionsModule,
        ReferralsModule,
        StatisticsModule,
        RightsModule,
        NotificationsModule,
        ScheduledJobsModule,
        HealthModule,
        MetricsModule,
        ConsoleModule.forRoot(),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
