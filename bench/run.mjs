// npm run bench: figures for the costs optel adds to a host app, measured side by side in one
// process (interleaved rounds, median of rounds) and reported as ratios, because shared machines
// are noisy. Needs a build (npm run bench builds first).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metrics as otelMetrics } from '@opentelemetry/api';
import { MeterProvider, PeriodicExportingMetricReader, InMemoryMetricExporter, AggregationTemporality } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { register, Scrubber, RedactingSpanProcessor } from '../dist/bundle/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
// BENCH_ONLY=api,span runs only those sections (names at each section's `want`).
const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
const want = (section) => only === undefined || only.includes(section);
const dir = mkdtempSync(join(tmpdir(), 'optel-bench-'));

/** ns per call: median over interleaved rounds of `n` calls. */
function compare(label, n, cases) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  // Short rounds in alternating order; the ratio is the median of per-round ratios, which
  // compares neighbours while this machine's speed drifts.
  for (let r = 0; r < ROUNDS * 3; r++) {
    const entries = Object.entries(cases);
    for (const [name, fn] of r % 2 === 0 ? entries : entries.reverse()) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn(i);
      samples[name].push(Number(process.hrtime.bigint() - t0) / n);
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const result = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, med(v)]));
  const names = Object.keys(result);
  const ratio = med(samples[names[0]].map((x, i) => x / samples[names[1]][i]));
  console.log(`\n${label}`);
  for (const k of names) console.log(`  ${k.padEnd(44)} ${result[k].toFixed(1).padStart(9)} ns/call`);
  console.log(`  ratio ${names[0]} / ${names[1]}: ${ratio.toFixed(2)}x (median of per-round ratios)`);
  return result;
}

// 1. Consent off: the cost of a call that records nothing.
if (want('consent-off')) {
  const t = register({ serviceName: 'bench', consentFile: join(dir, 'none.json'), env: {}, instrumentHttp: false });
  const noop = (v, a) => (v === -1 ? a : undefined);
  compare('Consent off: optel call vs an empty function call', 2_000_000, {
    'optel counter.add (consent off)': (i) => t.metrics.feature_usage.activations.add(1, { feature: 'export' }),
    'empty function': (i) => noop(i, { feature: 'export' }),
  });
  await t.shutdown();
}

// 2. Consent on: optel's typed API (consent check, shape check, scrub) vs a raw OTel counter and
// histogram with the same attributes.
if (want('api')) {
  writeFileSync(join(dir, 'all.json'), JSON.stringify({ version: 1, categories: { feature_usage: true, performance: true, system: true } }));
  const t = register({ serviceName: 'bench', consentFile: join(dir, 'all.json'), endpoint: 'http://127.0.0.1:9', exportIntervalMs: 3_600_000, env: {}, instrumentHttp: false, resourceMetrics: false });
  // Raw instruments from the same OTel SDK optel started (the global meter provider, same reader,
  // temporality and limits): the difference is what optel's API adds, not a different SDK setup.
  const meter = otelMetrics.getMeter('raw');
  const raw = meter.createCounter('raw');
  // The same bucket boundaries as optel's declaration, so both record into the same histogram shape.
  const { builtinCatalog } = await import('../dist/bundle/index.js');
  const rawHistogram = meter.createHistogram('raw_duration', { advice: { explicitBucketBoundaries: [...builtinCatalog.performance.metrics.operation_duration.buckets] } });
  compare('Consent on: optel counter.add vs raw OTel Counter.add (same attributes)', 100_000, {
    'optel counter.add': () => t.metrics.feature_usage.activations.add(1, { feature: 'export_csv' }),
    'raw OTel counter.add': () => raw.add(1, { feature: 'export_csv' }),
  });
  compare('Consent on: optel histogram.record vs raw OTel Histogram.record (same attributes)', 100_000, {
    'optel histogram.record': (i) => t.metrics.performance.operation_duration.record(i % 500, { operation: 'load_data', outcome: 'success' }),
    'raw OTel histogram.record': (i) => rawHistogram.record(i % 500, { operation: 'load_data', outcome: 'success' }),
  });
  await t.shutdown();
}

