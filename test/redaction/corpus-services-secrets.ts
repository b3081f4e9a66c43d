// Secret and personal-data corpus 4: cloud, payment, identity and database credentials, config files, personal data of 20 countries.
// Written WITHOUT reading the redactor source or its test corpora. All values are SYNTHETIC
// (seeded PRNG) but format-valid: Luhn for cards and Canadian SINs, ISO 13616 mod-97 for IBANs,
// valid UK NINO prefixes/suffixes, SSA-valid US SSN ranges, right prefix/length/charset for tokens.
//
// Public sources consulted for realistic shapes (not copied):
//  - Sentry server-side scrubbing defaults (password, secret, passwd, api_key, access_token, auth,
//    credentials, mysql_pwd, stripetoken, card[number], github_token, private_key, bearer):
//    https://docs.sentry.io/security-legal-pii/scrubbing/server-side-scrubbing/
//  - Datadog Sensitive Data Scanner library rules (emails, cards, API keys, AWS key IDs, IPs):
//    https://docs.datadoghq.com/security/sensitive_data_scanner/scanning_rules/library_rules/
//  - OWASP Logging Cheat Sheet "data to exclude" (session ids, access tokens, passwords, card data,
//    connection strings, encryption keys, PII); summaries at
//    https://corecode.pro/application-security/sensitive-logging-pitfalls
//  - Azure Storage connection strings (DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...):
//    https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/storage/common/storage-configure-connection-string.md
//  - Stripe key prefixes sk_live_/rk_live_/whsec_: https://docs.stripe.com/api/authentication ,
//    https://gitlab.com/gitlab-org/gitlab/-/issues/458019 (rk_live_ length up to 128)
//  - Kafka SASL JAAS (PlainLoginModule / ScramLoginModule username= password=):
//    https://kafka.apache.org/42/security/authentication-using-sasl
//  - Logged AMQP / Redis URLs with credentials (real-world leaks):
//    https://github.com/redpanda-data/connect/issues/111 (amqps://user:pass@host in INFO JSON log)
//    https://github.com/nameko/nameko/pull/582 , https://github.com/wagslane/go-rabbitmq/pull/195 ,
//    https://github.com/redis/lettuce/issues/1405 , https://github.com/brocaar/chirpstack-network-server/pull/379 ,
//    https://github.com/marcoCasamento/Hangfire.Redis.StackExchange/pull/85 (ConnectionString Password at INFO),
//    https://github.com/rabbitmq/rabbitmq-server/pull/17395 (upstream password in debug record)
//  - Other formats from vendors' public docs (AWS AKIA/ASIA keys, GCP AIza keys & service-account JSON,
//    Alibaba LTAI AccessKeyId, IBM Cloud API keys, OCI auth tokens, Okta SSWS, Auth0, Keycloak,
//    Firebase/FCM server keys, APNs device tokens, Square EAAA/sq0csp-, PayPal A21AA, Adyen AQE keys,
//    npm/pypi/docker/git-credentials/netrc files, kubeconfig, Terraform state).

// ---------- seeded PRNG + generators ----------
let seed = 0x5eed2024 >>> 0;
function rnd(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LO = 'abcdefghijklmnopqrstuvwxyz';
const DG = '0123456789';
const AN = UP + LO + DG;
const HEX = '0123456789abcdef';
const B64 = AN + '+/';
const B64URL = AN + '-_';
const rs = (cs: string, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += cs[Math.floor(rnd() * cs.length)];
  return s;
};
// mixed string guaranteed to contain upper, lower, digit (avoids all-letter "words")
const mixed = (n: number, cs = AN) => {
  for (;;) {
    const s = rs(cs, n);
    if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s)) return s;
  }
};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64Bytes = (n: number) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = ri(0, 255);
  return b.toString('base64');
};
const WORDS = ['Harbor', 'Quartz', 'Maple', 'Falcon', 'Cobalt', 'Juniper', 'Saffron', 'Tundra', 'Lantern', 'Orchid', 'Pepper', 'Walrus'];
const SYM = '!#$*+-_.~';
function pw(): string {
  return pick(WORDS) + rs(LO, 2) + ri(10, 9999) + pick(SYM.split('')) + mixed(4);
}

function luhnComplete(partial: string): string {
  // append a check digit so that partial+check passes Luhn
  let sum = 0;
  const digits = partial.split('').reverse();
  for (let i = 0; i < digits.length; i++) {
    let d = +digits[i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return partial + ((10 - (sum % 10)) % 10);
}
function luhnOk(n: string): boolean {
  let sum = 0;
  const d = n.replace(/\D/g, '').split('').reverse();
  for (let i = 0; i < d.length; i++) {
    let x = +d[i]!;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}
function card(prefix: string, len: number): string {
  return luhnComplete(prefix + rs(DG, len - prefix.length - 1));
}
const grp = (s: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let i = 0;
  for (const z of sizes) {
    out.push(s.slice(i, i + z));
    i += z;
  }
  return out.join(sep);
};
function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) r = (r * 10 + +c) % 97;
  }
  return r;
}
function iban(cc: string, bban: string): string {
  const chk = 98 - mod97(bban + cc + '00');
  const s = cc + String(chk).padStart(2, '0') + bban;
  if (mod97(s.slice(4) + s.slice(0, 4)) !== 1) throw new Error('iban');
  return s;
}
const ibanPrint = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();
function ssn(): string {
  let a: number;
  do a = ri(1, 899);
  while (a === 666);
  return `${String(a).padStart(3, '0')}-${String(ri(1, 99)).padStart(2, '0')}-${String(ri(1, 9999)).padStart(4, '0')}`;
}
function nino(): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  const bad = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
  let p: string;
  do p = pick(first.split('')) + pick(second.split(''));
  while (bad.has(p));
  return `${p}${rs(DG, 6)}${pick(['A', 'B', 'C', 'D'])}`;
}
function sin(): string {
  return luhnComplete(pick(['1', '2', '3', '4', '5', '6', '7', '9']) + rs(DG, 7));
}
const ipv4 = () => `${pick([23, 45, 62, 81, 103, 146, 177, 188, 201, 213])}.${ri(1, 254)}.${ri(1, 254)}.${ri(1, 254)}`;
const ipv6 = () => `2a02:${rs(HEX, 4)}:${rs(HEX, 3)}:${rs(HEX, 4)}:${rs(HEX, 4)}:${rs(HEX, 4)}:${rs(HEX, 4)}:${rs(HEX, 4)}`;
const jwt = () => {
  const h = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: rs(HEX, 16) })).toString('base64url');
  const p = Buffer.from(JSON.stringify({ sub: rs(DG, 12), iss: 'https://login.acme-idp.net/', exp: ri(1.7e9, 1.9e9), scope: 'openid profile' })).toString('base64url');
  return `${h}.${p}.${rs(B64URL, 86)}`;
};
const uuid = () => `${rs(HEX, 8)}-${rs(HEX, 4)}-4${rs(HEX, 3)}-${pick(['8', '9', 'a', 'b'])}${rs(HEX, 3)}-${rs(HEX, 12)}`;
const ts = () => `2025-0${ri(1, 9)}-${String(ri(10, 28))}T${String(ri(10, 23))}:${String(ri(10, 59))}:${String(ri(10, 59))}.${ri(100, 999)}Z`;

