/**
 * Built-in detectors for personal data and secrets in telemetry strings.
 *
 * Every pattern here runs on every span attribute, so each one is written to
 * fail fast: matches are anchored by a literal prefix, a word boundary or a
 * negative lookbehind that rejects positions in the middle of a run, and all
 * unbounded repetitions are over character classes that cannot overlap with
 * what follows them (no nested ambiguous quantifiers, so no catastrophic
 * backtracking). Anything a regular expression cannot decide cheaply
 * (checksums, entropy) is left to `validate`.
 */

export interface Detector {
  /** Stable name, used in the replacement text and as the `detector` label of the redaction counter. */
  readonly name: string;
  /** Global ('g') regular expression; compiled once. */
  readonly pattern: RegExp;
  /**
   * Optional cheap pre-check: the detector runs only when the text contains this substring
   * (case-sensitive) or, if an array, any of them, or, if a regular expression, matches it (a
   * case-insensitive alternation of a few literals is one fast scan where the case variants
   * listed one by one would be many).
   */
  readonly requires?: string | readonly string[] | RegExp;
  /**
   * Optional lower bounds on the value's shape that every match implies (a card number has 13
   * digits, a token a long run of token characters). One pass over the value counts these for all
   * detectors together, so most ordinary values skip most detectors without starting a regex.
   */
  readonly needs?: ShapeNeeds;
  /** Optional extra check on a match (e.g. Luhn, IBAN mod-97, entropy). Return false to keep the match. */
  readonly validate?: (match: string, groups: readonly (string | undefined)[]) => boolean;
  /** Replacement: default `[REDACTED:<name>]`. A function receives the match and the capture groups (so e.g. a key or URL scheme can be kept). */
  readonly replace?: (match: string, groups: readonly (string | undefined)[]) => string;
  /**
   * The same detector for the Collector's `redaction` processor (Go RE2 syntax: no lookaround, no
   * back-references, no validators), generated into the ingest policy. It is a fail-closed
   * superset: at the edge a value comes from a client we cannot trust to have redacted, so a
   * shape is enough (an IBAN without its checksum, a token without its entropy test).
   */
  readonly edge?: string;
}

/** Counts taken in one pass over a value; see `measureShape`. */
export interface TextShape {
  /** ASCII digits. */
  digits: number;
  /**
   * The most digits in one run of digits and the separators numbers are written with
   * (`0-9`, space, `.`, `-`, `(`, `)`): a card number has 13, a phone number 7, an IPv4 address 4.
   */
  digitGroup: number;
  /** The longest run of token characters `[A-Za-z0-9+/_-]`. */
  longestRun: number;
  colons: number;
  dots: number;
}

export type ShapeNeeds = Partial<Readonly<TextShape>>;

// Bits: 1 digit, 2 token character, 4 ':', 8 '.', 16 separator inside a written number.
const DIGIT = 1;
const TOKEN = 2;
const COLON = 4;
const DOT = 8;
const NUMBER_SEPARATOR = 16;
const SHAPE_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) SHAPE_CLASS[c] = DIGIT | TOKEN;
for (let c = 65; c <= 90; c++) SHAPE_CLASS[c] = TOKEN;
for (let c = 97; c <= 122; c++) SHAPE_CLASS[c] = TOKEN;
for (const ch of '+/_') SHAPE_CLASS[ch.charCodeAt(0)] = TOKEN;
SHAPE_CLASS[45] = TOKEN | NUMBER_SEPARATOR; // '-'
SHAPE_CLASS[58] = COLON;
SHAPE_CLASS[46] = DOT | NUMBER_SEPARATOR;
for (const ch of ' ()') SHAPE_CLASS[ch.charCodeAt(0)] = NUMBER_SEPARATOR;

