import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CrashRecorder } from './api/crashes.js';
import { Instruments } from './api/instruments.js';
import { observeResources } from './api/resource-gauges.js';
import { createTelemetryApi } from './api/telemetry-api.js';
import { createWithTelemetry, type WithTelemetry } from './api/with-telemetry.js';
import type { BuiltinCatalog } from './catalog/builtin.js';
import type { CatalogSpec, TelemetryApi } from './catalog/types.js';
import { type RegisterOptions, type ResolvedConfig, resolveConfig } from './config/options.js';
import { Consent, type ConsentListener, type ConsentStatus } from './consent/consent.js';
import { forcedOffByEnv } from './consent/overrides.js';
import { ConsentStore } from './consent/store.js';
import { reportError, warnOnce } from './diag.js';
import { Scrubber } from './redaction/scrubber.js';
import { builtinDetectors } from './redaction/detectors.js';
import { TelemetrySdk } from './sdk.js';

export type SatisfactionType = 'task_completion' | 'ease_of_use' | 'accuracy' | 'speed' | 'overall';

/** The consent controls an app wires to its settings screen. Nothing here throws. */
export interface ConsentControls<K extends string> {
  /** Grants the named categories, or all when none are named; export starts without a restart. */
  grant(...categories: K[]): void;
  /** Revokes the named categories, or all; resolves once their pending data has been dropped. */
  revoke(...categories: K[]): Promise<void>;
  isGranted(category: K): boolean;
  status(): ConsentStatus;
  /** Re-reads the consent file, for changes made by another process. */
  reload(): void;
  onChange(listener: ConsentListener): () => void;
}

/** What `register()` returns. */
export interface Telemetry<C extends CatalogSpec> {
  /** `metrics.<category>.<metric>.add|record|emit|observe(...)`, typed from the catalog. */
  readonly metrics: TelemetryApi<C>;
  /** Wraps a function to record its use, duration, outcome and errors. */
  readonly withTelemetry: WithTelemetry;
  /** Records a satisfaction score given on a 0..1 (default) or 1..5 scale, normalised to 0..1. */
  rateSatisfaction(score: number, attributes: { feature: string; type: SatisfactionType; scale?: '0..1' | '1..5' }): void;
  readonly consent: ConsentControls<keyof C & string>;
  /** The validated configuration in force. */
  readonly config: ResolvedConfig;
  /** Exports what is pending (of granted categories only). */
  forceFlush(): Promise<void>;
  /** Flushes, stops the SDK and removes every hook optel installed. */
  shutdown(): Promise<void>;
}

let active: Telemetry<CatalogSpec> | undefined;

/** The handle of the running registration, if any (e.g. one made by `--import optel/register`). */
export function getTelemetry<C extends CatalogSpec = BuiltinCatalog>(): Telemetry<C> | undefined {
  return active as Telemetry<C> | undefined;
}

/**
 * Starts consent-gated telemetry. Throws `OptelConfigError` for bad options, and nothing else,
 * ever: from here on failures go to OTel's diag logger.
 */
export function register<const C extends CatalogSpec = Record<never, never>>(options: RegisterOptions<C>): Telemetry<BuiltinCatalog & C> {
  if (active) {
    warnOnce('register-twice', 'register() was called again; the first registration stays in force and these options are ignored');
    return active as unknown as Telemetry<BuiltinCatalog & C>;
  }
  const config = resolveConfig(options);
  const handle = createTelemetry<BuiltinCatalog & C>(config);
  active = handle as unknown as Telemetry<CatalogSpec>;
  return handle;
}

