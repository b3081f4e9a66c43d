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
  if (segment.length === 0 || segment.startsWith(':')) return false;
  if (/^\d+$/.test(segment)) return true;
  if (UUID.test(segment) || HEX_ID.test(segment)) return true;
  if (segment.includes('@') || segment.includes('%40')) return true; // an email in a path
  if (segment.length > 40) return true;
  // Words mixed with several digits ("ord123abc", "u42x9") are ids; "v2", "api", "oauth2" are routes.
  return segment.length >= 6 && DIGITS.test(segment) && LETTERS.test(segment) && (segment.match(/\d/g)?.length ?? 0) >= 2;
}

/** `/users/42/orders/9f1c2e3d4b5a?x=1` -> `/users/:id/orders/:id` */
export function templatePath(path: string): string {
  const cut = path.search(/[?#]/);
  const bare = cut >= 0 ? path.slice(0, cut) : path;
  let changed = cut >= 0;
  const segments = bare.split('/');
  for (let i = 0; i < segments.length; i++) {
    if (isIdSegment(segments[i] as string)) {
      segments[i] = ':id';
      changed = true;
    }
  }
  return changed ? segments.join('/') : path;
}

/** Drops credentials, query and fragment, and templates the path. Unparseable input comes back as `[REDACTED:url]`. */
export function sanitizeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value.startsWith('/') ? templatePath(value) : '[REDACTED:url]';
  }
  const host = url.host;
  return `${url.protocol}//${host}${templatePath(url.pathname)}`;
}
