import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/catalog/catalog.js';
import { acceptedMetrics, ingestPolicy, ottlString, seriesBudget, SPAN_NAME_LIMIT } from '../../src/catalog/ingest-policy.js';
import { defineCatalog } from '../../src/catalog/types.js';
import { builtinDetectors } from '../../src/redaction/detectors.js';
import { Scrubber } from '../../src/redaction/scrubber.js';
import { DETECTOR_SAMPLES } from '../helpers/detector-samples.js';
import { allSecretLines } from '../redaction/corpora.js';
import { ROOT, runNode } from '../helpers/run.js';

const appCatalog = defineCatalog({
  trading: {
    description: 'Backtests.',
    metrics: {
      backtests: {
        kind: 'counter', unit: '{run}', description: 'Backtests "run".', sensitivity: 'low', expires: 'never', expiresReason: 'core business metric',
        attributes: { strategy: { type: 'string', maxLength: 32 }, outcome: { type: 'enum', values: ['ok', 'failed'] }, fast: { type: 'boolean' } },
      },
    },
  },
});

type Group = { context: string; conditions?: string[]; statements: string[] };
const transform = (catalog = buildCatalog(undefined)) => ingestPolicy(catalog).processors['transform/ingest'] as { metric_statements: Group[]; trace_statements: Group[] };

