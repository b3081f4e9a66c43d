/**
 * optel's Grafana dashboards, built with the Grafana Foundation SDK from the telemetry catalog.
 *
 * `npm run dashboards` (grafana/generate.ts) writes them to grafana/dashboards/*.json, which Grafana loads
 * through file provisioning (grafana/provisioning/dashboards/optel.yml). test/grafana/dashboards.test.ts
 * fails when the committed JSON is not what this file produces.
 *
 * Every Prometheus name of a catalog metric comes from `promName`; every other series name comes from
 * `SERIES`. Nothing else in this file spells a metric name.
 *
 * This file runs under Node's type stripping (`node grafana/generate.ts`): erasable TypeScript only
 * (no enums, namespaces or parameter properties, and `import type` for types).
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  BigValueColorMode,
  BigValueGraphMode,
  LegendDisplayMode,
  LegendPlacement,
  ReduceDataOptionsBuilder,
  SortOrder,
  StackingConfigBuilder,
  StackingMode,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  DashboardBuilder,
  DashboardCursorSync,
  QueryVariableBuilder,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { Dashboard, Panel } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { builtinCatalog } from '../dist/index.js';
import type { CatalogSpec, MetricSpec } from '../dist/index.js';

// ---- Names ------------------------------------------------------------------------------------

/** The Prometheus datasource every panel and query uses (grafana/provisioning/datasources/prometheus.yml). */
export const PROMETHEUS_DATASOURCE: DataSourceRef = { type: 'prometheus', uid: 'prometheus' };

/** The Prometheus scrape job of the Collector's own metrics (prometheus/prometheus.yml). */
export const COLLECTOR_JOB = 'otel-collector';

/**
 * Every series the dashboards read that is not a catalog metric. Histograms are named by their base
 * name; `_bucket`, `_sum` and `_count` are added where they are used.
 */
export const SERIES = {
  /** spanmetrics connector (Collector): calls by service_name, span_name, span_kind, status_code. */
  spanCalls: 'traces_span_metrics_calls_total',
  /** spanmetrics connector (Collector): span duration histogram in milliseconds. */
  spanDuration: 'traces_span_metrics_duration_milliseconds',
  /** HTTP instrumentation (stable semconv): by http_request_method, http_response_status_code. */
  httpServerDuration: 'http_server_request_duration_seconds',
  /**
   * Collector self-metrics (counters). Collector 0.159 exposes them WITHOUT `_total` (checked by
   * running it: `otelcol_receiver_accepted_spans`, `otelcol_process_uptime`, ...). Failure counters
   * appear only after the first failure, so their queries fall back to 0.
   */
  collectorAcceptedSpans: 'otelcol_receiver_accepted_spans',
  collectorRefusedSpans: 'otelcol_receiver_refused_spans',
  /** Receiver-side failures that are not the client's fault (since Collector 0.12x). */
  collectorFailedSpans: 'otelcol_receiver_failed_spans',
  collectorAcceptedMetricPoints: 'otelcol_receiver_accepted_metric_points',
  collectorRefusedMetricPoints: 'otelcol_receiver_refused_metric_points',
  collectorFailedMetricPoints: 'otelcol_receiver_failed_metric_points',
  collectorExportFailedMetricPoints: 'otelcol_exporter_send_failed_metric_points',
  /** Prometheus scrape health. */
  up: 'up',
} as const;

/** `status_code` value of failed spans in the spanmetrics series. */
export const SPAN_ERROR_STATUS = 'STATUS_CODE_ERROR';

/** Window of the queries derived from the catalog (`rate(x[5m])`). */
export const CATALOG_RATE_WINDOW = '5m';

/** Window of the hand-written time-series queries (Grafana computes it from the scrape interval). */
const RATE = '$__rate_interval';

/** Window for sparse data (satisfaction ratings). */
const SPARSE_WINDOW = '1h';

const UNIT_SUFFIXES: Readonly<Record<string, string>> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  '%': 'percent',
};

const PER_UNIT: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };

/**
 * The Prometheus name of a catalog metric as the Collector's `prometheus` exporter writes it
 * (UnderscoreEscapingWithSuffixes, the OTel-to-Prometheus compatibility rules):
 * `optel_<category>_<metric>`, then the unit suffix (`ms` -> `_milliseconds`, `s` -> `_seconds`,
 * `By` -> `_bytes`; annotations in braces such as `{activation}` add nothing; skipped when the name
 * already has that word), then `_ratio` for gauges with unit `1` and `_total` for counters and events.
 * A histogram with unit `1` (satisfaction.score) gets no suffix: the translator adds `_ratio` to
 * gauges only. Histograms are further exposed as `<name>_bucket`, `<name>_sum`, `<name>_count`.
 */
