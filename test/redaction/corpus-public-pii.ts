import type { SecretLine } from './corpus.js';

/**
 * A held-out-style corpus of telemetry lines that carry PERSONAL DATA, modelled on the true-positive
 * test data of public PII recognisers. Every value is synthetic and format-valid: card numbers and
 * Canadian SINs pass Luhn, IBANs pass ISO 13616 mod-97, UK NINOs use allowed prefixes, US SSNs avoid
 * the never-issued areas/groups/serials; checksums are computed below, and every value is checked
 * when the corpus is built (a typo throws instead of silently producing an invalid datum).
 *
 * `secrets` names what must not survive redaction: the datum as written, and for phone numbers the
 * national part after any country code (so a redactor that eats only "+44" still fails); for home
 * directory paths, the user name; for e-mail in an encoded/plus form, also the bare local part.
 *
 * Sources (read with the search tools; shapes and a few public sample values, no live data):
 * - microsoft/presidio presidio-analyzer/tests/test_{email,phone,credit_card,iban,us_ssn,uk_nino,
 *   ca_sin,ip}_recognizer.py and presidio-analyzer/presidio_analyzer/predefined_recognizers/
 *   (generic/email_recognizer.py, generic/credit_card_recognizer.py, generic/iban_patterns.py,
 *   country_specific/uk/uk_nino_recognizer.py, country_specific/us/us_ssn_recognizer.py,
 *   country_specific/canada/ca_sin_recognizer.py);
 * - google/libphonenumber resources/PhoneNumberMetadata.xml: <exampleNumber> of each territory;
 * - maxmind/MaxMind-DB source-data/GeoIP2-City-Test.json: public-looking test networks.
 */

// ---------------------------------------------------------------------------------------------
// Checksums and validators
// ---------------------------------------------------------------------------------------------

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let x = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

/** `body` followed by its Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

/** Deterministic digit filler: `n` digits derived from `seed`. */
function fill(n: number, seed: number): string {
  let s = '';
  let x = seed * 7919 + 104729;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += String(Math.floor(x / 65536) % 10);
  }
  return s;
}

/** A Luhn-valid card number of `length` digits starting with `prefix`. */
function card(prefix: string, length: number, seed: number): string {
  const c = withLuhn(prefix + fill(length - prefix.length - 1, seed));
  if (!luhnValid(c) || c.length !== length) throw new Error(`bad card ${c}`);
  return c;
}

/** Group digits: group(s, [4, 6, 5], ' ') -> "3714 496353 98431". */
function group(s: string, sizes: readonly number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.filter((p) => p.length > 0).join(sep);
}

function mod97(alnum: string): number {
  let rem = 0;
  for (const ch of alnum.toUpperCase()) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem;
}

/** Compact IBAN with correct check digits for `country` + `bban` (ISO 13616 mod-97). */
function iban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  const out = `${country}${String(check).padStart(2, '0')}${bban}`;
  if (!ibanValid(out)) throw new Error(`bad iban ${out}`);
  return out;
}

function ibanValid(s: string): boolean {
  const c = s.replace(/ /g, '');
  return /^[A-Za-z]{2}\d{2}[A-Za-z0-9]{10,30}$/.test(c) && mod97(c.slice(4) + c.slice(0, 4)) === 1;
}

/** IBAN in print format: groups of four. */
const spaced4 = (s: string) => s.replace(/(.{4})(?=.)/g, '$1 ');

/** UK NINO prefix/suffix rules as in presidio's uk_nino_recognizer.py (and HMRC NIM39110). */
function ninoValid(s: string): boolean {
  const c = s.replace(/ /g, '').toUpperCase();
  return (
    /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(c) &&
    !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(c.slice(0, 2))
  );
}

function nino(s: string): string {
  if (!ninoValid(s)) throw new Error(`bad nino ${s}`);
  return s;
}

/** US SSN: area not 000/666/9xx, group not 00, serial not 0000, not the ad-reserved 987-65-432x or 078-05-1120. */
function ssn(s: string): string {
  const d = s.replace(/[-. ]/g, '');
  const ok =
    /^\d{9}$/.test(d) &&
    !/^(000|666|9)/.test(d) &&
    d.slice(3, 5) !== '00' &&
    d.slice(5) !== '0000' &&
    !d.startsWith('98765432') &&
    d !== '078051120' &&
    !/^(\d)\1{8}$/.test(d);
  if (!ok) throw new Error(`bad ssn ${s}`);
  return s;
}

/** Canadian SIN: 9 digits, Luhn-valid, first digit not 0 or 8. */
function sin(first8: string): string {
  if (!/^[1-79]\d{7}$/.test(first8)) throw new Error(`bad sin body ${first8}`);
  return withLuhn(first8);
}

function checkedSin(s: string): string {
  const d = s.replace(/[- ]/g, '');
  if (!/^[1-79]\d{8}$/.test(d) || !luhnValid(d)) throw new Error(`bad sin ${s}`);
  return s;
}

function checkedCard(s: string): string {
  const d = s.replace(/[- ]/g, '');
  if (!/^\d{12,19}$/.test(d) || !luhnValid(d)) throw new Error(`bad card ${s}`);
  return s;
}

