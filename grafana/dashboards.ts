/**
 * optel's Grafana dashboards, built with the Grafana Foundation SDK from the telemetry catalog.
 *
 * Part of the mixin: `npm run mixin` (mixin/generate.ts) writes them to grafana/dashboards/*.json, which
 * Grafana loads through file provisioning (grafana/provisioning/dashboards/optel.yml), together with
 * the rules they read. test/mixin/generate.test.ts fails when the committed JSON is not what this file
 * produces.
 *
 * Every series name comes from mixin/series.ts (exported and recorded names) or mixin/recording.ts
 * (derived series); thresholds and windows come from mixin/config.ts. Nothing here spells a metric
 * name or a threshold.
 *
 * This file runs under Node's type stripping: erasable TypeScript only
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
import { mixinConfig, prose, seconds } from '../mixin/config.ts';
import { DERIVED, RecordedCatalog } from '../mixin/recording.ts';
import { COLLECTOR_JOB, SERIES, SPAN_ERROR_STATUS, promLabel, promName, recorded, recordedCatalogMetrics } from '../mixin/series.ts';
import type { HistogramPart, RecordedMetric, Window } from '../mixin/series.ts';

// ---- Names ------------------------------------------------------------------------------------

/** The Prometheus datasource every panel and query uses (grafana/provisioning/datasources/prometheus.yml). */
export const PROMETHEUS_DATASOURCE: DataSourceRef = { type: 'prometheus', uid: 'prometheus' };

export { COLLECTOR_JOB, SERIES, SPAN_ERROR_STATUS, promName, promLabel };

/** Window of the Collector's own counters, read raw (Grafana computes it from the scrape interval). */
const RATE = '$__rate_interval';

const { short: SHORT, long: LONG } = mixinConfig.windows;

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

/** The recorded increase of a metric over a window, added up by `labels`. */
function increase(m: RecordedMetric, w: Window, labels: readonly string[], matchers: Matchers = {}, part?: HistogramPart): string {
  return `sum${by(labels)} (${selector(recorded(m, w, part), matchers)})`;
}

/** Per second over the short window, from the recorded increase. */
function perSecond(m: RecordedMetric, labels: readonly string[], matchers: Matchers = {}): string {
  return `${increase(m, 'short', labels, matchers)} / ${seconds(SHORT)}`;
}

/** Per minute over the short window, from the recorded increase. */
function perMinute(m: RecordedMetric, labels: readonly string[], matchers: Matchers = {}): string {
  return `${increase(m, 'short', labels, matchers)} / ${seconds(SHORT) / 60}`;
}