export function promName(category: string, metric: string, spec: Pick<MetricSpec, 'kind' | 'unit'>): string {
  let tokens = `optel_${category}_${metric}`.split(/[^a-zA-Z0-9:]+/).filter((t) => t !== '');
  const unit = spec.unit.replace(/\{[^}]*\}/g, '').trim();
  const [main = '', per] = unit.split('/');
  const mainSuffix = UNIT_SUFFIXES[main] ?? (main === '1' ? '' : main.replace(/[^a-zA-Z0-9]+/g, '_'));
  if (mainSuffix !== '' && !tokens.includes(mainSuffix)) tokens.push(mainSuffix);
  if (per !== undefined && per !== '') {
    const perSuffix = `per_${PER_UNIT[per] ?? per}`;
    if (!tokens.includes(perSuffix)) tokens.push(perSuffix);
  }
  const isCounter = spec.kind === 'counter' || spec.kind === 'event';
  const isGauge = spec.kind === 'gauge' || spec.kind === 'observable_gauge';
  if (isCounter) tokens = [...tokens.filter((t) => t !== 'total'), 'total'];
  if (isGauge && spec.unit === '1') tokens = [...tokens.filter((t) => t !== 'ratio'), 'ratio'];
  return tokens.join('_');
}

/** The Prometheus label of a catalog attribute key. */
export function promLabel(key: string): string {
  const label = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(label) ? `key_${label}` : label;
}

/** The Grafana unit of a catalog metric's values (not of its rate). */
function valueUnit(spec: MetricSpec): string {
  switch (spec.unit) {
    case 'ms':
      return units.Milliseconds;
    case 's':
      return units.Seconds;
    case 'By':
      return units.BytesIEC;
    case '1':
      return spec.kind === 'histogram' ? units.NoUnit : units.PercentUnit;
    default:
      return units.Short;
  }
}

// ---- PromQL -----------------------------------------------------------------------------------

type Matchers = Readonly<Record<string, string>>;

function selector(name: string, matchers: Matchers = {}): string {
  const parts = Object.entries(matchers).map(([k, v]) => `${k}="${v}"`);
  return parts.length === 0 ? name : `${name}{${parts.join(', ')}}`;
}

function by(labels: readonly string[]): string {
  return labels.length === 0 ? '' : ` by (${labels.join(', ')})`;
}

function sumRate(series: string, labels: readonly string[], window: string, matchers: Matchers = {}): string {
  return `sum${by(labels)} (rate(${selector(series, matchers)}[${window}]))`;
}

function sumIncrease(series: string, labels: readonly string[], window: string, matchers: Matchers = {}): string {
  return `sum${by(labels)} (increase(${selector(series, matchers)}[${window}]))`;
}

function quantile(q: number, histogram: string, labels: readonly string[], window: string, matchers: Matchers = {}): string {
  return `histogram_quantile(${q}, sum${by(['le', ...labels])} (rate(${selector(`${histogram}_bucket`, matchers)}[${window}])))`;
}

/** `a / b`, without a series where `b` is 0 (no data rather than NaN; a true 0 ratio stays). */
function ratio(numerator: string, denominator: string): string {
  return `${numerator} / (${denominator} > 0)`;
}

/** 0 instead of no data, for counters that only appear once something went wrong. */
function orZero(expr: string): string {
  return `${expr} or vector(0)`;
}

/** The share of `whole` that is `part` (a filtered subset of it): 0, not absent, where `part` has no series. */
function share(part: string, whole: string): string {
  return ratio(`(${part} or ${whole} * 0)`, whole);
}

/** Mean of a histogram over `window`: sum / count. */
function histogramMean(histogram: string, labels: readonly string[], window: string, matchers: Matchers = {}): string {
  return ratio(sumRate(`${histogram}_sum`, labels, window, matchers), sumRate(`${histogram}_count`, labels, window, matchers));
}

function legendOf(labels: readonly string[], fallback: string): string {
  return labels.length === 0 ? fallback : labels.map((l) => `{{${l}}}`).join(' / ');
}

// ---- Panels -----------------------------------------------------------------------------------

interface Query {
  readonly expr: string;
  readonly legend?: string;
}

interface PanelOptions {
  readonly description?: string;
  readonly unit?: string;
  readonly width?: number;
  readonly height?: number;
  readonly min?: number;
  readonly max?: number;
  readonly stacked?: boolean;
  /** Stat: red below this value, green from it. */
  readonly greenFrom?: number;
  /** Stat: green below this value, red from it. */
  readonly redFrom?: number;
}

/** What a section holds: SDK panel builders, numbered when the dashboard is assembled. */
type PanelBuilderLike = cog.Builder<Panel> & { id(id: number): unknown };

function target(query: Query, index: number, instant: boolean): DataqueryBuilder {
  const builder = new DataqueryBuilder()
    .datasource(PROMETHEUS_DATASOURCE)
    .expr(query.expr)
    .refId(String.fromCharCode(65 + index))
    .legendFormat(query.legend ?? '__auto');
  return instant ? builder.instant() : builder.range();
}

