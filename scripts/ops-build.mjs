#!/usr/bin/env node
// Builds or reuses the operations stack's programs from the Go module proxy, pinned: Prometheus 3
// (prometheus, promtool), Alertmanager (alertmanager, amtool) and Thanos (thanos). Each is cached by version under
// ${OPTEL_CACHE_DIR || <repo>/.cache}/ops/<name>-<version>/; a cached binary that answers
// `--version` is used without touching Go. Go's module and build caches are left at their
// defaults, so they are shared with the Collector's build and persist between runs.
//
//   node scripts/ops-build.mjs [prometheus|alertmanager|thanos ...]   # prints each binary directory
//   import { ensureOps, opsBinary } from './ops-build.mjs'
//
// Why built here, not taken from Debian: Debian bookworm ships Prometheus 2.42 (early 2023) and
// Alertmanager 0.25, while users run Prometheus 3; the machines this project targets reach the Go
// module proxy, and both projects publish their Go modules there at every release.
//
// What the Go modules lack: the web UIs' built assets. Prometheus's UI sources are in its module:
// they are built with pnpm and vite from the npm registry and embedded, as its release build does.
// Alertmanager embeds ui/app/dist, which is not in the module, so `go install` refuses; its Elm UI
// needs a compiler downloaded from outside the registries. Its source is therefore built with a
// one-page UI that points to the API and to amtool. Both are built from a copy of the module's
// source taken out of the (read-only) module cache.
//
// Plain Node ESM, built-ins only.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { acquireLock, findGo, stream } from './collector-build.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINUTE = 60_000;
const BUILD_TIMEOUT_MS = 60 * MINUTE;

/** The pinned programs. `release` is the version each prints (set with -ldflags, as their release builds do). */
export const OPS = {
  prometheus: {
    module: 'github.com/prometheus/prometheus',
    // Not v0.316.0: its web UI's lockfile pins @mantine/code-highlight 9.7.2, which the npm
    // registry these machines reach does not serve; 3.15.1's resolves entirely.
    version: 'v0.315.1',
    release: '3.15.1',
    commands: ['prometheus', 'promtool'],
    // The web UI, built from the module's own sources with the pnpm its lockfile is written for.
    pnpm: '10.34.9',
    // Without the service-discovery plugins (Kubernetes, the clouds, Consul...): optel's stack
    // scrapes static loopback targets, and those plugins' SDKs were most of a cold build. Static
    // and file-based discovery are always built in. Operators who need more run the release
    // binaries or the Docker image, which the same configuration works with.
    tags: ['remove_all_sd'],
    expectMinutes: 5,
  },
  alertmanager: {
    module: 'github.com/prometheus/alertmanager',
    version: 'v0.35.0',
    release: '0.35.0',
    commands: ['alertmanager', 'amtool'],
    expectMinutes: 5,
  },
  // The replicated store of the scaled topology (receive, query, rule). Its go.mod has `replace`
  // directives, which `go install pkg@version` refuses: it is built from ops/thanos/, a module of
  // ours that requires it and repeats them. v0.42.5 needs Go >= 1.26.10: the proxy serves 1.27.3.
  thanos: {
    module: 'github.com/thanos-io/thanos',
    version: 'v0.42.5',
    release: '0.42.5',
    commands: ['thanos'],
    // Thanos casts its label types to Prometheus's with unsafe, which is sound only with slice
    // labels: built without this tag, receive corrupts memory and panics on its first query
    // (thanos-io/thanos#8947, "we don't support anything else except slicelabels").
    tags: ['slicelabels'],
    wrapper: 'ops/thanos',
    toolchain: 'go1.27.3',
    expectMinutes: 6,
  },
};

const log = (msg) => process.stderr.write(`[ops-build] ${msg}\n`);

function cacheRoot() {
  return path.resolve(process.env.OPTEL_CACHE_DIR || path.join(REPO_ROOT, '.cache'));
}

/** Where a program's binaries live once built. */
export function opsDir(name) {
  const spec = OPS[name];
  if (!spec) throw new Error(`unknown program ${name}; known: ${Object.keys(OPS).join(', ')}`);
  const variant = (spec.tags?.length ? `-${spec.tags.join('-')}` : '') + (spec.pnpm ? '-ui' : '');
  return path.join(cacheRoot(), 'ops', `${name}-${spec.version}${variant}`);
}

