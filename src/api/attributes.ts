import type { Attributes } from '@opentelemetry/api';
import type { AttributeSpec, MetricSpec } from '../catalog/types.js';
import { warnOnce } from '../diag.js';
import type { Scrubber } from '../redaction/scrubber.js';

/** What a value outside its declared shape is recorded as: the cardinality stays bounded. */
export const OTHER = 'other';

// Control characters and lone surrogates make a value binary, not a label.
const NON_TEXT = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Attribute values repeat (feature names, operations): remember the ones the scrubber left
 * unchanged so the hot path scans each distinct clean value once. Values that needed redaction
 * are not cached, so the redaction counter still counts every occurrence.
 */
const CLEAN_CACHE_LIMIT = 4096;
const cleanByScrubber = new WeakMap<Scrubber, Set<string>>();

function scrubbed(key: string, value: string, scrubber: Scrubber): string {
  let cleanValues = cleanByScrubber.get(scrubber);
  if (!cleanValues) cleanByScrubber.set(scrubber, (cleanValues = new Set()));
  const cacheKey = `${key}\u0000${value}`;
  if (cleanValues.has(cacheKey)) return value;
  const out = scrubber.scrubValue(key, value) as string;
  if (out === value) {
    if (cleanValues.size >= CLEAN_CACHE_LIMIT) cleanValues.clear();
    cleanValues.add(cacheKey);
  }
  return out;
}

/**
 * Keeps only declared keys, maps every value onto its declared shape (or `other`) and scrubs
 * free-text values. Reads only the declared keys of the input, so cyclic or exotic objects are
 * harmless.
 */
export function sanitizeAttributes(instrument: string, spec: MetricSpec, input: unknown, scrubber: Scrubber): Attributes {
  const out: Attributes = {};
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object') {
    warnOnce(`attrs-type:${instrument}`, `${instrument}: attributes must be an object, got ${typeof input}; recorded without attributes`);
    return out;
  }
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(spec.attributes)) {
    let value: unknown;
    try {
      value = given[key];
    } catch {
      value = undefined; // a throwing getter on the caller's object
    }
    if (value === undefined) continue;
    out[key] = sanitizeValue(instrument, key, spec.attributes[key] as AttributeSpec, value, scrubber);
  }
  reportUndeclared(instrument, spec, given);
  return out;
}

function sanitizeValue(instrument: string, key: string, spec: AttributeSpec, value: unknown, scrubber: Scrubber): string | number | boolean {
  switch (spec.type) {
    case 'enum':
      if (typeof value === 'string' && spec.values.includes(value)) return value;
      break;
    case 'string':
      if (typeof value === 'string' && value.length > 0 && value.length <= spec.maxLength && !NON_TEXT.test(value)) {
        return scrubbed(key, value, scrubber);
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
  let keys: string[];
  try {
    keys = Object.keys(given);
  } catch {
    return;
  }
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(spec.attributes, key)) {
      warnOnce(`attr-undeclared:${instrument}:${key.slice(0, 64)}`, `${instrument}: attribute "${key.slice(0, 64)}" is not declared in the catalog; dropped`);
    }
  }
}