function timeseries(title: string, queries: readonly Query[], o: PanelOptions = {}): TimeseriesPanelBuilder {
  const panel = new TimeseriesPanelBuilder()
    .title(title)
    .datasource(PROMETHEUS_DATASOURCE)
    .unit(o.unit ?? units.Short)
    .span(o.width ?? 12)
    .height(o.height ?? 8)
    .fillOpacity(o.stacked === true ? 40 : 10)
    .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom))
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending));
  if (o.description !== undefined) panel.description(o.description);
  if (o.min !== undefined) panel.min(o.min);
  if (o.max !== undefined) panel.max(o.max);
  if (o.stacked === true) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  queries.forEach((q, i) => panel.withTarget(target(q, i, false)));
  return panel;
}

function stat(title: string, queries: readonly Query[], o: PanelOptions = {}): StatPanelBuilder {
  const panel = new StatPanelBuilder()
    .title(title)
    .datasource(PROMETHEUS_DATASOURCE)
    .unit(o.unit ?? units.Short)
    .span(o.width ?? 6)
    .height(o.height ?? 5)
    .graphMode(BigValueGraphMode.None)
    .colorMode(BigValueColorMode.Value)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
  if (o.description !== undefined) panel.description(o.description);
  if (o.min !== undefined) panel.min(o.min);
  if (o.max !== undefined) panel.max(o.max);
  if (o.greenFrom !== undefined) {
    panel.thresholds(
      new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
        { value: null, color: 'red' },
        { value: o.greenFrom, color: 'green' },
      ]),
    );
  } else if (o.redFrom !== undefined) {
    panel.thresholds(
      new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([
        { value: null, color: 'green' },
        { value: o.redFrom, color: 'red' },
      ]),
    );
  }
  queries.forEach((q, i) => panel.withTarget(target(q, i, true)));
  return panel;
}

/** Looks up catalog metrics by category and name, failing loudly when the catalog lost one. */
class Metrics {
  readonly catalog: CatalogSpec;

  constructor(catalog: CatalogSpec) {
    this.catalog = catalog;
  }

  spec(category: string, metric: string): MetricSpec {
    const spec = this.catalog[category]?.metrics[metric];
    if (spec === undefined) throw new Error(`grafana/dashboards.ts: the catalog has no metric ${category}.${metric}`);
    return spec;
  }

  /** Prometheus name of a catalog metric (for histograms: the base name). */
  name(category: string, metric: string): string {
    return promName(category, metric, this.spec(category, metric));
  }
}

/**
 * The panel derived from one catalog metric: counters and events as `sum by (attributes) (rate(x_total[5m]))`,
 * histograms as their p95 by attributes, gauges as the gauge itself.
 */
export function catalogPanel(category: string, metric: string, spec: MetricSpec, matchers: Matchers = {}): TimeseriesPanelBuilder {
  const name = promName(category, metric, spec);
  const labels = Object.keys(spec.attributes).map(promLabel);
  const title = `${category}.${metric}`;
  const description = `${spec.description} (${spec.kind}, unit ${spec.unit}; ${name})`;
  switch (spec.kind) {
    case 'counter':
    case 'event':
      return timeseries(`${title} (per second)`, [{ expr: sumRate(name, labels, CATALOG_RATE_WINDOW, matchers), legend: legendOf(labels, title) }], {
        description,
        unit: units.CountsPerSecond,
        width: 8,
      });
    case 'histogram':
      return timeseries(`${title} p95`, [{ expr: quantile(0.95, name, labels, CATALOG_RATE_WINDOW, matchers), legend: legendOf(labels, `${title} p95`) }], {
        description,
        unit: valueUnit(spec),
        width: 8,
      });
    case 'gauge':
    case 'observable_gauge':
      return timeseries(title, [{ expr: selector(name, matchers), legend: legendOf(['job', ...labels], title) }], {
        description,
        unit: valueUnit(spec),
        width: 8,
      });
  }
}

// ---- Assembly ---------------------------------------------------------------------------------

interface Section {
  readonly title: string;
  /** Collapsed rows hold their panels and query only when opened. */
  readonly collapsed?: boolean;
  readonly panels: readonly PanelBuilderLike[];
}

interface DashboardMeta {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
}

function assemble(meta: DashboardMeta, sections: readonly Section[], variables: readonly QueryVariableBuilder[] = []): Dashboard {
  const builder = new DashboardBuilder(meta.title)
    .uid(meta.uid)
    .description(meta.description)
    .tags(['optel', ...meta.tags])
    .editable()
    .timezone('browser')
    .time({ from: 'now-6h', to: 'now' })
    .refresh('30s')
    .tooltip(DashboardCursorSync.Crosshair);
  for (const v of variables) builder.withVariable(v);
  let id = 0;
  for (const section of sections) {
    const row = new RowBuilder(section.title).id(++id);
    if (section.collapsed === true) {
      for (const panel of section.panels) {
        panel.id(++id);
        row.withPanel(panel);
      }
      builder.withRow(row);
    } else {
      builder.withRow(row);
      for (const panel of section.panels) {
        panel.id(++id);
        builder.withPanel(panel);
      }
    }
  }
  return builder.build();
}

