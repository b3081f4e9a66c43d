import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { builtinCatalog } from '../catalog/builtin.js';
import { describeCategories } from '../userdata/user-data.js';
import { APP_FLAGS, appContext, type AppContext, categoriesFrom, OperationError, parseArgs, requireReadableConsent, UsageError } from './context.js';
import { OptOut } from '../lifecycle/opt-out.js';

export interface Io {
  readonly out: Writable;
  readonly err: Writable;
  readonly env: NodeJS.ProcessEnv;
}

const APP_HELP = `  --app <name>          the app, as named in register() (appName or serviceName)
  --consent-file <path> the app's consent file, instead of --app (or set OPTEL_CONSENT_FILE)
  --json                machine-readable output
  --help                this help`;

export const HELP: Record<string, string> = {
  consent: `Usage: optel consent status|grant|revoke [category...] [options]

  status              every category: granted or not, and why (consent file, DO_NOT_TRACK, opt-out variable)
  grant [category...] grant the named categories, or all of them
  revoke [category...] revoke the named categories, or all of them; revoking all also deletes what
                      optel kept locally and, if an anonymous id ever left this machine, sends a
                      deletion request for it

A running app picks up the change within about a second, without a restart.

${APP_HELP}`,
  show: `Usage: optel show [options]

What optel sent recently, exactly as it left the process (after redaction), newest first.
The log is kept only while some consent is granted, and holds at most 512 KiB.

  --limit <n>           show at most n batches (default 20)
${APP_HELP}`,
  export: `Usage: optel export [options]

Prints one JSON document with everything optel keeps locally for this user: the consent record
and its history, the anonymous id (if any), a pending deletion request (if any), and the audit log.

${APP_HELP}`,
  delete: `Usage: optel delete [options]

Revokes every category, removes all local data (consent record, audit log, anonymous id, spooled
crashes), and, if an anonymous id ever left this machine, sends one deletion request carrying it.
A request that cannot be delivered now is retried when the app next starts.

${APP_HELP}`,
  catalog: `Usage: optel catalog [options]

Prints every category and metric the app declares: kind, unit, attributes, sensitivity and expiry.
The "what we collect" document for a privacy review.

${APP_HELP}`,
};

function write(s: Writable, text: string): void {
  s.write(text.endsWith('\n') ? text : `${text}\n`);
}

function json(io: Io, value: unknown): void {
  write(io.out, JSON.stringify(value, null, 2));
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

async function deliverPending(ctx: AppContext): Promise<'delivered' | 'pending' | 'not-needed'> {
  if (!ctx.optOut.pending()) return 'not-needed';
  return OptOut.summary(await ctx.optOut.deliver(), ctx.optOut.pending());
}

export async function consentCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, APP_FLAGS, ['json']);
  const [action, ...rest] = args.positional;
  if (action !== 'status' && action !== 'grant' && action !== 'revoke') throw new UsageError(`optel consent needs status, grant or revoke, got ${JSON.stringify(action ?? '')}`);
  const ctx = appContext(args, io.env);
  const named = categoriesFrom({ ...args, positional: rest }, ctx);
  if (action === 'status') {
    if (named.length > 0) throw new UsageError('optel consent status takes no categories');
    requireReadableConsent(ctx);
  } else {
    if (ctx.consentProblem !== undefined) write(io.err, `optel: the consent file ${ctx.files.consent} was not valid (${ctx.consentProblem}); writing a new one`);
    const before = ctx.consent.grantedCategories();
    const persisted = action === 'grant' ? ctx.consent.grant(named) : ctx.consent.revoke(named);
    // A running app reads the file: unwritten, the change did not take effect anywhere.
    if (!persisted) throw new OperationError(`could not write the consent file ${ctx.files.consent}: the ${action} did not take effect (is the directory writable?)`);
    // What waits on disk for a revoked category is removed now, not just left unsent.
    if (action === 'revoke') await ctx.userData.discardWaiting(named.length > 0 ? named : undefined);
    let deletionRequest: string | undefined;
    if (action === 'revoke' && named.length === 0 && (before.length > 0 || ctx.userData.installationId.current())) {
      ctx.optOut.forget();
      deletionRequest = await deliverPending(ctx);
    }
    if (args.flags.has('json')) {
      json(io, { action, categories: named.length > 0 ? named : ctx.consent.categories, ...(deletionRequest ? { deletionRequest } : {}), status: ctx.consent.status() });
      return 0;
    }
    write(io.out, `${action === 'grant' ? 'granted' : 'revoked'}: ${(named.length > 0 ? named : ctx.consent.categories).join(', ')}`);
    if (deletionRequest) write(io.out, `deletion request: ${deletionRequest}${deletionRequest === 'pending' ? ' (sent when the app next starts)' : ''}`);
    if (action === 'grant' && ctx.consent.forcedOff) write(io.out, `note: ${ctx.consent.forcedOff.variable}=${ctx.consent.forcedOff.value} keeps telemetry off anyway`);
  }
  const status = ctx.consent.status();
  if (args.flags.has('json')) {
    json(io, status);
    return 0;
  }
  const rows = [['CATEGORY', 'STATE', 'WHY']];
  for (const [category, s] of Object.entries(status.categories)) {
    rows.push([category, s.granted ? 'granted' : 'off', s.reason === 'forced-off' ? `${s.forcedBy} is set` : s.granted ? `granted in ${status.file}` : 'not granted (telemetry is opt-in)']);
  }
  write(io.out, table(rows));
  return 0;
}

