import type { Attributes } from '@opentelemetry/api';
import { CATEGORY_ATTRIBUTE, type Catalog, type CatalogEntry } from '../catalog/catalog.js';
import { isExpired } from '../catalog/expiry.js';
import type { CatalogSpec, TelemetryApi } from '../catalog/types.js';
import type { Consent } from '../consent/consent.js';
import { reportError, warnOnce } from '../diag.js';
import type { Scrubber } from '../redaction/scrubber.js';
import { attributeSanitizer } from './attributes.js';
import { EVENT_SPAN_KIND, type Instruments } from './instruments.js';

const noop = (): void => {};
const NOOP_INSTRUMENT = Object.freeze({ add: noop, record: noop, emit: noop, observe: noop });

/**
 * Builds `telemetry.metrics.<category>.<metric>` from the catalog. Every method checks consent
 * first (a property read), validates its input, and never throws: bad input is dropped with a
 * diagnostic. Unknown names from plain-JS callers get a no-op instead of a TypeError.
 */
export function createTelemetryApi<C extends CatalogSpec>(catalog: Catalog, consent: Consent, instruments: Instruments, scrubber: Scrubber, appVersion?: string, now = new Date()): TelemetryApi<C> {
  const categories: Record<string, Record<string, unknown>> = {};
  for (const entry of catalog.entries) {
    const cat = (categories[entry.category] ??= {});
    cat[entry.metric] = Object.freeze(isExpired(entry.spec, now, appVersion) ? expiredApi(entry) : instrumentApi(entry, consent, instruments, scrubber));
  }
  const api: Record<string, unknown> = Object.create(fallback('telemetry.metrics', (prop) => Object.create(fallback(`unknown category "${prop}"`, () => NOOP_INSTRUMENT))));
  for (const [name, metrics] of Object.entries(categories)) {
    api[name] = Object.freeze(Object.assign(Object.create(fallback(`category "${name}"`, () => NOOP_INSTRUMENT)), metrics));
  }
  return Object.freeze(api) as TelemetryApi<C>;
}

/**
 * Declared names are own properties, found without a trap; only a miss (an unknown name from a
 * plain-JS caller) reaches this Proxy on the prototype chain, which warns and returns a no-op.
 */
function fallback(what: string, make: (prop: string) => unknown): object {
  return new Proxy(Object.create(null), {
    get(_t, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined; // keep await/JSON.stringify sane
      warnOnce(`unknown-name:${what}:${prop.slice(0, 64)}`, `${what} has no "${prop.slice(0, 64)}" in the catalog; call ignored`);
      return make(prop);
    },
  });
}

/** An expired metric records nothing until someone reviews it and moves its expiry. */
function expiredApi(entry: CatalogEntry): Record<string, unknown> {
  const warn = (): void => warnOnce(`expired:${entry.instrument}`, `${entry.instrument} expired (${entry.spec.expires}); it records nothing until its declaration is reviewed`);
  return { add: warn, record: warn, emit: warn, observe: warn };
}

function instrumentApi(entry: CatalogEntry, consent: Consent, instruments: Instruments, scrubber: Scrubber): Record<string, unknown> {
  const { category, instrument, spec } = entry;
  const granted = (): boolean => consent.isGranted(category);
  const slot = instruments.slot(instrument);
  const sanitize = attributeSanitizer(instrument, spec, scrubber);
  const checkValue = (value: unknown, allowNegative: boolean): value is number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (!allowNegative && value < 0)) {
      warnOnce(`value:${instrument}`, `${instrument}: value must be a finite number${allowNegative ? '' : ' >= 0'}; dropped`);
      return false;
    }
    if (spec.range && (value < spec.range[0] || value > spec.range[1])) {
      warnOnce(`range:${instrument}`, `${instrument}: value outside ${spec.range[0]}..${spec.range[1]}; dropped`);
      return false;
    }
    return true;
  };

  switch (spec.kind) {
    case 'counter':
      return {
        add(value: unknown = 1, attributes?: unknown): void {
          if (!granted()) return;
          try {
            if (!checkValue(value, false)) return;
            (slot.current as { add(v: number, a: Attributes): void } | undefined)?.add(value, sanitize(attributes));
          } catch (error) {
            reportError(`${instrument}.add`, error);
          }
        },
      };
    case 'histogram':
    case 'gauge':
      return {
        record(value: unknown, attributes?: unknown): void {
          if (!granted()) return;
          try {
            if (!checkValue(value, spec.kind === 'gauge')) return;
            (slot.current as { record(v: number, a: Attributes): void } | undefined)?.record(value, sanitize(attributes));
          } catch (error) {
            reportError(`${instrument}.record`, error);
          }
        },
      };
    case 'observable_gauge':
      return {
        observe(callback: unknown): void {
          if (typeof callback !== 'function') {
            warnOnce(`observe:${instrument}`, `${instrument}.observe needs a function; ignored`);
            return;
          }
          instruments.setCallback(instrument, callback as () => number | undefined);
        },
      };
    case 'event':
      return {
        emit(attributes?: unknown): void {
          if (!granted()) return;
          try {
            const clean = sanitize(attributes);
            (slot.current as { add(v: number, a: Attributes): void } | undefined)?.add(1, clean);
            instruments.tracer?.startSpan(`${category}.${entry.metric}`, { kind: EVENT_SPAN_KIND, attributes: { ...clean, [CATEGORY_ATTRIBUTE]: category } }).end();
          } catch (error) {
            reportError(`${instrument}.emit`, error);
          }
        },
      };
  }
}
