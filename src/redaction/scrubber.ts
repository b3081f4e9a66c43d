import { diagnostic } from '../diag.js';
import { builtinDetectors, type Detector } from './detectors.js';
import { measureShape, type TextShape } from './text-shape.js';
import { NeedleIndex } from './needle-index.js';
import { defaultSensitiveKeyPattern } from './sensitive-keys.js';

export interface ScrubberOptions {
  detectors?: readonly Detector[]; // default builtinDetectors
  sensitiveKeyPattern?: RegExp; // default defaultSensitiveKeyPattern
  onRedaction?: (detector: string, count: number) => void; // called once per detector per scrubbed value with how many matches it replaced
  /**
   * How many recent values (of up to 256 characters) to remember with their result, so a value
   * seen again (an HTTP route, a host name, an error message) is not scanned again. Default 1024;
   * 0 turns it off (a stream of distinct lines, as `optel redact` reads, gains nothing from it).
   */
  cacheSize?: number;
}

/** A remembered result: the clean value itself, or the scrubbed text and what was reported for it. */
type CachedResult = string | { readonly out: string; readonly reports: readonly (string | number)[] };
const CACHE_MAX_LENGTH = 256;
const DEFAULT_CACHE_SIZE = 1024;

const REDACTED = '[REDACTED]';
const SENSITIVE_KEY_DETECTOR = 'sensitive_key';

// No built-in detector can match fewer characters than this ("::1" aside,
// which is not personal data), so shorter strings skip all the work.
/**
 * Longer values are cut before they are scanned: one 10 MB error message would otherwise block the
 * event loop for seconds, and nothing that long is useful telemetry.
 */
export const MAX_SCAN_LENGTH = 16 * 1024;
const TRUNCATED = ' [TRUNCATED]';

/** Cut at the last whitespace near the bound, so no token is split into a shorter, unrecognisable piece. */
function bound(text: string): string {
  const space = text.slice(MAX_SCAN_LENGTH - 256, MAX_SCAN_LENGTH).search(/\s\S*$/);
  const cut = space >= 0 ? MAX_SCAN_LENGTH - 256 + space : MAX_SCAN_LENGTH;
  return `${text.slice(0, cut)}${TRUNCATED}`;
}

const MIN_SCRUB_LENGTH = 6;

// Attribute keys are low-cardinality, so key decisions are memoised; the cap
// only guards against callers that put unbounded data into keys.
const KEY_CACHE_LIMIT = 4096;

const CAMEL_HUMP = /([a-z0-9])([A-Z])/g;
const HAS_CAMEL_HUMP = /[a-z0-9][A-Z]/;

interface CompiledDetector {
  readonly detector: Detector;
  readonly name: string;
  readonly pattern: RegExp;
  /**
   * Pre-check: the bit of this detector's needles in the scrubber's NeedleIndex (one scan per value
   * for every detector), or a regular expression for a custom `requires` regex, or none.
   */
  readonly needleBit: number;
  readonly requires: RegExp | undefined;
  /** The detector's shape needs as one complete record (0 where none), so the check is five comparisons. */
  readonly needs: Readonly<TextShape>;
  readonly marker: string;
  /** Matches replaced during the current `replace` call; a field rather than a closure variable so the replacer is allocated once. */
  hits: number;
  warned: boolean;
  readonly needsGroups: boolean;
  /** The replacement for one match, or the match itself when `validate` rejects it. */
  replacer: (match: string, groups: readonly (string | undefined)[], text: string, index: number) => string;
}

function compile(detector: Detector, needleBit: number): CompiledDetector {
  // A private copy: lastIndex is shared mutable state, and the same detector
  // objects may be used by other Scrubbers or by callers directly. Adding 'g'
  // also makes a custom non-global pattern replace every occurrence.
  const flags = detector.pattern.flags.includes('g') ? detector.pattern.flags : `${detector.pattern.flags}g`;
  const pattern = new RegExp(detector.pattern.source, flags);
  const req = detector.requires;
  const c: CompiledDetector = {
    detector,
    name: detector.name,
    pattern,
    needleBit,
    requires: compileRequires(req, needleBit),
    needs: {
      digits: detector.needs?.digits ?? 0,
      digitGroup: detector.needs?.digitGroup ?? 0,
      longestRun: detector.needs?.longestRun ?? 0,
      colons: detector.needs?.colons ?? 0,
      dots: detector.needs?.dots ?? 0,
    },
    marker: `[REDACTED:${detector.name}]`,
    hits: 0,
    warned: false,
    needsGroups: detector.validate !== undefined || detector.replace !== undefined,
    replacer: () => '',
  };
  const { validate, replace } = detector;
  c.replacer = (match: string, groups: readonly (string | undefined)[], text: string, index: number): string => {
    if (validate !== undefined && !validate(match, groups, text.slice(index > CONTEXT ? index - CONTEXT : 0, index))) return match;
    c.hits++;
    return replace !== undefined ? String(replace(match, groups)) : c.marker;
  };
  return c;
}

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\/-]/g;

