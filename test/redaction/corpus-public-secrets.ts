import { mulberry32 } from '../helpers/prng.ts';
import type { SecretLine } from './corpus.js';

/**
 * A larger held-out-style corpus of telemetry lines that carry a credential, modelled on the
 * true-positive samples of public secret scanners (read with the search tools; shapes, prefixes,
 * lengths and syntaxes were taken from them, never the sample values themselves):
 *
 * - gitleaks/gitleaks (commit b58d3f1): config/gitleaks.toml and cmd/generate/config/rules/*.go;
 * - Yelp/detect-secrets (commit 5e14193): detect_secrets/plugins/*.py and tests/plugins/*_test.py;
 * - trufflesecurity/trufflehog (commit 3ab759f): pkg/detectors/<name>/<name>.go and *_test.go.
 *
 * Every value is synthetic: drawn from a seeded generator in the right alphabet and length, so the
 * file is reproducible and no token in it was ever live. Each line names, in `secrets`, the
 * substrings that must not survive redaction: the whole token for a prefixed provider token, the
 * value alone for a key=value, header, flag or URL credential.
 *
 * Part 1 holds bare provider tokens inside prose (nothing but the token's own shape marks it);
 * part 2 holds values anchored by a key, flag, header, URL userinfo or query parameter.
 */


const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LO = 'abcdefghijklmnopqrstuvwxyz';
const DI = '0123456789';
const AN = UP + LO + DI;
const LAN = LO + DI;
const UAN = UP + DI;
const HEX = '0123456789abcdef';
const B64 = `${AN}+/`;
const B64U = `${AN}-_`;
const LET = UP + LO;
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';
const URLSAFE_PW = `${AN}-_.~`;
const WORDS = ['maple', 'orbit', 'falcon', 'cobalt', 'river', 'lantern', 'quartz', 'tundra', 'ember', 'harbor', 'willow', 'saffron', 'glacier', 'pepper', 'meadow', 'copper'];

