import { buildCatalog, type Catalog, isPlainObject } from '../catalog/catalog.js';
import type { CatalogSpec } from '../catalog/types.js';
import { defaultOptOutVariable } from '../consent/overrides.js';
import { defaultConsentFile } from '../consent/store.js';
import type { Detector } from '../redaction/detectors.js';
import { CatalogDeclarationError } from '../catalog/declaration-error.js';
import { OptelConfigError } from './errors.js';

export type ExporterKind = 'otlp' | 'prometheus';

export interface RedactionOptions {
  /** Replace the built-in detectors entirely. */
  readonly detectors?: readonly Detector[];
  /** Run these after the built-in (or replaced) detectors. */
  readonly extraDetectors?: readonly Detector[];
  /** Attribute keys whose whole value is replaced. Default: password, token, secret, authorization, cookie, email, ... */
  readonly sensitiveKeys?: RegExp;
}

/** Options of `register()`. Each is validated once; defaults are documented in the README. */
export interface RegisterOptions<C extends CatalogSpec = Record<never, never>> {
  /** `service.name` of the telemetry. Default: `OTEL_SERVICE_NAME`. Required one way or the other. */
  readonly serviceName?: string;
  /** `service.version`. */
  readonly serviceVersion?: string;
  /** Names the consent directory and the opt-out variable. Default: the service name. */
  readonly appName?: string;
  /** The app's own domain categories, declared with `defineCatalog`. */
  readonly catalog?: C;
  /** `otlp` (traces and metrics to a Collector) or `prometheus` (metrics served for scraping). Default: `OPTEL_EXPORTER` or `otlp`. */
  readonly exporter?: ExporterKind;
  /** OTLP/HTTP base URL. Default: `OTEL_EXPORTER_OTLP_ENDPOINT` or `http://localhost:4318`. */
  readonly endpoint?: string;
  /**
   * Send telemetry in clear text (`http://`) to a host other than this machine. Default false:
   * `register()` refuses such an endpoint, since on the open internet anyone on the path could read
   * or change what is sent. Loopback `http://` (a local Collector) is always allowed.
   */
  readonly allowInsecureEndpoint?: boolean;
  /** Where the Prometheus endpoint listens when `exporter` is `prometheus`. Default 127.0.0.1:9464. */
  readonly prometheus?: { readonly host?: string; readonly port?: number };
  /** Consent file path. Default: `OPTEL_CONSENT_FILE` or `<OS config dir>/<appName>/optel-consent.json`. */
  readonly consentFile?: string;
  /** Environment variable that forces telemetry off. Default: `<APP_NAME>_TELEMETRY_OPT_OUT`. */
  readonly optOutEnv?: string;
  /** HTTP server and client auto-instrumentation. Default true. */
  readonly instrumentHttp?: boolean;
  /** Attach a random installation id (`optel.installation.id`) to the resource. Default false. */
  readonly anonymousId?: boolean;
  /** Metric export interval. Default: `OTEL_METRIC_EXPORT_INTERVAL` or 60000. */
  readonly exportIntervalMs?: number;
  /** Timeout of one export. Default 10000. */
  readonly exportTimeoutMs?: number;
  /** Spans held while the Collector is slow or down; more are dropped. Default 2048. */
  readonly maxQueueSize?: number;
  /**
   * The share of traces whose spans are exported, 0..1, decided per trace so a trace stays whole.
   * Spans that ended in error or hold an exception, and crash reports, are always kept. Metrics
   * (HTTP request counts and durations included) are never sampled, so rates, error ratios and
   * durations stay exact. Default: `OTEL_TRACES_SAMPLER_ARG` or 1 (every trace).
   */
  readonly traceSampleRatio?: number;
  /**
   * What waits for delivery when the Collector is down or refuses: kept in memory and in the optel
   * directory, oldest dropped first (and counted) past these. Default 8 MiB and 7 days.
   */
  readonly outbox?: { readonly maxBytes?: number; readonly maxAgeMs?: number };
  /** Record uncaught exceptions and unhandled rejections as crashes. Default true. */
  readonly captureCrashes?: boolean;
  /** Observe CPU, memory and event-loop delay (category `resource`). Default true. */
  readonly resourceMetrics?: boolean;
  readonly redaction?: RedactionOptions;
  /** Print what would be sent to stderr as JSON, and send nothing. Default: `OPTEL_DEBUG`. */
  readonly debug?: boolean;
  /** How often a running app checks the consent file for changes made by the `optel` command. Default 1000. */
  readonly consentWatchIntervalMs?: number;
  /** Environment to read `OTEL_*`/`OPTEL_*`/opt-out variables from. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Options after validation: complete, read-only, passed down to every part. */
export interface ResolvedConfig {
  readonly serviceName: string;
  readonly serviceVersion: string | undefined;
  readonly appName: string;
  readonly catalog: Catalog;
  readonly exporter: ExporterKind;
  readonly endpoint: string;
  readonly tracesUrl: string;
  readonly metricsUrl: string;
  readonly prometheus: { readonly host: string; readonly port: number };
  readonly consentFile: string;
  readonly optOutVariable: string;
  readonly instrumentHttp: boolean;
  readonly anonymousId: boolean;
  readonly exportIntervalMs: number;
  readonly exportTimeoutMs: number;
  readonly maxQueueSize: number;
  readonly traceSampleRatio: number;
  readonly outbox: { readonly maxBytes: number; readonly maxAgeMs: number };
  readonly captureCrashes: boolean;
  readonly resourceMetrics: boolean;
  readonly redaction: RedactionOptions;
  readonly debug: boolean;
  readonly consentWatchIntervalMs: number;
  readonly env: NodeJS.ProcessEnv;
}

const KNOWN = new Set([
  'serviceName', 'serviceVersion', 'appName', 'catalog', 'exporter', 'endpoint', 'allowInsecureEndpoint', 'prometheus', 'consentFile', 'optOutEnv',
  'instrumentHttp', 'anonymousId', 'exportIntervalMs', 'exportTimeoutMs', 'maxQueueSize', 'traceSampleRatio', 'outbox', 'captureCrashes', 'resourceMetrics',
  'redaction', 'debug', 'consentWatchIntervalMs', 'env',
]);
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export function resolveConfig(options: unknown): ResolvedConfig {
  if (!isPlainObject(options)) throw new OptelConfigError('options', options, 'an options object, e.g. { serviceName: "my-app" }');
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new OptelConfigError(key, options[key], `a known option (${[...KNOWN].join(', ')})`);
  }
  const o = options as RegisterOptions<CatalogSpec>;
  const env = o.env ?? process.env;
  if (!isPlainObject(env) && env !== process.env) throw new OptelConfigError('env', env, 'an object of environment variables');

