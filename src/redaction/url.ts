/**
 * URLs in telemetry carry personal data in their query strings (tokens, emails, search terms) and
 * in their paths (user ids, order numbers). Keep the shape of a URL and nothing that identifies.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_ID = /^[0-9a-f]{8,}$/i;
const DIGITS = /\d/;
const LETTERS = /[a-z]/i;

/** True for a path segment that is an identifier rather than a route word. */
function isIdSegment(segment: string): boolean {
  if (segment.length === 0 || segment.charCodeAt(0) === 58 /* : */) return false;
  // Most segments are route words: lower-case letters, '-' and '_' only, short. One pass decides.
  let digits = 0;
  let plain = true;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (!((c >= 97 && c <= 122) || c === 45 || c === 95)) plain = false;
  }
  if (digits === segment.length) return true;
  if (plain && digits === 0 && segment.length <= 40) return false;
  if (UUID.test(segment) || HEX_ID.test(segment)) return true;
  if (segment.includes('@') || segment.includes('%40')) return true; // an email in a path
  if (segment.length > 40) return true;
  // Words mixed with several digits ("ord123abc", "u42x9") are ids; "v2", "api", "oauth2" are routes.
  return segment.length >= 6 && DIGITS.test(segment) && LETTERS.test(segment) && (segment.match(/\d/g)?.length ?? 0) >= 2;
}

/** `/users/42/orders/9f1c2e3d4b5a?x=1` -> `/users/:id/orders/:id` (the same string when nothing changes). */
export function templatePath(path: string): string {
  let end = path.length;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  // Walk the segments without splitting: most paths have no id and come back as they are.
  let out: string | undefined;
  let from = 0;
  let start = 0;
  while (start <= end) {
    let stop = path.indexOf('/', start);
    if (stop < 0 || stop > end) stop = end;
    const segment = path.slice(start, stop);
    if (isIdSegment(segment)) {
      out = (out ?? '') + path.slice(from, start) + ':id';
      from = stop;
    }
    start = stop + 1;
  }
  if (out === undefined) return end === path.length ? path : path.slice(0, end);
  return out + path.slice(from, end);
}

/**
 * Drops credentials, query and fragment, and templates the path. Unparseable input comes back as
 * `[REDACTED:url]`. The common shape (scheme://[userinfo@]host[:port]/path) is split by hand;
 * anything unusual goes to WHATWG URL.
 */
export function sanitizeUrl(value: string): string {
  const simple = splitSimpleUrl(value);
  if (simple !== undefined) return simple;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value.startsWith('/') ? templatePath(value) : '[REDACTED:url]';
  }
  const host = url.host;
  return `${url.protocol}//${host}${templatePath(url.pathname)}`;
}

const SCHEME = /^[a-z][a-z0-9+.-]*$/;
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;
const DEFAULT_PORT = /:(?:80|443)$/;

/** What `new URL` would print for a plain lower-case URL without a default port; undefined for anything else. */
function splitSimpleUrl(value: string): string | undefined {
  const colon = value.indexOf('://');
  if (colon <= 0 || !SCHEME.test(value.slice(0, colon))) return undefined;
  const authorityStart = colon + 3;
  let authorityEnd = value.length;
  for (let i = authorityStart; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) {
      authorityEnd = i;
      break;
    }
  }
  const authority = value.slice(authorityStart, authorityEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host.length === 0 || !HOST.test(host) || DEFAULT_PORT.test(host)) return undefined;
  const rest = value.slice(authorityEnd);
  const path = rest.length === 0 || rest.charCodeAt(0) !== 47 ? `/${rest}` : rest;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) <= 32) return undefined;
  return `${value.slice(0, colon)}://${host}${templatePath(path)}`;
}
