import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinCatalog } from '../../dist/index.js';
import { buildDashboards, dashboardJson } from '../../grafana/dashboards.ts';
import { alertGroups, alertingRuleGroups } from '../../mixin/alerts.ts';
import { mixinConfig } from '../../mixin/config.ts';
import { builtinOutput, diff, withMeanings } from '../../mixin/generate.ts';
import { builtinRecordingGroups } from '../../mixin/recording.ts';
import { ensureOps, opsBinary } from '../../scripts/ops-build.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODE = process.execPath;
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'optel-mixin-'));
  temps.push(dir);
  return dir;
}

function generate(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(NODE, ['mixin/generate.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function promtool(args: string[], cwd = ROOT): { status: number | null; out: string } {
  const r = spawnSync(opsBinary('promtool'), args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Runs `fn` with some of mixinConfig's numbers changed, then puts them back. */
function withConfig(change: (alerts: Record<string, Record<string, number | string>>) => void, fn: () => void): void {
  const saved = structuredClone(mixinConfig.alerts);
  try {
    change(mixinConfig.alerts as never);
    fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) Object.assign((mixinConfig.alerts as Record<string, object>)[k] as object, v);
  }
}

describe('npm run mixin', () => {
  it('the committed rules, runbook paragraphs and dashboards are what the catalog and mixin/config.ts produce', () => {
    const r = generate(['--check']);
    expect(r.status, `${r.out}\nRun \`npm run mixin\` to update them.`).toBe(0);
  });

  it('--check notices a stale file and a dashboard that is no longer generated', () => {
    const root = temp();
    for (const d of ['prometheus', 'grafana/dashboards', 'thanos']) cpSync(join(ROOT, d), join(root, d), { recursive: true });
    expect(diff(builtinOutput(root))).toEqual({ changed: [], stale: [] });
    const alerts = join(root, 'prometheus/rules/alerts.yml');
    writeFileSync(alerts, readFileSync(alerts, 'utf8').replace('> 0.05', '> 0.06'));
    writeFileSync(join(root, 'grafana/dashboards/optel-old.json'), '{}');
    expect(diff(builtinOutput(root))).toEqual({ changed: [alerts], stale: [join(root, 'grafana/dashboards/optel-old.json')] });
  });
});

describe('one number, one place', () => {
  it('the error-rate threshold reaches the alert, its runbook paragraph and the dashboard threshold from mixin/config.ts alone', () => {
    const texts = (): { alert: string; runbook: string; dashboard: string } => ({
      alert: JSON.stringify(alertingRuleGroups(builtinCatalog)),
      runbook: withMeanings(readFileSync(join(ROOT, 'prometheus/runbooks.md'), 'utf8'), builtinCatalog),
      dashboard: buildDashboards().map((d) => dashboardJson(d.dashboard)).join('\n'),
    });
    const before = texts();
    expect(before.alert).toContain('job:optel_failures:ratio_rate1h > 0.05');
    expect(before.runbook).toContain('More than 5% of an app');
    expect(before.dashboard).toMatch(/"value": 0\.05/);
    withConfig((c) => {
      (c.highErrorRate as Record<string, number>).ratio = 0.125;
    }, () => {
      const after = texts();
      expect(after.alert).toContain('job:optel_failures:ratio_rate1h > 0.125');
      expect(after.alert).not.toContain('0.05');
      expect(after.runbook).toContain('More than 12.5% of an app');
      expect(after.dashboard).toMatch(/"value": 0\.125/);
      expect(after.dashboard).not.toMatch(/"value": 0\.05/);
    });
    expect(texts()).toEqual(before);
  });

  it('no threshold of the config is spelled in the alerts or dashboards other than through it', () => {
    // Every number in an alert expression is a config value, a quantile, a window in seconds, or 0/1.
    const allowed = new Set<string>(['0', '1', '0.95', '5', '3600', '300']);
    const walk = (v: unknown): void => {
      if (typeof v === 'number') allowed.add(String(v));
      else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x);
    };
    walk(mixinConfig.alerts);
    const stray: string[] = [];
    for (const g of alertGroups(builtinCatalog)) {
      for (const { rule } of g.alerts) {
        const withoutStrings = rule.expr.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, '[]').replace(/offset \w+/g, 'offset');
        for (const n of withoutStrings.match(/(?<![\w:.])\d+(\.\d+)?(?![\w:])/g) ?? []) if (!allowed.has(n)) stray.push(`${rule.alert}: ${n}`);
      }
    }
    expect(stray).toEqual([]);
  });
});

describe('recording rules', () => {
  it('record every catalog counter, event and histogram over both windows, and nothing for gauges', () => {
    const records = builtinRecordingGroups(builtinCatalog).flatMap((g) => g.rules.map((r) => ('record' in r ? r.record : '')));
    const { short, long } = mixinConfig.windows;
    for (const w of [short, long]) {
      expect(records).toContain(`feature:optel_feature_usage_activations:increase${w}`);
      expect(records).toContain(`type_kind:optel_errors_crashes:increase${w}`);
      expect(records).toContain(`operation_outcome_le:optel_performance_operation_duration_milliseconds_bucket:increase${w}`);
      expect(records).toContain(`job:optel_engagement_session_length_seconds_count:increase${w}`);
    }
    expect(records.filter((r) => r.includes('optel_resource_'))).toEqual([]);
    expect(new Set(records).size).toBe(records.length);
  });
});

describe('an app with its own categories', () => {
  const out = temp();
  const fixture = 'test/fixtures/domain-catalog.mjs';

  it('gets recording rules that promtool accepts and that count a new series in full, and a board reading them', async () => {
    const r = generate(['--catalog', fixture, '--out', out]);
    expect(r.status, r.out).toBe(0);
    const rulesFile = join(out, 'rules/optel-domain.yml');
    const rules = parse(readFileSync(rulesFile, 'utf8')) as { groups: { name: string; rules: { record: string }[] }[] };
    expect(rules.groups.map((g) => g.name)).toEqual(['optel.domain.strategy', 'optel.domain.backtest']);
    const records = rules.groups.flatMap((g) => g.rules.map((x) => x.record));
    expect(records).toContain('strategy_feature:optel_strategy_runs:increase5m');
    expect(records).toContain('dataset_le:optel_backtest_duration_seconds_bucket:increase1h');
    expect(records.some((x) => x.includes('exposure'))).toBe(false); // a gauge is read as it is

    await ensureOps('prometheus');
    const check = promtool(['check', 'rules', rulesFile]);
    expect(check.status, check.out).toBe(0);
    // A strategy run once by one installation: the series is born with its count already at 2.
    const testFile = join(out, 'domain.test.yml');
    writeFileSync(testFile, JSON.stringify({
      rule_files: [rulesFile],
      evaluation_interval: '1m',
      tests: [{
        interval: '1m',
        input_series: [
          { series: 'optel_strategy_runs_total{job="app", strategy="ema", feature="trade", otel_scope_name="optel"}', values: '_x10 2 2 3' },
          { series: 'optel_strategy_runs_total{job="app", strategy="ema", feature="trade", otel_scope_name="other"}', values: '0+1x13' },
        ],
        promql_expr_test: [{
          expr: 'strategy_feature:optel_strategy_runs:increase5m',
          eval_time: '13m',
          exp_samples: [{ labels: 'strategy_feature:optel_strategy_runs:increase5m{job="app", strategy="ema", feature="trade"}', value: 8 }],
        }],
      }],
    }));
    const unit = promtool(['test', 'rules', testFile]);
    expect(unit.status, unit.out).toBe(0);

    const board = JSON.parse(readFileSync(join(out, 'dashboards/optel-domain.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
    const exprs = board.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(exprs).toContain('sum by (strategy, feature) (strategy_feature:optel_strategy_runs:increase5m) / 300');
    expect(exprs).toContain('histogram_quantile(0.95, sum by (le, dataset) (dataset_le:optel_backtest_duration_seconds_bucket:increase5m))');
    expect(exprs).toContain('optel_strategy_exposure_ratio');
  }, 180_000);

  it('--check passes on what it wrote and fails once the catalog changes', () => {
    expect(generate(['--catalog', fixture, '--out', out, '--check']).status).toBe(0);
    const changedModule = join(out, 'changed-catalog.mjs');
    const source = readFileSync(join(ROOT, fixture), 'utf8').replace("'../../dist/index.js'", JSON.stringify(join(ROOT, 'dist/index.js'))).replace("runs: {", 'starts: {');
    writeFileSync(changedModule, source);
    const r = generate(['--catalog', changedModule, '--out', out, '--check']);
    expect(r.status).toBe(1);
    expect(r.out).toContain('optel-domain.yml');
  });

  it('refuses a catalog without categories of its own, and --catalog without --out', () => {
    const empty = join(out, 'empty.mjs');
    mkdirSync(out, { recursive: true });
    writeFileSync(empty, 'export const catalog = {};\n');
    const r = generate(['--catalog', empty, '--out', join(out, 'x')]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('no categories of its own');
    expect(generate(['--catalog', fixture]).status).toBe(2);
  });
});
