/**
 * The shape of a telemetry catalog: every category, and every metric or event in it, is declared
 * here before it can be recorded (after Mozilla Glean's metrics.yaml). The typed API, the README's
 * "What we collect" table and the cardinality bounds are all derived from these declarations.
 */

/** How much a datum says about a person, after Glean's data categories. */
export type Sensitivity = 'low' | 'medium' | 'high';

/** The declared shape of one attribute value. Anything outside it is recorded as `other`. */
export type AttributeSpec =
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'string'; readonly maxLength: number }
  | { readonly type: 'number'; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean' };

/**
 * - `counter`: monotonic count (OTel Counter)
 * - `histogram`: distribution (OTel Histogram), with explicit `buckets`
 * - `gauge`: last value (OTel synchronous Gauge)
 * - `observable_gauge`: sampled at export time from a callback (OTel ObservableGauge)
 * - `event`: something that happened: counted (OTel Counter) and traced (a span with the attributes)
 */
export type InstrumentKind = 'counter' | 'histogram' | 'gauge' | 'observable_gauge' | 'event';

export interface MetricSpec {
  readonly kind: InstrumentKind;
  readonly description: string;
  /** UCUM unit: `ms`, `s`, `By`, `1`, `{activation}`. */
  readonly unit: string;
  readonly attributes: { readonly [key: string]: AttributeSpec };
  readonly sensitivity: Sensitivity;
  /** Histogram bucket boundaries. */
  readonly buckets?: readonly number[];
  /** Accepted value range; values outside are dropped with a diagnostic. */
  readonly range?: readonly [number, number];
  /**
   * When the metric stops being recorded unless someone reviews it again (after Glean): a date
   * `YYYY-MM-DD`, an app version `version:X.Y.Z` (expires once the app's `serviceVersion` reaches
   * it), or `never`, which needs an `expiresReason`.
   */
  readonly expires: string;
  readonly expiresReason?: string;
}

export interface CategorySpec {
  readonly description: string;
  readonly metrics: { readonly [name: string]: MetricSpec };
}

export type CatalogSpec = { readonly [category: string]: CategorySpec };

// ---- The typed API derived from a catalog -------------------------------------------------

type ValueOf<S> = S extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
  ? V
  : S extends { readonly type: 'string' }
    ? string
    : S extends { readonly type: 'number' }
      ? number
      : S extends { readonly type: 'boolean' }
        ? boolean
        : never;

/** The attributes a metric accepts: only its declared keys, each with its declared value type. */
export type AttributesOf<M extends MetricSpec> = {
  readonly [K in keyof M['attributes']]?: ValueOf<M['attributes'][K]>;
};

export interface CounterApi<M extends MetricSpec> {
  /** Adds `value` (default 1, must be >= 0). */
  add(value?: number, attributes?: AttributesOf<M>): void;
}
export interface HistogramApi<M extends MetricSpec> {
  record(value: number, attributes?: AttributesOf<M>): void;
}
export interface GaugeApi<M extends MetricSpec> {
  record(value: number, attributes?: AttributesOf<M>): void;
}
export interface ObservableGaugeApi {
  /** Sets the callback sampled at each export; returning undefined reports nothing. */
  observe(callback: () => number | undefined): void;
}
export interface EventApi<M extends MetricSpec> {
  emit(attributes?: AttributesOf<M>): void;
}

export type InstrumentApi<M extends MetricSpec> = M['kind'] extends 'counter'
  ? CounterApi<M>
  : M['kind'] extends 'histogram'
    ? HistogramApi<M>
    : M['kind'] extends 'gauge'
      ? GaugeApi<M>
      : M['kind'] extends 'observable_gauge'
        ? ObservableGaugeApi
        : EventApi<M>;

export type CategoryApi<C extends CategorySpec> = {
  readonly [M in keyof C['metrics']]: InstrumentApi<C['metrics'][M]>;
};

export type TelemetryApi<Cat extends CatalogSpec> = {
  readonly [K in keyof Cat]: CategoryApi<Cat[K]>;
};

/** Declares a catalog with its literal types kept, so the derived API knows every name. */
export function defineCatalog<const C extends CatalogSpec>(catalog: C): C {
  return catalog;
}
