import { describe, expect, it } from 'vitest';
import { OptelConfigError } from '../../src/config/errors.js';
import { resolveConfig } from '../../src/config/options.js';

function error(options: unknown): OptelConfigError {
  try {
    resolveConfig(options);
  } catch (e) {
    expect(e).toBeInstanceOf(OptelConfigError);
    return e as OptelConfigError;
  }
  throw new Error('expected resolveConfig to throw');
}

describe('resolveConfig', () => {
  it('sends in clear text only to this machine, unless the app opts in by name', () => {
    for (const endpoint of ['http://localhost:4318', 'http://127.0.0.1:4318', 'http://[::1]:4318', 'https://collector.example.com']) {
      expect(resolveConfig({ serviceName: 'a', endpoint, env: {} }).endpoint).toBe(endpoint);
    }
    expect(resolveConfig({ serviceName: 'a', endpoint: 'http://collector.lan:4318', allowInsecureEndpoint: true, env: {} }).endpoint).toBe('http://collector.lan:4318');
    // A Prometheus pull endpoint sends nothing anywhere.
    expect(resolveConfig({ serviceName: 'a', exporter: 'prometheus', endpoint: 'http://collector.lan:4318', env: {} }).exporter).toBe('prometheus');
  });

  it('fills documented defaults', () => {
    const c = resolveConfig({ serviceName: 'app', env: {} });
    expect(c).toMatchObject({
      serviceName: 'app',
      appName: 'app',
      exporter: 'otlp',
      endpoint: 'http://localhost:4318',
      tracesUrl: 'http://localhost:4318/v1/traces',
      metricsUrl: 'http://localhost:4318/v1/metrics',
      prometheus: { host: '127.0.0.1', port: 9464 },
      optOutVariable: 'APP_TELEMETRY_OPT_OUT',
      instrumentHttp: true,
      anonymousId: false,
      exportIntervalMs: 60_000,
      maxQueueSize: 2048,
      traceSampleRatio: 1,
    });
    expect(c.consentFile).toMatch(/app[/\\]optel-consent\.json$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads OTEL_* and OPTEL_* variables when the option is not given, options winning', () => {
    const env = { OTEL_SERVICE_NAME: 'from-env', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:5555/', OTEL_METRIC_EXPORT_INTERVAL: '1500', OPTEL_EXPORTER: 'prometheus', OPTEL_CONSENT_FILE: '/tmp/c.json' };
    expect(resolveConfig({ env })).toMatchObject({ serviceName: 'from-env', endpoint: 'http://127.0.0.1:5555', exportIntervalMs: 1500, exporter: 'prometheus', consentFile: '/tmp/c.json' });
    expect(resolveConfig({ env, serviceName: 'opt', exporter: 'otlp' })).toMatchObject({ serviceName: 'opt', exporter: 'otlp' });
    expect(resolveConfig({ serviceName: 'a', env: { OTEL_TRACES_SAMPLER_ARG: '0.1' } }).traceSampleRatio).toBe(0.1);
    expect(resolveConfig({ serviceName: 'a', traceSampleRatio: 0.25, env: { OTEL_TRACES_SAMPLER_ARG: '0.1' } }).traceSampleRatio).toBe(0.25);
  });

  it.each([
    [{ env: {} }, 'serviceName', /a service name \(or OTEL_SERVICE_NAME\)/],
    [{ serviceName: 'has space', env: {} }, 'serviceName', /"has space"/],
    [{ serviceName: 'a', exporter: 'zipkin', env: {} }, 'exporter', /"otlp" or "prometheus"/],
    [{ serviceName: 'a', endpoint: 'ftp://x', env: {} }, 'endpoint', /http:\/\/ or https:\/\//],
    [{ serviceName: 'a', endpoint: 'http://u:p@host', env: {} }, 'endpoint', /without user:password/],
    [{ serviceName: 'a', outbox: { maxBytes: 10 }, env: {} }, 'outbox.maxBytes', /integer from 65536/],
    [{ serviceName: 'a', outbox: 'big', env: {} }, 'outbox', /maxBytes/],
    [{ serviceName: 'a', endpoint: 'http://collector.example.com:4318', env: {} }, 'endpoint', /https:\/\/ URL.*allowInsecureEndpoint: true/],
    [{ serviceName: 'a', env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://10.0.0.5:4318' } }, 'OTEL_EXPORTER_OTLP_ENDPOINT', /allowInsecureEndpoint/],
    [{ serviceName: 'a', endpoint: 'https://c.example.com', allowInsecureEndpoint: 'maybe', env: {} }, 'allowInsecureEndpoint', /true or false/],
    [{ serviceName: 'a', exportIntervalMs: 5, env: {} }, 'exportIntervalMs', /integer from 100/],
    [{ serviceName: 'a', maxQueueSize: 1.5, env: {} }, 'maxQueueSize', /integer/],
    [{ serviceName: 'a', traceSampleRatio: 1.5, env: {} }, 'traceSampleRatio', /number from 0 to 1/],
    [{ serviceName: 'a', env: { OTEL_TRACES_SAMPLER_ARG: 'ten percent' } }, 'OTEL_TRACES_SAMPLER_ARG', /"ten percent"/],
    [{ serviceName: 'a', instrumentHttp: 'maybe', env: {} }, 'instrumentHttp', /true or false/],
    [{ serviceName: 'a', prometheus: { port: 70000 }, env: {} }, 'prometheus.port', /0 to 65535/],
    [{ serviceName: 'a', optOutEnv: 'no spaces', env: {} }, 'optOutEnv', /environment variable name/],
    [{ serviceName: 'a', colour: 'blue', env: {} }, 'colour', /a known option/],
    [{ serviceName: 'a', redaction: { extraDetectors: [{ name: 'x', pattern: /x/ }] }, env: {} }, 'redaction.extraDetectors[0].pattern', /g flag/],
    [{ serviceName: 'a', env: { OTEL_METRIC_EXPORT_INTERVAL: 'soon' } }, 'OTEL_METRIC_EXPORT_INTERVAL', /"soon"/],
    [{ serviceName: 'a', env: { OPTEL_EXPORTER: 'jaeger' } }, 'OPTEL_EXPORTER', /"jaeger"/],
    [{ serviceName: 'a', catalog: { feature_usage: {} }, env: {} }, 'catalog.feature_usage', /built in/],
    [{ serviceName: 'a', catalog: { strategy: { description: 'd', metrics: { created: { kind: 'meter' } } } }, env: {} }, 'catalog.strategy.metrics.created.kind', /counter \| histogram/],
  ])('rejects %j naming %s', (options, option, accepted) => {
    const e = error(options);
    expect(e.option).toBe(option);
    expect(e.message).toContain(`"${option}"`);
    expect(e.message).toMatch(accepted);
  });

  it('rejects a non-object', () => {
    expect(error('app').option).toBe('options');
  });
});
