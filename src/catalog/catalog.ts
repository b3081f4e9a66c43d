import { CatalogDeclarationError } from './declaration-error.js';
import { builtinCatalog } from './builtin.js';
import { expiryProblem } from './expiry.js';
import type { AttributeSpec, CatalogSpec, MetricSpec } from './types.js';

/** Prefix of every instrument optel declares, so its series are easy to find and to filter. */
const INSTRUMENT_PREFIX = 'optel';

/** The attribute that tells which category a span belongs to (consent is granted per category). */
export const CATEGORY_ATTRIBUTE = 'optel.category';

const IDENT = /^[a-z][a-z0-9_]{0,39}$/;
const KINDS = new Set(['counter', 'histogram', 'gauge', 'observable_gauge', 'event']);
const SENSITIVITIES = new Set(['low', 'medium', 'high']);

/** One declared metric with where it lives: the unit of everything derived from the catalog. */
export interface CatalogEntry {
  readonly category: string;
  readonly metric: string;
  /** OTel instrument name, e.g. `optel.feature_usage.activations`. */
  readonly instrument: string;
  readonly spec: MetricSpec;
}

/** A validated catalog: the built-in categories plus the app's own. */
export class Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly categories: readonly string[];
  private readonly byInstrument: ReadonlyMap<string, CatalogEntry>;

  constructor(readonly spec: CatalogSpec) {
    const entries: CatalogEntry[] = [];
    for (const [category, cat] of Object.entries(spec)) {
      for (const [metric, m] of Object.entries(cat.metrics)) {
        entries.push({ category, metric, instrument: instrumentName(category, metric), spec: m });
      }
    }
    this.entries = entries;
    this.categories = Object.keys(spec);
    this.byInstrument = new Map(entries.map((e) => [e.instrument, e]));
  }

  /** The category an exported instrument belongs to; HTTP instrumentation counts as performance. */
  categoryOfInstrument(name: string): string | undefined {
    const entry = this.byInstrument.get(name);
    if (entry) return entry.category;
    if (name.startsWith('http.')) return 'performance';
    return undefined;
  }
}

export function instrumentName(category: string, metric: string): string {
  return `${INSTRUMENT_PREFIX}.${category}.${metric}`;
}

/** Merges the app's domain categories into the built-in ones, validating every declaration. */
export function buildCatalog(appCatalog: unknown, option = 'catalog'): Catalog {
  if (appCatalog === undefined) return new Catalog(builtinCatalog);
  if (!isPlainObject(appCatalog)) throw new CatalogDeclarationError(option, appCatalog, 'an object of category declarations (see defineCatalog)');
  for (const name of Object.keys(appCatalog)) {
    if (Object.prototype.hasOwnProperty.call(builtinCatalog, name)) {
      throw new CatalogDeclarationError(`${option}.${name}`, name, `a new category name; "${name}" is built in`);
    }
  }
  const merged = { ...builtinCatalog, ...(appCatalog as CatalogSpec) };
  validateCatalog(appCatalog, option);
  return new Catalog(merged);
}

function validateCatalog(catalog: unknown, option: string): asserts catalog is CatalogSpec {
  if (!isPlainObject(catalog)) throw new CatalogDeclarationError(option, catalog, 'an object of category declarations');
  for (const [category, cat] of Object.entries(catalog)) {
    const at = `${option}.${category}`;
    if (!IDENT.test(category)) throw new CatalogDeclarationError(at, category, 'a snake_case category name (a-z, 0-9, _; at most 40)');
    if (!isPlainObject(cat)) throw new CatalogDeclarationError(at, cat, 'an object with description and metrics');
    if (typeof cat.description !== 'string' || cat.description.length === 0) {
      throw new CatalogDeclarationError(`${at}.description`, cat.description, 'a non-empty string');
    }
    if (!isPlainObject(cat.metrics) || Object.keys(cat.metrics).length === 0) {
      throw new CatalogDeclarationError(`${at}.metrics`, cat.metrics, 'an object with at least one metric declaration');
    }
    for (const [metric, m] of Object.entries(cat.metrics)) validateMetric(`${at}.metrics.${metric}`, metric, m);
  }
}