// 3. An HTTP server span as the instrumentation records it, through what a real app runs: a batch
// span processor exporting to an endpoint that accepts at once, with the event loop turning
// between requests. With the redacting processor in front (what optel adds) and without.
if (want('span')) {
  const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace');
  const sink = { export: (_s, cb) => setImmediate(() => cb({ code: 0 })), shutdown: async () => {}, forceFlush: async () => {} };
  const make = (redact) =>
    new TracerProvider({
      spanProcessors: [...(redact ? [new RedactingSpanProcessor(new Scrubber())] : []), new BatchSpanProcessor({ exporter: sink, maxQueueSize: 2048, maxExportBatchSize: 512, scheduledDelayMillis: 50 })],
    }).getTracer('b');
  const tracers = { 'HTTP span + redaction': make(true), 'HTTP span, raw SDK': make(false) };
  // The attributes instrumentation-http 0.301 records on a server span (captured from a real
  // request), with a browser's user agent: url.full belongs to client spans, not to these.
  const attributes = (i, ip) => ({
    'http.request.method': 'GET',
    'url.scheme': 'http',
    'server.address': ip ? '10.0.4.17' : 'api.internal',
    'network.peer.address': '127.0.0.1',
    'network.peer.port': 40000 + (i % 20000),
    'network.protocol.version': '1.1',
    'url.path': `/users/${1000 + (i % 500)}`,
    'url.query': 'tab=orders',
    'client.address': '127.0.0.1',
    'server.port': 8080,
    'user_agent.original': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    'http.response.status_code': 200,
  });
  for (const ip of [false, true]) {
    const samples = Object.fromEntries(Object.keys(tracers).map((k) => [k, []]));
    for (let r = 0; r < ROUNDS * 3; r++) {
      for (const [name, tracer] of r % 2 === 0 ? Object.entries(tracers) : Object.entries(tracers).reverse()) {
        const n = 20_000;
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < n; i++) {
          const span = tracer.startSpan(`GET /users/:id`, { kind: 1, attributes: attributes(i, ip) });
          span.setAttribute('http.response.status_code', 200);
          span.end();
          // A server turns its event loop between requests; the batch processor exports then.
          if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
        }
        samples[name].push(Number(process.hrtime.bigint() - t0) / n);
      }
    }
    const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const [withRedaction, raw] = Object.keys(samples).map((k) => samples[k]);
    const ratio = med(withRedaction.map((x, i) => x / raw[i]));
    console.log(`\nHTTP server span (12 attributes, server.address ${ip ? 'an IP address' : 'a host name'}), batch processor, ${ROUNDS * 3} interleaved rounds`);
    console.log(`  with redaction ${med(withRedaction).toFixed(0)} ns/span, raw SDK ${med(raw).toFixed(0)} ns/span, ratio ${ratio.toFixed(2)}x (median of per-round ratios)`);
  }
}

