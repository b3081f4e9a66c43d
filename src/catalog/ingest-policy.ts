/**
 * The Collector's ingest policy, derived from the catalog: what an OTLP endpoint that anyone on the
 * internet can reach accepts. The client already validates and redacts, but the edge cannot know
 * that a request came from an honest optel client, so it enforces the same declarations again:
 *
 * - metrics: only declared names, each with its declared type and temporality (and the HTTP
 *   instrumentation's two histograms); per metric only declared attribute keys; enum values outside
 *   the declared set become `other`; free text is truncated to its declared length; descriptions,
 *   units and histogram bounds are the declared ones, so a client cannot mint new series names;
 * - spans (they feed only the span metrics): names templated like the client does (`/users/:id`),
 *   only `optel.category` kept and only as a declared category, events and links dropped;
 * - resources and scopes: only `service.name` and optel's own scope names survive;
 * - every remaining string goes through the Collector's `redaction` processor with the same
 *   detectors the client uses (their RE2 forms, `Detector.edge`) and the same sensitive keys;
 * - a series budget from the catalog, enforced by two `deltatocumulative` stream caps (counters and
 *   histograms apart, since a histogram stream is many Prometheus series).
 *
 * `npm run ingest-policy` writes it to otel-collector/ingest-policy.yaml for the built-in catalog,
 * or for an app's catalog with `--catalog`; the Collector loads it beside config.yaml.
 */
import { builtinDetectors, type Detector } from '../redaction/detectors.js';
import { defaultSensitiveKeyPattern } from '../redaction/sensitive-keys.js';
import { CATEGORY_ATTRIBUTE, type Catalog } from './catalog.js';
import type { AttributeSpec, InstrumentKind } from './types.js';

/** The value an enum attribute takes at the edge when it is not one of the declared values. */
export const OTHER = 'other';
/** What a free-text or number attribute may contribute to the series budget: its distinct values. */
const FREE_VALUES_PER_ATTRIBUTE = 20;
/** The client bounds the series of one instrument at this many (`CARDINALITY_LIMIT` in export/pipeline.ts); so does the budget. */
const MAX_STREAMS_PER_METRIC = 400;
/** Distinct span names per service, kind, status and category in the span metrics; more go to one overflow series. */
export const SPAN_NAME_LIMIT = 200;
/** The SDK's default histogram bounds, used when a catalog histogram declares none. */
const SDK_DEFAULT_BUCKETS = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
/** Bounds of the HTTP instrumentation's duration histograms (stable semantic conventions, seconds). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** optel's meter and tracer, and the HTTP instrumentation's. */
const SCOPE_NAMES = ['optel', '@opentelemetry/instrumentation-http'] as const;
/** Resource attributes that reach Prometheus at all (as the `job` label). */
const RESOURCE_KEYS = ['service.name'] as const;
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
/** Where data from a service the operator did not list is counted. */
const UNKNOWN_SERVICE = 'unknown_service';
/** Expanded by the Collector when it loads the policy; the default accepts only the demo app. */
const SERVICE_NAMES_VARIABLE = '${env:OPTEL_COLLECTOR_SERVICE_NAMES:-optel-demo}';

/** One metric the edge accepts, with everything the policy checks about it. */
export interface AcceptedMetric {
  readonly name: string;
  readonly kind: InstrumentKind;
  readonly description: string;
  readonly unit: string;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  readonly buckets?: readonly number[];
}

