import type { IncomingMessage } from 'node:http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import type { Attributes } from '@opentelemetry/api';
import type { IAttributesProcessor, ViewOptions } from '@opentelemetry/sdk-metrics';
import { AttributeRedactor } from '../redaction/attribute-redactor.js';
import type { Scrubber } from '../redaction/scrubber.js';
import { templatePath } from '../redaction/url.js';

/**
 * HTTP server and client spans and metrics, with nothing personal: no headers captured, the span
 * named after the method and templated path (`GET /orders/:id`), query strings never kept (the
 * redacting processor also strips them from `url.full` and drops client addresses and user agents).
 * Requests to the telemetry endpoint itself are never traced.
 */
export function createHttpInstrumentation(telemetryEndpoint: string): HttpInstrumentation {
  const own = safeUrl(telemetryEndpoint);
  return new HttpInstrumentation({
    ignoreOutgoingRequestHook: (req) => {
      if (!own) return false;
      const host = String(req.hostname ?? req.host ?? '').replace(/:\d+$/, '');
      const port = String(req.port ?? (req.protocol === 'https:' ? 443 : 80));
      return host === own.hostname && port === (own.port || (own.protocol === 'https:' ? '443' : '80'));
    },
    requestHook: (span, request) => {
      const incoming = request as IncomingMessage;
      if (typeof incoming.url === 'string' && typeof incoming.method === 'string' && 'httpVersion' in incoming) {
        span.updateName(`${incoming.method} ${templatePath(incoming.url)}`);
      }
    },
  });
}

/**
 * HTTP metrics are recorded by the instrumentation, not our API: their attributes go through the
 * same policy as span attributes (dropped keys, templated paths, scrubbed values).
 */
export function httpMetricsView(scrubber: Scrubber): ViewOptions {
  const redactor = new AttributeRedactor(scrubber);
  const processor: IAttributesProcessor = { process: (incoming: Attributes): Attributes => redactor.redact(incoming) };
  return { instrumentName: 'http.*', attributesProcessors: [processor] };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
