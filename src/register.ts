import { CrashRecorder } from './instrumentation/crashes.js';
import { Instruments } from './api/instruments.js';
import { observeResources } from './instrumentation/resource-gauges.js';
import { createTelemetryApi } from './api/telemetry-api.js';
import { createWithTelemetry, type WithTelemetry } from './api/with-telemetry.js';
import type { BuiltinCatalog } from './catalog/builtin.js';
import type { CatalogSpec, TelemetryApi } from './catalog/types.js';
import { type RegisterOptions, type ResolvedConfig, resolveConfig } from './config/options.js';
import { Consent, type ConsentListener, type ConsentStatus } from './consent/consent.js';
import { forcedOffByEnv } from './consent/overrides.js';
import { ConsentStore } from './consent/store.js';
import { installDiagLogger, reportError, warnOnce } from './diag.js';
import { Scrubber } from './redaction/scrubber.js';
import { builtinDetectors } from './redaction/detectors.js';
import { loadSdk } from './sdk-loader.js';
import { keepRecordsAtExit } from './lifecycle/process-exit.js';
import { OptOut } from './lifecycle/opt-out.js';
import { type RunningTelemetry, TelemetryLifecycle } from './lifecycle/telemetry-lifecycle.js';
import type { DropReason } from './export/outbox.js';
import type { ExportListener } from './export/observed-exporters.js';
import { writeAppManifest } from './userdata/app-manifest.js';
import type { AuditEntry } from './userdata/audit-log.js';
import { dataFiles } from './userdata/files.js';
import { type CategoryDescription, describeCategories, UserData, type UserDataExport } from './userdata/user-data.js';

export type SatisfactionType = 'task_completion' | 'ease_of_use' | 'accuracy' | 'speed' | 'overall';

/**
 * Whether a consent change reached the consent file. When it did not (a read-only or full disk),
 * the change still applies in this process (a revoke stops export at once), but other processes
 * (the app's next start, the `optel` command) do not know it: tell the user.
 */
export interface ConsentChangeResult {
  readonly persisted: boolean;
  /** Why it was not persisted. */
  readonly error?: string;
}

/** The consent controls an app wires to its settings screen. Nothing here throws. */
export interface ConsentControls<K extends string> {
  /** Grants the named categories, or all when none are named; export starts without a restart. */
  grant(...categories: K[]): ConsentChangeResult;
  /** Revokes the named categories, or all; resolves once their pending data has been dropped, from disk too. */
  revoke(...categories: K[]): Promise<ConsentChangeResult>;
  isGranted(category: K): boolean;
  status(): ConsentStatus;
  /** Per category: what it collects (from the catalog) and whether it is granted, for a consent screen. */
  describe(): CategoryDescription[];
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
  /** The user's rights: see what was sent, export everything kept locally, delete it. */
  readonly userData: {
    /** What was sent recently, exactly as it left the process, newest first. */
    show(): AuditEntry[];
    /** Everything optel keeps locally for this user, as one JSON-ready object. */
    export(): UserDataExport;
    /** Revokes everything, removes all local data, and sends a deletion request if an id ever left. */
    delete(): Promise<{ deletionRequest: 'delivered' | 'pending' | 'not-needed' }>;
  };
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
  // Problems with local files are reported from here on, before any grant starts the SDK.
  installDiagLogger(config.env);
  const handle = createTelemetry<BuiltinCatalog & C>(config);
  active = handle as unknown as Telemetry<CatalogSpec>;
  return handle;
}

