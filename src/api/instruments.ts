import type { Counter, Gauge, Histogram, Meter, Tracer } from '@opentelemetry/api';
import { SPAN_KIND_INTERNAL } from '../otel-api.js';
import type { Catalog, CatalogEntry } from '../catalog/catalog.js';

export type SyncInstrument = Counter | Histogram | Gauge;

/**
 * The OTel instruments behind the catalog. They exist only once the SDK has started, that is once
 * some consent was granted; before that every recording call returns at the consent check.
 */
/** Counts kept in the process by one attribute value, reported as a total at each collection. */
interface Tally {
  readonly attribute: string;
  readonly counts: Map<string, number>;
}

/** Where one catalog instrument's current OTel instrument is: read with one property load on the hot path. */
export interface InstrumentSlot {
  current: SyncInstrument | undefined;
}

export class Instruments {
  private readonly sync = new Map<string, SyncInstrument>();
  private readonly slots = new Map<string, InstrumentSlot>();
  private readonly callbacks = new Map<string, () => number | undefined>();
  private readonly tallies = new Map<string, Tally>();
  private tracerRef: Tracer | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly isGranted: (category: string) => boolean,
  ) {}

  get tracer(): Tracer | undefined {
    return this.tracerRef;
  }

  attach(meter: Meter, tracer: Tracer): void {
    this.tracerRef = tracer;
    for (const entry of this.catalog.entries) this.create(meter, entry);
    for (const [instrument, slot] of this.slots) slot.current = this.sync.get(instrument);
  }

  get(instrument: string): SyncInstrument | undefined {
    return this.sync.get(instrument);
  }

  /** A stable slot for the instrument, filled on attach() (each SDK start creates new instruments). */
  slot(instrument: string): InstrumentSlot {
    let slot = this.slots.get(instrument);
    if (!slot) this.slots.set(instrument, (slot = { current: this.sync.get(instrument) }));
    return slot;
  }

  /**
   * A counter counted on a hot path (a redaction per scrubbed value): each increment adds to a
   * number in a map, while its category is granted, and an observable counter reports the totals
   * at each collection, so no increment pays for a recording call. Call before attach().
   */
  tally(instrument: string, attribute: string): (value: string, count: number) => void {
    const entry = this.catalog.entries.find((e) => e.instrument === instrument);
    if (!entry || entry.spec.kind !== 'counter') throw new Error(`optel: ${instrument} is not a catalog counter`);
    const tally: Tally = { attribute, counts: new Map() };
    this.tallies.set(instrument, tally);
    const { category } = entry;
    return (value, count) => {
      if (!this.isGranted(category)) return;
      tally.counts.set(value, (tally.counts.get(value) ?? 0) + count);
    };
  }

  /** Sets the callback of an observable gauge; it is sampled only while its category is granted. */
  setCallback(instrument: string, callback: () => number | undefined): void {
    this.callbacks.set(instrument, callback);
  }

  private create(meter: Meter, entry: CatalogEntry): void {
    const { spec, instrument } = entry;
    const options = { description: spec.description, unit: spec.unit };
    const tally = this.tallies.get(instrument);
    if (tally) {
      // Monotonic totals: with the delta preference the SDK reports what was added since the last export.
      meter.createObservableCounter(instrument, options).addCallback((result) => {
        if (!this.isGranted(entry.category)) return;
        for (const [value, total] of tally.counts) result.observe(total, { [tally.attribute]: value });
      });
      return;
    }
    switch (spec.kind) {
      case 'counter':
      case 'event':
        this.sync.set(instrument, meter.createCounter(instrument, options));
        break;
      case 'histogram':
        this.sync.set(instrument, meter.createHistogram(instrument, {
          ...options,
          ...(spec.buckets ? { advice: { explicitBucketBoundaries: [...spec.buckets] } } : {}),
        }));
        break;
      case 'gauge':
        this.sync.set(instrument, meter.createGauge(instrument, options));
        break;
      case 'observable_gauge': {
        meter.createObservableGauge(instrument, options).addCallback((result) => {
          if (!this.isGranted(entry.category)) return;
          const cb = this.callbacks.get(instrument);
          if (!cb) return;
          let value: number | undefined;
          try {
            value = cb();
          } catch {
            return; // an app callback that throws reports nothing this round
          }
          if (typeof value === 'number' && Number.isFinite(value)) result.observe(value);
        });
        break;
      }
    }
  }
}

export const EVENT_SPAN_KIND = SPAN_KIND_INTERNAL;