// ---------- corpus ----------
type Entry = { text: string; secrets: string[] };
const L: Entry[] = [];
const add = (text: string, ...secrets: string[]) => L.push({ text, secrets });

// ===== Cloud credentials =====
{
  const akid = 'AKIA' + rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  const sk = rs(B64, 40);
  add(`{"level":"error","msg":"S3 PutObject failed","aws_access_key_id":"${akid}","aws_secret_access_key":"${sk}","bucket":"telemetry-exports"}`, akid, sk);
  const asia = 'ASIA' + rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  const sk2 = rs(B64, 40);
  const st = 'IQoJb3JpZ2luX2VjE' + rs(B64, 300);
  add(`export AWS_ACCESS_KEY_ID=${asia} AWS_SECRET_ACCESS_KEY=${sk2} AWS_SESSION_TOKEN=${st}`, asia, sk2, st);
  const akid3 = 'AKIA' + rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  const sk3 = rs(B64, 40);
  add(`[default]\naws_access_key_id = ${akid3}\naws_secret_access_key = ${sk3}\nregion = eu-west-1`, akid3, sk3);
  const sk4 = rs(B64, 40);
  add(`botocore.credentials DEBUG Found credentials in environment variables. secret=${sk4}`, sk4);
  const akid5 = 'AKIA' + rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  add(`Error: The AWS Access Key Id you provided does not exist in our records. (Service: S3, Status Code: 403, AccessKeyId: ${akid5})`, akid5);
  const sigv4 = rs(HEX, 64);
  const akid6 = 'AKIA' + rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  add(`GET /bucket/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${akid6}%2F20250314%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250314T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${sigv4} HTTP/1.1`, akid6, sigv4);
  // GCP
  const aiza = 'AIza' + rs(B64URL, 35);
  add(`W/GooglePlayServices: Maps API request https://maps.googleapis.com/maps/api/geocode/json?address=Kreuzberg&key=${aiza} -> 403`, aiza);
  const pkid = rs(HEX, 40);
  const pkbody = b64Bytes(600);
  add(`{"type":"service_account","project_id":"acme-prod-4411","private_key_id":"${pkid}","private_key":"-----BEGIN PRIVATE KEY-----\\n${pkbody.slice(0, 64)}\\n${pkbody.slice(64, 128)}\\n-----END PRIVATE KEY-----\\n","client_email":"exporter@acme-prod-4411.iam.gserviceaccount.com"}`, pkbody.slice(0, 64), pkbody.slice(64, 128)); // private_key_id names the key; it is not key material
  const gocspx = 'GOCSPX-' + rs(B64URL, 28);
  add(`oauth2 client config loaded: client_id=${rs(DG, 12)}-${rs(LO + DG, 32)}.apps.googleusercontent.com client_secret=${gocspx}`, gocspx);
  const ya29 = 'ya29.a0' + rs(B64URL, 150);
  add(`> GET /drive/v3/files HTTP/2\n> Host: www.googleapis.com\n> Authorization: Bearer ${ya29}\n> User-Agent: google-api-nodejs-client/9.2.0`, ya29);
  const grt = '1//0' + rs(B64URL, 99);
  add(`token refresh ok refresh_token=${grt} expires_in=3599`, grt);
  // Azure
  const azKey = b64Bytes(64);
  add(`Azure.Storage.Blobs: using connection DefaultEndpointsProtocol=https;AccountName=acmetelemetry;AccountKey=${azKey};EndpointSuffix=core.windows.net`, azKey);
  const sbKey = b64Bytes(32);
  add(`ServiceBusConnectionString="Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}"`, sbKey);
  const sasSig = encodeURIComponent(b64Bytes(32));
  add(`BlobClient request failed: https://acmetelemetry.blob.core.windows.net/exports/day.parquet?sv=2022-11-02&ss=b&srt=o&sp=rl&se=2025-06-01T00:00:00Z&st=2025-05-01T00:00:00Z&spr=https&sig=${sasSig}`, sasSig);
  const azcs = rs(AN, 3) + '8Q~' + rs(AN + '~_.-', 34);
  add(`AZURE_CLIENT_ID=${uuid()} AZURE_TENANT_ID=${uuid()} AZURE_CLIENT_SECRET=${azcs}`, azcs);
  const cosmos = b64Bytes(64);
  add(`CosmosClient init AccountEndpoint=https://acme-cosmos.documents.azure.com:443/;AccountKey=${cosmos};`, cosmos);
  const appInsIkey = uuid();
  const eventHubKey = b64Bytes(32);
  add(`eventhub producer: Endpoint=sb://ingest-ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${eventHubKey};EntityPath=logs (ikey ${appInsIkey})`, eventHubKey);
  // Oracle OCI
  const ociTok = rs(AN + '()<>;:.+-_{}[]', 20).replace(/[<>]/g, 'x');
  add(`oci-cli config: user=ocid1.user.oc1..aaaaaaaa${rs(LO + DG, 52)} auth_token="${ociTok}" region=eu-frankfurt-1`, ociTok);
  const ociPass = pw();
  add(`[DEFAULT]\nuser=ocid1.user.oc1..aaaaaaaa${rs(LO + DG, 52)}\nfingerprint=${rs(HEX, 2)}:${rs(HEX, 2)}:${rs(HEX, 2)}:${rs(HEX, 2)}\nkey_file=~/.oci/oci_api_key.pem\npass_phrase=${ociPass}`, ociPass);
  // IBM
  const ibmKey = rs(B64URL, 44);
  add(`ibmcloud login --apikey ${ibmKey} -r us-south -g default`, ibmKey);
  const ibmCos = rs(HEX, 48);
  add(`{"cos_hmac_keys":{"access_key_id":"${rs(HEX, 32)}","secret_access_key":"${ibmCos}"},"iam_apikey_name":"cos-writer"}`, ibmCos);
  // Alibaba
  const ltai = 'LTAI' + rs(AN, 20);
  const aliSecret = rs(AN, 30);
  add(`aliyun.oss client error AccessKeyId=${ltai} AccessKeySecret=${aliSecret} endpoint=oss-cn-hangzhou.aliyuncs.com`, ltai, aliSecret);
  // DigitalOcean / others
  const dop = 'dop_v1_' + rs(HEX, 64);
  add(`doctl auth init --access-token ${dop}`, dop);
}