function isBuiltinCategory(category: string): boolean {
  return Object.prototype.hasOwnProperty.call(builtinCatalog, category);
}

/** One row per category, a panel per metric, derived from the catalog alone. */
function catalogSections(catalog: CatalogSpec, categories: readonly string[], prefix: string, collapsed: boolean): Section[] {
  return categories.map((category) => {
    const cat = catalog[category];
    if (cat === undefined) throw new Error(`no category ${category}`);
    return {
      title: `${prefix}: ${category}`,
      collapsed,
      panels: Object.entries(cat.metrics).map(([metric, spec]) => catalogPanel(category, metric, spec)),
    };
  });
}

// ---- Dashboards -------------------------------------------------------------------------------

function executive(m: Metrics): Dashboard {
  const errors = m.name('errors', 'errors');
  const starts = m.name('engagement', 'session_starts');
  const ends = m.name('engagement', 'session_ends');
  const score = m.name('satisfaction', 'score');
  // Recorded in prometheus/rules/recording.yml (group optel.requests): from metrics, so exact
  // whatever share of traces the apps sample.
  const failureRatio = 'job:optel_failures:ratio_rate5m';
  // Sessions started minus ended, per app (the ended counter is absent until a session ends).
  const activeSessions = `sum by (job) (${starts}) - (sum by (job) (${ends}) or sum by (job) (${starts}) * 0)`;
  const errorsPerMinute = (labels: readonly string[], window: string): string => `${sumRate(errors, labels, window)} * 60`;
  const satisfaction = histogramMean(score, [], SPARSE_WINDOW);

  return assemble(
    {
      uid: 'optel-executive',
      title: 'optel / Executive',
      description: 'Health, sessions, errors and satisfaction at a glance.',
      tags: ['executive'],
    },
    [
      {
        title: 'Health',
        panels: [
          stat('Failure ratio (5m)', [{ expr: failureRatio, legend: '{{job}}' }], {
            description: 'Failed HTTP requests (5xx) and operations / all of them, per app (from metrics, exact under trace sampling).',
            unit: units.PercentUnit,
            redFrom: 0.05,
            width: 8,
          }),
          stat('Collector up', [{ expr: selector(SERIES.up, { job: COLLECTOR_JOB }), legend: '{{instance}}' }], {
            description: 'Whether Prometheus can scrape the Collector (1 = up).',
            greenFrom: 1,
            width: 4,
          }),
          timeseries('Failure ratio', [{ expr: failureRatio, legend: '{{job}}' }], {
            description: 'Failed HTTP requests (5xx) and operations / all of them, per app (from metrics, exact under trace sampling).',
            unit: units.PercentUnit,
            min: 0,
          }),
        ],
      },
      {
        title: 'Usage and quality',
        panels: [
          stat('Active sessions', [{ expr: `sum(${activeSessions})`, legend: 'active sessions' }], {
            description: 'Sessions started minus sessions ended, all apps.',
          }),
          stat('Errors per minute (5m)', [{ expr: orZero(errorsPerMinute([], '5m')), legend: 'errors/min' }], {
            unit: units.CountsPerMinute,
            redFrom: 1,
          }),
          stat('Average satisfaction (1h)', [{ expr: satisfaction, legend: 'satisfaction' }], {
            description: 'Mean satisfaction score (0..1) over the last hour.',
            unit: units.PercentUnit,
            min: 0,
            max: 1,
            greenFrom: 0.7,
          }),
          stat('Crashes in range', [{ expr: orZero(sumIncrease(m.name('errors', 'crashes'), [], '$__range')), legend: 'crashes' }], {
            redFrom: 1,
          }),
          timeseries('Active sessions', [{ expr: activeSessions, legend: '{{job}}' }], { min: 0 }),
          timeseries('Errors per minute by severity', [{ expr: errorsPerMinute(['severity'], RATE), legend: '{{severity}}' }], {
            unit: units.CountsPerMinute,
            stacked: true,
          }),
          timeseries('Average satisfaction (1h window)', [{ expr: satisfaction, legend: 'satisfaction' }], {
            unit: units.PercentUnit,
            min: 0,
            max: 1,
            width: 24,
          }),
        ],
      },
    ],
  );
}