function quantile(q: number, m: RecordedMetric, labels: readonly string[], matchers: Matchers = {}, w: Window = 'short'): string {
  return `histogram_quantile(${q}, ${increase(m, w, ['le', ...labels], matchers, 'bucket')})`;
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

/** Mean of a histogram over a window: recorded sum / recorded count. */
function histogramMean(m: RecordedMetric, labels: readonly string[], w: Window, matchers: Matchers = {}): string {
  return ratio(increase(m, w, labels, matchers, 'sum'), increase(m, w, labels, matchers, 'count'));
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

/** Looks up catalog metrics and their recorded series, failing loudly when the catalog lost one. */
class Metrics {
  readonly catalog: CatalogSpec;
  private readonly recordedCatalog: RecordedCatalog;

  constructor(catalog: CatalogSpec) {
    this.catalog = catalog;
    this.recordedCatalog = new RecordedCatalog(catalog);
  }

  spec(category: string, metric: string): MetricSpec {
    const spec = this.catalog[category]?.metrics[metric];
    if (spec === undefined) throw new Error(`grafana/dashboards.ts: the catalog has no metric ${category}.${metric}`);
    return spec;
  }

  /** Exported Prometheus name of a catalog metric (gauges are read as they are). */
  name(category: string, metric: string): string {
    return promName(category, metric, this.spec(category, metric));
  }

  /** A recorded counter, event or histogram (mixin/recording.ts). */
  rec(category: string, metric: string): RecordedMetric {
    return this.recordedCatalog.get(`${category}.${metric}`);
  }

  http(): RecordedMetric {
    return this.recordedCatalog.http();
  }

  spanCalls(): RecordedMetric {
    return this.recordedCatalog.spanCalls();
  }

  spanDuration(): RecordedMetric {
    return this.recordedCatalog.spanDuration();
  }
}

/**
 * The panel derived from one catalog metric: counters and events per second by attributes, from
 * their recorded increase over the short window; histograms as their p95 by attributes from the
 * recorded buckets; gauges as the gauge itself.
 */
export function catalogPanel(category: string, metric: string, spec: MetricSpec, matchers: Matchers = {}): TimeseriesPanelBuilder {
  const name = promName(category, metric, spec);
  const labels = Object.keys(spec.attributes).map(promLabel);
  const title = `${category}.${metric}`;
  const description = `${spec.description} (${spec.kind}, unit ${spec.unit}; ${name})`;
  if (spec.kind === 'gauge' || spec.kind === 'observable_gauge') {
    return timeseries(title, [{ expr: selector(name, matchers), legend: legendOf(['job', ...labels], title) }], {
      description,
      unit: valueUnit(spec),
      width: 8,
    });
  }
  const [m] = recordedCatalogMetrics({ [category]: { description: '', metrics: { [metric]: spec } } }, [category]);
  if (m === undefined) throw new Error(`no recorded series for ${title}`);
  if (spec.kind === 'histogram') {
    return timeseries(`${title} p95`, [{ expr: quantile(0.95, m, labels, matchers), legend: legendOf(labels, `${title} p95`) }], {
      description,
      unit: valueUnit(spec),
      width: 8,
    });
  }
  return timeseries(`${title} (per second)`, [{ expr: perSecond(m, labels, matchers), legend: legendOf(labels, title) }], {
    description,
    unit: units.CountsPerSecond,
    width: 8,
  });
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
//
// App series are read through the recorded series of mixin/recording.ts: their increases count
// sparse events exactly (see the note in prometheus/rules/recording.yml), which rate() and increase()
// on the exported series do not. Gauges and the Collector's own long-lived counters are read as
// they are.

const perShort = `(${SHORT})`;
const perLong = `(${LONG})`;

function executive(m: Metrics): Dashboard {
  const errors = m.rec('errors', 'errors');
  const crashes = m.rec('errors', 'crashes');
  const score = m.rec('satisfaction', 'score');
  const a = mixinConfig.alerts;
  // From metrics, so exact whatever share of traces the apps sample.
  const failureRatio = DERIVED.failureRatio('short');
  const activeSessions = DERIVED.activeSessions();
  const satisfaction = histogramMean(score, [], 'long');
  const failureDescription = `Failed HTTP requests (5xx) and operations / all of them over ${prose(SHORT, true)}, per app (from metrics, exact under trace sampling). Red from the alert's threshold (${a.highErrorRate.ratio * 100}% over ${prose(LONG, true)}).`;

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
          stat(`Failure ratio ${perShort}`, [{ expr: failureRatio, legend: '{{job}}' }], {
            description: failureDescription,
            unit: units.PercentUnit,
            redFrom: a.highErrorRate.ratio,
            width: 8,
          }),
          stat('Collector up', [{ expr: selector(SERIES.up, { job: COLLECTOR_JOB }), legend: '{{instance}}' }], {
            description: 'Whether Prometheus can scrape the Collector (1 = up).',
            greenFrom: 1,
            width: 4,
          }),
          timeseries('Failure ratio', [{ expr: failureRatio, legend: '{{job}}' }], {
            description: failureDescription,
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
          stat(`Errors per minute ${perShort}`, [{ expr: orZero(perMinute(errors, [])), legend: 'errors/min' }], {
            unit: units.CountsPerMinute,
            redFrom: 1,
          }),
          stat(`Average satisfaction ${perLong}`, [{ expr: satisfaction, legend: 'satisfaction' }], {
            description: `Mean satisfaction score (0..1) over the last ${prose(LONG)}. Green from the alert's threshold.`,
            unit: units.PercentUnit,
            min: 0,
            max: 1,
            greenFrom: a.lowSatisfaction.below,
          }),
          stat(`Crashes ${perLong}`, [{ expr: orZero(increase(crashes, 'long', [])), legend: 'crashes' }], {
            redFrom: 1,
          }),
          timeseries('Active sessions', [{ expr: activeSessions, legend: '{{job}}' }], { min: 0 }),
          timeseries('Errors per minute by severity', [{ expr: perMinute(errors, ['severity']), legend: '{{severity}}' }], {
            unit: units.CountsPerMinute,
            stacked: true,
          }),
          timeseries(`Average satisfaction ${perLong}`, [{ expr: satisfaction, legend: 'satisfaction' }], {
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
  const errors = m.rec('errors', 'errors');
  const recoveries = m.rec('errors', 'recoveries');
  const crashes = m.rec('errors', 'crashes');
  const opDuration = m.rec('performance', 'operation_duration');
  const http = m.http();
  const spanCalls = m.spanCalls();
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
          timeseries('Errors by type and severity', [{ expr: perSecond(errors, ['type', 'severity']), legend: '{{type}} / {{severity}}' }], {
            unit: units.CountsPerSecond,
            stacked: true,
          }),
          timeseries(`Crashes by type and kind ${perShort}`, [{ expr: increase(crashes, 'short', ['type', 'kind']), legend: '{{type}} / {{kind}}' }], {
            description: 'Uncaught exceptions and unhandled rejections.',
            stacked: true,
          }),
          timeseries('Recoveries by outcome', [{ expr: perSecond(recoveries, ['type', 'outcome']), legend: '{{type}} / {{outcome}}' }], {
            unit: units.CountsPerSecond,
          }),
          timeseries('Span error ratio by span', [
            {
              expr: share(
                perSecond(spanCalls, ['service_name', 'span_name'], { status_code: SPAN_ERROR_STATUS }),
                perSecond(spanCalls, ['service_name', 'span_name']),
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
            quantiles.map((q) => ({ expr: quantile(q, opDuration, ['operation']), legend: `p${q * 100} {{operation}}` })),
            { unit: units.Milliseconds },
          ),
          timeseries(
            'HTTP server latency p50 / p95 / p99',
            quantiles.map((q) => ({ expr: quantile(q, http, ['http_request_method']), legend: `p${q * 100} {{http_request_method}}` })),
            { unit: units.Seconds },
          ),
          timeseries('HTTP server requests by status', [
            {
              expr: `${increase(http, 'short', ['http_request_method', 'http_response_status_code'], {}, 'count')} / ${seconds(SHORT)}`,
              legend: '{{http_request_method}} {{http_response_status_code}}',
            },
          ], { unit: units.RequestsPerSecond }),
          timeseries('Span latency p95 by span', [
            { expr: quantile(0.95, m.spanDuration(), ['service_name', 'span_name']), legend: '{{service_name}} {{span_name}}' },
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
            { expr: perSecond(m.rec('system', 'redactions'), ['detector']), legend: '{{detector}}' },
          ], { unit: units.CountsPerSecond, width: 24, stacked: true }),
        ],
      },
    ],
  );
}

function product(m: Metrics): Dashboard {
  const activations = m.rec('feature_usage', 'activations');
  const timeSpent = m.rec('feature_usage', 'time_spent');
  const completions = m.rec('feature_usage', 'completions');
  const flow = m.rec('feature_usage', 'flow');
  const score = m.rec('satisfaction', 'score');
  const navigation = m.rec('engagement', 'navigation');
  const sessionLength = m.rec('engagement', 'session_length');

  return assemble(
    {
      uid: 'optel-product',
      title: 'optel / Product',
      description: 'Feature usage, flows, completion, satisfaction and navigation, plus a panel for every built-in catalog metric.',
      tags: ['product'],
    },
    [
      {
        title: 'Feature usage',
        panels: [
          timeseries('Feature activations', [{ expr: perSecond(activations, ['feature']), legend: '{{feature}}' }], {
            unit: units.CountsPerSecond,
            stacked: true,
          }),
          timeseries('Time spent per feature (p50 / p95)', [
            { expr: quantile(0.5, timeSpent, ['feature']), legend: 'p50 {{feature}}' },
            { expr: quantile(0.95, timeSpent, ['feature']), legend: 'p95 {{feature}}' },
          ], { unit: units.Seconds }),
          timeseries('Completed vs abandoned', [{ expr: perSecond(completions, ['outcome']), legend: '{{outcome}}' }], {
            unit: units.CountsPerSecond,
            stacked: true,
          }),
          timeseries(`Completion rate by feature ${perLong}`, [{ expr: DERIVED.completionRatio(), legend: '{{feature}}' }], {
            unit: units.PercentUnit,
            min: 0,
            max: 1,
          }),
          timeseries(`Abandonment by feature and step ${perShort}`, [
            { expr: increase(completions, 'short', ['feature', 'step'], { outcome: 'abandoned' }), legend: '{{feature}} @ {{step}}' },
          ], { stacked: true }),
          timeseries('Feature flows (from → to)', [{ expr: perSecond(flow, ['from', 'to']), legend: '{{from}} → {{to}}' }], {
            unit: units.CountsPerSecond,
          }),
        ],
      },
      {
        title: 'Satisfaction',
        panels: [
          timeseries(`Satisfaction by feature ${perLong} mean`, [{ expr: DERIVED.satisfactionMean(), legend: '{{feature}}' }], {
            unit: units.PercentUnit,
            min: 0,
            max: 1,
          }),
          timeseries(`Satisfaction by type ${perLong} mean`, [{ expr: histogramMean(score, ['type'], 'long'), legend: '{{type}}' }], {
            unit: units.PercentUnit,
            min: 0,
            max: 1,
          }),
        ],
      },
      {
        title: 'Navigation and sessions',
        panels: [
          timeseries('Navigation (from → to)', [{ expr: perSecond(navigation, ['from', 'to']), legend: '{{from}} → {{to}}' }], {
            unit: units.CountsPerSecond,
          }),
          timeseries('Sessions started / ended', [
            { expr: perSecond(m.rec('engagement', 'session_starts'), []), legend: 'started' },
            { expr: perSecond(m.rec('engagement', 'session_ends'), []), legend: 'ended' },
          ], { unit: units.CountsPerSecond }),
          timeseries('Session length (p50 / p95)', [
            { expr: quantile(0.5, sessionLength, []), legend: 'p50' },
            { expr: quantile(0.95, sessionLength, []), legend: 'p95' },
          ], { unit: units.Seconds, width: 24 }),
        ],
      },
      // Every built-in category, derived from the catalog, collapsed.
      ...catalogSections(m.catalog, Object.keys(m.catalog).filter(isBuiltinCategory), 'Catalog', true),
    ],
  );
}

/** The variable of the feature drill-down, and the query that lists its values. */
export const FEATURE_VARIABLE = 'feature';

function featureDrilldown(m: Metrics): Dashboard {
  const activations = m.rec('feature_usage', 'activations');
  const timeSpent = m.rec('feature_usage', 'time_spent');
  const completions = m.rec('feature_usage', 'completions');
  const flow = m.rec('feature_usage', 'flow');
  const errors = m.rec('errors', 'errors');
  const score = m.rec('satisfaction', 'score');
  const f = { feature: `$${FEATURE_VARIABLE}` };
  const variableQuery = `label_values(${recorded(activations, 'long')}, feature)`;
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
        stat(`Activations ${perLong}`, [{ expr: increase(activations, 'long', [], f), legend: 'activations' }]),
        stat(`Completion rate ${perLong}`, [
          {
            expr: share(increase(completions, 'long', [], { ...f, outcome: 'completed' }), increase(completions, 'long', [], f)),
            legend: 'completion rate',
          },
        ], { unit: units.PercentUnit, min: 0, max: 1, greenFrom: 0.5 }),
        stat(`Errors ${perLong}`, [{ expr: orZero(increase(errors, 'long', [], f)), legend: 'errors' }], { redFrom: 1 }),
        stat(`Satisfaction ${perLong}`, [{ expr: histogramMean(score, [], 'long', f), legend: 'satisfaction' }], {
          unit: units.PercentUnit,
          min: 0,
          max: 1,
          greenFrom: mixinConfig.alerts.lowSatisfaction.below,
        }),
        timeseries('Activations', [{ expr: perSecond(activations, [], f), legend: 'activations' }], { unit: units.CountsPerSecond }),
        timeseries('Time spent (p50 / p95)', [
          { expr: quantile(0.5, timeSpent, [], f), legend: 'p50' },
          { expr: quantile(0.95, timeSpent, [], f), legend: 'p95' },
        ], { unit: units.Seconds }),
        timeseries('Completed vs abandoned', [{ expr: perSecond(completions, ['outcome'], f), legend: '{{outcome}}' }], {
          unit: units.CountsPerSecond,
          stacked: true,
        }),
        timeseries(`Abandonment by step ${perShort}`, [
          { expr: increase(completions, 'short', ['step'], { ...f, outcome: 'abandoned' }), legend: '{{step}}' },
        ], { stacked: true }),
        timeseries('Arrived from', [{ expr: perSecond(flow, ['from'], { to: f.feature }), legend: '{{from}}' }], {
          unit: units.CountsPerSecond,
        }),
        timeseries('Went on to', [{ expr: perSecond(flow, ['to'], { from: f.feature }), legend: '{{to}}' }], {
          unit: units.CountsPerSecond,
        }),
        timeseries('Errors by type and severity', [{ expr: perSecond(errors, ['type', 'severity'], f), legend: '{{type}} / {{severity}}' }], {
          unit: units.CountsPerSecond,
          stacked: true,
        }),
        timeseries(`Satisfaction by type ${perLong} mean`, [{ expr: histogramMean(score, ['type'], 'long', f), legend: '{{type}}' }], {
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

/** The app's own categories (strategy, backtest, ...): a row per category, a panel per metric. */
function domain(m: Metrics, categories: readonly string[]): Dashboard {
  return assemble(
    {
      uid: 'optel-domain',
      title: 'optel / Domain',
      description: `The app's own catalog categories (${categories.join(', ')}): a panel per metric, from the recorded series of its generated rules.`,
      tags: ['product', 'domain'],
    },
    catalogSections(m.catalog, categories, 'Domain', false),
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
 * categories alone, or both merged: the built-in categories are always included, and domain
 * categories get a board of their own (`optel-domain`).
 */
export function buildDashboards(catalog: CatalogSpec = builtinCatalog): GeneratedDashboard[] {
  const m = new Metrics({ ...builtinCatalog, ...catalog });
  const domainCategories = Object.keys(m.catalog).filter((c) => !isBuiltinCategory(c));
  return [
    { fileName: 'optel-executive', dashboard: executive(m) },
    { fileName: 'optel-development', dashboard: development(m) },
    { fileName: 'optel-product', dashboard: product(m) },
    { fileName: 'optel-feature', dashboard: featureDrilldown(m) },
    ...(domainCategories.length > 0 ? [{ fileName: 'optel-domain', dashboard: domain(m, domainCategories) }] : []),
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
