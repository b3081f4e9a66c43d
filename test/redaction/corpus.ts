/**
 * Held-out-style corpora for the redactor: telemetry lines with a secret or personal datum in them
 * (each names the part that must not survive), and ordinary telemetry lines that must come out
 * byte-identical. Built from templates and format-valid synthetic values, never live credentials.
 *
 * Where the shapes come from (read with the search tools, not copied):
 * - gitleaks, config/gitleaks.toml and cmd/generate/config/rules/*.go (gitleaks/gitleaks): token
 *   prefixes and lengths (GitHub, GitLab, Slack, Stripe, npm, SendGrid, DigitalOcean, AWS);
 * - detect-secrets, detect_secrets/plugins/keyword.py (Yelp/detect-secrets): password assignments
 *   in code, config and command lines;
 * - presidio, presidio-analyzer/presidio_analyzer/predefined_recognizers/*.py (microsoft/presidio):
 *   UK NINO, US SSN, IBAN, credit card, phone and email shapes and their checksums;
 * - OpenTelemetry semantic conventions, the YAML under model/ (open-telemetry/semantic-conventions):
 *   attribute examples (http.route, db.query.text, gen_ai.*, aws.*, error.type) for benign lines;
 * - Node.js error messages, lib/internal/errors.js (nodejs/node): ECONNREFUSED, ENOENT, TypeError.
 */

export interface SecretLine {
  readonly text: string;
  /** Substrings that must not survive redaction. */
  readonly secrets: readonly string[];
}

/** Luhn check digit appended to `digits`. */
function withLuhn(digits: string): string {
  for (let d = 0; d < 10; d++) {
    const s = digits + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let x = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

/** An IBAN with valid mod-97 check digits for `country` and `bban`. */
function iban(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of rearranged) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => '0123456789abcdef'[(seed * 7 + i * 13) % 16]).join('');
const alnum = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 'A1b2C3d4E5f6G7h8J9k0LmNpQrStUvWxYz'[(seed * 11 + i * 5) % 34]).join('');

const people = ['alice.martin', 'bob_nguyen', 'carla.rossi', 'dmitri.ivanov', 'erin.oconnor'];
const hosts = ['example.com', 'example.org', 'mail.example.net', 'corp.example.co.uk', 'xn--bcher-kva.example'];

export function secretLines(): SecretLine[] {
  const out: SecretLine[] = [];
  const add = (text: string, ...secrets: string[]) => out.push({ text, secrets });
  for (let i = 0; i < 5; i++) {
    const email = `${people[i]}@${hosts[i]}`;
    add(`login failed for ${email}`, email);
    add(`GET /unsubscribe?email=${people[i]}%40${hosts[i]} 302`, `${people[i]}%40${hosts[i]}`);
    add(`notification queued to="${email}" template=welcome`, email);
    const card = withLuhn(`4${String(10000000000000 + i * 7919).slice(0, 14)}`);
    add(`payment declined card=${card} reason=insufficient_funds`, card);
    add(`charge ${card.replace(/(\d{4})(?=\d)/g, '$1 ')} failed`, card.slice(-4).padStart(4, '0'));
    const ib = iban(['DE', 'FR', 'GB', 'NL', 'ES'][i] as string, ['370400440532013000', '20041010050500013M02606', 'WEST12345698765432', 'ABNA0417164300', '21000418450200051332'][i] as string);
    add(`payout to ${ib} scheduled`, ib);
    const ssn = `${['219', '078', '123', '234', '345'][i]}-${['09', '05', '45', '56', '67'][i]}-${['9999', '1120', '6789', '7890', '8901'][i]}`;
    add(`kyc check ssn=${ssn} ok`, ssn);
    add(`SSN ${ssn.replace(/-/g, '.')} on file`, ssn.replace(/-/g, '.'));
    const sin = withLuhn(`${i + 1}${String(30692540 + i * 1117).slice(0, 7)}`);
    add(`SIN ${sin.slice(0, 3)} ${sin.slice(3, 6)} ${sin.slice(6)} verified`, `${sin.slice(0, 3)} ${sin.slice(3, 6)} ${sin.slice(6)}`);
    const nino = `${['AB', 'JG', 'CE', 'HP', 'WR'][i]}${String(103772 + i * 1111).padStart(6, '0')}${'ABCDA'[i]}`;
    add(`NINO ${nino} matched`, nino);
    add(`call back +44 7700 900${String(100 + i)}`, `7700 900${String(100 + i)}`);
    add(`sms to 07700 900${String(200 + i)} sent`, `07700 900${String(200 + i)}`);
    add(`tel 090-1234-56${String(70 + i)}`, `090-1234-56${String(70 + i)}`);
    add(`contact (415) 555-01${String(10 + i)} ext 4`, `555-01${String(10 + i)}`);
    add(`client 203.0.113.${10 + i} blocked`, `203.0.113.${10 + i}`);
    add(`peer 2001:db8:85a3::8a2e:370:${7330 + i}`, `2001:db8:85a3::8a2e:370:${7330 + i}`);
    add(`ENOENT: no such file '/home/${people[i]}/.config/app.json'`, people[i] as string);
    add(`loaded C:\\Users\\${people[i]}\\AppData\\Local\\app\\x.dll`, people[i] as string);
    add(`wsl /mnt/c/Users/${people[i]}/Documents/notes.txt`, people[i] as string);
    add(`Authorization: Bearer ${alnum(32, i)}`, alnum(32, i));
    add(`jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI${alnum(10, i)}In0.${alnum(43, i + 1)}`, alnum(43, i + 1));
    add(`aws key AKIA${alnum(16, i).toUpperCase().replace(/[^A-Z0-9]/g, 'Q')}`, `AKIA${alnum(16, i).toUpperCase().replace(/[^A-Z0-9]/g, 'Q')}`);
    add(`gh token ghp_${alnum(36, i)}`, `ghp_${alnum(36, i)}`);
    add(`slack xoxb-${String(1000000000 + i)}-${alnum(24, i)}`, alnum(24, i));
    add(`stripe sk_live_${alnum(24, i)}`, `sk_live_${alnum(24, i)}`);
    add(`npm token npm_${alnum(36, i)}`, `npm_${alnum(36, i)}`);
    add(`doctl auth init -t dop_v1_${hex(64, i)}`, hex(64, i));
    add(`postgres://app:${alnum(12, i)}@db.internal:5432/main`, alnum(12, i));
    add(`PGPASSWORD=${alnum(14, i)} psql -h db`, alnum(14, i));
    add(`redis: requirepass ${alnum(16, i)}`, alnum(16, i));
    add(`curl -u ${people[i]}:${alnum(10, i)} https://api.example.com`, alnum(10, i));
    add(`db.password="${alnum(12, i)}"`, alnum(12, i));
    add(`login(user, "${alnum(12, i)}") rejected`, alnum(12, i));
    add(`callback?code=ok&access_token=${alnum(20, i)}`, alnum(20, i));
    add(`Cookie: session_id=${alnum(24, i)}`, alnum(24, i));
    add(`resumed session_id=${alnum(28, i + 2)} for user`, alnum(28, i + 2));
    add(`AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3/aws4_request, Signature=${hex(64, i + 3)}`, hex(64, i + 3));
  }
  return out;
}

