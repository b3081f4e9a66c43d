import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureOps, opsBinary } from '../../scripts/ops-build.mjs';
import { parse } from 'yaml';
import { builtinCatalog } from '../../dist/index.js';
import type { CatalogSpec } from '../../dist/index.js';
import {
  FEATURE_VARIABLE,
  PROMETHEUS_DATASOURCE,
  allPanelQueries,
  buildDashboards,
  dashboardJson,
  panelsOf,
  promName,
} from '../../grafana/dashboards.ts';
import type { GeneratedDashboard } from '../../grafana/dashboards.ts';
import { INSTRUMENTATION_METRICS, recorded, recordedCatalogMetrics } from '../../mixin/series.ts';

const root = new URL('../../', import.meta.url);

/** An app's own categories, as a domain app would declare them (the module `npm run mixin -- --catalog` reads). */
const { catalog: domainCatalog } = (await import(new URL('../fixtures/domain-catalog.mjs', import.meta.url).href)) as { catalog: CatalogSpec };

function allExprs(dashboards: readonly GeneratedDashboard[]): string[] {
  return dashboards.flatMap((d) => panelsOf(d.dashboard).flatMap((p) => p.targets.map((t) => t.expr ?? '')));
}

/** What a panel of each catalog metric reads: its recorded series, or the gauge itself. */
function catalogReads(catalog: CatalogSpec): { id: string; reads: string[] }[] {
  return Object.entries(catalog).flatMap(([category, cat]) =>
    Object.entries(cat.metrics).map(([metric, spec]) => {
      const [m] = recordedCatalogMetrics({ [category]: { description: '', metrics: { [metric]: spec } } }, [category]);
      const reads =
        m === undefined
          ? [promName(category, metric, spec)]
          : (['short', 'long'] as const).flatMap((w) => (m.kind === 'counter' ? [recorded(m, w)] : (['bucket', 'sum', 'count'] as const).map((p) => recorded(m, w, p))));
      return { id: `${category}.${metric}`, reads };
    }),
  );
}

/** True when `expr` reads the series `name` (or its histogram series), not just a longer name that starts with it. */
function mentions(expr: string, name: string): boolean {
  return new RegExp(`(^|[^a-zA-Z0-9_:])${name}(_bucket|_sum|_count)?([^a-zA-Z0-9_:]|$)`).test(expr);
}

describe('promName', () => {
  it('follows the Collector prometheus exporter naming', () => {
    const cases: [string, string, { kind: 'counter' | 'histogram' | 'gauge' | 'observable_gauge' | 'event'; unit: string }, string][] = [
      ['feature_usage', 'activations', { kind: 'counter', unit: '{activation}' }, 'optel_feature_usage_activations_total'],
      ['feature_usage', 'flow', { kind: 'event', unit: '{transition}' }, 'optel_feature_usage_flow_total'],
      ['feature_usage', 'time_spent', { kind: 'histogram', unit: 's' }, 'optel_feature_usage_time_spent_seconds'],
      ['performance', 'operation_duration', { kind: 'histogram', unit: 'ms' }, 'optel_performance_operation_duration_milliseconds'],
      ['resource', 'memory_rss', { kind: 'observable_gauge', unit: 'By' }, 'optel_resource_memory_rss_bytes'],
      ['resource', 'cpu_utilization', { kind: 'observable_gauge', unit: '1' }, 'optel_resource_cpu_utilization_ratio'],
      ['x', 'fill', { kind: 'gauge', unit: '1' }, 'optel_x_fill_ratio'],
      // The translator adds `_ratio` to gauges only: a unit-1 histogram keeps its bare name.
      ['satisfaction', 'score', { kind: 'histogram', unit: '1' }, 'optel_satisfaction_score'],
      // A unit already in the name is not repeated; `_total` is not doubled.
      ['x', 'wait_seconds', { kind: 'histogram', unit: 's' }, 'optel_x_wait_seconds'],
      ['x', 'requests_total', { kind: 'counter', unit: '{request}' }, 'optel_x_requests_total'],
      ['x', 'bytes_sent', { kind: 'counter', unit: 'By' }, 'optel_x_bytes_sent_total'],
    ];
    for (const [category, metric, spec, expected] of cases) expect(promName(category, metric, spec), `${category}.${metric}`).toBe(expected);
  });
});

