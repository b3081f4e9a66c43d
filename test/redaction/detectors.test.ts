import { describe, it, expect } from 'vitest';
import { builtinDetectors, type Detector } from '../../src/redaction/detectors.js';
import { Scrubber } from '../../src/redaction/scrubber.js';

interface Positive {
  readonly input: string;
  /** Substrings that must not survive. */
  readonly secrets: readonly string[];
  /** Substrings that must survive (context, kept key/scheme/host). */
  readonly keep?: readonly string[];
  /** Exact expected output of the full built-in pipeline, when worth pinning. */
  readonly expected?: string;
}

interface Case {
  readonly positives: readonly Positive[];
  /** Inputs the detector on its own must leave byte-identical. */
  readonly negatives: readonly string[];
}

const JWT_SAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

const cases: Record<string, Case> = {
  private_key: {
    positives: [
      {
        input: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4Ukq3Z8pLm2\nw9Xk3Jv7Qa==\n-----END RSA PRIVATE KEY-----',
        secrets: ['MIIEowIBAAKCAQEAx4Ukq3Z8pLm2', 'w9Xk3Jv7Qa=='],
        expected: '[REDACTED:private_key]',
      },
      {
        input: 'config loaded: -----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\\n-----END OPENSSH PRIVATE KEY----- done',
        secrets: ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmU'],
        keep: ['config loaded: ', ' done'],
      },
      {
        input: 'key=-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/Puo',
        secrets: ['MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/Puo'],
        keep: ['key='],
      },
      {
        input: '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGM3xZ0BCAC7\n-----END PGP PRIVATE KEY BLOCK-----\nnext line',
        secrets: ['lQOYBGM3xZ0BCAC7'],
        keep: ['\nnext line'],
      },
      {
        input: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----',
        secrets: ['MIIFHDBOBgkqhkiG9w0BBQ0w'],
      },
    ],
    negatives: [
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----',
      'private key rotation scheduled',
      'PRIVATE KEY file not found',
    ],
  },
  jwt: {
    positives: [
      { input: `Authorization: Bearer ${JWT_SAMPLE}`, secrets: [JWT_SAMPLE], keep: ['Authorization: Bearer '] },
      { input: `id_token=${JWT_SAMPLE}&state=abc`, secrets: [JWT_SAMPLE], keep: ['id_token=', '&state=abc'] },
      {
        input: 'unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiJhYmMifQ. accepted',
        secrets: ['eyJhbGciOiJub25lIn0.eyJzdWIiOiJhYmMifQ'],
        keep: ['unsigned ', ' accepted'],
      },
      { input: `{"jwt":"${JWT_SAMPLE}"}`, secrets: [JWT_SAMPLE], expected: '{"jwt":"[REDACTED:jwt]"}' },
    ],
    negatives: ['eyJhbGciOiJIUzI1NiJ9', 'the keyJar.value.x field', 'eyJ.x.y', 'token eyJ missing'],
  },
  url_credentials: {
    positives: [
      {
        input: 'postgres://admin:s3cr3tP%40ss@db.internal:5432/app',
        secrets: ['admin', 's3cr3tP%40ss'],
        keep: ['postgres://', '@db.internal:5432/app'],
        expected: 'postgres://[REDACTED:url_credentials]@db.internal:5432/app',
      },
      { input: 'connecting to redis://:hunter2@cache:6379/0', secrets: ['hunter2'], keep: ['redis://', '@cache:6379/0'] },
      { input: 'clone https://deploy:gx9Lm2@git.example.com/repo.git', secrets: ['deploy:gx9Lm2'], keep: ['https://', '@git.example.com/repo.git'] },
      { input: 'amqp://guest:guest@rabbitmq:5672/', secrets: ['guest'], keep: ['amqp://', '@rabbitmq:5672/'] },
    ],
    negatives: [
      'http://localhost:8080/path',
      'https://example.com:443/users/@me',
      'git@github.com:org/repo.git',
      'https://example.com/a?b=c:d@e',
    ],
  },
  auth_header: {
    positives: [
      { input: 'Authorization: Bearer abc123def456ghi789', secrets: ['abc123def456ghi789'], keep: ['Authorization: Bearer '] },
      { input: 'authorization=Basic dXNlcjpwYXNzd29yZA==', secrets: ['dXNlcjpwYXNzd29yZA=='], keep: ['authorization=Basic '] },
      {
        input: 'Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b',
        secrets: ['9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b'],
        keep: ['Authorization: Token '],
      },
      {
        input:
          'Authorization: Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", response="6629fae49393a05397450978507c4ef1"',
        secrets: ['Mufasa', 'dcd98b7102dd2f0e8b11d0f600bfb0c093', '6629fae49393a05397450978507c4ef1'],
        keep: ['Authorization: Digest '],
      },
      { input: 'curl -H "Authorization: bearer ya29.a0AfH6SMBx3Lq"', secrets: ['ya29.a0AfH6SMBx3Lq'], keep: ['bearer ', '"'] },
    ],
    negatives: ['Basic authentication failed', 'Bearer token missing', 'token expired', 'Token has been revoked', 'basic plan selected', 'Digest mismatch'],
  },
  cookie: {
    positives: [
      { input: 'Cookie: sessionid=38afes7a8; csrftoken=abc', secrets: ['38afes7a8', 'csrftoken=abc'], keep: ['Cookie: '] },
      {
        input: 'Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2021 07:28:00 GMT',
        secrets: ['a3fWa'],
        keep: ['Set-Cookie: '],
      },
      { input: 'redirect PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3 lost', secrets: ['el4ukv0kqbvoirg7nkp4dncpk3'], keep: ['redirect PHPSESSID=', ' lost'] },
      {
        input: 'JSESSIONID=1A530637289A03B07199A44E8D531427; Path=/',
        secrets: ['1A530637289A03B07199A44E8D531427'],
        expected: 'JSESSIONID=[REDACTED:cookie]; Path=/',
      },
      { input: 'connect.sid=s%3AxYzAbC.def; HttpOnly', secrets: ['s%3AxYzAbC.def'], keep: ['connect.sid=', '; HttpOnly'] },
      { input: '{"cookie":"sid=abc123"}', secrets: ['abc123'], expected: '{"cookie":"[REDACTED:cookie]"}' },
    ],
    negatives: ['cookie consent banner shown', 'sidebar=collapsed', 'consid=1', 'session expired', 'cookies disabled'],
  },
  api_key: {
    positives: [
      { input: 'using key AKIAIOSFODNN7EXAMPLE for s3', secrets: ['AKIAIOSFODNN7EXAMPLE'], keep: ['using key ', ' for s3'] },
      {
        input: 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        secrets: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
        expected: 'aws_secret_access_key=[REDACTED:api_key]',
      },
      { input: 'GITHUB_TOKEN ghp_1234567890abcdefghijklmnopqrstuvwxyzAB', secrets: ['ghp_1234567890abcdefghijklmnopqrstuvwxyzAB'] },
      {
        input: 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRS',
        secrets: ['11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRS'],
      },
      { input: 'glpat-Xk9aB3qW7zLm2NpR4tY6 rejected', secrets: ['Xk9aB3qW7zLm2NpR4tY6'], keep: [' rejected'] },
      { input: 'slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', secrets: ['1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'] },
      { input: 'stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', secrets: ['4eC39HqLyjWDarjtT1zdp7dc'] },
      { input: 'rk_live_51H8xYzAbCdEfGhIjKlMnOp', secrets: ['51H8xYzAbCdEfGhIjKlMnOp'] },
      { input: 'maps AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', secrets: ['SyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI'] },
      { input: 'OPENAI sk-proj-abc123DEF456ghi789JKL012mno345', secrets: ['abc123DEF456ghi789JKL012mno345'] },
      { input: 'openai sk-Ab3dEf6hIj9kLm2nOp5qRs8t', secrets: ['Ab3dEf6hIj9kLm2nOp5qRs8t'] },
      { input: 'anthropic sk-ant-api03-abcdEFGH1234ijklMNOP5678qrst-UVWX', secrets: ['abcdEFGH1234ijklMNOP5678qrst'] },
      { input: '//registry.npmjs.org/:_authToken npm_abcdefghijklmnopqrstuvwxyz0123456789', secrets: ['abcdefghijklmnopqrstuvwxyz0123456789'] },
      { input: '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', secrets: ['ngeVfQFYQlKU0ufo8x5d1A', 'TwL2iGABf9DHoTf'] },
      { input: 'twilio SK0123456789abcdef0123456789abcdef', secrets: ['0123456789abcdef0123456789abcdef'] },
      {
        input: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net',
        secrets: ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq'],
        keep: ['AccountName=x;AccountKey=', ';EndpointSuffix=core.windows.net'],
      },
    ],
    negatives: [
      'sk-learn-preprocessing-pipeline-module',
      'AKIA1234',
      'ghp_short',
      'risk_live_dashboard_enabled_for_all',
      'task-runner-queue-consumer-thread',
      'SKU 12345',
      'AIza',
    ],
  },
  password_assignment: {
    positives: [
      { input: 'password=hunter2', secrets: ['hunter2'], expected: 'password=[REDACTED:password_assignment]' },
      {
        input: 'DB_PASSWORD="correct horse battery"',
        secrets: ['correct horse battery'],
        expected: 'DB_PASSWORD="[REDACTED:password_assignment]"',
      },
      { input: '{"user":"x","password":"letmein"}', secrets: ['letmein'], expected: '{"user":"x","password":"[REDACTED:password_assignment]"}' },
      { input: "secret: 'abc'", secrets: ['abc'], expected: "secret: '[REDACTED:password_assignment]'" },
      { input: 'client_secret=xyz789 grant=cc', secrets: ['xyz789'], keep: ['client_secret=', ' grant=cc'] },
      { input: 'dbPassword=foo123', secrets: ['foo123'], keep: ['dbPassword='] },
      { input: 'api_key: sk9f8a7b6c5d', secrets: ['sk9f8a7b6c5d'], keep: ['api_key: '] },
      { input: 'apiKey=abcdef123456;', secrets: ['abcdef123456'], keep: ['apiKey=', ';'] },
      { input: 'auth=s3cr3t', secrets: ['s3cr3t'], keep: ['auth='] },
      { input: 'token: abc123', secrets: ['abc123'], keep: ['token: '] },
      { input: 'refresh_token = "1//0gLx9"', secrets: ['1//0gLx9'], keep: ['refresh_token = "'] },
      {
        input: '{\\"password\\":\\"hunter2\\"}',
        secrets: ['hunter2'],
        expected: '{\\"password\\":\\"[REDACTED:password_assignment]\\"}',
      },
      { input: 'MYSQL_ROOT_PASSWORD=Sup3r!', secrets: ['Sup3r!'], keep: ['MYSQL_ROOT_PASSWORD='] },
      { input: 'SECRET_KEY=django-insecure-abc', secrets: ['django-insecure-abc'], keep: ['SECRET_KEY='] },
    ],
    negatives: [
      'Invalid token: signature mismatch',
      'password: must be at least 8 characters',
      'password=',
      'password=""',
      'token=null',
      'auth=true',
      'pass: 3',
      'tokens=5',
      'password reset requested',
      'bypass=true',
      'passenger=12',
      'OAuth: enabled',
      'password=${DB_PASSWORD}',
      'password=********',
    ],
  },
  url_query_secret: {
    positives: [
      { input: 'https://api.example.com/cb?code=4/0AX4XfWh&state=xyz', secrets: ['4/0AX4XfWh'], keep: ['https://api.example.com/cb?code=', '&state=xyz'] },
      {
        input: 'https://s3.amazonaws.com/b/k?X-Amz-Signature=abcdef0123&X-Amz-Expires=300',
        secrets: ['abcdef0123'],
        keep: ['?X-Amz-Signature=', '&X-Amz-Expires=300'],
      },
      { input: '/login?key=abc123&page=2', secrets: ['abc123'], expected: '/login?key=[REDACTED:url_query_secret]&page=2' },
      { input: '/download?file=report.pdf&sig=9f8e7d6c', secrets: ['9f8e7d6c'], keep: ['/download?file=report.pdf&sig='] },
      { input: 'wss://rt.example.com/ws?session=Zm9vYmFy&v=2', secrets: ['Zm9vYmFy'], keep: ['?session=', '&v=2'] },
      { input: '/reset?password=hunter2', secrets: ['hunter2'], keep: ['/reset?password='] },
    ],
    negatives: ['/search?q=shoes&page=2', '/shop?monkey=1&keyboard=us', '/find?keyword=shoes', '/v?codec=h264', '/list?sort_key=date', '/a?token='],
  },
  email: {
    positives: [
      { input: 'contact alice.smith@example.com now', secrets: ['alice.smith', 'example.com'], expected: 'contact [REDACTED:email] now' },
      { input: 'user=bob+test@mail.example.co.uk', secrets: ['bob+test@mail.example.co.uk'], keep: ['user='] },
      { input: 'From: J Doe <j.doe@company.io>', secrets: ['j.doe@company.io'], keep: ['From: J Doe <', '>'] },
      { input: 'notify ops-team@corp.example.org.', secrets: ['ops-team@corp.example.org'], keep: ['notify ', '.'] },
    ],
    negatives: ['icon@2x.png', 'logo@3x.webp', '@opentelemetry/api@1.10.0', 'user@localhost', 'email address missing', 'foo@bar'],
  },
  iban: {
    positives: [
      { input: 'IBAN DE89 3704 0044 0532 0130 00', secrets: ['3704 0044 0532 0130'], expected: 'IBAN [REDACTED:iban]' },
      { input: 'paid from GB82WEST12345698765432.', secrets: ['GB82WEST12345698765432'], keep: ['paid from ', '.'] },
      { input: 'FR1420041010050500013M02606', secrets: ['FR1420041010050500013M02606'] },
      { input: 'iban=NL91ABNA0417164300', secrets: ['NL91ABNA0417164300'], keep: ['iban='] },
    ],
    negatives: ['DE89 3704 0044 0532 0130 01', 'AB12CDEF', 'ISO8601 formatted', 'GB82WEST12345698765433'],
  },
  card_number: {
    positives: [
      { input: 'card 4111 1111 1111 1111 declined', secrets: ['4111 1111 1111 1111'], expected: 'card [REDACTED:card_number] declined' },
      { input: '5500-0000-0000-0004', secrets: ['5500-0000-0000-0004'] },
      { input: 'amex=378282246310005', secrets: ['378282246310005'], keep: ['amex='] },
      { input: 'discover 6011111111111117', secrets: ['6011111111111117'] },
      { input: 'mc2 2223003122003222', secrets: ['2223003122003222'] },
    ],
    negatives: ['4111 1111 1111 1112', '1732291200000', '1234567890123', '2026-11-22', '4bf92f3577b34da6a3ce929d0e0e4736', 'id 9111111111111111'],
  },
  us_ssn: {
    positives: [
      { input: '123-45-6789', secrets: ['123-45-6789'], expected: '[REDACTED:us_ssn]' },
      { input: 'SSN: 078-05-1120 on file', secrets: ['078-05-1120'], keep: ['SSN: ', ' on file'] },
      { input: 'ssn=234-56-7890', secrets: ['234-56-7890'], keep: ['ssn='] },
      { input: 'SSN 078.05.1120 on file', secrets: ['078.05.1120'], keep: ['SSN ', ' on file'] },
      { input: 'Social Security Number: 219 09 9999', secrets: ['219 09 9999'], keep: ['Social Security Number: '] },
      { input: 'abc 355 90 2468 abc', secrets: ['355 90 2468'], keep: ['abc '] },
      { input: 'ssn=318465029 source=import.csv', secrets: ['318465029'], keep: ['ssn=', ' source=import.csv'] },
    ],
    negatives: ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', '2026-11-22', 'a123-45-6789', 'buckets 256 512 1024 2048', 'took 123 45 6789 12 ms', '123.45.6789.1', '123-45.6789'],
  },
  national_id: {
    positives: [
      { input: 'NINO AB123456C', secrets: ['AB123456C'], expected: 'NINO [REDACTED:national_id]' },
      { input: 'ni: JG 10 37 72 A ok', secrets: ['JG 10 37 72 A'], keep: ['ni: ', ' ok'] },
      { input: 'SIN 130 692 544', secrets: ['130 692 544'], keep: ['SIN '] },
      { input: 'sin=276-451-234', secrets: ['276-451-234'], keep: ['sin='] },
    ],
    negatives: ['GB123456A', 'QQ123456C', 'AB123456E', 'SIN 130 692 545', '130-692 544', 'SKU AB1234567C', 'order 046-454-286'],
  },
  phone_national: {
    positives: [
      { input: 'call 07700 900123', secrets: ['07700 900123'], expected: 'call [REDACTED:phone_national]' },
      { input: 'tel 090-1234-5678', secrets: ['090-1234-5678'], keep: ['tel '] },
      { input: 'mobile 138 0013 8000', secrets: ['138 0013 8000'], keep: ['mobile '] },
      { input: 'phone 052-123-4567.', secrets: ['052-123-4567'], keep: ['phone ', '.'] },
    ],
    negatives: ['order 13800138000 shipped', 'v07700.900123', '2026-11-22', 'port 0700 9001', 'build 090-12-34'],
  },
  cli_credential: {
    positives: [
      { input: 'redis: requirepass hunter2pass', secrets: ['hunter2pass'], expected: 'redis: requirepass [REDACTED:cli_credential]' },
      { input: 'curl -u alice:s3cretpw https://api.example.com', secrets: ['s3cretpw', 'alice:'], keep: ['curl -u ', ' https://api.example.com'] },
      { input: 'curl --user=bob:pa55word https://x', secrets: ['pa55word'], keep: ['curl --user='] },
      { input: 'mytool --api-key abcd1234efgh5678 run', secrets: ['abcd1234efgh5678'], keep: ['mytool --api-key ', ' run'] },
      { input: 'login(user, "S3cretPass!") failed', secrets: ['S3cretPass!'], expected: 'login(user, "[REDACTED:cli_credential]") failed' },
    ],
    negatives: ['docker build -t myimage:1.0 .', 'curl -u "$USER" https://x', 'login(user) ok', '--password <password>', 'tar -tzf x.tgz', '--token ${TOKEN}'],
  },
  phone: {
    positives: [
      { input: 'call +1 (415) 555-2671', secrets: ['415', '555-2671'], expected: 'call [REDACTED:phone]' },
      { input: '+44 20 7946 0958', secrets: ['7946 0958'] },
      { input: 'tel:+4915112345678', secrets: ['4915112345678'], keep: ['tel:'] },
      { input: 'office (555) 123-4567 ext', secrets: ['123-4567'], keep: ['office ', ' ext'] },
      { input: 'mobile 555-123-4567.', secrets: ['555-123-4567'], keep: ['mobile ', '.'] },
      { input: '555.123.4567', secrets: ['555.123.4567'] },
      { input: 'call 1-800-555-0199 now', secrets: ['800-555-0199'], keep: ['call ', ' now'] },
    ],
    negatives: [
      '2026-11-22',
      '12:30:45',
      '1.2.3',
      '5551234567',
      'took +100ms',
      'v1.2.3.4',
      'UTC+05:30',
      '2026-11-22T12:30:45+01:00',
      '192.168.1.1',
      '555-123.4567',
      'release 2026.11.22',
    ],
  },
  ipv6: {
    positives: [
      { input: 'ip 2001:db8::ff00:42:8329', secrets: ['2001:db8::ff00:42:8329'], expected: 'ip [REDACTED:ipv6]' },
      { input: 'fe80::1%eth0 up', secrets: ['fe80::1'], keep: [' up'] },
      { input: 'mapped ::ffff:192.0.2.128', secrets: ['192.0.2.128', 'ffff'] },
      { input: '2001:0db8:85a3:0000:0000:8a2e:0370:7334', secrets: ['8a2e:0370:7334'] },
    ],
    // Loopback is this machine, not a person: kept, so connection errors stay readable.
    negatives: ['listening on [::1]:8080', '12:30:45', 'Foo::bar', 'std::vector<int>', 'a[::2]', 'Dead::Beef', '00:1A:2B:3C:4D:5E', 'node:internal/modules/cjs/loader:1228', 'bind [::]:80'],
  },
  ipv4: {
    positives: [
      { input: 'ECONNREFUSED 10.1.2.3:4318', secrets: ['10.1.2.3'], expected: 'ECONNREFUSED [REDACTED:ipv4]:4318' },
      { input: 'client 192.168.1.100 connected', secrets: ['192.168.1.100'], keep: ['client ', ' connected'] },
      { input: 'http://10.0.0.1/health', secrets: ['10.0.0.1'], keep: ['http://', '/health'] },
      { input: 'x-forwarded-for: 203.0.113.7, 198.51.100.23', secrets: ['203.0.113.7', '198.51.100.23'] },
    ],
    negatives: ['1.2.3.4.5', 'v1.2.3.4', '256.1.1.1', '1.2.3', 'Chrome/120.0.0.0', '01.02.03.04', 'build 2026.11.22.1', 'ECONNREFUSED 127.0.0.1:5432', 'bind 0.0.0.0:80', 'System.Runtime, Version=8.0.0.0, Culture=neutral', 'OID 2.5.4.3'],
  },
  home_path: {
    positives: [
      { input: '/home/alice/app.js', secrets: ['alice'], expected: '/home/<user>/app.js' },
      { input: 'log at /Users/bob/Library/Logs/x.log', secrets: ['bob'], expected: 'log at /Users/<user>/Library/Logs/x.log' },
      { input: 'C:\\Users\\John Smith\\AppData\\Local\\x', secrets: ['John', 'Smith'], expected: 'C:\\Users\\<user>\\AppData\\Local\\x' },
      { input: '"C:\\\\Users\\\\carol\\\\project"', secrets: ['carol'], expected: '"C:\\\\Users\\\\<user>\\\\project"' },
      { input: 'C:/Users/dave/project/index.js', secrets: ['dave'], expected: 'C:/Users/<user>/project/index.js' },
      { input: 'wsl /mnt/c/Users/erin/Documents/a.txt', secrets: ['erin'], expected: 'wsl /mnt/c/Users/<user>/Documents/a.txt' },
      { input: 'silverblue /var/home/frank/.config/app', secrets: ['frank'], expected: 'silverblue /var/home/<user>/.config/app' },
      {
        input: 'at Object.<anonymous> (/home/deploy/srv/index.js:10:5)',
        secrets: ['deploy'],
        expected: 'at Object.<anonymous> (/home/<user>/srv/index.js:10:5)',
      },
    ],
    negatives: ['/usr/local/bin/node', 'https://example.com/home/feed', '/api/users/123', '/homework/x', 'C:\\Program Files\\nodejs'],
  },
  high_entropy: {
    positives: [
      { input: 'blob Xk9aB3qW7zLm2NpR4tY6vU8sD1fG', secrets: ['Xk9aB3qW7zLm2NpR4tY6vU8sD1fG'], expected: 'blob [REDACTED:high_entropy]' },
      { input: 'vault lease s.CAESIJq3kL9mN2pQ4rS6tU8vW0xY1zA3bC5dE7fG ok', secrets: ['CAESIJq3kL9mN2pQ4rS6tU8vW0xY1zA3bC5dE7fG'], keep: ['vault lease s.', ' ok'] },
      { input: 'payload Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==', secrets: ['Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA'], keep: ['payload '] },
      { input: '[k3J9mX2pQ7vL5nR8wT4yZ6bC1dF0gH]', secrets: ['k3J9mX2pQ7vL5nR8wT4yZ6bC1dF0gH'], keep: ['[', ']'] },
      { input: 'session_id=k3J9mX2pQ7vL5nR8wT4yZ6bC1dF0gH', secrets: ['k3J9mX2pQ7vL5nR8wT4yZ6bC1dF0gH'], keep: ['session_id='] },
    ],
    negatives: [
      '4bf92f3577b34da6a3ce929d0e0e4736',
      '550e8400-e29b-41d4-a716-446655440000',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'checkout_flow_step_3_completed_successfully',
      '/api/v1/users/12345/orders/67890',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1',
      'handleUserAuthenticationCallbackV2',
      'user-service-7d9f8b6c5-x2k4p',
      'trace_id=4bf92f3577b34da6a3ce929d0e0e4736',
      'Xk9aB3qW7zLm2NpR4tY6',
      '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      'gen_ai.tool.call.id=call_VSPygqKTWdrhaFErNvMV18Yl',
      'aws.extended_request_id=wEzCCKsGy3YAmJZv9nqaFmo9Gv8ASlgGWr7+g6oE5xKrJ45JezAlD8D4EAojEbfp9yiiqtLEqdE=',
      'go build id "N6aMfXfAS_3_ZHxAa7rU/6vA0L1jO8TjVm0mbgTwR/Ckt7MNWv3NY0E9T5dYvl/lE2ZhBQ8nJbJJmZvEw0y"',
    ],
  },
};