  const serviceName = pick(o.serviceName, 'serviceName', env.OTEL_SERVICE_NAME, 'OTEL_SERVICE_NAME');
  if (serviceName.value === undefined) throw new OptelConfigError('serviceName', undefined, 'a service name (or OTEL_SERVICE_NAME), 1..100 of A-Z a-z 0-9 . _ -');
  const service = nameOption(serviceName.option, serviceName.value);
  const serviceVersion = o.serviceVersion === undefined ? undefined : stringOption('serviceVersion', o.serviceVersion, 1, 64);
  const appName = o.appName === undefined ? service : nameOption('appName', o.appName);

  const exporterPick = pick(o.exporter, 'exporter', env.OPTEL_EXPORTER, 'OPTEL_EXPORTER');
  const exporter = exporterPick.value ?? 'otlp';
  if (exporter !== 'otlp' && exporter !== 'prometheus') throw new OptelConfigError(exporterPick.option, exporter, '"otlp" or "prometheus"');

  const endpointPick = pick(o.endpoint, 'endpoint', env.OTEL_EXPORTER_OTLP_ENDPOINT, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const endpoint = urlOption(endpointPick.option, endpointPick.value ?? 'http://localhost:4318');
  const allowInsecure = boolOption('allowInsecureEndpoint', o.allowInsecureEndpoint, false);
  if (exporter === 'otlp' && !allowInsecure && isCleartextToAnotherHost(endpoint)) {
    throw new OptelConfigError(endpointPick.option, endpoint, 'an https:// URL, or http:// to this machine (localhost, 127.0.0.1, ::1); set allowInsecureEndpoint: true to send in clear text to another host');
  }

  if (o.prometheus !== undefined && !isPlainObject(o.prometheus)) throw new OptelConfigError('prometheus', o.prometheus, 'an object { host?, port? }');
  const promHost = o.prometheus?.host === undefined ? '127.0.0.1' : stringOption('prometheus.host', o.prometheus.host, 1, 253);
  const portPick = pick(o.prometheus?.port, 'prometheus.port', env.OPTEL_PROMETHEUS_PORT, 'OPTEL_PROMETHEUS_PORT');
  const promPort = portPick.value === undefined ? 9464 : intOption(portPick.option, portPick.value, 0, 65535);

  const consentPick = pick(o.consentFile, 'consentFile', env.OPTEL_CONSENT_FILE, 'OPTEL_CONSENT_FILE');
  const consentFile = consentPick.value === undefined ? defaultConsentFile(appName, env) : stringOption(consentPick.option, consentPick.value, 1, 4096);

  const optOutVariable = o.optOutEnv === undefined ? defaultOptOutVariable(appName) : o.optOutEnv;
  if (typeof optOutVariable !== 'string' || !ENV_NAME.test(optOutVariable)) throw new OptelConfigError('optOutEnv', o.optOutEnv, 'an environment variable name');

  const intervalPick = pick(o.exportIntervalMs, 'exportIntervalMs', env.OTEL_METRIC_EXPORT_INTERVAL, 'OTEL_METRIC_EXPORT_INTERVAL');
  const exportIntervalMs = intervalPick.value === undefined ? 60_000 : intOption(intervalPick.option, intervalPick.value, 100, 86_400_000);
  const exportTimeoutMs = o.exportTimeoutMs === undefined ? 10_000 : intOption('exportTimeoutMs', o.exportTimeoutMs, 100, 600_000);
  const queuePick = pick(o.maxQueueSize, 'maxQueueSize', env.OTEL_BSP_MAX_QUEUE_SIZE, 'OTEL_BSP_MAX_QUEUE_SIZE');
  const maxQueueSize = queuePick.value === undefined ? 2048 : intOption(queuePick.option, queuePick.value, 1, 1_000_000);
  const ratioPick = pick(o.traceSampleRatio, 'traceSampleRatio', env.OTEL_TRACES_SAMPLER_ARG, 'OTEL_TRACES_SAMPLER_ARG');
  const traceSampleRatio = ratioPick.value === undefined ? 1 : ratioOption(ratioPick.option, ratioPick.value);
  if (o.outbox !== undefined && !isPlainObject(o.outbox)) throw new OptelConfigError('outbox', o.outbox, 'an object { maxBytes?, maxAgeMs? }');
  const outbox = Object.freeze({
    maxBytes: o.outbox?.maxBytes === undefined ? 8 * 1024 * 1024 : intOption('outbox.maxBytes', o.outbox.maxBytes, 64 * 1024, 1024 * 1024 * 1024),
    maxAgeMs: o.outbox?.maxAgeMs === undefined ? 7 * 24 * 60 * 60 * 1000 : intOption('outbox.maxAgeMs', o.outbox.maxAgeMs, 60_000, 90 * 24 * 60 * 60 * 1000),
  });

  const httpPick = pick(o.instrumentHttp, 'instrumentHttp', env.OPTEL_INSTRUMENT_HTTP, 'OPTEL_INSTRUMENT_HTTP');
  const anonPick = pick(o.anonymousId, 'anonymousId', env.OPTEL_ANONYMOUS_ID, 'OPTEL_ANONYMOUS_ID');
  const debugPick = pick(o.debug, 'debug', env.OPTEL_DEBUG, 'OPTEL_DEBUG');

  return Object.freeze({
    serviceName: service,
    serviceVersion,
    appName,
    catalog: catalogOption(o.catalog),
    exporter,
    endpoint,
    tracesUrl: `${endpoint}/v1/traces`,
    metricsUrl: `${endpoint}/v1/metrics`,
    prometheus: Object.freeze({ host: promHost, port: promPort }),
    consentFile,
    optOutVariable,
    instrumentHttp: boolOption(httpPick.option, httpPick.value, true),
    anonymousId: boolOption(anonPick.option, anonPick.value, false),
    exportIntervalMs,
    exportTimeoutMs,
    maxQueueSize,
    traceSampleRatio,
    outbox,
    captureCrashes: boolOption('captureCrashes', o.captureCrashes, true),
    resourceMetrics: boolOption('resourceMetrics', o.resourceMetrics, true),
    redaction: redactionOption(o.redaction),
    debug: boolOption(debugPick.option, debugPick.value, false),
    consentWatchIntervalMs: o.consentWatchIntervalMs === undefined ? 1000 : intOption('consentWatchIntervalMs', o.consentWatchIntervalMs, 50, 600_000),
    env,
  });
}

/** The option wins over its environment variable; the error then names whichever was used. */
function pick<T>(value: T | undefined, option: string, envValue: string | undefined, envName: string): { value: T | string | undefined; option: string } {
  if (value !== undefined) return { value, option };
  if (envValue !== undefined && envValue.trim() !== '') return { value: envValue.trim(), option: envName };
  return { value: undefined, option };
}

function nameOption(option: string, v: unknown): string {
  if (typeof v !== 'string' || !NAME.test(v)) throw new OptelConfigError(option, v, '1..100 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit');
  return v;
}

function stringOption(option: string, v: unknown, min: number, max: number): string {
  if (typeof v !== 'string' || v.length < min || v.length > max) throw new OptelConfigError(option, v, `a string of ${min}..${max} characters`);
  return v;
}

function intOption(option: string, v: unknown, min: number, max: number): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new OptelConfigError(option, v, `an integer from ${min} to ${max}`);
  return n;
}