export function benignLines(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 5; i++) {
    out.push(
      `GET /api/v1/orders/:id 200 ${12 + i}ms`,
      `feature export_csv completed in ${125 + i}.5ms`,
      `v1.${i}.3 released 2026-11-2${i}T10:00:00Z`,
      `TypeError: Cannot read properties of undefined (reading 'id${i}')`,
      `trace_id=4bf92f3577b34da6a3ce929d0e0e473${i} span_id=00f067aa0ba902b${i}`,
      `ECONNREFUSED 127.0.0.1:54${30 + i}`,
      `connect ECONNREFUSED ::1:${6370 + i}`,
      `git@github.com:acme/service-${i}.git fetched`,
      `System.Runtime, Version=8.0.${i}.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a`,
      `arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-${i}-a1b2c3`,
      `OID 2.5.4.${3 + i} commonName`,
      `request 01ARZ3NDEKTSV4RRFFQ69G5FA${'VWXYZ'[i]} accepted`,
      `db.query.text SELECT * FROM orders WHERE id = $${i + 1}`,
      `http.route /users/{id}/orders/{order_id} status=20${i}`,
      `gen_ai.request.model=gpt-4o gen_ai.usage.input_tokens=${150 + i}`,
      `docker build -t registry.example.com/app:${i}.2.1 .`,
      `worker ${i} processed batch ${1040 + i} in ${230 + i}ms`,
      `cache miss for key feature_flags:v${i}`,
      `retrying connection attempt ${i + 1} of 5 in 200ms`,
      `config reloaded from /etc/app/config-${i}.yaml`,
      `user-service-7d9f8b6c5-x2k4${i} ready`,
      `checkout_flow_step_${i}_completed_successfully`,
      `sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85${i}`,
      `uuid 550e8400-e29b-41d4-a716-44665544000${i}`,
      `bind 0.0.0.0:80${i}0 ok`,
      `took ${i + 1}2 ms p99=${i + 4}5ms`,
      `icon@${i + 2}x.png loaded`,
      `Chrome/12${i}.0.0.0 Safari/537.36`,
      `password reset email sent (template v${i})`,
      `token refresh scheduled in ${i + 5}m`,
      `gen_ai.tool.call.id=call_${'VSPygqKTWdrhaFErNvMV18Y'}${'abcde'[i]}`,
      `gen_ai.conversation.id=conv_5j66UpCpwteGg4YSxUnt7lP${'ABCDE'[i]}`,
      `aws.extended_request_id=wEzCCKsGy3YAmJZv9nqaFmo9Gv8ASlgGWr7+g6oE5xKrJ45JezAlD8D4EAojEbfp9yiiqtLEqd${i}=`,
      `go build id "N6aMfXfAS_3_ZHxAa7rU/6vA0L1jO8TjVm0mbgTwR/Ckt7MNWv3NY0E9T5dYvl/lE2ZhBQ8nJbJJmZvEw0${i}"`,
      `/var/lib/docker/overlay2/${'3f2e8d9c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0'}${i}/merged`,
      `loaded firmware iwlwifi-so-a0-gf-a0-8${i}.ucode`,
    );
  }
  return out;
}
