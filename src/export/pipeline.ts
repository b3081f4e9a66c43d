import { AggregationTemporalityPreference, OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { type IMetricReader, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import type { ResolvedConfig } from '../config/options.js';
import type { Consent } from '../consent/consent.js';
import { reportError } from '../diag.js';
import { ConsentPrometheusExporter } from './consent-prometheus-exporter.js';
import { ConsentMetricExporter } from './metric-consent-filter.js';
import { type ExportListener, nowhereMetricExporter, nowhereSpanExporter, ObservedMetricExporter, ObservedSpanExporter, printRequests } from './observed-exporters.js';
import { ConsentSpanExporter, ConsentSpanProcessor, SpanConsentGate } from './span-consent-gate.js';

/** Bounds the series one instrument can create, whatever the attribute values. */
export const CARDINALITY_LIMIT = 2000;

export interface ExportHooks {
  /** Told what each export sent and whether it arrived (the audit log). */
  readonly onExport?: ExportListener;
  /** Debug mode: print what would be sent, one JSON line each, and send nothing. */
  readonly debug?: (line: string) => void;
}

export interface ExportPipeline {
  readonly spanProcessors: SpanProcessor[];
  readonly metricReaders: IMetricReader[];
  /** Pushes out what the still-granted categories have pending, so a revoked category's pending data is dropped now. */
  flushAfterRevoke(): Promise<void>;
  forceFlush(): Promise<void>;
}

/**
 * OTLP mode: spans through a bounded batch queue, metrics as deltas (so the Collector can add up
 * many app instances, and a revoke can drop what is pending), both behind consent gates.
 * Prometheus mode: a pull endpoint that serves granted categories only; no traces leave.
 */
export function createExportPipeline(config: ResolvedConfig, consent: Consent, hooks: ExportHooks = {}): ExportPipeline {
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
    };
  }

  const gate = new SpanConsentGate(consent);
  // A slow or absent Collector must cost the app little: few concurrent requests, bounded waits.
  // Debug mode sends to nowhere and prints instead of keeping the audit log.
  const listener = hooks.debug ? printRequests(hooks.debug) : (hooks.onExport ?? (() => {}));
  const traceExporter = new ObservedSpanExporter(
    hooks.debug ? nowhereSpanExporter : new OTLPTraceExporter({ url: config.tracesUrl, timeoutMillis: config.exportTimeoutMs, concurrencyLimit: 2 }),
    config.tracesUrl,
    listener,
  );
  const batch = new BatchSpanProcessor({
    exporter: new ConsentSpanExporter(traceExporter, gate),
    maxQueueSize: config.maxQueueSize,
    maxExportBatchSize: Math.min(512, config.maxQueueSize),
    scheduledDelayMillis: Math.min(5000, config.exportIntervalMs),
    exportTimeoutMillis: config.exportTimeoutMs,
  });
  const spanProcessor = new ConsentSpanProcessor(batch, gate);

  const metricExporter = new ObservedMetricExporter(
    hooks.debug
      ? nowhereMetricExporter
      : new OTLPMetricExporter({ url: config.metricsUrl, timeoutMillis: config.exportTimeoutMs, concurrencyLimit: 2, temporalityPreference: AggregationTemporalityPreference.DELTA }),
    config.metricsUrl,
    listener,
  );
  const reader = new PeriodicExportingMetricReader({
    exporter: new ConsentMetricExporter(metricExporter, config.catalog, consent),
    exportIntervalMillis: config.exportIntervalMs,
    exportTimeoutMillis: Math.min(config.exportTimeoutMs, config.exportIntervalMs),
    cardinalityLimits: { default: CARDINALITY_LIMIT },
  });

  return {
    spanProcessors: [spanProcessor],
    metricReaders: [reader],
    // With delta temporality a collection empties the pending accumulations: exporting now sends
    // what is still granted and, through the consent filter, throws away what was revoked.
    flushAfterRevoke: () => Promise.all([reader.forceFlush(), batch.forceFlush()]).then(() => undefined),
    forceFlush: () => Promise.all([batch.forceFlush(), reader.forceFlush()]).then(() => undefined),
  };
}
