/**
 * OpenTelemetry tracing, loaded before the application with `node --import ./dist/src/tracing.js`
 * (instrumentations must patch http, express and pg before anything imports them). Off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set: this module then imports nothing and costs nothing.
 *
 * Spans go to the OTLP/HTTP (JSON) exporter, which reads the standard OTEL_EXPORTER_OTLP_* and
 * OTEL_BSP_* variables. What a span may carry is an allow-list (ALLOWED_ATTRIBUTES): the method,
 * the route template and the status of a request, the statement text of a query (placeholders
 * only: the pg instrumentation's enhancedDatabaseReporting, which would add the parameters, stays
 * off), never a URL with its query string, a client address, a user agent, an error message or a
 * parameter value. Everything else is removed before the span is exported.
 */
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** Attributes a span may keep; anything else is dropped before export. */
export const ALLOWED_ATTRIBUTES = new Set([
  // HTTP server and client (old and stable semantic conventions)
  'http.method',
  'http.request.method',
  'http.route',
  'http.status_code',
  'http.response.status_code',
  'http.scheme',
  'http.flavor',
  'url.scheme',
  'network.protocol.version',
  'server.port',
  'net.host.port',
  'error.type',
  // Express
  'express.name',
  'express.type',
  // PostgreSQL: the statement with its $n placeholders, never the values
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.statement',
  'db.query.text',
  'db.operation',
  'db.operation.name',
]);

/** Removes every attribute outside the allow-list, and error messages, before the span is exported. */
export class AllowListSpanProcessor implements SpanProcessor {
  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of Object.keys(attributes)) if (!ALLOWED_ATTRIBUTES.has(key)) delete attributes[key];
    // Exception events hold messages and stacks (a driver's message may quote a value): only the type stays.
    for (const event of span.events) {
      if (!event.attributes) continue;
      const eventAttributes = event.attributes as Record<string, unknown>;
      for (const key of Object.keys(eventAttributes)) if (key !== 'exception.type') delete eventAttributes[key];
    }
    if (span.status.message) (span.status as { message?: string }).message = undefined;
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

async function startTracing(): Promise<void> {
  // Nest imports express as an ES module, which require hooks never see: the import-in-the-middle
  // loader (shipped with @opentelemetry/instrumentation) lets the express instrumentation patch it.
  // Limited to express; http and pg are patched through require.
  const { register } = await import('node:module');
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['express'] } });
  const [
    { NodeTracerProvider, BatchSpanProcessor },
    { defaultResource, resourceFromAttributes },
    { OTLPTraceExporter },
    { registerInstrumentations },
    { HttpInstrumentation },
    { ExpressInstrumentation },
    { PgInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-express'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const provider = new NodeTracerProvider({
    // No host or process detector: a command line or a host name has nothing to do in a span.
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'clsm-cellule' })),
    // The allow-list runs first, so the batch exports only what it kept.
    spanProcessors: [new AllowListSpanProcessor(), new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not traced.
        ignoreIncomingRequestHook: (request) => /^\/api\/(health|metrics)(\?|$)/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // enhancedDatabaseReporting stays false: query parameters never reach a span. Queries outside
      // a request (the job queue's polling) make no span of their own.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
}

if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) await startTracing();
