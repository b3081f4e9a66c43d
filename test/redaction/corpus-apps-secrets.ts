// Secret and personal-data corpus 3: mobile, desktop, CI, IaC and message-queue lines, in eleven languages.
//
// Written WITHOUT reading the redactor's source, its tests, or earlier held-out rounds.
// Shapes and contexts come from public sources cited above each group (GitHub issues where
// users pasted leaking logs, vendor docs for token formats, validator libraries for national
// numbers). Every value is SYNTHETIC: generated here from a seeded PRNG, but format-valid
// (Luhn for cards / CA SIN, ISO 13616 mod-97 plus national check digits for IBANs, HMRC prefix
// rules for NINO, SSA randomisation rules for SSN, real parseable PEM/DER key material, real
// HMAC/RSA-signed JWTs, real pbkdf2/scrypt/argon2 hashes).
//
// `secrets` lists the substrings that must NOT survive scrubbing (values, never key names).
// The module verifies, when it is first built, that every secret occurs in its line and that
// every generated number passes its checksum; it throws otherwise.

import { mulberry32 } from '../helpers/prng.ts';
import * as nodeCrypto from 'node:crypto';
import {
  createECDH,
  createHmac,
  createPrivateKey,
  createPublicKey,
  pbkdf2Sync,
  scryptSync,
  sign as cryptoSign,
} from 'node:crypto';

export interface Round3Line {
  text: string;
  secrets: string[];
  cls: string;
  src: string;
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG and character sets
// ---------------------------------------------------------------------------------------------


let rnd: () => number = mulberry32(0x0e7e3);

const DIG = '0123456789';
const HEX = '0123456789abcdef';
const UPHEX = '0123456789ABCDEF';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = UPPER + LOWER + DIG;
const LOWALNUM = LOWER + DIG;
const UPALNUM = UPPER + DIG;
const URLSAFE = ALNUM + '-_';
const B64 = ALNUM + '+/';
const CRYPT64 = './' + DIG + UPPER + LOWER;
const BCRYPT64 = './' + UPPER + LOWER + DIG;

function int(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
function pick<T>(a: readonly T[]): T {
  return a[Math.floor(rnd() * a.length)] as T;
}
function str(charset: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += charset[Math.floor(rnd() * charset.length)];
  return s;
}
function digits(n: number): string {
  return str(DIG, n);
}
function nz(n: number): string {
  // n digits, first one non-zero
  return str('123456789', 1) + digits(n - 1);
}
function bytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}
function b64(b: Buffer | string): string {
  return Buffer.from(b).toString('base64');
}
function b64url(b: Buffer | string): string {
  return Buffer.from(b).toString('base64url');
}
function b64nopad(b: Buffer): string {
  return b.toString('base64').replace(/=+$/, '');
}
function uuid(): string {
  const h = str(HEX, 32).split('');
  h[12] = '4';
  h[16] = pick(['8', '9', 'a', 'b']);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
function fill(pattern: string): string {
  // '#' -> digit, 'N' -> non-zero digit
  return pattern.replace(/[#N]/g, (c) => (c === '#' ? digits(1) : nz(1)));
}
function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`round3 corpus self-check failed: ${msg}`);
}

// ---------------------------------------------------------------------------------------------
// Passwords (synthetic; mixture of human-style, random and passphrase styles)
// ---------------------------------------------------------------------------------------------

const PW_WORDS = [
  'Sommer', 'Winter', 'Herbst', 'Kaffee', 'Bayern', 'Primavera', 'Verano', 'Soleil', 'Sakura',
  'Falcon', 'Maple', 'Lisboa', 'Gatinho', 'Tigre', 'Pinguin', 'Nordsee', 'Karibik', 'Biscuit',
  'Tsubasa', 'Galaxia', 'Rotkehl', 'Papillon', 'Leopard', 'Amsterdam', 'Cerveza', 'Dragon',
];
const PHRASE = [
  'lantern', 'oyster', 'grumpy', 'velvet', 'cactus', 'harbor', 'quartz', 'meadow', 'tundra',
  'pickle', 'saffron', 'glacier', 'violin', 'marble', 'nimbus', 'otter', 'plasma', 'juniper',
];
function pwHuman(): string {
  return `${pick(PW_WORDS)}${int(1979, 2025)}${pick(['!', '#', '$', '?', '.', '*', '!!', '%'])}`;
}
function pwRandom(n = 14): string {
  // at least one of each class, no quotes / spaces / backslashes
  const extra = '!#%&*-_=+.?';
  let s = str(ALNUM + extra, n - 3) + str(UPPER, 1) + str(DIG, 1) + str(extra, 1);
  return s
    .split('')
    .sort(() => rnd() - 0.5)
    .join('');
}
function pwUrl(n = 16): string {
  // safe inside URL userinfo without encoding
  return str(ALNUM + '-_.~', n - 2) + str(DIG, 1) + str(UPPER, 1);
}
function pwPhrase(): string {
  return `${pick(PHRASE)}-${pick(PHRASE)}-${pick(PHRASE)}-${digits(2)}`;
}
function pw(): string {
  const r = rnd();
  return r < 0.35 ? pwHuman() : r < 0.8 ? pwRandom(int(12, 20)) : pwPhrase();
}

// ---------------------------------------------------------------------------------------------
// Checksums: Luhn, IBAN mod-97 with national check digits, NINO, SSN, SIN
// ---------------------------------------------------------------------------------------------

function luhnValid(num: string): boolean {
  const d = num.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}
function luhnComplete(partial: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(partial + c)) return partial + c;
  throw new Error('luhn');
}
function card(prefix: string, len: number): string {
  const n = luhnComplete(prefix + digits(len - prefix.length - 1));
  assert(luhnValid(n) && n.length === len, `card ${n}`);
  return n;
}
function group4(n: string, sizes: number[], sep = ' '): string {
  const out: string[] = [];
  let i = 0;
  for (const s of sizes) {
    out.push(n.slice(i, i + s));
    i += s;
  }
  return out.join(sep);
}

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return r;
}
function ibanNumeric(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
}
const IBAN_LEN: Record<string, number> = {
  DE: 22, GB: 22, FR: 27, ES: 24, IT: 27, NL: 18, BE: 16, CH: 21, AT: 20, PL: 28, PT: 25,
  NO: 15, SE: 24, IE: 22, LU: 20, FI: 18, DK: 18,
};
function iban(cc: string, bban: string): string {
  const check = 98 - mod97(ibanNumeric(bban + cc + '00'));
  const out = cc + String(check).padStart(2, '0') + bban;
  assert(out.length === IBAN_LEN[cc], `iban length ${out}`);
  assert(mod97(ibanNumeric(out.slice(4) + out.slice(0, 4))) === 1, `iban mod97 ${out}`);
  return out;
}
function ibanSpaced(i: string): string {
  return i.replace(/(.{4})/g, '$1 ').trim();
}
function bbanDE(): string {
  return nz(8) + digits(10);
}
function bbanGB(): string {
  return pick(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL', 'NAIA']) + digits(6) + digits(8);
}
function bbanFR(): string {
  const bank = nz(5);
  const branch = digits(5);
  const acct = digits(11);
  const key = 97n - ((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(acct)) % 97n);
  return bank + branch + acct + String(key).padStart(2, '0');
}
function esDc(ten: string): string {
  const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  let s = 0;
  for (let i = 0; i < 10; i++) s += Number(ten[i]) * (w[i] as number);
  let d = 11 - (s % 11);
  if (d === 11) d = 0;
  if (d === 10) d = 1;
  return String(d);
}
function bbanES(): string {
  const bank = nz(4);
  const branch = digits(4);
  const acct = digits(10);
  return bank + branch + esDc('00' + bank + branch) + esDc(acct) + acct;
}
function bbanIT(): string {
  const abi = nz(5);
  const cab = digits(5);
  const acct = digits(12);
  const s = abi + cab + acct;
  const odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const v = Number(s[i]);
    sum += i % 2 === 0 ? (odd[v] as number) : v;
  }
  const cin = String.fromCharCode(65 + (sum % 26));
  return cin + s;
}
function bbanNL(): string {
  for (;;) {
    const a = nz(10);
    let s = 0;
    for (let i = 0; i < 10; i++) s += Number(a[i]) * (10 - i);
    if (s % 11 === 0) return pick(['ABNA', 'INGB', 'RABO', 'TRIO', 'KNAB', 'BUNQ']) + a;
  }
}
function bbanBE(): string {
  const first = nz(3) + digits(7);
  let c = Number(BigInt(first) % 97n);
  if (c === 0) c = 97;
  return first + String(c).padStart(2, '0');
}
function bbanCH(): string {
  return '00' + nz(3) + digits(12);
}
function bbanAT(): string {
  return nz(5) + digits(11);
}
function bbanPL(): string {
  const b7 = nz(7);
  const w = [3, 9, 7, 1, 3, 9, 7];
  let s = 0;
  for (let i = 0; i < 7; i++) s += Number(b7[i]) * (w[i] as number);
  return b7 + String((10 - (s % 10)) % 10) + digits(16);
}
function bbanPT(): string {
  const first = pick(['0033', '0035', '0036', '0007', '0010']) + digits(4) + digits(11);
  const chk = 98 - Number((BigInt(first) * 100n) % 97n);
  return first + String(chk).padStart(2, '0');
}
function bbanNO(): string {
  for (;;) {
    const ten = nz(4) + digits(6);
    const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let s = 0;
    for (let i = 0; i < 10; i++) s += Number(ten[i]) * (w[i] as number);
    let c = 11 - (s % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    return ten + String(c);
  }
}
function bbanSE(): string {
  return pick(['500', '600', '800', '300']) + digits(17);
}
function bbanIE(): string {
  return pick(['AIBK', 'BOFI', 'IPBS']) + digits(6) + digits(8);
}

const NINO_BAD_FIRST = 'DFIQUV';
const NINO_BAD_SECOND = 'DFIOQUV';
const NINO_BAD_PAIRS = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];
function ninoValid(n: string): boolean {
  const c = n.replace(/\s/g, '');
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(c)) return false;
  if (NINO_BAD_FIRST.includes(c[0] as string)) return false;
  if (NINO_BAD_SECOND.includes(c[1] as string)) return false;
  return !NINO_BAD_PAIRS.includes(c.slice(0, 2));
}
function nino(): string {
  for (;;) {
    const n = str(UPPER, 2) + digits(6) + pick(['A', 'B', 'C', 'D']);
    if (ninoValid(n)) return n;
  }
}
function ssnValid(s: string): boolean {
  const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(s);
  if (!m) return false;
  const a = Number(m[1]);
  const g = Number(m[2]);
  const sr = Number(m[3]);
  if (a === 0 || a === 666 || a >= 900 || g === 0 || sr === 0) return false;
  return !['078051120', '219099999', '123456789'].includes(m[1]! + m[2]! + m[3]!);
}
function ssn(sep = '-'): string {
  for (;;) {
    const a = String(int(1, 899)).padStart(3, '0');
    const s = `${a}${sep}${String(int(1, 99)).padStart(2, '0')}${sep}${String(int(1, 9999)).padStart(4, '0')}`;
    if (ssnValid(s)) return s;
  }
}
function sin(sep = ' '): string {
  const n = luhnComplete(pick(['1', '2', '3', '4', '5', '6', '7', '9']) + digits(7));
  assert(luhnValid(n), `sin ${n}`);
  return `${n.slice(0, 3)}${sep}${n.slice(3, 6)}${sep}${n.slice(6)}`;
}

// ---------------------------------------------------------------------------------------------
// Public IPs, e-mail addresses
// ---------------------------------------------------------------------------------------------

const PUBLIC_FIRST_OCTETS = [
  31, 37, 46, 62, 78, 79, 80, 81, 82, 84, 85, 87, 88, 89, 91, 93, 94, 95, 109, 141, 145, 151,
  176, 178, 185, 188, 193, 194, 195, 212, 213, 217, 23, 24, 50, 64, 66, 67, 68, 69, 70, 71, 73,
  74, 76, 96, 97, 98, 99, 104, 107, 108, 162, 173, 174, 184, 201, 187, 177, 41, 102, 105, 154,
];
function ipv4(): string {
  return `${pick(PUBLIC_FIRST_OCTETS)}.${int(1, 254)}.${int(0, 255)}.${int(1, 254)}`;
}
function ipv6(): string {
  const prefix = pick(['2a02:810d', '2a01:c22', '2003:e8', '2600:1700', '2601:645', '2406:3003', '2804:14c', '2a00:23c7']);
  const h = () => str(HEX, int(1, 4)).replace(/^0+(?=.)/, '');
  return `${prefix}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`.split(':').slice(0, 8).join(':');
}

// ---------------------------------------------------------------------------------------------
// Deterministic key material: RSA (BigInt, seeded), Ed25519, P-256
// ---------------------------------------------------------------------------------------------

