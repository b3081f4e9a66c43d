import type { Attributes } from '@opentelemetry/api';
import type { AttributeSpec, MetricSpec } from '../catalog/types.js';
import { warnOnce } from '../diag.js';
import type { Scrubber } from '../redaction/scrubber.js';

/** What a value outside its declared shape is recorded as: the cardinality stays bounded. */
export const OTHER = 'other';

// Control characters and lone surrogates make a value binary, not a label.
const NON_TEXT = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Clean string values remembered per attribute; values repeat (feature names, operations). */
const CLEAN_VALUES_LIMIT = 256;

export type AttributeSanitizer = (input: unknown) => Attributes;

/**
 * Keeps only declared keys, maps every value onto its declared shape (or `other`) and scrubs
 * free-text values. Reads only the declared keys of the input, so cyclic or exotic objects are
 * harmless. Compiled once per instrument: the declared keys are listed once, and a free-text value
 * that came out unchanged before skips every check the next time (one that needed redaction goes
 * through the scrubber again, so it is counted again).
 */
export function attributeSanitizer(instrument: string, spec: MetricSpec, scrubber: Scrubber): AttributeSanitizer {
  const keys = Object.keys(spec.attributes);
  const specs = keys.map((k) => spec.attributes[k] as AttributeSpec);
  // An enum's values are clean by declaration: they take the same one-lookup path from the start.
  const clean = specs.map((s) => new Set<string>(s.type === 'enum' ? s.values : []));
  let calls = 0;
  return (input) => {
    const out: Attributes = {};
    if (input === undefined || input === null) return out;
    if (typeof input !== 'object') {
      warnOnce(`attrs-type:${instrument}`, `${instrument}: attributes must be an object, got ${typeof input}; recorded without attributes`);
      return out;
    }
    const given = input as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let value: unknown;
      try {
        value = given[key];
      } catch {
        value = undefined; // a throwing getter on the caller's object
      }
      if (value === undefined) continue;
      const known = clean[i]!;
      if (typeof value === 'string' && known.has(value)) {
        out[key] = value;
        continue;
      }
      const sanitized = sanitizeValue(instrument, key, specs[i]!, value, scrubber);
      if (sanitized === value && typeof value === 'string' && specs[i]!.type === 'string') {
        if (known.size >= CLEAN_VALUES_LIMIT) known.clear();
        known.add(value);
      }
      out[key] = sanitized;
    }
    // Undeclared keys are dropped on every call; looking for them to say so is a diagnostic, so
    // it runs on the first calls and then on one call in 64, off the hot path's every turn.
    if (calls < 16 || (calls & 63) === 0) reportUndeclared(instrument, spec, given);
    calls++;
    return out;
  };
}

/** One-off form of attributeSanitizer(), for callers off the hot path. */
export function sanitizeAttributes(instrument: string, spec: MetricSpec, input: unknown, scrubber: Scrubber): Attributes {
  return attributeSanitizer(instrument, spec, scrubber)(input);
}

function sanitizeValue(instrument: string, key: string, spec: AttributeSpec, value: unknown, scrubber: Scrubber): string | number | boolean {
  switch (spec.type) {
    case 'enum':
      if (typeof value === 'string' && spec.values.includes(value)) return value;
      break;
    case 'string':
      if (typeof value === 'string' && value.length > 0 && value.length <= spec.maxLength && !NON_TEXT.test(value)) {
        // Values repeat (feature names, operations): the scrubber remembers recent results, so a
        // value seen before costs a lookup, and a redacted one is still counted each time.
        return scrubber.scrubValue(key, value) as string;
      }
      break;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max)) {
        return value;
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
  }
  warnOnce(`attr-shape:${instrument}:${key}`, `${instrument}: value of attribute "${key}" is outside its declared shape; recorded as "${OTHER}"`);
  return OTHER;
}

function reportUndeclared(instrument: string, spec: MetricSpec, given: Record<string, unknown>): void {
  // for...in over the caller's object: no array of its keys is made on the hot path.
  try {
    for (const key in given) {
      if (!Object.prototype.hasOwnProperty.call(given, key) || Object.prototype.hasOwnProperty.call(spec.attributes, key)) continue;
      warnOnce(`attr-undeclared:${instrument}:${key.slice(0, 64)}`, `${instrument}: attribute "${key.slice(0, 64)}" is not declared in the catalog; dropped`);
    }
  } catch {
    // a proxy or exotic object that throws on enumeration: its declared keys were read already
  }
}
