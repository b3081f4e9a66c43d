// Secret and personal-data corpus 2: logs, stack traces, configs, command lines and crash reports.
//
// Written WITHOUT reading the redactor's source (src/, dist/*.js) or its test corpora (test/).
// Every value is SYNTHETIC: random tokens come from a seeded PRNG (mulberry32) below, card numbers
// and Canadian SINs carry a computed Luhn digit, IBANs a computed ISO 7064 mod-97 check (plus the
// national check digit for BE/FR/ES/NL/PL), UK NINOs use only allowed prefixes, US SSNs avoid the
// never-issued areas (000, 666, 9xx), group 00 and serial 0000.
// `secrets` lists the substrings that must NOT survive scrubText (the value itself, not its key).
//
// Shapes/contexts were taken from public material (cited above each group); no value is copied.

import { mulberry32 } from '../helpers/prng.ts';

type Item = { text: string; secrets: string[] };


export function logSecretLines(): Item[] {
  const rand = mulberry32(0x0b5e7e11);
  const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const LO = 'abcdefghijklmnopqrstuvwxyz';
  const DG = '0123456789';
  const HEXL = '0123456789abcdef';
  const HEXU = '0123456789ABCDEF';
  const AN = UP + LO + DG;
  const B64 = AN + '+/';
  const B64U = AN + '-_';
  const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

  const r = (cs: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += cs[Math.floor(rand() * cs.length)];
    return s;
  };
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const uuid = (): string =>
    `${r(HEXL, 8)}-${r(HEXL, 4)}-4${r(HEXL, 3)}-${pick(['8', '9', 'a', 'b'])}${r(HEXL, 3)}-${r(HEXL, 12)}`;
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

  // ---- passwords (synthetic, no placeholders) ----
  const WORDS = ['maple', 'harbor', 'copper', 'violet', 'lantern', 'orbit', 'thistle', 'granite', 'saffron',
    'falcon', 'willow', 'ember', 'quartz', 'meadow', 'cobalt', 'juniper', 'tundra', 'pepper', 'canyon', 'marble'];
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const pwHuman = (): string => cap(pick(WORDS)) + pick(['!', '#', '%', '&', '*', '?', '.']) + cap(pick(WORDS)) + r(DG, int(2, 4));
  const pwRandom = (n = 16): string => r(AN + '!#%^&*()-_=+[]<>?', n);
  const pwUrl = (n = 18): string => r(AN + '-_.~', n);

  // ---- Luhn (cards, SIN) ----
  const luhnDigit = (payload: string): number => {
    let sum = 0;
    let dbl = true;
    for (let i = payload.length - 1; i >= 0; i--) {
      let d = payload.charCodeAt(i) - 48;
      if (dbl) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
      dbl = !dbl;
    }
    return (10 - (sum % 10)) % 10;
  };
  const luhnOk = (num: string): boolean => luhnDigit(num.slice(0, -1)) === num.charCodeAt(num.length - 1) - 48;
  const card = (prefix: string, len: number): string => {
    const body = prefix + r(DG, len - prefix.length - 1);
    const n = body + luhnDigit(body);
    if (!luhnOk(n)) throw new Error('luhn');
    return n;
  };
  const grp = (s: string, sizes: number[], sep: string): string => {
    const parts: string[] = [];
    let i = 0;
    for (const z of sizes) { parts.push(s.slice(i, i + z)); i += z; }
    return parts.join(sep);
  };

  // ---- IBAN (ISO 13616 / ISO 7064 mod 97-10) ----
  const mod97 = (digits: string): number => { let m = 0; for (const ch of digits) m = (m * 10 + (ch.charCodeAt(0) - 48)) % 97; return m; };
  const toDigits = (s: string): string => s.toUpperCase().split('').map((c) => (c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c)).join('');
  const iban = (cc: string, bban: string): string => {
    const chk = 98 - mod97(toDigits(bban + cc + '00'));
    const out = cc + pad(chk, 2) + bban;
    if (mod97(toDigits(out.slice(4) + out.slice(0, 4))) !== 1) throw new Error('iban');
    return out;
  };
  const ibanPrint = (ib: string): string => ib.replace(/(.{4})(?=.)/g, '$1 ');
  const bbanDE = (): string => r(DG, 8) + r(DG, 10);
  const bbanGB = (bank: string): string => bank + r(DG, 6) + r(DG, 8);
  const bbanIE = (bank: string): string => bank + r(DG, 6) + r(DG, 8);
  const bbanCH = (): string => r(DG, 5) + r(DG, 12);
  const bbanNL = (bank: string): string => { // elfproef on the 10-digit account
    for (;;) {
      const acct = r(DG, 10);
      let s = 0;
      for (let i = 0; i < 10; i++) s += (acct.charCodeAt(i) - 48) * (10 - i);
      if (s % 11 === 0 && acct[0] !== '0') return bank + acct;
    }
  };
  const bbanBE = (): string => { const n = r(DG, 10); let c = mod97(n); if (c === 0) c = 97; return n + pad(c, 2); };
  const bbanFR = (): string => { const bank = r(DG, 5), branch = r(DG, 5), acct = r(DG, 11); const key = 97 - ((89 * mod97(bank) + 15 * mod97(branch) + 3 * mod97(acct)) % 97); return bank + branch + acct + pad(key, 2); };
  const bbanES = (): string => {
    const W = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    const dc = (ten: string): number => { let s = 0; for (let i = 0; i < 10; i++) s += (ten.charCodeAt(i) - 48) * W[i]!; const v = 11 - (s % 11); return v === 11 ? 0 : v === 10 ? 1 : v; };
    const bank = r(DG, 4), branch = r(DG, 4), acct = r(DG, 10);
    return bank + branch + String(dc('00' + bank + branch)) + String(dc(acct)) + acct;
  };
  const bbanPL = (): string => { const W = [3, 9, 7, 1, 3, 9, 7]; const b = r(DG, 7); let s = 0; for (let i = 0; i < 7; i++) s += (b.charCodeAt(i) - 48) * W[i]!; return b + String((10 - (s % 10)) % 10) + r(DG, 16); };

  // ---- national ids ----
  const ssn = (sep: string): string => { let a: number; do { a = int(1, 899); } while (a === 666); return [pad(a, 3), pad(int(1, 99), 2), pad(int(1, 9999), 4)].join(sep); };
  const NINO1 = 'ABCEGHJKLMNOPRSTWXYZ', NINO2 = 'ABCEGHJKLMNPRSTWXYZ';
  const NINO_BAD = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ', 'OO', 'CR', 'FY', 'MW', 'NC', 'PP', 'PY', 'PZ'];
  const ninoParts = (): [string, string, string, string, string] => { let p: string; do { p = r(NINO1, 1) + r(NINO2, 1); } while (NINO_BAD.includes(p)); return [p, r(DG, 2), r(DG, 2), r(DG, 2), r('ABCD', 1)]; };
  const sin = (): string => card(pick(['1', '2', '3', '4', '5', '6', '7', '9']), 9);

  // ---- crypto-ish blobs ----
  const jwt = (header: object, payload: object, sigLen = 43): string => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${r(B64U, sigLen)}`;
  const pemLines = (prefix: string, total: number, width = 64): string[] => {
    const body = prefix + r(B64, total - prefix.length);
    const lines: string[] = [];
    for (let i = 0; i < body.length; i += width) lines.push(body.slice(i, i + width));
    return lines;
  };

  const out: Item[] = [];
  const add = (text: string, ...secrets: string[]): void => { out.push({ text, secrets }); };

  // =====================================================================================
  // AWS credentials. Shapes: gitleaks/gitleaks cmd/generate/config/rules/aws.go;
  // praetorian-inc/noseyparker crates/noseyparker/data/default/builtin/rules/aws.yml;
  // `aws configure` transcript per https://www.ibm.com/docs/en/coss/3.20.1?topic=csiscf-create-aws-shared-credentials
  // =====================================================================================
  {
    const id1 = 'AKIA' + r(B32, 16), sk1 = r(AN + '/+', 40);
    add(`[profile ci-deployer]\naws_access_key_id = ${id1}\naws_secret_access_key = ${sk1}\nregion = eu-west-1`, id1, sk1);
    const id2 = 'AKIA' + r(B32, 16), sk2 = r(AN + '/+', 40);
    add(`$ aws configure --profile billing\nAWS Access Key ID [None]: ${id2}\nAWS Secret Access Key [None]: ${sk2}\nDefault region name [None]: us-east-2`, id2, sk2);
    const id3 = 'ASIA' + r(B32, 16), sk3 = r(AN + '/+', 40), st3 = 'IQoJb3JpZ2luX2VjE' + r(B64, 240) + '==';
    add(`{"level":"debug","msg":"assumed role","creds":{"AccessKeyId":"${id3}","SecretAccessKey":"${sk3}","SessionToken":"${st3}","Expiration":"2025-03-14T09:12:44Z"}}`, id3, sk3, st3);
    const id4 = 'AKIA' + r(B32, 16), sk4 = r(AN + '/+', 40);
    add(`+ docker run --rm -e AWS_ACCESS_KEY_ID=${id4} -e AWS_SECRET_ACCESS_KEY=${sk4} amazon/aws-cli s3 ls s3://acme-backups-prod`, id4, sk4);
    const id5 = 'AKIA' + r(B32, 16), sig5 = r(HEXL, 64);
    add(`GET https://acme-exports.s3.eu-central-1.amazonaws.com/reports/q3.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${id5}%2F20250314%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20250314T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig5} 403 SignatureDoesNotMatch`, id5);
    const sk6 = r(AN + '/+', 40);
    add(`level=error ts=2025-03-14T10:22:31Z caller=uploader.go:88 msg="s3 put failed" aws_secret_access_key=${sk6} bucket=media-prod err="AccessDenied"`, sk6);
    const id7 = 'AKIA' + r(B32, 16), sk7 = r(AN + '/+', 40);
    add(`botocore.exceptions.ClientError: An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation; session=Session(aws_access_key_id='${id7}', aws_secret_access_key='${sk7}', region_name='ap-southeast-2')`, id7, sk7);
  }

  // =====================================================================================
  // Google Cloud. Shapes: gitleaks/gitleaks cmd/generate/config/rules/gcp.go;
  // noseyparker rules/google.yml; service-account JSON layout per
  // https://gist.github.com/soichisumi/04334d453c0e4e1afbc46223a16fcb56
  // =====================================================================================
  {
    const k1 = 'AIza' + r(B64U, 35);
    add(`W/Places  (12873): Request https://maps.googleapis.com/maps/api/geocode/json?address=Rua+Augusta&key=${k1} failed: REQUEST_DENIED`, k1);
    const cs = 'GOCSPX-' + r(B64U, 28);
    add(`client_id: 481203397716-${r(LO + DG, 32)}.apps.googleusercontent.com\nclient_secret: ${cs}\nredirect_uris: ["http://localhost:8085/callback"]`, cs);
    const at = 'ya29.a0' + r(B64U, 150);
    add(`DEBUG google.auth.transport.requests: Making request: POST https://oauth2.googleapis.com/token -> {"access_token": "${at}", "expires_in": 3599, "token_type": "Bearer"}`, at);
    const pkid = r(HEXL, 40);
    const lines = pemLines('MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC', 1600);
    const pk = `-----BEGIN PRIVATE KEY-----\\n${lines.join('\\n')}\\n-----END PRIVATE KEY-----\\n`;
    add(`Loaded credentials from env GOOGLE_CREDENTIALS={"type":"service_account","project_id":"acme-analytics-prod","private_key_id":"${pkid}","private_key":"${pk}","client_email":"etl-runner@acme-analytics-prod.iam.gserviceaccount.com"}`, lines[3]!, lines[10]!); // private_key_id names the key; it is not key material.
    const k2 = 'AIza' + r(B64U, 35);
    add(`<string name="google_api_key" translatable="false">${k2}</string>`, k2);
  }

  // =====================================================================================
  // Azure. Shapes: gitleaks cmd/generate/config/rules/azure.go (AD client secret "xxx8Q~");
  // noseyparker rules/azure.yml; connection string layout per MicrosoftDocs/azure-docs
  // articles/storage/common/storage-configure-connection-string.md
  // =====================================================================================
  {
    const k1 = r(B64, 86) + '==';
    add(`Microsoft.WindowsAzure.Storage.StorageException: The remote server returned an error: (403) Forbidden. ConnectionString="DefaultEndpointsProtocol=https;AccountName=acmeinvoicesprod;AccountKey=${k1};EndpointSuffix=core.windows.net"`, k1);
    const sig = encodeURIComponent(r(B64, 43) + '=');
    add(`10.1.4.22 - - [14/Mar/2025:10:41:07 +0000] "GET /uploads/contract-8812.pdf?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2025-04-01T00:00:00Z&st=2025-03-01T00:00:00Z&spr=https&sig=${sig} HTTP/1.1" 200 48213`, sig);
    const cs = r(AN + '_~.', 3) + int(7, 8) + 'Q~' + r(AN + '_~.-', 34);
    add(`AZURE_CLIENT_ID=${uuid()}\nAZURE_TENANT_ID=${uuid()}\nAZURE_CLIENT_SECRET=${cs}`, cs);
    const sb = r(B64, 43) + '=';
    add(`[12:03:55 ERR] Azure.Messaging.ServiceBus.ServiceBusException: Put token failed. Endpoint=sb://acme-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sb};EntityPath=orders`, sb);
    const pat = r('abcdefghijklmnopqrstuvwxyz234567', 52);
    add(`+ git clone https://build:${pat}@dev.azure.com/contoso/Payments/_git/payments-api`, pat);
    const ck = r(B64, 86) + '==';
    add(`"CosmosDb": { "ConnectionString": "AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=${ck};" }`, ck);
    const cs2 = r(AN + '_~.', 3) + '8Q~' + r(AN + '_~.-', 31);
    add(`PS> Connect-MgGraph -TenantId contoso.onmicrosoft.com -ClientSecretCredential (New-Object PSCredential('${uuid()}', (ConvertTo-SecureString '${cs2}' -AsPlainText -Force)))`, cs2);
  }

  // =====================================================================================
  // Source-forge / CI tokens. Shapes: gitleaks cmd/generate/config/rules/github.go, gitlab.go,
  // bitbucket.go, droneci.go; noseyparker rules/github.yml, gitlab.yml, jenkins.yml
  // =====================================================================================
  {
    const t1 = 'ghp_' + r(AN, 36);
    add(`remote: Invalid username or password.\nfatal: Authentication failed for 'https://x-access-token:${t1}@github.com/acme/infra.git/'`, t1);
    const t2 = 'github_pat_11' + r(UP + DG, 20) + '_' + r(AN, 59);
    add(`{"ts":"2025-03-14T08:01:12.331Z","level":"warn","component":"sync","msg":"rate limited","headers":{"authorization":"token ${t2}"}}`, t2);
    const t3 = 'ghs_' + r(AN, 36);
    add(`Run actions/checkout@v4\n  with:\n    token: ${t3}\n    persist-credentials: true`, t3);
    const t4 = 'gho_' + r(AN, 36);
    add(`2025/03/14 09:12:44 gh: loaded hosts.yml github.com: {user: mfernandes, oauth_token: ${t4}, git_protocol: https}`, t4);
    const t5 = 'glpat-' + r(B64U, 20);
    add(`$ curl --header "PRIVATE-TOKEN: ${t5}" "https://gitlab.example.org/api/v4/projects/42/pipelines?status=failed"`, t5);
    const t6 = 'glrt-' + r(B64U, 20);
    add(`Mar 14 09:30:02 runner-03 gitlab-runner[1288]: Registering runner... succeeded  runner=${t6} url=https://gitlab.example.org/`, t6);
    const t7 = 'GR1348941' + r(B64U, 20);
    add(`gitlab-runner register --non-interactive --url https://gitlab.example.org --registration-token ${t7} --executor docker`, t7);
    const t8 = 'ATBB' + r(AN, 32);
    add(`bitbucket_pipelines: APP_PASSWORD=${t8} ./deploy.sh --env staging`, t8);
    const t9 = '11' + r(HEXL, 32);
    add(`Started by remote host 198.51.100.14 with token ${t9} (jenkins user svc-release)`, t9, '198.51.100.14');
    const t10 = 'ghp_' + r(AN, 36);
    add(`npm ERR! code E401\nnpm ERR! Unable to authenticate, your authentication token seems to be invalid.\nnpm ERR! //npm.pkg.github.com/:_authToken=${t10}`, t10);
  }

  // =====================================================================================
  // Messaging / webhooks. Shapes: noseyparker rules/slack.yml, microsoft_teams.yml, telegram.yml;
  // gitleaks rules/discord.go, mattermost.go; Slack webhook B-segment length per
  // https://github.com/Yelp/detect-secrets/pull/325; GitGuardian
  // https://docs.gitguardian.com/secrets-detection/secrets-detection-engine/detectors/specifics/slack_trigger_webhook_url
  // =====================================================================================
  {
    const s1 = 'xoxb-' + r(DG, 12) + '-' + r(DG, 13) + '-' + r(AN, 24);
    add(`slack_sdk.errors.SlackApiError: The request to the Slack API failed. (url: https://slack.com/api/chat.postMessage) token=${s1} channel=C04QX7H2KLM`, s1);
    const s2 = 'xoxp-' + r(DG, 12) + '-' + r(DG, 12) + '-' + r(DG, 13) + '-' + r(HEXL, 32);
    add(`export SLACK_USER_TOKEN="${s2}"`, s2);
    const s3 = r(AN, 24);
    add(`POST https://hooks.slack.com/services/T0${r(UP + DG, 8)}/B0${r(UP + DG, 9)}/${s3} -> 404 no_service`, s3);
    const s4 = 'xapp-1-A0' + r(UP + DG, 9) + '-' + r(DG, 13) + '-' + r(HEXL, 64);
    add(`socket_mode:\n  app_token: ${s4}\n  reconnect: true`, s4);
    const s5 = r(B64U, 68);
    add(`{"level":"error","msg":"discord notify failed","webhook":"https://discord.com/api/webhooks/${r(DG, 19)}/${s5}","status":429}`, s5);
    const s6 = r(DG, 10) + ':AA' + r(B64U, 33);
    add(`telegram.error.Unauthorized: Forbidden: bot was blocked by the user (GET https://api.telegram.org/bot${s6}/getUpdates)`, s6);
    const s7a = r(HEXL, 32), s7b = r(AN, 43);
    add(`teams_webhook_url = "https://contoso.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${s7a}/${uuid()}/V2${s7b}"`, s7a, s7b);
    const s8 = r(AN, 26);
    add(`time="2025-03-14T10:02:11Z" level=info msg="mattermost hook" url=https://chat.acme.io/hooks/${s8}`, s8);
  }

  // =====================================================================================
  // Payments / commerce APIs. Shapes: noseyparker rules/stripe.yml, square.yml, shopify.yml;
  // gitleaks rules/braintree.go, adyen.go, flutterwave.go, duffel.go, easypost.go, gocardless.go
  // =====================================================================================
  {
    const k1 = 'sk_live_51' + r(AN, 97);
    add(`Stripe::AuthenticationError (Invalid API Key provided: ${k1})\n  app/services/charge_service.rb:41:in \`create'`, k1);
    const k2 = 'rk_live_51' + r(AN, 97);
    add(`STRIPE_RESTRICTED_KEY=${k2}`, k2);
    const k3 = 'whsec_' + r(AN, 32);
    add(`{"level":"info","msg":"verifying webhook","endpoint_secret":"${k3}","event":"invoice.paid"}`, k3);
    const k4 = 'EAAA' + r(B64U, 60);
    add(`square.environment=production\nsquare.access_token=${k4}`, k4);
    const k5 = 'shpat_' + r(HEXL, 32);
    add(`X-Shopify-Access-Token: ${k5}\nX-Request-Id: ${uuid()}`, k5);
    const k6 = 'access_token$production$' + r(LO + DG, 16) + '$' + r(HEXL, 32);
    add(`braintree.Configuration(access_token="${k6}")`, k6);
    const k7 = 'FLWSECK-' + r(HEXL, 32) + '-X';
    add(`FLW_SECRET_KEY=${k7} node scripts/refund.js --tx 88213`, k7);
    const k8 = 'duffel_live_' + r(B64U, 43);
    add(`2025-03-14 11:02:41,118 ERROR [booking] Duffel 401 using key ${k8}`, k8);
    const k9 = 'access-production-' + uuid();
    add(`{"event":"plaid_item_linked","item_id":"${r(AN, 37)}","access_token":"${k9}"}`, k9);
    const k10 = 'AQE' + r(B64U, 10) + '.' + r(B64U, 40);
    add(`adyen:\n  environment: LIVE\n  api-key: "${k10}"`, k10);
  }

  // =====================================================================================
  // Email / comms SaaS. Shapes: noseyparker rules/sendgrid.yml, twilio.yml, mailgun.yml,
  // mailchimp.yml, postmark.yml; gitleaks rules/mailgun.go, mailchimp.go
  // =====================================================================================
  {
    const k1 = 'SG.' + r(B64U, 22) + '.' + r(B64U, 43);
    add(`python_http_client.exceptions.UnauthorizedError: HTTP Error 401: Unauthorized (api_key='${k1}')`, k1);
    const sid = 'AC' + r(HEXL, 32), tok = r(HEXL, 32);
    add(`twilio.base.exceptions.TwilioRestException: Unable to create record: Authenticate\nClient(account_sid='${sid}', auth_token='${tok}')`, tok);
    const k3 = 'SK' + r(HEXL, 32), k3s = r(AN, 32);
    add(`TWILIO_API_KEY=${k3}\nTWILIO_API_SECRET=${k3s}`, k3s);
    const k4 = 'key-' + r(HEXL, 32);
    add(`curl -s --user 'api:${k4}' https://api.mailgun.net/v3/mg.acme.io/messages -F to=ops@acme.io`, k4);
    const k5 = r(HEXL, 32) + '-us21';
    add(`mailchimp_marketing.ApiClient().set_config({"api_key": "${k5}", "server": "us21"})`, k5);
    const k6 = uuid();
    add(`X-Postmark-Server-Token: ${k6}`, k6);
    const k7 = 'xkeysib-' + r(HEXL, 64) + '-' + r(AN, 16);
    add(`brevo: {"api-key": "${k7}"}`, k7);
    const k8 = 're_' + r(AN, 8) + '_' + r(AN, 24);
    add(`[resend] send failed 422 key=${k8} to=ines.marchetti@libero.it`, k8, 'ines.marchetti@libero.it');
  }

  // =====================================================================================
  // Package registries. Shapes: noseyparker rules/npm.yml, pypi.yml, rubygems.yml, nuget.yml,
  // dockerhub.yml, crates.io.yml, gradle.yml; gitleaks rules/clojars.go, jfrog.go, artifactory.go
  // =====================================================================================
  {
    const k1 = 'npm_' + r(AN, 36);
    add(`//registry.npmjs.org/:_authToken=${k1}\nalways-auth=true`, k1);
    const k2 = 'pypi-AgEIcHlwaS5vcmc' + r(B64U, 120);
    add(`+ twine upload --non-interactive -u __token__ -p ${k2} dist/*`, k2);
    const k3 = 'rubygems_' + r(HEXL, 48);
    add(`---\n:rubygems_api_key: ${k3}`, k3);
    const k4 = 'oy2' + r(LO + DG, 43);
    add(`dotnet nuget push bin/Release/Acme.Core.3.2.0.nupkg --api-key ${k4} --source https://api.nuget.org/v3/index.json`, k4);
    const k5 = 'dckr_pat_' + r(B64U, 27);
    add(`echo ${k5} | docker login -u acmebuild --password-stdin`, k5);
    const k6 = 'cio' + r(AN, 32);
    add(`[registry]\ntoken = "${k6}"`, k6);
    const k7 = 'AKCp' + r(AN, 69);
    add(`artifactory_api_key=${k7} ./gradlew publish`, k7);
    const k8 = r(AN, 20);
    add(`gradle.properties: mavenUser=deploy\nmavenPassword=${k8}`, k8);
    const k9 = 'CLOJARS_' + r(HEXL, 60);
    add(`:deploy-repositories [["releases" {:url "https://repo.clojars.org" :username "acme" :password "${k9}"}]]`, k9);
  }

  // =====================================================================================
  // AI / ML providers. Shapes: noseyparker rules/openai.yml, anthropic.yml, huggingface.yml,
  // groq.yml; gitleaks rules/anthropic.go, huggingface.go, groq.go, cohere.go, langsmith.go
  // =====================================================================================
  {
    const k1 = 'sk-proj-' + r(B64U, 74) + 'T3BlbkFJ' + r(B64U, 74);
    add(`openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ${k1}.', 'type': 'invalid_request_error'}}`, k1);
    const k2 = 'sk-ant-api03-' + r(B64U, 93) + 'AA';
    add(`{"level":"error","service":"summarizer","msg":"anthropic call failed","x-api-key":"${k2}","status":401}`, k2);
    const k3 = 'hf_' + r(UP + LO, 34);
    add(`huggingface-cli login --token ${k3} --add-to-git-credential`, k3);
    const k4 = 'gsk_' + r(AN, 52);
    add(`GROQ_API_KEY=${k4}`, k4);
    const k5 = 'r8_' + r(AN, 37);
    add(`replicate.exceptions.ReplicateError: Unauthenticated (token r8_…) full=${k5}`, k5);
    const k6 = 'lsv2_pt_' + r(HEXL, 32) + '_' + r(HEXL, 10);
    add(`os.environ["LANGCHAIN_API_KEY"] = "${k6}"`, k6);
    const k7 = 'sk-' + r(AN, 20) + 'T3BlbkFJ' + r(AN, 20);
    add(`2025-03-14 12:00:03 WARNING openai: retrying request with api_key=${k7} (attempt 2/5)`, k7);
    const k8 = 'pplx-' + r(AN, 48);
    add(`perplexity: {"authorization":"Bearer ${k8}"}`, k8);
  }

  // =====================================================================================
  // Infra / observability / misc SaaS. Shapes: gitleaks rules/digitalocean.go, databricks.go,
  // grafana.go, doppler.go, linear.go, heroku.go, hashicorp.go, hashicorp_vault.go, age.go,
  // atlassian.go, dynatrace.go, flyio.go, clickhouse.go, airtable.go, launchdarkly.go, hubspot.go,
  // intercom.go, mapbox.go, cloudflare.go, 1password.go; noseyparker rules/postman.yml,
  // newrelic.yml, okta.yml, sonarqube.yml, figma.yml, salesforce.yml, truenas.yml, wireguard.yml;
  // Tailscale prefixes https://tailscale.com/kb/1277/key-prefixes and GitGuardian
  // https://docs.gitguardian.com/secrets-detection/secrets-detection-engine/detectors/specifics/tailscale_api_key
  // =====================================================================================
  {
    const k1 = 'dop_v1_' + r(HEXL, 64);
    add(`doctl auth init --access-token ${k1}`, k1);
    const k2 = 'dapi' + r(HEXL, 32);
    add(`[DEFAULT]\nhost = https://adb-${r(DG, 16)}.7.azuredatabricks.net\ntoken = ${k2}`, k2);
    const k3 = 'glsa_' + r(AN, 32) + '_' + r(HEXL, 8);
    add(`grafana-agent: remote_write auth: basic_auth={username: 1182233, password: ${k3}}`, k3);
    const k4 = 'dp.st.prd.' + r(AN, 40);
    add(`DOPPLER_TOKEN=${k4} doppler run -- node server.js`, k4);
    const k5 = 'lin_api_' + r(AN, 40);
    add(`{"msg":"linear sync","auth":"${k5}","team":"ENG"}`, k5);
    const k6 = 'HRKU-AA' + r(B64U, 58);
    add(`heroku config:set -a acme-web HEROKU_API_KEY=${k6}`, k6);
    const k7 = r(AN, 14) + '.atlasv1.' + r(AN, 67);
    add(`credentials "app.terraform.io" {\n  token = "${k7}"\n}`, k7);
    const k8 = 'hvs.CAESI' + r(B64U, 86);
    add(`Error making API request.\n\nURL: GET https://vault.acme.internal:8200/v1/secret/data/payments\nCode: 403. Errors:\n* permission denied (X-Vault-Token: ${k8})`, k8);
    const k9 = 'AGE-SECRET-KEY-1' + r('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58);
    add(`# created: 2025-03-01T10:00:00Z\n# public key: age1${r('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}\n${k9}`, k9);
    const k10 = 'ATATT3xFfGF0' + r(B64U, 170) + '=' + r(HEXU, 8);
    add(`jira.exceptions.JIRAError: JiraError HTTP 401 url: https://acme.atlassian.net/rest/api/3/myself basic_auth=('svc-jira@acme.io', '${k10}')`, k10);
    const k11 = 'dt0c01.' + r(UP + DG, 24) + '.' + r(UP + DG, 64);
    add(`DT_API_TOKEN="${k11}"`, k11);
    const k12 = 'fm2_' + r(B64, 160) + '==';
    add(`flyctl deploy --access-token "FlyV1 ${k12}"`, k12);
    const k13 = 'PMAK-' + r(HEXL, 24) + '-' + r(HEXL, 34);
    add(`newman run collection.json --env-var "postman_api_key=${k13}"`, k13);
    const k14 = 'NRAK-' + r(UP + DG, 27);
    add(`NEW_RELIC_API_KEY: ${k14}`, k14);
    const k15 = '00' + r(B64U, 40);
    add(`okta:\n  client:\n    orgUrl: https://acme.okta.com\n    token: ${k15}`, k15);
    const k16 = 'squ_' + r(HEXL, 40);
    add(`+ sonar-scanner -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=${k16}`, k16);
    const k17 = 'tskey-auth-k' + r(AN, 10) + 'CNTRL-' + r(AN, 33);
    add(`tailscale up --authkey=${k17} --advertise-tags=tag:ci`, k17);
    const k18 = 'pat' + r(AN, 14) + '.' + r(HEXL, 64);
    add(`AIRTABLE_TOKEN=${k18}`, k18);
    const k19 = 'sdk-' + uuid();
    add(`[LaunchDarkly] Client initialized with SDK key ${k19}`, k19);
    const k20 = 'pat-na1-' + uuid();
    add(`hubspot.crm.contacts.basic_api.get_page failed: 401 (access_token=${k20})`, k20);
    const k21 = b64('tok:' + uuid() + ':1:0');
    add(`Intercom::AuthenticationError token=${k21}`, k21);
    const k22 = 'sk.' + b64url(JSON.stringify({ u: 'acme-maps', a: r(LO + DG, 25) })) + '.' + r(B64U, 22);
    add(`MAPBOX_DOWNLOADS_TOKEN=${k22}`, k22);
    const k23 = r(B64U, 40);
    add(`Error: Authentication error (10000) — CF_API_TOKEN=${k23} zone=acme.io`, k23);
    const k24 = r(HEXL, 37);
    add(`X-Auth-Email: ops@acme.io\nX-Auth-Key: ${k24}`, k24, 'ops@acme.io');
    const k25 = 'sbp_' + r(HEXL, 40);
    add(`supabase link --project-ref ${r(LO, 20)} --password '${pwHuman()}' # token ${k25}`, k25);
    const k26 = 'figd_' + r(B64U, 40);
    add(`X-Figma-Token: ${k26}`, k26);
    const k27 = '00D' + r(AN, 12) + '!AQ' + r(AN + '._', 94);
    add(`sfdx force:auth:accesstoken:store --instanceurl https://acme.my.salesforce.com (SFDX_ACCESS_TOKEN=${k27})`, k27);
    const k28 = int(2, 30) + '-' + r(AN, 64);
    add(`{"id":"${uuid()}","msg":"method","method":"auth.login_with_api_key","params":["${k28}"]}`, k28);
    const k29 = r(B64, 42) + pick(['A', 'E', 'I', 'M', 'Q', 'U', 'Y', 'c', 'g', 'k', 'o', 's', 'w', '0', '4', '8']) + '=';
    add(`[Interface]\nAddress = 10.66.0.7/32\nPrivateKey = ${k29}\nDNS = 1.1.1.1`, k29);
    const k30 = r(HEXL, 32), k30b = r(HEXL, 40);
    add(`DD_API_KEY=${k30} DD_APP_KEY=${k30b} datadog-ci sourcemaps upload ./dist`, k30, k30b);
    const k31 = 'pul-' + r(HEXL, 40);
    add(`PULUMI_ACCESS_TOKEN=${k31} pulumi up --yes --stack prod`, k31);
    const k32 = 'ops_eyJ' + r(B64U, 250);
    add(`OP_SERVICE_ACCOUNT_TOKEN=${k32}`, k32);
    const k33 = r(B64U, 86) + '==';
    add(`influx config create --config-name prod --host-url https://eu-central-1-1.aws.cloud2.influxdata.com --org acme --token ${k33} --active`, k33);
    const k34 = 'sntryu_' + r(HEXL, 64);
    add(`sentry-cli --auth-token ${k34} releases new 4.18.2`, k34);
    const k35 = r(HEXL, 32);
    add(`algolia: {"appId":"${r(UP + DG, 10)}","adminApiKey":"${k35}"}`, k35);
    const k36 = 'ntn_' + r(DG, 11) + r(AN, 35);
    add(`notion_client.errors.APIResponseError: API token is invalid. auth=${k36}`, k36);
    const k37 = 'AAAA' + r(B64U, 7) + ':APA91b' + r(B64U, 134);
    add(`FCM legacy send: Authorization: key=${k37}`, k37);
    const k38 = r(DG, 15), k38s = r(B64U, 27);
    add(`CLOUDINARY_URL=cloudinary://${k38}:${k38s}@acme-media`, k38s);
  }

  // =====================================================================================
  // Passwords in many syntaxes. Contexts: gitleaks cmd/generate/config/rules/curl.go,
  // database.go, generic.go; noseyparker rules/generic.yml (np.generic.3-14), psexec.yml,
  // netrc.yml, odbc.yml; OWASP Logging Vocabulary Cheat Sheet (authn_login_fail events)
  // https://cheatsheetseries.owasp.org/cheatsheets/Logging_Vocabulary_Cheat_Sheet
  // =====================================================================================
  {
    let p = pwHuman();
    add(`level=warn msg="login failed" user=d.kowalski password=${p} attempts=3`, p);
    p = pwRandom();
    add(`{"timestamp":"2025-03-14T09:00:01Z","event":"authn_login_fail","username":"j.mbeki","password":"${p}","ip":"203.0.113.61"}`, p, '203.0.113.61');
    p = pwHuman();
    add(`spring:\n  datasource:\n    url: jdbc:postgresql://pg-primary:5432/orders\n    username: orders_app\n    password: ${p}`, p);
    p = pwRandom(14);
    add(`<settings><servers><server><id>nexus-releases</id><username>deployer</username><password>${p}</password></server></servers></settings>`, p);
    p = pwUrl();
    add(`+ mysql -h db.internal -u root -p'${p}' -e "SHOW DATABASES"`, p);
    p = pwUrl(20);
    add(`PGPASSWORD=${p} psql -h 10.20.0.5 -U reporting -d warehouse -c '\\copy sales to stdout csv'`, p);
    p = pwHuman();
    add(`sshpass -p '${p}' ssh -o StrictHostKeyChecking=no deploy@192.0.2.44 'systemctl restart api'`, p, '192.0.2.44');
    p = pwUrl(16);
    add(`docker login -u acme-ci -p ${p} registry.acme.io\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.`, p);
    p = pwHuman();
    add(`$cred = New-Object System.Management.Automation.PSCredential('CORP\\svc_backup', (ConvertTo-SecureString '${p}' -AsPlainText -Force))`, p);
    p = pwRandom(12);
    add(`net use Z: \\\\fs02.corp.local\\finance /user:CORP\\a.lindqvist ${p} /persistent:no`, p);
    p = pwUrl(14);
    add(`cmd.exe /C PsExec.exe \\\\198.51.100.120 -u Administrator -p ${p} -s cmd /c ipconfig`, p, '198.51.100.120');
    p = pwHuman();
    add(`ALTER USER 'analytics'@'%' IDENTIFIED BY '${p}';`, p);
    p = pwHuman();
    add(`2025-03-14 10:11:12.001 UTC [4412] LOG:  statement: CREATE ROLE billing_ro WITH LOGIN PASSWORD '${p}' VALID UNTIL '2026-01-01';`, p);
    p = pwUrl(18);
    add(`kubectl create secret generic db-creds --from-literal=username=app --from-literal=password=${p} -n payments`, p);
    p = pwUrl(18);
    add(`helm upgrade --install redis bitnami/redis --set auth.password=${p} --namespace cache`, p);
    p = pwUrl(16);
    add(`aws rds create-db-instance --db-instance-identifier reports --engine postgres --master-username dbadmin --master-user-password ${p}`, p);
    p = pwUrl(16);
    add(`machine ftp.partner-edi.com login acme_edi password ${p}`, p);
    p = pwUrl(16);
    add(`db.internal:5432:*:replicator:${p}`, p);
    p = pwHuman();
    add(`define( 'DB_PASSWORD', '${p}' );`, p);
    p = pwRandom(18);
    add(`psycopg2.OperationalError: connection to server failed; kwargs={'host': 'pg.acme.internal', 'user': 'etl', 'password': '${p}', 'dbname': 'dw'}`, p);
    p = pwHuman();
    add(`POST /api/v1/session HTTP/1.1\nHost: portal.acme.io\nContent-Type: application/x-www-form-urlencoded\n\nusername=r.okafor%40acme.io&password=${encodeURIComponent(p)}&remember=1`, encodeURIComponent(p), 'r.okafor%40acme.io');
    p = pwHuman();
    add(`{"operationName":"Login","variables":{"input":{"email":"harriet.nguyen@outlook.com","password":"${p}"}}}`, p, 'harriet.nguyen@outlook.com');
    p = pwUrl(12);
    add(`GET /legacy/login.php?user=t.bauer&pass=${p} HTTP/1.1" 302 0 "-" "Mozilla/5.0"`, p);
    p = pwHuman();
    add(`[database]\nhost = 127.0.0.1\nuser = ledger\npasswd = ${p}`, p);
    p = pwUrl(20);
    add(`[smtp]\nhost = "smtp.office365.com"\nusername = "alerts@acme.io"\npassword = "${p}"`, p, 'alerts@acme.io');
    p = pwHuman();
    add(`mail.smtp.password=${p}`, p);
    p = pwUrl(14);
    add(`redis-cli -h cache-prod.acme.internal -a ${p} --no-auth-warning INFO replication`, p);
    p = pwUrl(16);
    add(`ldapsearch -x -H ldaps://dc1.corp.local -D "cn=svc-ldap,ou=svc,dc=corp,dc=local" -w '${p}' -b "dc=corp,dc=local" "(mail=*)"`, p);
    p = pwUrl(14);
    add(`smbclient //nas01/scans -U scanner%${p} -c 'ls'`, p);
    p = pwUrl(16);
    add(`xfreerdp /v:203.0.113.200 /u:helpdesk /p:${p} /cert:ignore`, p, '203.0.113.200');
    p = pwUrl(18);
    add(`keytool -importkeystore -srckeystore tls.p12 -srcstoretype PKCS12 -srcstorepass ${p} -destkeystore server.jks -deststorepass ${p}`, p);
    p = pwUrl(18);
    add(`openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:${p}`, p);
    p = pwHuman();
    add(`wget --user=reports --password='${p}' https://files.acme.io/exports/daily.csv`, p);
    p = pwUrl(16);
    add(`ansible-playbook site.yml -i prod -e "ansible_become_pass=${p}"`, p);
    p = pwHuman();
    add(`terraform apply -auto-approve -var "db_password=${p}"`, p);
    p = pwHuman();
    add(`INFO  [main] c.a.b.ConfigDump - effective config: {db.url=jdbc:mysql://mysql-1:3306/crm, db.user=crm_app, db.password=${p}, cache.ttl=300}`, p);
    p = pwRandom(15);
    add(`Set-Content : UserName="CONTOSO\\svc_sql" Password="${p}" while writing C:\\ProgramData\\Agent\\agent.ini`, p);
    p = pwHuman();
    add(`<component name="Microsoft-Windows-Shell-Setup"><AutoLogon><Password><Value>${p}</Value><PlainText>true</PlainText></Password><Username>kioskadmin</Username></AutoLogon></component>`, p);
    p = pwHuman();
    add(`echo "The default password for the user 'pos-terminal' is '${p}'"`, p);
    p = pwRandom(16);
    add(`Mar 14 09:12:01 app01 sudo: pam_unix(sudo:auth): conversation failed; user typed "${p}" at login prompt for user mchen`, p);
    p = pwHuman();
    add(`DB_PASS=${p}\nDB_USER=inventory\nDB_HOST=10.0.3.11`, p);
    p = pwUrl(16);
    add(`curl -s -u elastic:${p} -X GET "https://es01.acme.internal:9200/_cluster/health?pretty"`, p);
    p = pwHuman();
    add(`new NetworkCredential("svc-mailer@acme.io", "${p}")`, p, 'svc-mailer@acme.io');
    p = pwUrl(16);
    add(`gcloud sql users set-password reporting --instance=pg-prod --password=${p}`, p);
    p = pwUrl(16);
    add(`htpasswd -b -c /etc/nginx/.htpasswd grafana ${p}`, p);
    p = pwUrl(16);
    add(`{"level":"debug","logger":"kafka","msg":"sasl config","sasl.jaas.config":"org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"svc-orders\\" password=\\"${p}\\";"}`, p);
  }

  // =====================================================================================
  // Password hashes (crackable offline). Shapes: noseyparker rules/hashes.yml
  // =====================================================================================
  {
    const h1 = '$6$' + r(AN + './', 16) + '$' + r(AN + './', 86);
    add(`/etc/shadow: deploy:${h1}:19780:0:99999:7:::`, h1);
    const h2 = '$2y$12$' + r(AN + './', 53);
    add(`UPDATE users SET password_hash = '${h2}' WHERE email = 'l.ferreira@acme.io';`, h2, 'l.ferreira@acme.io');
    const h3 = '$apr1$' + r(AN + './', 8) + '$' + r(AN + './', 22);
    add(`metrics:${h3}`, h3);
  }

  // =====================================================================================
  // Connection strings / DSNs. Shapes: noseyparker rules/odbc.yml, mongo.yml, postgres.yml;
  // gitleaks rules/clickhouse.go; SQL Server login-failure text per
  // http://msdn.microsoft.com/en-us/library/ms366351.aspx
  // =====================================================================================
  {
    let p = pwUrl(20);
    add(`panic: dial tcp: lookup pg-prod: no such host (dsn=postgres://orders_app:${p}@pg-prod.acme.internal:5432/orders?sslmode=require)`, p);
    p = pwUrl(18);
    add(`pymongo.errors.OperationFailure: bad auth : Authentication failed., full error: {'ok': 0} uri=mongodb+srv://analytics:${p}@cluster0.q8x2k.mongodb.net/prod?retryWrites=true`, p);
    p = pwRandom(14).replace(/[;=]/g, 'x');
    add(`System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'svc_reporting'.\n   at System.Data.SqlClient.SqlInternalConnectionTds..ctor(...) ConnectionString: Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=Reporting;User ID=svc_reporting;Password=${p};Encrypt=True;`, p);
    p = pwUrl(16);
    add(`org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; url=jdbc:mysql://mysql-1.acme.internal:3306/crm?user=crm_app&password=${p}&useSSL=true`, p);
    p = pwUrl(16);
    add(`CELERY_BROKER_URL=amqps://orders:${p}@b-3f1c.mq.eu-west-1.amazonaws.com:5671/prod`, p);
    p = pwUrl(24);
    add(`redis.exceptions.AuthenticationError: invalid username-password pair (url=rediss://default:${p}@redis-14522.c9.eu-west-1-2.ec2.cloud.redislabs.com:14522/0)`, p);
    p = pwUrl(14);
    add(`SQL> connect scott/${p}@//ora-prod.acme.internal:1521/ORCLPDB1`, p);
    p = pwUrl(16);
    add(`sql.Open("mysql", "billing:${p}@tcp(10.0.8.21:3306)/billing?parseTime=true")`, p);
    p = pwUrl(16);
    add(`AIRFLOW_CONN_WAREHOUSE='snowflake://etl_user:${p}@xy12345.eu-central-1/ANALYTICS/PUBLIC?warehouse=ETL_WH&role=ETL'`, p);
    p = pwUrl(16);
    add(`Driver={ODBC Driver 18 for SQL Server};Server=tcp:10.0.0.40,1433;Database=HR;Uid=hr_sync;Pwd=${p};TrustServerCertificate=yes`, p);
    p = pwUrl(16);
    add(`<add name="Main" connectionString="Data Source=SQL02;Initial Catalog=Crm;User Id=crm_web;Password=${p};" providerName="System.Data.SqlClient" />`, p);
    p = pwUrl(16);
    add(`clickhouse-client --host ch.acme.io --secure --port 9440 --user default --password ${p} --query "SELECT 1"`, p);
    p = pwUrl(16);
    add(`EMAIL_URL=smtp+tls://postmaster%40mg.acme.io:${p}@smtp.mailgun.org:587`, p);
    p = pwUrl(16);
    add(`mqtt: connecting to mqtts://sensor-gw:${p}@iot.acme.io:8883 failed: not authorized`, p);
    const p2 = pwHuman();
    const enc = encodeURIComponent(p2);
    add(`DATABASE_URL=postgresql://app_rw:${enc}@ep-cold-sky-482913.eu-central-1.aws.neon.tech/app?sslmode=require`, enc);
    p = pwUrl(16);
    add(`fatal: unable to access 'https://deploy:${p}@git.acme.io/platform/charts.git/': The requested URL returned error: 403`, p);
    p = pwUrl(16);
    add(`pip install --index-url https://pypi-reader:${p}@nexus.acme.io/repository/pypi-group/simple acme-sdk==2.4.1`, p);
    p = pwUrl(16);
    add(`ftp://edi_upload:${p}@ftp.partner-edi.com/inbound/ — 530 Login incorrect.`, p);
  }

  // =====================================================================================
  // HTTP auth headers, cookies, sessions, OAuth. Shapes: noseyparker rules/http.yml (Basic /
  // Bearer), jwt.yml; gitleaks rules/curl.go (CurlHeaderAuth), jwt.go; OWASP / corecode.pro
  // "Logging Sensitive Data" (https://corecode.pro/application-security/sensitive-logging-pitfalls)
  // =====================================================================================
  {
    const basic = b64('svc-metrics:' + pwUrl(18));
    add(`GET /api/v2/metrics HTTP/1.1\nHost: metrics.acme.io\nAuthorization: Basic ${basic}\nAccept: application/json`, basic);
    const t1 = jwt({ alg: 'RS256', typ: 'JWT', kid: r(AN, 16) }, { sub: 'auth0|' + r(HEXL, 24), email: 'beatriz.souza@gmail.com', iat: 1741942800, exp: 1741946400 }, 342);
    add(`{"level":"info","msg":"incoming request","http.request.header.authorization":"Bearer ${t1}","http.route":"/orders/:id"}`, t1);
    const t2 = jwt({ alg: 'HS256', typ: 'JWT' }, { uid: int(10000, 99999), role: 'admin', iat: 1741942800 });
    add(`127.0.0.1 - - [14/Mar/2025:12:01:44 +0000] "GET /ws?access_token=${t2} HTTP/1.1" 101 0`, t2);
    const sid = 's%3A' + r(B64U, 32) + '.' + encodeURIComponent(r(B64, 43));
    add(`Set-Cookie: connect.sid=${sid}; Path=/; Expires=Fri, 14 Mar 2025 14:00:00 GMT; HttpOnly; Secure`, sid);
    const dj = r(LO + DG, 32), csrf = r(AN, 32);
    add(`Cookie: csrftoken=${csrf}; sessionid=${dj}; django_language=en`, dj, csrf);
    const js = r(HEXU, 32);
    add(`java.lang.IllegalStateException: Session already invalidated (JSESSIONID=${js}) at org.apache.catalina.session.StandardSession.getAttribute(StandardSession.java:1136)`, js);
    const php = r(LO + DG, 26);
    add(`PHP Warning:  session_start(): Failed to read session data: files (path: /var/lib/php/sessions) PHPSESSID=${php}`, php);
    const asp = r('abcdefghijklmnopqrstuvwxyz012345', 24);
    add(`Cookie: ASP.NET_SessionId=${asp}; .ASPXAUTH=${r(HEXU, 160)}`, asp);
    const core = 'CfDJ8' + r(B64U, 200);
    add(`info: Microsoft.AspNetCore.Hosting.Diagnostics[1] Request starting HTTP/2 GET https://app.acme.io/account - Cookie: .AspNetCore.Cookies=${core}`, core);
    const lara = 'eyJpdiI6I' + r(B64, 180) + '%3D%3D';
    add(`laravel_session=${lara}; XSRF-TOKEN=${r(B64, 60)}`, lara);
    const rt = r(B64U, 64);
    add(`{"level":"debug","msg":"token refreshed","response":{"access_token":"${r(B64U, 40)}","refresh_token":"${rt}","expires_in":3600}}`, rt);
    const cs = r(B64U, 40);
    add(`POST /oauth/token HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&client_id=reporting-svc&client_secret=${cs}&scope=read`, cs);
    const frag = r(B64U, 86);
    add(`Navigated to https://app.acme.io/callback#access_token=${frag}&token_type=Bearer&expires_in=3599`, frag);
    const apiKey = r(HEXL, 32);
    add(`curl -X GET https://api.acme-partner.com/v1/orders -H "X-Api-Key: ${apiKey}" -H "Accept: application/json"`, apiKey);
    const pb = b64('proxyuser:' + pwUrl(14));
    add(`CONNECT api.stripe.com:443 HTTP/1.1\nProxy-Authorization: Basic ${pb}`, pb);
    const opaque = r(AN + '._~+/-', 48);
    add(`WARN  [http-nio-8080-exec-7] o.a.c.RequestLogger : headers={host=api.acme.io, authorization=Bearer ${opaque}, user-agent=okhttp/4.12.0}`, opaque);
    const na = jwt({ alg: 'dir', enc: 'A256GCM' }, { email: 'kwame.asante@proton.me' }, 22);
    add(`Cookie: __Secure-next-auth.session-token=${na}`, na);
    const esKey = b64(r(AN, 20) + ':' + r(B64U, 22));
    add(`Authorization: ApiKey ${esKey}`, esKey);
    const sb = jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: r(LO, 20), role: 'service_role', iat: 1741000000, exp: 2056576000 });
    add(`SUPABASE_SERVICE_ROLE_KEY=${sb}`, sb);
    const wpc = 'admin%7C1742000000%7C' + r(AN, 43) + '%7C' + r(HEXL, 64);
    add(`Cookie: wordpress_logged_in_${r(HEXL, 32)}=${wpc}`, wpc);
    const rs = r(HEXL, 40);
    add(`Started GET "/dashboard" for 198.51.100.23 at 2025-03-14 12:00:00 +0000 | Cookie: _acme_session=${rs}--${r(HEXL, 40)}`, rs, '198.51.100.23');
    const dig = r(HEXL, 32);
    add(`Authorization: Bearer ${dig}`, dig);
    const tk = jwt({ alg: 'RS256', kid: r(AN, 20) }, { iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'payments', sub: 'system:serviceaccount:payments:deployer' }, 342);
    add(`users:\n- name: deployer\n  user:\n    token: ${tk}`, tk);
  }

  // =====================================================================================
  // Private keys / key material. Shapes: gitleaks cmd/generate/config/rules/PKCS8.go, RSA.go;
  // noseyparker rules/pem.yml; advanced-security/secret-scanning-custom-patterns README.md
  // =====================================================================================
  {
    const l1 = pemLines('MIIEpAIBAAKCAQEA', 1590);
    add(`-----BEGIN RSA PRIVATE KEY-----\n${l1.join('\n')}\n-----END RSA PRIVATE KEY-----`, l1[2]!, l1[12]!);
    const l2 = pemLines('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACB', 400, 70);
    add(`ssh-agent: loaded /root/.ssh/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\n${l2.join('\n')}\n-----END OPENSSH PRIVATE KEY-----`, l2[2]!, l2[4]!);
    const l3 = pemLines('MHcCAQEEI', 160);
    add(`tls.key: |\n  -----BEGIN EC PRIVATE KEY-----\n  ${l3.join('\n  ')}\n  -----END EC PRIVATE KEY-----`, l3[1]!);
    const l4 = pemLines('MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI', 1740);
    add(`{"level":"debug","msg":"loaded signing key","pem":"-----BEGIN ENCRYPTED PRIVATE KEY-----\\n${l4.join('\\n')}\\n-----END ENCRYPTED PRIVATE KEY-----"}`, l4[5]!, l4[20]!);
    const l5 = pemLines('lQdGBGX', 900);
    add(`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${l5.join('\n')}\n=${r(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`, l5[3]!, l5[9]!);
    const l6 = pemLines('AAABAQ', 900);
    add(`PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key-20250314\nPublic-Lines: 6\n${pemLines('AAAAB3NzaC1yc2EAAAADAQABAAABAQ', 370).join('\n')}\nPrivate-Lines: 14\n${l6.join('\n')}\nPrivate-MAC: ${r(HEXL, 64)}`, l6[2]!, l6[8]!);
    const l7 = pemLines('MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ', 1620);
    add(`apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nstringData:\n  tls.key: "-----BEGIN PRIVATE KEY-----\\n${l7.join('\\n')}\\n-----END PRIVATE KEY-----"`, l7[4]!, l7[15]!);
    const ck = b64(`-----BEGIN RSA PRIVATE KEY-----\n${pemLines('MIIEowIBAAKCAQEA', 900).join('\n')}\n-----END RSA PRIVATE KEY-----\n`);
    add(`    client-certificate-data: ${b64('-----BEGIN CERTIFICATE-----\nMIIC' + r(B64, 60) + '\n-----END CERTIFICATE-----\n')}\n    client-key-data: ${ck}`, ck);
  }

  // =====================================================================================
  // App secrets / signing keys in config dumps. Shapes: gitleaks rules/django.go, generic.go;
  // noseyparker rules/django.yml, kubernetes.yml; gitleaks rules/kubernetes.go (kind: Secret data)
  // =====================================================================================
  {
    const dj = r(LO + DG + '!@#%^&*(-_=+)', 50);
    add(`settings.py loaded: DEBUG=False ALLOWED_HOSTS=['api.acme.io'] SECRET_KEY='${dj}'`, dj);
    const rails = r(HEXL, 128);
    add(`SECRET_KEY_BASE=${rails} bundle exec puma -C config/puma.rb`, rails);
    const na = r(B64, 43) + '=';
    add(`NEXTAUTH_URL=https://app.acme.io\nNEXTAUTH_SECRET=${na}`, na);
    const kpw = b64(pwHuman()), kuser = b64('payments');
    add(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: payments-db\n  namespace: payments\ntype: Opaque\ndata:\n  username: ${kuser}\n  password: ${kpw}`, kpw);
    const dock = b64('acme-ci:' + pwUrl(20));
    add(`{"auths":{"registry.acme.io":{"auth":"${dock}"}},"credsStore":""}`, dock);
    const jwtSecret = r(B64U, 48);
    add(`jwt:\n  signing_key: "${jwtSecret}"\n  issuer: https://auth.acme.io`, jwtSecret);
    const enc = r(B64, 43) + '=';
    add(`ENCRYPTION_KEY=base64:${enc}`, enc);
    const npmpw = b64(pwUrl(16));
    add(`; .npmrc\n//nexus.acme.io/repository/npm-private/:username=ci\n//nexus.acme.io/repository/npm-private/:_password=${npmpw}\n//nexus.acme.io/repository/npm-private/:email=ci@acme.io`, npmpw);
    const nug = pwHuman();
    add(`<packageSourceCredentials><AcmeFeed><add key="Username" value="build" /><add key="ClearTextPassword" value="${nug}" /></AcmeFeed></packageSourceCredentials>`, nug);
    const comp = 'ghp_' + r(AN, 36), compPw = pwUrl(16);
    add(`{"github-oauth":{"github.com":"${comp}"},"http-basic":{"repo.packagist.com":{"username":"token","password":"${compPw}"}}}`, comp, compPw);
  }

  // =====================================================================================
  // Emails. Contexts: microsoft/presidio-research presidio_evaluator/data_generator/raw_data/templates.txt
  // ("send ... to this email [EMAIL_ADDRESS]"); CERT secure-coding guidance on logging PII
  // (https://securecoding.cert.org./confluence/pages/diffpages.action?originalId=88885631&pageId=88881792)
  // =====================================================================================
  {
    add(`{"level":"info","msg":"password reset requested","email":"siobhan.oconnell+alerts@gmail.com","request_id":"${uuid()}"}`, 'siobhan.oconnell+alerts@gmail.com');
    add(`From: "Tomasz Wiśniewski" <tomasz.wisniewski@wp.pl>\nTo: support@acme.io\nSubject: Refund for order 88213`, 'tomasz.wisniewski@wp.pl');
    add(`Traceback (most recent call last):\n  File "/srv/app/users/views.py", line 88, in signup\n    raise DuplicateUser(email)\nusers.errors.DuplicateUser: adaeze.okoro@yahoo.co.uk already registered`, 'adaeze.okoro@yahoo.co.uk');
    add(`INSERT INTO customers (id, name, email) VALUES (4471, 'Lucía Fernández', 'lucia.fernandez@telefonica.es');`, 'lucia.fernandez@telefonica.es');
    add(`GET /unsubscribe?email=ravi.shankar%40infosys.co.in&list=weekly HTTP/1.1" 200 512`, 'ravi.shankar%40infosys.co.in');
    add(`user=MÜLLER.Jonas@web.de action=export_csv rows=1200`, 'MÜLLER.Jonas@web.de');
    add(`mailto:yuki.tanaka@docomo.ne.jp?subject=Invoice%20March`, 'yuki.tanaka@docomo.ne.jp');
    add(`time=2025-03-14T12:00:00Z level=warn msg="bounce" rcpt=<noah.becker@t-online.de> dsn=5.1.1`, 'noah.becker@t-online.de');
    add(`com.acme.auth.UserNotFoundException: No account for principal 'fatima.zahra.benali@orange.fr'\n\tat com.acme.auth.LoginService.authenticate(LoginService.java:212)`, 'fatima.zahra.benali@orange.fr');
    add(`Warning: Failed prop type: Invalid prop \`value\` supplied to \`EmailInput\`, expected "string", got "object" {"email":"chloe.martin@icloud.com"}`, 'chloe.martin@icloud.com');
    add(`k8s event: Normal  Created  pod/notifier-7f9c  Notified on-call owner=dmitri.volkov@yandex.ru`, 'dmitri.volkov@yandex.ru');
    add(`"contacts": ["o'brien.patrick@eircom.net", "sam_lee99@hotmail.com"]`, "o'brien.patrick@eircom.net", 'sam_lee99@hotmail.com');
    add(`2025-03-14 12:03:00 INFO Sent receipt to ESTHER.ADEYEMI@ACME-CORP.COM (order 77120)`, 'ESTHER.ADEYEMI@ACME-CORP.COM');
    add(`git commit --author="Priyanka Iyer <priyanka.iyer@users.noreply.github.com>" -m "fix typo"`, 'priyanka.iyer@users.noreply.github.com');
    add(`Please send my portfolio to this email mateus.oliveira@uol.com.br`, 'mateus.oliveira@uol.com.br');
  }

  // =====================================================================================
  // Phone numbers, international & national formats. UK numbers from Ofcom drama ranges
  // (07700 900xxx, 020 7946 0xxx, 0161 496 0xxx) per http://www.bbc.com/news/blogs-magazine-monitor-32348371;
  // US 555-01xx fictional range; national formats per libphonenumber
  // (giggsey/libphonenumber-for-php README.md: "044 668 18 00" / "+41446681800"); other digits synthetic.
  // =====================================================================================
  {
    const uk1 = '+44 7700 900' + r(DG, 3);
    add(`{"event":"otp_sent","phone":"${uk1}","channel":"sms"}`, uk1);
    const uk2 = '020 7946 0' + r(DG, 3);
    add(`Customer asked to be called back on ${uk2} after 5pm`, uk2);
    const uk3 = '0161 496 0' + r(DG, 3);
    add(`level=info msg="callback scheduled" tel="${uk3}" agent=42`, uk3);
    const us1 = `(212) 555-01${r(DG, 2)}`;
    add(`Twilio delivery failed to ${us1}: 30006 Landline or unreachable carrier`, us1);
    const us2 = `+1-415-555-01${r(DG, 2)}`;
    add(`INSERT INTO contacts (name, phone) VALUES ('Dana Whitfield', '${us2}');`, us2);
    const us3 = `+1202555${'01' + r(DG, 2)}`;
    add(`{"to":"${us3}","template":"appointment_reminder"}`, us3);
    const ca = `416.555.01${r(DG, 2)}`;
    add(`Contact: Marc-André Tremblay, tel. ${ca}`, ca);
    const de1 = `+49 1512 ${r(DG, 7)}`;
    add(`Rückrufnummer: ${de1} (Kunde 55102)`, de1);
    const de2 = `030 ${r(DG, 8)}`;
    add(`2025-03-14 12:10:01 WARN  Telefonnummer ungültig formatiert: ${de2}`, de2);
    const fr1 = `06 ${r(DG, 2)} ${r(DG, 2)} ${r(DG, 2)} ${r(DG, 2)}`;
    add(`Le client joignable au ${fr1} a demandé une annulation.`, fr1);
    const fr2 = `+33 1 99 00 ${r(DG, 2)} ${r(DG, 2)}`;
    add(`appel entrant de ${fr2} -> file d'attente "facturation"`, fr2);
    const ch = `044 668 ${r(DG, 2)} ${r(DG, 2)}`;
    add(`Telefon (Geschäft): ${ch}`, ch);
    const jp = `090-${r(DG, 4)}-${r(DG, 4)}`;
    add(`予約確認 SMS 送信失敗 tel=${jp}`, jp);
    const inn = `+91 98${r(DG, 3)} ${r(DG, 5)}`;
    add(`OTP request for mobile ${inn} throttled (5/min)`, inn);
    const br = `(11) 9${r(DG, 4)}-${r(DG, 4)}`;
    add(`Cliente: Mateus Oliveira, celular ${br}`, br);
    const au = `0491 570 ${pick(['006', '156', '157', '158', '159', '110', '313', '737'])}`;
    add(`level=info msg="sms queued" to="${au}" region=AU`, au);
    const es = `+34 6${r(DG, 2)} ${r(DG, 2)} ${r(DG, 2)} ${r(DG, 2)}`;
    add(`Llamar al ${es} para confirmar la entrega`, es);
    const ng = `+234 803 ${r(DG, 3)} ${r(DG, 4)}`;
    add(`kubectl logs deploy/sms-gw | grep failed -> failed to deliver to ${ng}: DND active`, ng);
    const kr = `010-${r(DG, 4)}-${r(DG, 4)}`;
    add(`고객 연락처 ${kr} 로 배송 알림 전송`, kr);
    const tel = `tel:+44-20-7946-0${r(DG, 3)}`;
    add(`<a href="${tel}">Call us</a> rendered for user 8812`, tel.slice(4));
  }

  // =====================================================================================
  // Payment card numbers (Luhn-valid, random). Contexts: presidio-research templates.txt
  // ("My credit card [CREDIT_CARD_NUMBER] has been lost"); PCI logging concerns per CERT page above.
  // =====================================================================================
  {
    const v = card('4', 16);
    add(`{"level":"error","msg":"charge declined","card_number":"${v}","reason":"insufficient_funds"}`, v);
    const mc = card('5' + int(1, 5), 16);
    add(`payment_attempt pan=${grp(mc, [4, 4, 4, 4], ' ')} exp=09/27 result=DECLINED`, grp(mc, [4, 4, 4, 4], ' '));
    const mc2 = card('2' + pick(['221', '300', '500', '700']), 16);
    add(`INSERT INTO payments (order_id, card) VALUES (9912, '${grp(mc2, [4, 4, 4, 4], '-')}');`, grp(mc2, [4, 4, 4, 4], '-'));
    const ax = card('3' + pick(['4', '7']), 15);
    add(`I have lost my card ${grp(ax, [4, 6, 5], ' ')}. Could you please block my credit card ASAP?`, grp(ax, [4, 6, 5], ' '));
    const ds = card('6011', 16);
    add(`com.acme.pay.GatewayException: AVS mismatch for card ${ds}\n\tat com.acme.pay.Gateway.authorize(Gateway.java:301)`, ds);
    const jcb = card('35' + int(28, 89), 16);
    add(`決済エラー カード番号 ${grp(jcb, [4, 4, 4, 4], ' ')} 有効期限切れ`, grp(jcb, [4, 4, 4, 4], ' '));
    const dn = card('36', 14);
    add(`cardholder=ACME TRAVEL diners=${grp(dn, [4, 6, 4], ' ')}`, grp(dn, [4, 6, 4], ' '));
    const up = card('62', 19);
    add(`{"pan": ${up}, "brand": "unionpay"}`, up);
    const v2 = card('4', 16);
    add(`POST /checkout HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\ncc_number=${v2}&cc_exp=1128&cc_cvv=${r(DG, 3)}&amount=149.00`, v2);
    const v3 = card('4', 16);
    add(`Please charge my credit card. Number is ${grp(v3, [4, 4, 4, 4], '.')}`, grp(v3, [4, 4, 4, 4], '.'));
    const mae = card('6759', 19);
    add(`Maestro PAN received: ${grp(mae, [4, 4, 4, 4, 3], ' ')}`, grp(mae, [4, 4, 4, 4, 3], ' '));
    const mc3 = card('55', 16);
    add(`stripe.error.CardError: Request req_${r(AN, 14)}: Your card was declined. {"number": "${mc3}", "exp_month": 4}`, mc3);
  }

  // =====================================================================================
  // IBANs (mod-97 valid, national check digits where defined). Contexts: presidio-research
  // templates.txt ("My IBAN is [IBAN]", "wire transfer using this IBAN [IBAN]").
  // =====================================================================================
  {
    const de = iban('DE', bbanDE());
    add(`SEPA-Lastschrift fehlgeschlagen: IBAN ${ibanPrint(de)} (Mandat M-2025-0031)`, ibanPrint(de));
    const gb = iban('GB', bbanGB('NWBK'));
    add(`{"payout":{"iban":"${gb}","amount":1250.00,"currency":"GBP"}}`, gb);
    const fr = iban('FR', bbanFR());
    add(`Virement rejeté vers ${ibanPrint(fr)} : compte clôturé`, ibanPrint(fr));
    const nl = iban('NL', bbanNL('INGB'));
    add(`level=warn msg="incasso mislukt" iban=${nl} klant=30412`, nl);
    const es = iban('ES', bbanES());
    add(`Hi Marta, I'm contacting you about a problem with a wire transfer using this IBAN ${ibanPrint(es)}`, ibanPrint(es));
    const be = iban('BE', bbanBE());
    add(`UPDATE suppliers SET iban = '${be}' WHERE id = 118;`, be);
    const ch = iban('CH', bbanCH());
    add(`Zahlung an ${ibanPrint(ch)} ausgeführt`, ibanPrint(ch));
    const pl = iban('PL', bbanPL());
    add(`GET /api/payees?iban=${pl}&country=PL HTTP/1.1" 200 233`, pl);
    const ie = iban('IE', bbanIE('AIBK'));
    add(`Are there any charges applied for money transfer from ${ibanPrint(ie)} to other bank accounts`, ibanPrint(ie));
    const gb2 = iban('GB', bbanGB('BARC'));
    add(`beneficiary_account: ${gb2.toLowerCase()}`, gb2.toLowerCase());
  }

  // =====================================================================================
  // National identifiers. US SSN (area/group/serial rules); UK NINO prefix rules per HMRC NIM39110
  // (http://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim39110); Canadian SIN Luhn
  // per python-stdnum (https://arthurdejong.org/python-stdnum/doc/1.15/stdnum.ca.sin).
  // Contexts: presidio-research templates.txt ("His social security number is [US_SSN]").
  // =====================================================================================
  {
    const s1 = ssn('-');
    add(`{"level":"info","msg":"kyc submitted","applicant":{"ssn":"${s1}","dob":"1986-02-11"}}`, s1);
    const s2 = ssn(' ');
    add(`Here's my SSN: ${s2}`, s2);
    const s3 = ssn('');
    add(`UPDATE employees SET ssn = '${s3}' WHERE emp_id = 2231;`, s3);
    const s4 = ssn('-');
    add(`com.acme.hr.ValidationException: W-4 rejected for taxpayer id ${s4}`, s4);
    const n1 = ninoParts();
    const n1s = n1.join(' ');
    add(`Payroll import row 44: NI number ${n1s} does not match HMRC record`, n1s);
    const n2 = ninoParts().join('');
    add(`{"employee":{"nino":"${n2}","tax_code":"1257L"}}`, n2);
    const n3 = ninoParts();
    const n3s = `${n3[0]}${n3[1]} ${n3[2]} ${n3[3]} ${n3[4]}`;
    add(`level=warn msg="duplicate national insurance number" value="${n3s}"`, n3s);
    const c1 = sin();
    add(`Employee SIN ${grp(c1, [3, 3, 3], ' ')} added to T4 batch 2024`, grp(c1, [3, 3, 3], ' '));
    const c2 = sin();
    add(`{"sin":"${grp(c2, [3, 3, 3], '-')}","province":"ON"}`, grp(c2, [3, 3, 3], '-'));
    const c3 = sin();
    add(`NAS/SIN: ${c3}`, c3);
  }

  // =====================================================================================
  // Public IP addresses (RFC 5737 / RFC 3849 documentation ranges and others). Contexts: SQL Server
  // "Login failed ... [CLIENT: <ip address>]" (http://msdn.microsoft.com/en-us/library/ms366351.aspx);
  // presidio-research templates.txt ("keep getting address [IP_ADDRESS] blocked error").
  // =====================================================================================
  {
    add(`2025-03-14 12:20:01.34 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.77]`, '203.0.113.77');
    add(`Mar 14 12:21:09 bastion sshd[20211]: Failed password for invalid user oracle from 198.51.100.201 port 52144 ssh2`, '198.51.100.201');
    add(`192.0.2.146 - - [14/Mar/2025:12:22:10 +0000] "POST /wp-login.php HTTP/1.1" 403 199 "-" "python-requests/2.31"`, '192.0.2.146');
    add(`X-Forwarded-For: 203.0.113.195, 81.2.69.160, 10.0.0.7`, '203.0.113.195', '81.2.69.160');
    add(`{"level":"warn","msg":"rate limited","client_ip":"2001:db8:85a3::8a2e:370:7334","path":"/api/login"}`, '2001:db8:85a3::8a2e:370:7334');
    add(`I can't browse to your site, keep getting address 89.160.20.112 blocked error`, '89.160.20.112');
    add(`remote_addr=::ffff:198.51.100.9 method=GET path=/health status=200`, '198.51.100.9');
    add(`Error: connect ECONNREFUSED 203.0.113.5:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)`, '203.0.113.5');
    add(`k8s event: Warning  FailedCreatePodSandBox  node/gke-pool-1  denied egress to 2a03:2880:f10c:83:face:b00c:0:25de`, '2a03:2880:f10c:83:face:b00c:0:25de');
    add(`geoip lookup 216.160.83.56 -> US/Milton, asn 209`, '216.160.83.56');
    add(`access denied for 2001:db8:4006:812::200e (not in allowlist)`, '2001:db8:4006:812::200e');
    add(`level=info msg="new session" user_id=88120 ip=175.16.199.1 ua="Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)"`, '175.16.199.1');
  }

  // =====================================================================================
  // User names in home-directory paths (desktop/Electron logs, crash reports, stack traces).
  // Shapes: Windows %USERPROFILE%, macOS /Users, Linux /home, WSL /mnt/c/Users, file:// URLs.
  // =====================================================================================
  {
    add(`[2025-03-14 12:30:00.118] [error] Failed to load C:\\Users\\okafor.chidi\\AppData\\Roaming\\AcmeDesktop\\config.json: EPERM`, 'okafor.chidi');
    add(`{"level":"error","msg":"crash dump written","path":"C:\\\\Users\\\\mlindqvist\\\\AppData\\\\Local\\\\CrashDumps\\\\AcmeDesktop.exe.4412.dmp"}`, 'mlindqvist');
    add(`Error: ENOENT: no such file or directory, open '/Users/priya.raman/Library/Application Support/Acme/settings.json'`, 'priya.raman');
    add(`Traceback (most recent call last):\n  File "/home/tkowalczyk/.local/lib/python3.11/site-packages/acme/cli.py", line 41, in main\n    run()\nKeyError: 'region'`, 'tkowalczyk');
    add(`    at Object.<anonymous> (/home/ewatanabe/projects/billing/src/index.js:12:5)\n    at Module._compile (node:internal/modules/cjs/loader:1554:14)`, 'ewatanabe');
    add(`   at Billing.Program.Main(String[] args) in C:\\Users\\aostrowski\\source\\repos\\Billing\\Program.cs:line 42`, 'aostrowski');
    add(`goroutine 1 [running]:\nmain.main()\n\t/home/kfischer/go/src/github.com/acme/agent/main.go:88 +0x1c5`, 'kfischer');
    add(`Caused by: java.io.FileNotFoundException: /home/jbakker/.m2/repository/com/acme/core/2.1/core-2.1.jar (Permission denied)`, 'jbakker');
    add(`Loading workspace file:///Users/hnakamura/Documents/Acme%20Projects/q3.acme`, 'hnakamura');
    add(`wsl: /mnt/c/Users/fbeaumont/Downloads/installer.sh: line 3: curl: command not found`, 'fbeaumont');
    add(`Opening C:/Users/sdlamini/OneDrive - Contoso/Desktop/report.xlsx failed`, 'sdlamini');
    add(`Crash report: Process: Acme Helper (Renderer) Path: /Users/gonzalez.maria/Applications/Acme.app/Contents/Frameworks/Acme Helper (Renderer).app`, 'gonzalez.maria');
    add(`thread 'main' panicked at /Users/lchen88/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.36.0/src/runtime/blocking/pool.rs:255:16`, 'lchen88');
    add(`Writing backup to \\\\fs01.corp.local\\home$\\rgupta\\backups\\acme-2025-03-14.zip`, 'rgupta');
    add(`E/AcmeSync: cannot stat /home/nmensah/.config/acme-sync/state.db (errno 13)`, 'nmensah');
    add(`Log file: C:\\Documents and Settings\\bvanderberg\\Local Settings\\Temp\\acme-setup.log`, 'bvanderberg');
  }

  // =====================================================================================
  // Mixed-class lines (realistic crash reports / events carrying several kinds at once)
  // =====================================================================================
  {
    const tok = 'ghp_' + r(AN, 36);
    add(`Electron crash report\nuser: C:\\Users\\jrodriguez\\AppData\\Local\\Programs\\acme\\Acme.exe\nenv: GITHUB_TOKEN=${tok}\nemail: javier.rodriguez@gmail.com`, 'jrodriguez', tok, 'javier.rodriguez@gmail.com');
    const pw = pwHuman();
    add(`level=error msg="signup failed" email=amelie.dubois@free.fr phone="+33 6 ${r(DG, 2)} ${r(DG, 2)} ${r(DG, 2)} ${r(DG, 2)}" password="${pw}" ip=198.51.100.66`, 'amelie.dubois@free.fr', pw, '198.51.100.66');
    out[out.length - 1]!.secrets.push(out[out.length - 1]!.text.match(/\+33 6 [\d ]{11}/)![0]);
    const c = card('4', 16), s = ssn('-');
    add(`{"event":"loan_application","applicant":"Grace Kim","ssn":"${s}","card":"${c}","phone":"(646) 555-01${r(DG, 2)}"}`, s, c);
    out[out.length - 1]!.secrets.push(out[out.length - 1]!.text.match(/\(646\) 555-01\d\d/)![0]);
  }

  // sanity: every listed secret must literally occur in its text
  for (const it of out) for (const s of it.secrets) if (!it.text.includes(s)) throw new Error(`secret not in text: ${s} / ${it.text.slice(0, 80)}`);
  return out;
}
