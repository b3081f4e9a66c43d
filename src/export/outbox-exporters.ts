import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { JsonMetricsSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { AggregationTemporality, InstrumentType, PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { Catalog } from '../catalog/catalog.js';
import { reportError } from '../diag.js';
import { deltaPreference } from './observed-exporters.js';
import type { Outbox } from './outbox.js';
import type { OutboxDelivery } from './outbox-delivery.js';
import { categoryOf } from './span-consent-gate.js';

const accepted: ExportResult = { code: ExportResultCode.SUCCESS };

/** How long shutdown() may spend delivering what is left before it goes to disk. */
const SHUTDOWN_DELIVERY_MS = 2000;

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The SDK's exporters hand their batches to the outbox and are told "done" at once: from there the
 * outbox keeps them (on disk when delivery falters) and delivers them, so a slow or absent
 * Collector never makes the SDK drop a batch, and never holds the app up.
 */
abstract class OutboxExporterBase {
  private closed = false;

  constructor(
    protected readonly outbox: Outbox,
    protected readonly delivery: OutboxDelivery,
  ) {}

  protected keep(signal: 'traces' | 'metrics', category: string, bytes: Uint8Array | undefined): void {
    if (bytes) this.outbox.add(signal, category, bytes);
  }

  forceFlush(): Promise<void> {
    return this.delivery.flushDue();
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.delivery.flushAll(SHUTDOWN_DELIVERY_MS);
    } finally {
      this.outbox.persistAllSync();
    }
  }
}

export class OutboxSpanExporter extends OutboxExporterBase implements SpanExporter {
  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    try {
      for (const [category, group] of groupBy(spans, categoryOf)) {
        this.keep('traces', category, JsonTraceSerializer.serializeRequest(group));
      }
      this.delivery.kick();
    } catch (error) {
      reportError('keeping spans for delivery', error);
    }
    resultCallback(accepted);
  }
}

export class OutboxMetricExporter extends OutboxExporterBase implements PushMetricExporter {
  constructor(
    outbox: Outbox,
    delivery: OutboxDelivery,
    private readonly catalog: Catalog,
  ) {
    super(outbox, delivery);
  }

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    try {
      const all = metrics.scopeMetrics.flatMap((scope) => scope.metrics.map((m) => ({ scope, m })));
      for (const [category, group] of groupBy(all, ({ m }) => this.catalog.categoryOfInstrument(m.descriptor.name))) {
        const scopes = [...groupBy(group, ({ scope }) => `${scope.scope.name}@${scope.scope.version ?? ''}`).values()].map((g) => ({ ...(g[0] as (typeof g)[0]).scope, metrics: g.map(({ m }) => m) }));
        this.keep('metrics', category, JsonMetricsSerializer.serializeRequest({ ...metrics, scopeMetrics: scopes }));
      }
      this.delivery.kick();
    } catch (error) {
      reportError('keeping metrics for delivery', error);
    }
    resultCallback(accepted);
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    return deltaPreference(instrumentType);
  }
}
