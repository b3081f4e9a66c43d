import { describe, it, expect, vi, afterEach } from 'vitest';
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { builtinDetectors, type Detector } from '../../src/redaction/detectors.js';
import { DETECTOR_SAMPLES } from '../helpers/detector-samples.js';
import { allBenignLines, allSecretLines } from './corpora.js';
import { MAX_SCAN_LENGTH, Scrubber } from '../../src/redaction/scrubber.js';
import { mulberry32 } from '../helpers/prng.ts';

/** Ordinary telemetry text: must come out byte-identical. No IP addresses here on purpose. */
const benign = [
  'feature.checkout.enabled',
  'checkout_button_clicked',
  'version 1.2.3',
  'v22.11.0',
  '^1.2.3 || >=2.0.0-beta.1',
  '~4.17.21',
  '2026-11-22',
  '2026-11-22T12:30:45.123Z',
  '2026-11-22T12:30:45+01:00',
  'Sat, 22 Nov 2026 12:30:45 GMT',
  '12:30:45',
  'took 125.5ms',
  'duration_ms=1234 status=200',
  'The request timed out after 30000ms',
  'GET /api/orders/:id',
  'POST /api/users/:id/sessions',
  'DELETE /v2/carts/:cartId/items/:itemId',
  '/search?q=shoes&page=2&sort=price',
  '4bf92f3577b34da6a3ce929d0e0e4736',
  '00f067aa0ba902b7',
  'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  'trace_id=4bf92f3577b34da6a3ce929d0e0e4736',
  '550e8400-e29b-41d4-a716-446655440000',
  'x-request-id: 7f3a9c2e-1b4d-4e5f-8a6b-9c0d1e2f3a4b',
  'sha256',
  'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'commit 3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c',
  '1732291200000',
  "Cannot read properties of undefined (reading 'x')",
  'TypeError: fetch failed',
  'Error: connect ETIMEDOUT',
  'ERR_MODULE_NOT_FOUND',
  'Invalid token: signature mismatch',
  'Basic authentication failed',
  'The password must be at least 8 characters',
  'session expired, please log in again',
  'node:internal/modules/cjs/loader:1228',
  'at processTicksAndRejections (node:internal/process/task_queues:95:5)',
  'src/components/CheckoutButton.tsx',
  'dist/index.js.map',
  'icon@2x.png',
  '@opentelemetry/api@1.10.0',
  'node_modules/.pnpm/react-dom@18.2.0_react@18.2.0/node_modules/react-dom',
  'std::vector<int>',
  'Foo::bar',
  'handleUserAuthenticationCallbackV2',
  'PaymentProcessingTimeoutExceptionV2',
  'checkout_flow_step_3_completed_successfully',
  'FEATURE_FLAG_NEW_CHECKOUT_FLOW_ENABLED',
  'com.example.payments.CheckoutService',
  'grpc.health.v1.Health/Check',
  '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
  'user-service-7d9f8b6c5-x2k4p',
  'HTTP/1.1 503 Service Unavailable',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'tokens_used=1500 max_tokens=4096',
  'retries=3 pass=12 fail=0',
  'cookie consent banner shown',
  'price 19.99 USD',
  'memory 512MiB cpu 0.25',
  'us-east-1',
  'x86_64-unknown-linux-gnu',
  'SELECT * FROM orders WHERE id = $1',
  'application/vnd.api+json',
  'en-US,en;q=0.9',
  'file:///app/dist/index.js',
  '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  'release-2026.11.22',
  'build 20261122.3',
  'port 8080',
] as const;