function createTelemetry<C extends CatalogSpec>(config: ResolvedConfig): Telemetry<C> {
  const files = dataFiles(config.consentFile);
  const userData = new UserData(files);
  const consent = new Consent(config.catalog.categories, new ConsentStore(config.consentFile), forcedOffByEnv(config.env, config.optOutVariable));
  const instruments = new Instruments(config.catalog, (c) => consent.isGranted(c));
  const otlpEndpoint = config.exporter === 'otlp' ? config.endpoint : undefined;
  const debug = config.debug ? (line: string) => void process.stderr.write(`${line}\n`) : undefined;
  // The redaction count is itself telemetry; it is counted only while `system` is granted, and
  // counting costs a map increment per redaction, not a recording call.
  const countRedaction = instruments.tally('optel.system.redactions', 'detector');
  const countDroppedSpans = instruments.tally('optel.system.dropped_spans', 'reason');
  const scrubber = new Scrubber({
    detectors: [...(config.redaction.detectors ?? builtinDetectors), ...(config.redaction.extraDetectors ?? [])],
    ...(config.redaction.sensitiveKeys ? { sensitiveKeyPattern: config.redaction.sensitiveKeys } : {}),
    onRedaction: countRedaction,
  });
  const api = createTelemetryApi<C>(config.catalog, consent, instruments, scrubber, config.serviceVersion);
  const builtin = api as unknown as TelemetryApi<BuiltinCatalog>;
  const crashes = new CrashRecorder(consent, instruments, scrubber, files.crashes);
  let idInUse: string | undefined;

  safely('writing optel-app.json', () => writeAppManifest(files.app, { serviceName: config.serviceName, ...(config.serviceVersion ? { serviceVersion: config.serviceVersion } : {}), exporter: config.exporter, endpoint: config.endpoint, catalog: config.catalog.spec, optOutVariable: config.optOutVariable, exportTimeoutMs: config.exportTimeoutMs }));

  /** What each export sent, kept for `optel show` while some consent is granted. */
  const onExport: ExportListener = (signal, url, delivered, body) => {
    if (!consent.anyGranted()) return;
    userData.audit.append({ at: new Date().toISOString(), signal, url, outcome: delivered ? 'sent' : 'failed', body });
    if (delivered && idInUse) userData.installationId.markSent();
  };

  /** Loss is never silent: counted (while `system` is granted) and said once per reason. */
  const onDrop = (reason: DropReason): void => {
    builtin.system.dropped_requests.add(1, { reason });
    warnOnce(`dropped:${reason}`, `dropped telemetry that could not be delivered (${reason}); counted in optel.system.dropped_requests`);
  };

  /** Loss is never silent: spans the full queue turned away are counted and said once. */
  const onSpansDropped = (count: number): void => {
    countDroppedSpans('queue_full', count);
    warnOnce('dropped:spans', 'the span export queue was full: spans were not recorded (counted in optel.system.dropped_spans)');
  };

  /** The SDK and what runs beside it while anything is granted: exit hooks, resource gauges, the start event. */
  const startTelemetry = (): RunningTelemetry => {
    // Scraped series must never carry an id, so pull mode has none: it is for OTLP deletion requests.
    idInUse = config.anonymousId && config.exporter === 'otlp' ? installationIdOrNone(userData) : undefined;
    const sdk = new (loadSdk().TelemetrySdk)(config, consent, scrubber, instruments, idInUse, { onExport, onDrop, onSpansDropped, ...(debug ? { debug } : {}) });
    sdk.start();
    const stopExitHooks = keepRecordsAtExit({
      flush: () => sdk.forceFlush().then(() => userData.audit.flush()),
      persistSync: () => {
        sdk.persistSync();
        userData.audit.flushSync();
      },
      abort: () => sdk.abortDelivery(),
    });
    const stopResources = config.resourceMetrics ? observeResources(builtin) : undefined;
    builtin.system.events.emit({ event: 'start' });
    crashes.sendSpooled();
    return {
      flushAfterRevoke: () => sdk.flushAfterRevoke(),
      // What was sent is in the audit log once forceFlush() resolves, for `optel show` right after.
      forceFlush: () => sdk.forceFlush().then(() => userData.audit.flush()),
      async shutdown() {
        stopResources?.();
        stopExitHooks();
        idInUse = undefined;
        await sdk.shutdown();
        await userData.audit.flush();
      },
    };
  };

  const optOut = new OptOut(userData, { serviceName: config.serviceName, endpoint: otlpEndpoint, timeoutMs: config.exportTimeoutMs }, debug);
  const lifecycle = new TelemetryLifecycle(consent, optOut, startTelemetry);
  consent.onChange((change) => {
    lifecycle.onConsentChange(change);
    if (change.granted.includes('errors')) crashes.sendSpooled();
  });

  if (config.captureCrashes) crashes.install();
  const stopWatching = consent.watch(config.consentWatchIntervalMs);
  lifecycle.begin();

  const controls: ConsentControls<keyof C & string> = {
    grant: (...categories) => changeResult(config.consentFile, () => consent.grant(categories)),
    revoke: async (...categories) => {
      const result = changeResult(config.consentFile, () => consent.revoke(categories));
      await lifecycle.revokeSettled();
      return result;
    },
    isGranted: (category) => consent.isGranted(category),
    status: () => consent.status(),
    describe: () => describeCategories(config.catalog.spec, consent.status()),
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
    userData: {
      show: () => userData.show(),
      export: () => userData.exportAll(consent.persisted()),
      async delete() {
        await controls.revoke();
        const outcome = await lifecycle.optOutSettled();
        optOut.deleteAll();
        return { deletionRequest: OptOut.summary(outcome, optOut.pending()) };
      },
    },
    config,
    forceFlush: () => lifecycle.forceFlush().catch((e) => reportError('forceFlush', e)),
    async shutdown() {
      if (shutDown) return;
      shutDown = true;
      try {
        builtin.system.events.emit({ event: 'stop' });
        stopWatching();
        crashes.uninstall();
        await lifecycle.shutdown();
      } catch (error) {
        reportError('shutdown', error);
      } finally {
        if (active === (handle as unknown)) active = undefined;
      }
    },
  } satisfies Telemetry<C>);
  return handle;
}

/**
 * The anonymous id, if it can be kept. One that cannot be written could never be named in a
 * deletion request later, so telemetry then goes without an id (and says why), rather than not at all.
 */
function installationIdOrNone(userData: UserData): string | undefined {
  try {
    return userData.installationId.getOrCreate();
  } catch (error) {
    reportError(`keeping the installation id in ${userData.files.installationId} (telemetry is sent without one)`, error);
    return undefined;
  }
}

/** Runs a consent change; never throws, and says when the file could not be written. */
function changeResult(file: string, change: () => boolean): ConsentChangeResult {
  try {
    if (change()) return { persisted: true };
  } catch (error) {
    reportError('changing consent', error);
  }
  return { persisted: false, error: `could not write the consent file ${file}; the change applies to this process only` };
}

function safely(where: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    reportError(where, error);
  }
}
