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

import type { ShapeNeeds } from './text-shape.js';
import { HAS_DIGIT, HAS_LETTER, ibanCandidateValid, looksRandom, luhnValid, nationalDigitsValid } from './validators.js';

export { measureShape, type ShapeNeeds, type TextShape } from './text-shape.js';

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
  /**
   * Optional extra check on a match (e.g. Luhn, IBAN mod-97, entropy). Return false to keep the
   * match. `before` is up to 48 characters of the text in front of it, for context a lookbehind
   * would otherwise evaluate at every position (is this value the one of an id key?).
   */
  readonly validate?: (match: string, groups: readonly (string | undefined)[], before: string) => boolean;
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

const marker = (name: string): string => `[REDACTED:${name}]`;


// Values that name no secret: placeholders, booleans, masks, template variables.
const PLACEHOLDER_VALUE =
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off|required|optional|\*+|x+|X+|\.{3}|<[^>]*>|\$\{[^}]*\}?|\{\{[^}]*(?:\}\})?|%s|\[REDACTED[^\]]*\]?)$/i;
const SMALL_NUMBER = /^[0-9]{1,3}$/;
const PATH_VALUE = /^(?:\/|~\/|[A-Za-z]:\\)[\w.\/\\-]*$/;
const PASS_TALLY_KEY = /^(?:pass|PASS|Pass)[ \t]*[=:]/;
const COUNT = /^[0-9]{1,7}$/;
const COLON_THEN_SPACE = /:[ \t]+$/;
const SECRET_LOOKING = /[0-9]|[^A-Za-z_-]/;

// ---------------------------------------------------------------------------
// Patterns

// Groups: 1 the label of a private key component printed as hex (Java's RSA Private CRT Key,
// openssl -text's priv:/prime1:), kept.
const PRIVATE_KEY =
  /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----|$)|(\b(?:private exponent|privateExponent|prime[12]|exponent[12]|coefficient|crtCoefficient|priv)[ \t]*[:=][ \t]*(?:\r?\n[ \t]*)?)[0-9a-fA-F]{2}(?::?[0-9a-fA-F]{2}|:?\r?\n[ \t]*[0-9a-fA-F]{2}){15,}/g;

// The payload and signature are base64url; JWE adds two more segments.
const JWT =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+){0,2}/g;

/** One alternative of a detector whose every alternative has three groups: kept prefix, value, kept suffix. */
const triple = (prefix: string, value: string, suffix = ''): string => String.raw`(${prefix})(?!\[REDACTED)(${value})(${suffix})`;

/** The (prefix, value, suffix) of the alternative that matched, for patterns built from `triple`. */
function matchedTriple(g: readonly (string | undefined)[]): [string, string, string] {
  for (let i = 0; i + 2 < g.length; i += 3) {
    if (g[i + 1] !== undefined) return [g[i] ?? '', g[i + 1] ?? '', g[i + 2] ?? ''];
  }
  return ['', '', ''];
}

// Groups: 1 '://', 2 user, 3 password. A ':' inside the authority before '@' is what separates
// credentials from a host:port, so the user part may not contain ':' and neither part may cross
// '/', '?' or '#'. Connection strings without '://' follow as `triple`s from group 4: JDBC thin
// (jdbc:oracle:thin:user/pass@host), Go DSNs (user:pass@tcp(host:3306)), .pgpass lines
// (host:port:db:user:pass) and SQL*Plus logins (connect user/pass@db). Every alternative starts
// at a ':' (the text before it is a lookbehind) or a keyword, so the pattern costs one character
// test at most positions of a line full of colons.
const URL_CREDENTIALS = new RegExp(
  [
    String.raw`(?<=\b[A-Za-z][A-Za-z0-9+.-]{1,20})(:\/\/)([^\s:@/?#]*):([^\s@/?#]+)@`,
    triple(String.raw`:thin:[^/\s:@"']{1,64}/`, String.raw`[^@\s"']{1,256}`, '@'),
    triple(String.raw`:(?<=(?<![\w.:/-])[\w.-]{1,64}:)`, String.raw`[^@\s:/"']{1,256}`, String.raw`@(?:tcp|unix)\(`),
    triple(String.raw`:(?<=(?<![\w.:/-])(?:[A-Za-z][\w.-]{0,253}|\*):)(?:[0-9]{1,5}|\*):(?:[\w.-]+|\*):(?:[\w.-]+|\*):`, String.raw`[^\s"':]{1,256}`, String.raw`(?=\s|$)`),
    triple(String.raw`\b(?:connect|conn|sqlplus|CONNECT|CONN)(?:[ \t]+-[A-Za-z]+)*[ \t]+[\w.$#-]{1,64}/`, String.raw`[^@\s"'/]{1,256}`, '@'),
    // Oracle EZConnect: user/password@//host:port/service.
    triple(String.raw`(?<![\w/.])[A-Za-z][\w$#-]{0,63}/`, String.raw`[^@\s"'/]{1,256}`, '@//'),
  ].join('|'),
  'g',
);

// Groups: 1 scheme, 2 whitespace, 3 credential | 4 Digest, 5 whitespace, 6 parameters |
// 7 'Authorization:' with another scheme or none (Splunk, GenieKey), 8 credential |
// 9 a header named like a key or token (Ocp-Apim-Subscription-Key:), 10 its value. Keys that
// name an idempotency, cache or routing key, or a WebSocket handshake nonce, hold no secret.
const AUTH_HEADER = new RegExp(
  [
    String.raw`\b(Bearer|bearer|BEARER|Basic|basic|BASIC|Token|token|TOKEN)([ \t]+)([A-Za-z0-9._~+/-]{6,}=*)(?![A-Za-z0-9._~+/=-])`,
    String.raw`\b(Digest|digest|DIGEST)([ \t]+)((?:[A-Za-z][A-Za-z0-9_-]*=(?:"[^"\r\n]*"|[^\s,"]*)(?:[ \t]*,[ \t]*)?)+)`,
    String.raw`(\b(?:[Aa]uthorization|AUTHORIZATION)["']?[ \t]*[:=][ \t]*["']?(?!(?:Bearer|bearer|BEARER|Basic|basic|BASIC|Token|token|TOKEN|Digest|digest|DIGEST)\s)(?:[A-Za-z][A-Za-z0-9_-]*[ \t]+)?)(?!\[REDACTED)([A-Za-z0-9._~+/=-]{8,})`,
    String.raw`(\b(?!(?:[A-Za-z0-9]+-)*(?:Idempotency|WebSocket|Cache|Routing|Partition|Sort|Dedup|Correlation|Request|Session)-(?:Key|KEY|key|Token|TOKEN|token)\b)(?:[A-Za-z0-9]+-)+(?:Key|KEY|key|Token|TOKEN|token|Secret|SECRET|secret)["']?[ \t]*:[ \t]*["']?)(?!\[REDACTED)([A-Za-z0-9._~+/=-]{8,})`,
  ].join('|'),
  'g',
);
// Scheme words also occur in prose ("Basic authentication failed"), so a
// credential must carry something a word would not: a digit, a symbol or an
// inner capital.
const CREDENTIAL_LIKE = /[0-9._~+/=-]|.[A-Z]/;
const DIGEST_AUTH_PARAMETER = /(?:^|[\s,])(?:username|realm|nonce|response|cnonce|opaque)=/i;

// Groups: 1 header name and separator, 2 header value | 3 cookie name, 4 cookie value.
const COOKIE =
  /\b((?:[Ss]et-|SET-)?(?:[Cc]ookie|COOKIE)["']?[ \t]*:[ \t]*["']?)(?!\[REDACTED)([^\s"][^\r\n"]*)|(?<![A-Za-z0-9_.-])(PHPSESSID|JSESSIONID|phpsessid|jsessionid|[Ss]ession[Ii][Dd]|SESSIONID|connect\.sid|sid)=(?!\[REDACTED)([^;\s,&"']+)/g;