/** One pass over `text`: a few counts that bound what any detector could match in it. */
export function measureShape(text: string, into: TextShape): TextShape {
  let digits = 0;
  let group = 0;
  let widestGroup = 0;
  let run = 0;
  let longest = 0;
  let colons = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? SHAPE_CLASS[c]! : 0;
    if ((k & DIGIT) !== 0) {
      digits++;
      group++;
    } else if ((k & NUMBER_SEPARATOR) === 0) {
      if (group > widestGroup) widestGroup = group;
      group = 0;
    }
    if ((k & TOKEN) !== 0) {
      run++;
      continue;
    }
    if (run > longest) longest = run;
    run = 0;
    if (k === COLON) colons++;
    else if ((k & DOT) !== 0) dots++;
  }
  into.digits = digits;
  into.digitGroup = group > widestGroup ? group : widestGroup;
  into.longestRun = run > longest ? run : longest;
  into.colons = colons;
  into.dots = dots;
  return into;
}

const marker = (name: string): string => `[REDACTED:${name}]`;

// Many telemetry strings (event names, messages) have no digits at all.
const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

// ---------------------------------------------------------------------------
// Validators

/** Luhn checksum over the digits of `s`, with `min`..`max` digits (cards 13..19, SINs 9); separators are ignored. */
function luhnValid(s: string, min = 13, max = 19): boolean {
  let sum = 0;
  let digits = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    digits++;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits >= min && digits <= max && sum % 10 === 0;
}

/** ISO 13616 mod-97 check; computed incrementally so no BigInt is needed. */
function ibanValid(s: string): boolean {
  const iban = s.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      rem = (rem * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      rem = (rem * 100 + (code - 55)) % 97;
    } else {
      return false;
    }
  }
  return rem === 1;
}

/** Shannon entropy in bits per character. Telemetry tokens are ASCII; other code units share one bucket, which only lowers the estimate. */
function shannonEntropy(s: string): number {
  const counts = new Uint32Array(128);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts[c < 128 ? c : 127]!++;
  }
  let h = 0;
  const n = s.length;
  for (let i = 0; i < 128; i++) {
    const c = counts[i]!;
    if (c === 0) continue;
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

const HAS_DIGIT = /[0-9]/;
const HAS_LETTER = /[A-Za-z]/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// A ULID: a 48-bit time and 80 random bits in Crockford base32, sortable ids, never secrets.
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const HEX_WITH_SEPARATORS = /^[0-9a-fA-F_-]+$/;
const TOKEN_PIECE_SPLIT = /[/_+.-]+/;
/**
 * Pieces that read as words, numbers, hex ids or versions. Letters may be in
 * any case (camelCase, PascalCase, CONSTANT) and end in a small number
 * (HandlerV2); random material has digits scattered through it instead.
 */
const READABLE_PIECE = /^(?:[A-Za-z]+[0-9]{0,3}|[0-9]+|[0-9a-fA-F]+|[vV][0-9]+)$/;
// Below this many characters of unreadable pieces a token is an identifier
// with a short random suffix (a Kubernetes pod name), not a credential.
const MIN_RANDOM_CHARS = 16;

function looksRandom(token: string): boolean {
  if (!HAS_DIGIT.test(token) || !HAS_LETTER.test(token)) return false;
  const body = token.replace(/=+$/, '');
  if (UUID.test(body) || ULID.test(body) || HEX_WITH_SEPARATORS.test(body)) return false;
  // Routes and snake_case/kebab-case identifiers join readable pieces.
  let randomChars = 0;
  for (const piece of body.split(TOKEN_PIECE_SPLIT)) {
    if (!READABLE_PIECE.test(piece)) randomChars += piece.length;
  }
  if (randomChars < MIN_RANDOM_CHARS) return false;
  return shannonEntropy(body) >= 4.0;
}

// Values that name no secret: placeholders, booleans, masks, template variables.
const PLACEHOLDER_VALUE =
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off|required|optional|\*+|x+|X+|\.{3}|<[^>]*>|\$\{[^}]*\}?|\{\{[^}]*(?:\}\})?|%s|\[REDACTED[^\]]*\]?)$/i;
const SMALL_NUMBER = /^[0-9]{1,3}$/;
const COLON_THEN_SPACE = /:[ \t]+$/;
const SECRET_LOOKING = /[0-9]|[^A-Za-z_-]/;