// ===== Payments =====
{
  const skl = 'sk_live_51' + mixed(97);
  add(`Stripe::AuthenticationError: Invalid API Key provided: ${skl}`, skl);
  const rkl = 'rk_live_51' + mixed(97);
  add(`stripe.api_key = "${rkl}"  # restricted key for reporting job`, rkl);
  const whsec = 'whsec_' + mixed(32);
  add(`time=${ts()} level=warn msg="webhook signature mismatch" endpoint_secret=${whsec} event=evt_${mixed(24)}`, whsec);
  const adyen = 'AQE' + rs(B64, 12) + '+' + rs(AN, 40) + '=' + '-' + rs(B64, 44) + '=-' + rs(AN, 16);
  add(`POST https://checkout-live.adyen.com/v71/payments X-API-Key: ${adyen}`, adyen);
  const ppSecret = 'E' + rs(B64URL, 79);
  add(`paypal.configure({ mode: 'live', client_id: 'A${rs(B64URL, 79)}', client_secret: '${ppSecret}' })`, ppSecret);
  const ppTok = 'A21AA' + rs(B64URL, 92);
  add(`PayPal-Request-Id: ${uuid()}\nAuthorization: Bearer ${ppTok}`, ppTok);
  const sqTok = 'EAAA' + rs(B64URL, 60);
  add(`square.Client(access_token='${sqTok}', environment='production')`, sqTok);
  const sqcsp = 'sq0csp-' + rs(B64URL, 43);
  add(`SQUARE_APPLICATION_SECRET=${sqcsp}`, sqcsp);
  const braintree = rs(HEX, 32);
  add(`Braintree::Configuration.private_key = "${braintree}"`, braintree);
  // cards
  const v = card('4', 16);
  add(`{"event":"checkout.failed","card[number]":"${v}","card[exp_month]":"04","card[cvc]":"${rs(DG, 3)}"}`, v);
  const mc = card('5' + ri(1, 5), 16);
  add(`Payment declined for card ${grp(mc, [4, 4, 4, 4], ' ')} (insufficient funds)`, grp(mc, [4, 4, 4, 4], ' '));
  const mc2 = card('22' + ri(21, 72), 16);
  add(`pan=${grp(mc2, [4, 4, 4, 4], '-')} result=DECLINED rrn=${rs(DG, 12)}`, grp(mc2, [4, 4, 4, 4], '-'));
  const amex = card('37', 15);
  add(`INSERT INTO payments (customer_id, pan, amount) VALUES (8812, '${amex}', 129.90);`, amex);
  const amexP = grp(card('34', 15), [4, 6, 5], ' ');
  add(`Kartennummer: ${amexP} – Zahlung abgelehnt`, amexP);
  const disc = card('6011', 16);
  add(`cc_number=${disc}&cc_exp=11%2F27&zip=94107`, disc);
  const jcb = card('35' + ri(28, 89), 16);
  add(`カード番号 ${jcb} の決済に失敗しました`, jcb);
  const vis13 = card('4', 19);
  add(`card.number: "${vis13}" (19-digit Visa)`, vis13);
  const mae = card('6759', 16);
  add(`2025-03-12 10:11:12,004 ERROR [pool-3] c.a.p.Gateway - refused PAN ${mae}, issuer timeout`, mae);
  const un = card('62', 16);
  add(`银行卡号:${un} 支付失败`, un);
  const ccDot = grp(card('4', 16), [4, 4, 4, 4], '.');
  add(`Numéro de carte ${ccDot} refusé`, ccDot);
}

