import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCollector } from '../../scripts/collector-build.mjs';
import { ROOT } from '../../scripts/stack.ts';
import { tempDir } from '../helpers/temp.js';

let binary = '';
const tmp = tempDir();

beforeAll(async () => {
  binary = await ensureCollector();
}, 900_000);

const POLICY = join(ROOT, 'otel-collector/ingest-policy.yaml');

function validate(configFile: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(binary, ['validate', '--config', configFile, '--config', POLICY], { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

const config = () => parse(readFileSync(join(ROOT, 'otel-collector/config.yaml'), 'utf8'));
const policy = () => parse(readFileSync(POLICY, 'utf8'));

describe('otel-collector/config.yaml', () => {
  it('is accepted by the built Collector\'s validate command', async () => {
    const r = await validate(join(ROOT, 'otel-collector/config.yaml'));
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('a malformed copy is rejected (so the check above can fail)', async () => {
    const broken = join(tmp.dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(join(ROOT, 'otel-collector/config.yaml'), 'utf8').replace('limit_mib: 512', 'limit_mib: lots'));
    const r = await validate(broken);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/memory_limiter|limit_mib/);
  });

  it('listens on loopback by default', () => {
    const c = config();
    const endpoints = [c.receivers.otlp.protocols.http.endpoint, c.exporters.prometheus.endpoint, c.extensions.health_check.endpoint];
    for (const e of endpoints) expect(e).toMatch(/:-127\.0\.0\.1:\d+\}$/);
    expect(c.receivers.otlp.protocols.grpc).toBeUndefined();
  });

  it('keeps no raw record of what arrived unless asked, and never rotates one away', () => {
    const received = config().exporters['file/received'];
    expect(received.path).toBe('${env:OPTEL_COLLECTOR_RECEIVED_FILE:-/dev/null}');
    // Rotation would let a client push earlier lines out with large bodies.
    expect(received.rotation).toBeUndefined();
  });

  it('every usage pipeline runs the ingest policy, and only the internal one carries optel\'s own metrics', () => {
    const pipelines = config().service.pipelines as Record<string, { receivers: string[]; processors?: string[] }>;
    for (const name of ['traces', 'metrics/counts', 'metrics/histograms']) {
      expect(pipelines[name]!.processors, name).toEqual(expect.arrayContaining(['filter/ingest', 'transform/service_names', 'transform/ingest', 'redaction/ingest']));
    }
    expect(pipelines['metrics/counts']!.processors).toContain('delta_to_cumulative/counts');
    expect(pipelines['metrics/histograms']!.processors).toContain('delta_to_cumulative/histograms');
    // What clients send (otlp, through forward/metrics) never enters the pipeline of the span-metric counters.
    expect(pipelines['metrics/internal']!.receivers.sort()).toEqual(['span_metrics', 'span_metrics/deletion_requests']);
  });

  it('the builder manifest has exactly the components the configs (single machine and scaled topology) use', () => {
    const used = new Set<string>();
    const scale = ['otel-collector/scale/edge.yaml', 'otel-collector/scale/gateway.yaml'].map((f) => parse(readFileSync(join(ROOT, f), 'utf8')));
    for (const c of [config(), policy(), ...scale]) {
      for (const kind of ['receivers', 'processors', 'exporters', 'connectors', 'extensions']) {
        for (const id of Object.keys(c[kind] ?? {})) used.add(id.split('/')[0]!);
      }
    }
    const manifest = parse(readFileSync(join(ROOT, 'otel-collector/builder-config.yaml'), 'utf8'));
    const modules = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'].flatMap((k) => (manifest[k] ?? []).map((m: { gomod: string }) => m.gomod.split(' ')[0]!.split('/').pop()!));
    const componentOf: Record<string, string> = {
      otlpreceiver: 'otlp', memorylimiterprocessor: 'memory_limiter', batchprocessor: 'batch', redactionprocessor: 'redaction',
      transformprocessor: 'transform', filterprocessor: 'filter', debugexporter: 'debug', prometheusexporter: 'prometheus',
      fileexporter: 'file', spanmetricsconnector: 'span_metrics', forwardconnector: 'forward', healthcheckextension: 'health_check',
      deltatocumulativeprocessor: 'delta_to_cumulative', bearertokenauthextension: 'bearertokenauth', deletionrequestprocessor: 'optel_deletion_requests',
      loadbalancingexporter: 'load_balancing', prometheusremotewriteexporter: 'prometheus_remote_write', otlpexporter: 'otlp_grpc',
      filestorage: 'file_storage', writestampprocessor: 'optel_write_stamp',
    };
    const built = new Set(modules.map((m: string) => componentOf[m] ?? m));
    expect([...used].filter((u) => !built.has(u)), 'used but not built').toEqual([]);
    expect([...built].filter((b) => !used.has(b)), 'built but not used').toEqual([]);
  });
});
