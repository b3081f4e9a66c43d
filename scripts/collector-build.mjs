#!/usr/bin/env node
// Builds the optel OpenTelemetry Collector distribution from
// otel-collector/builder-config.yaml with the pinned OpenTelemetry Collector
// Builder (ocb), and caches the binary by the manifest's sha256.
//
//   node scripts/collector-build.mjs      # prints the binary path on the last stdout line
//   import { ensureCollector } from './collector-build.mjs'
//   const bin = await ensureCollector()
//
// Cache: ${OPTEL_CACHE_DIR || <repo>/.cache}/otelcol/<first 16 hex of sha256(manifest)>/optel-otelcol
// A cached binary that answers `--version` is returned without touching Go.
// Otherwise Go >= 1.25 is needed; the builder is installed into <repo>/.cache/gobin.
// GOCACHE/GOMODCACHE are left at Go's defaults so they persist between builds.
// Builder output is streamed to stderr, so stdout carries only the binary path.
//
// Plain Node ESM, built-ins only.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BUILDER_MODULE = 'go.opentelemetry.io/collector/cmd/builder';
export const BUILDER_VERSION = 'v0.161.0';
export const MIN_GO = [1, 25];
export const DIST_NAME = 'optel-otelcol';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(REPO_ROOT, 'otel-collector', 'builder-config.yaml');
const GO_HELP = `Go >= ${MIN_GO.join('.')} is needed to build the Collector, Prometheus and Alertmanager: install it from https://go.dev/dl/ (to /usr/local/go, or anywhere on PATH, or name it in OPTEL_GO)`;
const LOCK_STALE_MS = 3 * 60 * 60 * 1000; // longer than the worst-case build below
const LOCK_WAIT_MS = 2 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const envMinutes = (name, dflt) => {
  const v = Number(process.env[name]);
  return (Number.isFinite(v) && v > 0 ? v : dflt) * MINUTE;
};
// Generating sources + go mod tidy/download: ~2 min cold on 2 cores here.
const MODULES_PHASE_MS = envMinutes('OPTEL_COLLECTOR_MODULES_TIMEOUT_MIN', 15);
// go build of the distribution: ~4.5 min cold on 2 cores here.
const COMPILE_PHASE_MS = envMinutes('OPTEL_COLLECTOR_COMPILE_TIMEOUT_MIN', 40);
const BUILD_ATTEMPTS = 2;

class BuildError extends Error {}

const log = (msg) => process.stderr.write(`[collector-build] ${msg}\n`);

async function exists(p, mode = fsc.F_OK) {
  try {
    await fs.access(p, mode);
    return true;
  } catch {
    return false;
  }
}

/** Runs a command synchronously, capturing output; never throws. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000, ...opts });
  return { ok: !r.error && r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** Paths derived from the manifest's hash. */
export async function collectorPaths() {
  let manifest;
  try {
    manifest = await fs.readFile(MANIFEST);
  } catch (e) {
    throw new BuildError(`cannot read manifest ${MANIFEST}: ${e.message}`);
  }
  // Local components (manifest entries with `path:`) are built from this repo: their sources are
  // part of what the binary is, so they are part of its cache key.
  const h = createHash('sha256').update(manifest);
  for (const file of await componentSources()) h.update(path.relative(REPO_ROOT, file)).update(await fs.readFile(file));
  const hash = h.digest('hex');
  const cacheRoot = path.resolve(process.env.OPTEL_CACHE_DIR || path.join(REPO_ROOT, '.cache'));
  const cacheDir = path.join(cacheRoot, 'otelcol', hash.slice(0, 16));
  return {
    manifest,
    hash,
    cacheDir,
    binary: path.join(cacheDir, DIST_NAME),
    srcDir: path.join(cacheDir, 'src'),
    resolvedManifest: path.join(cacheDir, 'builder-config.resolved.yaml'),
    lockDir: path.join(cacheDir, '.lock'),
    gobin: path.join(REPO_ROOT, '.cache', 'gobin'),
  };
}

const COMPONENTS_DIR = path.join(path.dirname(MANIFEST), 'components');

/** Every source file of optel's own Collector components, in a stable order. */
async function componentSources() {
  const out = [];
  const walk = async (dir) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      // Tests are not part of the binary: editing one must not cost a rebuild.
      else if (/\.(go|mod|sum)$/.test(e.name) && !e.name.endsWith('_test.go')) out.push(p);
    }
  };
  await walk(COMPONENTS_DIR);
  return out;
}

async function binaryWorks(bin) {
  if (!(await exists(bin, fsc.X_OK))) return false;
  return run(bin, ['--version'], { timeout: 15_000 }).ok;
}