/** Secrets and personal data in context: every item must change and lose the listed part. */
const secrets: readonly (readonly [input: string, secret: string])[] = [
  ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4Ukq3Z8\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx4Ukq3Z8'],
  ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B', 'MIIEvQIBADANBgkqhkiG9w0B'],
  ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123xyz', 'eyJzdWIiOiIxMjM0In0'],
  ['jwt=eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJlbWFpbCI6ImFAYi5jbyJ9.c2lnbmF0dXJl', 'eyJlbWFpbCI6ImFAYi5jbyJ9'],
  ['postgres://admin:s3cr3tP%40ss@db.internal:5432/app', 's3cr3tP%40ss'],
  ['mongodb+srv://svc:Pa55w0rd@cluster0.mongodb.net/db', 'Pa55w0rd'],
  ['Authorization: Bearer abc123def456ghi789', 'abc123def456ghi789'],
  ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
  ['Proxy-Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b', '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b'],
  ['Cookie: sessionid=38afes7a8; theme=dark', '38afes7a8'],
  ['Set-Cookie: __Host-auth=abcXYZ123; Path=/; Secure', 'abcXYZ123'],
  ['PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3', 'el4ukv0kqbvoirg7nkp4dncpk3'],
  ['AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['git push failed for ghp_1234567890abcdefghijklmnopqrstuvwxyzAB', 'ghp_1234567890abcdefghijklmnopqrstuvwxyzAB'],
  ['glpat-Xk9aB3qW7zLm2NpR4tY6', 'Xk9aB3qW7zLm2NpR4tY6'],
  ['xoxp-123456789012-1234567890123-AbCdEfGhIjKl', 'AbCdEfGhIjKl'],
  ['stripe key sk_test_4eC39HqLyjWDarjtT1zdp7dc', '4eC39HqLyjWDarjtT1zdp7dc'],
  ['AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', 'SyDdI0hCZtE6vySjMm'],
  ['OPENAI_API_KEY=sk-proj-abc123DEF456ghi789JKL012mno345', 'abc123DEF456ghi789JKL012mno345'],
  ['x-api-key: sk-ant-api03-abcdEFGH1234ijklMNOP5678qrst-UVWX', 'abcdEFGH1234ijklMNOP5678qrst'],
  ['//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'abcdefghijklmnopqrstuvwxyz0123456789'],
  ['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', 'TwL2iGABf9DHoTf'],
  ['AccountName=acct;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==', 'Eby8vdM02xNOcqFl'],
  ['login failed: password=hunter2', 'hunter2'],
  ['{"username":"x","password":"letmein"}', 'letmein'],
  ['client_secret: "a1b2c3d4"', 'a1b2c3d4'],
  ['https://app.example.com/#access_token=ya29abc&expires_in=3600', 'ya29abc'],
  ['GET /oauth/callback?code=4/0AX4XfWh&state=xyz', '4/0AX4XfWh'],
  ['https://bucket.s3.amazonaws.com/k?X-Amz-Credential=AKIAEXAMPLE%2F20261122&X-Amz-Signature=abcdef0123', 'abcdef0123'],
  ['password reset sent to alice.smith@example.com', 'alice.smith@example.com'],
  ['payout to IBAN DE89 3704 0044 0532 0130 00', '3704 0044 0532 0130'],
  ['card 4111 1111 1111 1111 declined', '4111 1111 1111 1111'],
  ['charged 5500-0000-0000-0004', '5500-0000-0000-0004'],
  ['SSN 078-05-1120', '078-05-1120'],
  ['sms to +44 20 7946 0958 failed', '7946 0958'],
  ['callback number (415) 555-2671', '555-2671'],
  ['client 2001:db8::ff00:42:8329 connected', '2001:db8::ff00:42:8329'],
  ['ECONNREFUSED 192.168.1.23:5432', '192.168.1.23'],
  ['Error: ENOENT, open /home/alice/.config/app.json', 'alice'],
  ['at /Users/bob.smith/dev/app/index.js:10:5', 'bob.smith'],
  ['C:\\Users\\Jane Doe\\AppData\\Roaming\\app\\log.txt', 'Jane Doe'],
  ['upload token dGhpcyBpc0FzZWNyZXQxMjM0NTY3ODkwYWJj', 'dGhpcyBpc0FzZWNyZXQxMjM0NTY3ODkwYWJj'],
  ['signature Xk9aB3qW7zLm2NpR4tY6vU8sD1fG', 'Xk9aB3qW7zLm2NpR4tY6vU8sD1fG'],
];

class RecordingLogger implements DiagLogger {
  readonly warnings: unknown[][] = [];
  error(): void {}
  warn(...args: unknown[]): void {
    this.warnings.push(args);
  }
  info(): void {}
  debug(): void {}
  verbose(): void {}
}

afterEach(() => {
  diag.disable();
});

describe('Scrubber.scrubText: benign corpus', () => {
  const s = new Scrubber();

  it('has at least 40 items', () => {
    expect(benign.length).toBeGreaterThanOrEqual(40);
  });

  it.each(benign.map((b) => [b]))('leaves %j byte-identical', (text) => {
    const calls: string[] = [];
    const scrubber = new Scrubber({ onRedaction: (d) => calls.push(d) });
    expect(scrubber.scrubText(text)).toBe(text);
    expect(s.scrubText(text)).toBe(text);
    expect(calls).toEqual([]);
  });
});

describe('Scrubber.scrubText: secrets corpus', () => {
  const s = new Scrubber();

  it('has at least 40 items', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(40);
  });

  it.each(secrets.map(([input, secret]) => [input, secret]))('scrubs %j', (input, secret) => {
    const out = s.scrubText(input);
    expect(out).not.toBe(input);
    expect(out).not.toContain(secret);
    // Idempotent: markers themselves are never re-redacted.
    expect(s.scrubText(out)).toBe(out);
  });
});

describe('Scrubber.scrubText: behaviour', () => {
  it('returns the input unchanged when nothing matched, including short strings', () => {
    const s = new Scrubber();
    const text = 'GET /api/orders/:id took 125.5ms';
    expect(s.scrubText(text)).toBe(text);
    expect(s.scrubText('')).toBe('');
    expect(s.scrubText('a@b.c')).toBe('a@b.c');
  });

  it('returns the input when a match is rejected by validate', () => {
    const s = new Scrubber();
    const text = 'card 4111 1111 1111 1112 and id 4bf92f3577b34da6a3ce929d0e0e4736';
    expect(s.scrubText(text)).toBe(text);
  });

  it('reports one onRedaction call per detector per value with the number of matches', () => {
    const calls: [string, number][] = [];
    const s = new Scrubber({ onRedaction: (d, n) => calls.push([d, n]) });
    const out = s.scrubText('mail a@example.com, b@example.org and c@example.net from 10.0.0.1 and 10.0.0.2 with password=hunter2');
    expect(out).toBe(
      'mail [REDACTED:email], [REDACTED:email] and [REDACTED:email] from [REDACTED:ipv4] and [REDACTED:ipv4] with password=[REDACTED:password_assignment]',
    );
    expect(calls.sort()).toEqual([
      ['email', 3],
      ['ipv4', 2],
      ['password_assignment', 1],
    ]);
  });

  it('does not count matches that validate rejected', () => {
    const calls: [string, number][] = [];
    const s = new Scrubber({ onRedaction: (d, n) => calls.push([d, n]) });
    s.scrubText('4111 1111 1111 1111 then 4111 1111 1111 1112');
    expect(calls).toEqual([['card_number', 1]]);
  });

  it('lets earlier detectors win: a JWT in a bearer header is reported once, as jwt', () => {
    const calls: string[] = [];
    const s = new Scrubber({ onRedaction: (d) => calls.push(d) });
    const out = s.scrubText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123xyz');
    expect(out).toBe('Authorization: Bearer [REDACTED:jwt]');
    expect(calls).toEqual(['jwt']);
  });

  it('skips a throwing detector, keeps applying the others, and warns once per detector', () => {
    const logger = new RecordingLogger();
    diag.setLogger(logger, DiagLogLevel.WARN);
    const boom: Detector = {
      name: 'boom',
      pattern: /secret/g,
      validate: () => {
        throw new Error('detector bug');
      },
    };
    const badReplace: Detector = {
      name: 'bad_replace',
      pattern: /hunter/g,
      replace: () => {
        throw new Error('replace bug');
      },
    };
    const calls: string[] = [];
    const s = new Scrubber({ detectors: [boom, badReplace, ...builtinDetectors], onRedaction: (d) => calls.push(d) });
    for (let i = 0; i < 3; i++) {
      expect(() => s.scrubText('secret hunter2 sent to a@example.com')).not.toThrow();
      expect(s.scrubText('secret hunter2 sent to a@example.com')).toBe('secret hunter2 sent to [REDACTED:email]');
    }
    const messages = logger.warnings.map((w) => String(w[0]));
    expect(messages.filter((m) => m.includes('"boom"'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('"bad_replace"'))).toHaveLength(1);
    expect(calls.every((d) => d === 'email')).toBe(true);
  });

  it('works on its own copy of each pattern, so a patched RegExp object cannot break it', () => {
    const hostile = /x/g;
    Object.defineProperty(hostile, 'exec', {
      value: () => {
        throw new Error('exec bug');
      },
    });
    // The scrubber copies patterns, so a hostile exec on the original cannot reach it: it simply works.
    const s = new Scrubber({ detectors: [{ name: 'x', pattern: hostile }] });
    expect(s.scrubText('xxxxxx')).toBe('[REDACTED:x][REDACTED:x][REDACTED:x][REDACTED:x][REDACTED:x][REDACTED:x]');
  });

  it('never throws when onRedaction throws', () => {
    const s = new Scrubber({
      onRedaction: () => {
        throw new Error('metrics down');
      },
    });
    expect(s.scrubText('mail a@example.com')).toBe('mail [REDACTED:email]');
  });

  it('applies a non-global custom pattern to every occurrence', () => {
    const s = new Scrubber({ detectors: [{ name: 'order_ref', pattern: /ORD-\d{6}/ }] });
    expect(s.scrubText('ORD-123456 and ORD-654321')).toBe('[REDACTED:order_ref] and [REDACTED:order_ref]');
  });

  it('ignores empty matches of a custom pattern', () => {
    const calls: string[] = [];
    const s = new Scrubber({ detectors: [{ name: 'maybe_x', pattern: /x*/g }], onRedaction: (d) => calls.push(d) });
    expect(s.scrubText('abcdef')).toBe('abcdef');
    expect(s.scrubText('ab xx cd')).toBe('ab [REDACTED:maybe_x] cd');
    expect(calls).toEqual(['maybe_x']);
  });

  it('passes capture groups to custom replace and validate', () => {
    const seen: (string | undefined)[][] = [];
    const s = new Scrubber({
      detectors: [
        {
          name: 'employee',
          pattern: /(emp)-(\d+)(x)?/g,
          validate: (_m, g) => {
            seen.push([...g]);
            return g[1] !== '0000';
          },
          replace: (_m, g) => `${g[0]}-#`,
        },
      ],
    });
    expect(s.scrubText('emp-1234 emp-0000')).toBe('emp-# emp-0000');
    expect(seen).toEqual([
      ['emp', '1234', undefined],
      ['emp', '0000', undefined],
    ]);
  });

  it('does not run a detector whose requires substrings are all absent', () => {
    let runs = 0;
    const detector: Detector = {
      name: 'counted',
      pattern: /a+/g,
      requires: ['zz', 'yy'],
      validate: () => {
        runs++;
        return true;
      },
    };
    const s = new Scrubber({ detectors: [detector] });
    expect(s.scrubText('aaaaaaaa')).toBe('aaaaaaaa');
    expect(runs).toBe(0);
    expect(s.scrubText('aaaa yy aaaa')).toBe('[REDACTED:counted] yy [REDACTED:counted]');
    expect(runs).toBe(2);
    const single = new Scrubber({ detectors: [{ ...detector, requires: 'needle' }] });
    expect(single.scrubText('aaaaaaaa')).toBe('aaaaaaaa');
    expect(single.scrubText('needle aaa')).toBe('needle [REDACTED:counted]');
  });

  it('does not run a detector whose shape needs the value cannot meet', () => {
    let runs = 0;
    const detector: Detector = {
      name: 'digits',
      pattern: /[0-9]+/g,
      needs: { digits: 5, dots: 1 },
      validate: () => {
        runs++;
        return true;
      },
    };
    const s = new Scrubber({ detectors: [detector] });
    expect(s.scrubText('1234 and more')).toBe('1234 and more');
    expect(s.scrubText('12345 and more')).toBe('12345 and more');
    expect(runs).toBe(0);
    expect(s.scrubText('123.45 and more')).toBe('[REDACTED:digits].[REDACTED:digits] and more');
    expect(runs).toBe(2);
  });

  it('finds exactly what it finds without prechecks (the built-in needs and requires are sound)', () => {
    const gated = new Scrubber();
    const ungated = new Scrubber({ detectors: builtinDetectors.map(({ needs: _n, requires: _r, ...d }) => d) });
    const texts = [...allSecretLines().map((l) => l.text), ...allBenignLines(), ...Object.values(DETECTOR_SAMPLES).map((s) => s.text)];
    // Random mixes of the characters detectors care about, seeded so a failure reproduces.
    const rnd = mulberry32(42);
    const alphabet = '0123456789abcdefABCDEF:.-+@ /_=()xyzKIA';
    const words = ['password', 'Token', 'SECRET', 'api_key', 'Bearer ', 'Cookie: ', 'sessionid=', 'PHPSESSID=', '/home/', 'C:\\Users\\', '~bob/', 'AKIA', 'ghp_', 'mysql -p', '-u ', '%40', '.pgpass ', 'Authorization: ', 'X-Api-Key: '];
    for (let i = 0; i < 3000; i++) {
      const pieces = Array.from({ length: 8 + Math.floor(rnd() * 40) }, () => alphabet[Math.floor(rnd() * alphabet.length)]);
      // Half the strings carry a keyword some detector anchors on, so the prechecks are exercised.
      if (rnd() < 0.5) pieces.splice(Math.floor(rnd() * pieces.length), 0, words[Math.floor(rnd() * words.length)]!);
      texts.push(pieces.join(''));
    }
    for (const t of texts) expect(gated.scrubText(t), t).toBe(ungated.scrubText(t));
  });

  it('treats regex metacharacters in requires literally', () => {
    const s = new Scrubber({ detectors: [{ name: 'dots', pattern: /x+/g, requires: ['a.b', '(c)'] }] });
    expect(s.scrubText('xxx azb')).toBe('xxx azb');
    expect(s.scrubText('xxx a.b')).toBe('[REDACTED:dots] a.b');
  });

  it('handles a non-string input without throwing', () => {
    const s = new Scrubber();
    expect(s.scrubText(undefined as unknown as string)).toBeUndefined();
  });
});

describe('Scrubber.scrubText: pathological input', () => {
  const s = new Scrubber();
  const inputs: [string, string][] = [
    ['1 MB of a', 'a'.repeat(1 << 20)],
    ['100k @', '@'.repeat(100_000)],
    ['alternating a@', 'a@'.repeat(100_000)],
    ['long digit run', '4'.repeat(200_000)],
    ['digits and dashes', '4-'.repeat(100_000)],
    ['digits and spaces', '4111 '.repeat(100_000)],
    ['colons', 'ab12:'.repeat(50_000)],
    ['dots', '1.'.repeat(200_000)],
    ['repeated keys', 'password='.repeat(20_000)],
    ['unterminated quote with backslashes', `password="${'\\'.repeat(100_000)}`],
    ['repeated pem headers', '-----BEGIN PRIVATE KEY-----'.repeat(5_000)],
    ['repeated schemes', 'http://a:'.repeat(50_000)],
    ['digest parameters', `Digest ${'a=b,'.repeat(100_000)}`],
    ['long cookie', `Cookie: ${'x'.repeat(1_000_000)}`],
    ['long base64', 'Ab1+'.repeat(250_000)],
    ['long local parts', `${'a'.repeat(60)}@`.repeat(10_000)],
    ['long domain', `a@${'b.'.repeat(200_000)}`],
    ['windows path with spaces', `C:\\Users\\${'a '.repeat(300_000)}`],
    ['plus signs', '+1 '.repeat(100_000)],
    ['ssn-like', '123-45-'.repeat(50_000)],
    ['iban-like', 'DE89'.repeat(100_000)],
    ['jwt-like', `eyJ${'a'.repeat(1_000_000)}`],
    ['control characters', Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(i % 32)).join('')],
    ['binary', Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
    ['lone surrogates', '\ud800abc\udfff'.repeat(50_000)],
    ['mixed surrogates and secrets', `\ud800 password=hunter2 \udc00 a@example.com \ud83d`],
  ];

  it.each(inputs)('%s returns without throwing', (_name, input) => {
    let out: string | undefined;
    expect(() => {
      out = s.scrubText(input);
    }).not.toThrow();
    expect(typeof out).toBe('string');
  });

  it('still redacts next to lone surrogates', () => {
    const out = s.scrubText('\ud800 password=hunter2 \udc00 a@example.com \ud83d');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('a@example.com');
    expect(out.startsWith('\ud800 ')).toBe(true);
  });
});

describe('Scrubber: remembered results', () => {
  it('gives the same result for a value seen again, and counts its redactions again', () => {
    const counts: [string, number][] = [];
    const s = new Scrubber({ onRedaction: (d, n) => counts.push([d, n]) });
    const secret = 'mail bob@example.com and carol@example.org';
    const first = s.scrubText(secret);
    expect(s.scrubText(secret)).toBe(first);
    expect(counts).toEqual([['email', 2], ['email', 2]]);
    expect(s.scrubText('GET /api/orders/:id 200')).toBe('GET /api/orders/:id 200');
  });

  it('remembers a bounded number of values, and none with cacheSize 0', () => {
    let runs = 0;
    const counting: Detector = { name: 'x', pattern: /x{3}/g, validate: () => (runs++, true) };
    const small = new Scrubber({ detectors: [counting], cacheSize: 2 });
    for (const v of ['a xxx 1', 'a xxx 2', 'a xxx 1']) small.scrubText(v);
    expect(runs).toBe(2); // the third was remembered
    small.scrubText('a xxx 3'); // evicts the oldest ('a xxx 1')
    small.scrubText('a xxx 1');
    expect(runs).toBe(4);
    const none = new Scrubber({ detectors: [counting], cacheSize: 0 });
    runs = 0;
    none.scrubText('a xxx 1');
    none.scrubText('a xxx 1');
    expect(runs).toBe(2);
  });

  it('does not remember long values', () => {
    let runs = 0;
    const s = new Scrubber({ detectors: [{ name: 'x', pattern: /x{3}/g, validate: () => (runs++, true) }] });
    const long = `xxx ${'a'.repeat(300)}`;
    s.scrubText(long);
    s.scrubText(long);
    expect(runs).toBe(2);
  });
});

describe('Scrubber.scrubValue', () => {
  it('replaces every value of a sensitive key and reports sensitive_key once', () => {
    const calls: [string, number][] = [];
    const s = new Scrubber({ onRedaction: (d, n) => calls.push([d, n]) });
    expect(s.scrubValue('db.password', 'hunter2')).toBe('[REDACTED]');
    expect(s.scrubValue('user.email', 'nothing-special')).toBe('[REDACTED]');
    expect(s.scrubValue('customer.ssn', 123456789)).toBe('[REDACTED]');
    expect(s.scrubValue('auth', true)).toBe('[REDACTED]');
    expect(s.scrubValue('http.request.header.cookie', ['a=1', 'b=2'])).toEqual(['[REDACTED]', '[REDACTED]']);
    expect(calls).toEqual([
      ['sensitive_key', 1],
      ['sensitive_key', 1],
      ['sensitive_key', 1],
      ['sensitive_key', 1],
      ['sensitive_key', 1],
    ]);
  });

  it('keeps null and undefined under a sensitive key, without reporting', () => {
    const calls: string[] = [];
    const s = new Scrubber({ onRedaction: (d) => calls.push(d) });
    expect(s.scrubValue('password', null)).toBeNull();
    expect(s.scrubValue('password', undefined)).toBeUndefined();
    const holes = [null, undefined];
    expect(s.scrubValue('password', holes)).toBe(holes);
    expect(s.scrubValue('password', [null, 'x'])).toEqual([null, '[REDACTED]']);
    expect(calls).toEqual(['sensitive_key']);
  });

  it('scrubs strings of ordinary keys by content', () => {
    const s = new Scrubber();
    expect(s.scrubValue('exception.message', 'mail alice@example.com failed')).toBe('mail [REDACTED:email] failed');
    expect(s.scrubValue('http.route', '/api/orders/:id')).toBe('/api/orders/:id');
  });

  it('scrubs arrays element-wise and returns the same array when nothing changed', () => {
    const s = new Scrubber();
    const clean = ['GET /api/orders/:id', 'v1.2.3', 42];
    expect(s.scrubValue('tags', clean)).toBe(clean);
    const dirty = ['ok value', 'to alice@example.com', 7];
    const out = s.scrubValue('tags', dirty);
    expect(out).not.toBe(dirty);
    expect(out).toEqual(['ok value', 'to [REDACTED:email]', 7]);
    expect(dirty).toEqual(['ok value', 'to alice@example.com', 7]);
  });

  it('leaves numbers, booleans and other values of ordinary keys unchanged', () => {
    const s = new Scrubber();
    expect(s.scrubValue('http.response.status_code', 200)).toBe(200);
    expect(s.scrubValue('feature.enabled', false)).toBe(false);
    expect(s.scrubValue('tokens_used', 1500)).toBe(1500);
    const obj = { a: 1 };
    expect(s.scrubValue('payload', obj)).toBe(obj);
    expect(s.scrubValue('nothing', undefined)).toBeUndefined();
  });

  it('uses the custom sensitive key pattern', () => {
    const s = new Scrubber({ sensitiveKeyPattern: /^tenant\.id$/ });
    expect(s.scrubValue('tenant.id', 'acme')).toBe('[REDACTED]');
    // The default key list no longer applies; content detectors still do.
    expect(s.scrubValue('password', 'plain')).toBe('plain');
    expect(s.scrubValue('password', 'password=hunter2')).toBe('password=[REDACTED:password_assignment]');
  });

  it('scrubs element strings through all detectors and calls onRedaction per element', () => {
    const calls: [string, number][] = [];
    const s = new Scrubber({ onRedaction: (d, n) => calls.push([d, n]) });
    s.scrubValue('list', ['a@example.com', 'b@example.com c@example.com']);
    expect(calls).toEqual([
      ['email', 1],
      ['email', 2],
    ]);
  });
});

describe('Scrubber: shared detectors', () => {
  it('two scrubbers over the same detector objects do not interfere', () => {
    const a = new Scrubber();
    const b = new Scrubber({ detectors: builtinDetectors });
    const spy = vi.fn();
    const c = new Scrubber({ onRedaction: spy });
    for (let i = 0; i < 3; i++) {
      expect(a.scrubText('x a@example.com')).toBe('x [REDACTED:email]');
      expect(b.scrubText('y b@example.com')).toBe('y [REDACTED:email]');
      expect(c.scrubText('z 4111 1111 1111 1111')).toBe('z [REDACTED:card_number]');
    }
    expect(spy).toHaveBeenCalledTimes(3);
  });
});

describe('bounded scanning', () => {
  it('cuts a huge value at a word boundary before scanning, and still redacts what it keeps', () => {
    const s = new Scrubber();
    const huge = `token for alice@example.com ${'lorem ipsum '.repeat(2_000_000)}`;
    const out = s.scrubText(huge);
    expect(out.length).toBeLessThanOrEqual(MAX_SCAN_LENGTH + 20);
    expect(out.endsWith(' [TRUNCATED]')).toBe(true);
    expect(out).not.toContain('alice@example.com');
    expect(out).toMatch(/ipsum \[TRUNCATED\]$/);
  });
});
