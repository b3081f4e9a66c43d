import { createRequire, syncBuiltinESMExports } from 'node:module';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import type { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import type { Instruments } from './api/instruments.js';
import type { ResolvedConfig } from './config/options.js';
import type { Consent } from './consent/consent.js';
import { ConsentSampler } from './export/consent-sampler.js';
import { createExportPipeline, type ExportHooks, type ExportPipeline } from './export/pipeline.js';
import { createHttpInstrumentation, httpMetricsView } from './instrumentation/http.js';
import { RedactingSpanProcessor } from './redaction/redacting-span-processor.js';
import type { Scrubber } from './redaction/scrubber.js';
import { buildResource } from './resource/resource.js';
import { dataFiles } from './userdata/files.js';
import { VERSION } from './version.js';

/** The providers and context manager one start() registered, for shutdown() to take back. */
interface Running {
  readonly tracerProvider: TracerProvider | undefined;
  readonly meterProvider: MeterProvider | undefined;
  readonly contextManager: AsyncLocalStorageContextManager;
}

/**
 * The OTel SDK, assembled from optel's parts. It is started on the first grant of consent and
 * never before: without consent no SDK runs, no module is patched and no socket is opened.
 *
 * The providers are built and registered here, the way the NodeSDK does it, rather than through
 * the NodeSDK: that package loads every exporter it can build from the environment (gRPC, protobuf,
 * Zipkin, logs) and the declarative-configuration parser, about 300 modules optel never uses,
 * which made an app's start-up slower than with the NodeSDK itself.
 */
export class TelemetrySdk {
  private sdk: Running | undefined;
  private pipeline: ExportPipeline | undefined;
  private http: HttpInstrumentation | undefined;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly consent: Consent,
    private readonly scrubber: Scrubber,
    private readonly instruments: Instruments,
    private readonly installationId: string | undefined,
    private readonly hooks: ExportHooks = {},
  ) {}

  start(): void {
    if (this.sdk) return;
    const pipeline = createExportPipeline({ ...this.config, outboxDir: dataFiles(this.config.consentFile).outbox }, this.consent, this.hooks);
    this.http = this.config.instrumentHttp ? sharedHttpInstrumentation(this.config.endpoint) : undefined;
    const resource = buildResource({ serviceName: this.config.serviceName, serviceVersion: this.config.serviceVersion, installationId: this.installationId });
    const meterProvider = pipeline.metricReaders.length > 0 ? new MeterProvider({ resource, readers: pipeline.metricReaders, views: [httpMetricsView(this.scrubber)] }) : undefined;
    const tracerProvider =
      pipeline.spanProcessors.length > 0
        ? new TracerProvider({
            resource,
            sampler: new ConsentSampler(this.consent, pipeline.spanBacklog),
            // The redacting processor must come first: the exporting processor only sees scrubbed spans.
            spanProcessors: [new RedactingSpanProcessor(this.scrubber), ...pipeline.spanProcessors],
          })
        : undefined;
    const contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    // The NodeSDK's default propagation (W3C trace context and baggage), so traces stay whole
    // across the app's own services.
    propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
    if (meterProvider) metrics.setGlobalMeterProvider(meterProvider);
    if (tracerProvider) trace.setGlobalTracerProvider(tracerProvider);
    if (this.http) registerInstrumentations({ instrumentations: [this.http], ...(tracerProvider ? { tracerProvider } : {}), ...(meterProvider ? { meterProvider } : {}) });
    const sdk: Running = { tracerProvider, meterProvider, contextManager };
    if (this.http) {
      // The SDK enables an instrumentation only when its config says disabled; one that an
      // earlier revoke disabled must be enabled again here (it re-patches what it saw loaded).
      this.http.enable();
      patchLoadedHttp();
    }
    this.sdk = sdk;
    this.pipeline = pipeline;
    this.instruments.attach(metrics.getMeter('optel', VERSION), trace.getTracer('optel', VERSION));
  }

  flushAfterRevoke(): Promise<void> {
    return this.pipeline?.flushAfterRevoke() ?? Promise.resolve();
  }

  forceFlush(): Promise<void> {
    return this.pipeline?.forceFlush() ?? Promise.resolve();
  }

  /** At process exit: what waits for delivery goes to disk, synchronously. */
  persistSync(): void {
    this.pipeline?.persistSync();
  }

  /** The process is ending: stop waiting for requests in flight. */
  abortDelivery(): void {
    this.pipeline?.abortDelivery();
  }

  async shutdown(): Promise<void> {
    const sdk = this.sdk;
    if (!sdk) return;
    this.sdk = undefined;
    this.pipeline = undefined;
    try {
      await Promise.all([sdk.tracerProvider?.shutdown(), sdk.meterProvider?.shutdown()]);
    } finally {
      sdk.contextManager.disable();
      // NodeSDK leaves its globals and patches in place; remove them so the host is as before.
      this.http?.disable();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    }
  }
}

/**
 * One HTTP instrumentation per process. An instrumentation disabled when consent is revoked can be
 * enabled again (it re-patches the modules it saw loaded), but a new instance cannot patch
 * `http` once it is loaded: a revoke followed by a grant would bring every signal back but HTTP.
 */
let httpInstrumentation: { readonly endpoint: string; readonly instance: HttpInstrumentation } | undefined;

function sharedHttpInstrumentation(endpoint: string): HttpInstrumentation {
  if (httpInstrumentation?.endpoint !== endpoint) httpInstrumentation = { endpoint, instance: createHttpInstrumentation(endpoint) };
  return httpInstrumentation.instance;
}

/**
 * The HTTP instrumentation patches `http`/`https` when they are next required. An ESM app, or one
 * that calls register() after its imports, loaded them already: require them once more so the
 * hook fires on the shared module objects, then sync ESM named exports (`import { request }`).
 */
function patchLoadedHttp(): void {
  const require = createRequire(import.meta.url);
  require('http');
  require('https');
  syncBuiltinESMExports();
}

