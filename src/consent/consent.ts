import { describe, reportError, warnOnce } from '../diag.js';
import type { ForcedOff } from './overrides.js';
import { type ConsentRecord, type ConsentStore, HISTORY_LIMIT } from './store.js';

/** Why a category is on or off right now. */
export type ConsentReason = 'granted' | 'not-granted' | 'forced-off';

export interface CategoryConsent {
  readonly granted: boolean;
  readonly reason: ConsentReason;
  /** Set when `reason` is `forced-off`: the environment variable responsible. */
  readonly forcedBy?: string;
}

export interface ConsentStatus {
  readonly categories: Readonly<Record<string, CategoryConsent>>;
  readonly file: string;
  readonly forcedOff?: ForcedOff;
}

export interface ConsentChange {
  readonly granted: readonly string[];
  readonly revoked: readonly string[];
}

export type ConsentListener = (change: ConsentChange) => void;

/**
 * The effective consent of this process: the persisted per-category decisions, switched off
 * wholesale by an environment override. `isGranted` is the hot-path check, a property read.
 *
 * Each revoke bumps the category's epoch: data stamped with an older epoch was recorded under a
 * consent that no longer holds and is dropped before export, even if consent was granted again.
 */
export class Consent {
  private readonly effective: Record<string, boolean> = Object.create(null);
  private readonly epochs: Record<string, number> = Object.create(null);
  private readonly listeners = new Set<ConsentListener>();
  private record: ConsentRecord;
  private fileVersion: string;
  /** Revoked in this process but not written to the file: they stay revoked whatever the file says. */
  private readonly unpersistedRevokes = new Set<string>();

  constructor(
    readonly categories: readonly string[],
    private readonly store: ConsentStore,
    readonly forcedOff: ForcedOff | undefined,
  ) {
    for (const c of categories) this.epochs[c] = 0;
    this.fileVersion = store.version();
    this.record = store.read();
    this.applyRecord();
  }

  isGranted(category: string): boolean {
    // typeof first: an object used as a key would run its toString, which may throw.
    return typeof category === 'string' && this.effective[category] === true;
  }

  anyGranted(): boolean {
    for (const c of this.categories) if (this.effective[c] === true) return true;
    return false;
  }

  grantedCategories(): string[] {
    return this.categories.filter((c) => this.effective[c] === true);
  }

  epoch(category: string): number {
    return typeof category === 'string' ? (this.epochs[category] ?? 0) : 0;
  }

  /** Grants the given categories, or all of them when none are named. Persists the decision. */
  /** Returns whether the change reached the consent file (it applies in this process either way). */
  grant(categories?: readonly string[]): boolean {
    return this.change('grant', categories);
  }

  /** Revokes the given categories, or all of them when none are named. Persists the decision. */
  /** Returns whether the change reached the consent file; a revoke applies in this process either way: privacy wins. */
  revoke(categories?: readonly string[]): boolean {
    return this.change('revoke', categories);
  }

  status(): ConsentStatus {
    const categories: Record<string, CategoryConsent> = {};
    for (const c of this.categories) {
      if (this.forcedOff) categories[c] = { granted: false, reason: 'forced-off', forcedBy: this.forcedOff.variable };
      else categories[c] = { granted: this.effective[c] === true, reason: this.effective[c] === true ? 'granted' : 'not-granted' };
    }
    return this.forcedOff ? { categories, file: this.store.path, forcedOff: this.forcedOff } : { categories, file: this.store.path };
  }

  /** The persisted record, as the consent file holds it. */
  persisted(): ConsentRecord {
    return this.record;
  }

  onChange(listener: ConsentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads the consent file (another process, such as the `optel` CLI, may have changed it). */
  reload(): void {
    this.fileVersion = this.store.version();
    this.record = this.store.read();
    this.applyRecord();
  }

  /** Reloads only when the file changed since it was last read: one stat, cheap enough before every export. */
  refresh(): void {
    if (this.store.version() !== this.fileVersion) this.reload();
  }

  /**
   * Follows changes made by other processes (the `optel` command) within `intervalMs`, without
   * keeping the app alive. Returns the function that stops watching.
   */
  watch(intervalMs = 1000): () => void {
    // A plain timer and refresh(), not fs.watchFile: watchFile takes its baseline from its first
    // asynchronous stat and misses a file written before that; refresh() compares with what this
    // process last read.
    const timer = setInterval(() => {
      try {
        this.refresh();
      } catch (error) {
        reportError('reloading consent', error);
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private change(action: 'grant' | 'revoke', requested: readonly string[] | undefined): boolean {
    const names = this.validNames(requested);
    if (names.length === 0) return true;
    const categories = { ...this.record.categories };
    for (const c of names) categories[c] = action === 'grant';
    const at = new Date().toISOString();
    const history = [...this.record.history, { at, action, categories: names }].slice(-HISTORY_LIMIT);
    this.record = { version: 1, categories, updatedAt: at, history };
    const persisted = this.store.write(this.record);
    this.fileVersion = this.store.version();
    for (const c of names) {
      if (action === 'revoke' && !persisted) this.unpersistedRevokes.add(c);
      else this.unpersistedRevokes.delete(c);
    }
    if (action === 'grant' && this.forcedOff) {
      warnOnce('consent-forced-off', `consent was granted, but ${this.forcedOff.variable}=${this.forcedOff.value} keeps telemetry off`);
    }
    this.applyRecord();
    return persisted;
  }

  private validNames(requested: readonly string[] | undefined): string[] {
    if (requested === undefined || requested.length === 0) return [...this.categories];
    const names: string[] = [];
    for (const c of requested) {
      if (typeof c === 'string' && this.categories.includes(c)) names.push(c);
      else warnOnce(`consent-unknown:${describe(c)}`, `unknown consent category ${JSON.stringify(describe(c))}; ignored`);
    }
    return names;
  }

  private applyRecord(): void {
    const granted: string[] = [];
    const revoked: string[] = [];
    for (const c of this.categories) {
      const now = this.forcedOff === undefined && this.record.categories[c] === true && !this.unpersistedRevokes.has(c);
      const before = this.effective[c] === true;
      if (now === before) continue;
      this.effective[c] = now;
      if (now) granted.push(c);
      else {
        this.epochs[c] = (this.epochs[c] ?? 0) + 1;
        revoked.push(c);
      }
    }
    if (granted.length === 0 && revoked.length === 0) return;
    const change = { granted, revoked };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        reportError('consent listener', error);
      }
    }
  }
}