function createTelemetry<C extends CatalogSpec>(config: ResolvedConfig): Telemetry<C> {
  const consent = new Consent(config.catalog.categories, new ConsentStore(config.consentFile), forcedOffByEnv(config.env, config.optOutVariable));
  const instruments = new Instruments(config.catalog, (c) => consent.isGranted(c));
  let api: TelemetryApi<C>;
  const scrubber = new Scrubber({
    detectors: [...(config.redaction.detectors ?? builtinDetectors), ...(config.redaction.extraDetectors ?? [])],
    ...(config.redaction.sensitiveKeys ? { sensitiveKeyPattern: config.redaction.sensitiveKeys } : {}),
    // The redaction count is itself telemetry; it is recorded only while `system` is granted.
    onRedaction: (detector, count) => (api as unknown as TelemetryApi<BuiltinCatalog>).system.redactions.add(count, { detector }),
  });
  api = createTelemetryApi<C>(config.catalog, consent, instruments, scrubber);
  const builtin = api as unknown as TelemetryApi<BuiltinCatalog>;
  const dataDir = dirname(config.consentFile);
  const crashes = new CrashRecorder(consent, instruments, scrubber, join(dataDir, 'optel-crashes.json'));
  let stopResources: (() => void) | undefined;
  let sdk: TelemetrySdk | undefined;

  const startIfGranted = (): void => {
    if (sdk || !consent.anyGranted()) return;
    try {
      const installationId = config.anonymousId ? installationIdFor(dataDir) : undefined;
      sdk = new TelemetrySdk(config, consent, scrubber, instruments, installationId);
      sdk.start();
      if (config.resourceMetrics) stopResources = observeResources(builtin);
      builtin.system.events.emit({ event: 'start' });
      crashes.sendSpooled();
    } catch (error) {
      reportError('starting the OpenTelemetry SDK', error);
    }
  };

  consent.onChange((change) => {
    if (change.granted.length > 0) {
      startIfGranted();
      if (change.granted.includes('errors')) crashes.sendSpooled();
    }
    if (change.revoked.length > 0) sdk?.flushAfterRevoke().catch((e) => reportError('dropping revoked data', e));
  });

  if (config.captureCrashes) crashes.install();
  startIfGranted();

  const controls: ConsentControls<keyof C & string> = {
    grant: (...categories) => safely('consent.grant', () => consent.grant(categories)),
    revoke: (...categories) => {
      safely('consent.revoke', () => consent.revoke(categories));
      return (sdk?.flushAfterRevoke() ?? Promise.resolve()).catch((e) => reportError('dropping revoked data', e));
    },
    isGranted: (category) => consent.isGranted(category),
    status: () => consent.status(),
    reload: () => safely('consent.reload', () => consent.reload()),
    onChange: (listener) => consent.onChange(listener),
  };

  let shutDown = false;
  const handle: Telemetry<C> = Object.freeze({
    metrics: api,
    withTelemetry: createWithTelemetry(builtin, consent, instruments),
    rateSatisfaction(score, attributes) {
      safely('rateSatisfaction', () => {
        if (typeof score !== 'number' || !Number.isFinite(score) || attributes === null || typeof attributes !== 'object') {
          warnOnce('rateSatisfaction:input', 'rateSatisfaction(score, { feature, type, scale }) needs a finite score and an attributes object; dropped');
          return;
        }
        const scale = attributes.scale ?? '0..1';
        const normalised = scale === '1..5' ? (score - 1) / 4 : scale === '0..1' ? score : Number.NaN;
        builtin.satisfaction.score.record(normalised, { feature: attributes.feature, type: attributes.type });
      });
    },
    consent: controls,
    config,
    forceFlush: () => (sdk?.forceFlush() ?? Promise.resolve()).catch((e) => reportError('forceFlush', e)),
    async shutdown() {
      if (shutDown) return;
      shutDown = true;
      try {
        builtin.system.events.emit({ event: 'stop' });
        crashes.uninstall();
        stopResources?.();
        await sdk?.shutdown();
      } catch (error) {
        reportError('shutdown', error);
      } finally {
        if (active === (handle as unknown)) active = undefined;
      }
    },
  } satisfies Telemetry<C>);
  return handle;
}

function safely(where: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    reportError(where, error);
  }
}

/** A random id, created on first use under consent; it says nothing about the machine or user. */
function installationIdFor(dir: string): string {
  const file = join(dir, 'optel-installation-id');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f-]{36}$/.test(id)) return id;
  } catch {
    // none yet
  }
  const id = randomUUID();
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${id}\n`, { mode: 0o600 });
  } catch (error) {
    reportError('storing the installation id', error);
  }
  return id;
}