describe('generated dashboards', () => {
  const dashboards = buildDashboards();

  it('have unique uids and titles, and unique panel ids within each', () => {
    const uids = dashboards.map((d) => d.dashboard.uid);
    expect(uids.every((u) => typeof u === 'string' && u.length > 0 && u.length <= 40)).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
    expect(new Set(dashboards.map((d) => d.dashboard.title)).size).toBe(dashboards.length);
    expect(new Set(dashboards.map((d) => d.fileName)).size).toBe(dashboards.length);
    for (const d of dashboards) {
      const ids: number[] = [];
      const walk = (panels: readonly { id?: number; panels?: unknown[] }[] | undefined): void => {
        for (const p of panels ?? []) {
          ids.push(p.id ?? -1);
          walk(p.panels as { id?: number }[] | undefined);
        }
      };
      walk(d.dashboard.panels as { id?: number; panels?: unknown[] }[]);
      expect(ids.every((id) => id > 0), d.fileName).toBe(true);
      expect(new Set(ids).size, d.fileName).toBe(ids.length);
    }
  });

  it('every panel queries Prometheus (uid prometheus) with an expr and a unique refId per target', () => {
    for (const d of dashboards) {
      const panels = panelsOf(d.dashboard);
      expect(panels.length).toBeGreaterThan(0);
      for (const p of panels) {
        const where = `${d.fileName} / ${p.title}`;
        expect(p.targets.length, where).toBeGreaterThan(0);
        for (const t of p.targets) {
          expect(t.expr?.trim(), where).toBeTruthy();
          expect(t.refId, where).toMatch(/^[A-Z]$/);
          expect((t as { datasource?: unknown }).datasource, where).toEqual(PROMETHEUS_DATASOURCE);
        }
        expect(new Set(p.targets.map((t) => t.refId)).size, where).toBe(p.targets.length);
      }
    }
  });

  it('every built-in catalog metric has a panel reading its recorded series (gauges: the gauge)', () => {
    const exprs = allExprs(dashboards);
    for (const { id, reads } of catalogReads(builtinCatalog)) {
      expect(exprs.some((e) => reads.some((name) => mentions(e, name))), `${id} (${reads.join(', ')})`).toBe(true);
    }
  });

  it('reads app series only through recorded series: no exported counter or histogram is queried directly', () => {
    const exported = [
      ...recordedCatalogMetrics(builtinCatalog, Object.keys(builtinCatalog)).map((m) => m.name),
      ...INSTRUMENTATION_METRICS.map((m) => m.name),
    ];
    const direct: string[] = [];
    for (const e of allExprs(dashboards)) for (const name of exported) if (mentions(e, name)) direct.push(`${name} in ${e}`);
    expect(direct).toEqual([]);
  });

  it('the executive, development and product dashboards cover what they promise', () => {
    const byFile = new Map(dashboards.map((d) => [d.fileName, allExprs([d]).join('\n')]));
    const executive = byFile.get('optel-executive') ?? '';
    expect(executive).toContain('job:optel_failures:ratio_rate5m'); // from metrics: exact under trace sampling
    expect(executive).toContain('up{job="otel-collector"}');
    expect(executive).toContain('job:optel_engagement_sessions:active');
    expect(executive).toContain('sum (type_severity_feature:optel_errors_errors:increase5m) / 5');
    expect(executive).toContain('sum (feature_type:optel_satisfaction_score_sum:increase1h)');
    const development = byFile.get('optel-development') ?? '';
    for (const q of ['0.5', '0.95', '0.99']) {
      expect(development).toContain(`histogram_quantile(${q}, sum by (le, operation) (operation_outcome_le:optel_performance_operation_duration_milliseconds_bucket:increase5m))`);
    }
    for (const s of [
      'http_request_method_http_response_status_code_le:http_server_request_duration_seconds_bucket:increase5m',
      'type_kind:optel_errors_crashes:increase5m',
      'optel_resource_cpu_utilization_ratio',
      'optel_resource_memory_rss_bytes',
      'optel_resource_heap_used_bytes',
      'optel_resource_event_loop_delay_milliseconds',
      'sum (rate(otelcol_receiver_accepted_spans[$__rate_interval]))',
      'sum (rate(otelcol_receiver_refused_spans[$__rate_interval])) or vector(0)',
      'sum (rate(otelcol_receiver_accepted_metric_points[$__rate_interval]))',
      'sum (rate(otelcol_receiver_refused_metric_points[$__rate_interval])) or vector(0)',
      'sum (rate(otelcol_exporter_send_failed_metric_points[$__rate_interval])) or vector(0)',
    ]) {
      expect(development).toContain(s);
    }
    const product = byFile.get('optel-product') ?? '';
    expect(product).toContain('sum by (from, to) (from_to:optel_feature_usage_flow:increase5m) / 300');
    expect(product).toContain('feature:optel_feature_usage_completions:ratio_rate1h');
    expect(product).toContain('feature:optel_satisfaction_score:mean1h');
    expect(product).toContain('from_to:optel_engagement_navigation:increase5m');
  });

  it('the feature drill-down has a `feature` variable and filters by it', () => {
    const feature = dashboards.find((d) => d.fileName === 'optel-feature');
    expect(feature).toBeDefined();
    const variables = feature?.dashboard.templating.list ?? [];
    expect(variables).toHaveLength(1);
    expect(variables[0]).toMatchObject({
      type: 'query',
      name: FEATURE_VARIABLE,
      query: 'label_values(feature:optel_feature_usage_activations:increase1h, feature)',
      datasource: PROMETHEUS_DATASOURCE,
    });
    const exprs = allExprs(feature === undefined ? [] : [feature]);
    expect(exprs.length).toBeGreaterThan(5);
    expect(exprs.every((e) => /(feature|from|to)="\$feature"/.test(e)), exprs.join('\n')).toBe(true);
  });
});