function bigFromBytes(b: Buffer): bigint {
  return BigInt('0x' + (b.toString('hex') || '0'));
}
function bigToBytes(n: bigint): Buffer {
  let h = n.toString(16);
  if (h.length % 2) h = '0' + h;
  return Buffer.from(h, 'hex');
}
function modpow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
const SMALL_PRIMES: number[] = (() => {
  const out: number[] = [];
  for (let n = 3; out.length < 400; n += 2) if (out.every((p) => n % p !== 0)) out.push(n);
  return out;
})();
function probablePrime(n: bigint): boolean {
  for (const p of SMALL_PRIMES) if (n % BigInt(p) === 0n) return n === BigInt(p);
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (let k = 0; k < 24; k++) {
    const a = 2n + (bigFromBytes(bytes(16)) % (n - 4n));
    let x = modpow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let comp = true;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) {
        comp = false;
        break;
      }
    }
    if (comp) return false;
  }
  return true;
}
function genPrime(bits: number): bigint {
  for (;;) {
    const b = bytes(bits / 8);
    b[0] = (b[0] as number) | 0xc0;
    b[b.length - 1] = (b[b.length - 1] as number) | 1;
    const c = bigFromBytes(b);
    if (probablePrime(c)) return c;
  }
}
function modInv(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
function derLen(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const b = bigToBytes(BigInt(n));
  return Buffer.concat([Buffer.from([0x80 | b.length]), b]);
}
function derTlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLen(body.length), body]);
}
function derInt(n: bigint): Buffer {
  let b = bigToBytes(n);
  if ((b[0] as number) & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return derTlv(0x02, b);
}
function pem(label: string, der: Buffer, width = 64): string {
  const body = der.toString('base64').match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
function rsaPkcs1Pem(bits: number): string {
  const e = 65537n;
  for (;;) {
    const p = genPrime(bits / 2);
    const q = genPrime(bits / 2);
    if (p === q) continue;
    const phi = (p - 1n) * (q - 1n);
    if (phi % e === 0n) continue;
    const n = p * q;
    const d = modInv(e, phi);
    const der = derTlv(
      0x30,
      Buffer.concat([derInt(0n), derInt(n), derInt(e), derInt(d), derInt(p), derInt(q), derInt(d % (p - 1n)), derInt(d % (q - 1n)), derInt(modInv(q, p))]),
    );
    const text = pem('RSA PRIVATE KEY', der);
    createPrivateKey(text); // throws if malformed
    return text;
  }
}
function ed25519Pkcs8(): { pem: string; der: Buffer; seed: Buffer } {
  const seed = bytes(32);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { pem: pem('PRIVATE KEY', der), der, seed };
}
function opensshEd25519(comment: string): string {
  const { der, seed } = ed25519Pkcs8();
  const pub = Buffer.from(
    (createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' }) as { x: string }).x,
    'base64url',
  );
  const sshStr = (b: Buffer | string) => {
    const buf = Buffer.from(b);
    const l = Buffer.alloc(4);
    l.writeUInt32BE(buf.length);
    return Buffer.concat([l, buf]);
  };
  const u32 = (n: number) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(n >>> 0);
    return l;
  };
  const pubBlob = Buffer.concat([sshStr('ssh-ed25519'), sshStr(pub)]);
  const check = Math.floor(rnd() * 0xffffffff);
  let priv = Buffer.concat([u32(check), u32(check), sshStr('ssh-ed25519'), sshStr(pub), sshStr(Buffer.concat([seed, pub])), sshStr(comment)]);
  for (let i = 1; priv.length % 8 !== 0; i++) priv = Buffer.concat([priv, Buffer.from([i])]);
  const blob = Buffer.concat([Buffer.from('openssh-key-v1\0'), sshStr('none'), sshStr('none'), sshStr(''), u32(1), sshStr(pubBlob), sshStr(priv)]);
  const text = pem('OPENSSH PRIVATE KEY', blob, 70);
  // OpenSSL cannot decode the OpenSSH container, so check its structure directly.
  const round = Buffer.from(bodyLines(text).join(''), 'base64');
  assert(round.subarray(0, 15).toString('latin1') === 'openssh-key-v1\0', 'openssh magic');
  assert(round.includes(Buffer.concat([u32(check), u32(check)])) && round.includes(Buffer.concat([seed, pub])), 'openssh body');
  return text;
}
function p256(): { sec1: string; jwk: { kty: string; crv: string; x: string; y: string; d: string } } {
  const d = bytes(32);
  d[0] = (d[0] as number) & 0x7f;
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const der = Buffer.concat([
    Buffer.from('30770201010420', 'hex'),
    d,
    Buffer.from('a00a06082a8648ce3d030107a144034200', 'hex'),
    pub,
  ]);
  const text = pem('EC PRIVATE KEY', der);
  const key = createPrivateKey(text);
  const jwk = key.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string; d: string };
  return { sec1: text, jwk };
}
function bodyLines(pemText: string): string[] {
  return pemText.split('\n').filter((l) => l && !l.startsWith('-----'));
}

// JWTs: real HS256 / RS256 signatures
function jwtHS256(payload: Record<string, unknown>, kid?: string): string {
  const header: Record<string, string> = { alg: 'HS256', typ: 'JWT' };
  if (kid) header.kid = kid;
  const si = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${si}.${createHmac('sha256', bytes(32)).update(si).digest('base64url')}`;
}
let RSA_FOR_JWT = '';
function jwtRS256(payload: Record<string, unknown>, kid: string): string {
  const si = `${b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  return `${si}.${cryptoSign('sha256', Buffer.from(si), RSA_FOR_JWT).toString('base64url')}`;
}

// ---------------------------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------------------------

let BUILT: Round3Line[] | null = null;

function build(): Round3Line[] {
  rnd = mulberry32(0x0e7e3);
  const out: Round3Line[] = [];
  let CLS = '';
  let SRC = '';
  const group = (cls: string, src: string) => {
    CLS = cls;
    SRC = src;
  };
  const add = (text: string, ...secrets: string[]) => {
    out.push({ text, secrets, cls: CLS, src: SRC });
  };
  const R = String.raw;
  const enc = encodeURIComponent;

  // =============================================================================================
  // 1. Credentials inside connection strings / URLs
  // Sources:
  //   src-d/style-analyzer#670 (postgres:// URL in structured log)
  //   impossibl/pgjdbc-ng#556 (jdbc:pgsql ...&password= in Housekeeper WARNING)
  //   dotnet/orleans#6134 (ADO.NET ConnectionString=...Password=...)
  //   statping/statping#229, EnterpriseDB/repmgr#780 (libpq conninfo key=value)
  //   wagslane/go-rabbitmq#190, danihodovic/celery-exporter#308, rabbitmq/rabbitmq-server#2709 (amqp URIs)
  //   seglo/kafka-lag-exporter#40, logstash-plugins/logstash-integration-kafka#231 (JAAS config)
  //   MicrosoftDocs/azure-docs#75242 (Azure Storage connection string shape)
  //   ing-bank/cassandra-jdbc-wrapper#71 (toString of connection properties)
  //   mschlenstedt/Loxberry#72 (German wget log with ftp://user:pass@)
  //   rancher/rancher#40585 (--set proxy=http://user:pass@)
  //   go-gitea/gitea#3055, jenkins-x/jx#3333, glsec/glsec#299 (git remote URLs carrying tokens)
  //   ibmdb/node-ibm_db#563, DataDog/dd-agent#3053 (driver debug / exception strings)
  // =============================================================================================
  group('connection-string', 'src-d/style-analyzer#670; impossibl/pgjdbc-ng#556; dotnet/orleans#6134; statping/statping#229; EnterpriseDB/repmgr#780; wagslane/go-rabbitmq#190; rabbitmq/rabbitmq-server#2709; seglo/kafka-lag-exporter#40; logstash-plugins/logstash-integration-kafka#231; MicrosoftDocs/azure-docs#75242; ing-bank/cassandra-jdbc-wrapper#71; mschlenstedt/Loxberry#72; rancher/rancher#40585; go-gitea/gitea#3055; jenkins-x/jx#3333; glsec/glsec#299');
  {
    let p = pwUrl();
    add(`{"level":"info","msg":"Created SQLAlchemyModelRepository(db=postgres://lookout:${p}@pg-main.lookout.svc:5432/lookout-style-analyzer?sslmode=disable, fs=/tmp/models)","source":"cmdline.py:77","thread":"8fbd","time":"2025-03-05T18:11:31.430174000+00:00"}`, p);
    p = pwUrl(14);
    add(`WARNING: Cleaning up leaked connection ( jdbc:pgsql://db7.orders.acme-intra.net/orders?user=svc_orders&ssl.mode=require&password=${p} )`, p);
    p = pwRandom(18);
    add(`[08:32:34 INF] Initialized storage provider: ServiceId=billing ProviderName=Default Invariant=System.Data.SqlClient ConnectionString=Data Source=sql-eu-2.corp.local;Database=Orleans;User Id=orleans_rw;Password=${p};.`, p);
    p = pwHuman();
    add(`INFO: Database connection to 'host=postgres_statping port=5432 user=statping dbname=statping password=${p} timezone=UTC sslmode=disable' is not available, trying again in 5 seconds...`, p);
    p = pwRandom(16);
    add(`[2025-01-14 03:12:55] [WARNING] unable to connect to upstream node "node2" (ID: 2): conninfo "host=pg-node2.repl.internal user=repmgr dbname=repmgr password=${p} connect_timeout=2"`, p);
    p = pwUrl(20);
    add(`time=2025-10-01T09:30:06.453Z level=INFO source=:0 msg="gorabbit WARN: failed to connect to amqp server amqps://ingest-worker:${p}@mq-03.internal:5671/orders: dial tcp 10.4.2.9:5671: connect: connection refused"`, p);
    const p1 = pwUrl(12);
    const p2 = pwUrl(15);
    add(`[{"value":{"ack-mode":"on-confirm","dest-add-forward-headers":false,"dest-protocol":"amqp091","dest-queue":"orders.us","dest-uri":"amqp://shovel_dst:${p1}@rmq-us-east.internal:5672","src-delete-after":"never","src-protocol":"amqp091","src-queue":"orders","src-uri":"amqp://shovel_src:${p2}@localhost:5672"},"vhost":"/","component":"shovel","name":"eu-to-us"}]`, p1, p2);
    p = pwUrl(22);
    add(`[2025-06-06 11:02:19,114: ERROR/MainProcess] consumer: Cannot connect to amqp://celery:${p}@rabbitmq.celery.svc:5672//: [Errno 111] Connection refused. Trying again in 4.00 seconds... (2/100)`, p);
    p = pwRandom(14);
    add(`kafka-lag-exporter | 2025-07-24 10:28:35,231 INFO  c.l.k.KafkaClusterManager$ akka://kafka-lag-exporter/user - Cluster Added: KafkaCluster(kafka-company-db,broker-1.kafka:9093,... org.apache.kafka.common.security.scram.ScramLoginModule required username="lag-exporter" password="${p}";)`, p);
    let k = b64(bytes(32));
    add(R`[DEBUG][logstash.inputs.kafka] config LogStash::Inputs::Kafka/@sasl_jaas_config = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"$ConnectionString\" password=\"Endpoint=sb://evh-telemetry-weu.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=${k}\";"`, k);
    k = b64(bytes(64));
    add(`Error creating a Blob container reference. No valid combination of account information found. Value: DefaultEndpointsProtocol=https;AccountName=stfnappprodweu01;AccountKey=${k};EndpointSuffix=core.windows.net`, k);
    k = b64(bytes(32));
    add(`03-02 14:21:07.118  4410  4471 E IoTHubTransport: open failed for HostName=iot-fleet-weu.azure-devices.net;DeviceId=truck-0193;SharedAccessKey=${k} (MQTT CONNACK 5)`, k);
    p = pwUrl(24);
    add(`redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled. url=rediss://default:${p}@redis-12345.c250.eu-central-1-1.ec2.redns.redis-cloud.com:12345/0`, p);
    p = pwUrl(16);
    add(`MongoServerSelectionError: connection <monitor> to 10.0.3.7:27017 closed (uri: mongodb+srv://app_reader:${p}@cluster0.ab1cd.mongodb.net/shop?retryWrites=true&w=majority)`, p);
    p = pwUrl(18);
    add(`[mysql] 2025/03/11 07:12:44 packets.go:37: unexpected EOF while dialing dsn="billing:${p}@tcp(mysql-ro.billing.svc:3306)/billing?parseTime=true&loc=UTC"`, p);
    p = pwRandom(15);
    add(`2025-02-02 09:00:01.412 ERROR 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization. jdbcUrl=jdbc:sqlserver://sqlsrv01.corp.local:1433;databaseName=HR;user=hr_app;password=${p};encrypt=true;trustServerCertificate=false`, p);
    p = pwUrl(12);
    add(`ORA-01017: invalid username/password; logon denied -- while running sqlplus -s etl_loader/${p}@//ora-prod.corp.local:1521/ORCLPDB1 @/opt/etl/load.sql`, p);
    p = pwUrl(20);
    add(`nats: error: authorization violation on connection to nats://telemetry:${p}@nats-0.nats.default.svc:4222 [cid 8813]`, p);
    p = pwUrl(16);
    add(`elastic_transport.ConnectionError: Connection error caused by: NewConnectionError(<urllib3.connection.HTTPSConnection object at 0x7f3c>) while POST https://elastic:${p}@es-logs.internal:9200/_bulk`, p);
    p = pwUrl(14);
    add(`settings: EMAIL_URL=smtp+tls://notifications%40shop-mail.de:${p}@smtp.ionos.de:587 (django-environ)`, p);
    p = pwUrl(18);
    add(`t=2025-04-01T08:12:44+0000 lvl=eror msg="Failed to ping datasource" logger=datasource uid=ch-events url=clickhouse://default:${p}@ch-analytics.internal:9000/events`, p);
    p = pwRandom(13);
    add(`connection = CassandraConnection [connectionProperties={localdatacenter=dc1, consistency=LOCAL_QUORUM, password=${p}, user=cass_app, keyspace=telemetry}]`, p);
    p = pwUrl(12);
    add(`[mqtt] 2025-05-09T17:44:02Z reconnect to mqtt://sensor-gw:${p}@broker.farm-net.local:1883 failed: not authorized`, p);
    p = pwUrl(13);
    add(`converted 'ftp://admin:${p}@ftp.loxberry-backup.de:21/log' (ANSI_X3.4-1968) -> 'ftp://admin:${p}@ftp.loxberry-backup.de:21/log' (UTF-8)`, p);
    p = pwUrl(10);
    add(`helm upgrade rancher rancher-stable/rancher -n cattle-system --set hostname=rancher.corp.local --set proxy="http://svc-proxy:${p}@10.11.12.12:1234/"`, p);
    p = pwRandom(14);
    add(`odbc: [Microsoft][ODBC Driver 18 for SQL Server]Login failed for user 'ledger_app'. DSN="DRIVER={ODBC Driver 18 for SQL Server};SERVER=tcp:sqlsrv-fin.database.windows.net,1433;DATABASE=ledger;UID=ledger_app;PWD={${p}};Encrypt=yes"`, p);
    p = pwRandom(16);
    add(`Npgsql.PostgresException (0x80004005): 28P01: password authentication failed for user "metabase" [ConnectionString: Host=pg-analytics;Port=5432;Username=metabase;Password=${p};Database=metabase;SSL Mode=Require]`, p);
    p = pwUrl(15);
    add(`{"breadcrumbs":[{"category":"sqlalchemy","message":"Engine(mysql+pymysql://wp_admin:${p}@mariadb.wp.svc:3306/wordpress)","level":"info"}]}`, p);
    p = pwRandom(12);
    add(`#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(70): PDO->__construct('mysql:host=mysql-primary;port=3306;dbname=forge', 'forge', '${p}', Array)`, p);
    let t = 'glpat-' + str(URLSAFE, 20);
    add(` > git config remote.origin.url https://jenkins-x:${t}@gitlab.com/acme/platform # timeout=10\nSetting origin to https://jenkins-x:${t}@gitlab.com/acme/platform`, t);
    t = 'ghp_' + str(ALNUM, 36);
    add(`2025/12/01 11:10:37 [...odels/repo_mirror.go:252 SyncMirrors()] [E] Failed to update mirror repository '/home/git/gitea-repositories/infra/terraform.git': fatal: Authentication failed for 'https://deploybot:${t}@github.com/acme-infra/terraform.git/'`, t);
    t = 'glpat-' + str(URLSAFE, 20);
    add(`$ git push https://ci:${t}@gitlab.com/inkscape/translations.git master`, t);
    p = pwUrl(14);
    add(`Looking in indexes: https://deploy:${p}@nexus.corp.local/repository/pypi-group/simple`, p);
    p = pwUrl(16);
    add(`[2025-01-20, 03:00:01 UTC] {base.py:83} INFO - Using connection ID 'sftp_partner' for task execution. URI: sftp://edi_partner:${p}@sftp.partner-logistik.de:22/outbound/`, p);
    p = pwUrl(18);
    add(`AIRFLOW_CONN_POSTGRES_DWH='postgresql://dwh_loader:${p}@dwh.internal:5432/dwh?options=-csearch_path%3Dstaging'`, p);
    p = 'pscale_pw_' + str(URLSAFE, 43);
    add(`prisma:error Error opening a TLS connection: DATABASE_URL=mysql://x9q2lk0a7b3c:${p}@aws.connect.psdb.cloud/shop?sslaccept=strict`, p);
    p = pwUrl(14);
    add(`[influxdb] E! [outputs.influxdb] When writing to [influxdb://grafana:${p}@influx.monitoring:8086/telegraf]: 401 Unauthorized`, p);
  }

  // =============================================================================================
  // 2. Passwords (key=value, JSON, CLI flags, protocol transcripts, IaC output, non-English)
  // Sources:
  //   mitchellurgero/openrsd#3 (sudo COMMAND line carrying the password as an argument)
  //   Ylianst/MeshCentral#1313 ('authenticating %s:%s:%s')
  //   aio-libs/aioftp#111 (INFO:aioftp.client:PASS ...), mscdex/node-imap#716 (A2 LOGIN "u" "p")
  //   doublecmd/doublecmd#1370 (RT_Password request proc), Opticos/GWSL-Source#36 (echo pw | sudo -S)
  //   geerlingguy/ansible-role-mysql#596, ibm-mas/ansible-devops#78, ansible/ansible#24181 (Ansible -v output)
  //   oVirt/terraform-provider-ovirt#244, hashicorp/terraform-provider-random#153,
  //   hashicorp/terraform-provider-azurerm#3033 (plan output / state)
  //   helmfile/helmfile#2738, helm/helm#12507 (helm values)
  //   absinthe-graphql/absinthe#881, MemberJunction/MJ#2638 (GraphQL arguments / variables logged)
  //   dadi/publish#334 (password in GET filter), metaregistrar/php-epp-client#174 (<newPW>)
  //   fisharebest/webtrees#3242 (SMTP_AUTH_PASS), FreeRDP/FreeRDP-WebConnect#83 (password in GET)
  //   platform9/pf9-ui-plugin#1070 (Bugsnag error.config.data), zacharee/HINTControl#139 (wpaKey)
  //   GDI-NC/ADESS-App-Issues#116 (French), centreon-archive/centreon-archived#2801 (French),
  //   mschlenstedt/Loxberry#72 (German), DuyPham111/HW06#4 (Vietnamese login response)
  // =============================================================================================
  group('password', 'mitchellurgero/openrsd#3; Ylianst/MeshCentral#1313; aio-libs/aioftp#111; mscdex/node-imap#716; doublecmd/doublecmd#1370; Opticos/GWSL-Source#36; geerlingguy/ansible-role-mysql#596; ibm-mas/ansible-devops#78; ansible/ansible#24181; oVirt/terraform-provider-ovirt#244; hashicorp/terraform-provider-random#153; helmfile/helmfile#2738; absinthe-graphql/absinthe#881; dadi/publish#334; metaregistrar/php-epp-client#174; fisharebest/webtrees#3242; FreeRDP/FreeRDP-WebConnect#83; platform9/pf9-ui-plugin#1070; zacharee/HINTControl#139; GDI-NC/ADESS-App-Issues#116; centreon-archive/centreon-archived#2801; DuyPham111/HW06#4');
  {
    let p = pw();
    add(`Dec 16 02:08:09 leto sudo:     matt : TTY=unknown ; PWD=/var/www/html/dashboard ; USER=root ; COMMAND=./app/bin/chkpasswd matt ${p}`, p);
    p = pwHuman();
    add(`authenticating default:admin:${p}`, p);
    p = pwRandom(11);
    add(`INFO:aioftp.client:PASS ${p}`, p);
    p = pwRandom(13);
    let e = `j.meier${int(10, 99)}@gmx.de`;
    add(`[connection] => A2 LOGIN "${e}" "${p}"`, e, p);
    p = pwRandom(14);
    add(`Nov 24 09:12:55 ws-17 doublecmd.desktop[4411]: MainRequestProc (0,RT_Password,Double Commander,,${p})True`, p);
    p = pwHuman();
    add(`21-02-10 09:49:21,482 - GWSL 1.3.7 - INFO - (run) WSL SHELL $ wsl.exe ~ -d Ubuntu . ~/.profile;nohup /bin/sh -c "echo "${p}" | sudo -H -S sudo /etc/init.d/dbus start &"`, p);
    p = pwRandom(16);
    add(`ok: [srv-live-db01] => (item={'name': 'user_1', 'host': 'localhost', 'password': '${p}', 'priv': '*.*:PROCESS,REPLICATION CLIENT', 'state': 'present'}) => {"changed": false, "user": "user_1"}`, p);
    p = str(ALNUM, 15);
    add(`ok: [localhost] => {"ansible_facts": {"bas_password": "${p}"}, "changed": false}`, p);
    p = pwRandom(14);
    add(`<127.0.0.1> EXEC /bin/sh -c 'MYSQL_PWD=${p} /usr/bin/python3 /root/.ansible/tmp/ansible-tmp-1712/AnsiballZ_mysql_user.py && sleep 0'`, p);
    p = pwHuman();
    add(`      + root_password = "${p}"`, p);
    p = str(ALNUM + '_%@', 16);
    add(`      ~ triggers = { - "always_trigger"  = "2025-03-05T15:38:12Z" ~ "revealed_secret" = "${p}" -> (known after apply) }`, p);
    p = pwRandom(20);
    add(`{"mode":"managed","type":"azurerm_mssql_server","name":"sql","instances":[{"attributes":{"administrator_login":"sqladmin","administrator_login_password":"${p}","version":"12.0"}}]}`, p);
    p = pwRandom(18);
    add(`helmfile diff: awx, awx-operator/awx-operator (values) AWX.spec.postgres.password: ${p}`, p);
    p = pwRandom(14);
    add(`    Environment:\n      GF_SECURITY_ADMIN_USER:      admin\n      GF_SECURITY_ADMIN_PASSWORD:  ${p}\n      GF_SERVER_ROOT_URL:          https://grafana.corp.local`, p);
    p = pwRandom(22);
    add(`"Env": ["POSTGRES_USER=keycloak","POSTGRES_PASSWORD=${p}","PGDATA=/var/lib/postgresql/data/pgdata","LANG=en_US.utf8"]`, p);
    p = pwHuman();
    e = `anna.schmitt${int(1, 99)}@web.de`;
    add(R`Parameters: %{"operationName" => nil, "query" => "mutation  {\n  signInWithEmail(email: \"${e}\", password: \"${p}\") {\n    email\n  }\n}", "variables" => %{}}`, e, p);
    p = pwPhrase();
    add(`{"operationName":"LoginUser","variables":{"input":{"username":"mbauer","password":"${p}","clientMutationId":"login-1"}},"query":"mutation LoginUser($input: LoginInput!) { login(input: $input) { authToken } }"}`, p);
    p = pwHuman();
    add(`POST /wp-login.php HTTP/1.1 body=log=redaktion&pwd=${enc(p)}&wp-submit=Anmelden&redirect_to=https%3A%2F%2Fblog.stadtwerke-ulm.de%2Fwp-admin%2F&testcookie=1`, enc(p));
    p = str(ALNUM, 12);
    add(`{"name":"dadi-dadi-api","module":"router","msg":"GET /1.0/publish/users?filter=%7B%22email%22:%22jl@dadi.co%22,%22password%22:%22${p}%22%7D 200 254ms","time":"2025-10-12T17:36:01.483Z"}`, 'jl@dadi.co', p);
    p = pwRandom(16);
    add(`<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><login><clID>XXXXXXXXXXXX</clID><pw>XXXXXXXXXXXX</pw><newPW>${p}</newPW><options><version>1.0</version></options></login></command></epp>`, p);
    p = pwHuman();
    add(`Site preference "SMTP_AUTH_PASS" set to "${p}"`, p);
    p = pwRandom(12);
    add(`GET /guacamole/connect?host=ts01&user=nwagner&pass=${p}&lang=de HTTP/1.1" 302 0`, p);
    p = pwRandom(14);
    add(R`error.config.data: "{\"username\":\"ops-admin\",\"password\":\"${p}\",\"domain\":\"default\"}" (POST https://pf9.example-cloud.net/keystone/v3/auth/tokens 401)`, p);
    p = pwPhrase();
    add(`HttpError POST /TMI/v1/network/configuration/v2?set=wifi body={"ssids":[{"ssidName":"FRITZ!Box 7590 KQ","wpaKey":"${p}","encryptionMode":"AES"}]} -> 400`, p);
    p = pwRandom(12);
    add(`Lors d'un changement de mot de passe pour l'utilisateur jdupont, le nouveau mot de passe est : ${p}`, p);
    p = pwHuman();
    add(`09:23|-1|0|0|ok : ${p}`, p);
    p = pwRandom(13);
    add(`Passwort für Benutzer "kmueller" wurde zurückgesetzt, neues Passwort: ${p}`, p);
    p = pwHuman();
    add(`Error de autenticación: usuario=lgarcia contraseña=${p} intento=3`, p);
    p = pwRandom(12);
    add(`Falha no login: usuário "rsilva" senha "${p}" (tentativa 2)`, p);
    p = pwRandom(12);
    add(`ユーザー tanaka のパスワードを「${p}」に再設定しました`, p);
    p = pwHuman();
    e = `huong.tran${int(10, 99)}@eshop.vn`;
    add(`Kết quả thực tế: {"message":"Login successful","user":{"id":3,"email":"${e}","password":"${p}","role":"user"}}`, e, p);
    p = pwHuman();
    add(`Accesso negato per l'utente mrossi: password errata (${p})`, p);
    p = pwRandom(12);
    add(`Wachtwoord voor gebruiker jvdberg ingesteld op ${p} door beheerder`, p);
    p = pwRandom(14);
    add(`+ mysqldump -h db-ro.shop.internal -u backup -p${p} --single-transaction shop`, p);
    p = pwRandom(18);
    add(`$ docker login -u ci-bot -p ${p} registry.gitlab.com\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.`, p);
    p = pwRandom(12);
    add(`+ sshpass -p '${p}' ssh -o StrictHostKeyChecking=no deploy@web-03.corp.local 'sudo systemctl restart app'`, p);
    p = pwRandom(16);
    add(`2025-04-02 10:14:07.311 UTC [3121] LOG:  statement: ALTER ROLE app_rw WITH LOGIN PASSWORD '${p}'`, p);
    p = pwRandom(15);
    add(`2025-04-02T10:15:01.002341Z	   58 Query	CREATE USER 'reporting'@'%' IDENTIFIED BY '${p}'`, p);
    p = pwRandom(24);
    add(`1712345678.123456 [0 10.0.0.5:53412] "AUTH" "${p}"`, p);
    p = pwHuman();
    add(`PS C:\\> net use \\\\fileserver01\\finance /user:CORP\\hbecker ${p}`, p);
    p = pwRandom(16);
    add(`$cred = New-Object PSCredential('CORP\\svc_sql', (ConvertTo-SecureString '${p}' -AsPlainText -Force))`, p);
    p = pwRandom(14);
    add(`+ curl -sf -u admin:${p} https://jenkins.corp.local/job/deploy/api/json`, p);
    p = pwRandom(18);
    add(`spring.datasource.url=jdbc:postgresql://pg:5432/app\nspring.datasource.username=app\nspring.datasource.password=${p}`, p);
    p = pwHuman();
    add(`2025-03-02 10:11:12.345 21123-21177/de.shop.app D/AuthRepository: login(LoginRequest(username=amelie.r, password=${p}, rememberMe=true))`, p);
    p = pwRandom(12);
    e = `sofia.marques${int(1, 99)}@icloud.com`;
    add(`2025-03-02 10:11:12.345678+0100 Shop[1234:56789] [Auth] submitting LoginCredentials(email: "${e}", password: "${p}")`, e, p);
    p = pwRandom(14);
    add(`<wsse:UsernameToken><wsse:Username>b2b_gateway</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${p}</wsse:Password></wsse:UsernameToken>`, p);
    p = pwRandom(20);
    add(`pg-prod.internal:5432:*:analytics:${p}`, p);
    p = pwRandom(16);
    add(`java -Xmx2g -Djavax.net.ssl.keyStore=/etc/app/keystore.p12 -Djavax.net.ssl.keyStorePassword=${p} -jar app.jar (crash at startup, see hs_err_pid4411.log)`, p);
    p = pwPhrase();
    add(`NetworkManager[812]: <info> [1712345678.1234] keyfile: load: "/etc/NetworkManager/system-connections/Buero.nmconnection" [wifi-security] key-mgmt=wpa-psk psk=${p}`, p);
    p = pwRandom(14);
    add(`ldapsearch -x -H ldaps://dc01.corp.acme.de -D "cn=svc-jira,ou=service,dc=acme,dc=de" -w ${p} -b "dc=acme,dc=de" "(uid=*)"`, p);
    p = pwHuman();
    add(`smtp:\n  host: smtp.office365.com\n  user: noreply@stadtwerke-ulm.de\n  smtp_password: '${p}'`, 'noreply@stadtwerke-ulm.de', p);
  }

  // =============================================================================================
  // 3. Vendor API keys and tokens (prefixed formats), in CI / CLI / app-log contexts
  // Format sources:
  //   https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available
  //   https://gist.github.com/magnetikonline/073afe7909ffdd6f10ef06a00bc3bc88 (github_pat_ 22_59)
  //   https://gitlab.com/gitlab-org/gitlab/-/issues/342327 (glpat-), https://api.slack.com/authentication/token-types
  //   https://stripe.com/docs/keys, https://gitlab.com/gitlab-org/gitlab/-/issues/458019 (sk_/rk_live_)
  //   https://docs.npmjs.com/about-access-tokens, https://pypi.org/project/pypitoken (pypi- macaroons)
  //   https://developer.hashicorp.com/vault/docs/upgrading/upgrade-to-1.0.0 and IBM Vault onboarding doc (hvs./hvb.)
  //   https://docs.docker.com/reference/api/hub/latest/operations/AuthCreateAccessToken.md (dckr_pat_)
  //   https://huggingface.co/docs/hub/security-tokens, https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys.md
  //   https://learn.microsoft.com/en-ie/purview/sit-defn-google-api-key (AIza + 35)
  //   https://grafana.com/docs/learning-paths/deploy-dashboard-terraform/create-service-account/ (glsa_)
  //   https://grafana.github.io/grafana-operator/docs/examples/serviceaccounts (glsa_<32>_<8hex>)
  // Context sources:
  //   codecov/codecov-bash#22 (token= in query echoed by CI), MeltanoLabs/tap-gitlab#5 (private_token= in URL),
  //   octokit/request-action#213 / actions/runner#475 (tokens echoed in Actions logs),
  //   ansible/ansible#24181 (AWS_* in EXEC line), MemberJunction/MJ#2638 (HubSpot pat in GraphQL variables),
  //   requests/requests-oauthlib#536, linode/linode-cli#658 (debug header dumps)
  // =============================================================================================
  group('vendor-token', 'github.blog 2021-03-31 token formats; gitlab-org/gitlab#342327; api.slack.com token-types; stripe.com/docs/keys; gitlab-org/gitlab#458019; docs.npmjs.com; pypi.org/project/pypitoken; developer.hashicorp.com vault 1.0.0; docs.docker.com AuthCreateAccessToken; huggingface.co/docs/hub/security-tokens; twilio.com sendgrid api-keys; learn.microsoft.com sit-defn-google-api-key; grafana.com service accounts; codecov/codecov-bash#22; MeltanoLabs/tap-gitlab#5; actions/runner#475; ansible/ansible#24181; MemberJunction/MJ#2638');
  {
    let t = 'ghp_' + str(ALNUM, 36);
    add(`2025-02-11T09:14:02.5521934Z + curl -sS -X POST -H "Authorization: token ${t}" https://api.github.com/repos/acme/infra/dispatches -d '{"event_type":"deploy"}'`, t);
    t = 'github_pat_' + str(ALNUM, 22) + '_' + str(ALNUM, 59);
    add(`git config --get remote.origin.url -> https://x-access-token:${t}@github.com/acme/site.git`, t);
    t = 'gho_' + str(ALNUM, 36);
    add(`github.com:\n    oauth_token: ${t}\n    user: lhoffmann\n    git_protocol: https`, t);
    t = 'ghs_' + str(ALNUM, 36);
    add(`2025-06-01T12:00:03.1180000Z ##[debug]steps.app-token.outputs.token='${t}'`, t);
    t = 'ghr_' + str(ALNUM, 76);
    const ghu0 = 'ghu_' + str(ALNUM, 36);
    add(`{"access_token":"${ghu0}","expires_in":28800,"refresh_token":"${t}","refresh_token_expires_in":15811200,"token_type":"bearer"}`, ghu0, t);
    t = 'ghu_' + str(ALNUM, 36);
    add(`{"level":30,"time":1712345678123,"name":"probot","msg":"user-to-server token acquired","token":"${t}","installation":4127731}`, t);
    t = 'glpat-' + str(URLSAFE, 20);
    add(`$ curl --header "PRIVATE-TOKEN: ${t}" "https://gitlab.com/api/v4/projects/2009901/merge_requests?state=opened"`, t);
    t = 'glpat-' + str(URLSAFE, 20);
    add(`   INFO GET https://gitlab.com/api/v4/projects/2009901/users?page=25&private_token=${t}`, t);
    t = 'glrt-' + str(URLSAFE, 20);
    add(`[[runners]]\n  name = "docker-autoscaler-01"\n  url = "https://gitlab.com/"\n  token = "${t}"\n  executor = "docker"`, t);
    t = 'gldt-' + str(URLSAFE, 20);
    add(`$ echo ${t} | docker login -u gitlab+deploy-token-184 --password-stdin registry.gitlab.com`, t);
    t = `xoxb-${nz(11)}-${nz(13)}-${str(ALNUM, 24)}`;
    add(`DEBUG:slack_sdk.web.base_client:Sending a request - url: https://slack.com/api/chat.postMessage, query_params: {}, json_body: {'channel': 'C05R2K8', 'text': 'deploy done'}, headers: {'Content-Type': 'application/json;charset=utf-8', 'Authorization': 'Bearer ${t}', 'User-Agent': 'Python/3.12.1 slackclient/3.27.0'}`, t);
    t = `xoxp-${nz(11)}-${nz(12)}-${nz(13)}-${str(HEX, 32)}`;
    add(`> JSON.parse(localStorage.localConfig_v2).teams.T02AB3CD.token\n'${t}'`, t);
    t = `xapp-1-A${str(UPALNUM, 10)}-${nz(13)}-${str(HEX, 64)}`;
    add(`[INFO]  bolt-app ⚡️ Bolt app is running in Socket Mode (appToken=${t})`, t);
    let s = str(ALNUM, 24);
    add(`NodeApiError: 404 no_service for POST https://hooks.slack.com/services/T${str(UPALNUM, 10)}/B${str(UPALNUM, 10)}/${s}`, s);
    t = 'sk_live_51' + str(ALNUM, 97);
    add(`[payments] boot: stripe client configured (STRIPE_SECRET_KEY=${t}, api_version=2024-06-20)`, t);
    t = 'rk_live_51' + str(ALNUM, 97);
    add(`apiVersion: v1\nkind: ConfigMap\ndata:\n  STRIPE_RESTRICTED_KEY: ${t}`, t);
    t = 'whsec_' + str(ALNUM, 32);
    add(`Webhook signature verification failed. endpoint_secret=${t} header=t=1712345678,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd`, t);
    let id = 'AKIA' + str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    let sk = str(ALNUM + '/+', 40);
    add(`<127.0.0.1> EXEC /bin/sh -c 'AWS_ACCESS_KEY_ID=${id} AWS_SECRET_ACCESS_KEY=${sk} /usr/bin/python2 && sleep 0'`, id, sk);
    id = 'ASIA' + str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    sk = str(ALNUM + '/+', 40);
    let st = 'IQoJb3JpZ2luX2VjE' + str(B64, 320);
    add(`DEBUG botocore.credentials Retrieved credentials: access_key=${id} secret_key=${sk} token=${st}`, id, sk, st);
    id = 'AKIA' + str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    sk = str(ALNUM + '/+', 40);
    add(`support-bundle/home/.aws/credentials:\n[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${sk}\nregion = eu-central-1`, id, sk);
    id = str(UPALNUM, 20);
    sk = str(ALNUM + '/+', 40);
    add(`mc: <ERROR> Unable to initialize new alias from the provided credentials. mc alias set backup https://minio.corp.local ${id} ${sk}`, sk);
    t = 'AIza' + str(URLSAFE, 35);
    add(`W/System.err: java.io.IOException: 403 for https://maps.googleapis.com/maps/api/geocode/json?latlng=48.13,11.57&key=${t}`, t);
    t = 'GOCSPX-' + str(URLSAFE, 28);
    add(`{"web":{"client_id":"294239335513-${str(LOWALNUM, 32)}.apps.googleusercontent.com","project_id":"shop-prod","client_secret":"${t}","redirect_uris":["https://shop.acme.io/oauth2/callback"]}}`, t);
    t = 'npm_' + str(ALNUM, 36);
    add(`npm ERR! code E401\nnpm ERR! Unable to authenticate, your authentication token seems to be invalid.\nnpm ERR! //registry.npmjs.org/:_authToken=${t}`, t);
    t = 'pypi-AgEIcHlwaS5vcmcCJ' + str(URLSAFE, 160);
    add(`+ TWINE_USERNAME=__token__ TWINE_PASSWORD=${t} twine upload --non-interactive dist/*`, t);
    t = 'hf_' + str(UPPER + LOWER, 34);
    add(`docker run --gpus all -e HF_TOKEN=${t} -p 8080:80 ghcr.io/huggingface/text-generation-inference:2.0 --model-id meta-llama/Llama-3-8B`, t);
    t = 'sk-proj-' + str(URLSAFE, 74) + 'T3BlbkFJ' + str(URLSAFE, 74);
    add(`openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ${t}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error'}}`, t);
    t = 'sk-' + str(ALNUM, 20) + 'T3BlbkFJ' + str(ALNUM, 20);
    add(`import openai\nopenai.api_key = "${t}"  # notebook cell 3`, t);
    t = 'sk-ant-api03-' + str(URLSAFE, 93) + 'AA';
    add(`~/.zsh_history: : 1712345678:0;ANTHROPIC_API_KEY=${t} python agent.py --task triage`, t);
    t = 'SG.' + str(URLSAFE, 22) + '.' + str(URLSAFE, 43);
    add(`PHP Fatal error:  Uncaught SendGrid\\Exception: 401 (The provided authorization grant is invalid) in /srv/app/Mailer.php:41 -- new \\SendGrid('${t}')`, t);
    let sid = 'AC' + str(HEX, 32);
    t = str(HEX, 32);
    add(`twilio.base.exceptions.TwilioRestException: HTTP 401 error: Unable to create record: Authenticate (client=Client('${sid}', '${t}'))`, t);
    t = 'SK' + str(HEX, 32);
    s = str(ALNUM, 32);
    add(`TWILIO_API_KEY=${t}\nTWILIO_API_SECRET=${s}`, s);
    t = 'hvs.CAESI' + str(URLSAFE, 86);
    add(`$ vault login ${t}\nSuccess! You are now authenticated.`, t);
    t = 'hvb.AAAAAQ' + str(URLSAFE, 120);
    add(`2025-02-02T10:00:00.000Z [ERROR] agent.auth.handler: error authenticating: token="${t}" error="permission denied"`, t);
    t = 'dckr_pat_' + str(URLSAFE, 27);
    add(`+ docker login -u acmebuild -p ${t} docker.io`, t);
    t = 'glsa_' + str(ALNUM, 32) + '_' + str(HEX, 8);
    add(`provider "grafana" {\n  url  = "https://acme.grafana.net/"\n  auth = "${t}"\n}`, t);
    t = 'shpat_' + str(HEX, 32);
    add(`I, [2025-03-03T10:20:30.123 #4411]  INFO -- : ShopifyAPI::Context.setup(api_key: "a1b2c3", api_secret_key: "shpss_${str(HEX, 32)}", access_token: "${t}", host: "https://acme-store.myshopify.com")`, t);
    t = 'dop_v1_' + str(HEX, 64);
    add(`+ doctl auth init --access-token ${t} --context ci`, t);
    t = 'dapi' + str(HEX, 32);
    add(`[DEFAULT]\nhost  = https://adb-4411729385012345.5.azuredatabricks.net\ntoken = ${t}`, t);
    t = 'PMAK-' + str(HEX, 24) + '-' + str(HEX, 34);
    add(`newman run collection.json --env-var "postman_api_key=${t}" --reporters cli`, t);
    const e = `ops.lead${int(1, 99)}@acme-logistics.co.uk`;
    t = 'ATATT3xFfGF0' + str(URLSAFE, 170) + '=' + str(UPHEX, 8);
    add(`+ curl -s -u ${e}:${t} https://acme.atlassian.net/rest/api/3/issue/OPS-1142`, e, t);
    t = 'lin_api_' + str(ALNUM, 40);
    add(`{"url":"https://api.linear.app/graphql","headers":{"Authorization":"${t}","Content-Type":"application/json"}}`, t);
    t = 'ntn_' + str(ALNUM, 46);
    add(`NOTION_TOKEN=${t} NOTION_DB=8f2c1a node sync.js`, t);
    t = 'dp.pt.' + str(ALNUM, 43);
    add(`$ doppler run --token ${t} -- node server.js`, t);
    t = 'sntryu_' + str(HEX, 64);
    add(`+ sentry-cli --auth-token ${t} releases new 2.4.1 --org acme --project web`, t);
    t = `${nz(10)}:AA${str(URLSAFE, 33)}`;
    add(`requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.telegram.org', port=443): Max retries exceeded with url: /bot${t}/sendMessage?chat_id=-1001873456&text=Backup+fertig`, t);
    s = str(URLSAFE, 68);
    add(`Error: 401 posting to https://discord.com/api/webhooks/${nz(19)}/${s}`, s);
    t = 'key-' + str(HEX, 32);
    add(`POST https://api:${t}@api.mailgun.net/v3/mg.shop.de/messages -> 401 Forbidden`, t);
    t = str(HEX, 32) + '-us21';
    add(`MAILCHIMP_API_KEY=${t}`, t);
    t = 'EAAA' + str(URLSAFE, 60);
    add(`client = Client(access_token='${t}', environment='production')  # square checkout worker`, t);
    t = 'NRAK-' + str(UPALNUM, 27);
    add(`newrelic: fetching entities failed with NEW_RELIC_API_KEY=${t}`, t);
    t = 'AGE-SECRET-KEY-1' + str('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58);
    add(`sops --decrypt secrets.enc.yaml (SOPS_AGE_KEY=${t})`, t);
    t = str(URLSAFE, 3) + '8Q~' + str(ALNUM + '-_.~', 34);
    add(`+ az login --service-principal -u 0f8e2b71-${str(HEX, 4)}-4c2d-9e1f-${str(HEX, 12)} -p ${t} --tenant acme.onmicrosoft.com`, t);
    t = str(HEX, 32);
    add(`docker inspect datadog-agent | grep -A3 Env -> "DD_API_KEY=${t}", "DD_SITE=datadoghq.eu"`, t);
    t = 'sbp_' + str(HEX, 40);
    add(`$ supabase login --token ${t}`, t);
    t = 'pul-' + str(HEX, 40);
    add(`env: PULUMI_ACCESS_TOKEN=${t} PULUMI_BACKEND_URL=https://api.pulumi.com`, t);
    t = str(ALNUM, 14) + '.atlasv1.' + str(URLSAFE, 67);
    add(`credentials "app.terraform.io" {\n  token = "${t}"\n}`, t);
    t = 'nfp_' + str(ALNUM, 36);
    add(`+ netlify deploy --prod --dir=dist --auth ${t}`, t);
    t = 'sk.' + b64url(JSON.stringify({ u: 'acme-maps', a: 'cl' + str(LOWALNUM, 23) })) + '.' + str(URLSAFE, 22);
    add(`> Configure project :app\nMAPBOX_DOWNLOADS_TOKEN=${t}`, t);
    t = 'sdk-' + uuid();
    add(`[LaunchDarkly] LDClient initialized with sdkKey=${t} (stream=true)`, t);
    t = 'CFPAT-' + str(URLSAFE, 43);
    add(`$ contentful space import --space-id 7xq --management-token ${t} --content-file export.json`, t);
    t = 'rubygems_' + str(HEX, 48);
    add(`GEM_HOST_API_KEY=${t} gem push acme-client-1.4.0.gem`, t);
    t = 'oy2' + str(LOWALNUM, 43);
    add(`dotnet nuget push "bin/Release/*.nupkg" --api-key ${t} --source https://api.nuget.org/v3/index.json`, t);
    t = 'cio' + str(ALNUM, 32);
    add(`+ cargo publish --token ${t}`, t);
    t = 'AKCp' + str(ALNUM, 69);
    add(`jf rt c art-prod --url=https://acme.jfrog.io/artifactory --apikey=${t} --interactive=false`, t);
    t = 'CCIPAT_' + str(ALNUM, 22) + '_' + str(HEX, 40);
    add(`curl -H "Circle-Token: ${t}" https://circleci.com/api/v2/me`, t);
    t = 'bkua_' + str(HEX, 40);
    add(`BUILDKITE_API_TOKEN=${t} bk pipeline list`, t);
    t = 'tskey-auth-k' + str(ALNUM, 10) + 'CNTRL-' + str(ALNUM, 33);
    add(`+ tailscale up --authkey=${t} --hostname=ci-runner-7`, t);
    t = uuid();
    add(`(query) package=bash-5ca7b8c&branch=feature/codecov&commit=5d994fbbf1dd6554a46a447758783d4f9820a49f&build=640242&slug=acme-ci-java&service=gitlab&token=${t}`, t);
    t = 'pat-eu1-' + uuid();
    add(`{ operationName: 'SaveHubSpotCredential', variables: { input: { Name: 'HubSpot EU', AccessToken: '${t}' } } }`, t);
    t = 'r8_' + str(ALNUM, 37);
    add(`REPLICATE_API_TOKEN=${t}`, t);
    t = 'gsk_' + str(ALNUM, 52);
    add(`groq.AuthenticationError: 401 invalid_api_key (GROQ_API_KEY=${t})`, t);
    t = str(HEX, 32);
    add(`algoliasearch('KJ3F8L2QPA', '${t}') // admin API key, indexer job`, t);
  }

  // =============================================================================================
  // 4. Authorization headers, API-key headers, cookies and session ids
  // Sources:
  //   havardgulldahl/jottalib#135 (debug logs contain Authorization header)
  //   vladflonta/magento2-webapi-log#3 ("Authorization: Bearer lnxri..." 32-char opaque)
  //   requests/requests-oauthlib#536 (DEBUG "Adding token {...}")
  //   lysine-dev/okhttp#1874 (HttpLoggingInterceptor HEADERS leak Authorization/Cookie), duckduckgo/Android#988 (logcat shape)
  //   deviantintegral/har#244, meziantou/Meziantou.Framework#2176 (HAR headers/cookies)
  //   roundcube/roundcubemail#6625 (full session id in login log), eclipse-scout/scout.rt#19 (session id in logs)
  //   mcneilco/acas#1261 (connect.sid signed cookie s:<id>.<hmac>)
  //   wordpress-mobile/WordPress-iOS#14146 (bearer_token= in activity log)
  //   outline/outline#301 (all headers incl. auth token sent to Bugsnag)
  // =============================================================================================
  group('auth-header-cookie', 'havardgulldahl/jottalib#135; vladflonta/magento2-webapi-log#3; requests/requests-oauthlib#536; lysine-dev/okhttp#1874; duckduckgo/Android#988; deviantintegral/har#244; roundcube/roundcubemail#6625; eclipse-scout/scout.rt#19; mcneilco/acas#1261; wordpress-mobile/WordPress-iOS#14146; outline/outline#301');
  {
    let t = str(LOWALNUM, 32);
    add(`2025-11-01 10:08:29.393 18108-18149/com.acme.shop.debug I/okhttp.OkHttpClient: Authorization: Bearer ${t}`, t);
    let b = b64(`lhoffmann:${pwRandom(12)}`);
    add(`send: b'GET /jfs/lhoffmann/Jotta/Sync HTTP/1.1\\r\\nHost: jfs.jottacloud.com\\r\\nAuthorization: Basic ${b}\\r\\nUser-Agent: jottalib 0.5\\r\\n\\r\\n'`, b);
    t = str(ALNUM, 30);
    add(`DEBUG:requests_oauthlib.oauth2_session:Adding token {'access_token': '${t}', 'token_type': 'Bearer', 'expires_in': 3599, 'scope': ['read']} to request.`, t);
    t = 'ya29.a0' + str(URLSAFE, 150);
    add(`{"name":"authorization","value":"Bearer ${t}"},{"name":"x-goog-api-client","value":"gl-js/ fire/10.7.1"}`, t);
    let c1 = str(B64, 40) + '%3D%3D--' + str(B64, 24) + '--' + str(B64, 22) + '%3D%3D';
    let c2 = str(URLSAFE, 48);
    add(`{"name":"Cookie","value":"_gh_sess=${c1}; user_session=${c2}; logged_in=yes; dotcom_user=lhoffmann"}`, c1, c2);
    let sidv = `s%3A${str(URLSAFE, 32)}.${str(B64, 43).replace(/\+/g, '%2B').replace(/\//g, '%2F')}`;
    add(`< HTTP/1.1 200 OK\n< Set-Cookie: connect.sid=${sidv}; Path=/; Expires=Tue, 14 Oct 2025 10:00:00 GMT; HttpOnly; SameSite=Lax`, sidv);
    t = str(LOWALNUM, 26);
    add(`10.2.0.14 - - [12/Mar/2025:10:11:12 +0100] "GET /shop/cart HTTP/1.1" 200 5123 "-" "Mozilla/5.0" cookie="PHPSESSID=${t}; cart=3"`, t);
    t = str(UPHEX, 32);
    add(`127.0.0.1 - - [12/Mar/2025:10:11:13 +0100] "GET /portal/account;jsessionid=${t}?tab=orders HTTP/1.1" 200 8812`, t);
    let ip = ipv4();
    t = str(LOWALNUM, 26);
    add(`[17-Feb-2025 07:11:12 -0300]: <${t.slice(0, 8)}> Successful login for mauro (ID: 119) from ${ip} in session ${t}`, t, ip);
    t = 'CfDJ8' + str(URLSAFE, 380);
    add(`Request headers: Cookie: .AspNetCore.Identity.Application=${t}; .AspNetCore.Antiforgery.Wj1=CfDJ8${str(URLSAFE, 60)}`, t);
    let lv = b64(JSON.stringify({ iv: b64(bytes(16)), value: b64(bytes(96)), mac: str(HEX, 64), tag: '' })).replace(/=/g, '%3D');
    add(`Illuminate\\Session\\TokenMismatchException (419) cookies: laravel_session=${lv}`, lv);
    let rs = `${str(B64, 120)}--${str(B64, 22)}--${str(B64, 22)}%3D%3D`;
    add(`Started GET "/account" for 10.0.0.8 at 2025-03-03 10:20:30 +0100 HTTP_COOKIE="_shop_session=${rs}"`, rs);
    t = '00' + str(URLSAFE, 40);
    add(`okta-sdk: GET https://acme.okta.com/api/v1/users?limit=200 headers={'Authorization': 'SSWS ${t}', 'Accept': 'application/json'}`, t);
    t = 'hvs.CAESI' + str(URLSAFE, 86);
    add(`http: request GET /v1/secret/data/payments headers map[X-Vault-Token:[${t}] X-Vault-Request:[true]]`, t);
    t = 'shpat_' + str(HEX, 32);
    add(`--> POST https://acme-store.myshopify.com/admin/api/2024-04/graphql.json\nX-Shopify-Access-Token: ${t}`, t);
    t = str(HEX, 32);
    add(`apim request failed: {"headers":{"Ocp-Apim-Subscription-Key":"${t}","Content-Type":"application/json"},"status":401}`, t);
    t = str(HEX, 32);
    add(`POST https://oai-weu-prod.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01 headers: {'api-key': '${t}', 'Content-Type': 'application/json'}`, t);
    t = str(HEX, 32);
    add(`POST /api/v2/series HTTP/1.1\r\nHost: api.datadoghq.eu\r\nDd-Api-Key: ${t}\r\nContent-Encoding: deflate`, t);
    t = 'AAAA' + str(URLSAFE, 7) + ':APA91b' + str(URLSAFE, 134);
    add(`FCM send failed 401: Authorization: key=${t}`, t);
    t = 'pat' + str(ALNUM, 14) + '.' + str(HEX, 64);
    add(`airtable.js: fetch https://api.airtable.com/v0/appX1/Orders {"Authorization":"Bearer ${t}"}`, t);
    t = 'figd_' + str(URLSAFE, 40);
    add(`GET https://api.figma.com/v1/files/8fQx2 -H "X-Figma-Token: ${t}"`, t);
    t = 'dG9rOj' + b64(`${uuid()}:1:0`).replace(/=+$/, '');
    add(`intercom-client: 401 Unauthorized {"type":"error.list","errors":[{"code":"token_unauthorized"}]} request.headers.Authorization="Bearer ${t}"`, t);
    t = str(URLSAFE, 40);
    add(`cloudflare-go: API request: GET /client/v4/zones?name=acme.io headers={"Authorization":["Bearer ${t}"]}`, t);
    b = b64(`proxyuser:${pwRandom(12)}`);
    add(`CONNECT api.stripe.com:443 HTTP/1.1\r\nHost: api.stripe.com:443\r\nProxy-Authorization: Basic ${b}`, b);
    t = str(ALNUM, 64);
    add(`2025-05-19 10:22:01 [Login] Sign in with Apple succeeded, POST /wp-login.php?action=login-endpoint bearer_token=${t}&token_link=https://public-api.wordpress.com/`, t);
    let sig = enc(b64(bytes(32)));
    add(`BlobClient GET https://stfnappprodweu01.blob.core.windows.net/invoices/2025/03/INV-4411.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-03-04T10:00:00Z&spr=https&sig=${sig} -> 403`, sig);
    t = str(URLSAFE, 43);
    add(`WebSocket connection to 'wss://rt.acme.io/socket/websocket?token=${t}&vsn=2.0.0' failed`, t);
    let csrf = str(ALNUM, 64);
    let sess = str(LOWALNUM, 32);
    add(`'HTTP_COOKIE': 'csrftoken=${csrf}; sessionid=${sess}; django_language=de'`, csrf, sess);
    t = str(ALNUM, 32);
    add(`kong: 2025/04/04 10:00:00 [info] 1234#0: *991 client sent X-Api-Key: ${t} for route orders-v2`, t);
    t = str(URLSAFE, 86);
    add(`grpc: call /billing.v1.Invoices/List metadata: {'authorization': 'Bearer ${t}', 'x-request-id': '5f1c'}`, t);
  }

  // Key material reused below
  RSA_FOR_JWT = rsaPkcs1Pem(2048);

  // =============================================================================================
  // 5. OAuth / OIDC flows: codes, refresh tokens, client secrets in bodies and redirects
  // Sources:
  //   DuendeArchive/Support#1215 (token request logged with refresh_token)
  //   thunderclient/thunder-client-support#1046 (client_secret in token request logs)
  //   auth0/docs#8758, DuendeArchive/identity-model-oidc-client-js#898 (client_secret in refresh body)
  //   openid/AppAuth-iOS#519 (NSLog of OIDAuthState), oscarychen/django-oauth-toolkit-spa#1
  //   https://api.slack.com/authentication/token-types (xoxe refresh tokens)
  // =============================================================================================
  group('oauth', 'DuendeArchive/Support#1215; thunderclient/thunder-client-support#1046; auth0/docs#8758; DuendeArchive/identity-model-oidc-client-js#898; openid/AppAuth-iOS#519; oscarychen/django-oauth-toolkit-spa#1; api.slack.com token-types');
  {
    let code = str(URLSAFE, 43);
    let cs = str(URLSAFE, 40);
    let cv = str(URLSAFE, 64);
    add(`POST https://auth.acme.io/oauth2/token Content: grant_type=authorization_code&code=${code}&redirect_uri=https%3A%2F%2Fapp.acme.io%2Fcallback&client_id=web-portal&client_secret=${cs}&code_verifier=${cv}`, code, cs, cv);
    let rt = str(URLSAFE, 64);
    add(`Request:\nMethod: POST, RequestUri: 'https://auth.acme.io/oauth2/token', Content: grant_type=refresh_token&refresh_token=${rt}&client_id=mobile-app`, rt);
    code = str(LOWALNUM, 40);
    add(`10.0.0.9 - - [05/May/2025:11:22:33 +0000] "GET /callback?code=${code}&state=af0ifjsldkj HTTP/1.1" 302 0 "https://login.acme.io/"`, code);
    let at = str(URLSAFE, 86);
    let idt = jwtRS256({ iss: 'https://login.acme.io', sub: uuid(), aud: 'spa', exp: 1767225600, iat: 1767222000, nonce: str(ALNUM, 16) }, 'k1');
    add(`Navigated to https://app.acme.io/#access_token=${at}&token_type=Bearer&expires_in=3600&id_token=${idt}&state=xyz`, at, idt);
    let jwt = jwtRS256({ iss: 'https://sso.acme.io/realms/prod', sub: uuid(), typ: 'Bearer', azp: 'shop', exp: 1767225600 }, 'rk-2025');
    rt = jwtHS256({ typ: 'Refresh', sub: uuid(), exp: 1769817600 });
    add(`{"access_token":"${jwt}","expires_in":300,"refresh_expires_in":1800,"refresh_token":"${rt}","token_type":"Bearer","not-before-policy":0,"scope":"openid email"}`, jwt, rt);
    cs = str(URLSAFE, 32);
    add(`curl -X POST https://sso.acme.io/realms/prod/protocol/openid-connect/token -d grant_type=client_credentials -d client_id=reporting-svc -d client_secret=${cs}`, cs);
    rt = str(URLSAFE, 43);
    add(`2025-03-02 10:11:12.345678+0100 Shop[1234:56789] Updated: <OIDAuthState: 0x600003c2d200, isAuthorized: YES, refreshToken: "${rt}", scope: "openid profile offline_access">`, rt);
    at = 'ya29.a0' + str(URLSAFE, 140);
    rt = '1//0' + str(URLSAFE, 99);
    add(`D/AuthFlow: TokenResponse{accessToken=${at}, refreshToken=${rt}, expiresIn=3599}`, at, rt);
    cs = str(URLSAFE, 3) + '8Q~' + str(ALNUM + '-_.~', 34);
    add(`MSAL: POST https://login.microsoftonline.com/acme.onmicrosoft.com/oauth2/v2.0/token body=client_id=0c1e...&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_secret=${cs}&grant_type=client_credentials`, cs);
    let xoxb = `xoxb-${nz(11)}-${nz(13)}-${str(ALNUM, 24)}`;
    let xoxe = 'xoxe-1-' + str(URLSAFE, 140);
    add(`oauth.v2.access response: {"ok":true,"app_id":"A0KRD7HC3","access_token":"${xoxb}","token_type":"bot","expires_in":43200,"refresh_token":"${xoxe}"}`, xoxb, xoxe);
    let sfid = `00D${str(ALNUM, 12)}!AR${str(URLSAFE + '.', 110)}`;
    add(`sfdx: GET https://acme.my.salesforce.com/services/data/v60.0/sobjects/Account?access_token=${sfid}`, sfid);
    let fb = 'EAAG' + str(ALNUM, 180);
    add(`GraphRequest: GET https://graph.facebook.com/v19.0/me?fields=id,name&access_token=${fb}`, fb);
    let basic = b64(`web-portal:${str(URLSAFE, 40)}`);
    add(`POST /oauth2/token HTTP/1.1\r\nAuthorization: Basic ${basic}\r\nContent-Type: application/x-www-form-urlencoded`, basic);
    let dc = str(URLSAFE, 40);
    add(`device flow: {"device_code":"${dc}","user_code":"WDJB-MJHT","verification_uri":"https://acme.io/device","expires_in":900}`, dc);
    code = str(URLSAFE, 32);
    add(`W/OAuthRedirectActivity: unhandled deep link acmeapp://oauth/callback?code=${code}&state=7Hk2`, code);
    at = str(HEX, 40);
    add(`oauth_token=${at}&oauth_token_secret=${str(ALNUM, 40)}&user_id=1440022&screen_name=acme_support`, at);
  }

  // =============================================================================================
  // 6. JWTs in free text (real HS256/RS256 signatures)
  // Sources:
  //   citrineos/citrineos-core#887 ("Extracted token from request:" debug log)
  //   octoposprime/op-be-graphql#23 (GraphQL login response with AuthenticationToken/RefreshToken)
  //   realworld-apps/realworld#898 (JWT handed back in login response)
  //   cloudbees-oss/smart-tests-cli#1280 (bearer in debug logs)
  // =============================================================================================
  group('jwt', 'citrineos/citrineos-core#887; octoposprime/op-be-graphql#23; realworld-apps/realworld#898; cloudbees-oss/smart-tests-cli#1280');
  {
    let j = jwtRS256({ sub: uuid(), roles: ['operator'], tenant: 'acme', exp: 1767225600 }, 'citrine-1');
    add(`[2025-08-18 10:01:22.118] DEBUG OIDCAuthProvider: Extracted token from request: ${j}`, j);
    let a = jwtHS256({ user_id: uuid(), data: { id: uuid(), role: 'admin' }, exp: 1767225600 });
    let r = jwtHS256({ user_id: uuid(), typ: 'refresh', exp: 1769817600 });
    add(`{"data":{"login":{"AuthenticationToken":"${a}","RefreshToken":"${r}"}}}`, a, r);
    j = jwtHS256({ sub: '42', email_verified: true, iat: 1767222000 });
    add(`> localStorage.getItem('auth')\n'{"accessToken":"${j}","user":{"id":42,"name":"Lena"}}'`, j);
    j = jwtRS256({ iss: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Ab12', sub: uuid(), token_use: 'access', exp: 1767225600 }, 'cognito-1');
    add(`{"event_id":"9c1f","request":{"url":"https://api.acme.io/v2/orders","method":"POST","headers":{"authorization":"Bearer ${j}","user-agent":"okhttp/4.12.0"}}}`, j);
    j = jwtRS256({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'ci', 'kubernetes.io/serviceaccount/service-account.name': 'deployer', sub: 'system:serviceaccount:ci:deployer' }, 'sa-key');
    add(`Name:         deployer-token-7xk2p\nType:  kubernetes.io/service-account-token\nData\n====\nca.crt:     1099 bytes\nnamespace:  2 bytes\ntoken:      ${j}`, j);
    j = jwtHS256({ email: 'magic-link', sub: uuid(), exp: 1767223800 });
    add(`Mailer: magic link generated https://app.acme.io/auth/magic?t=${j}&redirect=%2Fdashboard`, j);
    j = jwtHS256({ sub: uuid(), scope: 'ws', exp: 1767225600 });
    add(`03-04 09:12:44.019 D/RealtimeClient: connecting wss://rt.acme.io/v1?jwt=${j}`, j);
    j = jwtHS256({ uid: 7781, adm: false, exp: 1767225600 });
    add(`Set-Cookie: jwt=${j}; Path=/; Secure; HttpOnly`, j);
  }

  // =============================================================================================
  // 7. Private keys (real, parseable key material generated deterministically)
  // Sources:
  //   buckyos/buckyos#399 ("device_private_key": String("-----BEGIN PRIVATE KEY-----...) in a log)
  //   vmware-archive/terraforming-gcp#40 (ops_manager_ssh_private_key printed by terraform)
  //   bcgit/bc-java#162 (RSA private key exposed by toString), OpenConext/OpenConext-engineblock#34
  //   ansible/ansible#32377 (openssl key dumps in an issue), openssl/openssl#1071 (PEM pasted into issue)
  // Secrets listed: an early and a late base64 line of each body (any surviving chunk is a leak).
  // =============================================================================================
  group('private-key', 'buckyos/buckyos#399; vmware-archive/terraforming-gcp#40; bcgit/bc-java#162; OpenConext/OpenConext-engineblock#34; ansible/ansible#32377; openssl/openssl#1071');
  {
    const ed = ed25519Pkcs8();
    const edBody = bodyLines(ed.pem);
    add(`"device_private_key": String("${ed.pem.replace(/\n/g, '\\n')}")`, ...edBody);
    const pk8 = createPrivateKey(RSA_FOR_JWT).export({ type: 'pkcs8', format: 'pem' }) as string;
    const pk8Body = bodyLines(pk8);
    add(`{"type":"service_account","project_id":"shop-prod","private_key_id":"${str(HEX, 40)}","private_key":"${pk8.replace(/\n/g, '\\n')}","client_email":"exporter@shop-prod.iam.gserviceaccount.com"}`, 'exporter@shop-prod.iam.gserviceaccount.com', pk8Body[2] as string, pk8Body[pk8Body.length - 3] as string);
    const rsa2 = rsaPkcs1Pem(1024);
    const rsa2Body = bodyLines(rsa2);
    add(`Outputs:\n\nops_manager_ssh_private_key = ${rsa2}`, rsa2Body[1] as string, rsa2Body[rsa2Body.length - 2] as string);
    const ossh = opensshEd25519('deploy@ci');
    const osshBody = bodyLines(ossh);
    add(`TASK [debug] ok: [localhost] => {"msg": "${ossh.replace(/\n/g, '\\n')}"}`, osshBody[1] as string, osshBody[osshBody.length - 1] as string);
    const ec = p256();
    const ecBody = bodyLines(ec.sec1);
    add(`kubectl get secret webhook-tls -o jsonpath='{.data.tls\\.key}' | base64 -d\n${ec.sec1}`, ...ecBody);
    add(`jwks debug: {"keys":[{"kty":"EC","crv":"P-256","kid":"sig-2025","x":"${ec.jwk.x}","y":"${ec.jwk.y}","d":"${ec.jwk.d}","use":"sig"}]}`, ec.jwk.d);
    const rsa3 = rsaPkcs1Pem(1024);
    const rsa3Body = bodyLines(rsa3);
    add(`2025-04-01T10:00:01.0000000Z ${rsa3Body[3]}`, rsa3Body[3] as string);
    const k = createPrivateKey(rsa3).export({ format: 'jwk' }) as { d: string };
    const dHex = Buffer.from(k.d, 'base64url').toString('hex');
    add(`RSA Private CRT Key [9f:3a:c1:77]\n            modulus: ${str(HEX, 64)}...\n    public exponent: 10001\n   private exponent: ${dHex}`, dHex.slice(0, 64), dHex.slice(-64));
  }

  // =============================================================================================
  // 8. Password hashes
  // Sources:
  //   jalantechnologies/flask-react-template#770 (hashed_password returned by API)
  //   realworld-apps/realworld#898 (bcrypt hash inside login token payload)
  //   wolpi/prim-ftpd#237 (hashed password in logs), docker-mailserver/docker-mailserver#1732 (doveadm SHA512-CRYPT)
  //   DuyITLOR/group05_eshop#345 (bcrypt $2a$/$2b$ 60-char shape)
  // =============================================================================================
  group('password-hash', 'jalantechnologies/flask-react-template#770; realworld-apps/realworld#898; wolpi/prim-ftpd#237; docker-mailserver/docker-mailserver#1732; DuyITLOR/group05_eshop#345');
  {
    let h = `$2b$12$${str(BCRYPT64, 22)}${str(BCRYPT64, 31)}`;
    add(`{"id":"64f1c2","first_name":"Jonas","last_name":"Weber","hashed_password":"${h}","created_at":"2025-08-22T10:00:00Z"}`, h);
    const a2 = (nodeCrypto as unknown as { argon2Sync?: (alg: string, p: Record<string, unknown>) => Buffer }).argon2Sync;
    const salt = bytes(16);
    const tag = a2 ? a2('argon2id', { message: Buffer.from(pwHuman()), nonce: salt, parallelism: 1, tagLength: 32, memory: 19456, passes: 2 }) : bytes(32);
    h = `$argon2id$v=19$m=19456,t=2,p=1$${b64nopad(salt)}$${b64nopad(tag)}`;
    add(`UPDATE users SET password_hash='${h}' WHERE id=7781; -- slow query log 1.2s`, h);
    h = `$6$rounds=656000$${str(CRYPT64, 16)}$${str(CRYPT64, 86)}`;
    add(`deploy:${h}:19800:0:99999:7:::`, h);
    const e = `postmaster${int(1, 9)}@mail.hoffmann-bau.de`;
    h = `$6$${str(CRYPT64, 16)}$${str(CRYPT64, 86)}`;
    add(`${e}|{SHA512-CRYPT}${h}`, e, h);
    const ds = str(ALNUM, 22);
    h = `pbkdf2_sha256$600000$${ds}$${pbkdf2Sync(pwHuman(), ds, 1000, 32, 'sha256').toString('base64')}`;
    add(`auth_user row: (17, '${h}', '2025-03-01 10:00:00', False, 'mkoch', ...)`, h);
    const ws = str(ALNUM, 16);
    h = `scrypt:32768:8:1$${ws}$${scryptSync(pwRandom(12), ws, 64, { N: 1024, r: 8, p: 1 }).toString('hex')}`;
    add(`werkzeug: user=admin password_hash=${h}`, h);
    h = '*' + str(UPHEX, 40);
    add(`mysql> SELECT user, authentication_string FROM mysql.user; | reporting | ${h} |`, h);
    h = `SCRAM-SHA-256$4096:${b64(bytes(16))}$${b64(bytes(32))}:${b64(bytes(32))}`;
    add(`pg_authid: rolname=app_rw rolpassword=${h}`, h);
    h = `{SSHA}${b64(bytes(24))}`;
    add(`dn: uid=kfischer,ou=people,dc=acme,dc=de\nuserPassword: ${h}`, h);
    h = str(HEX, 32);
    add(`CORP.LOCAL\\svc_backup:1104:aad3b435b51404eeaad3b435b51404ee:${h}:::`, h);
    h = `$y$j9T$${str(CRYPT64, 22)}$${str(CRYPT64, 43)}`;
    add(`usermod: changed password for 'ubuntu-admin' hash='${h}'`, h);
    h = `$apr1$${str(CRYPT64, 8)}$${str(CRYPT64, 22)}`;
    add(`cat /etc/nginx/.htpasswd -> metrics:${h}`, h);
    h = `$P$B${str(CRYPT64, 30)}`;
    add(`wp_users dump: (3,'redaktion','${h}','redaktion','2024-01-01 00:00:00')`, h);
  }

  // =============================================================================================
  // 9. E-mail addresses (CRM / support / mail logs / mobile logs / non-English)
  // Sources:
  //   getsentry/sentry-python#2463 (set_user with email), manaflow-ai/cmux#9699 (event.user.email)
  //   freescout-help-desk/freescout#3032, intercom/Intercom-OpenAPI#189 (customer webhooks)
  //   docker-mailserver/docker-mailserver#1732 (mail log shape), pento/free-as-in-speech#30 (emails in HAR)
  // =============================================================================================
  group('email', 'getsentry/sentry-python#2463; manaflow-ai/cmux#9699; freescout-help-desk/freescout#3032; intercom/Intercom-OpenAPI#189; docker-mailserver/docker-mailserver#1732; pento/free-as-in-speech#30');
  {
    const locals = ['lena.hoffmann', 'm.dubois', 'carlos_ruiz', 'priya.nair', 'k.tanaka', 'joao.pereira.sp', 'anna-lena.vogt', 'o.kowalczyk', 'marta.rossi', 'sven.lindqvist', 'h.yilmaz', 'chloe.martin', 'li.wei', 'aoife.byrne', 'rahul.mehta'];
    const mk = (dom: string) => `${pick(locals)}${int(1, 99)}@${dom}`;
    let e = mk('gmail.com');
    add(`{"event_id":"4c3a","user":{"id":"4711","email":"${e}","ip_address":"{{auto}}"},"level":"error"}`, e);
    e = mk('gmx.net');
    let ip = ipv4();
    add(`Mar 12 10:11:12 mx1 postfix/smtp[28211]: 4F1A23C0D2: to=<${e}>, relay=mx00.gmx.net[${ip}]:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=2.0.0, status=sent (250 Requested mail action okay, completed)`, e, ip);
    e = mk('outlook.com');
    add(`stripe webhook customer.created id=cus_P${str(ALNUM, 13)} email=${e} livemode=true`, e);
    e = mk('acme-logistics.co.uk');
    add(`{"objectId":1234501,"propertyName":"email","propertyValue":"${e}","changeSource":"CRM_UI","subscriptionType":"contact.propertyChange"}`, e);
    let e1 = mk('yahoo.com');
    let e2 = mk('protonmail.ch');
    add(`intercom webhook user.email.updated: {"old_email":"${e1}","new_email":"${e2}"}`, e1, e2);
    e = mk('posteo.de');
    add(`Author: Lena Hoffmann <${e}>\nDate:   Tue Mar 4 10:00:00 2025 +0100`, e);
    e = mk('gmail.com');
    add(`03-04 10:00:00.123 D/FirebaseAuth: Notifying id token listeners about user ( ${str(ALNUM, 28)} ) email=${e}`, e);
    e = mk('web.de');
    add(`Bestellbestätigung für Auftrag 100-4471 an ${e} versendet`, e);
    e = mk('orange.fr');
    add(`Courriel de réinitialisation du mot de passe envoyé à ${e}`, e);
    e = `${pick(locals)}+facturas@correo.empresa-logistica.es`;
    add(`No se pudo entregar el correo a ${e}: 552 buzón lleno`, e);
    e = mk('uol.com.br');
    add(`E-mail de confirmação enviado para ${e} (pedido #88172)`, e);
    e = mk('yahoo.co.jp');
    add(`お問い合わせ受付 メールアドレス：${e} 件名：配送について`, e);
    e = mk('hotmail.com');
    add(`GET /newsletter/unsubscribe?email=${enc(e)}&list=weekly HTTP/1.1" 200`, enc(e));
    e = mk('icloud.com');
    add(`<p>Reply to <a href="mailto:${e}?subject=Ticket%20%2388172">this customer</a></p>`, e);
    e = mk('stadtwerke-ulm.de').toUpperCase();
    add(`AUDIT LOGIN FAILED FOR USER ${e} FROM VPN-GW2`, e);
    e = mk('gmail.com');
    add(`type=LOGIN_ERROR, realmId=prod, clientId=shop, userId=null, ipAddress=10.1.2.3, error=invalid_user_credentials, auth_method=openid-connect, username=${e}`, e);
    e = mk('gmail.com');
    add(`I/AccountManager: addAccountExplicitly(account=Account {name=${e}, type=com.google})`, e);
    e = mk('freenet.de');
    add(`{"type":"order.placed","orderId":"A-77812","customer":{"email":"${e}","locale":"de-DE"},"total":129.9}`, e);
    e = mk('free.fr');
    add(`From: "Dubois, Marie" <${e}>\r\nSubject: Re: Rückerstattung`, e);
    e = mk('163.com');
    add(`注册成功，邮箱：${e}`, e);
    e = mk('zendesk-customer.io');
    add(`Zendesk ticket.created #48213 requester=${e} subject="Paket nicht angekommen"`, e);
  }

  // =============================================================================================
  // 10. Phone numbers (E.164, national formats of many countries, URL-encoded, tel: URIs)
  // Sources:
  //   https://pub.dev/documentation/flutter_libphonenumber/latest/flutter_libphonenumber/CountryWithPhoneCode/exampleNumberMobileNational.html
  //   https://tessl.io/registry/tessl/npm-awesome-phonenumber/7.5.0/files/docs/examples-formatting.md (SE/US national formats)
  //   https://gist.github.com/craigbeck/51afdd27d40a8f1e0f69 (E164 / INTERNATIONAL / NATIONAL / RFC3966)
  //   ringcentral/hubspot-embeddable-ringcentral-phone#149 (SMS logged to CRM), freedom-finance-stack/card-auth-server#119 (mobileNumber in logs)
  // =============================================================================================
  group('phone', 'pub.dev flutter_libphonenumber; tessl awesome-phonenumber examples; gist craigbeck/51afdd27d40a8f1e0f69; ringcentral/hubspot-embeddable-ringcentral-phone#149; freedom-finance-stack/card-auth-server#119');
  {
    let p = fill('15N#######');
    add(`POST /sms/inbound From=%2B49${p}&To=%2B4930${fill('N#######')}&Body=STOP&MessageSid=SM${str(HEX, 32)}`, `%2B49${p}`);
    p = fill('+44 7911 ######');
    add(`SMS verification code sent to ${p}`, p);
    p = fill('06 ## ## ## ##');
    add(`Appel entrant de ${p} (client n° 48213)`, p);
    p = fill('6## ## ## ##');
    add(`Teléfono de contacto: ${p}`, p);
    p = fill('(11) 9####-####');
    add(`Telefone do cliente: ${p}`, p);
    p = fill('090-####-####');
    add(`電話番号：${p}（日中連絡可）`, p);
    p = fill('0151 N#######');
    add(`Rückrufwunsch unter ${p} bis 18 Uhr`, p);
    p = fill('+49 (0)30 N#######');
    add(`Tel. ${p}`, p);
    p = fill('(415) N##-####');
    add(`callback_number=${p} queue=billing`, p);
    p = '+1' + fill('312N######');
    add(`{"customer":{"id":"c_1881","phone":"${p}","sms_opt_in":true}}`, p);
    p = fill('+61-412-###-###');
    add(`<a href="tel:${p}">Call</a>`, p);
    p = fill('+91 98### #####');
    add(`WhatsApp message delivered to ${p}`, p);
    p = fill('347 ### ####');
    add(`Cellulare: ${p}`, p);
    p = fill('06-N#######');
    add(`Mobiel nummer klant: ${p}`, p);
    p = fill('+52 55 N### ####');
    add(`Teléfono celular: ${p}`, p);
    p = fill('010-N###-####');
    add(`${p}로 인증번호를 발송했습니다`, p);
    p = fill('0412 ### ###');
    add(`Customer called from ${p} re: order 7781`, p);
    p = fill('+27 82 ### ####');
    add(`Airtime top-up requested for ${p}`, p);
    p = fill('+48 5N# ### ###');
    add(`Telefon kontaktowy: ${p}`, p);
    p = fill('070-N## ## ##');
    add(`Mobilnummer: ${p}`, p);
    p = fill('+41 79 N## ## ##');
    add(`Natel: ${p}`, p);
    p = fill('(604) N##-####');
    add(`Shipping contact phone ${p}, Vancouver`, p);
    p = fill('+33 6 ## ## ## ##');
    add(`Numéro de portable mis à jour : ${p}`, p);
    p = fill('0044 20 7N## ####');
    add(`Please call us back on ${p}`, p);
    p = fill('+1 (312) N##-####');
    add(`CNContact phoneNumbers: [<CNLabeledValue label=_$!<Mobile>!$_ value=<CNPhoneNumber: stringValue=${p}>>]`, p);
    p = fill('212.N##.####');
    add(`ivr: caller ${p} pressed 2 (billing)`, p);
    p = fill('+1-646-N##-#### ext. 204');
    add(`Lead form: work phone ${p}`, p);
    p = fill('+86 13N ######## ').trim();
    add(`联系电话：${p}`, p);
  }

  // =============================================================================================
  // 11. Payment card numbers (Luhn-valid, several brands and groupings)
  // Sources:
  //   AuthorizeNet/sdk-php#48 (createCustomerPaymentProfileRequest logged with card number)
  //   angelleye/paypal-woocommerce#582 (PayFlow RAWREQUEST with ACCT=)
  //   Adyen/adyen-magento#253 (PCI data in logs), augustd/owasp-security-logging#40 (Luhn-based masking)
  //   freedom-finance-stack/card-auth-server#119 (acctNumber / cardNumber fields)
  // =============================================================================================
  group('card', 'AuthorizeNet/sdk-php#48; angelleye/paypal-woocommerce#582; Adyen/adyen-magento#253; augustd/owasp-security-logging#40; freedom-finance-stack/card-auth-server#119');
  {
    let c = card('4' + digits(5), 16);
    add(`<creditCard><cardNumber>${c}</cardNumber><expirationDate>2028-11</expirationDate></creditCard>`, c);
    c = card('5' + int(1, 5) + digits(4), 16);
    add(`RAWREQUEST: TRXTYPE=S&TENDER=C&ACCT=${c}&EXPDATE=0927&AMT=49.90&CVV2=${digits(3)}&COMMENT1=Order 1182`, c);
    c = card('2' + pick(['22' + int(1, 9), '3' + digits(2), '5' + digits(2), '70' + int(0, 9)]) + digits(2), 16);
    add(`card%5Bnumber%5D=${c}&card%5Bexp_month%5D=11&card%5Bexp_year%5D=2029&card%5Bcvc%5D=${digits(3)}`, c);
    c = card('4' + digits(5), 16);
    add(`{"paymentMethod":{"type":"scheme","pan":"${c}","expiryMonth":"03","expiryYear":"2030","holderName":"J Weber"}}`, c);
    c = card('4' + digits(5), 16);
    let f = group4(c, [4, 4, 4, 4]);
    add(`checkout form field card_number="${f}" rejected by validator: expired`, f);
    c = card('5' + int(1, 5) + digits(4), 16);
    f = group4(c, [4, 4, 4, 4], '-');
    add(`Payment declined for card ${f} (do_not_honor)`, f);
    c = card(pick(['34', '37']) + digits(4), 15);
    f = group4(c, [4, 6, 5]);
    add(`Amex ${f} exp 08/27`, f);
    c = card('36' + digits(4), 14);
    f = group4(c, [4, 6, 4]);
    add(`Diners Club ${f} tokenization failed`, f);
    c = card('62' + digits(4), 19);
    add(`UnionPay card_no=${c} channel=UPOP`, c);
    c = card('35' + int(28, 89) + digits(2), 16);
    add(`カード番号：${c} 有効期限：12/29`, c);
    c = card('6011' + digits(2), 16);
    add(`Kartennummer ${c} wurde abgelehnt (Limit überschritten)`, c);
    c = card('4' + digits(5), 16);
    f = group4(c, [4, 4, 4, 4]);
    add(`numéro de carte ${f} refusé par la banque émettrice`, f);
    c = card('5' + int(1, 5) + digits(4), 16);
    add(`número de tarjeta: ${c} (rechazada)`, c);
    c = card('220' + int(0, 4) + digits(2), 16);
    add(`Номер карты ${c} отклонён`, c);
    c = card('4' + digits(5), 16);
    add(`03-04 10:00:01.221 D/PaymentSheet: CardParams(number=${c}, expMonth=4, expYear=2028, cvc=${digits(3)})`, c);
    c = card('65' + digits(4), 16);
    add(`GET /pay/return?cc=${c}&exp=0429&status=fail HTTP/1.1" 200`, c);
  }

  // =============================================================================================
  // 12. IBANs (mod-97 valid; national check digits computed for FR, ES, IT, NL, BE, PL, PT, NO)
  // Sources:
  //   https://iban.com/structure (register and examples), https://developers.circle.com/cpn/references/compliance/validating-iban
  //   https://support.currencycloud.com/hc/en-gb/articles/360017418760-IBAN-Formats-by-Country
  //   https://rosettacode.org/wiki/IBAN (mod-97 algorithm)
  // =============================================================================================
  group('iban', 'iban.com/structure; developers.circle.com validating-iban; support.currencycloud.com IBAN formats; rosettacode.org/wiki/IBAN');
  {
    let i = iban('DE', bbanDE());
    add(`{"type":"mandate.created","mandate":{"id":"MD0${str(UPALNUM, 12)}","scheme":"sepa_core","iban":"${i}","status":"pending_submission"}}`, i);
    i = iban('DE', bbanDE());
    let s = ibanSpaced(i);
    add(`Auszahlung über 1.250,00 EUR an IBAN ${s} veranlasst`, s);
    i = iban('FR', bbanFR());
    s = ibanSpaced(i);
    add(`Virement SEPA vers IBAN : ${s} (BIC BNPAFRPPXXX)`, s);
    i = iban('ES', bbanES());
    add(`Domiciliación bancaria: cuenta ${i} titular verificado`, i);
    i = iban('IT', bbanIT());
    s = ibanSpaced(i);
    add(`Rimborso disposto su IBAN ${s}`, s);
    i = iban('NL', bbanNL());
    add(`Rekeningnummer gewijzigd naar ${i} via klantportaal`, i);
    i = iban('BE', bbanBE());
    s = ibanSpaced(i);
    add(`Remboursement / Terugbetaling: ${s}`, s);
    i = iban('CH', bbanCH());
    s = ibanSpaced(i);
    add(`Lohnkonto CH: ${s}`, s);
    i = iban('AT', bbanAT());
    add(`payout_account=${i} currency=EUR status=failed reason=account_closed`, i);
    i = iban('PL', bbanPL());
    s = ibanSpaced(i);
    add(`Numer rachunku: ${s}`, s);
    i = iban('PT', bbanPT());
    add(`IBAN para reembolso: ${i}`, i);
    i = iban('NO', bbanNO());
    add(`Kontonummer (IBAN) ${i} lagret for leverandør 4471`, i);
    i = iban('GB', bbanGB());
    s = ibanSpaced(i);
    add(`Bacs payee updated: iban="${s}" sort_code=${i.slice(8, 10)}-${i.slice(10, 12)}-${i.slice(12, 14)}`, s);
    i = iban('IE', bbanIE());
    add(`<Dbtr><Nm>Aoife Byrne</Nm></Dbtr><DbtrAcct><Id><IBAN>${i}</IBAN></Id></DbtrAcct>`, i);
    i = iban('SE', bbanSE());
    add(`Återbetalning till IBAN ${i} genomförd`, i);
  }

  // =============================================================================================
  // 13. National identifiers: US SSN, UK NINO, Canadian SIN
  // Sources:
  //   https://www.ssa.gov/employer/randomization.html via gitlab-org/gitlab#353038 and stdnum (app.unpkg.com/stdnum/.../us/ssn.ts)
  //   https://npmjs.com/package/valid-nino, app.unpkg.com/stdnum/.../gb/nino.ts (HMRC prefix rules)
  //   docs.trellix.com canadian-social-insurance-number, hex.pm/packages/canada_sin (Luhn, province digit)
  // =============================================================================================
  group('national-id', 'ssa.gov randomization via gitlab-org/gitlab#353038; stdnum us/ssn.ts; npmjs.com/package/valid-nino; stdnum gb/nino.ts; docs.trellix.com canadian-social-insurance-number; hex.pm canada_sin');
  {
    let v = ssn('-');
    add(`{"event":"employee.onboarded","employee":{"id":"E-2291","ssn":"${v}","state":"CA"}}`, v);
    v = ssn('');
    add(`background_check.request {"candidate_id":"cnd_7781","ssn":"${v}","dob":"1990-04-12"}`, v);
    v = ssn(' ');
    add(`W-2 import row 12: Social Security No. ${v} wages=84210.00`, v);
    v = ssn('-');
    add(`Payroll error: duplicate SSN ${v} for employees 1181 and 1190`, v);
    v = ssn('-');
    add(`Número de Seguro Social: ${v}`, v);
    let n = nino();
    let sp = `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
    assert(ninoValid(sp), `nino ${sp}`);
    add(`Payroll: NI number ${sp} not recognised by HMRC RTI`, sp);
    n = nino();
    add(`{"employee":{"payroll_id":"P0192","nino":"${n}","tax_code":"1257L"}}`, n);
    n = nino();
    add(`National Insurance number: ${n}`, n);
    n = nino();
    add(`FPS rejected: NINO=${n} mismatch with DOB`, n);
    let s = sin(' ');
    add(`SIN: ${s} (Ontario)`, s);
    s = sin('-');
    add(`Numéro d'assurance sociale (NAS) : ${s}`, s);
    s = sin('');
    add(`{"employee":{"id":"C-77","sin":"${s}","province":"BC"}}`, s);
    s = sin(' ');
    add(`T4 slip generated for employee with SIN ${s}`, s);
    v = ssn('-');
    add(`tax form 1099-NEC recipient TIN ${v} (individual)`, v);
    n = nino();
    sp = `${n.slice(0, 2)} ${n.slice(2, 8)} ${n.slice(8)}`;
    add(`Universal Credit claim ref 4471, NINO ${sp}`, sp);
  }

  // =============================================================================================
  // 14. Public IP addresses (IPv4/IPv6, access logs, auth logs, forwarding headers)
  // Sources:
  //   getsentry/sentry-docs#5916 (IP scrubbing in Sentry), getsentry/sentry-python#2463 (user.ip_address)
  //   roundcube/roundcubemail#6625 (login log "from <ip>"), pento/free-as-in-speech#30 (ipv4/ipv6 in HAR)
  // =============================================================================================
  group('public-ip', 'getsentry/sentry-docs#5916; getsentry/sentry-python#2463; roundcube/roundcubemail#6625; pento/free-as-in-speech#30');
  {
    let ip = ipv4();
    add(`${ip} - - [12/Mar/2025:10:11:12 +0100] "GET /api/v1/orders?page=2 HTTP/2.0" 200 5123 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"`, ip);
    let a = ipv4();
    let b = ipv4();
    add(`X-Forwarded-For: ${a}, ${b}, 10.0.4.2`, a, b);
    ip = ipv4();
    add(`{"user":{"id":"4711","ip_address":"${ip}"},"request":{"url":"https://shop.acme.io/checkout"}}`, ip);
    ip = ipv4();
    add(`Mar 12 03:14:07 bastion sshd[2211]: Failed password for invalid user admin from ${ip} port 52144 ssh2`, ip);
    ip = ipv6();
    add(`cf-connecting-ip: ${ip}`, ip);
    ip = ipv4();
    add(`Mar 12 10:11:12 mx1 postfix/smtpd[3311]: connect from unknown[${ip}]`, ip);
    ip = ipv4();
    add(`2025-03-12 10:11:12,331 fail2ban.actions [812]: NOTICE [sshd] Ban ${ip}`, ip);
    ip = ipv6();
    add(`[2025-03-12T10:11:12Z] login ok user_id=7781 remote_addr=${ip} ua="Firefox/124.0"`, ip);
    ip = ipv4();
    add(`type=LOGIN, realmId=prod, clientId=shop, userId=${uuid()}, ipAddress=${ip}, auth_method=openid-connect`, ip);
    ip = ipv4();
    add(`client connected from ::ffff:${ip} (socket.io v4)`, `::ffff:${ip}`);
    ip = ipv4();
    add(`Anmeldung von IP-Adresse ${ip} (Land: DE) erfolgreich`, ip);
    ip = ipv4();
    add(`Connexion suspecte depuis l'adresse IP ${ip}`, ip);
    ip = ipv6();
    add(`{"remoteIp":"${ip}","status":401,"path":"/graphql"}`, ip);
    ip = ipv4();
    add(`geoip lookup ok ip=${ip} city=Lyon asn=AS3215`, ip);
  }

  // =============================================================================================
  // 15. User names inside home-directory paths (stack traces, crash reports, file URLs)
  // Sources:
  //   manaflow-ai/cmux#5598 (scrub file paths / PII from Sentry events)
  //   nextcloud/server#6576 (paths in pasted stack trace), Azure/azure-cli#11969 (C:\Users\... in traceback)
  // =============================================================================================
  group('home-username', 'manaflow-ai/cmux#5598; nextcloud/server#6576; Azure/azure-cli#11969');
  {
    add(`    at Object.<anonymous> (/home/mkowalski/projects/api/src/index.js:12:5)\n    at Module._compile (node:internal/modules/cjs/loader:1376:14)`, 'mkowalski');
    add(`Thread 0 Crashed:: Dispatch queue: com.apple.main-thread\n0   Shop  0x100f2c3a4 CartViewModel.reload() + 212 (/Users/annika.berg/Library/Developer/Xcode/DerivedData/Shop-abc/Build/CartViewModel.swift:88)`, 'annika.berg');
    add(`Error: EPERM: operation not permitted, open 'C:\\Users\\tkowalczyk\\AppData\\Local\\Programs\\acme-desktop\\resources\\app.asar'`, 'tkowalczyk');
    add(R`{"exception":{"values":[{"stacktrace":{"frames":[{"filename":"C:\\Users\\RMatsumoto\\source\\repos\\Billing\\Program.cs","lineno":41}]}}]}}`, 'RMatsumoto');
    add(`  File "/home/priya.n/.venv/lib/python3.12/site-packages/requests/api.py", line 59, in request`, 'priya.n');
    add(`goroutine 1 [running]:\nmain.main()\n\t/Users/jpark/go/src/github.com/acme/agent/main.go:44 +0x1d4`, 'jpark');
    add(`thread 'main' panicked at /home/lena_h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/serde_json-1.0.114/src/de.rs:2111:9`, 'lena_h');
    add(`Opening file:///Users/sofia.reis/Downloads/Rechnung_4471.pdf failed`, 'sofia.reis');
    add(`WSL: cp: cannot stat '/mnt/c/Users/DWeber/Documents/export.csv': No such file or directory`, 'DWeber');
    add(`electron: Failed to load C:/Users/oyelaran/AppData/Roaming/acme/config.json`, 'oyelaran');
    add(`java.io.FileNotFoundException: /home/giuseppe.bianchi/.m2/repository/org/acme/core/2.1/core-2.1.jar (Permission denied)`, 'giuseppe.bianchi');
    add(`Datei nicht gefunden: /Users/jürgen.maier/Desktop/Steuer 2024/Belege.zip`, 'jürgen.maier');
    add(`ENOENT: no such file or directory, scandir '/var/home/ahmed.k/.local/share/acme/logs'`, 'ahmed.k');
  }

  // ---------------------------------------------------------------------------------------------
  // Self-checks
  // ---------------------------------------------------------------------------------------------
  for (const [i, l] of out.entries()) {
    assert(l.secrets.length > 0, `line ${i} has no secrets`);
    for (const s of l.secrets) {
      assert(typeof s === 'string' && s.length >= 4, `line ${i} secret too short: ${JSON.stringify(s)}`);
      assert(l.text.includes(s), `line ${i} (${l.cls}) does not contain secret ${JSON.stringify(s)}`);
    }
    assert(!/xxxx|<password>|changeme|\$\{[A-Z_]+\}/i.test(l.secrets.join(' ')), `line ${i} secret looks like a placeholder`);
  }
  for (const l of out.filter((x) => x.cls === 'card')) for (const s of l.secrets) assert(luhnValid(s), `card luhn ${s}`);
  for (const l of out.filter((x) => x.cls === 'iban'))
    for (const s of l.secrets) {
      const c = s.replace(/\s/g, '');
      assert(mod97(ibanNumeric(c.slice(4) + c.slice(0, 4))) === 1 && c.length === IBAN_LEN[c.slice(0, 2)], `iban ${s}`);
    }
  for (const l of out.filter((x) => x.cls === 'national-id'))
    for (const s of l.secrets) {
      const ok = ssnValid(s) || ninoValid(s) || (/^\d{3}[ -]?\d{3}[ -]?\d{3}$/.test(s) && luhnValid(s));
      assert(ok, `national id ${s}`);
    }
  return out;
}

export function round3SecretLinesDetailed(): Round3Line[] {
  if (!BUILT) BUILT = build();
  return BUILT.map((l) => ({ ...l, secrets: [...l.secrets] }));
}

export function appSecretLines(): { text: string; secrets: string[] }[] {
  return round3SecretLinesDetailed().map(({ text, secrets }) => ({ text, secrets }));
}