function ratioOption(option: string, v: unknown): number {
  const n = typeof v === 'string' && /^(?:0|1|0?\.\d+|1\.0*)$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1) throw new OptelConfigError(option, v, 'a number from 0 to 1');
  return n;
}

function boolOption(option: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    if (['0', 'false', 'no', 'off'].includes(s)) return false;
  }
  throw new OptelConfigError(option, v, 'true or false');
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** `http://` to anything but this machine: readable and changeable by anyone on the path. */
function isCleartextToAnotherHost(endpoint: string): boolean {
  const url = new URL(endpoint);
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return !(LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host));
}

/** The app's catalog merged into the built-in one; a bad declaration is a bad option. */
function catalogOption(v: unknown): Catalog {
  try {
    return buildCatalog(v);
  } catch (error) {
    if (error instanceof CatalogDeclarationError) throw new OptelConfigError(error.option, error.value, error.accepted);
    throw error;
  }
}

function urlOption(option: string, v: unknown): string {
  if (typeof v !== 'string') throw new OptelConfigError(option, v, 'an http:// or https:// URL');
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new OptelConfigError(option, v, 'an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OptelConfigError(option, v, 'an http:// or https:// URL');
  if (url.username || url.password) throw new OptelConfigError(option, '<url with credentials>', 'a URL without user:password (use OTEL_EXPORTER_OTLP_HEADERS for auth)');
  if (url.search || url.hash) throw new OptelConfigError(option, v, 'a base URL without query or fragment');
  return url.href.replace(/\/+$/, '');
}

function redactionOption(v: unknown): RedactionOptions {
  if (v === undefined) return {};
  if (!isPlainObject(v)) throw new OptelConfigError('redaction', v, 'an object { detectors?, extraDetectors?, sensitiveKeys? }');
  for (const key of Object.keys(v)) {
    if (!['detectors', 'extraDetectors', 'sensitiveKeys'].includes(key)) throw new OptelConfigError(`redaction.${key}`, v[key], 'one of detectors, extraDetectors, sensitiveKeys');
  }
  for (const key of ['detectors', 'extraDetectors'] as const) {
    const list = v[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new OptelConfigError(`redaction.${key}`, list, 'an array of detectors { name, pattern }');
    list.forEach((d, i) => {
      if (!isPlainObject(d) || typeof d.name !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(d.name)) {
        throw new OptelConfigError(`redaction.${key}[${i}].name`, isPlainObject(d) ? d.name : d, 'a snake_case detector name');
      }
      if (!(d.pattern instanceof RegExp) || !d.pattern.global) throw new OptelConfigError(`redaction.${key}[${i}].pattern`, d.pattern, 'a RegExp with the g flag');
    });
  }
  if (v.sensitiveKeys !== undefined && !(v.sensitiveKeys instanceof RegExp)) throw new OptelConfigError('redaction.sensitiveKeys', v.sensitiveKeys, 'a RegExp');
  return v as RedactionOptions;
}