// ===== Identity providers / SaaS tokens =====
{
  const okta = '00' + rs(B64URL, 40);
  add(`curl -H "Authorization: SSWS ${okta}" https://acme.okta.com/api/v1/users?limit=25`, okta);
  const a0 = rs(B64URL, 64);
  add(`{"domain":"acme.eu.auth0.com","clientId":"${rs(AN, 32)}","clientSecret":"${a0}"}`, a0);
  const kc = rs(AN, 32);
  add(`KC_CLIENT_SECRET=${kc} keycloak.adapter.credentials.secret=${kc}`, kc);
  const fcmKey = 'AAAA' + rs(B64URL, 7) + ':APA91b' + rs(B64URL, 134);
  add(`FCM send failed: 401 Unauthorized (Authorization: key=${fcmKey})`, fcmKey);
  const fcmTok = rs(B64URL, 22) + ':APA91b' + rs(B64URL, 134);
  add(`push.register device_token=${fcmTok} platform=android app=com.acme.mobile`, fcmTok);
  const apns = rs(HEX, 64);
  add(`APNs response 410 Unregistered for device token <${apns}>`, apns);
  const p8 = b64Bytes(100);
  add(`AuthKey_${rs(UP + DG, 10)}.p8 loaded: -----BEGIN PRIVATE KEY----- ${p8} -----END PRIVATE KEY-----`, p8);
  const fbApi = 'AIza' + rs(B64URL, 35);
  add(`const firebaseConfig = { apiKey: "${fbApi}", authDomain: "acme-app.firebaseapp.com", projectId: "acme-app" };`, fbApi);
  const j = jwt();
  add(`WARN  auth-middleware: token expired for request, token=${j}`, j);
  const j2 = jwt();
  add(`Cookie: _ga=GA1.2.${rs(DG, 10)}.${rs(DG, 10)}; session=${j2}; theme=dark`, j2);
  const sess = rs(HEX, 32);
  add(`Set-Cookie: PHPSESSID=${sess}; path=/; HttpOnly`, sess);
  const jsess = rs(UP + DG, 32);
  add(`GET /app/orders;jsessionid=${jsess} HTTP/1.1`, jsess);
  const ghp = 'ghp_' + mixed(36);
  add(`remote: Invalid username or token. Password authentication is not supported. token=${ghp}`, ghp);
  const ghpat = 'github_pat_11' + rs(UP + DG, 20) + '_' + mixed(59);
  add(`GH_TOKEN=${ghpat} gh release create v1.4.0`, ghpat);
  const ghs = 'ghs_' + mixed(36);
  add(`##[debug]Evaluating: secrets.GITHUB_TOKEN => ${ghs}`, ghs);
  const glpat = 'glpat-' + rs(B64URL, 20);
  add(`git clone https://oauth2:${glpat}@gitlab.example-corp.de/platform/infra.git`, glpat);
  const slack = `xoxb-${rs(DG, 12)}-${rs(DG, 13)}-${mixed(24)}`;
  add(`slack_sdk.errors.SlackApiError: invalid_auth (token: ${slack})`, slack);
  const hook = `T${rs(UP + DG, 8)}/B${rs(UP + DG, 10)}/${mixed(24)}`;
  add(`notify: POST https://hooks.slack.com/services/${hook} -> 200`, hook);
  const sg = `SG.${rs(B64URL, 22)}.${rs(B64URL, 43)}`;
  add(`SENDGRID_API_KEY='${sg}'`, sg);
  const twSid = 'AC' + rs(HEX, 32);
  const twTok = rs(HEX, 32);
  add(`twilio: account_sid=${twSid} auth_token=${twTok} to=+14155550123`, twTok);
  const mg = 'key-' + rs(HEX, 32);
  add(`requests.post("https://api.mailgun.net/v3/mg.acme.io/messages", auth=("api", "${mg}"))`, mg);
  const oai = 'sk-proj-' + rs(B64URL, 74) + 'T3BlbkFJ' + rs(B64URL, 74);
  add(`openai.AuthenticationError: Error code: 401 - Incorrect API key provided: ${oai}`, oai);
  const ant = 'sk-ant-api03-' + rs(B64URL, 93) + 'AA';
  add(`ANTHROPIC_API_KEY=${ant}`, ant);
  const hf = 'hf_' + mixed(34);
  add(`huggingface_hub.login(token="${hf}")`, hf);
  const ddApi = rs(HEX, 32);
  const ddApp = rs(HEX, 40);
  add(`DD_API_KEY=${ddApi} DD_APP_KEY=${ddApp} DD_SITE=datadoghq.eu`, ddApi, ddApp);
  const dsnKey = rs(HEX, 32);
  add(`Sentry.init({ dsn: "https://${dsnKey}@o${rs(DG, 6)}.ingest.sentry.io/${rs(DG, 7)}" })`, dsnKey);
  const nr = 'NRAK-' + rs(UP + DG, 27);
  add(`newrelic: api_key=${nr}`, nr);
  const shp = 'shpat_' + rs(HEX, 32);
  add(`X-Shopify-Access-Token: ${shp}`, shp);
  const tg = `${ri(100000000, 7999999999)}:AA${rs(B64URL, 33)}`;
  add(`telegram.error.InvalidToken: https://api.telegram.org/bot${tg}/sendMessage`, tg);
  const disc = `${b64(String(ri(1e17, 9e17)))}.${rs(B64URL, 6)}.${rs(B64URL, 38)}`.replace(/=/g, '');
  add(`discord.py: logging in using static token ${disc}`, disc);
  const lin = 'lin_api_' + rs(AN, 40);
  add(`LINEAR_API_KEY: ${lin}`, lin);
  const pst = 'pat' + rs(AN, 14) + '.' + rs(HEX, 64);
  add(`Airtable base sync failed (Bearer ${pst})`, pst);
  const dbx = 'sl.' + rs(B64URL, 135);
  add(`dropbox.exceptions.AuthError: expired_access_token: ${dbx}`, dbx);
  const vault = 'hvs.' + rs(B64URL, 90);
  add(`VAULT_TOKEN=${vault} vault kv get secret/payments`, vault);
}