export function showCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, [...APP_FLAGS, 'limit'], ['json']);
  if (args.positional.length > 0) throw new UsageError(`optel show takes no arguments, got ${JSON.stringify(args.positional[0])}`);
  const limitFlag = args.flags.get('limit');
  const limit = limitFlag === undefined ? 20 : Number(limitFlag);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number >= 1, got ${JSON.stringify(limitFlag)}`);
  const ctx = appContext(args, io.env);
  requireReadableConsent(ctx);
  const entries = ctx.userData.show().slice(0, limit);
  // What the app could not deliver yet is listed too, as it will be sent.
  const waiting = ctx.userData.waiting().map((w) => ({ at: w.recordedAt, signal: w.signal, url: '', outcome: 'waiting' as const, category: w.category, body: w.body }));
  if (args.flags.has('json')) {
    json(io, [...entries, ...waiting]);
    return 0;
  }
  if (entries.length === 0 && waiting.length === 0) {
    write(io.out, 'nothing was sent (or the log was cleared when consent was revoked)');
    return 0;
  }
  for (const e of entries) write(io.out, `--- ${e.at}  ${e.signal}  ${e.outcome}  ${e.url}\n${JSON.stringify(e.body, null, 2)}`);
  for (const w of waiting) write(io.out, `--- ${w.at}  ${w.signal}  waiting for delivery (${w.category})\n${JSON.stringify(w.body, null, 2)}`);
  return 0;
}

export function exportCommand(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, APP_FLAGS, ['json']);
  if (args.positional.length > 0) throw new UsageError(`optel export takes no arguments, got ${JSON.stringify(args.positional[0])}`);
  const ctx = appContext(args, io.env);
  requireReadableConsent(ctx);
  json(io, ctx.userData.exportAll(ctx.consent.persisted()));
  return 0;
}

export async function deleteCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, APP_FLAGS, ['json']);
  if (args.positional.length > 0) throw new UsageError(`optel delete takes no arguments, got ${JSON.stringify(args.positional[0])}`);
  const ctx = appContext(args, io.env);
  ctx.consent.revoke();
  ctx.optOut.deleteAll();
  const deletionRequest = await deliverPending(ctx);
  // Success is only what the disk confirms: a read-only directory must not be reported as deleted.
  const left = [ctx.files.consent, ctx.files.audit, `${ctx.files.audit}.1`, ctx.files.installationId, ctx.files.crashes, ctx.files.outbox].filter((f) => existsSync(f));
  if (left.length > 0) throw new OperationError(`could not delete ${left.join(', ')} (is the directory writable?); running apps may still send`);
  if (args.flags.has('json')) json(io, { deleted: true, deletionRequest });
  else {
    write(io.out, `deleted everything optel kept in ${ctx.files.dir} and revoked all consent`);
    write(io.out, `deletion request: ${deletionRequest}${deletionRequest === 'pending' ? ' (sent when the app next starts)' : ''}`);
  }
  return 0;
}

export async function catalogCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, APP_FLAGS, ['json']);
  if (args.positional.length > 0) throw new UsageError(`optel catalog takes no arguments, got ${JSON.stringify(args.positional[0])}`);
  const hasApp = args.flags.has('app') || args.flags.has('consent-file') || io.env.OPTEL_CONSENT_FILE || io.env.OPTEL_APP_NAME;
  const ctx = hasApp ? appContext(args, io.env) : undefined;
  const spec = ctx?.catalog ?? builtinCatalog;
  const described = describeCategories(spec, ctx?.consent.status() ?? { categories: {}, file: '' });
  if (args.flags.has('json')) {
    json(io, described);
    return 0;
  }
  const rows = [['CATEGORY', 'METRIC', 'KIND', 'UNIT', 'ATTRIBUTES', 'SENSITIVITY', 'EXPIRES', 'DESCRIPTION']];
  for (const c of described) for (const m of c.metrics) rows.push([c.category, m.instrument, m.kind, m.unit, m.attributes.join(',') || '-', m.sensitivity, m.expires, m.description]);
  write(io.out, table(rows));
  return 0;
}
