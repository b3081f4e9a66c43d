import { describe, expect, it } from 'vitest';
import { httpMetricsView } from '../../src/instrumentation/http.js';
import { Scrubber } from '../../src/redaction/scrubber.js';

describe('httpMetricsView', () => {
  it("applies the span attribute policy to the HTTP metrics' attributes", () => {
    const view = httpMetricsView(new Scrubber());
    const processor = view.attributesProcessors?.[0];
    expect(view.instrumentName).toBe('http.*');
    expect(
      processor?.process({
        'http.request.method': 'POST',
        'http.response.status_code': 500,
        'network.peer.address': '10.1.2.3',
        'client.address': '10.1.2.3',
        'user_agent.original': 'curl/8.0',
        'url.path': '/accounts/98765',
        'server.address': 'jane.doe@example.com',
      }),
    ).toEqual({ 'http.request.method': 'POST', 'http.response.status_code': 500, 'url.path': '/accounts/:id', 'server.address': '[REDACTED:email]' });
  });
});
