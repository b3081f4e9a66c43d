import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureOps, opsBinary } from '../../scripts/ops-build.mjs';
import { builtinCatalog } from '../../dist/index.js';
import { RecordedCatalog } from '../../mixin/recording.ts';
import { recorded } from '../../mixin/series.ts';

// Checks prometheus/ with the real promtool (config, rules, rule unit tests), and checks that every
// alert is documented and has both a firing and a quiet unit test.

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = 'prometheus/prometheus.yml';
const RECORDING_RULES = 'prometheus/rules/recording.yml';
const ALERTING_RULES = 'prometheus/rules/alerts.yml';
const TESTS_DIR = 'prometheus/tests';
const RUNBOOKS = 'prometheus/runbooks.md';
const SEVERITIES = ['critical', 'warning', 'info'];
const REQUIRED_ANNOTATIONS = ['summary', 'description', 'runbook'];
const PROMTOOL_TIMEOUT_MS = 180_000;

const testFiles = readdirSync(join(root, TESTS_DIR))
  .filter((f) => f.endsWith('.test.yml'))
  .sort()
  .map((f) => `${TESTS_DIR}/${f}`);

interface PromtoolResult {
  code: number | null;
  output: string;
}

/** Runs the built promtool (Prometheus 3, scripts/ops-build.mjs) from the repo root. */
async function promtool(args: string[]): Promise<PromtoolResult> {
  await ensureOps('prometheus');
  return new Promise((resolvePromise, reject) => {
    execFile(opsBinary('promtool'), args, { cwd: root, encoding: 'utf8', timeout: PROMTOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code: unknown = (error as { code?: unknown } | null)?.code;
      const output = `$ promtool ${args.join(' ')}\n${stdout}${stderr}`;
      if (error && typeof code !== 'number') {
        reject(new Error(`promtool did not finish: ${error.message}\n${output}`));
        return;
      }
      resolvePromise({ code: error ? (code as number) : 0, output });
    });
  });
}

async function expectPromtoolOk(args: string[]): Promise<void> {
  const r = await promtool(args);
  expect(r.code, `promtool failed:\n${r.output}`).toBe(0);
}

describe.concurrent('promtool', () => {
  it('accepts prometheus.yml (and the rule files it loads)', () => expectPromtoolOk(['check', 'config', CONFIG]), PROMTOOL_TIMEOUT_MS);

  // thanos/rules/alerts.yml: the app alerts for Thanos rule in the scaled topology (generated with alerts.yml).
  for (const file of [RECORDING_RULES, ALERTING_RULES, 'thanos/rules/alerts.yml']) {
    it(`accepts ${file}`, () => expectPromtoolOk(['check', 'rules', file]), PROMTOOL_TIMEOUT_MS);
  }

  it('finds rule unit tests', () => {
    expect(testFiles.length).toBeGreaterThan(0);
  });

  for (const file of testFiles) {
    it(`passes the rule unit tests in ${file}`, () => expectPromtoolOk(['test', 'rules', file]), PROMTOOL_TIMEOUT_MS);
  }
});

// ---------------------------------------------------------------------------------------------
// Static checks of alerts.yml against the unit tests and the runbooks.