function checkedIban(s: string): string {
  if (!ibanValid(s)) throw new Error(`bad iban ${s}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

export function publicPiiLines(): SecretLine[] {
  const out: SecretLine[] = [];
  const add = (text: string, ...secrets: string[]) => {
    for (const s of secrets) if (!text.includes(s)) throw new Error(`secret ${s} not in line: ${text}`);
    out.push({ text, secrets });
  };

  // ---- E-mail addresses ------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_email_recognizer.py: address alone, inside a
  // sentence, two in one line, punycode domains (user@xn--80ak6aa92e.com, a@xn--d1acufc.xn--p1ai).
  // microsoft/presidio .../predefined_recognizers/generic/email_recognizer.py: local part may hold
  // !#$%&'*+-/=?^_`{|}~ and dots; domain labels may hold hyphens.
  add('login failed for priya.raman@example.com: invalid password (attempt 3)', 'priya.raman@example.com');
  add('try one of these addresses: info@shop.example or anotherinfo@shop.example', 'info@shop.example', 'anotherinfo@shop.example');
  add('user user@xn--80ak6aa92e.com registered via web', 'user@xn--80ak6aa92e.com');
  add('alert digest sent to a@xn--d1acufc.xn--p1ai', 'a@xn--d1acufc.xn--p1ai');
  add('contact jonas.weber@xn--mller-kva.example rejected: domain not on allow-list', 'jonas.weber@xn--mller-kva.example');
  add('notify: delivered to olu.adeyemi+invoices@example.net template=receipt_v2', 'olu.adeyemi+invoices@example.net', 'olu.adeyemi');
  add('mailer: bounce for sofia.garcia+newsletter@mail.example.co.uk: 550 5.1.1 user unknown', 'sofia.garcia+newsletter@mail.example.co.uk', 'sofia.garcia');
  add('GET /api/v2/users/lars.nilsson%40example.se/preferences 200 31ms', 'lars.nilsson%40example.se', 'lars.nilsson');
  add('GET /unsubscribe?list=weekly&email=mei.chen%40example.com&sig=ok 302 4ms', 'mei.chen%40example.com', 'mei.chen');
  add('302 Location: /login?next=%2Faccount&login_hint=noah.levi%40example.co.il', 'noah.levi%40example.co.il', 'noah.levi');
  add('POST /v1/invite?to=amelie.dubois%2Bteam%40example.fr 201 88ms', 'amelie.dubois%2Bteam%40example.fr', 'amelie.dubois');
  add('GET /track/open?u=sven.larsen%2540example.dk&c=spring 204', 'sven.larsen%2540example.dk', 'sven.larsen');
  add('GET /api/users/aisha.bello@example.ng/avatar 404 2ms', 'aisha.bello@example.ng');
  add('rendered <a href="mailto:fatima.zahra@example.com?subject=Order%2012">', 'fatima.zahra@example.com');
  add('ui.click target=a href=mailto:liam.obrien@example.ie', 'liam.obrien@example.ie');
  add('{"user.email":"chen.wei@example.cn","plan":"pro","seats":5}', 'chen.wei@example.cn');
  add('attributes={"enduser.contact":"ana.souza@example.com.br","session.count":4}', 'ana.souza@example.com.br');
  add('payload="{\\"email\\":\\"elif.yilmaz@example.com\\",\\"locale\\":\\"tr\\"}"', 'elif.yilmaz@example.com');
  add("db.query.text SELECT id FROM users WHERE email = 'grace.hopper@example.edu' LIMIT 1", 'grace.hopper@example.edu');
  add("INSERT INTO contacts (name, email) VALUES ('Ravi', 'ravi.kumar@example.in')", 'ravi.kumar@example.in');
  add('ValidationError: "email" must be unique, got "yusuf.demir@example.com.tr"', 'yusuf.demir@example.com.tr');
  add("Error: User with email 'ines.moreau@example.fr' already exists\n    at UserService.create (/app/dist/users/service.js:88:13)", 'ines.moreau@example.fr');
  add('smtp: From: "Hana Kim" <hana.kim@example.kr> size=18211', 'hana.kim@example.kr');
  add('smtp: RCPT TO:<tomas.novak@example.cz> 250 2.1.5 OK', 'tomas.novak@example.cz');
  add('lookup KWAME.ASANTE@EXAMPLE.COM -> no account', 'KWAME.ASANTE@EXAMPLE.COM');
  add('account j_smith_1987@example.org locked after 5 failures', 'j_smith_1987@example.org');
  add("welcome mail to o'connor.aoife@example.ie queued", "o'connor.aoife@example.ie");
  add('sso: SAML assertion for n.petrov@my-company.example has subject mismatch', 'n.petrov@my-company.example');
  add('payout receipt sent to li.na@studio.example.photography', 'li.na@studio.example.photography');
  add('Password reset requested for zara.ali@example.com.', 'zara.ali@example.com');
  add('notify cc=[emma.jones@example.org, raj.patel@example.org] status=sent', 'emma.jones@example.org', 'raj.patel@example.org');
  add('email="marta.kowalska@example.pl" status=unverified', 'marta.kowalska@example.pl');
  add('X-Forwarded-Email: diego.fernandez@example.es', 'diego.fernandez@example.es');
  add('commit 9f2c1ab author "Pat Lee <pat.lee@users.noreply.example.com>"', 'pat.lee@users.noreply.example.com');
  add('signup björn.andersson@example.se pending confirmation', 'björn.andersson@example.se');
  add('    at sendWelcome (/srv/app/mailer.js:41:9) to=hugo.lambert@example.be', 'hugo.lambert@example.be');
  add('csv import row 17: name=Chloe Martin,email=chloe.martin@example.fr,phone=missing', 'chloe.martin@example.fr');

  // ---- Phone numbers: E.164 --------------------------------------------------------------------
  // google/libphonenumber resources/PhoneNumberMetadata.xml <exampleNumber>: US 2015550123, GB mobile
  // 7400123456, DE mobile 15123456789, FR mobile 612345678, JP mobile 9012345678, CN mobile
  // 13123456789, IL mobile 502345678, IN mobile 8123456789, BR mobile 11961234567, AU mobile
  // 412345678, ZA mobile 711234567, NG mobile 8021234567, SG mobile 81234567 (digits varied a little).
  add('sms.send to=+14155550132 status=queued segments=1', '4155550132');
  add('otp delivered +447400123456 provider=twilio latency=812ms', '7400123456');
  add('{"phone":"+4915123456789","verified":false}', '15123456789');
  add('call attempt failed +33612345678 cause=NO_ANSWER', '612345678');
  add('whatsapp: message to +819012345678 rejected (not on whatsapp)', '9012345678');
  add('verify code sent to +8613123456789', '13123456789');
  add('user.phone=+972502345678 region=IL', '502345678');
  add('ValidationError: invalid phone "+918123456789" (expected 10 digits after country code)', '8123456789');
  add("INSERT INTO leads (name, phone) VALUES ('Bruna', '+5511961234567')", '11961234567');
  add('2fa enrol mobile=+61412345678 ok', '412345678');
  add('ussd session msisdn=+27711234567 started', '711234567');
  add('delivery sms to +6581234567 ok', '81234567');
  add('carrier lookup msisdn=2348021234567 network=MTN', '2348021234567');

  // ---- Phone numbers: international with separators ---------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_phone_recognizer.py: "+1 415 555 0132",
  // "+55 11 98456 5666", "+44 (20) 7123 4567", "+49 30 1234567", "+91 4155 550132".
  add('callback requested on +1 415 555 0132 by customer', '415 555 0132');
  add('contact: +1 (415) 555-0187', '(415) 555-0187');
  add('Brazil: +55 11 98456 5666 opted in', '11 98456 5666');
  add('support line for account: +44 (20) 7123 4567', '(20) 7123 4567');
  add('callback requested on +44 (0)20 7946 0958', '20 7946 0958');
  add('fax number +49 30 1234567 saved to profile', '30 1234567');
  add('international one is +91 4155 550132', '4155 550132');
  add('profile.mobile="+33 6 12 34 56 78"', '6 12 34 56 78');
  add('sms gateway: to +81 90-1234-5678 accepted', '90-1234-5678');
  add('wechat bind +86 131 2345 6789 success', '131 2345 6789');
  add('ValidationError: phone +972-50-234-5678 already registered', '50-234-5678');
  add('otp sent to +91 81234 56789 via kaleyra', '81234 56789');
  add('user updated phone to +61 4 1234 5678', '4 1234 5678');
  add('dialer: +1.415.555.0199 busy', '415.555.0199');
  add('appointment reminder to +353 85 012 3456', '85 012 3456');
  add('courier will call +7 912 345-67-89 before delivery', '912 345-67-89');
  add('kakao alimtalk to +82 10-2345-6789 sent', '10-2345-6789');
  add('contact +34 612 34 56 78 marked primary', '612 34 56 78');
  add('mobile +31 6 12345678 confirmed', '6 12345678');
  add('sms to +48 512 345 678 delivered', '512 345 678');
  add('sms to +46 70 123 45 67 delivered', '70 123 45 67');
  add('callback +41 78 123 45 67 scheduled 14:00', '78 123 45 67');
  add('otp +90 501 234 56 78 expired', '501 234 56 78');
  add('viber to +380 50 123 4567 failed', '50 123 4567');
  add('ticket 8812 caller 0044 7400 123123', '7400 123123');
  add('forwarding to 00 49 151 23456789', '151 23456789');
  add('rendered <a href="tel:+1-415-555-0143">call us</a>', '415-555-0143');
  add('GET /api/lookup?phone=%2B14155550166 200 14ms', '4155550166');
  add('Kontakt: +49 (0)151 2345 6789', '151 2345 6789');

  // ---- Phone numbers: national formats (no +) ---------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_phone_recognizer.py: "(415) 555-0132",
  // "415-555-0132", "09-7625400" (IL), "090-1234-5678" (JP), "13812345678" (CN).
  // google/libphonenumber resources/PhoneNumberMetadata.xml national number formats; every national
  // significant number here matches that file's fixedLine/mobile nationalNumberPattern (which, note,
  // rejects the Ofcom 07700 900xxx drama range, so UK mobiles use 07400 123xxx); UK landlines in the
  // Ofcom drama ranges 020 7946 0xxx and 0121 496 0xxx, US in 555-01xx.
  add('sms to 07400 123461 failed: unreachable', '07400 123461');
  add('{"mobile":"07400123456","country":"GB"}', '07400123456');
  add('callback 020 7946 0321 booked for Tuesday', '020 7946 0321');
  add('office phone 0121 496 0734 updated', '0121 496 0734');
  add('IL user phone 050-234-5678 verified', '050-234-5678');
  add('ValidationError: invalid phone "054-612-3456" for region US', '054-612-3456');
  add('My Israeli number is 09-7625400', '09-7625400');
  add('sms to 080-2345-6789 queued (JP)', '080-2345-6789');
  add('member tel=070-1234-5678 updated', '070-1234-5678');
  add('store contact 03-1234-5678', '03-1234-5678');
  add('My CN number is 13812345678', '13812345678');
  add('aliyun sms to 131 2345 6789 ok', '131 2345 6789');
  add('order 55102 recipient phone 159-1234-5678', '159-1234-5678');
  add('{"receiver_mobile":"186 1234 5678"}', '186 1234 5678');
  add('My US number is (415) 555-0132', '(415) 555-0132');
  add('US: 415-555-0132 left voicemail', '415-555-0132');
  add('lead phone 415.555.0178 source=webform', '415.555.0178');
  add('_: (212)555-0187', '(212)555-0187');
  add("UPDATE customers SET phone = '212 555 0143' WHERE id = 9921", '212 555 0143');
  add('rappel client au 06 12 34 56 78 demandé', '06 12 34 56 78');
  add('standard 01 23 45 67 89 injoignable', '01 23 45 67 89');
  add('portable=06.12.34.56.79', '06.12.34.56.79');
  add('ValidationError: telephone 0612345677 has wrong length for FR', '0612345677');
  add('Rückruf an 0151 23456789 vereinbart', '0151 23456789');
  add('customer.phone=0151/23456788', '0151/23456788');
  add('Festnetz 030 1234567 gespeichert', '030 1234567');
  add('sms to 0170-1234567 failed', '0170-1234567');
  add('delivery contact 98123 45678 (IN)', '98123 45678');
  add('whatsapp (11) 96123-4567 confirmed', '(11) 96123-4567');
  add('sms to 0412 345 678 delivered (AU)', '0412 345 678');
  add('teléfono 612 34 56 78 verificado', '612 34 56 78');
  add('bel 06-12345678 terug', '06-12345678');
  add('kakao user 010-2345-6789 linked', '010-2345-6789');
  add('cellulare 312 345 6789 salvato', '312 345 6789');
  add('courier phone 8 (912) 345-67-89', '8 (912) 345-67-89');

  // ---- Credit card numbers -------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_credit_card_recognizer.py: "4012888888881881
  // 4012-8888-8888-1881 4012 8888 8888 1881" (three formats), 371449635398431 (Amex), 5555555555554444
  // (MC), 6011000400000000 (Discover), 3528000700000000 (JCB), 30569309025904 (Diners);
  // .../generic/credit_card_recognizer.py: 12-19 digits with optional space/dash groups + Luhn.
  {
    const a = checkedCard('4012888888881881');
    const b = checkedCard('4012-8888-8888-1881');
    const c = checkedCard('4012 8888 8888 1881');
    add(`card fingerprint collision: ${a} ${b} ${c}`, a, b, c);
  }
  const visa16 = card('4', 16, 1);
  const visa16b = card('4539', 16, 2);
  const visa13 = card('4', 13, 3);
  const visa19 = card('4', 19, 4);
  const mc51 = card('51', 16, 5);
  const mc55 = card('55', 16, 6);
  const mc2 = card('2221', 16, 7);
  const mc27 = card('2720', 16, 8);
  const amex34 = card('34', 15, 9);
  const amex37 = card('37', 15, 10);
  const disc = card('6011', 16, 11);
  const disc65 = card('65', 16, 12);
  const disc644 = card('644', 16, 13);
  const jcb = card('3528', 16, 14);
  const diners = card('36', 14, 15);
  const unionpay = card('62', 19, 16);
  const maestro = card('6759', 16, 17);
  add(`payment declined card=${visa16} reason=insufficient_funds`, visa16);
  add(`CardError: Your card number ${group(visa16b, [4, 4, 4, 4], ' ')} is incorrect`, group(visa16b, [4, 4, 4, 4], ' '));
  add(`legacy terminal pan=${visa13} mode=swipe`, visa13);
  add(`{"pan":"${visa19}","exp":"12/29"}`, visa19);
  add(`charge ${group(mc51, [4, 4, 4, 4], '-')} failed: do_not_honor`, group(mc51, [4, 4, 4, 4], '-'));
  add(`UPDATE payments SET card_no = '${mc55}' WHERE order_id = 44102`, mc55);
  add(`tokenize request card.number=${group(mc2, [4, 4, 4, 4], ' ')}`, group(mc2, [4, 4, 4, 4], ' '));
  add(`ValidationError: "${mc27}" is not an accepted card brand`, mc27);
  add(`amex charge ${group(amex34, [4, 6, 5], ' ')} declined`, group(amex34, [4, 6, 5], ' '));
  add(`GET /checkout/confirm?cc=${amex37}&amt=42.00 500`, amex37);
  add(`discover auth ${group(disc, [4, 4, 4, 4], ' ')} approved`, group(disc, [4, 4, 4, 4], ' '));
  add(`refund to ${disc65} queued`, disc65);
  add(`Error: gateway timeout while authorising ${group(disc644, [4, 4, 4, 4], '-')}`, group(disc644, [4, 4, 4, 4], '-'));
  add(`jcb card ${jcb} saved for user 1182`, jcb);
  add(`diners card ${group(diners, [4, 6, 4], ' ')} expired`, group(diners, [4, 6, 4], ' '));
  add(`unionpay pan=${unionpay} 3ds=required`, unionpay);
  add(`maestro ${group(maestro, [4, 4, 4, 4], ' ')} blocked by issuer`, group(maestro, [4, 4, 4, 4], ' '));
  add(`  File "/srv/billing/charge.py", line 88, in charge\n    raise CardDeclined("${amex37}")`, amex37);
  add(`{"card":{"number":"${group(visa16, [4, 4, 4, 4], ' ')}","brand":"visa"}}`, group(visa16, [4, 4, 4, 4], ' '));

  // ---- IBANs ---------------------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_iban_recognizer.py (valid cases, e.g.
  // DE89 3704 0044 0532 0130 00, GB29 NWBK 6016 1331 9268 19, FR14 2004 1010 0505 0001 3M02 606,
  // NL91 ABNA 0417 1643 00, IT60 X054 2811 1010 0000 0123 456, both spaced and compact) and
  // .../generic/iban_patterns.py (per-country lengths). BBAN structures kept, account digits varied,
  // check digits recomputed here.
  const ibans: [string, string][] = [
    ['DE', '370400440532013087'],
    ['GB', 'NWBK60161331926877'],
    ['FR', '20041010050500013M02671'],
    ['NL', 'ABNA0417164377'],
    ['ES', '21000418450200051377'],
    ['IT', 'X0542811101000000123477'],
    ['BE', '096123456777'],
    ['AT', '1904300234573277'],
    ['CH', '00762011623852977'],
    ['IE', 'AIBK93115212345677'],
    ['PL', '109010140000071219812877'],
    ['PT', '000201231234567890177'],
    ['SE', '50000000058398257477'],
    ['DK', '00400440116277'],
    ['FI', '12345600000777'],
    ['NO', '86011117977'],
    ['CZ', '08000000192000145377'],
    ['HU', '117730161111101800000077'],
    ['RO', 'AAAA1B31007593840077'],
    ['GR', '01101250000000012300677'],
    ['LU', '0019400644750077'],
    ['TR', '0006100519786457841377'],
    ['SA', '80000000608010167577'],
    ['AE', '0331234567890123477'],
    ['BR', '00360305000010009795477P1'],
    ['IL', '0108000000099999977'],
    ['MT', 'MALT011000012345MTLCAST077S'],
    ['KZ', '125KZT5004100177'],
    ['QA', 'DOHB00001234567890ABCDE7G'],
  ];
  const ib = ibans.map(([cc, bban]) => iban(cc, bban));
  const ibanCtx: ((v: string) => string)[] = [
    (v) => `payout to ${v} scheduled for 2026-04-01`,
    (v) => `SEPA mandate created debtor_iban=${v}`,
    (v) => `{"beneficiary":{"iban":"${v}","name":"redacted"}}`,
    (v) => `ValidationError: IBAN ${v} does not match BIC bank code`,
    (v) => `INSERT INTO payouts (iban, amount) VALUES ('${v}', 120.50)`,
    (v) => `GET /api/payees?iban=${v}&verify=true 200 19ms`,
    (v) => `refund wire to ${v} failed: account closed`,
  ];
  ib.forEach((v, i) => {
    const shown = i % 2 === 0 ? v : spaced4(v);
    add((ibanCtx[i % ibanCtx.length] as (v: string) => string)(shown), shown);
  });
  {
    // presidio sample values, verbatim (spaced and compact forms appear in its test table).
    const gb = checkedIban('GB29 NWBK 6016 1331 9268 19');
    const it = checkedIban('IT60X0542811101000000123456');
    add(`direct debit collection from ${gb} returned: AC04`, gb);
    add(`iban=${it} country=IT`, it);
    const lower = iban('DE', '500105175407324931').toLowerCase();
    add(`GET /transfer/confirm?to=${lower} 302`, lower);
  }

  // ---- US SSN ---------------------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_us_ssn_recognizer.py: "078-05-1123",
  // "078.05.1123", "078 05 1123", "abc 078 05 1123 abc"; .../country_specific/us/us_ssn_recognizer.py
  // rejects area 000/666, group 00, serial 0000, all-same digits and mixed delimiters.
  add(`kyc check ssn=${ssn('536-22-8147')} result=match`, '536-22-8147');
  add(`applicant ${ssn('412.68.3095')} on file`, '412.68.3095');
  add(`SSN: ${ssn('701 33 4578')} (from W-2 upload)`, '701 33 4578');
  add(`{"ssn":"${ssn('287-54-1903')}","dob":"1990-02-14"}`, '287-54-1903');
  add(`ValidationError: ssn ${ssn('645-12-0871')} does not match date of birth`, '645-12-0871');
  add(`SELECT * FROM applicants WHERE tax_id = '${ssn('049-36-7712')}'`, '049-36-7712');
  add(`abc ${ssn('355 90 2468')} abc`, '355 90 2468');
  add(`background check requested for 509-71-3364 (pending)`, ssn('509-71-3364'));
  add(`form1099.recipient_tin=${ssn('164.28.5530')}`, '164.28.5530');
  add(`payroll: employee 4471 SSN ${ssn('772-41-9086')} missing state code`, '772-41-9086');
  add(`ssn=${ssn('318465029')} source=import.csv`, '318465029');
  add(`Error: duplicate key value violates unique constraint "users_ssn_key" DETAIL: Key (ssn)=(${ssn('230-18-6642')}) already exists.`, '230-18-6642');

  // ---- UK National Insurance numbers --------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_uk_nino_recognizer.py: "AA 12 34 56 B",
  // "hh 01 02 03 d", "tw987654a", "nino: PR 123612C", "YZ 61 48 68 B"; invalid prefixes BG/GB/NK/KN/
  // NT/TN/ZZ and first letter D/F/I/Q/U/V, second letter D/F/I/O/Q/U/V (uk_nino_recognizer.py).
  add(`nino: ${nino('PR 123612C')} matched HMRC record`, 'PR 123612C');
  add(`Here is my National Insurance Number ${nino('YZ 61 48 68 B')}`, 'YZ 61 48 68 B');
  add(`payroll import row 12 ni_number=${nino('tw987654a')}`, 'tw987654a');
  add(`RTI submission rejected: NINO ${nino('AA 37 19 24 C')} not found`, 'AA 37 19 24 C');
  add(`{"employee":{"ni":"${nino('hp 41 02 93 d')}"}}`, 'hp 41 02 93 d');
  add(`ValidationError: national insurance number ${nino('EH523614A')} already linked`, 'EH523614A');
  add(`UPDATE staff SET nino = '${nino('LM 10 29 38 B')}' WHERE id = 77`, 'LM 10 29 38 B');
  add(`claimant ${nino('SN765432C')} benefit review`, 'SN765432C');
  add(`NI ${nino('MW 24 68 13 D')} verified`, 'MW 24 68 13 D');
  add(`GET /api/employees?nino=${nino('KA192837A')} 200`, 'KA192837A');
  add(`pension auto-enrol ${nino('ZX 33 44 55 C')} ok`, 'ZX 33 44 55 C');
  add(`nino=${nino('RB908172A')} tax_code=1257L`, 'RB908172A');

  // ---- Canadian SIN -------------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_ca_sin_recognizer.py: "130 692 544", "347-677-452",
  // "my SIN is 130-692-544", "mon NAS: 258 933 688", compact "130692544"; ca_sin_recognizer.py:
  // [1-79]\d{2}([- ])\d{3}\1\d{3} plus Luhn.
  {
    const sins = [sin('27145093'), sin('46218375'), sin('51937264'), sin('93402817'), sin('11825469'), sin('64019382'), sin('78253016')];
    const sp = (s: string, sep: string) => `${s.slice(0, 3)}${sep}${s.slice(3, 6)}${sep}${s.slice(6)}`;
    add(`SIN ${sp(sins[0] as string, ' ')} verified with CRA`, sp(sins[0] as string, ' '));
    add(`my SIN is ${sp(sins[1] as string, '-')}`, sp(sins[1] as string, '-'));
    add(`mon NAS: ${sp(sins[2] as string, ' ')}`, sp(sins[2] as string, ' '));
    add(`{"sin":"${sp(sins[3] as string, '-')}","status":"temporary_resident"}`, sp(sins[3] as string, '-'));
    add(`payroll T4 sin=${sins[4]} missing`, sins[4] as string);
    add(`ValidationError: social insurance number ${sp(sins[5] as string, ' ')} already in use`, sp(sins[5] as string, ' '));
    add(`INSERT INTO employees (sin) VALUES ('${sp(sins[6] as string, '-')}')`, sp(sins[6] as string, '-'));
    add(`onboarding: SIN ${checkedSin('130 692 544')} accepted`, '130 692 544');
  }

  // ---- IPv4 -----------------------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_ip_recognizer.py ("microsoft.com 192.168.0.1");
  // documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and
  // maxmind/MaxMind-DB source-data GeoIP2 test fixtures (81.2.69.142, 89.160.20.112, 2.125.160.216,
  // 175.16.199.0/24, 216.160.83.56, 67.43.156.0/24).
  add('203.0.113.42 - - [12/Mar/2026:10:15:32 +0000] "GET /api/cart HTTP/1.1" 200 512 "-" "-"', '203.0.113.42');
  add('X-Forwarded-For: 198.51.100.23, 10.0.0.4', '198.51.100.23');
  add('client_ip="192.0.2.146" action=login result=fail', '192.0.2.146');
  add('rate limit exceeded for 203.0.113.199 (120 req/min)', '203.0.113.199');
  add('remote_addr=198.51.100.7:53122 connection closed', '198.51.100.7');
  add('{"client.address":"81.2.69.142","http.response.status_code":403}', '81.2.69.142');
  add('sshd[1234]: Failed password for invalid user admin from 89.160.20.112 port 51234 ssh2', '89.160.20.112');
  add("db.query.text SELECT * FROM sessions WHERE ip = '203.0.113.77'", '203.0.113.77');
  add('geoip lookup 2.125.160.216 -> GB', '2.125.160.216');
  add('waf: blocked 175.16.199.12/32 rule=9421', '175.16.199.12');
  add('Referer: http://198.51.100.50:8080/setup', '198.51.100.50');
  add('postfix/smtpd: connect from unknown[192.0.2.33]', '192.0.2.33');
  add('Error: connect ETIMEDOUT 216.160.83.56:443', '216.160.83.56');
  add('peer=67.43.156.14 tls handshake failed: unknown ca', '67.43.156.14');
  add('audit: login ok user_id=8812 src=192.0.2.201', '192.0.2.201');
  add('x-real-ip: 198.51.100.201', '198.51.100.201');
  add('fail2ban.actions: [sshd] Ban 89.160.20.128', '89.160.20.128');
  add('2026-03-12T10:15:32Z,login,203.0.113.88,ok', '203.0.113.88');
  add('microsoft.com 192.0.2.1 resolved', '192.0.2.1');

  // ---- IPv6 -----------------------------------------------------------------------------------------
  // microsoft/presidio presidio-analyzer/tests/test_ip_recognizer.py: 2001:db8::8a2e:370:7334,
  // 2001:db8:85a3::8a2e:370, 2400:c401::5054:ff:fe1b:b031, 2345:0425:2CA1:0000:0000:0567:5673:23b5,
  // 2345:0425:2CA1::0567:5673:23b5, 684D:1111:222:3333:4444:5555:6:77, A099::09C0:876A:130B,
  // "Connect to [2001:db8::1]:8080", "Visit http://[2001:db8::1]/path"; RFC 3849 2001:db8::/32;
  // maxmind/MaxMind-DB source-data/GeoIP2-City-Test.json networks 2001:218::/32, 2001:220::/32.
  add('client 2001:db8::8a2e:370:7334 authenticated', '2001:db8::8a2e:370:7334');
  add('X-Forwarded-For: 2001:db8:85a3::8a2e:370', '2001:db8:85a3::8a2e:370');
  add('remote=2400:c401::5054:ff:fe1b:b031 port=443', '2400:c401::5054:ff:fe1b:b031');
  add('peer 2345:0425:2CA1:0000:0000:0567:5673:23b5 connected', '2345:0425:2CA1:0000:0000:0567:5673:23b5');
  add('peer 2345:0425:2CA1::0567:5673:23b5 disconnected', '2345:0425:2CA1::0567:5673:23b5');
  add('my ip: 684D:1111:222:3333:4444:5555:6:77', '684D:1111:222:3333:4444:5555:6:77');
  add('source A099::09C0:876A:130B throttled', 'A099::09C0:876A:130B');
  add('Connect to [2001:db8:4::1]:8080 refused', '2001:db8:4::1');
  add('Visit http://[2001:db8:cafe::17]/login', '2001:db8:cafe::17');
  add('req.socket.remoteAddress=::ffff:203.0.113.9', '203.0.113.9');
  add('{"client.address":"2001:db8:1f70::999:de8:7648:6e8","user_agent.original":"-"}', '2001:db8:1f70::999:de8:7648:6e8');
  add('2001:db8:1234:5678::abcd - - [12/Mar/2026:10:15:32 +0000] "POST /login HTTP/2.0" 401 0', '2001:db8:1234:5678::abcd');
  add('geoip lookup 2001:218:4a1::7 -> JP', '2001:218:4a1::7');
  add('login from 2001:220:1:2::3c ok', '2001:220:1:2::3c');
  add('allowlist add 2001:DB8:ABCD:0012::F', '2001:DB8:ABCD:0012::F');
  add('dhcpv6 lease 2001:db8:85a3:8d3:1319:8a2e:370:7348 renewed', '2001:db8:85a3:8d3:1319:8a2e:370:7348');
  add('ip6 2001:db8:0:0:1:0:0:1 banned', '2001:db8:0:0:1:0:0:1');

  // ---- Home directory paths revealing a user name ----------------------------------------------
  // Shapes of real stack traces and errors (Node.js ENOENT/EPERM, Python tracebacks, Go and Rust
  // panics, JVM frames) with Linux, macOS, Windows, WSL, Fedora Silverblue, BSD/Solaris homes.
  add("ENOENT: no such file or directory, open '/home/priyanka/.config/optel/config.json'", 'priyanka');
  add('    at Object.<anonymous> (/home/tkowalski/src/shop/index.js:12:5)', 'tkowalski');
  add('    at async main (file:///Users/kenjit/dev/app/src/main.mjs:3:7)', 'kenjit');
  add('Loaded /Users/amelie.d/Library/Application Support/Code/User/settings.json', 'amelie.d');
  add("Error: EPERM: operation not permitted, unlink 'C:\\Users\\oadeyemi\\AppData\\Local\\Temp\\tmp-4412.lock'", 'oadeyemi');
  add('resolve C:/Users/sgarcia/projects/api/node_modules/.pnpm/lodash@4.17.21/index.js', 'sgarcia');
  add('{"code.filepath":"C:\\\\Users\\\\lnilsson\\\\repo\\\\src\\\\app.ts","code.lineno":42}', 'lnilsson');
  add("Could not load 'C:\\Users\\Mei Chen\\Documents\\report.xlsx'", 'Mei Chen');
  add('npm ERR! path C:\\Users\\Zoë\\AppData\\Roaming\\npm\\node_modules', 'Zoë');
  add('wsl: reading /mnt/c/Users/nlevi/Downloads/export.csv', 'nlevi');
  add('build log at \\\\wsl$\\Ubuntu-22.04\\home\\jweber\\proj\\build.log', 'jweber');
  add('open \\\\wsl.localhost\\Debian\\home\\fzahra\\.bashrc failed', 'fzahra');
  add('flatpak: /var/home/lobrien/.local/share/flatpak/repo locked', 'lobrien');
  add('Permission denied reading ~hkim/.ssh/id_ed25519', 'hkim');
  add('  File "/home/ravi_k/venv/lib/python3.12/site-packages/requests/api.py", line 59, in request', 'ravi_k');
  add('\tat com.acme.Loader.load(Loader.java:42) ~[file:/home/ydemir/.m2/repository/com/acme/core/1.2/core-1.2.jar]', 'ydemir');
  add('git-bash: /c/Users/imoreau/AppData/Local/Programs/app/app.exe exited 1', 'imoreau');
  add('cygwin: stat /cygdrive/c/Users/tnovak/projects/x.cfg: No such file', 'tnovak');
  add('freebsd: core dumped to /usr/home/kasante/app.core', 'kasante');
  add('solaris: /export/home/jsmith87/.profile sourced', 'jsmith87');
  add('process.cwd=/home/npetrov', 'npetrov');
  add('GET /open?path=%2FUsers%2Flina.li%2FDesktop%2Fplan.pdf 200', 'lina.li');
  add('opened file:///C:/Users/zali/Desktop/notes.txt', 'zali');
  add('goroutine 1 [running]:\nmain.main()\n\t/home/ejones/go/src/acme/cmd/api/main.go:27 +0x1d', 'ejones');
  add("thread 'main' panicked at /Users/rpatel/.cargo/registry/src/index.crates.io-6f17d22bba15001f/serde_json-1.0.120/src/de.rs:2:5", 'rpatel');
  add('docker run -v /home/mkowalska/data:/data acme/worker', 'mkowalska');
  add('env HOME=/home/dfernandez SHELL=/bin/zsh', 'dfernandez');
  add('xcodebuild: /Users/slarsen/Library/Developer/Xcode/DerivedData/App-abc/Build', 'slarsen');
  add("Error: EBUSY: resource busy or locked, open 'C:\\Users\\abello\\OneDrive - Contoso\\Docs\\q3.xlsx'", 'abello');
  add('c:\\users\\hlambert\\appdata\\local\\temp\\crash.dmp written', 'hlambert');
  add("ENOENT: no such file or directory, lstat '/home/eyilmaz/.npmrc'", 'eyilmaz');
  add('cache dir D:\\Users\\bandersson\\.cache\\pip', 'bandersson');
  add('sourcemap webpack:///Users/plee/work/site/src/App.tsx', 'plee');

  // ---- Mixed: e-mail and phone in ordinary log context -----------------------------------------
  add('support ticket #4411 opened by kofi.mensah@example.com, callback +233 24 123 4567', 'kofi.mensah@example.com', '24 123 4567');
  add('order 88120 shipping contact: Dana Cohen, dana.cohen@example.co.il, 052-345-6789', 'dana.cohen@example.co.il', '052-345-6789');
  add('crm.sync contact updated email=yuki.sato@example.jp phone=090-8765-4321', 'yuki.sato@example.jp', '090-8765-4321');
  add('{"customer":{"email":"wang.fang@example.cn","mobile":"139 8765 4321"}}', 'wang.fang@example.cn', '139 8765 4321');
  add('WARN duplicate account: leo.martin@example.fr / 07 98 76 54 32', 'leo.martin@example.fr', '07 98 76 54 32');
  add('delivery failed for (646) 555-0119 and sam.reed@example.com', '(646) 555-0119', 'sam.reed@example.com');

  return out;
}
