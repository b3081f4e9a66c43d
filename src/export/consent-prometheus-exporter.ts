import { type ExporterConfig, PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { CollectionResult, MetricReader } from '@opentelemetry/sdk-metrics';
import type { Catalog } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';
import { filterByConsent } from './metric-consent-filter.js';

/**
 * The Prometheus pull endpoint, serving only the categories granted at scrape time. In pull mode
 * nothing is queued: a revoked category disappears from the very next scrape.
 */
export class ConsentPrometheusExporter extends PrometheusExporter {
  constructor(
    config: ExporterConfig,
    private readonly catalog: Catalog,
    private readonly consent: Consent,
    callback?: (error: Error | void) => void,
  ) {
    super(config, callback);
  }

  override async collect(options?: Parameters<MetricReader['collect']>[0]): Promise<CollectionResult> {
    this.consent.refresh();
    const result = await super.collect(options);
    const admitted = filterByConsent(result.resourceMetrics, this.catalog, this.consent);
    return { ...result, resourceMetrics: admitted ?? { ...result.resourceMetrics, scopeMetrics: [] } };
  }
}
