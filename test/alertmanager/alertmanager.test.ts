import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AlertReceivers, startAlertReceivers } from '../../scripts/alert-receivers.ts';
import { ensureOps, opsBinary } from '../../scripts/ops-build.mjs';
import { type Alertmanager, startAlertmanager, waitFor } from '../../scripts/stack.ts';
import { tempDir } from '../helpers/temp.js';

// Checks alertmanager/ with the real amtool: the configuration loads, every route case of
// routes.test.yml reaches exactly its receivers, and the inhibition list names real app alerts.

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(root, 'alertmanager/alertmanager.yml');
const ROUTE_CASES = join(root, 'alertmanager/routes.test.yml');
const ALERTS = join(root, 'prometheus/rules/alerts.yml');
const BUILD_TIMEOUT_MS = 30 * 60_000;

interface RouteCase {
  readonly labels: Record<string, string>;
  readonly receivers: readonly string[];
}

function amtool(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(opsBinary('amtool'), args, { cwd: root, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code: unknown = (error as { code?: unknown } | null)?.code;
      if (error && typeof code !== 'number') {
        reject(new Error(`amtool did not run: ${error.message}`));
        return;
      }
      resolve({ code: error ? (code as number) : 0, output: `$ amtool ${args.join(' ')}\n${stdout}${stderr}` });
    });
  });
}

const routeTest = (c: RouteCase, receivers = c.receivers) =>
  amtool(['config', 'routes', 'test', `--config.file=${CONFIG}`, `--verify.receivers=${receivers.join(',')}`, ...Object.entries(c.labels).map(([k, v]) => `${k}=${v}`)]);

const cases = parse(readFileSync(ROUTE_CASES, 'utf8')) as RouteCase[];

describe('alertmanager/', () => {
  // Built from the Go module proxy on first use and cached (`npm run ops:build`; `npm test` builds it first).
  beforeAll(() => ensureOps('alertmanager'), BUILD_TIMEOUT_MS);

  it('amtool check-config accepts alertmanager.yml and its templates', async () => {
    const r = await amtool(['check-config', CONFIG]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/Found:\s+- global config\s+- route\s+- 2 inhibit rules\s+- 3 receivers\s+- 1 templates/);
  });

  for (const c of cases) {
    it(`routes ${JSON.stringify(c.labels)} to ${c.receivers.join(', ')}`, async () => {
      const r = await routeTest(c);
      expect(r.code, r.output).toBe(0);
    });
  }

  it('a route case with the wrong receiver fails, so the cases above can fail', async () => {
    const critical = cases.find((c) => c.labels.severity === 'critical') as RouteCase;
    const r = await routeTest(critical, ['team']);
    expect(r.code, r.output).not.toBe(0);
  });

  it('critical alerts page, warnings go to Slack and e-mail, both say when they resolve', () => {
    const config = parse(readFileSync(CONFIG, 'utf8')) as {
      receivers: { name: string; webhook_configs?: { send_resolved: boolean }[]; slack_configs?: { send_resolved: boolean }[]; email_configs?: { send_resolved: boolean }[] }[];
    };
    const byName = new Map(config.receivers.map((r) => [r.name, r]));
    expect(byName.get('oncall')?.webhook_configs?.length).toBe(1);
    for (const name of ['oncall', 'team']) {
      const r = byName.get(name);
      expect(r?.slack_configs?.length, name).toBe(1);
      expect(r?.email_configs?.length, name).toBe(1);
      for (const c of [...(r?.webhook_configs ?? []), ...(r?.slack_configs ?? []), ...(r?.email_configs ?? [])]) expect(c.send_resolved, name).toBe(true);
    }
  });

  it('every severity in prometheus/rules/alerts.yml has a route case, and the Collector-down inhibition names alerts that exist', () => {
    const groups = (parse(readFileSync(ALERTS, 'utf8')) as { groups: { name: string; rules: { alert?: string; labels?: { severity?: string } }[] }[] }).groups;
    const alerts = groups.flatMap((g) => g.rules.filter((r) => r.alert).map((r) => ({ group: g.name, name: r.alert as string, severity: r.labels?.severity })));
    const names = new Set(alerts.map((a) => a.name));
    // Each severity in use has a case.
    for (const severity of new Set(alerts.map((a) => a.severity))) expect(cases.some((c) => c.labels.severity === severity), `a route case for severity ${severity}`).toBe(true);
    const config = parse(readFileSync(CONFIG, 'utf8')) as { inhibit_rules: { source_matchers: string[]; target_matchers: string[] }[] };
    const collectorDown = config.inhibit_rules.find((r) => r.source_matchers.includes('alertname="OptelCollectorDown"'));
    const targets = /alertname=~"([^"]+)"/.exec(collectorDown?.target_matchers[0] ?? '')?.[1]?.split('|') ?? [];
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(names.has(t) && t !== 'OptelCollectorDown', `${t} is another alert of alerts.yml`).toBe(true);
  });
});

// amtool tests routes, not inhibition: the real Alertmanager, given the alerts Prometheus would
// send, says which it suppresses.
describe('alertmanager.yml inhibition, in the real Alertmanager', () => {
  const tmp = tempDir();
  let receivers: AlertReceivers;
  let am: Alertmanager;

  beforeAll(async () => {
    receivers = await startAlertReceivers();
    am = await startAlertmanager(join(tmp.dir, 'am'), { ...receivers.destinations, fast: true });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await am?.stop();
    await receivers?.stop();
    tmp.cleanup();
  });

  const post = async (alerts: Record<string, string>[]): Promise<void> => {
    const res = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts.map((labels) => ({ labels, annotations: { summary: labels.alertname }, startsAt: new Date().toISOString() }))),
    });
    expect(res.status).toBe(200);
  };
  const states = async (): Promise<Record<string, string>> => {
    const alerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as { labels: Record<string, string>; status: { state: string; inhibitedBy: string[] } }[];
    return Object.fromEntries(alerts.map((a) => [`${a.labels.alertname}/${a.labels.job}/${a.labels.severity}`, a.status.inhibitedBy.length > 0 ? 'inhibited' : a.status.state]));
  };

  it('a down Collector suppresses the app alerts its silence causes, and nothing else; a critical alert its warning twin', async () => {
    await post([
      { alertname: 'OptelServiceSilent', job: 'optel-demo', severity: 'warning' },
      { alertname: 'OptelHighErrorRate', job: 'optel-demo', severity: 'warning' },
      { alertname: 'OptelCriticalErrors', job: 'optel-demo', severity: 'warning' },
    ]);
    await waitFor('the alerts to be active', async () => (Object.values(await states()).filter((s) => s === 'active').length === 3 ? true : undefined), 15_000, am);

    await post([
      { alertname: 'OptelCollectorDown', job: 'otel-collector', severity: 'critical' },
      { alertname: 'OptelCriticalErrors', job: 'optel-demo', severity: 'critical' },
    ]);
    const after = await waitFor('inhibition', async () => {
      const s = await states();
      return s['OptelServiceSilent/optel-demo/warning'] === 'inhibited' ? s : undefined;
    }, 15_000, am);
    expect(after).toEqual({
      'OptelServiceSilent/optel-demo/warning': 'inhibited',
      'OptelCriticalErrors/optel-demo/warning': 'inhibited',
      // Not caused by the Collector's silence, and no critical twin: it still reaches people.
      'OptelHighErrorRate/optel-demo/warning': 'active',
      'OptelCollectorDown/otel-collector/critical': 'active',
      'OptelCriticalErrors/optel-demo/critical': 'active',
    });
  }, 60_000);
});
