import type { Attributes, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { reportError } from '../diag.js';
import type { Scrubber } from './scrubber.js';
import { AttributeRedactor } from './attribute-redactor.js';

type MutableSpan = {
  name: string;
  attributes: Attributes;
  status: { code: number; message?: string };
  events: { name: string; attributes?: Attributes }[];
  links: { attributes?: Attributes }[];
};

/**
 * Scrubs a span before any exporting processor sees it: name, attributes, events (exception
 * messages and stack traces included), status message and link attributes.
 *
 * It works in `onEnding`, while the span is still writable; it must come first in the
 * provider's list of processors so that later ones only ever see the scrubbed span.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  private readonly attributes: AttributeRedactor;

  constructor(private readonly scrubber: Scrubber) {
    this.attributes = new AttributeRedactor(scrubber);
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnding(span: Span): void {
    try {
      const s = span as unknown as MutableSpan;
      s.name = this.scrubber.scrubText(s.name);
      s.attributes = this.attributes.redact(s.attributes);
      if (s.status.message !== undefined) s.status = { ...s.status, message: this.scrubber.scrubText(s.status.message) };
      for (const event of s.events) {
        event.name = this.scrubber.scrubText(event.name);
        if (event.attributes) event.attributes = this.attributes.redact(event.attributes);
      }
      for (const link of s.links) if (link.attributes) link.attributes = this.attributes.redact(link.attributes);
    } catch (error) {
      // A span we could not scrub must not leave: empty it rather than risk exporting it raw.
      reportError('redacting a span', error);
      const s = span as unknown as MutableSpan;
      s.name = '[REDACTED:error]';
      for (const key of Object.keys(s.attributes)) delete s.attributes[key];
      s.events.length = 0;
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
