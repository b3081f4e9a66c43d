/**
 * Checks a regular expression cannot make cheaply: checksums (Luhn, IBAN mod-97 with the registry's
 * lengths), digit counts and whether a token looks random (entropy, readable pieces, known kinds of
 * identifier). Detectors call these from `validate`.
 */

/** Luhn checksum over the digits of `s`, with `min`..`max` digits (cards 13..19, SINs 9); separators are ignored. */
export function luhnValid(s: string, min = 13, max = 19): boolean {
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

export const HAS_DIGIT = /[0-9]/;
export const HAS_LETTER = /[A-Za-z]/;
const LETTERS_ONLY = /^[A-Za-z/_+.-]+$/;
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

// Object ids with a type prefix (Stripe pi_/evt_/cus_, Anthropic msg_, OpenAI chatcmpl-/call_/run_):
// random by design, and what support tickets quote. Prefixed secrets (sk_live_, whsec_) are api_key's.
const TYPED_ID =
  /^(?:pi|pm|ch|py|re|po|tr|evt|cus|in|ii|sub|si|txn|acct|price|prod|plan|seti|src|card|ba|cs|msg|msgbatch|chatcmpl|call|conv|file|batch|run|step|asst|thread|resp|req|vs|ftjob|toolu|srvtoolu)[_-][A-Za-z0-9]{14,40}$/;
// Content addresses: sha512-/sha384- integrity strings, IPFS CIDs (v1 base32, v0 base58), Nix store paths.
// macOS per-user temp folders (/var/folders/xx/<random>/T/) are system paths, named at random;
// a CSP 'nonce-...' source is public in the page it protects.
const CONTENT_ADDRESS =
  /^(?:\/*(?:sha(?:1|256|384|512)-|nonce-|bafy[a-z2-7]{50,}(?:\/|$)|Qm[1-9A-HJ-NP-Za-km-z]{44}(?:\/|$))|\/nix\/store\/[0-9a-z]{32}-|(?:\/private)?\/var\/folders\/)/;

/**
 * A letters-only run that switches case as often as random base62 does (about every other
 * character); camelCase identifiers switch only at word starts (AbstractSingletonProxyFactoryBean:
 * about one in three).
 */
function lettersLookRandom(body: string): boolean {
  for (const piece of body.split(TOKEN_PIECE_SPLIT)) {
    if (piece.length < 24) continue;
    let switches = 0;
    for (let i = 1; i < piece.length; i++) {
      const a = piece.charCodeAt(i - 1) < 97;
      const b = piece.charCodeAt(i) < 97;
      if (a !== b) switches++;
    }
    if (switches / (piece.length - 1) >= 0.42 && shannonEntropy(piece) >= 4.0) return true;
  }
  return false;
}

export function looksRandom(token: string): boolean {
  if (!HAS_LETTER.test(token)) return false;
  const body = token.replace(/=+$/, '');
  if (!HAS_DIGIT.test(body)) return LETTERS_ONLY.test(body) && lettersLookRandom(body);
  if (UUID.test(body) || ULID.test(body) || HEX_WITH_SEPARATORS.test(body)) return false;
  if (TYPED_ID.test(body) || CONTENT_ADDRESS.test(body)) return false;
  // Routes and snake_case/kebab-case identifiers join readable pieces.
  let randomChars = 0;
  for (const piece of body.split(TOKEN_PIECE_SPLIT)) {
    if (!READABLE_PIECE.test(piece)) randomChars += piece.length;
  }
  if (randomChars < MIN_RANDOM_CHARS) return false;
  return shannonEntropy(body) >= 4.0;
}

/** IBAN length by country (SWIFT's IBAN registry); a lower-case candidate must be one of these. */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};
const HAS_LOWER = /[a-z]/;

/** mod-97 and, where the registry knows the country, its length; lower case only for known countries. */
export function ibanCandidateValid(m: string): boolean {
  const compact = m.replace(/ /g, '');
  const upper = compact.toUpperCase();
  const expected = IBAN_LENGTH[upper.slice(0, 2)];
  if (expected !== undefined ? compact.length !== expected : HAS_LOWER.test(compact)) return false;
  return ibanValid(upper);
}

/**
 * A national number has 9 to 12 digits; shorter runs are dates and counts, longer ones ids. Five
 * zeros in a row are padding (hex dumps: 0100 0000 0000), which no allocated number has.
 */
export function nationalDigitsValid(m: string): boolean {
  let digits = 0;
  let zeros = 0;
  for (let i = 0; i < m.length; i++) {
    const c = m.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    digits++;
    zeros = c === 48 ? zeros + 1 : 0;
    if (zeros >= 5) return false;
  }
  return digits >= 9 && digits <= 12;
}