// 3a. An HTTP server under wrk (50 connections, 1 thread, a JSON route and /users/<id>), four ways:
// no telemetry, the raw OpenTelemetry NodeSDK (instrumentation-http, OTLP/HTTP exporters), optel with
// nothing granted, optel with everything granted. Interleaved rounds; CPU per request measured in
// the server process; both telemetry setups export to the same local sink.
if (want('http')) {
  const { fork, spawn, spawnSync } = await import('node:child_process');
  const http = await import('node:http');
  if (spawnSync('wrk', ['--version']).error) {
    console.log('\nHTTP server comparison: skipped (wrk is not installed: apt-get install wrk)');
  } else {
    // One sink per mode, counting what each delivers: under this load the SDK's span queue
    // (2,048) overflows, and how much of the telemetry gets out differs between setups.
    const received = {};
    const sinks = {};
    const makeSink = async (mode) => {
      received[mode] = 0;
      const sink = http.createServer((req, res) => {
        req.on('data', (d) => (received[mode] += d.length));
        req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
      });
      await new Promise((r) => sink.listen(0, '127.0.0.1', r));
      sinks[mode] = sink;
      return `http://127.0.0.1:${sink.address().port}`;
    };
    const script = join(dir, 'routes.lua');
    writeFileSync(script, 'local i = 0\nrequest = function()\n  i = i + 1\n  if i % 2 == 0 then return wrk.format("GET", "/api/items") end\n  return wrk.format("GET", "/users/" .. (1000 + i % 500))\nend\n');
    const modes = ['none', 'raw', 'off', 'on'];
    const apps = {};
    for (const mode of modes) {
      const child = fork(new URL('./http-app.mjs', import.meta.url).pathname, [], { env: { ...process.env, OPTEL_BENCH_MODE: mode, OPTEL_BENCH_SINK: await makeSink(mode) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const port = await new Promise((resolve) => child.once('message', (m) => resolve(m.port)));
      apps[mode] = { child, port };
    }
    const ask = (child, cmd) => new Promise((resolve) => { child.once('message', resolve); child.send({ cmd }); });
    // wrk runs asynchronously: the sinks live in this process and must keep answering while the
    // load runs, or every export stalls and both SDKs drop their spans instead of sending them.
    const wrk = async (port, seconds) => {
      const child = spawn('wrk', ['-t1', '-c50', `-d${seconds}s`, '--latency', '-s', script, `http://127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
      await new Promise((resolve) => child.on('close', resolve));
      const ms = (label) => {
        const m = new RegExp(`^\\s*${label}%\\s+([0-9.]+)(us|ms|s)`, 'm').exec(stdout);
        return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
      };
      return { rps: Number(/Requests\/sec:\s+([0-9.]+)/.exec(stdout)?.[1] ?? NaN), p50: ms('50'), p99: ms('99') };
    };
    for (const mode of modes) await wrk(apps[mode].port, 1); // warm up: JIT, connections, the SDK's first export
    const samples = Object.fromEntries(modes.map((m) => [m, []]));
    // Short rounds, many of them: this machine's speed drifts over seconds, so each round's ratio
    // compares neighbours, and the median of those ratios is the figure.
    const rounds = Math.max(7, ROUNDS);
    for (let r = 0; r < rounds; r++) {
      // Each pair runs back to back, in alternating order, so neither side always goes first.
      for (const mode of r % 2 === 0 ? ['none', 'off', 'raw', 'on'] : ['off', 'none', 'on', 'raw']) {
        const { child, port } = apps[mode];
        child.send({ cmd: 'mark' });
        const before = received[mode];
        const load = await wrk(port, 2);
        const report = await ask(child, 'report');
        samples[mode].push({ ...load, cpuUs: report.cpuMicros / report.requests, rss: report.rss, sentBytes: (received[mode] - before) / report.requests });
      }
    }
    const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const fig = Object.fromEntries(modes.map((m) => [m, Object.fromEntries(['rps', 'p50', 'p99', 'cpuUs', 'rss', 'sentBytes'].map((k) => [k, med(samples[m].map((s) => s[k]))]))]));
    console.log(`\nHTTP server under wrk (50 connections, JSON route and /users/<id>), medians of ${rounds} interleaved 2 s rounds`);
    const label = { none: 'no telemetry', raw: 'raw NodeSDK (instrumentation-http, OTLP)', off: 'optel, consent off', on: 'optel, all granted' };
    for (const m of modes) {
      const f = fig[m];
      console.log(`  ${label[m].padEnd(42)} ${f.cpuUs.toFixed(1).padStart(6)} us CPU/request  ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  RSS ${(f.rss / 1e6).toFixed(0)} MB  sent ${f.sentBytes.toFixed(0)} B/request`);
    }
    const ratio = (a, b, k) => med(samples[a].map((s, i) => s[k] / samples[b][i][k]));
    console.log(`  ratio optel all granted / raw NodeSDK (median of per-round ratios): CPU per request ${ratio('on', 'raw', 'cpuUs').toFixed(2)}x, req/s ${ratio('on', 'raw', 'rps').toFixed(2)}x`);
    console.log(`  ratio optel consent off / no telemetry (median of per-round ratios): CPU per request ${ratio('off', 'none', 'cpuUs').toFixed(2)}x, req/s ${ratio('off', 'none', 'rps').toFixed(2)}x`);
    for (const mode of modes) apps[mode].child.send({ cmd: 'exit' });
    for (const sink of Object.values(sinks)) sink.close();
  }
}

// 3b. The audit log's work for one 512-span export, against the exporter's own serialisation of it:
// main-thread time to serialise the batch, and to hand the sent body to the log and write it.
if (want('audit')) {
  const { JsonTraceSerializer } = await import('@opentelemetry/otlp-transformer');
  const { AuditLog } = await import('../dist/userdata/audit-log.js');
  const memory = new InMemorySpanExporter();
  const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: memory })] }).getTracer('audit');
  for (let i = 0; i < 512; i++) {
    tracer.startSpan(`GET /users/:id`, { kind: 1, attributes: { 'http.request.method': 'GET', 'url.path': '/users/:id', 'http.response.status_code': 200, 'server.address': 'api.internal', 'server.port': 8080 } }).end();
  }
  const spans = memory.getFinishedSpans();
  const body = JsonTraceSerializer.serializeRequest(spans);
  const log = new AuditLog(join(dir, 'audit', 'optel-audit.jsonl'));
  const serialise = [];
  const audit = [];
  for (let r = 0; r < ROUNDS * 3; r++) {
    const c0 = process.cpuUsage();
    JsonTraceSerializer.serializeRequest(spans);
    const c1 = process.cpuUsage(c0);
    serialise.push(c1.user + c1.system);
    const c2 = process.cpuUsage();
    log.append({ at: new Date().toISOString(), signal: 'traces', url: 'http://127.0.0.1:4318/v1/traces', outcome: 'sent', body });
    await log.flush();
    const c3 = process.cpuUsage(c2);
    audit.push(c3.user + c3.system);
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`\nAudit log per 512-span export (${(body.byteLength / 1024).toFixed(0)} KiB of OTLP/JSON), CPU of the whole process, median of ${ROUNDS * 3}: exporter's serialisation ${(med(serialise) / 1000).toFixed(2)} ms, audit log append and write ${(med(audit) / 1000).toFixed(2)} ms (${(med(audit) / med(serialise)).toFixed(2)}x)`);
}

// 4. Scrubber throughput on ordinary telemetry text and on text full of secrets: every value
// scanned (the cache of recent values is off; it would answer these few lines from memory).
if (want('scrubber')) {
  const scrubber = new Scrubber({ cacheSize: 0 });
  const benign = ['GET /api/orders/:id 200 12ms', 'feature export_csv completed in 125.5ms', 'v1.2.3 released 2026-11-22T10:00:00Z', "TypeError: Cannot read properties of undefined (reading 'id')", 'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7'];
  const secrets = ['user alice@example.com from 203.0.113.9', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijklmnop', 'card 4111 1111 1111 1111 key AKIAIOSFODNN7EXAMPLE', 'postgres://admin:s3cret@db:5432/app?password=x', 'at /home/alice/project/index.js:10:5'];
  const { allBenignLines } = await import('../test/redaction/corpora.ts');
  const sets = [['ordinary telemetry text', benign], ['the benign corpora (test/redaction)', allBenignLines()], ['text full of secrets', secrets]];
  // Interleaved rounds, median per set: one slow round on a shared machine does not decide a figure.
  const rates = sets.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    sets.forEach(([, corpus], k) => {
      const bytes = corpus.join('').length;
      const n = Math.ceil(1_000_000 / bytes);
      for (let i = 0; i < n / 10; i++) for (const s of corpus) scrubber.scrubText(s);
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) for (const s of corpus) scrubber.scrubText(s);
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      rates[k].push({ mbs: (bytes * n) / secs / 1e6, ns: (secs / (n * corpus.length)) * 1e9 });
    });
  }
  sets.forEach(([name], k) => {
    const sorted = rates[k].sort((a, b) => a.mbs - b.mbs);
    const mid = sorted[Math.floor(sorted.length / 2)];
    console.log(`\nScrubber on ${name}: ${mid.mbs.toFixed(1)} MB/s (${mid.ns.toFixed(0)} ns per value, median of ${ROUNDS} interleaved rounds)`);
  });
}

// 4a. Redaction quality on our corpora (test/redaction/corpora.ts: our templates and the corpora
// built from secret scanners', PII recognisers' and semantic conventions' public test data).
if (want('corpora')) {
  const { corpusFigures } = await import('../test/redaction/corpora.ts');
  const scrubber = new Scrubber();
  const f = corpusFigures((t) => scrubber.scrubText(t));
  console.log(`\nRedaction corpora: ${(f.recall * 100).toFixed(1)}% of ${f.secretLines} secret lines fully redacted, ${(f.intact * 100).toFixed(1)}% of ${f.benignLines} benign lines intact`);
}

// 4b. `optel redact` on 20 MB of ordinary telemetry lines, net of process start (median of 5).
if (want('redact')) {
  const { spawnSync } = await import('node:child_process');
  const lines = ['GET /api/v1/orders/:id 200 12ms', 'user clicked export button on dashboard', 'db query took 45ms rows=120', 'worker 3 processed batch 1042 in 230ms', 'ERROR TimeoutError: request to upstream timed out after 5000ms', 'config reloaded from /etc/app/config.yaml'];
  let text = '';
  for (let i = 0; text.length < 20e6; i++) text += `${lines[i % lines.length]} seq=${i}\n`;
  const file = join(dir, 'telemetry.txt');
  writeFileSync(file, text);
  const cli = new URL('../dist/bundle/cli.js', import.meta.url).pathname;
  const time = (args, input) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { input, stdio: ['pipe', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const input = Buffer.from(text);
  const runs = [];
  const starts = [];
  for (let i = 0; i < 5; i++) {
    runs.push(time([cli, 'redact'], input));
    starts.push(time(['-e', '0'], ''));
  }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`\noptel redact on 20 MB of telemetry lines: ${(text.length / (med(runs) - med(starts)) / 1e6).toFixed(1)} MB/s net of process start (${med(runs).toFixed(2)} s, start ${(med(starts) * 1000).toFixed(0)} ms)`);
}

// 5. Memory while the Collector is down, in a fresh process so nothing above skews the heap.
if (want('memory')) {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--expose-gc', new URL('./memory-collector-down.mjs', import.meta.url).pathname], { encoding: 'utf8' });
  process.stdout.write(`\n${out}`);
}

// 6. Start-up of a whole app process without optel, with optel and consent off, with consent on.
if (want('startup')) {
  const { spawnSync } = await import('node:child_process');
  const script = new URL('./app-startup.mjs', import.meta.url).pathname;
  const modes = ['none', 'off', 'raw', 'on'];
  const times = Object.fromEntries(modes.map((m) => [m, []]));
  const rounds = 11;
  for (let round = 0; round < rounds; round++) {
    // Pairs back to back, in alternating order; the ratios are medians of per-round ratios.
    for (const mode of round % 2 === 0 ? modes : ['off', 'none', 'on', 'raw']) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, [script], { env: { ...process.env, OPTEL_BENCH_MODE: mode } });
      times[mode].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const m = Object.fromEntries(modes.map((k) => [k, med(times[k])]));
  const ratio = (a, b) => med(times[a].map((x, i) => x / times[b][i]));
  console.log(`\nApp start-up to exit (50 HTTP requests), medians of ${rounds}: no telemetry ${m.none.toFixed(0)} ms, optel with consent off ${m.off.toFixed(0)} ms (${ratio('off', 'none').toFixed(2)}x); raw NodeSDK ${m.raw.toFixed(0)} ms, optel with consent on ${m.on.toFixed(0)} ms (${ratio('on', 'raw').toFixed(2)}x the raw NodeSDK; ratios are medians of per-round ratios)`);
}

// 7. The end of a process that never calls shutdown(): what optel adds while it delivers what was
// recorded (or writes it to the outbox), against a Collector that answers at once, one that
// refuses connections, and one that accepts and never answers (the grace period, then disk).
if (want('exit')) {
  const { spawn } = await import('node:child_process');
  const http = await import('node:http');
  const net = await import('node:net');
  const ok = http.createServer((q, r) => q.resume().on('end', () => r.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
  const hang = net.createServer(() => {});
  await Promise.all([new Promise((r) => ok.listen(0, '127.0.0.1', r)), new Promise((r) => hang.listen(0, '127.0.0.1', r))]);
  const script = new URL('./exit-app.mjs', import.meta.url).pathname;
  const modes = {
    'no optel': { OPTEL_BENCH_MODE: 'none' },
    'Collector answers': { OPTEL_BENCH_MODE: 'optel', OPTEL_BENCH_ENDPOINT: `http://127.0.0.1:${ok.address().port}` },
    'Collector refuses': { OPTEL_BENCH_MODE: 'optel', OPTEL_BENCH_ENDPOINT: 'http://127.0.0.1:9' },
    'Collector hangs': { OPTEL_BENCH_MODE: 'optel', OPTEL_BENCH_ENDPOINT: `http://127.0.0.1:${hang.address().port}` },
  };
  const times = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
  for (let round = 0; round < 7; round++) {
    for (const [mode, env] of Object.entries(modes)) {
      const t0 = process.hrtime.bigint();
      // Asynchronous servers in this process must keep answering while the child runs: spawnSync
      // would block them, so the child is run and awaited.
      await new Promise((r) => spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: 'ignore' }).once('exit', r));
      times[mode].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  ok.close();
  hang.close();
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const m = Object.fromEntries(Object.keys(modes).map((k) => [k, med(times[k])]));
  const up = m['Collector answers'];
  console.log(`\nExit without shutdown() (1,000 increments and 100 spans recorded), median of 7: no optel ${m['no optel'].toFixed(0)} ms; optel with a Collector that answers ${up.toFixed(0)} ms, refuses ${m['Collector refuses'].toFixed(0)} ms (${(m['Collector refuses'] / up).toFixed(2)}x), hangs ${m['Collector hangs'].toFixed(0)} ms (${(m['Collector hangs'] / up).toFixed(2)}x: the 0.5 s grace, then disk)`);
}

// 8. The ingestion edge: legitimate traffic through the bare Collector, the full Collector
// (ingest policy, stream caps, auth) and the full edge (nginx TLS and limits in front).
if (want('edge')) {
  const { benchEdge } = await import('./edge-throughput.ts');
  await benchEdge();
}

rmSync(dir, { recursive: true, force: true });
