import { otelApi } from './otel-api.js';

const warned = new Set<string>();

/**
 * Warn once per key for the life of the process: bad runtime input tends to repeat on a hot path,
 * and one line per cause is what a developer can act on.
 */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  if (warned.size > 10_000) return; // keys come from app input: bound the memory they can take
  warned.add(key);
  otelApi().diag.warn(`optel: ${message}`);
}

/**
 * A short text for any value, even one whose conversion throws (`{ toString: 0 }`, revoked
 * proxies): input from the app must never make the diagnostic itself fail.
 */
export function describe(value: unknown, max = 64): string {
  try {
    return (typeof value === 'symbol' ? value.toString() : String(value)).slice(0, max);
  } catch {
    return `<${typeof value}>`;
  }
}

/** Reports an internal failure; never rethrows, so the host app is never disturbed by telemetry. */
export function reportError(where: string, error: unknown): void {
  try {
    const text = error instanceof Error ? `${describe(error.name)}: ${describe(error.message, 500)}` : describe(error, 500);
    warnOnce(`error:${where}:${text.slice(0, 200)}`, `${where} failed: ${text}`);
  } catch {
    // diag itself failed: nothing sensible is left to do
  }
}

/** Test hook: forget which warnings were given. */
export function resetWarnings(): void {
  warned.clear();
}

/** A diagnostic for optel's own modules; the OTel API is loaded only when there is something to say. */
export function diagnostic(level: 'warn' | 'error' | 'debug', message: string, ...args: unknown[]): void {
  otelApi().diag[level](message, ...args);
}

const LEVEL_NAMES = ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'VERBOSE', 'ALL'] as const;

/**
 * OTEL_LOG_LEVEL asks for OTel's diagnostics on the console; the SDK would install that logger only
 * once it starts (on the first grant), so optel installs it at register(), the same way.
 */
export function installDiagLogger(env: NodeJS.ProcessEnv): void {
  const level = env.OTEL_LOG_LEVEL?.trim().toUpperCase();
  if (!level) return;
  const { diag, DiagConsoleLogger, DiagLogLevel } = otelApi();
  const known = (LEVEL_NAMES as readonly string[]).includes(level) ? DiagLogLevel[level as (typeof LEVEL_NAMES)[number]] : DiagLogLevel.INFO;
  diag.setLogger(new DiagConsoleLogger(), { logLevel: known, suppressOverrideMessage: true });
}