// Groups: 1 key kept for AWS secret keys, 2 key kept for Azure connection strings.
const API_KEY = new RegExp(
  [
    String.raw`(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])`,
    String.raw`((?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|aws_secret_key|AWS_SECRET_KEY|[Ss]ecretAccessKey)["']?[ \t]*[:=][ \t]*["']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])`,
    String.raw`(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])`,
    String.raw`(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|cbt|ft|soat|imt|agent|oas|cf)-[A-Za-z0-9_.-]{20,}`,
    String.raw`(?<![A-Za-z0-9_-])(?:xox[abposre]-|xapp-[0-9]-)[A-Za-z0-9-]{10,}`,
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
    // More providers' prefixed tokens (gitleaks rules; trufflehog detectors): Shopify, Mailgun,
    // Databricks, Postman, Sentry, Pulumi, RubyGems, Brevo, Shippo, Airtable, Clojars, Cloudflare
    // origin CA, Sourcegraph, LangSmith, Hugging Face, PyPI, Vault, Doppler, Linear, Grafana,
    // New Relic, Heroku, age, Square, Dynatrace, Atlassian, Fly.io, Supabase, Alibaba, PlanetScale;
    // then Telegram bot tokens.
    String.raw`(?<![A-Za-z0-9_-])(?:shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|key-[0-9a-f]{32}|dapi[0-9a-f]{32}(?:-[0-9])?|PMAK-[0-9a-f]{24}-[0-9a-f]{34}|sntry[us]_[A-Za-z0-9+/=_-]{30,}|pul-[0-9a-f]{40}|rubygems_[0-9a-f]{48}|xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}|shippo_(?:live|test)_[0-9a-f]{40}|pat[A-Za-z0-9]{14}\.[0-9a-f]{64}|CLOJARS_[0-9a-f]{60}|v1\.0-[0-9a-f]{24}-[0-9a-f]{100,}|sgp_(?:[0-9a-f]{16}_)?[0-9a-f]{40}|lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}|hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}|pypi-AgE[A-Za-z0-9_-]{50,}|hv[sb]\.[A-Za-z0-9_-]{24,}|dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}|lin_api_[A-Za-z0-9]{40}|glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|NRAK-[A-Z0-9]{27}|HRKU-[A-Za-z0-9_-]{60}|AGE-SECRET-KEY-1[0-9A-Z]{58}|sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}|dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}|ATATT3[A-Za-z0-9_=-]{150,}|fo1_[A-Za-z0-9_-]{43}|sbp_[a-f0-9]{40}|sm_(?:pat|aat|sat)_[A-Za-z0-9]{16,}|sq[upa]_[a-f0-9]{40}|LTAI[A-Za-z0-9]{12,20}|pscale_(?:oauth|tkn|pw)_[A-Za-z0-9_.=-]{32,64}|(?:sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])`,
    String.raw`(?<![0-9])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![A-Za-z0-9_-])`,
    // Push-notification device tokens after their name (APNs hex, FCM registration tokens). Group 4: the name, kept.
    String.raw`((?:[Dd]evice|[Pp]ush|[Rr]egistration|FCM|fcm|APNs|apns)[ _-]?[Tt]oken["']?[ \t]*[:=]?[ \t]*["'<‹]?)(?:[0-9a-fA-F]{64}|[A-Za-z0-9_-]{22}:APA91[A-Za-z0-9_-]{100,})(?![0-9A-Za-z_-])`,
    // Incoming-webhook URLs are bearer credentials in a path (Slack, Teams, Discord). Group 5: host and path, kept.
    String.raw`((?:hooks\.slack\.com/(?:services|workflows|triggers)|webhook\.office\.com/webhookb2|discord(?:app)?\.com/api/webhooks)/)[A-Za-z0-9@/_.-]{8,}`,
  ].join('|'),
  'g',
);

// Keys are written lower, UPPER, camel or Pascal case. Lower/UPPER keys must
// start a segment (after '_', '.', '-', a quote...); Pascal-case keys may also
// end a camelCase identifier (dbPassword), but not an acronym (OAuth). Keys
// directly after '?', '&' or '#' are URL query parameters, which
// url_query_secret handles so that the counter names the right detector.
const KEY_LOWER_UPPER =
  'password|passwd|passphrase|pwd|pw|keypass|storepass|pass|secrete?|secreto|token|auth|api[_-]?key|apiKey|dbkey|license[_-]?key|signing[_-]?key|app[_-]?key|private[_-]?key|backup[_-]?codes?|recovery[_-]?codes?|psk|wpa[_-]?key|wpaKey|mot_de_passe|motdepasse|contrase[ñn]a|passwort|kennwort|wachtwoord|senha|IDENTIFIED BY|identified by|PGPASSWORD|PGPASS|PASSWORD|PASSWD|PASSPHRASE|PWD|PW|PASS|SECRET|TOKEN|AUTH|API[_-]?KEY|DBKEY|LICENSE[_-]?KEY|SIGNING[_-]?KEY|APP[_-]?KEY|PRIVATE[_-]?KEY|PSK|WPA[_-]?KEY';
// XML elements whose text is a password (Maven's <password>, EPP's <newPW>, WS-Security's
// <wsse:Password Type="...">, Windows unattend's <Password><Value>).
const XML_SECRET_TAG = '[Pp]assword|passwd|pwd|newPW|oldPW|pw|[Ss]ecret|[Tt]oken|apiKey|api_key|[Pp]assphrase|clientSecret|client_secret|psk|PSK';
// "password" in prose, in the languages desktop apps log in.
const PROSE_PASSWORD =
  '[Pp]assword|PASSWORD|[Pp]assphrase|[Aa]pi key|API key|[Ss]ecret key|mot de passe|[Pp]asswort|[Kk]ennwort|[Cc]ontrase[ñn]a|[Ss]enha|[Ww]achtwoord|[Hh]asło|[Пп]ароль|mật khẩu|[Pp]arola|[Ll]ösenord';
const PROSE_PASSWORD_CJK = 'パスワード|密码|密碼|비밀번호';
const KEY_PASCAL = 'Password|Passwd|Passphrase|Passwort|Kennwort|Wachtwoord|Senha|Pwd|Pass|Secret|Token|Auth|Api[_-]?[Kk]ey|APIKey|App[_-]?[Kk]ey|PrivateKey|Private_[Kk]ey|Keypass|Storepass';
/**
 * Groups (0-based in validate/replace): 0 key..separator (kept), 1 key suffix, 2 separator,
 * 3 opening quote, 4 double-quoted value, 5 closing quote, 6 single-quoted value, 7 bare value |
 * 8 a quoted value compared with a password variable | 9 XML element (kept), 10 its text |
 * 11 key="...Password" value=" (kept), 12 the value | 13 'password is' in prose (kept), 14 the value |
 * 15 (empty), 16 a password hash.
 */
