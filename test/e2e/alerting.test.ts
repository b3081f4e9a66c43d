import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alertmanager, type Collector, freePort, type Prometheus, ROOT, startAlertmanager, startCollector, startPrometheus, waitFor } from '../../scripts/stack.ts';
import { tempDir } from '../helpers/temp.js';

// A real error burst from a real app: the Collector takes its metrics, Prometheus 3 evaluates the
// committed rules (every `for` shortened to 1 s) and fires OptelHighErrorRate, Alertmanager routes
// it as alertmanager.yml says (a warning: Slack and e-mail, not the pager) to a loopback Slack
// webhook and a loopback SMTP relay, and the resolved notifications follow once the app recovers.

interface Posted {
  readonly path: string;
  readonly body: { channel?: string; attachments?: { title?: string; text?: string }[]; status?: string; alerts?: unknown[] };
}
interface Mail {
  readonly to: string[];
  readonly raw: string;
}

const tmp = tempDir();
const posts: Posted[] = [];
const mails: Mail[] = [];
let webhook: Server;
let smtp: SMTPServer;
let collector: Collector;
let alertmanager: Alertmanager;
let prometheus: Prometheus;
let app: ChildProcess | undefined;

const slackTitles = () => posts.filter((p) => p.path === '/slack').flatMap((p) => (p.body.attachments ?? []).map((a) => `${p.body.channel} ${a.title ?? ''}`));

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: JSON.parse(data || '{}') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(webhook.address() as { port: number }).port}`;
  const smtpPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));

  collector = await startCollector(join(tmp.dir, 'collector'));
  alertmanager = await startAlertmanager(join(tmp.dir, 'alertmanager'), { slackUrl: `${hookUrl}/slack`, pagerUrl: `${hookUrl}/pager`, smtp: `127.0.0.1:${smtpPort}`, fast: true });
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
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  await new Promise<void>((r) => (webhook ? webhook.close(() => r()) : r()));
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
    const slack = posts.find((p) => p.path === '/slack' && p.body.attachments?.some((a) => a.title?.includes('[FIRING') && a.title.includes('OptelHighErrorRate')));
    expect(slack?.body.attachments?.[0]?.text).toContain('Runbook: prometheus/runbooks.md#optelhigherrorrate');
    const mail = await waitFor('the team e-mail', async () => mails.find((m) => m.raw.includes('OptelHighErrorRate') && m.raw.includes('FIRING')), 30_000, alertmanager);
    expect(mail.to).toEqual(['optel-team@example.org']);
    // A warning never pages. (With every `for` at 1 s, OptelCollectorDown may fire for the second
    // before the first scrape, and page: that one is critical.)
    const paged = () => posts.filter((p) => p.path === '/pager' && JSON.stringify(p.body).includes('OptelHighErrorRate'));
    expect(paged()).toEqual([]);

    app?.send({ phase: 'recover' });
    await waitFor('a resolved Slack message', async () => slackTitles().find((t) => t.includes('[RESOLVED]') && t.includes('OptelHighErrorRate')), 120_000, alertmanager);
    await waitFor('the resolved e-mail', async () => mails.find((m) => m.raw.includes('OptelHighErrorRate') && m.raw.includes('RESOLVED')), 30_000, alertmanager);
    expect(paged()).toEqual([]);
  }, 5 * 60_000);
});
