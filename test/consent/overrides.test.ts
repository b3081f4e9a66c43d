import { describe, expect, it } from 'vitest';
import { defaultOptOutVariable, forcedOffByEnv } from '../../src/consent/overrides.js';

describe('environment overrides', () => {
  it('derives the app opt-out variable from the app name', () => {
    expect(defaultOptOutVariable('my-app.desktop')).toBe('MY_APP_DESKTOP_TELEMETRY_OPT_OUT');
  });

  it.each([
    [{ DO_NOT_TRACK: '1' }, 'DO_NOT_TRACK'],
    [{ DO_NOT_TRACK: 'true' }, 'DO_NOT_TRACK'],
    [{ OTEL_SDK_DISABLED: 'TRUE' }, 'OTEL_SDK_DISABLED'],
    [{ APP_TELEMETRY_OPT_OUT: 'yes' }, 'APP_TELEMETRY_OPT_OUT'],
    [{ OPTEL_OPT_OUT: 'on' }, 'OPTEL_OPT_OUT'],
  ])('%j forces consent off', (env, variable) => {
    expect(forcedOffByEnv(env, 'APP_TELEMETRY_OPT_OUT')?.variable).toBe(variable);
  });

  it.each([[{}], [{ DO_NOT_TRACK: '0' }], [{ OTEL_SDK_DISABLED: 'false' }], [{ APP_TELEMETRY_OPT_OUT: '' }]])('%j leaves consent to the user', (env) => {
    expect(forcedOffByEnv(env, 'APP_TELEMETRY_OPT_OUT')).toBeUndefined();
  });
});