/** Literal needles (at most 31 detectors with them) go to the NeedleIndex; a regex `requires` stays one. */
function needlesOf(req: Detector['requires']): readonly string[] | undefined {
  if (req === undefined || req instanceof RegExp) return undefined;
  const list = typeof req === 'string' ? [req] : req;
  return list.every((n) => n.length > 0) ? list : undefined;
}

function compileRequires(req: Detector['requires'], needleBit: number): RegExp | undefined {
  if (req === undefined || needleBit !== 0) return undefined;
  // Stateless copy: with 'g' or 'y', test() would resume from the previous call's lastIndex.
  if (req instanceof RegExp) return new RegExp(req.source, req.flags.replace(/[gy]/g, ''));
  const list = typeof req === 'string' ? [req] : req;
  // An empty list can never be satisfied; a regex that never matches says so without a special case.
  if (list.length === 0) return /(?!)/;
  return new RegExp(list.map((n) => n.replace(REGEX_SPECIALS, '\\$&')).join('|'));
}

function satisfies(shape: TextShape, needs: Readonly<TextShape>): boolean {
  return (
    shape.digits >= needs.digits &&
    shape.digitGroup >= needs.digitGroup &&
    shape.longestRun >= needs.longestRun &&
    shape.colons >= needs.colons &&
    shape.dots >= needs.dots
  );
}

const NO_GROUPS: readonly (string | undefined)[] = [];
/** How much text before a match a validator sees (Detector.validate's `before`). */
const CONTEXT = 48;

/**
 * Every match of the detector in `text` replaced, or `text` itself when no match was kept.
 * One exec() scan finds, validates and replaces: a test() first and then replace() would scan
 * every value that matches twice, and most matches on ordinary text (hex ids, versions) are
 * rejected by validate.
 */
function applyDetector(c: CompiledDetector, text: string): string {
  const p = c.pattern;
  p.lastIndex = 0;
  let m = p.exec(text);
  if (m === null) return text;
  let out = '';
  let last = 0;
  do {
    const match = m[0];
    const end = m.index + match.length;
    // An empty match (a custom pattern like /x*/) hides nothing; replacing it would only insert markers.
    if (match.length === 0) {
      p.lastIndex = end + 1;
      continue;
    }
    const replacement = c.replacer(match, c.needsGroups ? m.slice(1) : NO_GROUPS, text, m.index);
    if (replacement !== match) {
      out += text.slice(last, m.index) + replacement;
      last = end;
      // Set again: a validate or replace callback that scrubs again would have moved lastIndex.
      p.lastIndex = end;
    } else {
      // A rejected match may hide a real one that starts inside it ("username":"token","password":
      // "..." first matches token as the key), so the scan resumes one character on. Every pattern
      // rejects positions inside a word with a lookbehind, so this stays linear in practice.
      p.lastIndex = m.index + 1;
    }
  } while ((m = p.exec(text)) !== null);
  return last === 0 ? text : out + text.slice(last);
}

function passesPrecheck(text: string, c: CompiledDetector, present: number): boolean {
  if (c.needleBit !== 0) return (present & c.needleBit) !== 0;
  return c.requires === undefined || c.requires.test(text);
}

/** The detectors compiled for scanning, with the index of their anchor words. */
interface Engine {
  readonly compiled: readonly CompiledDetector[];
  readonly needles: NeedleIndex;
}

function buildEngine(detectors: readonly Detector[]): Engine {
  const slots: (readonly string[])[] = [];
  const compiled = detectors.map((d) => {
    const needles = needlesOf(d.requires);
    if (needles === undefined || slots.length >= 31) return compile(d, 0);
    slots.push(needles);
    return compile(d, 1 << (slots.length - 1));
  });
  return { compiled, needles: new NeedleIndex(slots) };
}

export class Scrubber {
  private readonly detectors: readonly Detector[];
  /** Built on the first scan, not at register(): an app whose users never grant consent never scans. */
  private engine: Engine | undefined;
  private readonly keyPattern: RegExp;
  private readonly onRedaction: ((detector: string, count: number) => void) | undefined;
  private readonly keyCache = new Map<string, boolean>();
  private readonly shape: TextShape = { digits: 0, digitGroup: 0, longestRun: 0, colons: 0, dots: 0 };
  private readonly cache: Map<string, CachedResult> | undefined;
  private readonly cacheSize: number;

  constructor(options: ScrubberOptions = {}) {
    this.detectors = options.detectors ?? builtinDetectors;
    const keyPattern = options.sensitiveKeyPattern ?? defaultSensitiveKeyPattern;
    // Stateless copy: a global or sticky pattern would make test() depend on the previous call.
    this.keyPattern = new RegExp(keyPattern.source, keyPattern.flags.replace(/[gy]/g, ''));
    this.onRedaction = options.onRedaction;
    this.cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    this.cache = this.cacheSize > 0 ? new Map() : undefined;
  }