function development(m: Metrics): Dashboard {
  const errors = m.name('errors', 'errors');
  const recoveries = m.name('errors', 'recoveries');
  const crashes = m.name('errors', 'crashes');
  const opDuration = m.name('performance', 'operation_duration');
  const quantiles = [0.5, 0.95, 0.99] as const;
  const gauge = (metric: string, title: string, unit: string): TimeseriesPanelBuilder =>
    timeseries(title, [{ expr: m.name('resource', metric), legend: '{{job}}' }], {
      unit,
      width: 6,
      description: m.spec('resource', metric).description,
    });

  return assemble(
    {
      uid: 'optel-development',
      title: 'optel / Development',
      description: 'Errors, crashes, latency, resource use and the health of the telemetry pipeline.',
      tags: ['development'],
    },
    [
      {
        title: 'Errors and crashes',
        panels: [
          timeseries('Errors by type and severity', [{ expr: sumRate(errors, ['type', 'severity'], RATE), legend: '{{type}} / {{severity}}' }], {
            unit: units.CountsPerSecond,
            stacked: true,
          }),
          timeseries('Crashes by type and kind', [{ expr: sumIncrease(crashes, ['type', 'kind'], RATE), legend: '{{type}} / {{kind}}' }], {
            description: 'Uncaught exceptions and unhandled rejections.',
            stacked: true,
          }),
          timeseries('Recoveries by outcome', [{ expr: sumRate(recoveries, ['type', 'outcome'], RATE), legend: '{{type}} / {{outcome}}' }], {
            unit: units.CountsPerSecond,
          }),
          timeseries('Span error ratio by span', [
            {
              expr: share(
                sumRate(SERIES.spanCalls, ['service_name', 'span_name'], RATE, { status_code: SPAN_ERROR_STATUS }),
                sumRate(SERIES.spanCalls, ['service_name', 'span_name'], RATE),
              ),
              legend: '{{service_name}} {{span_name}}',
            },
          ], { unit: units.PercentUnit, min: 0 }),
        ],
      },
      {
        title: 'Latency',
        panels: [
          timeseries(
            'Operation latency p50 / p95 / p99',
            quantiles.map((q) => ({
              expr: quantile(q, opDuration, ['operation'], RATE),
              legend: `p${q * 100} {{operation}}`,
            })),
            { unit: units.Milliseconds },
          ),
          timeseries(
            'HTTP server latency p50 / p95 / p99',
            quantiles.map((q) => ({
              expr: quantile(q, SERIES.httpServerDuration, ['http_request_method'], RATE),
              legend: `p${q * 100} {{http_request_method}}`,
            })),
            { unit: units.Seconds },
          ),
          timeseries('HTTP server requests by status', [
            {
              expr: sumRate(`${SERIES.httpServerDuration}_count`, ['http_request_method', 'http_response_status_code'], RATE),
              legend: '{{http_request_method}} {{http_response_status_code}}',
            },
          ], { unit: units.RequestsPerSecond }),
          timeseries('Span latency p95 by span', [
            {
              expr: quantile(0.95, SERIES.spanDuration, ['service_name', 'span_name'], RATE),
              legend: '{{service_name}} {{span_name}}',
            },
          ], { unit: units.Milliseconds }),
        ],
      },
      {
        title: 'Resource use',
        panels: [
          gauge('cpu_utilization', 'CPU (1 = one core)', units.PercentUnit),
          gauge('memory_rss', 'Memory RSS', units.BytesIEC),
          gauge('heap_used', 'V8 heap used', units.BytesIEC),
          gauge('event_loop_delay', 'Event-loop delay p99', units.Milliseconds),
        ],
      },
      {
        title: 'Telemetry pipeline',
        panels: [
          stat('Collector up', [{ expr: selector(SERIES.up, { job: COLLECTOR_JOB }), legend: '{{instance}}' }], {
            greenFrom: 1,
            width: 4,
            height: 8,
          }),
          timeseries('Collector spans', [
            { expr: sumRate(SERIES.collectorAcceptedSpans, [], RATE), legend: 'accepted' },
            { expr: orZero(sumRate(SERIES.collectorRefusedSpans, [], RATE)), legend: 'refused' },
            { expr: orZero(sumRate(SERIES.collectorFailedSpans, [], RATE)), legend: 'failed' },
          ], { unit: units.CountsPerSecond, width: 10 }),
          timeseries('Collector metric points', [
            { expr: sumRate(SERIES.collectorAcceptedMetricPoints, [], RATE), legend: 'accepted' },
            { expr: orZero(sumRate(SERIES.collectorRefusedMetricPoints, [], RATE)), legend: 'refused' },
            { expr: orZero(sumRate(SERIES.collectorFailedMetricPoints, [], RATE)), legend: 'failed' },
            { expr: orZero(sumRate(SERIES.collectorExportFailedMetricPoints, [], RATE)), legend: 'export failed' },
          ], { unit: units.CountsPerSecond, width: 10 }),
          timeseries('Values redacted by optel, by detector', [
            { expr: sumRate(m.name('system', 'redactions'), ['detector'], RATE), legend: '{{detector}}' },
          ], { unit: units.CountsPerSecond, width: 24, stacked: true }),
        ],
      },
    ],
  );
}

