import { accessSync, constants, statSync } from 'node:fs';
import { builtinCatalog } from '../catalog/builtin.js';
import { Catalog } from '../catalog/catalog.js';
import type { CatalogSpec } from '../catalog/types.js';
import { Consent } from '../consent/consent.js';
import { defaultOptOutVariable, forcedOffByEnv } from '../consent/overrides.js';
import { ConsentStore, defaultConsentFile } from '../consent/store.js';
import { type AppManifest, readAppManifest } from '../userdata/app-manifest.js';
import { type DataFiles, dataFiles } from '../userdata/files.js';
import { UserData } from '../userdata/user-data.js';
import { OptOut } from '../lifecycle/opt-out.js';

/** A problem with what the user typed: exit code 2. */
export class UsageError extends Error {}
/** A problem doing what was asked (a file that cannot be read or written): exit code 1. */
export class OperationError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

/** `--flag`, `--flag value` (for flags that take one) and positionals; anything unknown is a usage error. */
export function parseArgs(argv: readonly string[], withValue: readonly string[], boolean: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (withValue.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else if (boolean.includes(name) && inline === undefined) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, flags };
}

export const APP_FLAGS = ['app', 'consent-file'] as const;

export interface AppContext {
  readonly files: DataFiles;
  readonly manifest: AppManifest | undefined;
  readonly catalog: CatalogSpec;
  readonly consent: Consent;
  readonly userData: UserData;
  readonly serviceName: string;
  /** Leaving, exactly as the library does it, with the app's own endpoint and timeout. */
  readonly optOut: OptOut;
  /** Why the consent file cannot be read as a consent record, if it cannot (the app then treats everything as not granted). */
  readonly consentProblem: string | undefined;
}

/** What `register()` would use when the app never wrote it (it has not run since an older optel). */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Finds the app's data: `--consent-file`, else `--app` (the OS config directory), else
 * `OPTEL_CONSENT_FILE` or `OPTEL_APP_NAME`. Its categories come from the `optel-app.json` the app
 * wrote at its last start, or the built-in ones if it never ran.
 */
export function appContext(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): AppContext {
  const explicitFile = args.flags.get('consent-file');
  const app = args.flags.get('app') ?? env.OPTEL_APP_NAME;
  let file: string;
  if (typeof explicitFile === 'string') file = explicitFile;
  else if (typeof app === 'string') {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(app)) throw new UsageError(`--app must be an app name (letters, digits, . _ -), got ${JSON.stringify(app)}`);
    file = defaultConsentFile(app, env);
  } else if (env.OPTEL_CONSENT_FILE) file = env.OPTEL_CONSENT_FILE;
  else throw new UsageError('say which app: --app <name> (as given to register()) or --consent-file <path>');
  checkReadable(file);
  const files = dataFiles(file);
  const manifest = readAppManifest(files.app);
  const catalog = manifest?.catalog ?? builtinCatalog;
  const categories = new Catalog(catalog).categories;
  const serviceName = manifest?.serviceName ?? (typeof app === 'string' ? app : 'unknown_service');
  // The app's own opt-out variable, as it registered: not a guess from the service name.
  const optOutVariable = manifest?.optOutVariable ?? defaultOptOutVariable(typeof app === 'string' ? app : serviceName);
  const store = new ConsentStore(file);
  const consentProblem = store.problem();
  const consent = new Consent(categories, store, forcedOffByEnv(env, optOutVariable));
  const userData = new UserData(files);
  const optOut = new OptOut(userData, {
    serviceName,
    endpoint: manifest?.exporter === 'otlp' ? manifest.endpoint : undefined,
    timeoutMs: manifest?.exportTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  return { files, manifest, catalog, consent, userData, serviceName, optOut, consentProblem };
}

function checkReadable(file: string): void {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // no decision yet: every category is off
    throw new OperationError(`cannot read the consent file ${file}: ${(e as Error).message}`);
  }
  if (isDir) throw new OperationError(`the consent file ${file} is a directory`);
  try {
    accessSync(file, constants.R_OK);
  } catch (e) {
    throw new OperationError(`cannot read the consent file ${file}: ${(e as Error).message}`);
  }
}

/**
 * For commands that report state (status, show, export): a broken consent file is a failure to
 * report, with what to do. Commands that change consent (grant, revoke, delete) replace it.
 */
export function requireReadableConsent(ctx: AppContext): void {
  if (ctx.consentProblem === undefined) return;
  throw new OperationError(`the consent file ${ctx.files.consent} is not valid (${ctx.consentProblem}): the app treats every category as not granted. Run \`optel consent grant\` or \`revoke\` to write a new one, or \`optel delete\``);
}

/** Category names from the command line, checked against the app's catalog. */
export function categoriesFrom(args: ParsedArgs, ctx: AppContext): string[] {
  const known = ctx.consent.categories;
  for (const c of args.positional) {
    if (!known.includes(c)) throw new UsageError(`unknown category ${JSON.stringify(c)}; the categories are: ${known.join(', ')}`);
  }
  return args.positional;
}