const HTTP_ATTRIBUTES: Readonly<Record<string, AttributeSpec>> = {
  'http.request.method': { type: 'enum', values: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', '_OTHER'] },
  'http.response.status_code': { type: 'number', min: 100, max: 599 },
  'http.route': { type: 'string', maxLength: 128 },
  'url.scheme': { type: 'enum', values: ['http', 'https'] },
  'network.protocol.version': { type: 'enum', values: ['1.0', '1.1', '2', '3'] },
  'error.type': { type: 'string', maxLength: 64 },
  'server.address': { type: 'string', maxLength: 128 },
  'server.port': { type: 'number', min: 1, max: 65535 },
};

const HTTP_METRICS: readonly AcceptedMetric[] = [
  { name: 'http.server.request.duration', kind: 'histogram', unit: 's', description: 'Duration of HTTP server requests.', attributes: HTTP_ATTRIBUTES, buckets: HTTP_BUCKETS },
  { name: 'http.client.request.duration', kind: 'histogram', unit: 's', description: 'Duration of HTTP client requests.', attributes: HTTP_ATTRIBUTES, buckets: HTTP_BUCKETS },
];

/** Every metric the edge accepts: the catalog's and the HTTP instrumentation's. */
export function acceptedMetrics(catalog: Catalog, detectors: readonly Detector[] = builtinDetectors): AcceptedMetric[] {
  const fromCatalog = catalog.entries.map((e): AcceptedMetric => {
    const attributes = { ...e.spec.attributes };
    // The redaction counter's detector label is, at the edge, one of the known detectors.
    if (e.instrument === 'optel.system.redactions') attributes.detector = { type: 'enum', values: detectors.map((d) => d.name) };
    return {
      name: e.instrument,
      kind: e.spec.kind,
      description: e.spec.description,
      unit: e.spec.unit,
      attributes,
      ...(e.spec.kind === 'histogram' ? { buckets: e.spec.buckets ?? SDK_DEFAULT_BUCKETS } : {}),
    };
  });
  return [...fromCatalog, ...HTTP_METRICS];
}

// ---- Series budget -------------------------------------------------------------------------

function valuesOf(spec: AttributeSpec): number {
  switch (spec.type) {
    case 'enum':
      return spec.values.length + 2; // declared values, `other`, and absent
    case 'boolean':
      return 3;
    default:
      return FREE_VALUES_PER_ATTRIBUTE + 1;
  }
}

/** Prometheus samples one stream of this metric takes: a histogram has a bucket per bound, +Inf, sum and count. */
function samplesPerStream(m: AcceptedMetric): number {
  return m.kind === 'histogram' ? (m.buckets?.length ?? 0) + 3 : 1;
}

export interface MetricBudget {
  readonly name: string;
  readonly histogram: boolean;
  readonly streams: number;
  readonly samples: number;
}

export interface SeriesBudget {
  readonly metrics: readonly MetricBudget[];
  /** Streams of counters and events the Collector tracks for one service. */
  readonly countStreams: number;
  /** Streams of histograms the Collector tracks for one service. */
  readonly histogramStreams: number;
  /** Prometheus series of the largest histogram stream (its buckets, +Inf, sum and count). */
  readonly samplesPerHistogramStream: number;
  /** Gauges: not deltas, so not capped by stream count; one series per declared combination. */
  readonly gaugeStreams: number;
  /** Prometheus series from the catalog and HTTP metrics of one service. */
  readonly samples: number;
  /** Span-metric series of one service: span names are capped at SPAN_NAME_LIMIT. */
  readonly spanMetricSamples: number;
  /** All Prometheus series one service can create at most. */
  readonly total: number;
}

/** spanmetrics: calls (1 sample) and a duration histogram (12 buckets + 3) per span-name stream. */
const SPAN_DURATION_BUCKETS = 12;

export function seriesBudget(catalog: Catalog, detectors: readonly Detector[] = builtinDetectors): SeriesBudget {
  const metrics = acceptedMetrics(catalog, detectors).map((m): MetricBudget => {
    const combinations = Object.values(m.attributes).reduce((n, a) => n * valuesOf(a), 1);
    const streams = Math.min(combinations, MAX_STREAMS_PER_METRIC);
    return { name: m.name, histogram: m.kind === 'histogram', streams, samples: streams * samplesPerStream(m) };
  });
  const accepted = acceptedMetrics(catalog, detectors);
  const isGauge = (name: string) => OTLP_TYPE[accepted.find((m) => m.name === name)?.kind ?? 'counter'] === 'METRIC_DATA_TYPE_GAUGE';
  const sum = (pick: (m: MetricBudget) => boolean) => metrics.filter(pick).reduce((n, m) => n + m.streams, 0);
  const countStreams = sum((m) => !m.histogram && !isGauge(m.name));
  const gaugeStreams = sum((m) => isGauge(m.name));
  const histogramStreams = sum((m) => m.histogram);
  const samplesPerHistogramStream = Math.max(0, ...accepted.filter((m) => m.kind === 'histogram').map(samplesPerStream));
  // The caps hold whatever mix of streams a client sends: every histogram stream may be the largest.
  const samples = countStreams + gaugeStreams + histogramStreams * samplesPerHistogramStream;
  // spanmetrics caps each of its two metrics at SPAN_NAME_LIMIT combinations plus one overflow series.
  const spanMetricSamples = (SPAN_NAME_LIMIT + 1) * (1 + SPAN_DURATION_BUCKETS + 3);
  return { metrics, countStreams, histogramStreams, samplesPerHistogramStream, gaugeStreams, samples, spanMetricSamples, total: samples + spanMetricSamples };
}

// ---- OTTL ------------------------------------------------------------------------------------

/** An OTTL string literal. */
export function ottlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A Go RE2 pattern matching exactly one of `values`. */
function anyOf(values: readonly string[]): string {
  return `^(?:${values.map((v) => v.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|')})$`;
}

const OTLP_TYPE: Record<InstrumentKind, string> = {
  counter: 'METRIC_DATA_TYPE_SUM',
  event: 'METRIC_DATA_TYPE_SUM',
  histogram: 'METRIC_DATA_TYPE_HISTOGRAM',
  gauge: 'METRIC_DATA_TYPE_GAUGE',
  observable_gauge: 'METRIC_DATA_TYPE_GAUGE',
};

/** Statements that bring one attribute to its declared shape (after keep_keys). */
function attributeStatements(key: string, spec: AttributeSpec, path = 'attributes'): string[] {
  const a = `${path}[${ottlString(key)}]`;
  switch (spec.type) {
    case 'enum':
      return [`set(${a}, ${ottlString(OTHER)}) where ${a} != nil and (not IsString(${a}) or not IsMatch(${a}, ${ottlString(anyOf(spec.values))}))`];
    case 'string':
      return [
        `set(${a}, ${ottlString(OTHER)}) where ${a} != nil and not IsString(${a})`,
        // Control characters would let a value forge lines in a log or a label.
        `replace_pattern(${a}, "[\\\\x00-\\\\x1f\\\\x7f]", " ") where IsString(${a})`,
        `set(${a}, Substring(${a}, 0, ${spec.maxLength})) where IsString(${a}) and Len(${a}) > ${spec.maxLength}`,
      ];
    case 'number': {
      const range = [spec.min !== undefined ? `${a} < ${spec.min}` : '', spec.max !== undefined ? `${a} > ${spec.max}` : ''].filter(Boolean);
      return [
        `delete_key(${path}, ${ottlString(key)}) where ${a} != nil and not (IsInt(${a}) or IsDouble(${a}))`,
        ...(range.length ? [`delete_key(${path}, ${ottlString(key)}) where (IsInt(${a}) or IsDouble(${a})) and (${range.join(' or ')})`] : []),
      ];
    }
    case 'boolean':
      return [`delete_key(${path}, ${ottlString(key)}) where ${a} != nil and not IsBool(${a})`];
  }
}

const RESOURCE_AND_SCOPE = [
  { context: 'resource', statements: [`keep_keys(attributes, [${RESOURCE_KEYS.map(ottlString).join(', ')}])`] },
  {
    context: 'scope',
    statements: [
      `set(name, ${ottlString(OTHER)}) where not IsMatch(name, ${ottlString(anyOf(SCOPE_NAMES))})`,
      'set(version, "") where not IsMatch(version, "^[0-9A-Za-z.+-]{0,32}$")',
      'keep_keys(attributes, [])',
    ],
  },
];

/** Span names as the client templates them: ids in paths become `:id`, query strings go. */
const SPAN_NAME_STATEMENTS = [
  'replace_pattern(name, "[?#].*$", "")',
  'replace_pattern(name, "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\\\b", "/:id")',
  'replace_pattern(name, "/[0-9]+\\\\b", "/:id")',
  'replace_pattern(name, "/[0-9a-fA-F]{8,}\\\\b", "/:id")',
  'replace_pattern(name, "/[^/ ]*(?:@|%40)[^/ ]*", "/:id")',
  'replace_pattern(name, "/[^/ ]{41,}", "/:id")',
  `set(name, ${ottlString(OTHER)}) where not IsMatch(name, "^[A-Za-z0-9_.:/ -]{1,96}$")`,
];

export interface IngestPolicy {
  readonly budget: SeriesBudget;
  /** Services (apps) the stream caps are sized for. */
  readonly services: number;
  /** The `processors` section to merge into the Collector's configuration. */
  readonly processors: Record<string, unknown>;
}

export interface IngestPolicyOptions {
  readonly detectors?: readonly Detector[];
  /** How many services (apps) one Collector serves: the stream cap is the per-service budget times this. Default 4. */
  readonly services?: number;
}

export function ingestPolicy(catalog: Catalog, options: IngestPolicyOptions = {}): IngestPolicy {
  const detectors = options.detectors ?? builtinDetectors;
  const services = options.services ?? 4;
  const metrics = acceptedMetrics(catalog, detectors);
  const budget = seriesBudget(catalog, detectors);

  const dropMetric = [
    `not IsMatch(name, ${ottlString(anyOf(metrics.map((m) => m.name)))})`,
    ...metrics.map((m) => {
      const n = `name == ${ottlString(m.name)}`;
      const wrongShape = [`type != ${OTLP_TYPE[m.kind]}`];
      // Sums and histograms must be deltas: a cumulative point from one writer would replace
      // the total that every other instance has added to.
      if (OTLP_TYPE[m.kind] !== 'METRIC_DATA_TYPE_GAUGE') wrongShape.push('aggregation_temporality != AGGREGATION_TEMPORALITY_DELTA');
      if (OTLP_TYPE[m.kind] === 'METRIC_DATA_TYPE_SUM') wrongShape.push('is_monotonic != true');
      return `${n} and (${wrongShape.join(' or ')})`;
    }),
  ];
  // A histogram point with other bounds would reset the stream's counts; one with a different
  // number of buckets cannot be relabelled, so it is dropped, and the others get the declared bounds.
  const dropDatapoint = metrics
    .filter((m) => m.kind === 'histogram')
    .map((m) => `metric.name == ${ottlString(m.name)} and Len(bucket_counts) != ${(m.buckets?.length ?? 0) + 1}`);

  const metricGroups = metrics.map((m) => ({
    context: 'datapoint',
    conditions: [`metric.name == ${ottlString(m.name)}`],
    statements: [
      `keep_keys(attributes, [${Object.keys(m.attributes).map(ottlString).join(', ')}])`,
      ...Object.entries(m.attributes).flatMap(([k, spec]) => attributeStatements(k, spec)),
      ...(m.buckets ? [`set(explicit_bounds, [${m.buckets.map((b) => (Number.isInteger(b) ? `${b}.0` : String(b))).join(', ')}])`] : []),
    ],
  }));
  const metricDefinitions = {
    context: 'metric',
    statements: metrics.flatMap((m) => [
      `set(description, ${ottlString(m.description)}) where name == ${ottlString(m.name)}`,
      `set(unit, ${ottlString(m.unit)}) where name == ${ottlString(m.name)}`,
    ]),
  };

  const categories = [...catalog.categories, 'deletion'];
  const spanStatements = [
    ...SPAN_NAME_STATEMENTS,
    `keep_keys(attributes, [${ottlString(CATEGORY_ATTRIBUTE)}])`,
    ...attributeStatements(CATEGORY_ATTRIBUTE, { type: 'enum', values: categories }),
    'set(status.message, "")',
    'set(trace_state, "")',
  ];

  const serviceNames = `set(attributes["service.name"], ${ottlString(UNKNOWN_SERVICE)}) where attributes["service.name"] == nil or not IsString(attributes["service.name"]) or not IsMatch(attributes["service.name"], ${ottlString(SERVICE_NAME.source)}) or not IsMatch(attributes["service.name"], ${ottlString(`^(?:${SERVICE_NAMES_VARIABLE})$`)})`;
  const processors: Record<string, unknown> = {
    // Each service is a Prometheus job with its own series: only the names an operator lists
    // (OPTEL_COLLECTOR_SERVICE_NAMES, `a|b`) keep theirs; all others share one. Also applied to
    // the deletion-request counter.
    'transform/service_names': {
      error_mode: 'ignore',
      metric_statements: [{ context: 'resource', statements: [serviceNames] }],
      trace_statements: [{ context: 'resource', statements: [serviceNames] }],
    },
    'filter/ingest': {
      error_mode: 'ignore',
      metrics: { metric: dropMetric, datapoint: dropDatapoint },
      traces: { spanevent: ['true'] },
    },
    'transform/ingest': {
      error_mode: 'ignore',
      metric_statements: [...RESOURCE_AND_SCOPE, metricDefinitions, ...metricGroups],
      trace_statements: [...RESOURCE_AND_SCOPE, { context: 'span', statements: spanStatements }],
    },
    'redaction/ingest': {
      allow_all_keys: true,
      // By the time this runs these keys hold a declared enum value, `other`, a number or a
      // boolean: nothing a detector could find, so their values are not scanned (the detectors
      // are most of the edge's CPU per data point).
      ignored_keys: closedVocabularyKeys(metrics),
      blocked_key_patterns: [`(?i)${defaultSensitiveKeyPattern.source}`],
      blocked_values: detectors.filter((d) => d.edge !== undefined).map((d) => d.edge),
      summary: 'silent',
    },
    'delta_to_cumulative/counts': { max_stale: '5m', max_streams: budget.countStreams * services },
    'delta_to_cumulative/histograms': { max_stale: '5m', max_streams: budget.histogramStreams * services },
  };
  return { budget, services, processors };
}

/** Attribute keys that are never free text in any accepted metric, plus the normalised category and service. */
function closedVocabularyKeys(metrics: readonly AcceptedMetric[]): string[] {
  const free = new Set<string>();
  const closed = new Set<string>([CATEGORY_ATTRIBUTE, 'service.name']);
  for (const m of metrics) {
    for (const [key, spec] of Object.entries(m.attributes)) (spec.type === 'string' ? free : closed).add(key);
  }
  return [...closed].filter((k) => !free.has(k)).sort();
}

/** The policy as the YAML file the Collector loads, with a header saying where it came from. */
export function ingestPolicyDocument(policy: IngestPolicy, stringify: (v: unknown) => string, source: string): string {
  const b = policy.budget;
  const SERVICES = policy.services;
  return [
    '# Generated by `npm run ingest-policy` from ' + source + '. Do not edit: regenerate.',
    '# The Collector loads it beside config.yaml (`--config config.yaml --config ingest-policy.yaml`).',
    `# Series budget per service: at most ${b.total} Prometheus series: ${b.countStreams} counter streams, ${b.histogramStreams} histogram streams`,
    `# of up to ${b.samplesPerHistogramStream} series each, ${b.gaugeStreams} gauges, ${b.spanMetricSamples} span-metric series. Stream caps below are for ${SERVICES} services.`,
    stringify({ processors: policy.processors }),
  ].join('\n');
}
