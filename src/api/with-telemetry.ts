import type { Span } from '@opentelemetry/api';
import { otelApi, SPAN_STATUS_ERROR } from '../otel-api.js';
import { CATEGORY_ATTRIBUTE } from '../catalog/catalog.js';
import type { Consent } from '../consent/consent.js';
import { describe, reportError, warnOnce } from '../diag.js';
import type { Instruments } from './instruments.js';
import type { TelemetryApi } from '../catalog/types.js';
import type { BuiltinCatalog } from '../catalog/builtin.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}$/;

export type WithTelemetry = <F extends (...args: never[]) => unknown>(name: string, fn: F) => F;

/**
 * Wraps a function (sync or async) to record its use (feature_usage.activations), its duration
 * and outcome (performance.operation_duration, a span) and its errors (errors.errors), like the
 * seeds' metrics decorator. The app's own return values and errors pass through unchanged.
 */
export function createWithTelemetry(metrics: TelemetryApi<BuiltinCatalog>, consent: Consent, instruments: Instruments): WithTelemetry {
  return function withTelemetry<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
    if (typeof fn !== 'function') {
      warnOnce('withTelemetry:fn', 'withTelemetry(name, fn) needs a function; returned the value unchanged');
      return fn;
    }
    let label = name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      warnOnce(`withTelemetry:name:${describe(name, 40)}`, 'withTelemetry: name must be 1..64 characters of letters, digits, space . _ : / -; recorded as "other"');
      label = 'other';
    }
    const wrapped = function (this: unknown, ...args: never[]): unknown {
      const perf = consent.isGranted('performance');
      if (!perf && !consent.isGranted('feature_usage') && !consent.isGranted('errors')) return fn.apply(this, args);
      const start = performance.now();
      let span: Span | undefined;
      try {
        metrics.feature_usage.activations.add(1, { feature: label });
        if (perf) span = instruments.tracer?.startSpan(label, { attributes: { [CATEGORY_ATTRIBUTE]: 'performance', 'optel.operation': label } });
      } catch (error) {
        reportError('withTelemetry start', error);
      }
      const finish = (error: unknown, failed: boolean): void => {
        try {
          metrics.performance.operation_duration.record(performance.now() - start, { operation: label, outcome: failed ? 'failure' : 'success' });
          if (failed) {
            metrics.errors.errors.add(1, { type: errorType(error), severity: 'error', feature: label });
            if (span) {
              span.recordException(error instanceof Error ? error : describe(error, 4096));
              span.setStatus({ code: SPAN_STATUS_ERROR, message: error instanceof Error ? describe(error.message, 4096) : describe(error, 4096) });
            }
          }
          span?.end();
        } catch (e) {
          reportError('withTelemetry finish', e);
        }
      };
      let result: unknown;
      try {
        const { context, trace } = otelApi();
        result = span ? context.with(trace.setSpan(context.active(), span), () => fn.apply(this, args)) : fn.apply(this, args);
      } catch (error) {
        finish(error, true);
        throw error;
      }
      // Only a native Promise is followed to its end (its chain settles exactly as it would).
      // Anything else that merely looks like one (a thenable, a Proxy) goes back untouched: its
      // `then` may be a getter that throws, or return something else.
      const chained = followPromise(result, finish);
      if (chained !== undefined) return chained;
      finish(undefined, false);
      return result;
    };
    try {
      Object.defineProperty(wrapped, 'name', { value: fn.name, configurable: true });
    } catch {
      // a function whose name cannot be read (a Proxy): the wrapper keeps its own
    }
    return wrapped as unknown as F;
  };
}

/** A bounded label for an error: its class name, never its message. */
export function errorType(error: unknown): string {
  if (error instanceof Error) return (error.constructor?.name || error.name || 'Error').slice(0, 64);
  if (error === null) return 'null';
  return typeof error;
}

/** The promise the host gets back for a native Promise result, or undefined for anything else. */
function followPromise(result: unknown, finish: (error: unknown, failed: boolean) => void): Promise<unknown> | undefined {
  try {
    if (!(result instanceof Promise) || Object.getPrototypeOf(result) !== Promise.prototype) return undefined;
    return Promise.prototype.then.call(
      result,
      (value) => {
        finish(undefined, false);
        return value;
      },
      (error: unknown) => {
        finish(error, true);
        throw error;
      },
    );
  } catch {
    return undefined; // a Proxy whose traps throw: handed back as it came
  }
}
