import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ProblemType } from './common/problem.js';
import { inspectRequestInput, MAX_JSON_BODY, requireJsonOrMultipart } from './common/request-input.js';
import type { AppConfig } from './config/app-config.js';
import { PostgresRateLimitStore } from './auth/rate-limit-store.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createHmac } from 'node:crypto';
import { MetricsService } from './metrics/metrics.service.js';
import { buildOpenApiDocument } from './openapi.js';

export const API_PREFIX = 'api';

/** Everything main.ts and the tests both apply to the Nest application. */
export function configureApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX);
  app.use(app.get(MetricsService).middleware);
  app.use(
    helmet({
      // The console (served at /) loads scripts, styles, fonts and icons from its own origin only; no
      // inline script. Inline styles stay allowed: the DSFR components set some through CSS-in-JS.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
    }),
  );
  // Responses carry case data: never cached by browsers or proxies.
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    next();
  });
  // Input limits (README "Input limits"): JSON or multipart bodies only, JSON at most 256 KB and 32
  // levels deep, no NUL or lone surrogate anywhere; checked before class-transformer sees the body.
  app.use(requireJsonOrMultipart);
  app.useBodyParser('json', { limit: MAX_JSON_BODY, type: ['application/json', 'application/*+json'] });
  app.use(inspectRequestInput);
  // Per client address, on the authentication routes. (@nestjs/throttler is CommonJS requiring the
  // ESM-only @nestjs/common, which Jest on Node 20 cannot load; express-rate-limit is dual.)
  app.use(
    `/${API_PREFIX}/auth`,
    rateLimit({
      windowMs: 60_000,
      limit: config.auth.rateLimitPerMinute,
      // Counted in PostgreSQL: every instance on the database shares the limit.
      store: new PostgresRateLimitStore(
        app.get<DataSource>(getDataSourceToken('general')),
        createHmac('sha256', config.auth.jwtSecret).update('rate-limit-key').digest(),
        // A limiter's counters are its own: another limit (another configuration) counts afresh.
        `auth:${config.auth.rateLimitPerMinute}`,
      ),

      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (request, response) => {
        response
          .status(429)
          .type('application/problem+json')
          .send(
            JSON.stringify({
              type: ProblemType.tooManyRequests,
              title: 'Trop de requêtes',
              status: 429,
              detail: 'Trop de requêtes : réessayez dans une minute.',
              instance: request.originalUrl.split('?')[0],
              requestId: (request as { id?: unknown }).id,
            }),
          );
      },
    }),
  );
  const document = buildOpenApiDocument(app);
  // The document stays public for clients; the interactive UI is for development only.
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json`, ui: config.env !== 'production' });
  return app;
}