function product(m: Metrics): Dashboard {
  const activations = m.name('feature_usage', 'activations');
  const timeSpent = m.name('feature_usage', 'time_spent');
  const completions = m.name('feature_usage', 'completions');
  const flow = m.name('feature_usage', 'flow');
  const score = m.name('satisfaction', 'score');
  const navigation = m.name('engagement', 'navigation');
  const sessionLength = m.name('engagement', 'session_length');
  const categories = Object.keys(m.catalog);
  const domain = categories.filter((c) => !isBuiltinCategory(c));
  const builtin = categories.filter(isBuiltinCategory);

  return assemble(
    {
      uid: 'optel-product',
      title: 'optel / Product',
      description: 'Feature usage, flows, completion, satisfaction and navigation, plus a panel for every catalog metric.',
      tags: ['product'],
    },
    [
      {
        title: 'Feature usage',
        panels: [
          timeseries('Feature activations', [{ expr: sumRate(activations, ['feature'], RATE), legend: '{{feature}}' }], {
            unit: units.CountsPerSecond,
            stacked: true,
          }),
          timeseries('Time spent per feature (p50 / p95)', [
            { expr: quantile(0.5, timeSpent, ['feature'], RATE), legend: 'p50 {{feature}}' },
            { expr: quantile(0.95, timeSpent, ['feature'], RATE), legend: 'p95 {{feature}}' },
          ], { unit: units.Seconds }),
          timeseries('Completed vs abandoned', [{ expr: sumRate(completions, ['outcome'], RATE), legend: '{{outcome}}' }], {
            unit: units.CountsPerSecond,
            stacked: true,
          }),
          timeseries('Completion rate by feature', [
            {
              expr: share(
                sumRate(completions, ['feature'], RATE, { outcome: 'completed' }),
                sumRate(completions, ['feature'], RATE),
              ),
              legend: '{{feature}}',
            },
          ], { unit: units.PercentUnit, min: 0, max: 1 }),
          timeseries('Abandonment by feature and step', [
            {
              expr: sumIncrease(completions, ['feature', 'step'], RATE, { outcome: 'abandoned' }),
              legend: '{{feature}} @ {{step}}',
            },
          ], { stacked: true }),
          timeseries('Feature flows (from → to)', [{ expr: sumRate(flow, ['from', 'to'], RATE), legend: '{{from}} → {{to}}' }], {
            unit: units.CountsPerSecond,
          }),
        ],
      },
      {
        title: 'Satisfaction',
        panels: [
          timeseries('Satisfaction by feature (1h mean)', [{ expr: histogramMean(score, ['feature'], SPARSE_WINDOW), legend: '{{feature}}' }], {
            unit: units.PercentUnit,
            min: 0,
            max: 1,
          }),
          timeseries('Satisfaction by type (1h mean)', [{ expr: histogramMean(score, ['type'], SPARSE_WINDOW), legend: '{{type}}' }], {
            unit: units.PercentUnit,
            min: 0,
            max: 1,
          }),
        ],
      },
      {
        title: 'Navigation and sessions',
        panels: [
          timeseries('Navigation (from → to)', [{ expr: sumRate(navigation, ['from', 'to'], RATE), legend: '{{from}} → {{to}}' }], {
            unit: units.CountsPerSecond,
          }),
          timeseries('Sessions started / ended', [
            { expr: sumRate(m.name('engagement', 'session_starts'), [], RATE), legend: 'started' },
            { expr: sumRate(m.name('engagement', 'session_ends'), [], RATE), legend: 'ended' },
          ], { unit: units.CountsPerSecond }),
          timeseries('Session length (p50 / p95)', [
            { expr: quantile(0.5, sessionLength, [], RATE), legend: 'p50' },
            { expr: quantile(0.95, sessionLength, [], RATE), legend: 'p95' },
          ], { unit: units.Seconds, width: 24 }),
        ],
      },
      // The app's own categories (strategy, backtest, ...): open, a panel per metric.
      ...catalogSections(m.catalog, domain, 'Domain', false),
      // Every built-in category, derived from the catalog, collapsed.
      ...catalogSections(m.catalog, builtin, 'Catalog', true),
    ],
  );
}

/** The variable of the feature drill-down, and the query that lists its values. */
export const FEATURE_VARIABLE = 'feature';