/** The Go toolchain: OPTEL_GO when set (and only it), else /usr/local/go, else PATH. Shared with ops-build.mjs. */
export function findGo() {
  const candidates = process.env.OPTEL_GO ? [process.env.OPTEL_GO] : ['/usr/local/go/bin/go'];
  if (!process.env.OPTEL_GO) {
    for (const dir of (process.env.PATH || '').split(path.delimiter)) {
      if (dir) candidates.push(path.join(dir, 'go'));
    }
  }
  for (const c of candidates) {
    const r = run(c, ['env', 'GOVERSION']);
    if (!r.ok) continue;
    const v = r.stdout.trim();
    const m = /^go(\d+)\.(\d+)/.exec(v);
    if (!m) continue;
    const [maj, min] = [Number(m[1]), Number(m[2])];
    if (maj > MIN_GO[0] || (maj === MIN_GO[0] && min >= MIN_GO[1])) return { go: c, version: v };
    log(`skipping ${c}: ${v} is older than go${MIN_GO.join('.')}`);
  }
  throw new BuildError(`no usable Go found (tried ${process.env.OPTEL_GO ? `OPTEL_GO=${process.env.OPTEL_GO}` : '/usr/local/go/bin/go and PATH'}). ${GO_HELP}`);
}

function goEnv(go) {
  // Put the chosen go first on PATH so the builder (which looks up `go` on PATH) uses it.
  return { ...process.env, PATH: `${path.dirname(go)}${path.delimiter}${process.env.PATH || ''}` };
}

/**
 * Streams a child's stdout+stderr to our stderr; resolves with its exit code (0 = success).
 * `deadline(text)` is called with each chunk and returns the ms the child may still run
 * from now (so a phase marker in the output can extend it); on expiry the child's whole
 * process group is killed and the result is a "timed out" string.
 */
export function stream(cmd, args, opts, deadline = () => Infinity) {
  return new Promise((resolve, reject) => {
    // Own process group, so a hung `go` grandchild can be killed with it.
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const killGroup = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    let timer;
    let timedOut = false;
    const arm = (ms) => {
      clearTimeout(timer);
      if (Number.isFinite(ms)) {
        timer = setTimeout(() => {
          timedOut = true;
          killGroup('SIGKILL');
        }, ms);
      }
    };
    const onSignal = (sig) => {
      killGroup('SIGKILL');
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    arm(deadline(''));
    const onData = (chunk) => {
      process.stderr.write(chunk);
      const ms = deadline(chunk.toString('utf8'));
      if (ms !== undefined) arm(ms);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (timedOut) resolve('timed out');
      else resolve(signal ? `signal ${signal}` : code);
    });
  });
}

// `builder version` prints "ocb version vX.Y.Z" (to stderr in v0.159.0 and later).
function builderReports(r) {
  return new RegExp(`version ${BUILDER_VERSION.replace(/\./g, '\\.')}\\s*$`, 'm').test(`${r.stdout}\n${r.stderr}`);
}

async function ensureBuilder(go, gobin) {
  const builder = path.join(gobin, 'builder');
  if (await exists(builder, fsc.X_OK)) {
    const r = run(builder, ['version']);
    if (r.ok && builderReports(r)) return builder;
    log(`builder at ${builder} is not ${BUILDER_VERSION} (${(r.stdout || r.stderr).trim() || 'no output'}); reinstalling`);
  }
  await fs.mkdir(gobin, { recursive: true });
  log(`installing ${BUILDER_MODULE}@${BUILDER_VERSION} into ${gobin}`);
  const code = await stream(
    go,
    ['install', `${BUILDER_MODULE}@${BUILDER_VERSION}`],
    { env: { ...goEnv(go), GOBIN: gobin }, cwd: gobin },
    (text) => (text === '' ? MODULES_PHASE_MS : undefined),
  );
  if (code !== 0) throw new BuildError(`go install ${BUILDER_MODULE}@${BUILDER_VERSION} failed (${code})`);
  const r = run(builder, ['version']);
  if (!r.ok || !builderReports(r)) {
    throw new BuildError(`installed builder does not report ${BUILDER_VERSION}: ${(r.stdout || r.stderr).trim()}`);
  }
  return builder;
}