describe('the ingest policy generated from the catalog', () => {
  it('accepts exactly the declared metrics and the HTTP instrumentation histograms', () => {
    const names = acceptedMetrics(buildCatalog(appCatalog)).map((m) => m.name);
    expect(names).toContain('optel.trading.backtests');
    expect(names).toContain('optel.feature_usage.activations');
    expect(names).toContain('http.server.request.duration');
    const filter = ingestPolicy(buildCatalog(appCatalog)).processors['filter/ingest'] as { metrics: { metric: string[] } };
    expect(filter.metrics.metric[0]).toContain('optel\\\\.trading\\\\.backtests|');
    expect(filter.metrics.metric).toContain('name == "optel.trading.backtests" and (type != METRIC_DATA_TYPE_SUM or aggregation_temporality != AGGREGATION_TEMPORALITY_DELTA or is_monotonic != true)');
  });

  it('keeps only declared keys, maps other enum values to `other`, truncates free text, types the rest', () => {
    const group = transform(buildCatalog(appCatalog)).metric_statements.find((g) => g.conditions?.[0] === 'metric.name == "optel.trading.backtests"');
    expect(group?.statements).toEqual(expect.arrayContaining([
      'keep_keys(attributes, ["strategy", "outcome", "fast"])',
      'set(attributes["outcome"], "other") where attributes["outcome"] != nil and (not IsString(attributes["outcome"]) or not IsMatch(attributes["outcome"], "^(?:ok|failed)$"))',
      'set(attributes["strategy"], Substring(attributes["strategy"], 0, 32)) where IsString(attributes["strategy"]) and Len(attributes["strategy"]) > 32',
      'delete_key(attributes, "fast") where attributes["fast"] != nil and not IsBool(attributes["fast"])',
    ]));
    const definitions = transform(buildCatalog(appCatalog)).metric_statements.find((g) => g.context === 'metric');
    expect(definitions?.statements).toContain('set(description, "Backtests \\"run\\".") where name == "optel.trading.backtests"');
  });

  it('gives histograms their declared bounds and drops points with another bucket count', () => {
    const policy = ingestPolicy(buildCatalog(undefined));
    const filter = policy.processors['filter/ingest'] as { metrics: { datapoint: string[] } };
    expect(filter.metrics.datapoint).toContain('metric.name == "optel.feature_usage.time_spent" and Len(bucket_counts) != 11');
    const group = transform().metric_statements.find((g) => g.conditions?.[0] === 'metric.name == "optel.feature_usage.time_spent"');
    expect(group?.statements).toContain('set(explicit_bounds, [1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0])');
  });

  it('escapes OTTL strings', () => {
    expect(ottlString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('derives the series budget from the declarations', () => {
    const b = seriesBudget(buildCatalog(undefined));
    // update_checks: 3 declared results + other + absent.
    expect(b.metrics.find((m) => m.name === 'optel.system.update_checks')?.streams).toBe(5);
    expect(b.metrics.find((m) => m.name === 'optel.engagement.session_starts')?.streams).toBe(1);
    expect(b.total).toBe(b.countStreams + b.gaugeStreams + b.histogramStreams * b.samplesPerHistogramStream + b.spanMetricSamples);
    const withApp = seriesBudget(buildCatalog(appCatalog));
    expect(withApp.countStreams).toBeGreaterThan(b.countStreams);
    const caps = ingestPolicy(buildCatalog(undefined), { services: 3 }).processors;
    expect(caps['delta_to_cumulative/counts']).toEqual({ max_stale: '5m', max_streams: b.countStreams * 3 });
    expect(caps['delta_to_cumulative/histograms']).toEqual({ max_stale: '5m', max_streams: b.histogramStreams * 3 });
  });

  it('the Collector redacts with every client detector, and the client catches every sample', () => {
    const redaction = ingestPolicy(buildCatalog(undefined)).processors['redaction/ingest'] as { blocked_values: string[]; ignored_keys: string[] };
    expect(redaction.blocked_values).toHaveLength(builtinDetectors.length);
    // Only keys that hold a closed vocabulary by then skip the scan; free text never does.
    expect(redaction.ignored_keys).toEqual(expect.arrayContaining(['severity', 'outcome', 'http.response.status_code', 'optel.category']));
    for (const key of ['feature', 'type', 'operation', 'http.route', 'server.address', 'error.type']) expect(redaction.ignored_keys).not.toContain(key);
    const withApp = ingestPolicy(buildCatalog(appCatalog)).processors['redaction/ingest'] as { ignored_keys: string[] };
    expect(withApp.ignored_keys).toContain('fast');
    expect(withApp.ignored_keys).not.toContain('strategy');
    expect(Object.keys(DETECTOR_SAMPLES).sort()).toEqual(builtinDetectors.map((d) => d.name).sort());
    const scrubber = new Scrubber();
    for (const [name, sample] of Object.entries(DETECTOR_SAMPLES)) {
      expect(scrubber.scrubText(sample.text), name).not.toContain(sample.secret);
    }
  });
});

/**
 * An RE2 pattern as a JavaScript one, for the subset the edge patterns use: a leading (?i), inline
 * (?i:...) groups (Node 26 has regexp modifiers) and \x{HHHH} escapes. The Collector compiles the
 * real thing (test/e2e/hostile-clients.test.ts); this checks coverage on every corpus line in ms.
 */
function re2ToJs(pattern: string): RegExp {
  const insensitive = pattern.startsWith('(?i)');
  const body = (insensitive ? pattern.slice(4) : pattern).replace(/\\x\{([0-9A-Fa-f]{4})\}/g, '\\u$1');
  return new RegExp(body, insensitive ? 'gi' : 'g');
}

describe('the edge detectors', () => {
  it('catch what the client catches on the secret corpora, but for the few shapes only a validator tells apart', () => {
    const edges = builtinDetectors.map((d) => re2ToJs(d.edge ?? '(?!)'));
    const lines = allSecretLines();
    const missed = lines.filter((l) => {
      const out = edges.reduce((text, re) => text.replace(re, '****'), l.text);
      return l.secrets.some((secret) => out.includes(secret));
    });
    console.log(`edge detectors: ${(((lines.length - missed.length) / lines.length) * 100).toFixed(1)}% of ${lines.length} secret lines fully redacted`);
    // Lower-case IBANs (a checksum tells them from hex ids; RE2 cannot compute one), bare random
    // values that only the client's entropy test catches (RE2 has no validators), and the lines
    // the client misses too.
    expect(missed.length, missed.map((l) => l.text).join('\n')).toBeLessThanOrEqual(Math.ceil(lines.length * 0.02));
  });
});

describe('committed Collector files', () => {
  it('otel-collector/ingest-policy.yaml is what the catalog generates', async () => {
    const r = await runNode(['otel-collector/generate.ts', '--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('the span-metrics cardinality limit and the scrape limits agree with the budget', () => {
    const config = parse(readFileSync(join(ROOT, 'otel-collector/config.yaml'), 'utf8'));
    expect(config.connectors.span_metrics.aggregation_cardinality_limit).toBe(SPAN_NAME_LIMIT);
    const prom = parse(readFileSync(join(ROOT, 'prometheus/prometheus.yml'), 'utf8'));
    const job = prom.scrape_configs.find((j: { job_name: string }) => j.job_name === 'optel');
    const services = ingestPolicy(buildCatalog(undefined)).services;
    // The known services and unknown_service, each with its budget and a target_info series.
    expect(job.sample_limit).toBeGreaterThanOrEqual((services + 1) * (seriesBudget(buildCatalog(undefined)).total + 1));
    expect(job.label_value_length_limit).toBeGreaterThanOrEqual(128);
  });
});