/** The path of one command (prometheus, promtool, alertmanager, amtool) of a built program. */
export function opsBinary(command) {
  const name = Object.keys(OPS).find((n) => OPS[n].commands.includes(command));
  if (!name) throw new Error(`unknown command ${command}`);
  return path.join(opsDir(name), command);
}

function answersVersion(binary) {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return !r.error && r.status === 0;
}

function ldflags(spec) {
  const v = 'github.com/prometheus/common/version';
  return `-s -w -X ${v}.Version=${spec.release} -X ${v}.Revision=${spec.version} -X ${v}.Branch=${spec.version} -X ${v}.BuildUser=optel -X ${v}.BuildDate=module-proxy`;
}

/**
 * Runs a command with its output on our stderr (in its own process group, killed with it on
 * Ctrl-C or at the deadline), and a line every 30 s so a long, silent compile shows it is alive.
 */
async function runLogged(what, cmd, args, opts) {
  const started = Date.now();
  const beat = setInterval(() => log(`${what}: still working (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    const result = await stream(cmd, args, opts, () => BUILD_TIMEOUT_MS);
    if (result !== 0) throw new Error(`${what} failed (${typeof result === 'number' ? `exit code ${result}` : result})`);
  } finally {
    clearInterval(beat);
  }
}

/** The Go found by findGo() (OPTEL_GO, /usr/local/go, PATH), first on PATH for everything we run. */
let go;

function goEnv(extra = {}) {
  // GOTOOLCHAIN=auto: a module that needs a newer Go than the machine's gets it from the proxy.
  // GOWORK=off: a module's own go.work (Prometheus has one) must not turn its copy into a workspace.
  const pathWithGo = go ? `${path.dirname(go)}${path.delimiter}${process.env.PATH ?? ''}` : process.env.PATH;
  return { ...process.env, PATH: pathWithGo, GOTOOLCHAIN: process.env.GOTOOLCHAIN ?? 'auto', CGO_ENABLED: '0', GOFLAGS: '-mod=mod', GOWORK: 'off', ...extra };
}

/** The module's source, copied out of the (read-only) module cache so it can be built with additions. */
async function moduleSource(spec, dir) {
  const dl = spawnSync(go, ['mod', 'download', '-json', `${spec.module}@${spec.version}`], { encoding: 'utf8', env: goEnv(), timeout: 15 * MINUTE });
  if (dl.error || dl.status !== 0) throw new Error(`go mod download ${spec.module}@${spec.version} failed: ${dl.stderr || dl.error?.message}`);
  const moduleDir = JSON.parse(dl.stdout).Dir;
  const src = `${dir}.src`;
  await fs.rm(src, { recursive: true, force: true });
  await fs.cp(moduleDir, src, { recursive: true });
  await chmodTree(src);
  return src;
}

/**
 * Prometheus with its web UI: the module's web/ui sources are built with pnpm (from the npm
 * registry) and vite, compressed and embedded by the module's own scripts, then the commands are
 * built with the `builtinassets` tag, as `make build` does.
 */
async function buildPrometheus(spec, dir) {
  const src = await moduleSource(spec, dir);
  const ui = path.join(src, 'web/ui');
  // build_ui.sh calls `pnpm`: a shim runs the pinned one through npx, on the Node running us.
  const shims = path.join(src, '.shims');
  await fs.mkdir(shims, { recursive: true });
  await fs.writeFile(path.join(shims, 'pnpm'), `#!/bin/sh\nexec npx --yes pnpm@${spec.pnpm} "$@"\n`, { mode: 0o755 });
  const uiEnv = { ...process.env, PATH: `${shims}:${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, CI: 'true' };
  await runLogged('installing the Prometheus UI\'s packages (pnpm)', path.join(shims, 'pnpm'), ['install', '--frozen-lockfile', '--filter', '@prometheus-io/mantine-ui...'], { cwd: ui, env: uiEnv });
  await runLogged('building the Prometheus UI (vite)', 'bash', ['build_ui.sh', '--build-module', '--mantine-ui'], { cwd: ui, env: uiEnv });
  await runLogged('compressing the UI assets for embedding', 'bash', ['scripts/compress_assets.sh'], { cwd: src, env: uiEnv });
  const tmp = `${dir}.partial`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  const tags = ['builtinassets', ...(spec.tags ?? [])].join(',');
  for (const c of spec.commands) {
    await runLogged(`go build ${spec.module}/cmd/${c}@${spec.version}`, go, ['build', '-trimpath', '-tags', tags, '-ldflags', ldflags(spec), '-o', path.join(tmp, c), `./cmd/${c}`], { cwd: src, env: goEnv() });
  }
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(tmp, dir);
  await fs.rm(src, { recursive: true, force: true });
}

const UI_PAGE = (spec) => `<!doctype html>
<meta charset="utf-8"><title>Alertmanager ${spec.release}</title>
<h1>Alertmanager ${spec.release}</h1>
<p>This build has no web UI: its assets are not published in the Go module (optel builds Alertmanager
from the module proxy). Everything works through the <a href="api/v2/status">HTTP API</a> and
<code>amtool --alertmanager.url=&lt;this address&gt;</code>: <code>amtool alert query</code>,
<code>amtool silence add</code>, <code>amtool config routes test</code>.</p>
`;

/** Thanos, from our wrapper module (its go.mod carries Thanos's replace directives). */
async function buildThanos(spec, dir) {
  const tmp = `${dir}.partial`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  const env = goEnv({ GOTOOLCHAIN: spec.toolchain });
  for (const c of spec.commands) {
    await runLogged(`go build ${spec.module}/cmd/${c}@${spec.version}`, go, ['build', '-trimpath', '-tags', (spec.tags ?? []).join(','), '-ldflags', ldflags(spec), '-o', path.join(tmp, c), `${spec.module}/cmd/${c}`], { cwd: path.join(REPO_ROOT, spec.wrapper), env });
  }
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(tmp, dir);
}

async function buildAlertmanager(spec, dir) {
  // Its embedded UI directory is supplied in the copied source.
  const src = await moduleSource(spec, dir);
  for (const ui of ['elm', 'mantine']) {
    await fs.mkdir(path.join(src, 'ui/app/dist', ui), { recursive: true });
    await fs.writeFile(path.join(src, 'ui/app/dist', ui, 'index.html'), UI_PAGE(spec));
  }
  const tmp = `${dir}.partial`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(tmp, { recursive: true });
  for (const c of spec.commands) {
    await runLogged(`go build ${spec.module}/cmd/${c}@${spec.version}`, go, ['build', '-trimpath', '-ldflags', ldflags(spec), '-o', path.join(tmp, c), `./cmd/${c}`], { cwd: src, env: goEnv() });
  }
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rename(tmp, dir);
  await fs.rm(src, { recursive: true, force: true });
}

/** The module cache is read-only; the copy must be writable (and removable afterwards). */
async function chmodTree(dir) {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(p);
    else await fs.chmod(p, 0o644);
  }
}

/** One check (or build) per program per process: every promtool call and stack start asks. */
const ensured = new Map();

/** Builds a program unless its cached binaries answer `--version`; returns their directory. */
export function ensureOps(name) {
  let pending = ensured.get(name);
  if (!pending) {
    pending = ensureOpsOnce(name);
    // A failed build is not remembered: the next call tries again.
    pending.catch(() => ensured.delete(name));
    ensured.set(name, pending);
  }
  return pending;
}

async function ensureOpsOnce(name) {
  const spec = OPS[name];
  const dir = opsDir(name);
  const ready = () => spec.commands.every((c) => answersVersion(path.join(dir, c)));
  if (ready()) return dir;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  // The Collector's lock: a build killed half-way (Ctrl-C, the OS) leaves a lock whose owner is
  // gone, and the next run takes it over at once instead of waiting.
  const release = await acquireLock(`${dir}.lock`, path.join(dir, spec.commands[0]));
  if (release === null && ready()) return dir; // another process built it while we waited
  try {
    if (ready()) return dir;
    go = findGo().go;
    log(`building ${name} ${spec.release} (${spec.commands.join(', ')}) from the Go module proxy; about ${spec.expectMinutes} minutes on 2 cores the first time, cached afterwards in ${dir}`);
    const started = Date.now();
    if (name === 'alertmanager') await buildAlertmanager(spec, dir);
    else if (name === 'thanos') await buildThanos(spec, dir);
    else await buildPrometheus(spec, dir);
    if (!ready()) throw new Error(`${name} was built but does not answer --version (${dir})`);
    log(`${name} ${spec.release} ready in ${Math.round((Date.now() - started) / 1000)} s`);
    return dir;
  } finally {
    await release?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(OPS);
  try {
    for (const name of names) process.stdout.write(`${await ensureOps(name)}\n`);
  } catch (e) {
    log(`error: ${e.message}`);
    process.exit(1);
  }
}
