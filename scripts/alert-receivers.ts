// Loopback stand-ins for where Alertmanager sends notifications: a Slack incoming webhook and a
// pager webhook (one HTTP server, by path) and an SMTP relay (smtp-server, Nodemailer's maintained
// SMTP server library). The alerting end-to-end test records what arrives; `npm run demo` prints it.
// Plain erasable TypeScript: Node runs it directly, vitest imports it.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { type AlertDestinations, freePort } from './stack.ts';

/** A webhook POST: `/slack` carries Slack's payload, `/pager` Alertmanager's webhook payload. */
export interface Posted {
  readonly path: string;
  readonly body: { channel?: string; attachments?: { title?: string; text?: string }[]; status?: string; alerts?: { labels: Record<string, string> }[] };
}

export interface Mail {
  readonly to: string[];
  readonly raw: string;
}

export interface AlertReceivers {
  /** Where the rendered Alertmanager configuration should send (see startAlertmanager). */
  readonly destinations: AlertDestinations;
  /** Everything received so far, in order. */
  readonly posts: Posted[];
  readonly mails: Mail[];
  stop(): Promise<void>;
}

export interface ReceiverHooks {
  onPost?(post: Posted): void;
  onMail?(mail: Mail): void;
}

export async function startAlertReceivers(hooks: ReceiverHooks = {}): Promise<AlertReceivers> {
  const posts: Posted[] = [];
  const mails: Mail[] = [];
  const webhook = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => (data += d));
    req.on('end', () => {
      res.writeHead(200).end('ok');
      let body: Posted['body'];
      try {
        body = JSON.parse(data || '{}') as Posted['body'];
      } catch {
        body = {};
      }
      const post = { path: req.url ?? '', body };
      posts.push(post);
      hooks.onPost?.(post);
    });
  });
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  const smtpPort = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw };
        mails.push(mail);
        hooks.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(webhook.address() as { port: number }).port}`;
  return {
    destinations: { slackUrl: `${url}/slack`, pagerUrl: `${url}/pager`, smtp: `127.0.0.1:${smtpPort}` },
    posts,
    mails,
    async stop() {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => webhook.close(() => r()));
    },
  };
}