/** The manifest with dist.output_path replaced by an absolute path. */
function resolveManifest(text, outputPath) {
  const lines = text.split(/\r?\n/);
  let inDist = false;
  let replaced = false;
  const out = lines.map((line) => {
    if (/^\S/.test(line) && !line.startsWith('#')) inDist = /^dist:\s*(#.*)?$/.test(line);
    if (inDist && /^\s+output_path:/.test(line)) {
      replaced = true;
      const indent = /^\s+/.exec(line)[0];
      return `${indent}output_path: ${JSON.stringify(outputPath)}`;
    }
    // A local component's path is relative to the manifest; the builder would read it relative
    // to its working directory.
    const local = /^(\s+path:\s*)(\S+)\s*$/.exec(line);
    if (local && !path.isAbsolute(local[2])) return `${local[1]}${JSON.stringify(path.resolve(path.dirname(MANIFEST), local[2]))}`;
    return line;
  });
  if (!replaced) {
    const i = out.findIndex((l) => /^dist:\s*(#.*)?$/.test(l));
    if (i < 0) throw new BuildError(`manifest ${MANIFEST} has no top-level "dist:" section`);
    out.splice(i + 1, 0, `  output_path: ${JSON.stringify(outputPath)}`);
  }
  return out.join('\n');
}

/** A directory lock so concurrent callers don't build the same cache entry twice. */
/** A build lock (a directory holding the owner's pid): stale once its owner is gone. Shared with ops-build.mjs. */
export async function acquireLock(lockDir, binary) {
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(path.join(lockDir, 'pid'), String(process.pid));
      return async () => fs.rm(lockDir, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    // Held by someone else: stale if its owner is gone or it is very old.
    let stale = false;
    try {
      const st = await fs.stat(lockDir);
      const pid = Number((await fs.readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => '')).trim());
      if (Date.now() - st.mtimeMs > LOCK_STALE_MS) stale = true;
      else if (pid > 0) {
        try {
          process.kill(pid, 0);
        } catch (err) {
          stale = err.code === 'ESRCH';
        }
      } else if (Date.now() - st.mtimeMs > 10_000) stale = true; // pid never written
    } catch {
      continue; // vanished between mkdir and stat: retry at once
    }
    if (stale) {
      log(`removing stale lock ${lockDir}`);
      await fs.rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (await binaryWorks(binary)) return null; // the other build finished
    if (!announced) {
      log(`another build holds ${lockDir}; waiting`);
      announced = true;
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw new BuildError(`timed out waiting for lock ${lockDir}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function build(p) {
  const { go, version } = findGo();
  log(`using ${go} (${version})`);
  const builder = await ensureBuilder(go, p.gobin);

  await fs.mkdir(p.srcDir, { recursive: true });
  await fs.writeFile(p.resolvedManifest, resolveManifest(p.manifest.toString('utf8'), p.srcDir));
  log(`building ${DIST_NAME} into ${p.srcDir} (this takes a while the first time)`);
  const t0 = Date.now();
  // `go mod tidy`/`download` can hang forever on a stalled proxy connection (Go sets no
  // timeout): bound the phase before the builder logs "Compiling" and the compile phase
  // separately, and try once more (modules already fetched stay in GOMODCACHE).
  let code;
  for (let attempt = 1; attempt <= BUILD_ATTEMPTS; attempt++) {
    let phase = 'modules';
    const deadline = (text) => {
      if (text === '') return MODULES_PHASE_MS;
      if (phase === 'modules' && /\bCompiling\b/.test(text)) {
        phase = 'compile';
        return COMPILE_PHASE_MS;
      }
      return undefined; // keep the current timer
    };
    code = await stream(builder, ['--config', p.resolvedManifest], { env: goEnv(go), cwd: p.cacheDir }, deadline);
    if (code === 0) break;
    if (code === 'timed out') code = `timed out in the ${phase} phase`;
    if (attempt < BUILD_ATTEMPTS) log(`builder failed (${code}); retrying (${attempt + 1}/${BUILD_ATTEMPTS})`);
  }
  if (code !== 0) throw new BuildError(`builder failed (${code}); see the output above`);

  const built = path.join(p.srcDir, DIST_NAME);
  if (!(await exists(built))) throw new BuildError(`builder succeeded but ${built} is missing`);
  await fs.rename(built, p.binary); // same directory tree: atomic
  if (!(await binaryWorks(p.binary))) throw new BuildError(`built binary ${p.binary} does not run --version`);
  log(`built in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}

/**
 * Returns the path of a working optel-otelcol binary, building it if the cache
 * has none for the current manifest. Rejects with an Error on failure.
 * @returns {Promise<string>}
 */
export async function ensureCollector() {
  const p = await collectorPaths();
  if (await binaryWorks(p.binary)) return p.binary;

  await fs.mkdir(p.cacheDir, { recursive: true });
  const release = await acquireLock(p.lockDir, p.binary);
  try {
    if (release && !(await binaryWorks(p.binary))) await build(p);
  } finally {
    if (release) await release();
  }
  return p.binary;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const bin = await ensureCollector();
    process.stdout.write(`${bin}\n`);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    process.stderr.write(`collector-build: ${msg}\n`);
    process.exitCode = 1;
  }
}