describe('with a domain catalog', () => {
  const dashboards = buildDashboards(domainCatalog);

  it('gives every domain metric (and every built-in one) a panel without hand-editing, domain ones on a board of their own', () => {
    const exprs = allExprs(dashboards);
    for (const { id, reads } of catalogReads({ ...builtinCatalog, ...domainCatalog })) {
      expect(exprs.some((e) => reads.some((name) => mentions(e, name))), `${id} (${reads.join(', ')})`).toBe(true);
    }
    const domain = allExprs(dashboards.filter((d) => d.fileName === 'optel-domain'));
    expect(domain).toContain('sum by (strategy, feature) (strategy_feature:optel_strategy_runs:increase5m) / 300');
    expect(domain).toContain('sum (job:optel_backtest_finished:increase5m) / 300');
    expect(domain).toContain('histogram_quantile(0.95, sum by (le, dataset) (dataset_le:optel_backtest_duration_seconds_bucket:increase5m))');
    expect(domain).toContain('optel_strategy_exposure_ratio');
    const rows = (dashboards.find((d) => d.fileName === 'optel-domain')?.dashboard.panels ?? [])
      .filter((p) => p.type === 'row')
      .map((p) => (p as { title?: string }).title);
    expect(rows).toEqual(['Domain: strategy', 'Domain: backtest']);
    expect(buildDashboards().map((d) => d.fileName)).not.toContain('optel-domain');
  });

  it('drills domain metrics with a feature attribute down by feature', () => {
    const feature = allExprs(dashboards.filter((d) => d.fileName === 'optel-feature'));
    expect(feature).toContain('sum by (strategy, feature) (strategy_feature:optel_strategy_runs:increase5m{feature="$feature"}) / 300');
  });

  it('is the same as passing the merged catalog', () => {
    const merged = buildDashboards({ ...builtinCatalog, ...domainCatalog });
    expect(merged.map((d) => dashboardJson(d.dashboard))).toEqual(dashboards.map((d) => dashboardJson(d.dashboard)));
  });
});