// ===== Databases / brokers / search =====
{
  const p1 = pw();
  add(`Microsoft.Data.SqlClient.SqlException: Login failed for user 'svc_reports'. ConnectionString: Server=tcp:sql-prod-01.database.windows.net,1433;Initial Catalog=Billing;User ID=svc_reports;Password=${p1};Encrypt=True;`, p1);
  const p2 = pw();
  add(`Data Source=SQLPROD\\INST01;Initial Catalog=HR;uid=sa;pwd=${p2};TrustServerCertificate=true`, p2);
  const p3 = mixed(14);
  add(`ORA-01017: invalid username/password; logon denied  (connect string: scott/${p3}@//db-ora.internal:1521/ORCLPDB1)`, p3);
  const p4 = mixed(12);
  add(`jdbc:oracle:thin:hr/${p4}@dbhost.acme.local:1521:PROD`, p4);
  const p5 = mixed(16);
  add(`MongoServerError: bad auth : Authentication failed. uri=mongodb+srv://app_rw:${p5}@cluster0.ab1cd.mongodb.net/shop?retryWrites=true&w=majority`, p5);
  const p6 = mixed(18);
  add(`mongodb://admin:${p6}@mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0&authSource=admin`, p6);
  const p7 = mixed(24);
  add(`Error: connect ECONNREFUSED 10.0.3.7:6379 (redis://:${p7}@redis-master:6379/0)`, p7);
  const p8 = mixed(20);
  add(`ioredis: reconnecting to rediss://default:${p8}@eu1-careful-gull-33211.upstash.io:6379`, p8);
  const p9 = mixed(14);
  add(`{"@timestamp":"${ts()}","@service":"ingest","level":"INFO","component":"input.amqp","message":"Receiving AMQP messages from URL: amqps://ingest_user:${p9}@broker-staging.acme.net/vhost\\n"}`, p9);
  const p10 = pw().replace(/[#$*+~]/g, '!');
  add(`connecting to rabbitmq amqp://guest2:${encodeURIComponent(p10)}@rabbit.svc:5672/%2F`, encodeURIComponent(p10));
  const p11 = mixed(20);
  add(`sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${rs(UP + DG, 16)}" password="${p11}";`, p11);
  const p12 = mixed(22);
  add(`KafkaClient { org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="${p12}"; };`, p12);
  const esKey = b64(`${rs(B64URL, 20)}:${rs(B64URL, 22)}`);
  add(`elasticsearch client: Authorization: ApiKey ${esKey}`, esKey);
  const p13 = mixed(20);
  add(`ES_URL=https://elastic:${p13}@es01.logging.svc:9200`, p13);
  const p14 = pw().replace(/[#$*+~]/g, '_');
  add(`psql: error: connection to server at "pg-main" (10.2.0.4), port 5432 failed: FATAL:  password authentication failed  DATABASE_URL=postgres://billing:${p14}@pg-main:5432/billing?sslmode=require`, p14);
  const p15 = mixed(12);
  add(`mysql -h db.internal -u root -p${p15} -e "SHOW DATABASES"`, p15);
  const p16 = mixed(14);
  add(`DSN=mysql://wp_user:${p16}@tcp(127.0.0.1:3306)/wordpress?parseTime=true`, p16);
  const p17 = mixed(16);
  add(`Driver={ODBC Driver 18 for SQL Server};Server=10.1.1.5;Database=Sales;UID=etl;PWD={${p17}};`, p17);
  const p18 = mixed(16);
  add(`cassandra: PlainTextAuthProvider(username='cass_app', password='${p18}') contact_points=['10.0.0.11']`, p18);
  const p19 = mixed(18);
  add(`neo4j+s://neo4j:${p19}@a1b2c3d4.databases.neo4j.io`, p19);
  const p20 = mixed(14);
  add(`clickhouse://default:${p20}@ch.analytics:9440/events?secure=true`, p20);
  const p21 = mixed(16);
  add(`spring.datasource.password=${p21}`, p21);
  const p22 = mixed(16);
  add(`nats://svc-orders:${p22}@nats.cluster.local:4222`, p22);
  const p23 = mixed(15);
  add(`MYSQL_PWD=${p23} mysqldump --single-transaction shop > /backup/shop.sql`, p23);
  const p24 = mixed(18);
  add(`2025-04-01 12:00:01.221 [main] INFO  HikariDataSource - url=jdbc:sqlserver://sql01:1433;databaseName=crm;user=crm_app;password=${p24}`, p24);
  const p25 = mixed(14);
  add(`memcached SASL auth username=mc_user password=${p25}`, p25);
}

// ===== Key material =====
{
  const ssh = b64Bytes(360);
  add(`-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ${ssh.slice(0, 28)}\n${ssh.slice(28, 98)}\n${ssh.slice(98, 168)}\n-----END OPENSSH PRIVATE KEY-----`, ssh.slice(28, 98), ssh.slice(98, 168));
  const rsa = b64Bytes(300);
  add(`deploy.sh: writing key\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA${rsa.slice(0, 48)}\n${rsa.slice(48, 112)}\n-----END RSA PRIVATE KEY-----`, rsa.slice(0, 48), rsa.slice(48, 112));
  const ec = b64Bytes(90);
  add(`"tls.key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI${ec.slice(0, 55)}\\n${ec.slice(55, 110)}\\n-----END EC PRIVATE KEY-----"`, ec.slice(0, 55), ec.slice(55, 110));
  const pgp = b64Bytes(300);
  add(`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGX${pgp.slice(0, 57)}\n${pgp.slice(57, 121)}\n=${rs(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`, pgp.slice(0, 57), pgp.slice(57, 121));
  const putty = b64Bytes(120);
  add(`PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n${putty}\nPrivate-MAC: ${rs(HEX, 64)}`, putty);
  const keyPass = pw();
  add(`ssh-keygen -t ed25519 -N '${keyPass}' -f ~/.ssh/id_deploy`, keyPass);
  const gpgPass = pw();
  add(`gpg --batch --pinentry-mode loopback --passphrase "${gpgPass}" --sign release.tar.gz`, gpgPass);
  const jksPass = mixed(14);
  add(`-Djavax.net.ssl.keyStorePassword=${jksPass} -Djavax.net.ssl.keyStore=/etc/pki/app.jks`, jksPass);
  const age = 'AGE-SECRET-KEY-1' + rs('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58);
  add(`sops: using age identity ${age}`, age);
}

// ===== Config files =====
{
  const npm = 'npm_' + mixed(36);
  add(`//registry.npmjs.org/:_authToken=${npm}\n@acme:registry=https://npm.pkg.github.com`, npm);
  const npmAuth = b64(`ci-bot:${mixed(16)}`);
  add(`; .npmrc\n_auth=${npmAuth}\nalways-auth=true`, npmAuth);
  const pypi = 'pypi-AgEIcHlwaS5vcmc' + rs(B64URL, 150);
  add(`[pypi]\nusername = __token__\npassword = ${pypi}`, pypi);
  const pypiPass = pw();
  add(`[distutils]\nindex-servers = internal\n[internal]\nrepository = https://nexus.acme.io/repository/pypi/\nusername = deployer\npassword = ${pypiPass}`, pypiPass);
  const dockAuth = b64(`acmebot:${mixed(18)}`);
  add(`{"auths":{"registry.acme.io":{"auth":"${dockAuth}"},"https://index.docker.io/v1/":{"auth":"${b64('me:x')}"}}}`.replace(b64('me:x'), dockAuth), dockAuth);
  const dckr = 'dckr_pat_' + rs(B64URL, 27);
  add(`echo ${dckr} | docker login -u acmebot --password-stdin`, dckr);
  const gitCred = 'ghp_' + mixed(36);
  add(`~/.git-credentials: https://octo-dev:${gitCred}@github.com`, gitCred);
  const netrcPw = pw();
  add(`machine api.heroku.com\n  login ops@acme-logistics.com\n  password ${netrcPw}`, netrcPw, 'ops@acme-logistics.com');
  const heroku = uuid();
  add(`HEROKU_API_KEY=${heroku}`, heroku);
  const k8sPw = mixed(20);
  add(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque\ndata:\n  username: ${b64('app')}\n  password: ${b64(k8sPw)}`, b64(k8sPw));
  const k8sStr = pw();
  add(`stringData:\n  DB_PASSWORD: "${k8sStr}"`, k8sStr);
  const kubeTok = jwt();
  add(`users:\n- name: ci-deployer\n  user:\n    token: ${kubeTok}`, kubeTok);
  const ckd = b64('-----BEGIN RSA PRIVATE KEY-----\n' + b64Bytes(60));
  add(`    client-key-data: ${ckd}`, ckd);
  const tfPw = pw();
  const tfAk = rs(B64, 40);
  add(`{"mode":"managed","type":"aws_db_instance","name":"main","instances":[{"attributes":{"username":"dbadmin","password":"${tfPw}","endpoint":"main.c9akciq32.eu-central-1.rds.amazonaws.com:5432"}}]}`, tfPw);
  add(`"resources": [{"type":"aws_iam_access_key","instances":[{"attributes":{"id":"AKIA${rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}","secret":"${tfAk}","ses_smtp_password_v4":"B${rs(B64, 43)}"}}]}]`, tfAk);
  const ciTok = 'glcbt-' + rs(B64URL, 20);
  add(`$ env | sort\nCI_JOB_TOKEN=${ciTok}\nCI_PROJECT_NAME=infra`, ciTok);
  const circle = 'CCIPAT_' + rs(AN, 22) + '_' + rs(HEX, 40);
  add(`CIRCLE_TOKEN=${circle}`, circle);
  const sonar = 'squ_' + rs(HEX, 40);
  add(`mvn sonar:sonar -Dsonar.login=${sonar}`, sonar);
  const tfc = rs(AN, 14) + '.atlasv1.' + rs(AN, 67);
  add(`credentials "app.terraform.io" { token = "${tfc}" }`, tfc);
  const dotenv = mixed(32);
  add(`APP_KEY=base64:${b64Bytes(32)}\nJWT_SECRET=${dotenv}`, dotenv);
  const smtp = pw();
  add(`MAIL_URL=smtp://postmaster%40mg.acme.io:${encodeURIComponent(smtp)}@smtp.mailgun.org:587`, encodeURIComponent(smtp));
  const ftpPw = mixed(12);
  add(`curl -T backup.tgz ftp://backup:${ftpPw}@ftp.hoster.example-nas.net/uploads/`, ftpPw);
  const wifi = pw();
  add(`wpa_supplicant.conf network={ ssid="Office-5G" psk="${wifi}" }`, wifi);
  const htp = '$apr1$' + rs(AN + './', 8) + '$' + rs(AN + './', 22);
  add(`.htpasswd: admin:${htp}`, htp);
  const bcrypt = '$2b$12$' + rs(AN + './', 53);
  add(`UPDATE users SET password_hash='${bcrypt}' WHERE id=4411;`, bcrypt);
  const basic = b64(`reporting:${pw()}`);
  add(`> GET /api/v2/export HTTP/1.1\n> Host: erp.acme.local\n> Authorization: Basic ${basic}\n> Accept: */*`, basic);
  const bearer = rs(B64URL, 40);
  add(`request headers: {"authorization":"Bearer ${bearer}","x-request-id":"${uuid()}"}`, bearer);
  const xapi = rs(HEX, 32);
  add(`curl -s -H 'x-api-key: ${xapi}' https://api.weather-provider.io/v1/forecast`, xapi);
  const qsTok = rs(B64URL, 43);
  add(`127.0.0.1 - - [12/Mar/2025:10:11:12 +0000] "GET /oauth/callback?code=${qsTok}&state=${rs(HEX, 16)} HTTP/1.1" 302 0`, qsTok);
  const at = rs(B64URL, 48);
  add(`redirect to https://app.acme.io/#access_token=${at}&token_type=Bearer&expires_in=3600`, at);
  const cliPw = pw();
  add(`ps aux: deploy 4412 0.3 java -jar admin.jar --db-user=admin --db-password=${cliPw} --port 8443`, cliPw);
  const cliPw2 = mixed(14);
  add(`Executing: sshpass -p '${cliPw2}' ssh -o StrictHostKeyChecking=no root@10.4.2.19`, cliPw2);
  const cliPw3 = mixed(14);
  add(`net use Z: \\\\fileserver\\finance /user:ACME\\jdoe ${cliPw3}`, cliPw3);
  const pwJson = pw();
  add(`{"username":"mbeck","password":"${pwJson}","remember":true}`, pwJson);
  const pwLogfmt = pw();
  add(`ts=${ts()} level=debug caller=login.go:88 user=ops passwd=${pwLogfmt} result=ok`, pwLogfmt);
  const pwYaml = mixed(18);
  add(`smtp:\n  host: mail.acme.de\n  user: noreply\n  pass: ${pwYaml}`, pwYaml);
  const pwXml = mixed(16);
  add(`<dataSource><user>ldap_bind</user><password>${pwXml}</password></dataSource>`, pwXml);
  const pwIni = pw();
  add(`[ldap]\nbind_dn = cn=svc,dc=acme,dc=corp\nbind_pw = ${pwIni}`, pwIni);
  const pwPy = pw();
  add(`Traceback (most recent call last):\n  File "/srv/app/sync.py", line 42, in <module>\n    client = FTP(host, user="sync", passwd="${pwPy}")\nConnectionRefusedError: [Errno 111] Connection refused`, pwPy);
  const pwStack = mixed(14);
  add(`java.sql.SQLException: Access denied for user 'shop'@'10.0.0.9' (using password: YES)\n\tat com.acme.Db.connect(Db.java:51) props={user=shop, password=${pwStack}}`, pwStack);
  const pwHttp = pw();
  add(`POST /login HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nusername=kfischer&password=${encodeURIComponent(pwHttp)}&csrf=${rs(HEX, 32)}`, encodeURIComponent(pwHttp));
  const pwDe = pw();
  add(`Anmeldung fehlgeschlagen: Passwort "${pwDe}" ist abgelaufen`, pwDe);
  const pwEs = pw();
  add(`contraseña=${pwEs} usuario=lgarcia`, pwEs);
  const pwJa = mixed(12);
  add(`パスワード: ${pwJa} (ユーザー tanaka)`, pwJa);
  const pwFr = pw();
  add(`mot_de_passe: ${pwFr}`, pwFr);
  const secretKey = rs(AN + '!@#$%^&*(-_=+)', 50);
  add(`DJANGO_SECRET_KEY='${secretKey}'`, secretKey);
  const otp = 'otpauth://totp/Acme:jdoe?secret=' + rs('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 32) + '&issuer=Acme';
  const otpSecret = otp.split('secret=')[1]!.split('&')[0]!;
  add(`2FA enrolment QR payload: ${otp}`, otpSecret);
  const recovery = `${rs(LO + DG, 5)}-${rs(LO + DG, 5)}`;
  add(`backup_codes: ["${recovery}"]`, recovery);
}

// ===== Personal data: emails =====
{
  add(`{"level":"info","msg":"password reset requested","email":"maria.oliveira88@gmail.com"}`, 'maria.oliveira88@gmail.com');
  add(`From: "Doe, Jane" <jane.doe+billing@fastmail.fm>`, 'jane.doe+billing@fastmail.fm');
  add(`user=KOWALSKI.Piotr@Wp.PL action=login status=fail`, 'KOWALSKI.Piotr@Wp.PL');
  add(`mailto:o'connor.sean@eircom.net?subject=Invoice`, "o'connor.sean@eircom.net");
  add(`Delivery to björn.åkesson@telia.se failed permanently`, 'björn.åkesson@telia.se');
  add(`contact: info@müller-bäckerei.de`, 'info@müller-bäckerei.de');
  add(`用户 王芳 <wang.fang@163.com> 注册成功`, 'wang.fang@163.com');
  add(`邮箱 李雷@例子.广告 无法送达`, '李雷@例子.广告');
  add(`GET /api/users?email=ayse.yilmaz%40hotmail.com.tr HTTP/1.1`, 'ayse.yilmaz%40hotmail.com.tr');
  add(`"reply_to": "\\"Priya Sharma\\" <priya_s@rediffmail.com>"`, 'priya_s@rediffmail.com');
  add(`SELECT * FROM customers WHERE lower(email) = 'chidi.okeke@yahoo.co.uk';`, 'chidi.okeke@yahoo.co.uk');
  add(`Recipient <sipho.ndlovu@mweb.co.za>: 550 5.1.1 user unknown`, 'sipho.ndlovu@mweb.co.za');
  add(`email=budi_santoso@yahoo.co.id&phone=`, 'budi_santoso@yahoo.co.id');
  add(`ユーザー sato.yuki@docomo.ne.jp のセッションが切れました`, 'sato.yuki@docomo.ne.jp');
  add(`Error: duplicate key value violates unique constraint "users_email_key" DETAIL: Key (email)=(l.vandenberg@ziggo.nl) already exists.`, 'l.vandenberg@ziggo.nl');
  add(`Отправлено письмо на адрес ivan.petrov@yandex.ru`, 'ivan.petrov@yandex.ru');
  add(`user_email: "GABRIELA.HERNANDEZ@PRODIGY.NET.MX"`, 'GABRIELA.HERNANDEZ@PRODIGY.NET.MX');
  add(`notify list: a.lindqvist@bahnhof.se; e.nilsson@spray.se`, 'a.lindqvist@bahnhof.se', 'e.nilsson@spray.se');
  add(`author=joao.pereira@uol.com.br msg="pedido criado"`, 'joao.pereira@uol.com.br');
  add(`git log: Author: Emeka Nwosu <emeka.nwosu@users.noreply.github.com>`, 'emeka.nwosu@users.noreply.github.com');
}

// ===== Personal data: phones =====
{
  add(`sms.send to=+5511987654321 template=otp`, '+5511987654321');
  add(`Telefone: (21) 99812-3456`, '(21) 99812-3456');
  add(`{"phone":"+52 55 4123 8876","country":"MX"}`, '+52 55 4123 8876');
  add(`Tel. 33 1234 5678 (Guadalajara)`, '33 1234 5678');
  add(`OTP sent to +91 98450 12345 via SMS`, '+91 98450 12345');
  add(`mobile=09845012346 state=KA`, '09845012346');
  add(`customer cell: +27 82 555 0198`, '+27 82 555 0198');
  add(`Call me on 083 412 7789 after 5pm`, '083 412 7789');
  add(`phone_number: "+2348031234567"`, '+2348031234567');
  add(`Contact: 0803 123 4578 (Lagos)`, '0803 123 4578');
  add(`WhatsApp +62 812-3456-7890 terverifikasi`, '+62 812-3456-7890');
  add(`nomor hp 0812 3456 7891`, '0812 3456 7891');
  add(`Telefon: +90 532 123 45 67`, '+90 532 123 45 67');
  add(`cep: 0532 987 65 43`, '0532 987 65 43');
  add(`tel. +48 601 234 567 (Warszawa)`, '+48 601 234 567');
  add(`numer: 601-234-568`, '601-234-568');
  add(`Bel mij op 06-12345678`, '06-12345678');
  add(`"msisdn":"+31612345679"`, '+31612345679');
  add(`Ring 070-123 45 67 vid frågor`, '070-123 45 67');
  add(`to: +46 70 123 45 68`, '+46 70 123 45 68');
  add(`caller_id="(415) 867-2093" duration=312s`, '(415) 867-2093');
  add(`phone: 212.736.4410`, '212.736.4410');
  add(`UK mobile 07911 123456 opted in`, '07911 123456');
  add(`Rückruf unter +49 151 23456789`, '+49 151 23456789');
  add(`Tél : 06 12 34 56 78`, '06 12 34 56 78');
  add(`電話番号: 090-1234-5678`, '090-1234-5678');
  add(`mob 0412 345 678 (Sydney)`, '0412 345 678');
  add(`M-Pesa receipt sent to +254 712 345678`, '+254 712 345678');
  add(`+201001234567 تم التحقق من الرقم`, '+201001234567');
  add(`Globe subscriber 0917 123 4567 topped up`, '0917 123 4567');
  add(`INSERT INTO contacts(name, phone) VALUES ('R. Mehta', '+91-22-2659-1234');`, '+91-22-2659-1234');
}

// ===== National IDs / IBANs =====
{
  const s1 = ssn();
  add(`{"applicant":{"ssn":"${s1}","dob":"1984-07-12"}}`, s1);
  const s2 = ssn();
  add(`SSN ${s2.replace(/-/g, '')} failed verification`, s2.replace(/-/g, ''));
  const s3 = ssn();
  add(`Social Security Number: ${s3.replace(/-/g, ' ')}`, s3.replace(/-/g, ' '));
  const s4 = ssn();
  add(`W-2 import row 14: employee_tin=${s4}`, s4);
  const n1 = nino();
  const n1s = `${n1.slice(0, 2)} ${n1.slice(2, 4)} ${n1.slice(4, 6)} ${n1.slice(6, 8)} ${n1.slice(8)}`;
  add(`HMRC lookup NI number ${n1s} -> not found`, n1s);
  const n2 = nino();
  add(`"nino":"${n2}"`, n2);
  const n3 = nino();
  add(`national_insurance=${n3.toLowerCase()}`, n3.toLowerCase());
  const c1 = sin();
  if (!luhnOk(c1)) throw new Error('sin');
  add(`SIN: ${c1.slice(0, 3)}-${c1.slice(3, 6)}-${c1.slice(6)}`, `${c1.slice(0, 3)}-${c1.slice(3, 6)}-${c1.slice(6)}`);
  const c2 = sin();
  add(`NAS ${c2.slice(0, 3)} ${c2.slice(3, 6)} ${c2.slice(6)} (numéro d'assurance sociale)`, `${c2.slice(0, 3)} ${c2.slice(3, 6)} ${c2.slice(6)}`);
  const c3 = sin();
  add(`payroll: sin=${c3}`, c3);
  const ib = [
    iban('DE', rs(DG, 18)),
    iban('GB', 'NWBK' + rs(DG, 14)),
    iban('FR', rs(DG, 10) + rs(UP + DG, 11) + rs(DG, 2)),
    iban('NL', 'ABNA' + rs(DG, 10)),
    iban('ES', rs(DG, 20)),
    iban('IT', pick(UP.split('')) + rs(DG, 10) + rs(UP + DG, 12)),
    iban('BR', rs(DG, 23) + 'C' + rs(DG, 1)),
    iban('TR', rs(DG, 6) + '0' + rs(DG, 15)),
    iban('PL', rs(DG, 24)),
    iban('SE', rs(DG, 20)),
    iban('CH', rs(DG, 5) + rs(UP + DG, 12)),
    iban('BE', rs(DG, 12)),
  ];
  add(`{"payout":{"iban":"${ib[0]}","bic":"COBADEFFXXX"}}`, ib[0]!);
  add(`Beneficiary IBAN: ${ibanPrint(ib[1]!)}`, ibanPrint(ib[1]!));
  add(`virement refusé IBAN=${ib[2]}`, ib[2]!);
  add(`Rekeningnummer ${ibanPrint(ib[3]!)} ongeldig`, ibanPrint(ib[3]!));
  add(`domiciliación: ${ib[4]}`, ib[4]!);
  add(`bonifico verso ${ibanPrint(ib[5]!)}`, ibanPrint(ib[5]!));
  add(`conta destino ${ib[6]}`, ib[6]!);
  add(`alıcı IBAN ${ibanPrint(ib[7]!)}`, ibanPrint(ib[7]!));
  add(`numer rachunku ${ib[8]}`, ib[8]!);
  add(`konto=${ib[9]}`, ib[9]!);
  add(`UPDATE vendors SET iban='${ib[10]}' WHERE id=77;`, ib[10]!);
  add(`sepa_mandate iban=${ibanPrint(ib[11]!)} creditor_id=BE69ZZZ050D000000008`, ibanPrint(ib[11]!));
}

// ===== IPs / home dirs =====
{
  const i1 = ipv4();
  add(`${i1} - - [10/Oct/2025:13:55:36 -0700] "GET /account HTTP/1.1" 200 2326`, i1);
  const i2 = ipv4();
  const i3 = ipv4();
  add(`X-Forwarded-For: ${i2}, ${i3}, 10.0.0.2`, i2, i3);
  const i4 = ipv6();
  add(`client_addr=${i4} method=POST path=/api/checkout`, i4);
  const i5 = ipv4();
  add(`{"remote_ip":"${i5}","user_agent":"Mozilla/5.0"}`, i5);
  const i6 = ipv4();
  add(`sshd[2211]: Failed password for invalid user oracle from ${i6} port 52144 ssh2`, i6);
  const i7 = ipv6().replace(/:[0-9a-f]{4}:[0-9a-f]{4}:[0-9a-f]{4}$/, '::1');
  add(`peer [${i7}]:443 reset connection`, i7);
  add(`Error: ENOENT: no such file or directory, open 'C:\\Users\\mkowalczyk\\AppData\\Roaming\\acme\\config.json'`, 'mkowalczyk');
  add(`    at Object.<anonymous> (/Users/hannah.oconnell/dev/acme-web/src/index.ts:14:9)`, 'hannah.oconnell');
  add(`File "/home/oluwaseun/projects/etl/run.py", line 7, in main`, 'oluwaseun');
  add(`WSL path: /mnt/c/Users/Priya.Ramanathan/Downloads/export.csv`, 'Priya.Ramanathan');
  add(`\\\\wsl$\\Ubuntu-22.04\\home\\thiagosilva\\.bashrc`, 'thiagosilva');
  add(`crash dump written to C:/Users/AhmetYildiz/AppData/Local/CrashDumps/app.exe.4412.dmp`, 'AhmetYildiz');
  add(`Thread 0 Crashed:: Dispatch queue: com.apple.main-thread\n0 libsystem_kernel.dylib 0x00007ff8 __pthread_kill + 10\nPath: /Users/lars.eriksson/Applications/Acme.app/Contents/MacOS/Acme`, 'lars.eriksson');
  add(`npm ERR! A complete log of this run can be found in: /Users/wanjiku/.npm/_logs/2025-03-01T10_00_00_000Z-debug-0.log`, 'wanjiku');
  add(`file:///home/rdesouza/workspace/app/node_modules/.pnpm/lodash@4.17.21/index.js`, 'rdesouza');
  add(`Loading profile C:\\Documents and Settings\\bnguyen\\My Documents\\WindowsPowerShell\\profile.ps1`, 'bnguyen');
  add(`cwd=/home/agnieszka.nowak/src/monorepo exit=1`, 'agnieszka.nowak');
  add(`[Errno 13] Permission denied: '/Users/shinji_ikari/Library/Application Support/Acme/db.sqlite'`, 'shinji_ikari');
}

// ===== Mixed PII records (CRM/logfmt/i18n) =====
{
  const cc = card('4', 16);
  const s = ssn();
  add(`level=warn msg="fraud check" name="Carlos Ruiz" email=carlos.ruiz@telcel.mx phone=+5215512345678 card=${cc} ssn=${s}`, 'carlos.ruiz@telcel.mx', '+5215512345678', cc, s);
  const ib = iban('DE', rs(DG, 18));
  add(`Kunde: Jürgen Weiß, E-Mail: j.weiss@t-online.de, Tel.: 0171 2345678, IBAN: ${ib}`, 'j.weiss@t-online.de', '0171 2345678', ib);
  const n = nino();
  add(`{"employee":{"email":"sarah.khan@nhs.net","mobile":"07700 912345","ni":"${n}"}}`, 'sarah.khan@nhs.net', '07700 912345', n);
  const c = sin();
  add(`Client: Marie Tremblay <marie.tremblay@videotron.ca>, tél. (514) 555-0143, NAS ${c}`, 'marie.tremblay@videotron.ca', '(514) 555-0143', c);
  add(`Kullanıcı emre.demir@gmail.com, telefon +90 542 765 43 21 ile giriş yaptı`, 'emre.demir@gmail.com', '+90 542 765 43 21');
  add(`Użytkownik anna.wisniewska@onet.pl (tel. +48 512 345 678) zmienił hasło`, 'anna.wisniewska@onet.pl', '+48 512 345 678');
  const tok = 'ghp_' + mixed(36);
  add(`##[group]Run git push https://x-access-token:${tok}@github.com/acme/site.git`, tok);
}

// ---------- load-time verification ----------
for (const [i, e] of L.entries()) {
  for (const s of e.secrets) {
    if (!s || !e.text.includes(s)) throw new Error(`round4 line ${i}: secret not in text: ${s}`);
    if (/xxxx|changeme|<password>|\$\{/i.test(s)) throw new Error(`round4 line ${i}: placeholder secret ${s}`);
  }
}

export function serviceSecretLines(): { text: string; secrets: string[] }[] {
  return L.map((e) => ({ text: e.text, secrets: [...e.secrets] }));
}
