import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { JsonMetricsSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { type AggregationOption, AggregationTemporality, AggregationType, InstrumentType, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { reportError } from '../diag.js';

export type Signal = 'traces' | 'metrics';

/**
 * Told about every export after it finished: what was sent and whether it arrived. `body` is the
 * request body's exact OTLP/JSON bytes (UTF-8), so a listener can keep them without serialising,
 * decoding or encoding anything again.
 */
export type ExportListener = (signal: Signal, url: string, delivered: boolean, body: Uint8Array) => void;

const NULL_BODY = new TextEncoder().encode('null');

/** The OTLP/JSON request body the HTTP exporters send for these spans or metrics (debug mode only). */
function requestBody(signal: Signal, data: ReadableSpan[] | ResourceMetrics): Uint8Array {
  const bytes = signal === 'traces' ? JsonTraceSerializer.serializeRequest(data as ReadableSpan[]) : JsonMetricsSerializer.serializeRequest(data as ResourceMetrics);
  return bytes ?? NULL_BODY;
}

const decoder = new TextDecoder();

function notify(listener: ExportListener, signal: Signal, url: string, result: ExportResult, data: ReadableSpan[] | ResourceMetrics): void {
  try {
    listener(signal, url, result.code === ExportResultCode.SUCCESS, requestBody(signal, data));
  } catch (error) {
    reportError('recording an export', error);
  }
}

export class ObservedSpanExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly url: string,
    private readonly listener: ExportListener,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      notify(this.listener, 'traces', this.url, result, spans);
      resultCallback(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

export class ObservedMetricExporter implements PushMetricExporter {
  constructor(
    private readonly inner: PushMetricExporter,
    private readonly url: string,
    private readonly listener: ExportListener,
  ) {}

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.inner.export(metrics, (result) => {
      notify(this.listener, 'metrics', this.url, result, metrics);
      resultCallback(result);
    });
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality?.(instrumentType) ?? deltaPreference(instrumentType);
  }

  selectAggregation(instrumentType: InstrumentType): AggregationOption {
    return this.inner.selectAggregation?.(instrumentType) ?? { type: AggregationType.DEFAULT };
  }
}

/** The temporality the OTLP exporter uses with the delta preference, for exporters that send nothing. */
export function deltaPreference(instrumentType: InstrumentType): AggregationTemporality {
  return instrumentType === InstrumentType.UP_DOWN_COUNTER || instrumentType === InstrumentType.OBSERVABLE_UP_DOWN_COUNTER
    ? AggregationTemporality.CUMULATIVE
    : AggregationTemporality.DELTA;
}

const accepted = (cb: (result: ExportResult) => void): void => cb({ code: ExportResultCode.SUCCESS });

/** Debug mode's endpoint: accepts everything and sends nothing. */
export const nowhereSpanExporter: SpanExporter = { export: (_spans, cb) => accepted(cb), shutdown: () => Promise.resolve() };
export const nowhereMetricExporter: PushMetricExporter = { export: (_metrics, cb) => accepted(cb), forceFlush: () => Promise.resolve(), shutdown: () => Promise.resolve() };

/**
 * OPTEL_DEBUG=1: prints, as one JSON line each, the request that would be sent, so developers can
 * review their telemetry before shipping.
 */
export function printRequests(write: (line: string) => void): ExportListener {
  return (signal, url, _delivered, body) => write(`{"optelDebug":"${signal}","wouldSendTo":${JSON.stringify(url)},"body":${decoder.decode(body)}}`);
}
