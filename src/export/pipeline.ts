import { type IMetricReader, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace';
import type { ResolvedConfig } from '../config/options.js';
import type { Consent } from '../consent/consent.js';
import { reportError } from '../diag.js';
import { ConsentPrometheusExporter } from './consent-prometheus-exporter.js';
import { ConsentMetricExporter } from './metric-consent-filter.js';
import { type ExportListener, nowhereMetricExporter, nowhereSpanExporter, ObservedMetricExporter, ObservedSpanExporter, printRequests } from './observed-exporters.js';
import { type DropReason, Outbox } from './outbox.js';
import { OutboxDelivery } from './outbox-delivery.js';
import { OutboxMetricExporter, OutboxSpanExporter } from './outbox-exporters.js';
import { OtlpTransport } from './otlp-transport.js';
import { SpanBacklog } from './span-backlog.js';
import { ConsentSpanExporter, ConsentSpanProcessor, SpanConsentGate } from './span-consent-gate.js';
import { TraceSampling } from './trace-sampling.js';

/** Bounds the series one instrument can create, whatever the attribute values. */
export const CARDINALITY_LIMIT = 2000;

export interface ExportHooks {
  /** Told what each export sent and whether it arrived (the audit log). */
  readonly onExport?: ExportListener;
  /** Debug mode: print what would be sent, one JSON line each, and send nothing. */
  readonly debug?: (line: string) => void;
  /** Told when the outbox had to drop a request (bounds, or the Collector rejected it). */
  readonly onDrop?: (reason: DropReason) => void;
  /** Told when spans were not recorded because the export queue was full. */
  readonly onSpansDropped?: (count: number) => void;
}

export interface ExportPipeline {
  readonly spanProcessors: SpanProcessor[];
  readonly metricReaders: IMetricReader[];
  /** The span queue's fill, for the sampler to turn spans down while it is full (OTLP mode). */
  readonly spanBacklog?: SpanBacklog;
  /** Pushes out what the still-granted categories have pending, so a revoked category's pending data is dropped now. */
  flushAfterRevoke(): Promise<void>;
  forceFlush(): Promise<void>;
  /** At process exit, synchronously: what waits for delivery goes to disk for the next start. */
  persistSync(): void;
  /** The process is ending: stop waiting for requests in flight. */
  abortDelivery(): void;
}

/**
 * OTLP mode: spans through a bounded batch queue, metrics as deltas (so the Collector can add up
 * many app instances, and a revoke can drop what is pending), both behind consent gates.
 * Prometheus mode: a pull endpoint that serves granted categories only; no traces leave.
 */
/** The few options the export pipeline needs, not the whole resolved configuration. */
export type ExportOptions = Pick<ResolvedConfig, 'exporter' | 'prometheus' | 'catalog' | 'tracesUrl' | 'metricsUrl' | 'exportTimeoutMs' | 'exportIntervalMs' | 'maxQueueSize' | 'traceSampleRatio' | 'outbox'> & {
  /** Where requests that wait for delivery are kept on disk (the optel directory's optel-outbox/). */
  readonly outboxDir: string;
};

export function createExportPipeline(config: ExportOptions, consent: Consent, hooks: ExportHooks = {}): ExportPipeline {
  if (config.exporter === 'prometheus') {
    const reader = new ConsentPrometheusExporter(
      // No target_info: it would turn resource attributes into a Prometheus label set.
      { host: config.prometheus.host, port: config.prometheus.port, withoutScopeInfo: false, withoutTargetInfo: true },
      config.catalog,
      consent,
      (error) => {
        if (error) reportError(`Prometheus endpoint on ${config.prometheus.host}:${config.prometheus.port}`, error);
      },
    );
    return {
      spanProcessors: [],
      metricReaders: [reader],
      flushAfterRevoke: () => Promise.resolve(),
      forceFlush: () => Promise.resolve(),
      persistSync: () => {},
      abortDelivery: () => {},
    };
  }

  const gate = new SpanConsentGate(consent);
  // Debug mode sends to nowhere and prints instead of keeping the audit log.
  const listener = hooks.debug ? printRequests(hooks.debug) : (hooks.onExport ?? (() => {}));
  let traceExporter: SpanExporter;
  let metricExporter: PushMetricExporter;
  let outbox: Outbox | undefined;
  let delivery: OutboxDelivery | undefined;
  if (hooks.debug) {
    traceExporter = new ObservedSpanExporter(nowhereSpanExporter, config.tracesUrl, listener);
    metricExporter = new ObservedMetricExporter(nowhereMetricExporter, config.metricsUrl, listener);
  } else {
    // Everything the SDK exports goes through the outbox: kept (on disk when delivery falters),
    // retried, and delivered in order, by category, only while that category is granted.
    outbox = new Outbox(config.outboxDir, config.outbox, (reason) => hooks.onDrop?.(reason));
    outbox.load();
    delivery = new OutboxDelivery(
      outbox,
      { traces: new OtlpTransport('traces', config.tracesUrl, config.exportTimeoutMs), metrics: new OtlpTransport('metrics', config.metricsUrl, config.exportTimeoutMs) },
      (category) => consent.isGranted(category),
      listener,
    );
    traceExporter = new OutboxSpanExporter(outbox, delivery);
    metricExporter = new OutboxMetricExporter(outbox, delivery, config.catalog);
    // What a previous run left is delivered now.
    delivery.kick();
  }
  const backlog = new SpanBacklog(config.maxQueueSize, (count) => hooks.onSpansDropped?.(count));
  const batch = new BatchSpanProcessor({
    exporter: new ConsentSpanExporter(traceExporter, gate, backlog),
    maxQueueSize: config.maxQueueSize,
    maxExportBatchSize: Math.min(512, config.maxQueueSize),
    scheduledDelayMillis: Math.min(5000, config.exportIntervalMs),
    exportTimeoutMillis: config.exportTimeoutMs,
  });
  const spanProcessor = new ConsentSpanProcessor(batch, gate, backlog, new TraceSampling(config.traceSampleRatio));

  const reader = new PeriodicExportingMetricReader({
    exporter: new ConsentMetricExporter(metricExporter, config.catalog, consent),
    exportIntervalMillis: config.exportIntervalMs,
    exportTimeoutMillis: Math.min(config.exportTimeoutMs, config.exportIntervalMs),
    cardinalityLimits: { default: CARDINALITY_LIMIT },
  });
  const revoked = () => config.catalog.categories.filter((c) => !consent.isGranted(c));

  return {
    spanProcessors: [spanProcessor],
    metricReaders: [reader],
    spanBacklog: backlog,
    // With delta temporality a collection empties the pending accumulations: exporting now sends
    // what is still granted and, through the consent filter, throws away what was revoked.
    // ...and what waits in the outbox for a revoked category is removed, from disk too.
    flushAfterRevoke: () => Promise.all([reader.forceFlush(), batch.forceFlush(), outbox?.purge(revoked())]).then(() => undefined),
    // The SDK's queues into the outbox, then what is due out of it.
    forceFlush: () => Promise.all([batch.forceFlush(), reader.forceFlush()]).then(() => delivery?.flushDue()),
    persistSync: () => outbox?.persistAllSync(),
    abortDelivery: () => delivery?.abortInFlight(),
  };
}
