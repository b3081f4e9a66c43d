import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeJson } from '../fs/json-file.js';
import { reportError, warnOnce } from '../diag.js';

/** One change of consent, kept so a user can see when they granted or revoked what. */
export interface ConsentHistoryEntry {
  readonly at: string;
  readonly action: 'grant' | 'revoke';
  readonly categories: readonly string[];
}

/** The persisted consent record: per-category decisions, and their history. */
export interface ConsentRecord {
  readonly version: 1;
  readonly categories: Readonly<Record<string, boolean>>;
  readonly updatedAt: string | null;
  readonly history: readonly ConsentHistoryEntry[];
}

/** Long enough for a user to audit, short enough that the file stays small. */
export const HISTORY_LIMIT = 100;

export const EMPTY_RECORD: ConsentRecord = Object.freeze({ version: 1, categories: {}, updatedAt: null, history: [] });

/** The OS's per-user config directory for an app: XDG on Linux, Application Support on macOS, AppData on Windows. */
export function defaultConsentFile(appName: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  let base: string;
  if (platform === 'win32') base = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(base, appName, 'optel-consent.json');
}

/**
 * Reads and writes the consent file. A missing, unreadable or corrupt file means "no consent":
 * privacy wins over convenience.
 */
export class ConsentStore {
  constructor(readonly path: string) {}

  /** Changes whenever the file is written or removed: a cheap test for "someone changed it". */
  version(): string {
    try {
      const s = statSync(this.path);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'absent';
    }
  }

  read(): ConsentRecord {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') reportError(`reading consent file ${this.path}`, error);
      return EMPTY_RECORD;
    }
    try {
      return parseRecord(JSON.parse(text));
    } catch (error) {
      warnOnce(`consent-corrupt:${this.path}`, `consent file ${this.path} is not valid (${(error as Error).message}); treating every category as not granted`);
      return EMPTY_RECORD;
    }
  }

  /** Why the file cannot be used, when it exists but is not a consent record; undefined otherwise. */
  problem(): string | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (error as Error).message;
    }
    try {
      parseRecord(JSON.parse(text));
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** Writes atomically (temp file + rename) so a crash mid-write never leaves half a record. */
  write(record: ConsentRecord): boolean {
    try {
      writeJson(this.path, record);
      return true;
    } catch (error) {
      reportError(`writing consent file ${this.path}`, error);
      return false;
    }
  }
}

function parseRecord(raw: unknown): ConsentRecord {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
  const r = raw as Record<string, unknown>;
  if (r.version !== 1) throw new Error(`unknown version ${String(r.version)}`);
  const categories: Record<string, boolean> = {};
  if (r.categories !== null && typeof r.categories === 'object' && !Array.isArray(r.categories)) {
    for (const [k, v] of Object.entries(r.categories as Record<string, unknown>)) {
      if (v === true) categories[k] = true; // anything but an explicit true is "not granted"
      else if (v === false) categories[k] = false;
    }
  }
  const history = Array.isArray(r.history)
    ? (r.history as unknown[]).filter(isHistoryEntry).slice(-HISTORY_LIMIT)
    : [];
  return { version: 1, categories, updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : null, history };
}

function isHistoryEntry(e: unknown): e is ConsentHistoryEntry {
  if (e === null || typeof e !== 'object') return false;
  const h = e as Record<string, unknown>;
  return typeof h.at === 'string' && (h.action === 'grant' || h.action === 'revoke') && Array.isArray(h.categories) && h.categories.every((c) => typeof c === 'string');
}
