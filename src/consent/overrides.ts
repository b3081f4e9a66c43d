/**
 * Environment variables that force consent off whatever the consent file says. They exist for
 * users and admins who never want telemetry, so they can only ever switch it off.
 */
export interface ForcedOff {
  /** The variable that forced consent off, e.g. `DO_NOT_TRACK`. */
  readonly variable: string;
  readonly value: string;
}

const TRUTHY = new Set(['1', 'true', 'yes', 'on']);

/** `MY_APP_TELEMETRY_OPT_OUT` for app name `my-app`. */
export function defaultOptOutVariable(appName: string): string {
  return `${appName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_TELEMETRY_OPT_OUT`;
}

export function forcedOffByEnv(env: NodeJS.ProcessEnv, optOutVariable: string): ForcedOff | undefined {
  for (const variable of ['DO_NOT_TRACK', 'OTEL_SDK_DISABLED', optOutVariable, 'OPTEL_OPT_OUT']) {
    const value = env[variable];
    if (value !== undefined && TRUTHY.has(value.trim().toLowerCase())) return { variable, value };
  }
  return undefined;
}
