import { describe, expect, it } from 'vitest';
import { AttributeRedactor } from '../../src/redaction/attribute-redactor.js';
import { Scrubber } from '../../src/redaction/scrubber.js';

describe('AttributeRedactor', () => {
  it('drops identifying keys, templates URLs and paths, scrubs free values, keeps numbers', () => {
    const redactor = new AttributeRedactor(new Scrubber());
    const out = redactor.redact({
      'http.request.method': 'GET',
      'client.address': '203.0.113.9',
      'user_agent.original': 'Mozilla/5.0',
      'url.full': 'https://api.example.com/users/12345/orders?token=abc#frag',
      'url.path': '/users/12345',
      'app.note': 'mail jane.doe@example.com',
      'db.password': 'hunter2',
      'http.response.status_code': 200,
    });
    expect(out).toEqual({
      'http.request.method': 'GET',
      'url.full': 'https://api.example.com/users/:id/orders',
      'url.path': '/users/:id',
      'app.note': 'mail [REDACTED:email]',
      'db.password': '[REDACTED]',
      'http.response.status_code': 200,
    });
  });

  it('gives the same answer from its caches as on first sight, and counts every redaction each time', () => {
    const counts: string[] = [];
    const redactor = new AttributeRedactor(new Scrubber({ onRedaction: (d) => counts.push(d) }));
    const first = redactor.redact({ 'url.path': '/reset/jane.doe@example.com', 'server.address': 'jane.doe@example.com' });
    const again = redactor.redact({ 'url.path': '/reset/jane.doe@example.com', 'server.address': 'jane.doe@example.com' });
    expect(again).toEqual(first);
    expect(first).toEqual({ 'url.path': '/reset/:id', 'server.address': '[REDACTED:email]' });
    // The path's address went with its template (nothing to count); the host's was redacted twice.
    expect(counts).toEqual(['email', 'email']);
  });
});
