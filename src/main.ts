import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino } from 'pino';
import { AppModule } from './app.module.js';
import { ConfigurationError } from './config/environment.js';
import { configureApp } from './configure-app.js';
import { prepareRuntime } from './database/runtime.js';
import { PolicyError } from './ethics/policy.js';

async function bootstrap(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL || 'info', name: 'bootstrap' });
  let runtime;
  try {
    runtime = await prepareRuntime(process.env, logger);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime.config), { bufferLogs: true, abortOnError: false });
  } catch (error) {
    // An invalid ethics policy: nothing is served under rules that could not be read entirely.
    if (error instanceof PolicyError) {
      process.stderr.write(`${error.message}\n`);
      await runtime.shutdown();
      process.exit(1);
    }
    throw error;
  }
  configureApp(app, runtime.config);
  const stopDatabase = () => void runtime.shutdown();
  process.once('beforeExit', stopDatabase);
  await app.listen(runtime.config.port);
  logger.info({ port: runtime.config.port }, 'clsm-cellule listening');
}

void bootstrap();