interface Rule {
  alert?: string;
  record?: string;
  expr?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleFile {
  groups: { name: string; rules: Rule[] }[];
}
interface ExpAlert {
  exp_labels?: Record<string, string>;
  exp_annotations?: Record<string, string>;
}
interface TestFile {
  rule_files?: string[];
  group_eval_order?: string[];
  tests?: {
    name?: string;
    alert_rule_test?: { alertname: string; eval_time: string; exp_alerts?: ExpAlert[] | null }[];
    promql_expr_test?: { expr: string }[];
  }[];
}

function readYaml<T>(file: string): T {
  return parse(readFileSync(join(root, file), 'utf8')) as T;
}

const recording = readYaml<RuleFile>(RECORDING_RULES);
const alerting = readYaml<RuleFile>(ALERTING_RULES);
const alerts = alerting.groups.flatMap((g) => g.rules).filter((r): r is Rule & { alert: string } => typeof r.alert === 'string');
const recordedNames = [...new Set(recording.groups.flatMap((g) => g.rules).flatMap((r) => (r.record ? [r.record] : [])))];
const tests = testFiles.map((file) => ({ file, content: readYaml<TestFile>(file) }));

/** Whether a test file loads the given rule file (rule_files are relative to the test file). */
function loads(test: { file: string; content: TestFile }, ruleFile: string): boolean {
  const dir = dirname(join(root, test.file));
  return (test.content.rule_files ?? []).some((f) => resolve(dir, f) === join(root, ruleFile));
}

/** GitHub-style anchors of the Markdown headings in a file. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) {
    out.add(
      m[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return out;
}

describe('alerts.yml', () => {
  it('has alerts', () => {
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('gives every alert a severity, summary, description and a runbook section that exists', () => {
    const runbookAnchors = anchors(readFileSync(join(root, RUNBOOKS), 'utf8'));
    const problems: string[] = [];
    for (const a of alerts) {
      const severity = a.labels?.severity;
      if (!severity || !SEVERITIES.includes(severity)) problems.push(`${a.alert}: label severity must be one of ${SEVERITIES.join(', ')} (is ${severity})`);
      for (const key of REQUIRED_ANNOTATIONS) {
        if (!a.annotations?.[key]?.trim()) problems.push(`${a.alert}: annotation ${key} is missing`);
      }
      const runbook = a.annotations?.runbook;
      if (runbook) {
        const [path, anchor] = runbook.split('#');
        if (path !== RUNBOOKS) problems.push(`${a.alert}: runbook ${runbook} does not point into ${RUNBOOKS}`);
        else if (anchor !== a.alert.toLowerCase()) problems.push(`${a.alert}: runbook anchor should be #${a.alert.toLowerCase()}`);
        else if (!runbookAnchors.has(anchor)) problems.push(`${a.alert}: ${RUNBOOKS} has no section "## ${a.alert}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has, for every alert, a unit test where it fires and one where it stays quiet', () => {
    const firing = new Set<string>();
    const quiet = new Set<string>();
    const problems: string[] = [];
    const known = new Set(alerts.map((a) => a.alert));
    for (const t of tests) {
      const cases = (t.content.tests ?? []).flatMap((g) => g.alert_rule_test ?? []);
      if (cases.length > 0 && !loads(t, ALERTING_RULES)) problems.push(`${t.file}: has alert tests but does not load ${ALERTING_RULES}`);
      for (const c of cases) {
        if (!known.has(c.alertname)) {
          problems.push(`${t.file}: tests unknown alert ${c.alertname} (such a test always passes)`);
          continue;
        }
        const expected = c.exp_alerts ?? [];
        if (expected.length === 0) {
          quiet.add(c.alertname);
          continue;
        }
        firing.add(c.alertname);
        for (const e of expected) {
          if (!e.exp_labels?.severity) problems.push(`${t.file}: ${c.alertname} at ${c.eval_time}: expected alert without its severity label`);
          for (const key of REQUIRED_ANNOTATIONS) {
            if (!e.exp_annotations?.[key]) problems.push(`${t.file}: ${c.alertname} at ${c.eval_time}: expected alert without annotation ${key}`);
          }
        }
      }
    }
    for (const a of known) {
      if (!firing.has(a)) problems.push(`${a}: no unit test where it fires (exp_alerts with at least one alert)`);
      if (!quiet.has(a)) problems.push(`${a}: no unit test where it stays quiet (exp_alerts: [])`);
    }
    expect(problems).toEqual([]);
  });

  it('is evaluated after the recording rules in unit tests that load both', () => {
    // Alerts read recorded series; without group_eval_order promtool picks a random group order.
    const recordingGroups = recording.groups.map((g) => g.name);
    const alertGroups = alerting.groups.map((g) => g.name);
    const problems: string[] = [];
    for (const t of tests) {
      if (!loads(t, RECORDING_RULES) || !loads(t, ALERTING_RULES)) continue;
      const order = t.content.group_eval_order ?? [];
      const missing = [...recordingGroups, ...alertGroups].filter((g) => !order.includes(g));
      if (missing.length > 0) problems.push(`${t.file}: group_eval_order lacks ${missing.join(', ')}`);
      const lastRecording = Math.max(...recordingGroups.map((g) => order.indexOf(g)));
      const firstAlert = Math.min(...alertGroups.map((g) => order.indexOf(g)).filter((i) => i >= 0));
      if (lastRecording > firstAlert) problems.push(`${t.file}: group_eval_order must list the recording groups before the alert groups`);
    }
    expect(problems).toEqual([]);
  });
});

describe('recording.yml', () => {
  // Derived series are each tested; the per-metric increases all come from one generator
  // (mixin/recording.ts metricRules), so each of their shapes (counter, histogram part; window) is.
  it('has a promql_expr_test reading every derived series, and every shape of the per-metric increases', () => {
    const testedExprs = tests
      .filter((t) => loads(t, RECORDING_RULES))
      .flatMap((t) => (t.content.tests ?? []).flatMap((g) => g.promql_expr_test ?? []))
      .map((p) => p.expr);
    const read = (name: string): boolean => testedExprs.some((e) => new RegExp(`(^|[^a-zA-Z0-9_:])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-zA-Z0-9_:]|$)`).test(e));
    const generic = new Map<string, string>();
    for (const m of new RecordedCatalog(builtinCatalog).metrics) {
      for (const w of ['short', 'long'] as const) {
        if (m.kind === 'counter') generic.set(recorded(m, w), `counter ${w}`);
        else for (const part of ['bucket', 'sum', 'count'] as const) generic.set(recorded(m, w, part), `histogram ${part} ${w}`);
      }
    }
    const untestedDerived = recordedNames.filter((name) => !generic.has(name) && !read(name));
    expect(untestedDerived).toEqual([]);
    const shapes = new Set([...generic.values()]);
    const testedShapes = new Set([...generic].filter(([name]) => read(name)).map(([, shape]) => shape));
    expect([...shapes].filter((s) => !testedShapes.has(s))).toEqual([]);
  });

  it('files exist where prometheus.yml expects them', () => {
    const config = readYaml<{ rule_files?: string[] }>(CONFIG);
    for (const f of config.rule_files ?? []) expect(existsSync(resolve(dirname(join(root, CONFIG)), f)), f).toBe(true);
    expect(config.rule_files).toEqual(['rules/recording.yml', 'rules/alerts.yml']);
  });
});
