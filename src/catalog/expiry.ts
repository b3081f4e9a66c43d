import type { MetricSpec } from './types.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VERSION = /^version:(\d+)\.(\d+)\.(\d+)$/;

/** Why an expiry is invalid, or undefined when it is fine. */
export function expiryProblem(spec: Pick<MetricSpec, 'expires' | 'expiresReason'>): string | undefined {
  const e = spec.expires;
  if (typeof e !== 'string') return 'a date YYYY-MM-DD, "version:X.Y.Z", or "never" with expiresReason';
  if (e === 'never') return typeof spec.expiresReason === 'string' && spec.expiresReason.trim().length >= 10 ? undefined : 'an expiresReason of at least 10 characters with expires: "never"';
  const d = DATE.exec(e);
  if (d) {
    const date = new Date(`${e}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== e ? 'a real calendar date' : undefined;
  }
  return VERSION.test(e) ? undefined : 'a date YYYY-MM-DD, "version:X.Y.Z", or "never" with expiresReason';
}

/** True once the date has passed (UTC) or the app's version has reached the expiry version. */
export function isExpired(spec: Pick<MetricSpec, 'expires'>, now: Date, appVersion?: string): boolean {
  const e = spec.expires;
  if (e === 'never') return false;
  if (DATE.test(e)) return now.getTime() >= new Date(`${e}T00:00:00Z`).getTime() + 86_400_000;
  const v = VERSION.exec(e);
  if (!v || appVersion === undefined) return false;
  const app = /^(\d+)\.(\d+)\.(\d+)/.exec(appVersion);
  if (!app) return false;
  for (let i = 1; i <= 3; i++) {
    const a = Number(app[i]);
    const x = Number(v[i]);
    if (a !== x) return a > x;
  }
  return true;
}
