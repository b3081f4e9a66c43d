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