const PASSWORD_ASSIGNMENT = new RegExp(
  [
    // ':' after a letter or digit before a key is a path or ARN segment (arn:aws:...:secret:name),
    // not an assignment (a Ruby symbol, :password =>, is); PublicKeyToken (.NET assembly names) is a
    // public key's hash. Keys may carry a suffix (db_pass_secure, SECRET_KEY_BASE) and a C array
    // size; separators cover =, :, =>, :=, ==, a call's ( or ", " and a space before a quoted value.
    // The lookahead of the letters a key can start with goes first: the engine then rejects most
    // positions with one character test instead of evaluating the lookbehinds there.
    String.raw`(?=[pPkKsStTaAdDlLwWcCiImMbBrR])((?:(?<![A-Za-z0-9?&#]|[A-Za-z0-9]:)(?:${KEY_LOWER_UPPER})|(?<![A-Z?&#:]|PublicKey)(?:${KEY_PASCAL}))(?:[_-]?(?:[Kk]ey|KEY))?((?:[_-][A-Za-z0-9]{1,16}){1,3})?(?:\[[0-9]{0,4}\])?\\?["']?[ \t]*(=>|:=|==|[:=]|,(?=[ \t]*@?["'])|\((?=[ \t]*["'])|[ \t](?:set to|is|was|changed to|reset to)?(?=[ \t]*@?["']))[ \t]*@?(?:\[[ \t]*(?=["']))?)` +
      String.raw`(?!\[REDACTED|(?:Bearer|Basic|Token|Digest)\s)` +
      // After 'key: ' a bare value that is itself 'name=...' is the next field (auth: provider=oidc).
      String.raw`(?:(\\?")((?:[^"\\\r\n]|\\[^"\r\n]){1,512})(\\?")|'([^'\r\n]{1,512})'|(?:(?<!:[ \t]+)|(?![A-Za-z_][\w.-]*=[^=\s]))(?!\()([^\s"'\\,;}\)<>]{1,512}))`,
    String.raw`"([^"\r\n]{4,128})"(?=[ \t]*[!=]==?[ \t]*[\w.]*(?:[Pp]assword|passwd|[Ss]ecret|[Tt]oken|pwd|PASSWORD|SECRET))`,
    String.raw`(<(?:[\w-]+:)?(?:${XML_SECRET_TAG})(?:[ \t][^<>\r\n]{0,200})?>(?:<Value>)?)(?!\[REDACTED)([^\r\n]{1,256}?)(?=<\/(?:[\w-]+:)?(?:${XML_SECRET_TAG}|Value)>)`,
    String.raw`((?:key|name)="[^"\r\n]{0,40}(?:[Pp]assword|[Ss]ecret|[Tt]oken|[Aa]pi[Kk]ey)"[ \t]+value=")(?!\[REDACTED)([^"\r\n]{1,256})(?=")`,
    String.raw`((?:\b(?:${PROSE_PASSWORD})|${PROSE_PASSWORD_CJK})(?:(?:[ \t]+(?:is|was|of|errata|incorrecte?|falsch)|[^\r\n.;:=]{0,60}?[ \t](?:is|was|set to|est|ist|es|é|op|ingesteld op|de)|[ \t]*[:：]|[をは])[ \t]*[:：]?[ \t]*|[ \t]+)["'(「]?)(?![[("'<「])([^\s"'<>=)」]{8,128})(?![^\s,;)'"」])`,
    // Password hashes (crypt formats: bcrypt, apr1, sha256/512-crypt, yescrypt, argon2) crack offline.
    String.raw`()(\$(?:2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{53}|apr1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|[156]\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{43}|argon2(?:id|i|d)\$v=[0-9]+\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)|(?:scrypt|pbkdf2:sha(?:1|256|512))(?::[0-9]+)+\$[A-Za-z0-9./+]{4,}\$[0-9a-f]{32,}|(?<![\w*])\*[0-9A-F]{40}(?![\w])|(?<=:[0-9]{3,6}:)[0-9a-f]{32}:[0-9a-f]{32}(?=:::))`,
  ].join('|'),
  'g',
);
// Key suffixes that name something about a secret, not the secret (secret_name=, token_type=).
const BENIGN_KEY_SUFFIX =
  /^[_-](?:name|type|id|ids|arn|ref|path|file|url|uri|version|kind|count|len|length|size|ttl|expires?|expiry|expiration|rotation|provider|store|backend|policy|scope|endpoint|header|prefix|hash|fingerprint|algorithm|alg|format|mode|status|enabled|required|reset|issuer|audience|location|region|hint|strength|age|changed|updated|created|set|used|usage|limit|min|max|rate|timeout|source|field|label|mask|method|result|flow|scheme|strategy|state|level|factor|time|date|success|failure|error|attempts?|retries)(?:[_-]|$)/i;
