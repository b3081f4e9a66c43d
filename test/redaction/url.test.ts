import { describe, expect, it } from 'vitest';
import { sanitizeUrl, templatePath } from '../../src/redaction/url.js';

describe('templatePath', () => {
  it.each([
    ['/users/42/orders/7', '/users/:id/orders/:id'],
    ['/orders/9f1c2e3d4b5a6978', '/orders/:id'],
    ['/items/3f2b9c1e-7d4a-4e8b-9c0d-1a2b3c4d5e6f', '/items/:id'],
    ['/u/alice%40example.com/profile', '/u/:id/profile'],
    ['/search?q=my+secret', '/search'],
    ['/a#frag', '/a'],
    ['/v2/api/oauth2/callback', '/v2/api/oauth2/callback'],
    ['/users/:id', '/users/:id'],
    ['/', '/'],
    ['/static/app.min.js', '/static/app.min.js'],
    ['/p/ord123abc', '/p/:id'],
  ])('%s -> %s', (input, expected) => {
    expect(templatePath(input)).toBe(expected);
  });

  it('returns the same string when nothing changes', () => {
    const s = '/api/health';
    expect(templatePath(s)).toBe(s);
  });
});

describe('sanitizeUrl', () => {
  it('drops credentials, query and fragment and templates the path', () => {
    expect(sanitizeUrl('https://bob:pw@api.example.com:8443/users/42?token=abc#x')).toBe('https://api.example.com:8443/users/:id');
  });

  it('keeps a relative path templated and marks garbage', () => {
    expect(sanitizeUrl('/users/42?x=1')).toBe('/users/:id');
    expect(sanitizeUrl('not a url with secret=1')).toBe('[REDACTED:url]');
  });
});

describe('sanitizeUrl, the hand-split common case', () => {
  // The reference: what WHATWG URL prints, templated the same way.
  const reference = (value: string): string => {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${templatePath(url.pathname)}`;
  };

  it.each([
    'http://api.internal:8080/users/42?tab=orders',
    'https://bob:pw@api.example.com:8443/users/42?token=abc#x',
    'https://api.example.com',
    'https://api.example.com?x=1',
    'https://api.example.com#top',
    'http://[2001:db8::1]:8080/a/9f1c2e3d4b5a6978',
    'http://127.0.0.1:5432/db',
    'https://a.b.c.example/v2/api/oauth2/callback',
    'http://u@h/p',
    'ws://h:9000/socket/3f2b9c1e-7d4a-4e8b-9c0d-1a2b3c4d5e6f',
  ])('%s is what URL gives', (value) => {
    expect(sanitizeUrl(value)).toBe(reference(value));
  });

  it.each(['HTTP://API.EXAMPLE.COM/x', 'http://h:80/x', 'https://h:443/x', 'http://h/a b', 'http://h/%7Euser'])('%s goes to URL for its normalisation', (value) => {
    expect(sanitizeUrl(value)).toBe(reference(value));
  });
});
