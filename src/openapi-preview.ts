import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { buildAppConfig, parseEnvironment } from './config/app-config.js';
import { API_PREFIX } from './configure-app.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * The OpenAPI document without a database: the application is created in preview mode, where no
 * provider is instantiated (no connection, no key is read); the placeholder secrets are never used.
 */
export async function openApiDocumentWithoutDatabase(): Promise<OpenAPIObject> {
  const placeholder = Buffer.alloc(32).toString('base64');
  const config = buildAppConfig(parseEnvironment({ NODE_ENV: 'development' }), 'postgres://unused@localhost/unused', {
    generalPassword: 'unused',
    cellulePassword: 'unused',
    jwtSecret: placeholder,
    auditMacKey: placeholder,
    auditSigningKey: placeholder,
    blindIndexKey: placeholder,
    mfaKey: placeholder,
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  return buildOpenApiDocument(app);
}