function featureDrilldown(m: Metrics): Dashboard {
  const activations = m.name('feature_usage', 'activations');
  const timeSpent = m.name('feature_usage', 'time_spent');
  const completions = m.name('feature_usage', 'completions');
  const flow = m.name('feature_usage', 'flow');
  const errors = m.name('errors', 'errors');
  const score = m.name('satisfaction', 'score');
  const f = { feature: `$${FEATURE_VARIABLE}` };
  const variableQuery = `label_values(${activations}, feature)`;
  const variable = new QueryVariableBuilder(FEATURE_VARIABLE)
    .label('Feature')
    .datasource(PROMETHEUS_DATASOURCE)
    .query(variableQuery)
    .definition(variableQuery)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(false)
    .includeAll(false);

  // Domain metrics that carry a `feature` attribute, filtered to the chosen feature.
  const domainPanels: PanelBuilderLike[] = [];
  for (const [category, cat] of Object.entries(m.catalog)) {
    if (isBuiltinCategory(category)) continue;
    for (const [metric, spec] of Object.entries(cat.metrics)) {
      if (Object.keys(spec.attributes).includes('feature')) domainPanels.push(catalogPanel(category, metric, spec, f));
    }
  }

  const sections: Section[] = [
    {
      title: 'Feature: $feature',
      panels: [
        stat('Activations in range', [{ expr: sumIncrease(activations, [], '$__range', f), legend: 'activations' }]),
        stat('Completion rate in range', [
          {
            expr: share(
              sumIncrease(completions, [], '$__range', { ...f, outcome: 'completed' }),
              sumIncrease(completions, [], '$__range', f),
            ),
            legend: 'completion rate',
          },
        ], { unit: units.PercentUnit, min: 0, max: 1, greenFrom: 0.5 }),
        stat('Errors in range', [{ expr: orZero(sumIncrease(errors, [], '$__range', f)), legend: 'errors' }], { redFrom: 1 }),
        stat('Satisfaction in range', [
          {
            expr: ratio(sumIncrease(`${score}_sum`, [], '$__range', f), sumIncrease(`${score}_count`, [], '$__range', f)),
            legend: 'satisfaction',
          },
        ], { unit: units.PercentUnit, min: 0, max: 1, greenFrom: 0.7 }),
        timeseries('Activations', [{ expr: sumRate(activations, [], RATE, f), legend: 'activations' }], { unit: units.CountsPerSecond }),
        timeseries('Time spent (p50 / p95)', [
          { expr: quantile(0.5, timeSpent, [], RATE, f), legend: 'p50' },
          { expr: quantile(0.95, timeSpent, [], RATE, f), legend: 'p95' },
        ], { unit: units.Seconds }),
        timeseries('Completed vs abandoned', [{ expr: sumRate(completions, ['outcome'], RATE, f), legend: '{{outcome}}' }], {
          unit: units.CountsPerSecond,
          stacked: true,
        }),
        timeseries('Abandonment by step', [
          { expr: sumIncrease(completions, ['step'], RATE, { ...f, outcome: 'abandoned' }), legend: '{{step}}' },
        ], { stacked: true }),
        timeseries('Arrived from', [{ expr: sumRate(flow, ['from'], RATE, { to: f.feature }), legend: '{{from}}' }], {
          unit: units.CountsPerSecond,
        }),
        timeseries('Went on to', [{ expr: sumRate(flow, ['to'], RATE, { from: f.feature }), legend: '{{to}}' }], {
          unit: units.CountsPerSecond,
        }),
        timeseries('Errors by type and severity', [
          { expr: sumRate(errors, ['type', 'severity'], RATE, f), legend: '{{type}} / {{severity}}' },
        ], { unit: units.CountsPerSecond, stacked: true }),
        timeseries('Satisfaction by type (1h mean)', [{ expr: histogramMean(score, ['type'], SPARSE_WINDOW, f), legend: '{{type}}' }], {
          unit: units.PercentUnit,
          min: 0,
          max: 1,
        }),
      ],
    },
  ];
  if (domainPanels.length > 0) sections.push({ title: 'Domain metrics for $feature', panels: domainPanels });

  return assemble(
    {
      uid: 'optel-feature',
      title: 'optel / Feature drill-down',
      description: 'One feature: usage, time spent, completion, flows in and out, errors and satisfaction.',
      tags: ['product', 'feature'],
    },
    sections,
    [variable],
  );
}

// ---- Public API -------------------------------------------------------------------------------

export interface GeneratedDashboard {
  /** File name without `.json` under grafana/dashboards/. */
  readonly fileName: string;
  readonly dashboard: Dashboard;
}

/**
 * Builds every dashboard. `catalog` may be the built-in catalog (the default), an app's domain
 * categories alone, or both merged: the built-in categories are always included.
 */
export function buildDashboards(catalog: CatalogSpec = builtinCatalog): GeneratedDashboard[] {
  const m = new Metrics({ ...builtinCatalog, ...catalog });
  return [
    { fileName: 'optel-executive', dashboard: executive(m) },
    { fileName: 'optel-development', dashboard: development(m) },
    { fileName: 'optel-product', dashboard: product(m) },
    { fileName: 'optel-feature', dashboard: featureDrilldown(m) },
  ];
}