describe('allPanelQueries', () => {
  const dashboards = buildDashboards();

  it('returns every query with variables replaced by concrete values', () => {
    const queries = allPanelQueries(dashboards, { variables: { feature: 'export' }, rateInterval: '2m', range: '3h' });
    expect(queries.length).toBe(allExprs(dashboards).length);
    for (const q of queries) {
      expect(q.expr, `${q.dashboard} / ${q.panel}`).not.toContain('$');
      expect(q.refId).toMatch(/^[A-Z]$/);
    }
    const feature = queries.filter((q) => q.dashboard === 'optel-feature').map((q) => q.expr);
    expect(feature).toContain('sum (feature:optel_feature_usage_activations:increase5m{feature="export"}) / 300');
    expect(feature).toContain('sum (feature:optel_feature_usage_activations:increase1h{feature="export"})');
    expect(queries.map((q) => q.expr)).toContain('sum (rate(otelcol_receiver_accepted_spans[2m]))');
    expect(new Set(queries.map((q) => q.dashboard))).toEqual(new Set(dashboards.map((d) => d.dashboard.uid)));
  });

  it('defaults to $__rate_interval = 1m and $__range = 1h, and escapes values for PromQL strings', () => {
    const queries = allPanelQueries(dashboards, { variables: { feature: 'say "hi" \\o/' } });
    const exprs = queries.map((q) => q.expr);
    expect(exprs).toContain('sum (rate(otelcol_receiver_accepted_spans[1m]))');
    expect(exprs).toContain('sum (feature:optel_feature_usage_activations:increase1h{feature="say \\"hi\\" \\\\o/"})');
  });

  it('fails when a variable used by a query has no value', () => {
    expect(() => allPanelQueries(dashboards)).toThrow(/\$feature/);
  });

  it('every query parses as PromQL (promtool check rules)', async () => {
    await ensureOps('prometheus');
    const queries = allPanelQueries(buildDashboards(domainCatalog), { variables: { feature: 'export' } });
    const rules = {
      groups: [
        {
          name: 'optel_dashboards',
          rules: queries.map((q, i) => ({ record: `optel_dashboard_query:${i}`, expr: q.expr })),
        },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'optel-grafana-'));
    try {
      const file = join(dir, 'queries.yml');
      writeFileSync(file, JSON.stringify(rules, null, 2));
      const result = spawnSync(opsBinary('promtool'), ['check', 'rules', file], { encoding: 'utf8' });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('provisioning', () => {
  it('the datasource has the uid the dashboards use', () => {
    const ds = parse(readFileSync(new URL('grafana/provisioning/datasources/prometheus.yml', root), 'utf8')) as {
      datasources: { uid: string; type: string }[];
    };
    expect(ds.datasources).toContainEqual(expect.objectContaining({ uid: PROMETHEUS_DATASOURCE.uid, type: PROMETHEUS_DATASOURCE.type }));
  });

  it('the dashboard provider reads /var/lib/grafana/dashboards into folder optel', () => {
    const dp = parse(readFileSync(new URL('grafana/provisioning/dashboards/optel.yml', root), 'utf8')) as {
      providers: { type: string; folder: string; options: { path: string } }[];
    };
    expect(dp.providers).toHaveLength(1);
    expect(dp.providers[0]).toMatchObject({ type: 'file', folder: 'optel', options: { path: '/var/lib/grafana/dashboards' } });
  });
});
