import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { type AggregationOption, type AggregationTemporality, AggregationType, type InstrumentType, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { Catalog } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';
import { warnOnce } from '../diag.js';

/**
 * Keeps only metrics whose category is granted now. Instruments that belong to no known category
 * are dropped too: privacy wins over completeness.
 */
export function filterByConsent(metrics: ResourceMetrics, catalog: Catalog, consent: Consent): ResourceMetrics | undefined {
  const scopeMetrics = [];
  for (const scope of metrics.scopeMetrics) {
    const kept = scope.metrics.filter((m) => {
      const category = catalog.categoryOfInstrument(m.descriptor.name);
      if (category === undefined) {
        warnOnce(`metric-uncategorised:${m.descriptor.name}`, `metric ${m.descriptor.name} belongs to no consent category; not exported`);
        return false;
      }
      return consent.isGranted(category);
    });
    if (kept.length > 0) scopeMetrics.push({ ...scope, metrics: kept });
  }
  return scopeMetrics.length > 0 ? { ...metrics, scopeMetrics } : undefined;
}

/** Wraps the OTLP metric exporter: nothing of a category without consent reaches the network. */
export class ConsentMetricExporter implements PushMetricExporter {
  constructor(
    private readonly inner: PushMetricExporter,
    private readonly catalog: Catalog,
    private readonly consent: Consent,
  ) {}

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    this.consent.refresh(); // a consent change made by another process counts before anything is sent
    const admitted = filterByConsent(metrics, this.catalog, this.consent);
    if (admitted === undefined) {
      resultCallback({ code: ExportResultCode.SUCCESS });
      return;
    }
    this.inner.export(admitted, resultCallback);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality {
    return this.inner.selectAggregationTemporality!(instrumentType);
  }

  selectAggregation(instrumentType: InstrumentType): AggregationOption {
    return this.inner.selectAggregation?.(instrumentType) ?? { type: AggregationType.DEFAULT };
  }
}