/** The bytes written to grafana/dashboards/<fileName>.json. */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

// ---- Reading dashboards back (tests, end-to-end runs) -------------------------------------------

interface JsonTarget {
  readonly refId?: string;
  readonly expr?: string;
}
interface JsonPanel {
  readonly type?: string;
  readonly title?: string;
  readonly targets?: readonly JsonTarget[];
  readonly panels?: readonly JsonPanel[];
}
interface JsonDashboard {
  readonly uid?: string;
  readonly panels?: readonly JsonPanel[];
  readonly templating?: { readonly list?: readonly { readonly name: string }[] };
}

/** Every non-row panel of a dashboard, including those inside collapsed rows. */
export function panelsOf(dashboard: Dashboard): { title: string; type: string; targets: { refId?: string; expr?: string }[] }[] {
  const out: { title: string; type: string; targets: { refId?: string; expr?: string }[] }[] = [];
  const walk = (panels: readonly JsonPanel[] | undefined): void => {
    for (const p of panels ?? []) {
      if (p.type === 'row') walk(p.panels);
      else out.push({ title: p.title ?? '', type: p.type ?? '', targets: [...(p.targets ?? [])] });
    }
  };
  walk((dashboard as unknown as JsonDashboard).panels);
  return out;
}

export interface PanelQuery {
  /** Dashboard uid. */
  readonly dashboard: string;
  /** Panel title. */
  readonly panel: string;
  readonly refId: string;
  /** The query with every variable replaced: runnable against Prometheus as is. */
  readonly expr: string;
}

export interface QueryValues {
  /** Values of the dashboards' template variables, e.g. `{ feature: 'export' }`. Required for each one used. */
  readonly variables?: Readonly<Record<string, string>>;
  /** `$__rate_interval` and `$__interval` (default `1m`). */
  readonly rateInterval?: string;
  /** `$__range` (default `1h`); `$__range_s` and `$__range_ms` follow it. */
  readonly range?: string;
}

const DURATION_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

function durationMs(d: string): number {
  const match = /^(\d+)(ms|s|m|h|d|w)$/.exec(d);
  if (match === null) throw new Error(`not a simple Prometheus duration: ${d}`);
  return Number(match[1]) * (DURATION_MS[match[2] as string] as number);
}

/** Escapes a value for a PromQL double-quoted string. */
function promString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * Every query of every panel with Grafana's variables replaced by concrete values, so each can be
 * sent to Prometheus's /api/v1/query as is: template variables (`$feature`, `${feature}`,
 * `${feature:raw}`, `[[feature]]`) by `values.variables` (escaped for a PromQL string; an error
 * when a used variable has no value), `$__rate_interval` and `$__interval` by `rateInterval`,
 * `$__range` by `range`, `$__range_s`/`$__range_ms`/`$__interval_ms` by the same in seconds or ms.
 * Throws if any `$` is left.
 */
export function allPanelQueries(dashboards: readonly GeneratedDashboard[], values: QueryValues = {}): PanelQuery[] {
  const rateInterval = values.rateInterval ?? '1m';
  const range = values.range ?? '1h';
  const builtins: Record<string, string> = {
    __rate_interval: rateInterval,
    __interval: rateInterval,
    __interval_ms: String(durationMs(rateInterval)),
    __range: range,
    __range_s: String(Math.floor(durationMs(range) / 1000)),
    __range_ms: String(durationMs(range)),
  };
  const out: PanelQuery[] = [];
  for (const { dashboard } of dashboards) {
    const uid = dashboard.uid ?? '';
    const declared = new Set(((dashboard as unknown as JsonDashboard).templating?.list ?? []).map((v) => v.name));
    const substitute = (expr: string, panel: string): string => {
      const replaced = expr.replace(/\$\{(\w+)(?::\w+)?\}|\[\[(\w+)(?::\w+)?\]\]|\$(\w+)/g, (whole, a?: string, b?: string, c?: string) => {
        const name = (a ?? b ?? c) as string;
        const builtin = builtins[name];
        if (builtin !== undefined) return builtin;
        const value = values.variables?.[name];
        if (value === undefined) {
          const why = declared.has(name) ? 'give it a value in values.variables' : 'the dashboard does not declare it';
          throw new Error(`${uid} / ${panel}: no value for ${whole} (${why})`);
        }
        return promString(value);
      });
      if (replaced.includes('$')) throw new Error(`${uid} / ${panel}: a variable is left in ${replaced}`);
      return replaced;
    };
    for (const panel of panelsOf(dashboard)) {
      for (const t of panel.targets) {
        if (t.expr === undefined || t.expr === '') continue;
        out.push({ dashboard: uid, panel: panel.title, refId: t.refId ?? '', expr: substitute(t.expr, panel.title) });
      }
    }
  }
  return out;
}