const byName = new Map(builtinDetectors.map((d) => [d.name, d]));
const full = new Scrubber();
const markerOf = (name: string): string => (name === 'home_path' ? '<user>' : `[REDACTED:${name}]`);

describe('builtinDetectors', () => {
  it('run in the documented order', () => {
    expect(builtinDetectors.map((d) => d.name)).toEqual([
      'private_key',
      'jwt',
      'url_credentials',
      'auth_header',
      'cookie',
      'api_key',
      'password_assignment',
      'cli_credential',
      'url_query_secret',
      'email',
      'iban',
      'card_number',
      'us_ssn',
      'national_id',
      'phone_national',
      'phone',
      'ipv6',
      'ipv4',
      'home_path',
      'high_entropy',
    ]);
  });

  it('have unique names and global patterns', () => {
    expect(new Set(builtinDetectors.map((d) => d.name)).size).toBe(builtinDetectors.length);
    for (const d of builtinDetectors) expect(d.pattern.global, d.name).toBe(true);
  });

  it('has a table for every detector', () => {
    expect(Object.keys(cases).sort()).toEqual(builtinDetectors.map((d) => d.name).sort());
  });
});

for (const [name, { positives, negatives }] of Object.entries(cases)) {
  describe(`detector ${name}`, () => {
    const detector = byName.get(name) as Detector;
    const alone = new Scrubber({ detectors: [detector] });

    it.each(positives.map((p) => [p.input, p] as const))('redacts %j', (_input, p) => {
      for (const out of [alone.scrubText(p.input), full.scrubText(p.input)]) {
        expect(out).not.toBe(p.input);
        for (const secret of p.secrets) expect(out).not.toContain(secret);
        for (const kept of p.keep ?? []) expect(out).toContain(kept);
      }
      const out = full.scrubText(p.input);
      expect(out).toContain(markerOf(name));
      if (p.expected !== undefined) expect(out).toBe(p.expected);
    });

    it.each(negatives.map((n) => [n]))('leaves %j alone', (input) => {
      expect(alone.scrubText(input)).toBe(input);
    });
  });
}

describe('detector patterns', () => {
  it('are reusable: lastIndex left by a caller does not affect the scrubber', () => {
    const email = byName.get('email') as Detector;
    email.pattern.lastIndex = 25;
    const s = new Scrubber({ detectors: [email] });
    expect(s.scrubText('a@example.com')).toBe('[REDACTED:email]');
    email.pattern.lastIndex = 0;
  });
});