function validateMetric(at: string, name: string, m: unknown): void {
  if (!IDENT.test(name)) throw new CatalogDeclarationError(at, name, 'a snake_case metric name (a-z, 0-9, _; at most 40)');
  if (!isPlainObject(m)) throw new CatalogDeclarationError(at, m, 'a metric declaration object');
  if (typeof m.kind !== 'string' || !KINDS.has(m.kind)) throw new CatalogDeclarationError(`${at}.kind`, m.kind, [...KINDS].join(' | '));
  if (typeof m.description !== 'string' || m.description.length === 0) throw new CatalogDeclarationError(`${at}.description`, m.description, 'a non-empty string');
  if (typeof m.unit !== 'string' || m.unit.length === 0 || m.unit.length > 63) throw new CatalogDeclarationError(`${at}.unit`, m.unit, 'a UCUM unit such as "ms", "s", "By", "1" or "{item}"');
  if (typeof m.sensitivity !== 'string' || !SENSITIVITIES.has(m.sensitivity)) throw new CatalogDeclarationError(`${at}.sensitivity`, m.sensitivity, 'low | medium | high');
  const expiry = expiryProblem(m as unknown as MetricSpec);
  if (expiry) throw new CatalogDeclarationError(m.expires === 'never' ? `${at}.expiresReason` : `${at}.expires`, m.expires === 'never' ? m.expiresReason : m.expires, expiry);
  if (!isPlainObject(m.attributes)) throw new CatalogDeclarationError(`${at}.attributes`, m.attributes, 'an object of attribute declarations ({} for none)');
  if (m.kind === 'observable_gauge' && Object.keys(m.attributes).length > 0) {
    throw new CatalogDeclarationError(`${at}.attributes`, m.attributes, '{} (observable gauges take no attributes)');
  }
  for (const [key, spec] of Object.entries(m.attributes)) validateAttribute(`${at}.attributes.${key}`, key, spec);
  if (m.buckets !== undefined) {
    const b = m.buckets;
    if (!Array.isArray(b) || b.length === 0 || !b.every((x, i) => Number.isFinite(x) && (i === 0 || x > (b[i - 1] as number)))) {
      throw new CatalogDeclarationError(`${at}.buckets`, b, 'a non-empty array of increasing finite numbers');
    }
  }
  if (m.range !== undefined) {
    const r = m.range;
    if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || (r[0] as number) > (r[1] as number)) {
      throw new CatalogDeclarationError(`${at}.range`, r, '[min, max] with finite numbers, min <= max');
    }
  }
}

function validateAttribute(at: string, key: string, spec: unknown): void {
  if (!/^[a-z][a-z0-9_.]{0,63}$/.test(key)) throw new CatalogDeclarationError(at, key, 'a lower-case attribute key (a-z, 0-9, _, .)');
  if (!isPlainObject(spec)) throw new CatalogDeclarationError(at, spec, 'an attribute declaration object');
  const s = spec as Partial<AttributeSpec> & Record<string, unknown>;
  switch (s.type) {
    case 'enum':
      if (!Array.isArray(s.values) || s.values.length === 0 || s.values.length > 200 || !s.values.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 64)) {
        throw new CatalogDeclarationError(`${at}.values`, s.values, 'a non-empty array of at most 200 strings of 1..64 characters');
      }
      return;
    case 'string':
      if (!Number.isInteger(s.maxLength) || (s.maxLength as number) < 1 || (s.maxLength as number) > 256) {
        throw new CatalogDeclarationError(`${at}.maxLength`, s.maxLength, 'an integer from 1 to 256');
      }
      return;
    case 'number':
    case 'boolean':
      return;
    default:
      throw new CatalogDeclarationError(`${at}.type`, s.type, 'enum | string | number | boolean');
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
