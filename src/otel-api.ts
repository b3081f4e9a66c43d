import { createRequire } from 'node:module';

type OtelApi = typeof import('@opentelemetry/api');

let api: OtelApi | undefined;

/**
 * @opentelemetry/api, loaded on first use. An app that never grants consent never needs it, and
 * loading it (about 50 modules) was most of what register() cost such an app at start-up. The API
 * keeps its state in one global registry, so this copy and the SDK's (loaded on the first grant)
 * see the same providers, context manager and diag logger.
 */
export function otelApi(): OtelApi {
  api ??= createRequire(import.meta.url)('@opentelemetry/api') as OtelApi;
  return api;
}

/** SpanStatusCode.ERROR and SpanKind.INTERNAL, which are plain numbers in the OTel API. */
export const SPAN_STATUS_ERROR = 2;
export const SPAN_KIND_INTERNAL = 0;