// ---------------------------------------------------------------------------
// Patterns

const PRIVATE_KEY =
  /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----|$)/g;

// The payload and signature are base64url; JWE adds two more segments.
const JWT =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+){0,2}/g;

// Groups: 1 scheme://, 2 user, 3 password. A ':' inside the authority before
// '@' is what separates credentials from a host:port, so the user part may not
// contain ':' and neither part may cross '/', '?' or '#'.
const URL_CREDENTIALS = /\b([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)([^\s:@/?#]*):([^\s@/?#]+)@/g;

// Groups: 1 scheme, 2 whitespace, 3 credential | 4 Digest, 5 whitespace, 6 parameters.
const AUTH_HEADER =
  /\b(Bearer|bearer|BEARER|Basic|basic|BASIC|Token|token|TOKEN)([ \t]+)([A-Za-z0-9._~+/-]{6,}=*)|\b(Digest|digest|DIGEST)([ \t]+)((?:[A-Za-z][A-Za-z0-9_-]*=(?:"[^"\r\n]*"|[^\s,"]*)(?:[ \t]*,[ \t]*)?)+)/g;
// Scheme words also occur in prose ("Basic authentication failed"), so a
// credential must carry something a word would not: a digit, a symbol or an
// inner capital.
const CREDENTIAL_LIKE = /[0-9._~+/=-]|.[A-Z]/;

// Groups: 1 header name and separator, 2 header value | 3 cookie name, 4 cookie value.
const COOKIE =
  /\b((?:[Ss]et-|SET-)?(?:[Cc]ookie|COOKIE)["']?[ \t]*:[ \t]*["']?)(?!\[REDACTED)([^\s"][^\r\n"]*)|(?<![A-Za-z0-9_.-])(PHPSESSID|JSESSIONID|[Ss]ession[Ii][Dd]|SESSIONID|connect\.sid|sid)=(?!\[REDACTED)([^;\s,&"']+)/g;

// Groups: 1 key kept for AWS secret keys, 2 key kept for Azure connection strings.
const API_KEY = new RegExp(
  [
    String.raw`(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
    String.raw`((?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|aws_secret_key|AWS_SECRET_KEY|[Ss]ecretAccessKey)["']?[ \t]*[:=][ \t]*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])`,
    String.raw`(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])`,
    String.raw`(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}`,
    String.raw`(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`,
    String.raw`(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])`,
    String.raw`(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}`,
    String.raw`(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])`,
    String.raw`(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}`,
    String.raw`(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])`,
    String.raw`((?:AccountKey|SharedAccessKey)=)[A-Za-z0-9+/]{20,}={0,2}`,
    String.raw`(?<![A-Za-z0-9_])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9])`,
    // AWS SigV4: the access key id is caught above; the signature is a credential for 5 minutes.
    String.raw`(\bSignature=)[0-9a-f]{64}(?![0-9a-f])`,
  ].join('|'),
  'g',
);

// Keys are written lower, UPPER, camel or Pascal case. Lower/UPPER keys must
// start a segment (after '_', '.', '-', a quote...); Pascal-case keys may also
// end a camelCase identifier (dbPassword), but not an acronym (OAuth). Keys
// directly after '?', '&' or '#' are URL query parameters, which
// url_query_secret handles so that the counter names the right detector.
const KEY_LOWER_UPPER =
  'password|passwd|pwd|pass|secret|token|auth|api[_-]?key|apiKey|PGPASSWORD|PGPASS|PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|AUTH|API[_-]?KEY';
const KEY_PASCAL = 'Password|Passwd|Pwd|Pass|Secret|Token|Auth|Api[_-]?[Kk]ey|APIKey';
// Groups: 1 key..separator (kept), 2 separator, 3 opening quote, 4 double-quoted
// value, 5 closing quote, 6 single-quoted value, 7 bare value.
const PASSWORD_ASSIGNMENT = new RegExp(
  // ':' before a key is a path or ARN segment (arn:aws:...:secret:name), not an assignment;
  // PublicKeyToken (.NET assembly names) is a public key's hash.
  String.raw`((?:(?<![A-Za-z0-9?&#:])(?:${KEY_LOWER_UPPER})|(?<![A-Z?&#:]|PublicKey)(?:${KEY_PASCAL}))(?:[_-]?(?:[Kk]ey|KEY))?\\?["']?[ \t]*([:=])[ \t]*)` +
    String.raw`(?!\[REDACTED|(?:Bearer|Basic|Token|Digest)\s)` +
    String.raw`(?:(\\?")((?:[^"\\\r\n]|\\[^"\r\n]){1,512})(\\?")|'([^'\r\n]{1,512})'|([^\s"'\\,;&}\])<>]{1,512}))`,
  'g',
);

// Groups: 1 separator + parameter name + '=' (kept), 2 value. Token-like names
// may carry a vendor prefix (X-Amz-Signature, x-goog-signature,
// refresh_token); short generic names (key, code, sid) must stand alone.
const URL_QUERY_SECRET =
  /([?&#;](?:(?:[A-Za-z0-9_.-]*[_.-])?(?:token|signature|sig|secret|credential)|access_token|id_token|api_key|apikey|api-key|key|password|passwd|pass|pwd|code|auth|session|sid|client_secret)=)(?!\[REDACTED)([^&#\s"'<>]+)/gi;

// '%40' is '@' in a URL; punycode TLDs (xn--p1ai) are IDN domains. An address followed by ':'
// and a path is an SSH remote (git@github.com:org/repo.git): a host, not a person.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}(?:@|%40)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.([A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59})(?![A-Za-z0-9-]|:[\w~./-])/g;
// Asset names such as icon@2x.png have the shape of an address; these
// endings are file extensions, not top-level domains.
const FILE_EXTENSION_TLD =
  /^(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|js|mjs|cjs|ts|mts|cts|tsx|jsx|css|map|json|txt|log|html?|wasm)$/i;

const IBAN = /\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;

// A leading '+' makes a digit run an international phone number, not a card.
const CARD_NUMBER = /(?<![0-9A-Za-z_.+-])(?=[3-6]|2[2-7])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z_-])/g;

// 3-2-4 digits with one consistent separator: '-' or '.' anywhere, a space only after an SSN label.
const US_SSN =
  /(?<![\w.-])(?!000|666|9[0-9]{2})[0-9]{3}([-.])(?!00)[0-9]{2}\1(?!0000)[0-9]{4}(?![\w-]|\.[0-9])|(?<=\b(?:SSN|ssn|Social Security(?: [Nn]umber)?)[:#]?[ \t]{0,3})(?!000|666|9[0-9]{2})[0-9]{3} (?!00)[0-9]{2} (?!0000)[0-9]{4}(?![\w-])/g;

// International numbers need '+' and a non-zero country code; NANP numbers
// need the exact 3-3-4 grouping with one consistent separator, which dates
// (4-2-2), times (':') and versions (short groups) never have.
const PHONE =
  /(?<![\w+])\+[1-9](?:[ .()-]{0,2}[0-9]){6,14}(?![0-9])|(?<![\w.+-])(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?[0-9]{3}[.-]|[2-9][0-9]{2}([.-])[0-9]{3}\1)[0-9]{4}(?!\w|[.-][0-9])/g;

const H = '[0-9A-Fa-f]{1,4}';
const IPV4_LITERAL = String.raw`(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])`;
// Full form needs all eight groups; the compressed form needs '::'. The
// lookarounds reject '::' glued to identifiers (std::vector, Foo::bar) and
// groups that continue as times or MAC addresses.
const IPV6 = new RegExp(
  String.raw`(?<![\w:.])(?:(?:${H}:){7}${H}|(?:${H}(?::${H}){0,6})?::(?:${H}(?::${H}){0,6})?(?::?${IPV4_LITERAL})?)(?:%[A-Za-z0-9_.]+)?(?![\w:]|\.[0-9])`,
  'g',
);

// A dotted quad inside a longer dotted sequence (1.2.3.4.5, v1.2.3.4) is a
// version; so is a quad right after a product token (Chrome/120.0.0.0).
// After 'Version=' or 'OID ' a dotted quad is a version (8.0.0.0) or an object id (2.5.4.3).
const IPV4 = new RegExp(String.raw`(?<![\w.]|[A-Za-z]/|[Vv]ersion[=: ]|VERSION[=: ]|\b(?:OID|oid)[=: ])${IPV4_LITERAL}(?![\w]|\.[0-9])`, 'g');

// Groups: 1 Unix prefix, 2 user | 3 Windows prefix, 4 user. Windows account
// names may contain spaces, so a spaced name is taken only when a further
// path separator proves where it ends.
const HOME_PATH =
  /(?<![\w.~-])(\/(?:home|Users|var\/home|mnt\/[a-z]\/(?:Users|users))\/)([^/\s"'`\\:;,*?<>|()[\]{}]+)|(?<![A-Za-z0-9])([A-Za-z]:(?:\\{1,2}|\/)(?:Users|users|USERS)(?:\\{1,2}|\/))([^\\/\s"':*?<>|]+(?: [^\\/\s"':*?<>|]+)*(?=[\\/])|[^\\/\s"':*?<>|]+)/g;

// '=' is base64 padding only: inside a run it is almost always key=value, and
// treating it as part of the token would glue "trace_id=" onto a hex id.
// A value right after an id key (gen_ai.tool.call.id=call_..., aws.extended_request_id=...,
// go build id "...") is an identifier: random by design, secret by no one's. Session ids are not
// identifiers in that sense, and stay caught.
const HIGH_ENTROPY = /(?<![A-Za-z0-9+/_-])(?<!(?<![Ss]ession)(?:\b|_)(?:id|ID|Id)["']?[ \t]*[=:][ \t]*["']?|\bbuild (?:id|ID) ")[A-Za-z0-9+/_-]{24,}={0,2}/g;

// ---------------------------------------------------------------------------

// Groups: 1 SIN separator (Luhn-checked) | none: a UK National Insurance number (its prefix
// letters exclude D, F, I, Q, U, V and, second, O; some pairs were never allocated).
const NATIONAL_ID =
  /(?<![\w-])[1-79][0-9]{2}([ -])[0-9]{3}\1[0-9]{3}(?![\w-])|(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?![A-Za-z0-9])/g;
const UNALLOCATED_NI_PREFIX = /^(?:BG|GB|KN|NK|NT|TN|ZZ)/;

// Mobile numbers written the national way, without '+': UK 07xxx xxxxxx, Japan 0[789]0-xxxx-xxxx,
// China 1[3-9]x xxxx xxxx (with separators: bare 11-digit runs are too often ids), Israel 05x-xxx-xxxx.
const PHONE_NATIONAL =
  /(?<![\w+.-])(?:07[0-9]{3} ?[0-9]{6}|0[789]0-?[0-9]{4}-?[0-9]{4}|1[3-9][0-9]([ -])[0-9]{4}\1[0-9]{4}|05[0-9]-?[0-9]{3}-?[0-9]{4})(?![\w-]|\.[0-9])/g;

// Passwords handed to tools on a command line or in a logged call. Groups: 1 kept prefix, 2 value
// (requirepass/masterauth) | 3 prefix, 4 user:pass (curl -u) | 5 prefix, 6 value (--token ...) |
// 7 call and first argument, 8 the quoted second argument, 9 its closing quote.
const CLI_CREDENTIAL = new RegExp(
  [
    String.raw`(\b(?:requirepass|masterauth)[ \t]+)(?!\[REDACTED)([^\s"']{1,256})`,
    String.raw`((?:^|\s)(?:-u|--user)(?:[ \t]+|=))(?!\[REDACTED)([^\s:]{1,128}:[^\s]{1,256})`,
    String.raw`(--(?:token|api-key|apikey|access-token|auth-token|password|client-secret|secret)(?:[ \t]+|=))(?!\[REDACTED)([^\s"']{8,256})`,
    String.raw`(\b(?:login|logIn|signIn|sign_in|authenticate|connect)\([ \t]*[^,()\r\n]{1,64},[ \t]*["'\x60])(?!\[REDACTED)([^"'\x60\r\n]{1,256})(["'\x60])`,
  ].join('|'),
  'g',
);

export const builtinDetectors: readonly Detector[] = Object.freeze([
  {
    name: 'private_key',
    edge: String.raw`-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[\s\S]*`,
    pattern: PRIVATE_KEY,
    requires: 'PRIVATE KEY',
  },
  {
    name: 'jwt',
    needs: { longestRun: 8, dots: 2 },
    edge: String.raw`eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`,
    pattern: JWT,
    requires: 'eyJ',
  },
  {
    name: 'url_credentials',
    needs: { colons: 1 },
    edge: String.raw`[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:@/?#]*:[^\s@/?#]+@`,
    pattern: URL_CREDENTIALS,
    requires: '://',
    replace: (_m, g) => `${g[0] ?? ''}${marker('url_credentials')}@`,
  },
  {
    name: 'auth_header',
    edge: String.raw`\b(?:Bearer|bearer|BEARER|Basic|basic|BASIC|Token|token|TOKEN|Digest|digest|DIGEST)[ \t]+[A-Za-z0-9._~+/=-]{6,}`,
    pattern: AUTH_HEADER,
    requires: /earer|asic|oken|igest/i,
    validate: (_m, g) => g[2] === undefined || CREDENTIAL_LIKE.test(g[2]),
    replace: (_m, g) => `${g[0] ?? g[3] ?? ''}${g[1] ?? g[4] ?? ' '}${marker('auth_header')}`,
  },
  {
    name: 'cookie',
    edge: String.raw`(?i)\b(?:set-)?cookie[\"']?[ \t]*:[ \t]*[\"']?[^\s\"][^\r\n\"]*|\b(?:PHPSESSID|JSESSIONID|[Ss]ession[Ii][Dd]|SESSIONID|connect\.sid|sid)=[^;\s,&\"']+`,
    pattern: COOKIE,
    requires: /ookie|essi|sid=/i,
    replace: (_m, g) =>
      g[0] !== undefined ? `${g[0]}${marker('cookie')}` : `${g[2] ?? ''}=${marker('cookie')}`,
  },
  {
    name: 'api_key',
    needs: { longestRun: 15 },
    edge: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b|(?i:aws_secret_access_key|aws_secret_key|secretAccessKey)[\"']?[ \t]*[:=][ \t]*[\"']?[A-Za-z0-9/+]{40}|\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|\bsk-[A-Za-z0-9_-]{20,}|\bnpm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}|\bSK[0-9a-fA-F]{32}\b|(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{20,}={0,2}`,
    pattern: API_KEY,
    requires: [
      'AKIA', 'ASIA', 'ABIA', 'ACCA', 'ecret', 'ECRET',
      'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'xox',
      'sk_', 'rk_', 'AIza', 'sk-', 'npm_', 'SG.', 'SK', 'AccessKey=', 'AccountKey=',
      'dop_v1_', 'doo_v1_', 'dor_v1_', 'Signature=',
    ],
    // Bare "sk-" also starts kebab-case words; real OpenAI/Anthropic keys mix in digits.
    validate: (m) => !m.startsWith('sk-') || (HAS_DIGIT.test(m.slice(3)) && HAS_LETTER.test(m.slice(3))),
    replace: (_m, g) => `${g[0] ?? g[1] ?? g[2] ?? ''}${marker('api_key')}`,
  },
  {
    name: 'password_assignment',
    edge: String.raw`(?i)(?:password|passwd|pwd|pass|secret|token|auth|api[_-]?key)(?:[_-]?key)?\\?[\"']?[ \t]*[:=][ \t]*(?:\\?\"[^\"\r\n]{1,512}|'[^'\r\n]{1,512}|[^\s\"'\\,;&}\])<>]{1,512})`,
    pattern: PASSWORD_ASSIGNMENT,
    // A fragment of every key above: pass, pwd, secret, token, auth, api.
    requires: /ass|wd|ecret|oken|uth|pi/i,
    validate: (_m, g) => {
      const value = g[3] ?? g[5] ?? g[6] ?? '';
      if (PLACEHOLDER_VALUE.test(value) || SMALL_NUMBER.test(value)) return false;
      // "Invalid token: signature mismatch" is prose, not an assignment: after
      // "key: " an unquoted value must contain a digit or a symbol.
      if (g[6] !== undefined && COLON_THEN_SPACE.test(g[0] ?? '')) return SECRET_LOOKING.test(value);
      return true;
    },
    replace: (_m, g) => {
      const r = marker('password_assignment');
      if (g[3] !== undefined) return `${g[0] ?? ''}${g[2] ?? ''}${r}${g[4] ?? ''}`;
      if (g[5] !== undefined) return `${g[0] ?? ''}'${r}'`;
      return `${g[0] ?? ''}${r}`;
    },
  },
  {
    name: 'cli_credential',
    edge: String.raw`\b(?:requirepass|masterauth)\s+\S+|(?:^|\s)(?:-u|--user)[ =]+[^\s:]+:\S+|--(?:token|api-key|apikey|access-token|auth-token|password|client-secret|secret)[ =]+\S{8,}|\b(?:login|logIn|signIn|sign_in|authenticate|connect)\(\s*[^,()]{1,64},\s*["'\x60][^"'\x60]{1,256}["'\x60]`,
    pattern: CLI_CREDENTIAL,
    requires: ['requirepass', 'masterauth', '-u', '--user', '--', 'login', 'logIn', 'signIn', 'sign_in', 'authenticate', 'connect('],
    validate: (_m, g) => {
      const value = g[1] ?? g[3] ?? g[5] ?? g[7] ?? '';
      return !PLACEHOLDER_VALUE.test(value);
    },
    replace: (_m, g) => `${g[0] ?? g[2] ?? g[4] ?? g[6] ?? ''}${marker('cli_credential')}${g[8] ?? ''}`,
  },
  {
    name: 'url_query_secret',
    edge: String.raw`(?i)[?&#;](?:(?:[A-Za-z0-9_.-]*[_.-])?(?:token|signature|sig|secret|credential)|access_token|id_token|api_key|apikey|api-key|key|password|passwd|pass|pwd|code|auth|session|sid|client_secret)=[^&#\s\"'<>]+`,
    pattern: URL_QUERY_SECRET,
    requires: '=',
    replace: (_m, g) => `${g[0] ?? ''}${marker('url_query_secret')}`,
  },
  {
    name: 'email',
    needs: { dots: 1 },
    edge: String.raw`[A-Za-z0-9._%+-]{1,64}(?:@|%40)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}`,
    pattern: EMAIL,
    requires: ['@', '%40'],
    validate: (_m, g) => !FILE_EXTENSION_TLD.test(g[0] ?? ''),
  },
  {
    name: 'iban',
    needs: { digits: 6 },
    edge: String.raw`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`,
    pattern: IBAN,
    requires: DIGITS,
    validate: (m) => ibanValid(m),
  },
  {
    name: 'card_number',
    needs: { digitGroup: 13 },
    edge: String.raw`\b[2-6][0-9](?:[ -]?[0-9]){11,17}\b`,
    pattern: CARD_NUMBER,
    requires: DIGITS,
    validate: (m) => luhnValid(m),
  },
  {
    name: 'us_ssn',
    needs: { digitGroup: 9 },
    edge: String.raw`\b[0-9]{3}[- .][0-9]{2}[- .][0-9]{4}\b`,
    pattern: US_SSN,
    requires: ['-', '.', 'SSN', 'ssn', 'Social'],
  },
  {
    name: 'national_id',
    needs: { digitGroup: 6 },
    edge: String.raw`\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b|\b[1-79][0-9]{2}[ -][0-9]{3}[ -][0-9]{3}\b`,
    pattern: NATIONAL_ID,
    requires: DIGITS,
    validate: (m, g) => (g[0] !== undefined ? luhnValid(m, 9, 9) : !UNALLOCATED_NI_PREFIX.test(m)),
  },
  {
    name: 'phone',
    needs: { digitGroup: 7 },
    edge: String.raw`\+[1-9](?:[ .()-]{0,2}[0-9]){6,14}|\b(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?[0-9]{3}[.-]|[2-9][0-9]{2}[.-][0-9]{3}[.-])[0-9]{4}\b`,
    pattern: PHONE,
    requires: ['+', '-', '.', '('],
    validate: (m) => {
      if (m.charCodeAt(0) !== 43 /* + */) return true;
      // "+1 (555) 123-4567" is fine; runs of punctuation such as "+1--2..3" are not a number.
      return !/[ .-]{2}/.test(m.replace(/[()]/g, ''));
    },
  },
  {
    name: 'phone_national',
    needs: { digitGroup: 10 },
    edge: String.raw`\b07[0-9]{3} ?[0-9]{6}\b|\b0[789]0-?[0-9]{4}-?[0-9]{4}\b|\b1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}\b|\b05[0-9]-?[0-9]{3}-?[0-9]{4}\b`,
    pattern: PHONE_NATIONAL,
    requires: DIGITS,
  },
  {
    name: 'ipv6',
    needs: { colons: 2, digits: 1 },
    edge: String.raw`\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}\b`,
    pattern: IPV6,
    requires: ':',
    validate: (m) => {
      const addr = m.replace(/%.*$/, '');
      // "::" alone is also Python slicing and C++ scope; "[::2]" is a slice. ::1 is loopback:
      // this machine, not a person (ECONNREFUSED [::1]:5432).
      // Node prints an IPv6 endpoint without brackets: 'connect ECONNREFUSED ::1:6379' is loopback and a port.
      if (addr === '::1' || /^::1:[0-9]{1,5}$/.test(addr)) return false;
      if (!HAS_DIGIT.test(addr)) return false;
      const groups = addr.split(':').filter((s) => s.length > 0).length;
      // '::' stands for at least one zero group.
      return groups >= 2 && (groups <= 7 || !addr.includes('::'));
    },
  },
  {
    name: 'ipv4',
    needs: { digitGroup: 4, dots: 3 },
    edge: String.raw`\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\b`,
    pattern: IPV4,
    requires: '.',
    // Loopback and 'any' are this machine, not a person: ECONNREFUSED 127.0.0.1:5432 stays readable.
    validate: (m) => !m.startsWith('127.') && m !== '0.0.0.0',
  },
  {
    name: 'home_path',
    edge: String.raw`/(?:home|Users|users)/[^/\s\"'\`\\:;,*?<>|()\[\]{}]+|[A-Za-z]:(?:\\{1,2}|/)(?:Users|users|USERS)(?:\\{1,2}|/)[^\\/\s\"':*?<>|]+`,
    pattern: HOME_PATH,
    requires: /home\/|users[/\\]/i,
    replace: (_m, g) => `${g[0] ?? g[2] ?? ''}<user>`,
  },
  {
    name: 'high_entropy',
    needs: { longestRun: 24 },
    edge: String.raw`[A-Za-z0-9+-]{32,}={0,2}`,
    pattern: HIGH_ENTROPY,
    validate: (m) => looksRandom(m),
  },
] satisfies Detector[]);