  /** Returns the text with every detector applied; returns the SAME string instance when nothing matched. Never throws (a detector that throws is skipped, reported via diag.warn from @opentelemetry/api once per detector). */
  scrubText(text: string): string {
    if (typeof text !== 'string' || text.length < MIN_SCRUB_LENGTH) return text;
    const cache = this.cache;
    if (cache === undefined || text.length > CACHE_MAX_LENGTH) return this.scan(text, undefined);
    const hit = cache.get(text);
    if (hit !== undefined) {
      if (typeof hit === 'string') return hit;
      // The counter still counts every value that was redacted, seen before or not.
      for (let i = 0; i < hit.reports.length; i += 2) this.report(hit.reports[i] as string, hit.reports[i + 1] as number);
      return hit.out;
    }
    const reports: (string | number)[] = [];
    const out = this.scan(text, reports);
    // First in, first out: a Map iterates in insertion order, so the oldest key is the first.
    if (cache.size >= this.cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(text, out === text ? text : { out, reports });
    return out;
  }

  /** Every detector over one value; what was reported is appended to `reports` when given. */
  private scan(text: string, reports: (string | number)[] | undefined): string {
    let out = text.length > MAX_SCAN_LENGTH ? bound(text) : text;
    const { compiled, needles } = (this.engine ??= buildEngine(this.detectors));
    // One counting pass bounds what every detector could find; it is redone after a replacement,
    // because a marker changes the counts.
    const shape = measureShape(out, this.shape);
    let present = needles.scan(out);
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i]!;
      if (!satisfies(shape, c.needs)) continue;
      // Most telemetry strings contain none of a detector's anchors; a
      // substring check is far cheaper than starting the regex engine.
      if (!passesPrecheck(out, c, present)) continue;
      c.hits = 0;
      let next: string;
      try {
        next = applyDetector(c, out);
      } catch (err) {
        this.warnOnce(c, err);
        continue;
      }
      // Only adopt the result when something was replaced, so an unchanged
      // value is returned as the caller's own string.
      // report() runs only after this detector has finished with the value,
      // so an onRedaction callback that scrubs again (a counter whose
      // attributes are scrubbed) cannot disturb hits or lastIndex in flight.
      if (c.hits > 0) {
        out = next;
        reports?.push(c.name, c.hits);
        this.report(c.name, c.hits);
        // After report(): a callback that scrubs again reuses this.shape.
        measureShape(out, shape);
        present = needles.scan(out);
      }
    }
    return out;
  }

  /** True when the attribute key names a secret or personal datum. */
  isSensitiveKey(key: string): boolean {
    if (typeof key !== 'string') return false;
    const cached = this.keyCache.get(key);
    if (cached !== undefined) return cached;
    let sensitive = this.keyPattern.test(key);
    // camelCase keys (userEmail, dbPassword) get the same segment treatment as snake_case ones.
    if (!sensitive && HAS_CAMEL_HUMP.test(key)) {
      sensitive = this.keyPattern.test(key.replace(CAMEL_HUMP, '$1_$2'));
    }
    if (this.keyCache.size >= KEY_CACHE_LIMIT) this.keyCache.clear();
    this.keyCache.set(key, sensitive);
    return sensitive;
  }

  /** Scrub an attribute value for the given key: sensitive key -> '[REDACTED]' for strings (and each element of string arrays; numbers/booleans of a sensitive key also become '[REDACTED]'), else strings via scrubText, arrays element-wise (return the same array instance when unchanged), other values unchanged. Calls onRedaction('sensitive_key', 1) for key-based replacement. */
  scrubValue(key: string, value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (this.isSensitiveKey(key)) return this.redactWhole(value);
    if (typeof value === 'string') return this.scrubText(value);
    if (Array.isArray(value)) return this.scrubArray(value);
    return value;
  }

  private redactWhole(value: unknown): unknown {
    if (Array.isArray(value)) {
      let replaced = 0;
      const out = value.map((v: unknown) => {
        if (v === null || v === undefined) return v;
        replaced++;
        return REDACTED;
      });
      if (replaced === 0) return value;
      this.report(SENSITIVE_KEY_DETECTOR, 1);
      return out;
    }
    // Objects (e.g. structured log bodies) under a secret-naming key are
    // replaced too: their contents are no safer than a string would be.
    this.report(SENSITIVE_KEY_DETECTOR, 1);
    return REDACTED;
  }

  private scrubArray(value: readonly unknown[]): unknown {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (typeof v !== 'string') continue;
      const scrubbed = this.scrubText(v);
      if (scrubbed === v) continue;
      // Copy lazily so clean arrays are returned as-is without allocating.
      copy ??= value.slice();
      copy[i] = scrubbed;
    }
    return copy ?? value;
  }

  private report(detector: string, count: number): void {
    const cb = this.onRedaction;
    if (cb === undefined) return;
    try {
      cb(detector, count);
    } catch (err) {
      // Metrics callbacks must not break export; the value is already scrubbed.
      diagnostic('warn', `optel redaction: onRedaction callback threw for detector "${detector}"`, err);
    }
  }

  private warnOnce(c: CompiledDetector, err: unknown): void {
    if (c.warned) return;
    c.warned = true;
    diagnostic('warn', `optel redaction: detector "${c.name}" threw and is skipped for this value`, err);
  }
}