const NUMBERISH = /^[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h|d|%)?$/;
const DIGIT_OR_SYMBOL = /[0-9!#$%&*+/=?@^~]/;

// Groups: 1 a URL-encoded JSON key ("password":"), 2 its value | 3 separator + parameter name + '='
// (kept), 4 value. Token-like names
// may carry a vendor prefix (X-Amz-Signature, x-goog-signature,
// refresh_token); short generic names (key, code, sid) must stand alone.
const URL_QUERY_SECRET =
  /(%22(?:password|passwd|pwd|secret|token|api_?key|access_token|refresh_token|client_secret)%22(?::|%3[Aa])(?:%20)*%22)(?!\[REDACTED)((?:(?!%22)[^\s&"'<>])+)|([?&#;](?:(?:[A-Za-z0-9_.-]*[_.-])?(?:token|signature|sig|secret|credential)|access_token|id_token|(?:access|api|app|client|private|secret|subscription|auth|master|account|license|signing)[_.-]?key|key|appid|app_id|password|passwd|pass|pwd|code|auth|session|sid|client_secret)=)(?!\[REDACTED)([^&#\s"'<>]+)/gi;

// '%40' is '@' in a URL ('%2540' when encoded twice); punycode TLDs (xn--p1ai) are IDN domains.
// Local parts may hold Latin letters with diacritics (björn) and an inner apostrophe (o'connor);
// an apostrophe before the address is a quote, not part of it. An address followed by ':' and a
// path is an SSH remote (git@github.com:org/repo.git): a host, not a person.
const LOCAL_CHAR = String.raw`[A-Za-z0-9\u00C0-\u024F._%+-]`;
// Domain labels may hold Latin letters with diacritics too (müller-bäckerei.de, an IDN before punycode).
const DOMAIN_LABEL = String.raw`[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F-]{0,61}[A-Za-z0-9\u00C0-\u024F])?`;
const EMAIL = new RegExp(
  String.raw`(?<!${LOCAL_CHAR}|${LOCAL_CHAR}')${LOCAL_CHAR}(?:${LOCAL_CHAR}|'(?=${LOCAL_CHAR})){0,63}(?:@|%40|%2540)${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})*\.([A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59})(?![A-Za-z0-9-]|:[\w~./-])`,
  'g',
);
// Asset names such as icon@2x.png have the shape of an address; these
// endings are file extensions, not top-level domains.
const FILE_EXTENSION_TLD =
  /^(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|js|mjs|cjs|ts|mts|cts|tsx|jsx|css|map|json|txt|log|html?|wasm|service|socket|slice|scope|target|timer|mount|device|swap)$/i;

const IBAN = /\b(?:[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?|[a-z]{2}[0-9]{2}[a-z0-9]{11,30})\b/g;
// A leading '+' makes a digit run an international phone number, not a card.
const SHORT_DIGIT_GROUP = /(?:^|[ .-])[0-9]{1,2}(?:[ .-]|$)/;
// Dotted groups only in the 4-4-4-4 layout: other dotted digit runs are versions and addresses.
const CARD_NUMBER = /(?<![0-9A-Za-z_.+-])(?:(?=[3-6]|2[2-7])[0-9](?:[ -]?[0-9]){12,18}|[2-6][0-9]{3}\.[0-9]{4}\.[0-9]{4}\.[0-9]{4})(?![0-9A-Za-z_-]|\.[0-9])/g;

// 3-2-4 digits with one consistent separator ('-', '.' or a space, but not inside a longer list of
// numbers); right after an SSN key or label, also nine bare digits.
const US_SSN =
  /(?<![\w.-]|[0-9] )(?!000|666|9[0-9]{2})[0-9]{3}([-. ])(?!00)[0-9]{2}\1(?!0000)[0-9]{4}(?![\w-]|[. ][0-9])|(?<=(?<![A-Za-z0-9])(?:SSN|ssn|Ssn|Social[ _]Security(?:[ _][Nn]umber)?|social_security(?:_number)?)["']?[ \t]*[:=#]?[ \t]*["']?)(?!000|666|9[0-9]{2})[0-9]{3}(?!00)[0-9]{2}(?!0000)[0-9]{4}(?![\w-])/g;

// International numbers need '+' (or '%2B' in a URL, or the call prefix '00' and a separator after
// the country code) and a non-zero country code; NANP numbers need the exact 3-3-4 grouping with
// one consistent separator, which dates (4-2-2), times (':') and versions (short groups) never
// have. A number right after a phone key (msisdn=, "phone": ...) is one whatever its grouping.
const PHONE =
  /(?<![\w+%])(?:\+|%2[Bb])[1-9](?:[ .()-]{0,2}[0-9]){6,14}(?![0-9])|(?<![\w+%.:-])00 ?[1-9][0-9]{0,2}[ .-]?\(?[0-9]{2,4}\)?[ .-]?[0-9]{3,4}(?:[ .-]?[0-9]{2,4}){0,3}(?![0-9])|(?<=(?<![A-Za-z0-9])(?:msisdn|MSISDN|[Pp]hone(?:_?[Nn]umber)?|PHONE|[Tt]elephone|[Mm]obile|MOBILE|[Cc]ell|[Tt]el|TEL|[Ff]ax|FAX|SMS|sms|[Cc]ellulare|[Mm]obilnummer|[Hh]andy|[Tt]elefon|[Tt]éléphone|[Tt]eléfono|[Mm]óvil|[Cc]elular|[Pp]ortable|[Tt]elefoon|[Mm]obiel|電話|手机|携帯)\.?(?:["']?[ \t]*[:=][ \t]*["']?|[ \t]+))\+?[0-9](?:[ .()-]?[0-9]){7,14}(?![0-9])|(?<![\w.+-])(?:1[ .-])?(?:\([2-9][0-9]{2}\) ?[0-9]{3}[.-]|[2-9][0-9]{2}([.-])[0-9]{3}\1)[0-9]{4}(?!\w|[.-][0-9])/g;

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
// A quad followed by '-word' is a version with a pre-release tag (V8 12.4.254.21-node.21).
const IPV4 = new RegExp(
  String.raw`(?<![\w.]|[A-Za-z]/|(?:[Vv]ersion|VERSION)\w{0,16}["']?[=: ]{1,2}["']?|\b(?:OID|oid|[Ee]xtension)[=: ])${IPV4_LITERAL}(?![\w]|\.[0-9]|-[A-Za-z])`,
  'g',
);

// Groups: 1 Unix prefix, 2 user | 3 Windows prefix, 4 user. Windows account
// names may contain spaces, so a spaced name is taken only when a further
// path separator proves where it ends.
// Also BSD and Solaris homes (/usr/home, /export/home), Git Bash and Cygwin drives (/c/Users,
// /cygdrive/c/Users), WSL shares (\\wsl$\Ubuntu\home\name), ~name/ and URL-encoded paths.
// Groups: 5 kept prefix, 6 user (~name, WSL share, %2F-encoded).
const HOME_PATH =
  /(?<![\w.~-])(\/(?:home|Users|(?:usr|export|var)\/home|(?:mnt\/|cygdrive\/)?[a-z]\/(?:Users|users))\/)([^/\s"'`\\:;,*?<>|()[\]{}]+)|(?<![A-Za-z0-9])([A-Za-z]:(?:\\{1,2}|\/)(?:Users|users|USERS|Documents and Settings)(?:\\{1,2}|\/))([^\\/\s"':*?<>|]+(?: [^\\/\s"':*?<>|]+)*(?=[\\/])|[^\\/\s"':*?<>|]+)|((?<![\w.~/-])~|\\\\wsl(?:\$|\.localhost)\\[^\\\s]+\\home\\|\\\\[\w.-]+\\(?:home|users|Users)\$?\\|%2[Ff](?:home|Users|(?:usr|export|var)%2[Ff]home)%2[Ff])((?<=~)[a-z_][a-z0-9_.-]{0,31}(?=\/)|(?<!~)[^\\/%\s"'&?#]+)/g;

// '=' is base64 padding only: inside a run it is almost always key=value, and
// treating it as part of the token would glue "trace_id=" onto a hex id.
const HIGH_ENTROPY = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}/g;
// A value right after an id key (gen_ai.tool.call.id=call_..., aws.extended_request_id=...,
// go build id "...") is an identifier: random by design, secret by no one's. Session ids are not
// identifiers in that sense, and stay caught. The same holds after keys that name a digest,
// checksum or hash (x-amz-checksum-sha256:, Digest: sha-256=, h1:, SHA256: fingerprints,
// integrity=), a handshake value (Sec-WebSocket-Accept:), a multipart boundary, and for base64
// content in a data: URI. Checked on the text before a candidate only, not at every position.
const IDENTIFIER_CONTEXT =
  /(?:(?<![Ss]ession)(?:\b|_)(?:id|ID|Id)(?:[-_.][A-Za-z0-9]{1,12})?["']?[ \t]*[=:][ \t]*["']?|\b(?:build|request) (?:id|ID) "|(?:[Cc]hecksum|CHECKSUM|[Hh]ash|HASH|[Dd]igest|DIGEST|[Ff]ingerprint|[Ii]ntegrity|Accept|boundary|ksuid)(?:[-_.][A-Za-z0-9]{1,12})?["']?[ \t]*[=:]?[ \t]*["']?|\b(?:sha|SHA)-?(?:1|224|256|384|512)(?:=:?|:|=")|\b(?:sha|SHA|md5|MD5)-?(?:1|224|256|384|512)?\b[\w \t]{0,24}[:=][ \t]*["']?|\bh1:|;base64,|\bW\/\\?"|\b[Ee][Tt]ag["']?[ \t]*[:=][ \t]*\\?"?|'nonce-|\bnonce[=:]["']?)$/;

// ---------------------------------------------------------------------------

// A Canadian SIN (Luhn-checked): 3-3-3 digits with one separator, or nine bare digits right after
// a SIN key; or a UK National Insurance number, in upper or lower case (its prefix letters exclude
// D, F, I, Q, U, V and, second, O; some pairs were never allocated).
const NATIONAL_ID =
  /(?<![\w-])[1-79][0-9]{2}([ -])[0-9]{3}\1[0-9]{3}(?![\w-])|(?<=(?<![A-Za-z0-9])(?:SIN|sin|NAS|nas|[Ss]ocial[ _][Ii]nsurance(?:[ _][Nn]umber)?)["']?[ \t]*[:=#]?[ \t]*["']?)[1-79][0-9]{8}(?![\w-])|(?<![A-Za-z0-9])(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]|[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[a-d])(?![A-Za-z0-9])/g;
const UNALLOCATED_NI_PREFIX = /^(?:BG|GB|KN|NK|NT|TN|ZZ)/;

// Numbers written the national way, without '+' (shapes from libphonenumber's metadata):
// - most countries dial a trunk '0' and write groups with one separator: UK 020 7946 0321 and
//   07400 123456, France 06 12 34 56 78 (or with dots), Germany 0151/23456789, Japan 03-1234-5678,
//   Australia 0412 345 678, Korea 010-2345-6789, Israel 09-7625400 (9 to 12 digits, validated);
// - UK mobiles and Japanese and Israeli mobiles also bare (07400123456, 09012345678);
// - China 1[3-9]x xxxx xxxx with separators (bare 11-digit runs are too often byte counts);
// - groupings without a trunk 0: US/Italy 212 555 0143, Spain 612 34 56 78, India 98123 45678,
//   Brazil (11) 96123-4567, Russia 8 (912) 345-67-89.
// Runs that continue with more digit groups (histogram bounds "250 500 1000 2500") are lists.
const PHONE_NATIONAL = new RegExp(
  String.raw`(?<![\w+.:/-]|[0-9] )(?:` +
    [
      String.raw`0[1-9][0-9]{0,4}([ /-])[0-9]{2,8}(?:\1[0-9]{2,8}){0,3}`,
      String.raw`0[1-9](?:\.[0-9]{2}){4}`,
      String.raw`07[0-9]{9}|0[789]0[0-9]{8}|05[0-9]{8}`,
      String.raw`07[02369]-[0-9]{3} [0-9]{2} [0-9]{2}`,
      String.raw`1[3-9][0-9]([ -])[0-9]{4}\2[0-9]{4}`,
      String.raw`[2-9][0-9]{2} [2-9][0-9]{2} [0-9]{4}`,
      String.raw`[6-9][0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}`,
      String.raw`[6-9][0-9]{4} [0-9]{5}`,
      String.raw`\([1-9][0-9]\) ?9?[0-9]{4}-[0-9]{4}`,
      String.raw`8 ?\([0-9]{3}\) ?[0-9]{3}-[0-9]{2}-[0-9]{2}`,
    ].join('|') +
    String.raw`)(?![\w:/-]|[.-][0-9]| [0-9])`,
  'g',
);
// Command lines take a value after these tools' password flags (mysql -pSECRET, docker login -p,
// sqlcmd -P, ldapsearch -w, smbclient -U user%pass); elsewhere -p is a port or a path.
const TOOL_SPAN = String.raw`\b[^\r\n|;&]{0,200}?[ \t]`;
const QUOTE = `["']?`;
const CLI_VALUE = String.raw`[^\s"']{1,256}`;

// Passwords handed to tools on a command line or in a logged call. Every alternative is a
// `triple`: kept prefix, value, kept suffix.
const CLI_CREDENTIAL = new RegExp(
  [
    triple(String.raw`\b(?:requirepass|masterauth)[ \t]+`, CLI_VALUE),
    triple(String.raw`(?:^|\s)(?:-u|--user)(?:[ \t]+|=)`, String.raw`[^\s:]{1,128}:[^\s]{1,256}`),
    triple(
      String.raw`--(?:[a-z0-9]+-)*(?:token|api-key|apikey|access-token|auth-token|password|passwd|passphrase|client-secret|secret|storepass|keypass)(?:[ \t]+|=)` + QUOTE,
      String.raw`[^\s"'-][^\s"']{7,255}`,
      QUOTE,
    ),
    triple(String.raw`(?:^|\s)-(?:src|dest)?(?:storepass|keypass)[ \t]+` + QUOTE, CLI_VALUE, QUOTE),
    triple(String.raw`\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|7z|7za)${TOOL_SPAN}-p` + QUOTE, String.raw`[^\s"'-][^\s"']{0,255}`, QUOTE),
    triple(
      String.raw`\b(?:(?:docker|podman|nerdctl|buildah|skopeo|oras|helm registry) login|mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|sshpass|redis-cli|az login)${TOOL_SPAN}(?:-p|-a|--password|--pass)(?:[ \t]+|=)?` + QUOTE,
      String.raw`[^\s"'-][^\s"']{0,255}`,
      QUOTE,
    ),
    triple(String.raw`\b(?:sqlcmd|bcp|zip|zipcloak)${TOOL_SPAN}-P[ \t]+` + QUOTE, CLI_VALUE, QUOTE),
    triple(String.raw`\bldap[a-z]*${TOOL_SPAN}-w[ \t]+` + QUOTE, CLI_VALUE, QUOTE),
    triple(String.raw`\b(?:smbclient|rpcclient|smbmap|smbget)${TOOL_SPAN}-U[ \t]*["']?[^\s"'%]{1,128}%`, CLI_VALUE),
    triple(String.raw`\bhtpasswd(?:[ \t]+-[A-Za-z]+)+[ \t]+\S+[ \t]+\S+[ \t]+`, String.raw`[^\s-]\S{0,255}`),
    triple(String.raw`\brabbitmqctl[ \t]+(?:add_user|change_password)[ \t]+\S+[ \t]+` + QUOTE, CLI_VALUE, QUOTE),
    triple(String.raw`\bnet use(?:[ \t]+[A-Za-z]:)?[ \t]+\\\\\S+[ \t]+`, String.raw`[^\s/]\S{0,255}`, String.raw`(?=[ \t]+/user:)`),
    triple(String.raw`\bnet use(?:[ \t]+[A-Za-z]:)?[ \t]+\\\\\S+[ \t]+/user:\S+[ \t]+`, String.raw`[^\s/]\S{0,255}`),
    triple(String.raw`\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?["']`, String.raw`[^"'\r\n]{1,256}`, `["']`),
    triple(String.raw`\bssh-keygen${TOOL_SPAN}-[NP][ \t]+` + QUOTE, String.raw`[^\s"']{1,256}`, QUOTE),
    // JVM system properties: -Dsonar.login=..., -Djavax.net.ssl.keyStorePassword=...
    triple(String.raw`(?:^|\s)-D[\w.-]*(?:[Pp]assword|passwd|[Tt]oken|[Ss]ecret|login|[Aa]pi[Kk]ey|api\.key)=` + QUOTE, String.raw`[^\s"']{1,256}`, QUOTE),
    triple(String.raw`\b(?:xfreerdp|wfreerdp|sdl-freerdp)${TOOL_SPAN}[/-]p:`, CLI_VALUE),
    // -u user -p secret: with a user flag just before it, -p is the password (PsExec, rdesktop, many CLIs).
    triple(String.raw`(?:^|\s)-u[ \t]+\S{1,128}[ \t]+-p[ \t]+` + QUOTE, String.raw`[^\s"'-][^\s"']{0,255}`, QUOTE),
    triple(String.raw`\becho[ \t]+\\?` + QUOTE, String.raw`[^\s"'|\\]{1,256}`, String.raw`\\?["']?[ \t]*\|[^|\r\n]{0,200}(?:--password-stdin|\bsudo(?:[ \t]+-[A-Za-z]+)*[ \t]+-[A-Za-z]*S\b|\bpasswd[ \t]+--stdin|\bchpasswd\b)`),
    // FTP's PASS command and IMAP's LOGIN "user" "password", as client libraries log them.
    triple(String.raw`(?:ftp|FTP)[^\r\n]{0,60}?\bPASS[ \t]+`, CLI_VALUE),
    triple(String.raw`\bLOGIN[ \t]+"[^"\r\n]{1,128}"[ \t]+"`, String.raw`[^"\r\n]{1,256}`, '"'),
    // Database drivers take the password as the third argument: PDO('dsn', 'user', 'pass'),
    // mysqli_connect(host, user, pass), DriverManager.getConnection(url, user, pass).
    triple(
      String.raw`\b(?:PDO->__construct|new PDO|mysqli_connect|mysql_connect|mysqli->connect|getConnection)\([ \t]*["'][^"'\r\n]{0,256}["'],[ \t]*["'][^"'\r\n]{0,128}["'],[ \t]*["']`,
      String.raw`[^"'\r\n]{1,256}`,
      `["']`,
    ),
    // Twilio's Client(account SID, auth token) and Algolia's client(app id, admin key).
    triple(String.raw`\b(?:Client|algoliasearch|searchClient)\([ \t]*["'](?:AC[0-9a-f]{32}|[A-Z0-9]{10})["'],[ \t]*["']`, String.raw`[0-9a-f]{32}`, `["']`),
    triple(
      String.raw`\b(?:login|logIn|signIn|sign_in|authenticate|connect|NetworkCredential|PasswordAuthentication|UsernamePasswordCredentials|setBasicAuth|basicAuth)\([ \t]*[^,()\r\n]{1,64},[ \t]*["'\x60]`,
      String.raw`[^"'\x60\r\n]{1,256}`,
      String.raw`["'\x60]`,
    ),
  ].join('|'),
  'g',
);

export const builtinDetectors: readonly Detector[] = Object.freeze([
  {
    name: 'private_key',
    edge: String.raw`-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[\s\S]*|\b(?:private exponent|privateExponent|prime[12]|exponent[12]|coefficient|crtCoefficient|priv)[ \t]*[:=]\s*[0-9a-fA-F]{2}(?::?\s*[0-9a-fA-F]{2}){15,}`,
    pattern: PRIVATE_KEY,
    requires: ['PRIVATE KEY', 'rivate exponent', 'rivateExponent', 'prime1', 'prime2', 'exponent1', 'exponent2', 'oefficient', 'priv:', 'priv ='],
    replace: (_m, g) => `${g[0] ?? ''}${marker('private_key')}`,
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
    edge: String.raw`[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:@/?#]*:[^\s@/?#]+@|:thin:[^/\s:@\"']{1,64}/[^@\s\"']{1,256}@|[\w.-]{1,64}:[^@\s:/\"']{1,256}@(?:tcp|unix)\(|\.pgpass\b[^\r\n]{0,40}?(?:[\w.-]+|\*):(?:[0-9]{1,5}|\*):(?:[\w.-]+|\*):(?:[\w.-]+|\*):[^\s\"']+|\b[A-Za-z][\w.-]*:[0-9]{1,5}:[\w.*-]+:[\w.*-]+:[^\s\"':]+(?:\s|$)|\b(?i:connect|conn|sqlplus)\s+[\w.$#-]{1,64}/[^@\s\"'/]{1,256}@|\b(?i:sqlplus)(?:\s+-[A-Za-z]+)*\s+[\w.$#-]{1,64}/[^@\s\"'/]{1,256}@`,
    pattern: URL_CREDENTIALS,
    requires: [':', 'connect ', 'conn ', 'CONNECT ', 'CONN ', 'sqlplus ', '@//'],
    replace: (_m, g) => {
      if (g[0] !== undefined) return `${g[0]}${marker('url_credentials')}@`;
      const [prefix, , suffix] = matchedTriple(g.slice(3));
      return `${prefix}${marker('url_credentials')}${suffix}`;
    },
  },
  {
    name: 'auth_header',
    edge: String.raw`\b(?:Bearer|bearer|BEARER|Basic|basic|BASIC|Token|token|TOKEN|Digest|digest|DIGEST)[ \t]+[A-Za-z0-9._~+/=-]{6,}|(?i:authorization)[\"']?[ \t]*[:=][ \t]*[\"']?(?:[A-Za-z][A-Za-z0-9_-]*[ \t]+)?[A-Za-z0-9._~+/=-]{8,}|\b(?:[A-Za-z0-9]+-)+(?:Key|KEY|key|Token|TOKEN|token|Secret|SECRET|secret)[\"']?[ \t]*:[ \t]*[\"']?[A-Za-z0-9._~+/=-]{8,}`,
    pattern: AUTH_HEADER,
    requires: ['earer', 'EARER', 'asic', 'ASIC', 'oken', 'OKEN', 'igest', 'IGEST', 'uthorization', 'UTHORIZATION', '-key', '-Key', '-KEY', 'ecret', 'ECRET'],
    validate: (_m, g) => {
      // "digest md5=..." names a checksum; HTTP Digest credentials carry their own parameters.
      if (g[5] !== undefined) return DIGEST_AUTH_PARAMETER.test(g[5]);
      const credential = g[2] ?? g[7] ?? g[9];
      return credential === undefined || (CREDENTIAL_LIKE.test(credential) && !PLACEHOLDER_VALUE.test(credential));
    },
    replace: (_m, g) => {
      const prefix = g[6] ?? g[8];
      if (prefix !== undefined) return `${prefix}${marker('auth_header')}`;
      return `${g[0] ?? g[3] ?? ''}${g[1] ?? g[4] ?? ' '}${marker('auth_header')}`;
    },
  },
  {
    name: 'cookie',
    edge: String.raw`(?i)\b(?:set-)?cookie[\"']?[ \t]*:[ \t]*[\"']?[^\s\"][^\r\n\"]*|\b(?:PHPSESSID|JSESSIONID|[Ss]ession[Ii][Dd]|SESSIONID|connect\.sid|sid)=[^;\s,&\"']+|\b[Ss]ession_?[Ii][Dd]=[^;\s,&\"']+`,
    pattern: COOKIE,
    requires: ['ookie', 'OOKIE', 'essi', 'ESSI', 'sid='],
    replace: (_m, g) =>
      g[0] !== undefined ? `${g[0]}${marker('cookie')}` : `${g[2] ?? ''}=${marker('cookie')}`,
  },
  {
    name: 'api_key',
    needs: { longestRun: 15 },
    edge: String.raw`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b|(?i:aws_secret_access_key|aws_secret_key|secretAccessKey)[\"']?[ \t]*[:=][ \t]*[\"']?[A-Za-z0-9/+]{40}|\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|\bsk-[A-Za-z0-9_-]{20,}|\bnpm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}|\bSK[0-9a-fA-F]{32}\b|(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{20,}={0,2}|gl(?:pat|dt|rt|ptt|cbt|ft|soat|imt|agent|oas|cf)-[A-Za-z0-9_.-]{20,}|(?:xox[abposre]-|xapp-[0-9]-)[A-Za-z0-9-]{10,}|(?:shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|key-[0-9a-f]{32}|dapi[0-9a-f]{32}|PMAK-[0-9a-f]{24}-[0-9a-f]{34}|sntry[us]_[A-Za-z0-9+/=_-]{30,}|pul-[0-9a-f]{40}|rubygems_[0-9a-f]{48}|xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}|shippo_(?:live|test)_[0-9a-f]{40}|pat[A-Za-z0-9]{14}\.[0-9a-f]{64}|pat\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}|CLOJARS_[0-9a-f]{60}|v1\.0-[0-9a-f]{24}-[0-9a-f]{100,}|sgp_(?:[0-9a-f]{16}_)?[0-9a-f]{40}|lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}|hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}|pypi-AgE[A-Za-z0-9_-]{50,}|hv[sb]\.[A-Za-z0-9_-]{24,}|dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}|lin_api_[A-Za-z0-9]{40}|glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|NRAK-[A-Z0-9]{27}|HRKU-[A-Za-z0-9_-]{60}|AGE-SECRET-KEY-1[0-9A-Z]{58}|sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}|dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}|ATATT3[A-Za-z0-9_=-]{150,}|fo1_[A-Za-z0-9_-]{43}|sbp_[a-f0-9]{40}|sm_(?:pat|aat|sat)_[A-Za-z0-9]{16,}|sq[upa]_[a-f0-9]{40}|LTAI[A-Za-z0-9]{12,20}|pscale_(?:oauth|tkn|pw)_[A-Za-z0-9_.=-]{32,64})|[0-9]{8,10}:AA[0-9A-Za-z_-]{33}|(?:hooks\.slack\.com/(?:services|workflows|triggers)|webhook\.office\.com/webhookb2|discord(?:app)?\.com/api/webhooks)/[A-Za-z0-9@/_.-]{8,}|[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}|_secret_[A-Za-z0-9]{16,}|[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}|(?:sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
    pattern: API_KEY,
    requires: [
      'AKIA', 'ASIA', 'ABIA', 'ACCA', 'ecret', 'ECRET',
      'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'xox',
      'sk_', 'rk_', 'AIza', 'sk-', 'npm_', 'SG.', 'SK', 'AccessKey=', 'AccountKey=',
      'dop_v1_', 'doo_v1_', 'dor_v1_', 'Signature=',
      'gl', 'xapp-', 'shp', 'key-', 'dapi', 'PMAK-', 'sntry', 'pul-', 'rubygems_', 'xkeysib-', 'shippo_',
      'pat', 'CLOJARS_', 'v1.0-', 'sgp_', 'lsv2_', 'hf_', 'api_org_', 'pypi-', 'hvs.', 'hvb.', 'dp.',
      'lin_api_', 'glc_', 'glsa_', 'NRAK-', 'HRKU-', 'AGE-SECRET', 'sq0', 'dt0c01.', 'ATATT3', ':AA',
      'fo1_', 'sbp_', 'sm_', 'LTAI', 'pscale_', 'oken', 'squ_', 'sqp_', 'sqa_', 'sdk-', 'mob-', 'hooks.slack.com', 'webhook.office.com', '/api/webhooks/',
    ],
    // Bare "sk-" also starts kebab-case words; real OpenAI/Anthropic keys mix in digits.
    validate: (m) => !m.startsWith('sk-') || (HAS_DIGIT.test(m.slice(3)) && HAS_LETTER.test(m.slice(3))),
    replace: (_m, g) => `${g[0] ?? g[1] ?? g[2] ?? g[3] ?? g[4] ?? ''}${marker('api_key')}`,
  },
  {
    name: 'password_assignment',
    edge: String.raw`(?i)(?:password|passwd|passphrase|pwd|pw|keypass|storepass|pass|secrete?|secreto|token|auth|api[_-]?key|dbkey|license[_-]?key|signing[_-]?key|app[_-]?key|contrase[ñn]a|passwort|identified by)(?:[_-]?key)?(?:[_-][a-z0-9]{1,16}){0,3}(?:\[[0-9]{0,4}\])?\\?[\"']?(?:[ \t]*(?:=>|:=|==|[:=,(])[ \t]*@?(?:\\?\"[^\"\r\n]{1,512}|'[^'\r\n]{1,512}|[^\s\"'\\,;&}\])<>]{1,512})|[ \t]+@?(?:\"[^\"\r\n]{1,512}|'[^'\r\n]{1,512}))|<(?:[\w-]+:)?(?:password|passwd|pwd|secret|token|apikey|api_key|passphrase|clientsecret|client_secret)>[^<\r\n]{1,256}|(?:password|passphrase|api key|secret key)[ \t]+(?:is[ \t]+)?[^\s\"'<>]*[0-9!#$%&*?@^~][^\s\"'<>]*|\"[^\"\r\n]{4,128}\"[ \t]*[!=]==?[ \t]*[\w.]*(?i:password|passwd|secret|token|pwd)|(?:key|name)=\"[^\"\r\n]{0,40}(?i:password|secret|token|apikey)\"[ \t]+value=\"[^\"\r\n]{1,256}\"|<(?:[\w-]+:)?(?i:password|passwd|pwd|secret|token|passphrase)><Value>[^<\r\n]{1,256}|(?i:password|passphrase)[^\r\n.;:=]{0,60}\s(?:is|was|set to)\s+[\"']?[^\s\"'<>=]*[0-9!#$%&*?@^~][^\s\"'<>=]*|\$(?:2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{53}|apr1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|[156]\$(?:rounds=[0-9]+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{43}|argon2(?:id|i|d)\$v=[0-9]+\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)|<(?:[\w-]+:)?(?i:newpw|oldpw|pw|password|passwd|psk)(?:\s[^<>\r\n]{0,200})?>[^<\r\n]{1,256}|(?i:password|pass|secret|token)[\w-]*[\"']?\s+(?:set to|is|was|changed to|reset to)\s+[\"'][^\"'\r\n]+|(?i:wpa_?key|psk)[\"']?\s*[:=]\s*[\"']?[^\s\"',;}]+|(?i:mot de passe|passwort|kennwort|contrase[ñn]a|senha|wachtwoord|hasło|пароль|mật khẩu|parola|lösenord|パスワード|密码|密碼|비밀번호)[^\r\n]{0,60}?[\s:：をは「(\"']+[^\s\"'<>=)」]*[0-9!#$%&*?@^~][^\s\"'<>=)」]*`,
    pattern: PASSWORD_ASSIGNMENT,
    // A fragment of every key above, in each case the pattern accepts.
    requires: [
      'ass', 'ASS', 'pw', 'Pw', 'PW', 'odes', 'ode"', "ode'", 'ecret', 'ECRET', 'oken', 'OKEN', 'uth', 'UTH', 'pi', 'Pi', 'PI', 'key', 'Key', 'KEY', 'contrase', 'Contrase',
      'identified', 'IDENTIFIED', '$2', '$apr1$', '$1$', '$5$', '$6$', '$y$', '$argon2', 'scrypt:', 'pbkdf2:', '*', ':::', 'psk', 'PSK',
      'mot de passe', 'wort', 'enha', 'achtwoord', 'asło', 'ароль', 'mật khẩu', 'arola', 'ösenord', 'パスワード', '密码', '密碼', '비밀번호',
    ],
    validate: (_m, g) => {
      if (g[15] !== undefined) return true;
      const value = g[4] ?? g[6] ?? g[7] ?? g[8] ?? g[10] ?? g[12] ?? g[14] ?? '';
      if (PLACEHOLDER_VALUE.test(value) || SMALL_NUMBER.test(value)) return false;
      // PWD=/srv/app, secret=/run/secrets/db: a path names where a secret is, not the secret.
      if (PATH_VALUE.test(value)) return false;
      if (g[9] !== undefined || g[11] !== undefined) return true;
      // Prose and comparisons carry no assignment syntax: only a value that looks generated counts.
      if (g[8] !== undefined || g[13] !== undefined) return DIGIT_OR_SYMBOL.test(value) && !NUMBERISH.test(value);
      // pass=1284 fail=3: a test tally, not a password.
      if (PASS_TALLY_KEY.test(g[0] ?? '') && COUNT.test(value)) return false;
      const suffix = g[1];
      if (suffix !== undefined && BENIGN_KEY_SUFFIX.test(suffix)) return false;
      const sep = g[2] ?? '';
      // "Invalid token: signature mismatch" is prose, not an assignment: after "key: " an unquoted
      // value, and after a suffixed key (token_expires_in=3600) or a looser separator any value,
      // must look like a secret.
      const loose = suffix !== undefined || (sep !== '=' && sep !== ':' && sep !== '=>' && sep !== ':=');
      if (loose || (g[7] !== undefined && COLON_THEN_SPACE.test(g[0] ?? ''))) {
        return SECRET_LOOKING.test(value) && !NUMBERISH.test(value);
      }
      return true;
    },
    replace: (_m, g) => {
      const r = marker('password_assignment');
      if (g[8] !== undefined) return `"${r}"`;
      if (g[9] !== undefined) return `${g[9]}${r}`;
      if (g[11] !== undefined) return `${g[11]}${r}`;
      if (g[13] !== undefined) return `${g[13]}${r}`;
      if (g[15] !== undefined) return r;
      if (g[4] !== undefined) return `${g[0] ?? ''}${g[3] ?? ''}${r}${g[5] ?? ''}`;
      if (g[6] !== undefined) return `${g[0] ?? ''}'${r}'`;
      return `${g[0] ?? ''}${r}`;
    },
  },
  {
    name: 'cli_credential',
    edge: String.raw`\b(?:requirepass|masterauth)\s+\S+|(?:^|\s)(?:-u|--user)[ =]+[^\s:]+:\S+|--(?:[a-z0-9]+-)*(?:token|api-key|apikey|access-token|auth-token|password|passwd|passphrase|client-secret|secret|storepass|keypass)[ =]+["']?[^\s"'-]\S{7,}|\s-(?:src|dest)?(?:storepass|keypass)\s+\S+|\b(?:mysql|mysqldump|mysqladmin|mariadb|7z|7za)\b[^\r\n|;&]{0,200}\s-p[^\s-]\S*|\b(?:docker login|podman login|mongo|mongosh|sshpass|redis-cli|az login)\b[^\r\n|;&]{0,200}\s(?:-p|-a|--password)[ =]?["']?[^\s"'-]\S*|\b(?:sqlcmd|bcp|zip)\b[^\r\n|;&]{0,200}\s-P\s+\S+|\bldap[a-z]*\b[^\r\n|;&]{0,200}\s-w\s+\S+|\bsmb[a-z]*\b[^\r\n|;&]{0,200}\s-U\s*["']?[^\s"'%]+%\S+|\bhtpasswd(?:\s+-[A-Za-z]+)+\s+\S+\s+\S+\s+\S+|\brabbitmqctl\s+(?:add_user|change_password)\s+\S+\s+\S+|\bnet use\s+\S+\s+\S+\s+/user:|\becho\s+\S+\s*\|[^|\r\n]{0,200}--password-stdin|\b(?:login|logIn|signIn|sign_in|authenticate|connect|NetworkCredential|PasswordAuthentication|UsernamePasswordCredentials|setBasicAuth|basicAuth)\(\s*[^,()]{1,64},\s*["'\x60][^"'\x60]{1,256}["'\x60]|\bConvertTo-SecureString\s+(?:-String\s+)?["'][^"'\r\n]+["']|\bnet use(?:\s+[A-Za-z]:)?\s+\\\\\S+\s+/user:\S+\s+[^\s/]\S*|\b(?:xfreerdp|wfreerdp|sdl-freerdp)\b[^\r\n|;&]{0,200}\s[/-]p:\S+|(?:^|\s)-u\s+\S{1,128}\s+-p\s+["']?[^\s"'-]\S*|(?:ftp|FTP)[^\r\n]{0,60}\bPASS[ \t]+\S+|\bLOGIN[ \t]+"[^"\r\n]{1,128}"[ \t]+"[^"\r\n]+"|\b(?:PDO->__construct|new PDO|mysqli_connect|mysql_connect|getConnection)\(\s*["'][^"'\r\n]*["'],\s*["'][^"'\r\n]*["'],\s*["'][^"'\r\n]+["']|\becho\s+["']?[^\s"'|]+["']?\s*\|[^|\r\n]{0,200}\bsudo\b[^|\r\n]{0,20}-[A-Za-z]*S\b|\b(?:Client|algoliasearch|searchClient)\(\s*["'](?:AC[0-9a-f]{32}|[A-Z0-9]{10})["'],\s*["'][0-9a-f]{32}`,
    pattern: CLI_CREDENTIAL,
    requires: [
      'requirepass', 'masterauth', '-u', '--user', '--', 'login', 'logIn', 'signIn', 'sign_in', 'authenticate', 'connect(',
      'storepass', 'keypass', '-p', '-P', '-w', '-a', '-U', 'htpasswd', 'rabbitmqctl', 'net use', 'password-stdin', 'Credential', 'asicAuth',
      'SecureString', '/p:', 'ssh-keygen', '-D', 'PASS', 'LOGIN', 'PDO', 'connect(', 'Connection(', 'Client(', 'lient(', 'algoliasearch(', 'echo ',
    ],
    validate: (_m, g) => !PLACEHOLDER_VALUE.test(matchedTriple(g)[1]),
    replace: (_m, g) => {
      const [prefix, , suffix] = matchedTriple(g);
      return `${prefix}${marker('cli_credential')}${suffix}`;
    },
  },
  {
    name: 'url_query_secret',
    edge: String.raw`(?i)%22(?:password|passwd|pwd|secret|token|api_?key|access_token|refresh_token|client_secret)%22(?::|%3A)(?:%20)*%22[^\s&\"'<>%]+|[?&#;](?:(?:[A-Za-z0-9_.-]*[_.-])?(?:token|signature|sig|secret|credential)|access_token|id_token|(?:access|api|app|client|private|secret|subscription|auth|master|account|license|signing)[_.-]?key|key|appid|app_id|password|passwd|pass|pwd|code|auth|session|sid|client_secret)=[^&#\s\"'<>]+`,
    pattern: URL_QUERY_SECRET,
    requires: ['=', '%22'],
    replace: (_m, g) => `${g[0] ?? g[2] ?? ''}${marker('url_query_secret')}`,
  },
  {
    name: 'email',
    needs: { dots: 1 },
    edge: String.raw`[A-Za-z0-9\x{00C0}-\x{024F}._%+'-]{1,64}(?:@|%40|%2540)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}`,
    pattern: EMAIL,
    requires: ['@', '%40', '%2540'],
    validate: (_m, g) => !FILE_EXTENSION_TLD.test(g[0] ?? ''),
  },
  {
    name: 'iban',
    needs: { digits: 6 },
    edge: String.raw`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`,
    pattern: IBAN,
    validate: (m) => ibanCandidateValid(m),
  },
  {
    name: 'card_number',
    needs: { digitGroup: 13 },
    edge: String.raw`\b[2-6][0-9](?:[ -]?[0-9]){11,17}\b|\b[2-6][0-9]{3}\.[0-9]{4}\.[0-9]{4}\.[0-9]{4}\b`,
    pattern: CARD_NUMBER,
    // Written with separators, a card's groups have 3 or more digits (4-4-4-4, 4-6-5); byte
    // columns of a hex dump (40 10 00 00 ...) do not.
    validate: (m) => luhnValid(m) && !SHORT_DIGIT_GROUP.test(m),
  },
  {
    name: 'us_ssn',
    needs: { digitGroup: 9 },
    edge: String.raw`\b[0-9]{3}[- .][0-9]{2}[- .][0-9]{4}\b|(?i:ssn|social[ _]security(?:[ _]number)?)[\"']?[ \t]*[:=#]?[ \t]*[\"']?[0-9]{9}\b`,
    pattern: US_SSN,
    requires: ['-', '.', ' ', 'SSN', 'ssn', 'Ssn', 'ocial'],
  },
  {
    name: 'national_id',
    needs: { digitGroup: 6 },
    edge: String.raw`(?i)\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\b|\b[1-79][0-9]{2}[ -][0-9]{3}[ -][0-9]{3}\b|\b(?:sin|nas)[\"']?[ \t]*[:=#]?[ \t]*[\"']?[1-79][0-9]{8}\b`,
    pattern: NATIONAL_ID,
    validate: (m) => (HAS_LETTER.test(m) ? !UNALLOCATED_NI_PREFIX.test(m.toUpperCase()) : luhnValid(m, 9, 9)),
  },
  {
    name: 'phone_national',
    needs: { digitGroup: 9 },
    edge: String.raw`\b0[1-9][0-9]{0,4}[ /.-][0-9]{2,8}(?:[ /.-][0-9]{2,8}){0,3}\b|\b07[0-9]{9}\b|\b0[789]0[0-9]{8}\b|\b05[0-9]{8}\b|\b1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}\b|\b[2-9][0-9]{2} [2-9][0-9]{2} [0-9]{4}\b|\b[6-9][0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}\b|\b[6-9][0-9]{4} [0-9]{5}\b|\([1-9][0-9]\) ?9?[0-9]{4}-[0-9]{4}\b|\b8 ?\([0-9]{3}\) ?[0-9]{3}-[0-9]{2}-[0-9]{2}\b`,
    pattern: PHONE_NATIONAL,
    validate: (m) => nationalDigitsValid(m),
  },
  {
    name: 'phone',
    needs: { digitGroup: 7 },
    edge: String.raw`(?:\+|%2[Bb])[1-9](?:[ .()-]{0,2}[0-9]){6,14}|\b00 ?[1-9][0-9]{0,2}[ .-]?\(?[0-9]{3}(?:[ .()-]{0,2}[0-9]){4,11}|(?:\b1[ .-])?\([2-9][0-9]{2}\) ?[0-9]{3}[.-][0-9]{4}\b|\b(?:1[ .-])?[2-9][0-9]{2}[.-][0-9]{3}[.-][0-9]{4}\b|(?i:msisdn|phone|telephone|mobile|cell|tel|fax|sms)(?:_?number)?[\"']?(?:[ \t]*[:=][ \t]*[\"']?|[ \t]+)\+?[0-9](?:[ .()-]?[0-9]){7,14}|(?i:cellulare|mobilnummer|handy|telefon|téléphone|teléfono|móvil|celular|portable|telefoon|mobiel)[\"']?(?:[ \t]*[:=][ \t]*[\"']?|[ \t]+)\+?[0-9](?:[ .()-]?[0-9]){7,14}|\b00 ?[1-9][0-9]{0,2}[ .-]?\(?[0-9]{2,4}\)?[ .-]?[0-9]{3,4}(?:[ .-]?[0-9]{2,4}){0,3}`,
    pattern: PHONE,
    requires: [
      '+', '-', '.', '(', '%2', '00', '=', ':', 'hone', 'HONE', 'obil', 'OBIL', 'ell', 'el ', 'EL ', 'ax', 'AX', 'SMS', 'sms', 'msisdn', 'MSISDN',
      'andy', 'elef', 'éléphone', 'eléfono', 'óvil', 'ortable', '電話', '手机', '携帯',
    ],
    validate: (m) => {
      if (m.charCodeAt(0) !== 43 /* + */ && !m.startsWith('00')) return true;
      // "+1 (555) 123-4567" is fine; runs of punctuation such as "+1--2..3" are not a number.
      return !/[ .-]{2}/.test(m.replace(/[()]/g, ''));
    },
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
    edge: String.raw`/(?:home|Users|users)/[^/\s\"'\`\\:;,*?<>|()\[\]{}]+|[A-Za-z]:(?:\\{1,2}|/)(?:Users|users|USERS)(?:\\{1,2}|/)[^\\/\s\"':*?<>|]+|\\\\wsl(?:\$|\.localhost)\\[^\\\s]+\\home\\[^\\\s]+|~[a-z_][a-z0-9_.-]{0,31}/|%2[Ff](?:home|Users)%2[Ff][^%&\s]+|\\\\[\w.-]+\\(?:home|users|Users)\$?\\[^\\\s]+|[A-Za-z]:\\{1,2}Documents and Settings\\{1,2}[^\\/\s\"':*?<>|]+`,
    pattern: HOME_PATH,
    requires: ['home/', 'home\\', 'home$', 'home%', 'Users/', 'Users\\', 'Users$', 'Users%', 'users/', 'users\\', 'users$', 'users%', 'USERS/', 'USERS\\', '~', 'and Settings'],
    replace: (_m, g) => `${g[0] ?? g[2] ?? g[4] ?? ''}<user>`,
  },
  {
    name: 'high_entropy',
    needs: { longestRun: 24 },
    edge: String.raw`[A-Za-z0-9+-]{32,}={0,2}`,
    pattern: HIGH_ENTROPY,
    validate: (m, _g, before) => !IDENTIFIER_CONTEXT.test(before) && looksRandom(m),
  },
] satisfies Detector[]);