export function publicSecretLines(): SecretLine[] {
  const rnd = mulberry32(0x0b5e7a11);
  const r = (cs: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += cs[Math.floor(rnd() * cs.length)];
    return s;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  /** A memorable password of the kind people choose: Word + word + 2 digits + symbol. */
  const human = (syms = '!#$%&*?'): string => `${cap(pick(WORDS))}${pick(WORDS)}${r(DI, 2)}${r(syms, 1)}`;
  /** A generated password with a few symbols. */
  const pw = (n = 16, extra = '!#%*-_.'): string => r(AN + extra, n);
  const urlpw = (n = 18): string => r(URLSAFE_PW, n);
  const uuid = (): string => `${r(HEX, 8)}-${r(HEX, 4)}-4${r(HEX, 3)}-${pick(['8', '9', 'a', 'b'])}${r(HEX, 3)}-${r(HEX, 12)}`;
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
  const jwt = (sigLen = 43, alg = 'HS256'): string =>
    `${b64url(JSON.stringify({ alg, typ: 'JWT', kid: r(LAN, 8) }))}.${b64url(
      JSON.stringify({ sub: `user_${r(DI, 6)}`, iss: 'https://auth.example.com/', aud: 'api', iat: 1767225600 + Math.floor(rnd() * 1e6), exp: 1767229200 + Math.floor(rnd() * 1e6) }),
    )}.${r(B64U, sigLen)}`;
  const pemBody = (lines: number, last = 24): string[] => [...Array.from({ length: lines }, () => r(B64, 64)), `${r(B64, last)}==`];

  const out: SecretLine[] = [];
  const add = (text: string, ...secrets: string[]): void => {
    out.push({ text, secrets });
  };

  // =============================================================================================
  // Part 1: bare provider tokens inside prose
  // =============================================================================================

  // gitleaks/gitleaks cmd/generate/config/rules/github.go; Yelp/detect-secrets detect_secrets/plugins/github_token.py:
  // ghp_/ghu_/ghs_/ghr_ + 36 alphanumerics, github_pat_ + 82 word characters.
  {
    const ghp = `ghp_${r(AN, 36)}`;
    add(`git fetch failed for acme/billing using ${ghp}: 401 Bad credentials`, ghp);
    const ghs = `ghs_${r(AN, 36)}`;
    add(`app installation 5512093 minted ${ghs} (expires in 3600s)`, ghs);
    const ghu = `ghu_${r(AN, 36)}`;
    const ghr = `ghr_${r(AN, 36)}`;
    add(`refreshing ${ghu} with ${ghr} (user-to-server)`, ghu, ghr);
    const pat = `github_pat_${r(AN, 22)}_${r(AN, 59)}`;
    add(`gh: using ${pat} from keychain for acme/infra`, pat);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/gitlab.go: glpat- (classic and routable), gldt-, glrt-t1_,
  // glcbt-, glptt- shapes.
  {
    const glpat = `glpat-${r(B64U, 20)}`;
    add(`project mirror auth ${glpat} rejected: 401 Unauthorized`, glpat);
    const routable = `glpat-${r(B64U, 36)}.01${r(LAN, 7)}`;
    add(`token rotated; new value ${routable} stored in vault`, routable);
    const gldt = `gldt-${r(B64U, 20)}`;
    add(`registry pull as ${gldt} denied`, gldt);
    const glrt = `glrt-t1_${r(B64U, 27)}.0w${r(LAN, 7)}`;
    add(`runner 4412 registered with ${glrt}`, glrt);
    const glcbt = `glcbt-64_${r(AN, 20)}`;
    add(`${glcbt} used after job 88123 finished`, glcbt);
    const glptt = `glptt-${r(HEX, 40)}`;
    add(`pipeline trigger ${glptt} fired for ref main`, glptt);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/slack.go; Yelp/detect-secrets detect_secrets/plugins/slack.py:
  // xoxb-/xoxp-, xapp-1-, xoxe.xoxp-1- and hooks.slack.com webhook shapes.
  {
    const xoxb = `xoxb-${r(DI, 12)}-${r(DI, 13)}-${r(AN, 24)}`;
    add(`slack notify failed: invalid_auth for ${xoxb}`, xoxb);
    const xoxp = `xoxp-${r(DI, 11)}-${r(DI, 12)}-${r(DI, 13)}-${r(HEX, 32)}`;
    add(`users.list called as ${xoxp}`, xoxp);
    const xapp = `xapp-1-A0${r(UAN, 9)}-${r(DI, 13)}-${r(HEX, 64)}`;
    add(`socket mode connecting with ${xapp}`, xapp);
    const xoxe = `xoxe.xoxp-1-${r(UAN, 164)}`;
    add(`manifest update via ${xoxe} expires in 12h`, xoxe);
    const hook = r(AN, 24);
    add(`POST https://hooks.slack.com/services/T0${r(UAN, 8)}/B0${r(UAN, 9)}/${hook} -> 404 no_service`, hook);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/stripe.go; trufflesecurity/trufflehog pkg/detectors/stripepaymentintent:
  // sk_live_/rk_live_ + 10..99 alphanumerics, pi_<24>_secret_<25> client secrets.
  {
    const sk = `sk_live_${r(AN, 99)}`;
    add(`charge failed (api_key_expired) for ${sk}`, sk);
    const rk = `rk_live_${r(AN, 24)}`;
    add(`reporting export ran with restricted key ${rk}`, rk);
    const pi = `pi_${r(AN, 24)}_secret_${r(AN, 25)}`;
    add(`confirmCardPayment called with ${pi}`, pi);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/twilio.go; Yelp/detect-secrets detect_secrets/plugins/twilio.py: SK + 32 hex.
  {
    const sk = `SK${r(HEX, 32)}`;
    add(`twilio: sms send via ${sk} failed (20003 Authenticate)`, sk);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/sendgrid.go; Yelp/detect-secrets detect_secrets/plugins/sendgrid.py: SG.<22>.<43>.
  {
    const sg = `SG.${r(B64U, 22)}.${r(B64U, 43)}`;
    add(`sendgrid mail send 403 using ${sg}`, sg);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/openai.go; Yelp/detect-secrets detect_secrets/plugins/openai.py:
  // sk-proj-/sk-svcacct- with the T3BlbkFJ marker, and the legacy sk-<20>T3BlbkFJ<20>.
  {
    const proj = `sk-proj-${r(B64U, 74)}T3BlbkFJ${r(B64U, 74)}`;
    add(`openai chat.completions 429, retrying with ${proj}`, proj);
    const svc = `sk-svcacct-${r(B64U, 58)}T3BlbkFJ${r(B64U, 58)}`;
    add(`batch worker authenticated as ${svc}`, svc);
    const legacy = `sk-${r(AN, 20)}T3BlbkFJ${r(AN, 20)}`;
    add(`embedding job 7712 failed: invalid_api_key ${legacy}`, legacy);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/anthropic.go: sk-ant-api03-/sk-ant-admin01- + 93 + AA.
  {
    const api = `sk-ant-api03-${r(B64U, 93)}AA`;
    add(`anthropic messages.create 401 authentication_error for ${api}`, api);
    const admin = `sk-ant-admin01-${r(B64U, 93)}AA`;
    add(`workspace listing via ${admin} succeeded`, admin);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/gcp.go (AIza + 35); trufflesecurity/trufflehog pkg/detectors/googleoauth2 (ya29.).
  {
    const aiza = `AIza${r(B64U, 35)}`;
    add(`maps geocode REQUEST_DENIED with ${aiza}`, aiza);
    const ya29 = `ya29.a0${r(B64U, 160)}`;
    add(`gcs upload 401: ${ya29} expired`, ya29);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/npm.go; Yelp/detect-secrets detect_secrets/plugins/npm.py: npm_ + 36.
  {
    const npm = `npm_${r(AN, 36)}`;
    add(`npm ERR! 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fsdk - ${npm} lacks publish rights`, npm);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/pypi.go; Yelp/detect-secrets detect_secrets/plugins/pypi_token.py: pypi-AgEIcHlwaS5vcmc + 50..1000.
  {
    const pypi = `pypi-AgEIcHlwaS5vcmc${r(B64U, 150)}`;
    add(`twine: upload of acme_sdk-2.3.1.tar.gz rejected for ${pypi}`, pypi);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/shopify.go: shpat_/shpss_ + 32 hex.
  {
    const shpat = `shpat_${r(HEX, 32)}`;
    add(`admin api call using ${shpat} throttled (429)`, shpat);
    const shpss = `shpss_${r(HEX, 32)}`;
    add(`webhook hmac verify failed with ${shpss}`, shpss);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/huggingface.go: hf_ / api_org_ + 34 letters.
  {
    const hf = `hf_${r(LET, 34)}`;
    add(`hub download 401 for meta-llama/Llama-3.1-8B with ${hf}`, hf);
    const org = `api_org_${r(LET, 34)}`;
    add(`inference endpoint created by ${org}`, org);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/azure.go; trufflesecurity/trufflehog pkg/detectors/azure_entra/serviceprincipal:
  // Entra client secrets <3>\dQ~<31..34>.
  {
    const sec = `${r(AN, 3)}8Q~${r(`${AN}_~.-`, 34)}`;
    add(`AADSTS7000215: Invalid client secret provided for app 7f3c (${sec})`, sec);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/digitalocean.go: dop_v1_ + 64 hex.
  {
    const dop = `dop_v1_${r(HEX, 64)}`;
    add(`doctl: ${dop} unauthorized`, dop);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/heroku.go: HRKU-AA + 58.
  {
    const hrku = `HRKU-AA${r(B64U, 58)}`;
    add(`heroku platform api: ${hrku} revoked`, hrku);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/mailgun.go: key-<32 hex>, <32>-<8>-<8> signing keys.
  {
    const key = `key-${r(HEX, 32)}`;
    add(`mailgun send to list ops failed, ${key} forbidden`, key);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/atlassian.go: ATATT3 + 186.
  {
    const atatt = `ATATT3${r(B64U, 177)}=${r(HEX.toUpperCase(), 8)}`;
    add(`jira issue sync 401 with ${atatt}`, atatt);
  }

  // Yelp/detect-secrets tests/plugins/discord_test.py; trufflesecurity/trufflehog pkg/detectors/discordwebhook:
  // base64(user id).<6>.<27|38> bot tokens and /api/webhooks/<id>/<68>.
  {
    const bot = `${b64(r(DI, 18)).replace(/=+$/, '')}.${r(B64U, 6)}.${r(B64U, 38)}`;
    add(`gateway IDENTIFY rejected for ${bot}`, bot);
    const wh = r(B64U, 68);
    add(`discord alert POST https://discord.com/api/webhooks/${r(DI, 19)}/${wh} 204`, wh);
  }

  // Yelp/detect-secrets tests/plugins/telegram_token_test.py; gitleaks/gitleaks cmd/generate/config/rules/telegram.go: <id>:AA<33>.
  {
    const t = `AA${r(B64U, 33)}`;
    add(`telegram sendMessage 409 Conflict for bot 7${r(DI, 9)}:${t}`, t);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/square.go; Yelp/detect-secrets detect_secrets/plugins/square_oauth.py: EAAA / sq0atp- / sq0csp-.
  {
    const eaaa = `EAAA${r(B64U, 60)}`;
    add(`square payments create 401 for ${eaaa}`, eaaa);
    const atp = `sq0atp-${r(B64U, 22)}`;
    add(`legacy square credential ${atp} still configured`, atp);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/databricks.go: dapi + 32 hex (+ optional -N).
  {
    const d1 = `dapi${r(HEX, 32)}`;
    add(`databricks jobs api 403 for ${d1}`, d1);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/hashicorp_vault.go and hashicorp.go: hvs. and <14>.atlasv1.<67>.
  {
    const hvs = `hvs.CAESI${r(B64U, 86)}`;
    add(`vault lease renewed for ${hvs}`, hvs);
    const tfc = `${r(LAN, 14)}.atlasv1.${r(B64U, 67)}`;
    add(`terraform login stored ${tfc} for app.terraform.io`, tfc);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/doppler.go; trufflesecurity/trufflehog pkg/detectors/doppler: dp.pt./dp.st.<env>. + 43.
  {
    const pt = `dp.pt.${r(AN, 43)}`;
    add(`doppler me: ${pt} ok`, pt);
    const st = `dp.st.prd.${r(AN, 43)}`;
    add(`doppler secrets download with ${st} (config prd)`, st);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/linear.go (lin_api_ + 40) and postman.go (PMAK-<24 hex>-<34 hex>).
  {
    const lin = `lin_api_${r(AN, 40)}`;
    add(`linear issue sync using ${lin}`, lin);
    const pmak = `PMAK-${r(HEX, 24)}-${r(HEX, 34)}`;
    add(`newman run collection 4411 with ${pmak}`, pmak);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/age.go (AGE-SECRET-KEY-1 + 58 bech32) and 1password.go (A3- secret key).
  {
    const age = `AGE-SECRET-KEY-1${r(BECH32, 58)}`;
    add(`sops: decrypting with ${age}`, age);
    const a3 = `A3-${r(UAN, 6)}-${r(UAN, 11)}-${r(UAN, 5)}-${r(UAN, 5)}-${r(UAN, 5)}`;
    add(`1password account recovery kit exported: ${a3}`, a3);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/grafana.go: glsa_<32>_<8 hex>, eyJrIjoi<70+>.
  {
    const glsa = `glsa_${r(AN, 32)}_${r(HEX, 8)}`;
    add(`grafana provisioning with service account ${glsa}`, glsa);
    const legacy = `eyJrIjoi${r(AN, 72)}`;
    add(`legacy grafana api key ${legacy} found in datasource`, legacy);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/{sentry,notion,pulumi,rubygems}.go;
  // trufflesecurity/trufflehog pkg/detectors/groq/groq.go.
  {
    const sntryu = `sntryu_${r(HEX, 64)}`;
    add(`sentry-cli releases new 2.4.1 using ${sntryu}`, sntryu);
    const ntn = `ntn_${r(DI, 11)}${r(AN, 35)}`;
    add(`notion sync 401 ${ntn}`, ntn);
    const gsk = `gsk_${r(AN, 52)}`;
    add(`groq completion failed: rate limited ${gsk}`, gsk);
    const pul = `pul-${r(HEX, 40)}`;
    add(`pulumi up -s prod authenticated with ${pul}`, pul);
    const gem = `rubygems_${r(HEX, 48)}`;
    add(`gem push acme-2.0.0.gem with ${gem} returned 401`, gem);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/{planetscale,sendinblue,shippo}.go.
  {
    const tkn = `pscale_tkn_${r(B64U, 43)}`;
    add(`pscale deploy-request created with ${tkn}`, tkn);
    const xkeysib = `xkeysib-${r(HEX, 64)}-${r(AN, 16)}`;
    add(`brevo transactional email using ${xkeysib}`, xkeysib);
    const shippo = `shippo_live_${r(HEX, 40)}`;
    add(`label purchase via ${shippo}`, shippo);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/{airtable,alibaba,openshift,clojars,mapbox}.go.
  {
    const pat = `pat${r(AN, 14)}.${r(HEX, 64)}`;
    add(`airtable base sync using ${pat}`, pat);
    const ltai = `LTAI${r(AN, 20)}`;
    add(`oss PutObject denied for ${ltai}`, ltai);
    const ocp = `sha256~${r(B64U, 43)}`;
    add(`oc whoami: ${ocp} is expired`, ocp);
    const clj = `CLOJARS_${r(HEX, 60)}`;
    add(`lein deploy clojars with ${clj}`, clj);
    const mapbox = `sk.${b64url(JSON.stringify({ u: 'acme', a: r(LAN, 25) }))}.${r(B64U, 22)}`;
    add(`mapbox uploads api used ${mapbox}`, mapbox);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/{cloudflare,harness,sourcegraph,teams}.go.
  {
    const ca = `v1.0-${r(HEX, 24)}-${r(HEX, 146)}`;
    add(`origin ca cert request with ${ca}`, ca);
    const harness = `pat.${r(B64U, 22)}.${r(AN, 24)}.${r(AN, 20)}`;
    add(`harness pipeline trigger with ${harness}`, harness);
    const sgp = `sgp_${r(HEX, 16)}_${r(HEX, 40)}`;
    add(`src search 401 for ${sgp}`, sgp);
    const teams = r(HEX, 32);
    add(
      `teams notify POST https://acme.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${teams}/${uuid()} -> 200`,
      teams,
    );
  }

  // trufflesecurity/trufflehog pkg/detectors/{langsmith,tailscale,circleci/v2}.
  {
    const ls = `lsv2_pt_${r(HEX, 32)}_${r(HEX, 10)}`;
    add(`langsmith tracing enabled with ${ls}`, ls);
    const ts = `tskey-auth-k${r(AN, 11)}CNTRL-${r(AN, 33)}`;
    add(`tailscale up --advertise-routes=10.0.0.0/24 with ${ts}`, ts);
    const cci = `CCIPAT_${r(AN, 22)}_${r(HEX, 40)}`;
    add(`circleci api v2 pipeline trigger with ${cci}`, cci);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/aws.go; Yelp/detect-secrets detect_secrets/plugins/aws.py:
  // AKIA ids, 40-char secret keys, IQoJb3JpZ2lu session tokens.
  {
    const akia = `AKIA${r(UAN, 16)}`;
    add(`sts GetCallerIdentity AccessDenied for ${akia}`, akia);
    const secret = r(B64, 40);
    add(`iam rotation wrote ${secret} to /tmp/creds`, secret);
    const sess = `IQoJb3JpZ2luX2VjE${r(B64, 380)}`;
    add(`boto3 refresh failed, ${sess} expired`, sess);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/jwt.go (eyJ...eyJ..., and the base64-encoded ZXlK form);
  // Yelp/detect-secrets detect_secrets/plugins/jwt.py.
  {
    const j1 = jwt(342, 'RS256');
    add(`session restored from ${j1} for tenant acme`, j1.split('.')[2] as string);
    const j2 = jwt(43);
    const j2b = b64(j2);
    add(`sso handoff payload ${j2b}`, j2b);
    const jwe = `eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.${r(B64U, 342)}.${r(B64U, 16)}.${r(B64U, 120)}.${r(B64U, 22)}`;
    add(`encrypted id_token value ${jwe} could not be decrypted`, jwe.split('.')[1] as string);
  }

  // gitleaks/gitleaks cmd/generate/config/rules/privatekey.go; Yelp/detect-secrets detect_secrets/plugins/private_key.py
  // (EC, OPENSSH, PGP, PKCS#8, RSA, SSH2 ENCRYPTED, PuTTY-User-Key-File-2).
  {
    const rsa = pemBody(6);
    add(`ssl: failed to load key\n-----BEGIN RSA PRIVATE KEY-----\n${rsa.join('\n')}\n-----END RSA PRIVATE KEY-----`, rsa[0] as string, rsa[3] as string);
    const ec = pemBody(2);
    add(`{"level":"error","msg":"bad key","key":"-----BEGIN EC PRIVATE KEY-----\\n${ec.join('\\n')}\\n-----END EC PRIVATE KEY-----\\n"}`, ec[0] as string, ec[1] as string);
    const ossh = pemBody(5);
    add(`Load key "/root/.ssh/id_ed25519": invalid format\n-----BEGIN OPENSSH PRIVATE KEY-----\n${ossh.join('\n')}\n-----END OPENSSH PRIVATE KEY-----`, ossh[1] as string, ossh[4] as string);
    const enc = pemBody(4);
    add(`PEM_read_bio_PrivateKey failed: -----BEGIN ENCRYPTED PRIVATE KEY----- ${enc.join(' ')} -----END ENCRYPTED PRIVATE KEY-----`, enc[0] as string, enc[2] as string);
    const pgp = pemBody(5);
    add(`gpg import error\n-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pgp.join('\n')}\n=${r(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`, pgp[0] as string, pgp[4] as string);
    const trunc = pemBody(8);
    add(`config value too long, truncated: -----BEGIN PRIVATE KEY-----\\n${trunc.slice(0, 4).join('\\n')}`, trunc[0] as string, trunc[3] as string);
    const ssh2 = pemBody(4);
    add(`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-20260114"\n${ssh2.join('\n')}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`, ssh2[0] as string, ssh2[2] as string);
    const putty = pemBody(3);
    add(
      `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 1\n${r(B64, 64)}\nPrivate-Lines: 3\n${putty.join('\n')}\nPrivate-MAC: ${r(HEX, 40)}`,
      putty[0] as string,
      putty[2] as string,
    );
  }

  // Bare tokens where code and data stores echo them: exception messages, db.query.text, env and image
  // history dumps. Shapes from gitleaks/gitleaks cmd/generate/config/rules/{github,stripe,slack,digitalocean,
  // openai,aws,anthropic,settlemint,planetscale,gitlab,npm}.go.
  {
    const ghp = `ghp_${r(AN, 36)}`;
    add(`ValueError: invalid literal for int() with base 10: '${ghp}'`, ghp);
    const sk = `sk_live_${r(AN, 24)}`;
    add(`KeyError: '${sk}'`, sk);
    const xoxb = `xoxb-${r(DI, 11)}-${r(DI, 13)}-${r(AN, 24)}`;
    add(`db.query.text INSERT INTO integrations (id, kind, value) VALUES (42, 'slack', '${xoxb}')`, xoxb);
    const ghs = `ghs_${r(AN, 36)}`;
    add(`db.query.text SET cache:gh:installation:5512093 "${ghs}" EX 3600`, ghs);
    const dop = `dop_v1_${r(HEX, 64)}`;
    add(`docker history: ENV DEPLOY_CREDENTIAL=${dop}`, dop);
    const proj = `sk-proj-${r(B64U, 58)}T3BlbkFJ${r(B64U, 58)}`;
    add(`notebook cell 3 output: os.environ["LLM"] = "${proj}"`, proj);
    const asia = `ASIA${r(UAN, 16)}`;
    add(`botocore.exceptions.ClientError: An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation for ${asia}`, asia);
    const ant = `sk-ant-api03-${r(B64U, 93)}AA`;
    add(`client config {'model': 'claude-sonnet-4', 'client': '${ant}', 'max_retries': 2}`, ant);
    const smpat = `sm_pat_${r(AN, 16)}`;
    add(`settlemint cli connected as ${smpat}`, smpat);
    const pscale = `pscale_oauth_${r(B64U, 43)}`;
    add(`pscale auth login stored ${pscale}`, pscale);
    const glpat = `glpat-${r(B64U, 20)}`;
    add(`Unknown command "${glpat}" (did you mean "login"?)`, glpat);
    const npm = `npm_${r(AN, 36)}`;
    add(`TypeError: Cannot read properties of undefined (reading '${npm}')`, npm);
  }

  // =============================================================================================
  // Part 2: values anchored by a key, flag, header, URL userinfo or query parameter
  // =============================================================================================

  // Yelp/detect-secrets tests/plugins/keyword_test.py (CONFIG_TEST_CASES, GOLANG_TEST_CASES, COMMON_C_TEST_CASES,
  // C_PLUS_PLUS_TEST_CASES, QUOTES_REQUIRED_TEST_CASES) and detect_secrets/plugins/keyword.py DENYLIST
  // (apikey, appkey, authkey, servicekey, accountkey, dbkey, clientkey, db_pass, passwd, pwd, private_key, privkey,
  // secret, secrete, secreto, keypass, token, contrasena, contraseña), as they show up in logged config and code.
  {
    const phrase = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;
    add(`settings loaded: password = "${phrase}"`, phrase);
    const p2 = `${pick(WORDS)} ${pick(WORDS)} ${r(DI, 3)} ${pick(WORDS)}`;
    add(`config diff: + password_super_secure = "${p2}"`, p2);
    const db = pw(14);
    add(`db_pass: ${db},`, db);
    const secrete = pw(18);
    add(`secrete "${secrete}";`, secrete);
    const cmp1 = r(AN, 28);
    add(`DEBUG auth.go:88 if (apikey == "${cmp1}") {`, cmp1);
    const cmp2 = human();
    add(`trace: if ("${cmp2}" == my_super_password) {`, cmp2);
    const go1 = r(AN, 32);
    add(`main.go:41 apikey := "${go1}"`, go1);
    const go2 = pw(16);
    add(`db_pass_secure := ${go2}`, go2);
    const go3 = r(B64U, 40);
    add(`aws_secret_access_key := \`${go3}\``, go3);
    const objc = human();
    add(`AppDelegate.m:12 password = @"${objc}";`, objc);
    const c1 = pw(20);
    add(`char secrete[25] = "${c1}";`, c1);
    const cpp = pw(18);
    add(`std::string secret("${cpp}");`, cpp);
    const php = human();
    add(`Config.php: 'password' => "${php}",`, php);
    const ruby = human();
    add(`Mysql2::Client.new(:host => "db", :username => "app", :password => "${ruby}")`, ruby);
    const es = human();
    add(`configuración: contraseña=${es}`, es);
    const es2 = pw(14);
    add(`secreto: ${es2}`, es2);
    const kp = pw(16);
    add(`ssl.keystore keypass=${kp}`, kp);
    const appkey = r(AN, 32);
    add(`push service appkey=${appkey}`, appkey);
    const dbkey = r(HEX, 32);
    add(`dbkey=${dbkey}`, dbkey);
  }

  // Yelp/detect-secrets tests/plugins/{ibm_cloud_iam,ibm_cos_hmac,cloudant,softlayer,artifactory}_test.py.
  {
    const iam = r(B64U, 44);
    add(`ibm_cloud_iam-key : ${iam}`, iam);
    const cos = r(HEX, 48);
    add(`COS_HMAC_SECRET_ACCESS_KEY = "${cos}"`, cos);
    const cl = r(HEX, 64);
    add(`cloudant_pw='${cl}'`, cl);
    const sl = r(HEX, 64);
    add(`slcli setup --softlayer-api-key ${sl}`, sl);
    const art = `AKCp${r(AN, 69)}`;
    add(`X-JFrog-Art-Api: ${art}`, art);
  }

  // HTTP request headers as they appear in access logs and HTTP client error dumps. gitleaks/gitleaks
  // cmd/generate/config/rules/curl.go (Authorization Basic/Bearer/Token, X-*-Key, X-*-Token); vendor header
  // names per gitleaks rules/{gitlab,shopify,okta,dynatrace,linear,cloudflare,flyio}.go and
  // trufflesecurity/trufflehog pkg/detectors/azureapimanagementsubscriptionkey.
  {
    const basic = b64(`svc-ingest:${human()}`);
    add(`> Authorization: Basic ${basic}`, basic);
    const bearer = r(B64U, 40);
    add(`GET /v2/accounts 401 headers={"Authorization":"Bearer ${bearer}"}`, bearer);
    const dt = `dt0c01.${r(UAN, 24)}.${r(UAN, 64)}`;
    add(`Authorization: Api-Token ${dt}`, dt);
    const ssws = `00${r(B64U, 40)}`;
    add(`okta api call: Authorization: SSWS ${ssws}`, ssws);
    const splunk = uuid();
    add(`HEC POST /services/collector Authorization: Splunk ${splunk}`, splunk);
    const genie = uuid();
    add(`opsgenie alert create Authorization: GenieKey ${genie}`, genie);
    const esKey = b64(`${r(AN, 20)}:${r(B64U, 22)}`);
    add(`elasticsearch bulk Authorization: ApiKey ${esKey}`, esKey);
    const discord = `${b64(r(DI, 18)).replace(/=+$/, '')}.${r(B64U, 6)}.${r(B64U, 27)}`;
    add(`Authorization: Bot ${discord}`, discord);
    const lin = `lin_api_${r(AN, 40)}`;
    add(`POST https://api.linear.app/graphql Authorization: ${lin}`, lin);
    const fly = `fm2_${r(B64, 120)}`;
    add(`Authorization: FlyV1 ${fly}`, fly);
    const xapi = r(HEX, 32);
    add(`X-Api-Key: ${xapi}`, xapi);
    const apim = r(HEX, 32);
    add(`Ocp-Apim-Subscription-Key: ${apim}`, apim);
    const cf = r(HEX, 37);
    add(`cloudflare purge X-Auth-Email: ops@example.com X-Auth-Key: ${cf}`, cf);
    const glpat = `glpat-${r(B64U, 20)}`;
    add(`PRIVATE-TOKEN: ${glpat}`, glpat);
    const shop = `shpat_${r(HEX, 32)}`;
    add(`X-Shopify-Access-Token: ${shop}`, shop);
    const amz = `FwoGZXIvYXdzE${r(B64, 300)}`;
    add(`X-Amz-Security-Token: ${amz}`, amz);
    const sig = r(HEX, 64);
    add(
      `Authorization: AWS4-HMAC-SHA256 Credential=AKIA${r(UAN, 16)}/20260114/eu-west-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`,
      sig,
    );
    const gitlabSess = r(HEX, 32);
    add(`Set-Cookie: _gitlab_session=${gitlabSess}; path=/; secure; HttpOnly`, gitlabSess);
    const nextAuth = `${jwt(43)}`;
    add(`Cookie: __Secure-next-auth.session-token=${nextAuth}; theme=dark`, nextAuth.split('.')[2] as string);
  }

  // URLs with credentials in the userinfo or the query. Yelp/detect-secrets tests/plugins/basic_auth_test.py and
  // cloudant_test.py; trufflesecurity/trufflehog pkg/detectors/{uri,mongodb,redis,jdbc,ldap}/*_test.go;
  // gitleaks/gitleaks cmd/generate/config/rules/{gitlab,maxmind,telegram}.go; Azure SAS / S3 / GCS presigned URLs.
  {
    const g = urlpw();
    add(`GET https://admin:${g}@grafana.internal:3000/api/dashboards/uid/x1 200`, g);
    const redisEmpty = urlpw(24);
    add(`cache url redis://:${redisEmpty}@cache.internal:6379/0`, redisEmpty);
    const mongo = `${r(AN, 10)}%40${r(AN, 6)}`;
    add(`MongoServerSelectionError: mongodb+srv://svc-api:${mongo}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true`, mongo);
    const cred = `ghp_${r(AN, 36)}`;
    add(`~/.git-credentials: https://bob:${cred}@github.com`, cred);
    const tg = `AA${r(B64U, 33)}`;
    add(`GET https://api.telegram.org/bot6${r(DI, 9)}:${tg}/getUpdates?offset=-1 200`, tg);
    const mm = `${r(AN, 6)}_${r(AN, 29)}_mmk`;
    add(`GET https://download.maxmind.com/app/geoip_download?edition_id=GeoLite2-City&license_key=${mm}&suffix=tar.gz 200`, mm);
    const implicit = r(B64U, 48);
    add(`redirect to https://app.example.com/callback#access_token=${implicit}&token_type=bearer&expires_in=3600`, implicit);
    const cs = r(B64U, 40);
    add(`POST /oauth/token?grant_type=client_credentials&client_id=acme-web&client_secret=${cs} 400`, cs);
    const owm = r(HEX, 32);
    add(`GET https://api.openweathermap.org/data/2.5/weather?q=London&appid=${owm} 200`, owm);
    const ipstack = r(HEX, 32);
    add(`GET http://api.ipstack.com/check?access_key=${ipstack} 200`, ipstack);
    const sasSig = `${r(B64, 43)}%3D`;
    add(
      `BlobNotFound https://acme.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-02-01T00:00:00Z&spr=https&sig=${sasSig}`,
      sasSig,
    );
    const s3sig = r(HEX, 64);
    const s3tok = `IQoJb3JpZ2luX2VjE${r(B64U, 300)}`;
    add(
      `GET https://acme-exports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA${r(UAN, 16)}%2F20260114%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260114T101500Z&X-Amz-Expires=900&X-Amz-Security-Token=${s3tok}&X-Amz-SignedHeaders=host&X-Amz-Signature=${s3sig} 403`,
      s3sig,
      s3tok,
    );
    const oracle = human('#$_');
    add(`java.sql.SQLRecoverableException: IO Error for jdbc:oracle:thin:scott/${oracle}@//db01.internal:1521/ORCLPDB1`, oracle);
    const jdbcMy = pw(14, '!*-_');
    add(`HikariPool-1 - jdbc:mysql://db01:3306/shop?user=app&password=${jdbcMy}&useSSL=true failed`, jdbcMy);
    const goDsn = pw(14, '!#%*');
    add(`[mysql] driver: bad connection dsn="app:${goDsn}@tcp(db01:3306)/shop?parseTime=true"`, goDsn);
    const ldap = human();
    add(`ldap bind to ldaps://ldap.example.com:636 as "cn=svc-sync,ou=apps,dc=example,dc=com" with password "${ldap}" failed: 49`, ldap);
  }

  // Command lines (process.command_line, shell history, CI logs with `set -x`). gitleaks/gitleaks
  // cmd/generate/config/rules/curl.go (curl -u/--user, -H), trufflesecurity/trufflehog pkg/detectors/azure_entra
  // (` -p ` flag), Yelp/detect-secrets tests/plugins/softlayer_test.py (--flag value), and the usual tool flags.
  {
    const e1 = human();
    add(`curl --cacert ca.crt -u elastic:${e1} https://localhost:9200/_cluster/health`, e1);
    const mg = `key-${r(HEX, 32)}`;
    add(`curl -s --user 'api:${mg}' https://api.mailgun.net/v3/mg.example.com/messages`, mg);
    const rawAuth = uuid();
    add(`curl --header 'Authorization: ${rawAuth}' https://api.example.com/v1/jobs`, rawAuth);
    const oauthBearer = r(B64U, 44);
    add(`curl --oauth2-bearer ${oauthBearer} https://api.example.com/v1/me`, oauthBearer);
    const mysql = human('!#%*');
    add(`sh -c mysql -h db.internal -u root -p${mysql} orders < migrate.sql`, mysql);
    const pscale = `pscale_pw_${r(B64U, 43)}`;
    add(`mysql -h aws.connect.psdb.cloud -u k2x9 -p${pscale} --ssl-mode=VERIFY_IDENTITY`, pscale);
    const dl = pw(20);
    add(`+ docker login -u ci-bot -p ${dl} registry.example.com`, dl);
    const dl2 = `gldt-${r(B64U, 20)}`;
    add(`docker login registry.gitlab.com -u gitlab+deploy-token-42 -p ${dl2}`, dl2);
    const stdin = pw(20);
    add(`+ echo ${stdin} | docker login --username ci --password-stdin ghcr.io`, stdin);
    const sshpass = human();
    add(`sshpass -p '${sshpass}' ssh -o StrictHostKeyChecking=no deploy@10.20.0.5`, sshpass);
    const rcli = pw(24, '');
    add(`redis-cli -h cache.internal -a ${rcli} --no-auth-warning PING`, rcli);
    const mongo = human();
    add(`mongosh --host mongo01 -u admin -p ${mongo} --authenticationDatabase admin`, mongo);
    const sqlcmd = human();
    add(`sqlcmd -S tcp:db01,1433 -U sa -P '${sqlcmd}' -Q "SELECT @@VERSION"`, sqlcmd);
    const pg = human();
    add(`PGPASSWORD='${pg}' pg_dump -h db.internal -U app main`, pg);
    const ldap = human();
    add(`ldapsearch -x -H ldaps://ldap.example.com -D "cn=admin,dc=example,dc=com" -w ${ldap} -b dc=example,dc=com`, ldap);
    const smb = human();
    add(`smbclient //fs01/share -U 'CORP\\svc_backup%${smb}' -c 'ls'`, smb);
    const p12 = pw(16);
    add(`openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:${p12}`, p12);
    const ks1 = human();
    const ks2 = human();
    add(`keytool -importkeystore -srckeystore a.jks -srcstorepass ${ks1} -deststorepass ${ks2}`, ks1, ks2);
    const ts = pw(16);
    add(`java -Djavax.net.ssl.trustStorePassword=${ts} -jar /opt/app/app.jar`, ts);
    const ht = human();
    add(`htpasswd -b -c /etc/nginx/.htpasswd admin ${ht}`, ht);
    const helm = pw(18);
    add(`helm upgrade --install pg bitnami/postgresql --set auth.postgresPassword=${helm}`, helm);
    const az = `${r(AN, 3)}8Q~${r(`${AN}_~.-`, 34)}`;
    add(`az login --service-principal -u ${uuid()} -p ${az} --tenant ${uuid()}`, az);
    const skb = r(HEX, 128);
    add(`heroku config:set SECRET_KEY_BASE=${skb} -a acme-web`, skb);
    const ghTok = `ghp_${r(AN, 36)}`;
    add(`+ export GITHUB_TOKEN=${ghTok}`, ghTok);
    const awsCfg = r(B64, 40);
    add(`aws configure set aws_secret_access_key ${awsCfg} --profile prod`, awsCfg);
    const gpg = `${pick(WORDS)}-${pick(WORDS)}-${pick(WORDS)}-${r(DI, 3)}`;
    add(`gpg --batch --yes --passphrase ${gpg} -d secrets.env.gpg`, gpg);
    const z7 = pw(16, '');
    add(`7z a -p${z7} -mhe=on backup.7z /srv/data`, z7);
    const zip = human();
    add(`zip -r -P ${zip} export.zip reports/`, zip);
    const rmq = human();
    add(`rabbitmqctl add_user admin ${rmq}`, rmq);
    const net = human();
    add(`net use \\\\fs01\\share ${net} /user:CORP\\svc_backup`, net);
  }

  // Config dumps: .env, YAML, JSON, XML, INI, properties, connection strings. Yelp/detect-secrets
  // detect_secrets/plugins/{keyword,azure_storage_key}.py; gitleaks/gitleaks cmd/generate/config/rules/{generic,
  // kubernetes,azure,heroku,newrelic,mailgun}.go (nuget-config-password in config/gitleaks.toml);
  // trufflesecurity/trufflehog pkg/detectors/{sqlserver,azure_storage,gcpapplicationdefaultcredentials}.
  {
    const yml = human();
    add(`spring.datasource.password: ${yml}`, yml);
    const nested = pw(18);
    add(`effective config:\ndatabase:\n  host: db.internal\n  password: "${nested}"\n  pool: 10`, nested);
    const env = pw(16);
    add(`.env loaded: DB_PASS=${env}`, env);
    const durl = urlpw(20);
    add(`DATABASE_URL=postgres://app:${durl}@db.internal:5432/main`, durl);
    const dj = `django-insecure-${r(`${LAN}!@#$%^&*(-_=+)`, 50)}`;
    add(`SECRET_KEY = '${dj}'`, dj);
    const jwtSecret = r(HEX, 64);
    add(`JWT_SECRET=${jwtSecret}`, jwtSecret);
    const enc = b64(r(AN, 32));
    add(`ENCRYPTION_KEY=${enc}`, enc);
    const whsec = `whsec_${r(AN, 32)}`;
    add(`STRIPE_WEBHOOK_SECRET=${whsec}`, whsec);
    const netrc = uuid();
    add(`~/.netrc: machine api.heroku.com login ops@example.com password ${netrc}`, netrc);
    const twilio = r(HEX, 32);
    add(`TWILIO_AUTH_TOKEN=${twilio}`, twilio);
    const lic = r(HEX, 40);
    add(`newrelic.yml: license_key: ${lic}`, lic);
    const mgsign = `${r(HEX, 32)}-${r(HEX, 8)}-${r(HEX, 8)}`;
    add(`mailgun_signing_key: ${mgsign}`, mgsign);
    const json1 = r(HEX, 32);
    add(`{"service":"geo","apiKey":"${json1}","timeout":3000}`, json1);
    const json2 = `GOCSPX-${r(B64U, 28)}`;
    add(`{"web":{"client_id":"1041-abc.apps.googleusercontent.com","client_secret":"${json2}"}}`, json2);
    const refresh = `1//0${r(B64U, 99)}`;
    add(`{"type":"authorized_user","refresh_token":"${refresh}"}`, refresh);
    const saKeyId = r(HEX, 40);
    const saKey = pemBody(3);
    add(
      `{"type":"service_account","project_id":"acme-prod","private_key_id":"${saKeyId}","private_key":"-----BEGIN PRIVATE KEY-----\\n${saKey.join('\\n')}\\n-----END PRIVATE KEY-----\\n"}`,
      saKey[0] as string,
    );
    const dockerAuth = b64(`ci-bot:${pw(20)}`);
    add(`~/.docker/config.json {"auths":{"registry.example.com":{"auth":"${dockerAuth}"}}}`, dockerAuth);
    const pypirc = `pypi-AgEIcHlwaS5vcmc${r(B64U, 120)}`;
    add(`.pypirc [pypi]\nusername = __token__\npassword = ${pypirc}`, pypirc);
    const hcl = human();
    add(`resource "aws_db_instance" "main" { username = "app" password = "${hcl}" }`, hcl);
    const redisConf = pw(24, '');
    add(`redis.conf: masterauth ${redisConf}`, redisConf);
    const k8sPw = b64(human());
    add(`kubectl get secret db -o yaml: apiVersion: v1\nkind: Secret\ndata:\n  password: ${k8sPw}\ntype: Opaque`, k8sPw);
    const pgRole = human();
    add(`LOG:  statement: ALTER ROLE app WITH LOGIN PASSWORD '${pgRole}'`, pgRole);
    const myUser = human();
    add(`db.query.text CREATE USER 'report'@'%' IDENTIFIED BY '${myUser}'`, myUser);
    const xmlPw = human();
    add(`settings.xml <server><id>nexus</id><username>deploy</username><password>${xmlPw}</password></server>`, xmlPw);
    const nuget = human();
    add(`NuGet.Config <add key="ClearTextPassword" value="${nuget}" />`, nuget);
    const connStr = human('!#*?');
    add(
      `<add name="Main" connectionString="Server=tcp:acme.database.windows.net,1433;Initial Catalog=orders;User ID=sqladmin;Password=${connStr};Encrypt=True;" />`,
      connStr,
    );
    const pwd = human('!#*?');
    add(`SqlException: login failed; Data Source=db01;Initial Catalog=crm;User Id=sa;Pwd=${pwd};`, pwd);
    const acctKey = `${r(B64, 86)}==`;
    add(`DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${acctKey};EndpointSuffix=core.windows.net`, acctKey);
    const sbKey = `${r(B64, 43)}=`;
    add(`Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey}`, sbKey);
    const wp = human();
    add(`wp-config.php: define( 'DB_PASSWORD', '${wp}' );`, wp);
    const wpSalt = r(`${AN}!@#$%^&*()-_[]{}<>~+=,.;:/?|`, 64);
    add(`define('AUTH_KEY', '${wpSalt}');`, wpSalt);
    const javaProp = human();
    add(`props.setProperty("password", "${javaProp}");`, javaProp);
    const cs = human();
    add(`new NetworkCredential("svc-mail", "${cs}", "CORP")`, cs);
    const axiosPw = human();
    const axiosKey = r(AN, 32);
    add(`AxiosError: Request failed with status code 401 { auth: { username: 'svc', password: '${axiosPw}' }, headers: { 'x-api-key': '${axiosKey}' } }`, axiosPw, axiosKey);
    const pgpass = human();
    add(`~/.pgpass: db.internal:5432:main:app:${pgpass}`, pgpass);
    const pwWord = human();
    add(`authenticating as svc-report with password ${pwWord}`, pwWord);
    const newPw = pw(14);
    add(`user 4411 password reset; temporary password is ${newPw}`, newPw);
    const geo = r(HEX, 32);
    add(`Using API key ${geo} for geocoding`, geo);
    const sq = `sq0csp-${r(B64U, 43)}`;
    add(`square_oauth = ${sq}`, sq);
  }

  return out;
}
