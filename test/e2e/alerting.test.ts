import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertReceivers, type Posted, startAlertReceivers } from '../../scripts/alert-receivers.ts';
import { type Alertmanager, type Collector, type Prometheus, ROOT, startAlertmanager, startCollector, startPrometheus, waitFor } from '../../scripts/stack.ts';
import { tempDir } from '../helpers/temp.js';

// A real error burst from a real app: the Collector takes its metrics, Prometheus 3 evaluates the
// committed rules (every `for` shortened to 1 s) and fires OptelHighErrorRate, Alertmanager routes
// it as alertmanager.yml says (a warning: Slack and e-mail, not the pager) to a loopback Slack
// webhook and a loopback SMTP relay, and the resolved notifications follow once the app recovers.

const tmp = tempDir();
let receivers: AlertReceivers;
let collector: Collector;
let alertmanager: Alertmanager;
let prometheus: Prometheus;
let app: ChildProcess | undefined;
const posts = (): Posted[] => receivers.posts;

const slackTitles = () => posts().filter((p) => p.path === '/slack').flatMap((p) => (p.body.attachments ?? []).map((a) => `${p.body.channel} ${a.title ?? ''}`));

beforeAll(async () => {
  receivers = await startAlertReceivers();
  collector = await startCollector(join(tmp.dir, 'collector'));
  alertmanager = await startAlertmanager(join(tmp.dir, 'alertmanager'), { ...receivers.destinations, fast: true });
  prometheus = await startPrometheus(join(tmp.dir, 'prometheus'), collector, { alertmanager, alertFor: '1s' });

  const consentFile = join(tmp.dir, 'consent.json');
  writeFileSync(consentFile, JSON.stringify({ version: 1, categories: { performance: true } }));
  app = fork(join(ROOT, 'test/fixtures/error-burst-app.mjs'), [], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, OPTEL_E2E_ENDPOINT: collector.otlpUrl, OPTEL_E2E_CONSENT_FILE: consentFile },
  });
}, 20 * 60_000);

afterAll(async () => {
  app?.kill('SIGKILL');
  await prometheus?.stop();
  await alertmanager?.stop();
  await collector?.stop();
  await receivers?.stop();
  tmp.cleanup();
});

describe('alerts reach people', () => {
  it('an error burst fires OptelHighErrorRate: Slack #optel-alerts and the team e-mail get it, the pager does not; recovery resolves it on both', async () => {
    // Warm up: the app's series exist before the burst, so rate() counts every failure.
    await waitFor('the app\'s operations in Prometheus', async () => {
      const r = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent('job:optel_calls:rate1h{job="alert-app"} > 0')}`);
      const body = (await r.json()) as { data: { result: unknown[] } };
      return body.data.result.length > 0 ? true : undefined;
    }, 60_000, prometheus);
    app?.send({ phase: 'burst' });

    const firing = await waitFor('a firing Slack message', async () => slackTitles().find((t) => t.includes('[FIRING') && t.includes('OptelHighErrorRate')), 90_000, alertmanager);
    expect(firing).toContain('#optel-alerts');
    expect(firing).toContain('(alert-app)');
    const slack = posts().find((p) => p.path === '/slack' && p.body.attachments?.some((a) => a.title?.includes('[FIRING') && a.title.includes('OptelHighErrorRate')));
    expect(slack?.body.attachments?.[0]?.text).toContain('Runbook: prometheus/runbooks.md#optelhigherrorrate');
    const mail = await waitFor('the team e-mail', async () => receivers.mails.find((m) => m.raw.includes('OptelHighErrorRate') && m.raw.includes('FIRING')), 30_000, alertmanager);
    expect(mail.to).toEqual(['optel-team@example.org']);
    // A warning never pages. (With every `for` at 1 s, OptelCollectorDown may fire for the second
    // before the first scrape, and page: that one is critical.)
    const paged = () => posts().filter((p) => p.path === '/pager' && JSON.stringify(p.body).includes('OptelHighErrorRate'));
    expect(paged()).toEqual([]);

    app?.send({ phase: 'recover' });
    await waitFor('a resolved Slack message', async () => slackTitles().find((t) => t.includes('[RESOLVED]') && t.includes('OptelHighErrorRate')), 120_000, alertmanager);
    await waitFor('the resolved e-mail', async () => receivers.mails.find((m) => m.raw.includes('OptelHighErrorRate') && m.raw.includes('RESOLVED')), 30_000, alertmanager);
    expect(paged()).toEqual([]);
  }, 5 * 60_000);
});
