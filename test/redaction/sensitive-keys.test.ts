import { describe, it, expect } from 'vitest';
import { defaultSensitiveKeyPattern } from '../../src/redaction/sensitive-keys.js';
import { Scrubber } from '../../src/redaction/scrubber.js';

const sensitive = [
  'password',
  'db.password',
  'DB_PASSWORD',
  'passwd',
  'mysql.pwd',
  'secret',
  'client.secret',
  'token',
  'auth.token',
  'token_count',
  'api_key',
  'apikey',
  'api-key',
  'http.request.header.x-api-key',
  'authorization',
  'http.request.header.authorization',
  'Authorization',
  'auth',
  'http.auth',
  'cookie',
  'http.request.header.cookie',
  'set-cookie',
  'http.response.header.set-cookie',
  'session_id',
  'sessionid',
  'session.id',
  'credential',
  'aws.credentials',
  'private_key',
  'tls.private-key',
  'email',
  'user.email',
  'e-mail',
  'contact_e_mail',
  'phone',
  'phone_number',
  'mobile',
  'ssn',
  'customer.ssn',
  'iban',
  'card_number',
  'cc_number',
  'cvv',
  'username',
  'user_name',
  'user.name',
  'first_name',
  'last_name',
  'full_name',
  'birth',
  'birthdate',
  'birth_date',
  'date_of_birth',
  'street_address',
  'home_address',
  'billing_address',
  'billing-address.line1',
] as const;

const notSensitive = [
  'tokens_used',
  'gen_ai.usage.input_tokens',
  'server.address',
  'client.port',
  'telemetry.sdk.name',
  'service.name',
  'host.name',
  'feature',
  'operation',
  'passenger_count',
  'http.request.method',
  'http.route',
  'url.path',
  'author',
  'oauth_provider',
  'secretary',
  'emailer_queue_depth',
  'cookies_enabled_ratio',
  'telephone_exchange',
  'duration_ms',
  'error.type',
  'db.system',
  'phonetic',
] as const;

describe('defaultSensitiveKeyPattern', () => {
  it.each(sensitive.map((k) => [k]))('matches %j', (key) => {
    expect(defaultSensitiveKeyPattern.test(key)).toBe(true);
  });

  it.each(notSensitive.map((k) => [k]))('does not match %j', (key) => {
    expect(defaultSensitiveKeyPattern.test(key)).toBe(false);
  });

  it('is stateless (not global or sticky), so repeated tests agree', () => {
    expect(defaultSensitiveKeyPattern.global).toBe(false);
    expect(defaultSensitiveKeyPattern.sticky).toBe(false);
    for (let i = 0; i < 3; i++) expect(defaultSensitiveKeyPattern.test('db.password')).toBe(true);
  });
});

describe('Scrubber.isSensitiveKey', () => {
  const s = new Scrubber();

  it.each([['userEmail'], ['dbPassword'], ['apiKey'], ['firstName'], ['sessionId'], ['accessToken'], ['setCookie'], ['dateOfBirth']])(
    'treats camelCase humps as segment boundaries: %j',
    (key) => {
      expect(s.isSensitiveKey(key)).toBe(true);
    },
  );

  it.each([['tokensUsed'], ['passengerCount'], ['serverAddress'], ['sdkName'], ['authorName']])('camelCase negatives: %j', (key) => {
    expect(s.isSensitiveKey(key)).toBe(false);
  });

  it('agrees with the pattern for segment keys, on repeated (cached) calls too', () => {
    for (let i = 0; i < 2; i++) {
      for (const k of sensitive) expect(s.isSensitiveKey(k), k).toBe(true);
      for (const k of notSensitive) expect(s.isSensitiveKey(k), k).toBe(false);
    }
  });

  it('uses a custom pattern, even a global one, without lastIndex drift', () => {
    const custom = new Scrubber({ sensitiveKeyPattern: /(?:^|\.)internal_id$/g });
    for (let i = 0; i < 4; i++) {
      expect(custom.isSensitiveKey('order.internal_id')).toBe(true);
      expect(custom.isSensitiveKey('password')).toBe(false);
    }
  });

  it('returns false for non-string keys instead of throwing', () => {
    expect(s.isSensitiveKey(undefined as unknown as string)).toBe(false);
    expect(s.isSensitiveKey(42 as unknown as string)).toBe(false);
  });
});
