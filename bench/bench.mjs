// The benchmark: `make bench`. It measures; it is not a test and is never part of `make test`.
//
// 1. Copies the working tree to bench/out/src and builds from that one snapshot the release
//    site of the real course (bench/out/site) and of a generated 1,000-lesson course
//    (bench/out/scale-content → bench/out/scale-site), with their own cargo target dir
//    (bench/out/target), so it never touches dist/ or target/.
// 2. Sizes: every built file (raw, gzip -9, brotli q11) and what a first visit transfers.
// 2b. Crates: the br size each of the device link's crates adds (examples/crate-size-*.rs, built
//    for wasm32 with the bundles' profile, wasm-bindgen and wasm-opt flags, against a baseline).
// 3. Cold loads in headless Chromium under mobile emulation (phone viewport, 4× CPU slowdown,
//    150 ms RTT, 1.6 Mbps down, 750 kbps up, no cache, a fresh context per run): FCP, LCP and,
//    on a lesson, the time until the quiz accepts an answer. Served by tests/serve.mjs (no
//    compression) and by the same server with --compress (brotli, like a CDN).
// 3b. Lighthouse (bench/lighthouse.mjs): the deep-linked lesson against its floor, the same page
//    with its scripts removed, both served with --compress; mobile preset, median of 3 runs.
// 4. Next lesson: click on "Next" (a page load of the lesson bundle) until the next quiz is live.
// 5. Search: per query, from input to updated results (if the app has a search UI).
// 6. Memory after visiting every lesson in one page.
// 7. The 1,000-lesson course: build time, bytes, loads, search, ratios to the real course.
// Writes a table to stdout and everything to bench/out/results.json.
//
// Environment: BENCH_RUNS (cold loads per case, default 5), BENCH_SKIP_BUILD=1 (reuse the sites
// already in bench/out), BENCH_SKIP_SCALE=1 (only the real course), BENCH_LIGHTHOUSE_RUNS (runs
// per page, default 3), BENCH_LIGHTHOUSE_THROTTLING=devtools (Lighthouse throttles in the browser
// instead of simulating; the budgets are set on the default, simulate), BENCH_SKIP_LIGHTHOUSE=1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { generate } from './scale-content.mjs';
import { freePort } from './ports.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/out');
// Both courses are built from one snapshot of the working tree, so an edit made while the
// benchmark runs cannot end up in one build and not the other.
const SRC = path.join(OUT, 'src');
/** The real course's content as built: the snapshot's, or the working tree's if there is none yet. */
const CONTENT = () => (fs.existsSync(path.join(SRC, 'content')) ? path.join(SRC, 'content') : path.join(ROOT, 'content'));
const SNAPSHOT_SKIP = new Set(['.git', 'target', 'dist', 'node_modules', 'bench', 'test-results']);
const TARGET = path.join(OUT, 'target');
const REAL_SITE = path.join(OUT, 'site');
const SCALE_CONTENT = path.join(OUT, 'scale-content');
const SCALE_SITE = path.join(OUT, 'scale-site');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Math.max(1, +(process.env.BENCH_RUNS || 5));
const SKIP_BUILD = process.env.BENCH_SKIP_BUILD === '1';
const SKIP_SCALE = process.env.BENCH_SKIP_SCALE === '1';
const SKIP_LIGHTHOUSE = process.env.BENCH_SKIP_LIGHTHOUSE === '1';
const LIGHTHOUSE_RUNS = Math.max(1, +(process.env.BENCH_LIGHTHOUSE_RUNS || 3));
const LIGHTHOUSE_THROTTLING = process.env.BENCH_LIGHTHOUSE_THROTTLING || 'simulate';
if (!['simulate', 'devtools'].includes(LIGHTHOUSE_THROTTLING)) throw new Error(`BENCH_LIGHTHOUSE_THROTTLING=${LIGHTHOUSE_THROTTLING}: use simulate or devtools`);
const DEEP_LESSON = 'what-do-technical-program-managers-do';
const SCALE_MODULES = 40;
const SCALE_PER_MODULE = 25;
const QUERIES = ['depend', 'risk', 'stakeholder map', 'xyzzy'];

const EMULATION = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  cpuSlowdown: 4,
  network: { latencyMs: 150, downKbps: 1600, upKbps: 750 },
};
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const BUDGETS = {
  // 175 KB until issue 11, which gave its learning features (review, exam, mastery,
  // insights) at most 25 KB more over the 173.5 KB measured before them.
  wasmBytes: 198.5 * 1024,
  firstVisitBytes: 200 * 1024,
  layoutShift: 0.02,
  lessonLcpMs: 1500,
  // Issue 21: a deep-linked lesson fetches the lesson bundle only, before its quiz answers.
  lessonWasmBytes: 110 * 1024,
  lessonPathBytes: 140 * 1024,
  // "Next" is a page load in the lesson bundle: click → next lesson's quiz live, warm cache.
  nextLessonMs: 250,
  searchMs: 16,
  reviewStepMs: 16,
  largeRecordMs: 1000,
  scaleRatio: 2,
  // Issue 21, Lighthouse's mobile preset on the deep-linked lesson, against its floor (the same
  // page with its scripts removed): the app may cost little paint and little interactivity.
  lighthouseLcpRatio: 1.1,
  lighthouseTtiRatio: 1.7,
  lighthouseTbtMs: 50,
};

// ---------------------------------------------------------------- helpers

const log = (...a) => console.error('[bench]', ...a);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const kb = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KB`);
const ms = (x) => (x == null ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const sleep = (t) => new Promise((r) => setTimeout(r, t));

// Quality 11 (what a static host precompresses with), but 5 for files over 2 MB: quality 11 takes a
// minute on the 1,000-lesson course's 16 MB search index. The quality is recorded with each size.
const brotliQuality = (buf) => (buf.length > 2 * 2 ** 20 ? 5 : 11);
function brotli(buf, quality = brotliQuality(buf)) {
  return zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function walk(dir, base = dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue; // Trunk's .stage
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, base));
    else out.push(path.relative(base, p));
  }
  return out.sort();
}

function run(cmd, args, { env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(cmd, args, { cwd: SRC, env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else {
        const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}); log ${logFile}:\n${tail}`));
      }
    });
  });
}

const servers = [];
async function serve(script, dir, portFrom, ...flags) {
  const port = await freePort(portFrom);
  const child = spawn(process.execPath, [script, dir, String(port), '/', ...flags], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(child);
  await new Promise((resolve, reject) => {
    child.on('exit', (c) => reject(new Error(`${script} exited (${c})`)));
    child.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
  });
  return `http://127.0.0.1:${port}`;
}
function stopServers() {
  for (const s of servers) if (s.exitCode == null) s.kill('SIGTERM');
}
process.on('exit', stopServers);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServers(); process.exit(130); });

// ---------------------------------------------------------------- 1. builds

function snapshot() {
  fs.rmSync(SRC, { recursive: true, force: true });
  fs.mkdirSync(SRC, { recursive: true });
  for (const name of fs.readdirSync(ROOT)) {
    if (SNAPSHOT_SKIP.has(name)) continue;
    fs.cpSync(path.join(ROOT, name), path.join(SRC, name), {
      recursive: true,
      filter: (f) => !/[\\/](node_modules|test-results|playwright-report)$/.test(f),
    });
  }
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const status = git('status', '--porcelain', '--', '.', ':!bench');
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedChanges: status == null ? null : status.length > 0 };
}

async function build(name, site, contentDir) {
  const env = { ...process.env, CARGO_TARGET_DIR: TARGET };
  env.PATH = `${ROOT}/node_modules/.bin:${os.homedir()}/.cargo/bin:${env.PATH}`;
  if (contentDir) env.TPM_CONTENT_DIR = contentDir;
  else delete env.TPM_CONTENT_DIR;
  const logFile = path.join(OUT, `build-${name}.log`);
  log(`building the ${name} course from bench/out/src into ${path.relative(ROOT, site)} (log: ${path.relative(ROOT, logFile)})`);
  const t = Date.now();
  await run('trunk', ['build', '--release', '--public-url', '/', '--dist', site], { env, logFile });
  const seconds = (Date.now() - t) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return { seconds: round(seconds, 1), log: path.relative(ROOT, logFile) };
}

// ---------------------------------------------------------------- 2. sizes

// The crates the device link brought (issue 23), each measured as the br size it adds to a wasm
// that holds only the project's allocator and `format!` (examples/crate-size-base.rs): the
// examples call the handoff bundle's own functions (src/link.rs), so what they pull in is what
// the bundle pulls in, less what it shares with the rest of the bundle's code.
const CRATE_PROBES = [
  ['miniz_oxide', 'deflate', 'raw deflate at level 9 and inflate with a limit'],
  ['qrcode', 'qrcode', 'a QR code at level L, drawn as an SVG path'],
];

async function crateSizes() {
  const env = { ...process.env, CARGO_TARGET_DIR: TARGET };
  env.PATH = `${ROOT}/node_modules/.bin:${os.homedir()}/.cargo/bin:${env.PATH}`;
  delete env.TPM_CONTENT_DIR;
  // index.html's flags for every bundle, so the probes are built as the bundles are.
  const html = fs.readFileSync(path.join(SRC, 'index.html'), 'utf8');
  const params = (html.match(/data-bin="tpm-handoff"[^>]*data-wasm-opt-params="([^"]*)"/) || [])[1];
  if (!params) throw new Error('index.html: the handoff bundle\'s data-wasm-opt-params are missing');
  const optParams = params.split(/\s+/);
  const names = ['base', ...CRATE_PROBES.map(([, probe]) => probe)];
  const logFile = path.join(OUT, 'build-crate-sizes.log');
  await run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown',
    ...names.flatMap((n) => ['--example', `crate-size-${n}`])], { env, logFile });
  const dir = path.join(OUT, 'crate-sizes');
  fs.mkdirSync(dir, { recursive: true });
  const size = {};
  for (const n of names) {
    const input = path.join(TARGET, 'wasm32-unknown-unknown/release/examples', `crate-size-${n}.wasm`);
    await run('wasm-bindgen', ['--target=web', `--out-dir=${dir}`, `--out-name=${n}`, '--no-typescript', input], { env, logFile: `${logFile}.${n}` });
    const opt = path.join(dir, `${n}.opt.wasm`);
    await run('wasm-opt', [`--output=${opt}`, '-Os', path.join(dir, `${n}_bg.wasm`), ...optParams], { env, logFile: `${logFile}.${n}.opt` });
    size[n] = brotli(fs.readFileSync(opt), 11);
  }
  return {
    baseline: size.base,
    crates: CRATE_PROBES.map(([crate, probe, use]) => ({ crate, use, brotli: size[probe], adds: size[probe] - size.base })),
    flags: optParams.join(' '),
  };
}

/** Lesson order and titles, read from the built site (course.toml order via the content dir). */
function lessonOrder(contentDir) {
  const text = fs.readFileSync(path.join(contentDir, 'course.toml'), 'utf8');
  const slugs = [];
  for (const m of text.matchAll(/lessons\s*=\s*\[([^\]]*)\]/g)) {
    for (const s of m[1].matchAll(/"([^"]+)"/g)) slugs.push(s[1]);
  }
  return slugs;
}

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function lessonTitle(site, slug) {
  const page = fs.readFileSync(path.join(site, 'lessons', slug, 'index.html'), 'utf8');
  return decode(page.match(/<title>(.*?) · /)[1]);
}

/** The files a page makes the browser fetch before it can run: CSS, JS, wasm, preloads. */
function linkedFiles(html) {
  const base = (html.match(/<base\s+href="([^"]*)"/) || [null, '/'])[1];
  const attr = (tag, name) => (tag.match(new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`)) || [])[1];
  const urls = new Set();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = (attr(tag, 'rel') || '').toLowerCase();
    // What a first visit must fetch: CSS, JS, wasm (and whatever the page preloads). Icons and the
    // manifest are left out (the browser fetches them lazily, or only when installing).
    if (/\b(stylesheet|modulepreload|preload)\b/.test(rel) && attr(tag, 'href')) urls.add(attr(tag, 'href'));
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>/g)) urls.add(attr(tag, 'src'));
  for (const [, body] of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const m of body.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) urls.add(m[1]);
    // A lesson page starts its bundle after the first paint, by a dynamic import.
    for (const m of body.matchAll(/\bimport\(\s*['"]([^'"]+)['"]/g)) urls.add(m[1]);
    for (const m of body.matchAll(/['"]([^'"]+\.wasm)['"]/g)) urls.add(m[1]);
  }
  return [...urls].filter((u) => !/^[a-z]+:/i.test(u)).map((u) => {
    const p = u.startsWith('/') ? u : base + u;
    return decodeURIComponent(p.replace(/^\/+/, '').split(/[?#]/)[0]);
  });
}

function sizeOf(site, rel, memo) {
  if (memo.has(rel)) return memo.get(rel);
  const buf = fs.readFileSync(path.join(site, rel));
  const s = { file: rel, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf) };
  if (brotliQuality(buf) !== 11) s.brotliQuality = brotliQuality(buf);
  memo.set(rel, s);
  return s;
}

function firstVisit(site, page, memo) {
  const html = fs.readFileSync(path.join(site, page), 'utf8');
  const files = [page, ...linkedFiles(html)];
  const missing = files.filter((f) => !fs.existsSync(path.join(site, f)));
  if (missing.length) throw new Error(`${page} links files that are not in the site: ${missing.join(', ')}`);
  const sizes = files.map((f) => sizeOf(site, f, memo));
  const sum = (k) => sizes.reduce((a, s) => a + s[k], 0);
  return { page, files: sizes, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** Each bundle's files (JS glue, wasm, and the search bundle's start script), brotli. */
function bundleSizes(site, all, memo) {
  const out = {};
  for (const f of all) {
    const m = f.match(/^(tpm-[a-z]+)-(?:start-)?[0-9a-f]+(?:_bg\.wasm|\.js)$/);
    if (!m) continue;
    const b = (out[m[1]] ??= { files: [], brotli: 0, wasmBrotli: 0 });
    const size = sizeOf(site, f, memo);
    b.files.push(size);
    b.brotli += size.brotli;
    if (f.endsWith('.wasm')) b.wasmBrotli += size.brotli;
  }
  return out;
}

function sizes(site, contentDir, { everyFile }) {
  const memo = new Map();
  const all = walk(site);
  const home = firstVisit(site, 'index.html', memo);
  const lesson = firstVisit(site, `lessons/${DEEP_LESSON}/index.html`, memo);
  const searchIndex = all.find((f) => /^search-index\.[0-9a-f]+\.json$/.test(f));
  // The service worker (if the build ships one) precaches every file of the site after the first load.
  let precache = null;
  if (all.includes('sw.js')) {
    const files = all.filter((f) => f !== 'sw.js');
    const quality = everyFile ? 11 : 5; // quality 11 on 2,000 files would take a minute
    let br = 0;
    for (const f of files) {
      if (everyFile) br += sizeOf(site, f, memo).brotli;
      else {
        const buf = fs.readFileSync(path.join(site, f));
        br += brotli(buf, quality);
      }
    }
    precache = { files: files.length, raw: files.reduce((a, f) => a + fs.statSync(path.join(site, f)).size, 0), brotli: br, brotliQuality: quality };
  }
  const result = {
    fileCount: all.length,
    totalRaw: all.reduce((a, f) => a + fs.statSync(path.join(site, f)).size, 0),
    firstVisit: { home, lesson },
    // Issue 21: what a learner downloads for each kind of page, and every bundle.
    pages: Object.fromEntries(['review', 'exam', 'progress', 'glossary']
      .filter((p) => fs.existsSync(path.join(site, p, 'index.html')))
      .map((p) => [p, firstVisit(site, `${p}/index.html`, memo)])),
    bundles: bundleSizes(site, all, memo),
    searchIndex: searchIndex ? sizeOf(site, searchIndex, memo) : null,
    serviceWorkerPrecache: precache,
    assets: all.filter((f) => !f.startsWith('lessons/') && !f.endsWith('.html')).map((f) => sizeOf(site, f, memo)),
  };
  if (everyFile) result.files = all.map((f) => sizeOf(site, f, memo));
  else {
    // 2,000 lesson files: raw sizes for all, compressed only for what was already measured.
    const json = all.filter((f) => f.endsWith('.json') && f.startsWith('lessons/'));
    const pages = all.filter((f) => f.endsWith('.html') && f.startsWith('lessons/'));
    const stat = (fs_) => {
      const v = fs_.map((f) => fs.statSync(path.join(site, f)).size).sort((a, b) => a - b);
      return { count: v.length, min: v[0], median: median(v), max: v[v.length - 1], total: v.reduce((a, b) => a + b, 0) };
    };
    result.lessonData = stat(json);
    result.lessonPages = stat(pages);
  }
  return result;
}

// ---------------------------------------------------------------- browser

/** Runs in every page before its scripts: records paints, app start, quiz readiness, clicks. */
const INIT = () => {
  const b = (window.__bench = { lcp: [], appStarted: null, quizReady: null, shift: 0, errors: [] });
  const describe = (el) => {
    if (!el) return null;
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.className && typeof el.className === 'string') s += `.${el.className.trim().split(/\s+/).join('.')}`;
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ');
    return text ? `${s} "${text.slice(0, 50)}${text.length > 50 ? '…' : ''}"` : s;
  };
  // The app marks html[data-app=ready] once it has mounted: from then on the quiz answers.
  // Observed from the document: an init script runs before <html> exists (documentElement is null).
  new MutationObserver((_, mo) => {
    if (document.documentElement && document.documentElement.dataset.app === 'ready') { b.appReadyAt = performance.timeOrigin + performance.now(); mo.disconnect(); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.appStarted = performance.now();
    window.__wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory;
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lcp.push({ t: e.startTime, size: e.size, element: describe(e.element) });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { b.errors.push(String(e)); }
  try {
    // Cumulative layout shift: how far the page moves, mostly when the app takes over the static paint.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) b.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) { b.errors.push(String(e)); }
  const check = () => {
    if (b.quizReady != null) return;
    const input = document.querySelector('fieldset.question input');
    if (input && input.matches(':enabled')) b.quizReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
  // Navigation timing: the capture phase sees a click before the router does.
  addEventListener('click', () => { if (window.__nav && window.__nav.t0 == null) window.__nav.t0 = performance.now(); }, true);
};

let browser;
let userAgent;

async function newContext() {
  const context = await browser.newContext({
    viewport: EMULATION.viewport,
    deviceScaleFactor: EMULATION.deviceScaleFactor,
    isMobile: EMULATION.isMobile,
    hasTouch: EMULATION.hasTouch,
    userAgent,
    // The site's service worker precaches every file after the first load; its fetches would run
    // outside the page's network emulation, so it is kept out (its bytes are reported from sizes).
    serviceWorkers: 'block',
  });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`); });
  return { context, page, cdp, errors };
}

async function throttle(cdp, { cpu, network }) {
  if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: EMULATION.cpuSlowdown });
  if (network) {
    const n = EMULATION.network;
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: n.latencyMs,
      downloadThroughput: (n.downKbps * 1000) / 8,
      uploadThroughput: (n.upKbps * 1000) / 8,
    });
  }
}

// ---------------------------------------------------------------- 3. cold loads

async function coldLoad(url, kind) {
  const { context, page, cdp, errors } = await newContext();
  try {
    await throttle(cdp, { cpu: true, network: true });
    let wire = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e) => { wire += e.encodedDataLength; requests++; });
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    // Polled rarely: the figures are timestamps taken in the page, and polling costs the page CPU.
    await page.waitForFunction(() => window.__bench.appStarted != null && document.querySelector('h1'), null, { timeout: 60_000, polling: 250 });
    if (kind === 'lesson') await page.waitForFunction(() => window.__bench.quizReady != null, null, { timeout: 60_000, polling: 250 });
    // Let the last paints land: wait until no new LCP candidate for 0.5 s (at most 10 s).
    for (let i = 0, n = -1; i < 20; i++) {
      const c = await page.evaluate(() => window.__bench.lcp.length);
      if (c === n) break;
      n = c;
      await sleep(500);
    }
    const m = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const b = window.__bench;
      const last = b.lcp[b.lcp.length - 1];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        wasmDownloaded: wasm ? wasm.responseEnd : null,
        appStarted: b.appStarted,
        fcp: fcp ? fcp.startTime : null,
        lcp: last ? last.t : null,
        lcpElement: last ? last.element : null,
        lcpCandidates: b.lcp.map((e) => `${e.t.toFixed(0)} ms ${e.element}`),
        quizReady: b.quizReady,
        layoutShift: b.shift,
        wasmMemory: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null,
      };
    });
    return { ...m, wireBytes: wire, requests, errors };
  } finally {
    await context.close();
  }
}

async function loads(base, label) {
  const cases = { home: `${base}/`, lesson: `${base}/lessons/${DEEP_LESSON}/` };
  const runs = { home: [], lesson: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['home', 'lesson']) {
      const r = await coldLoad(cases[kind], kind);
      runs[kind].push(r);
      log(`  ${label} ${kind} run ${i + 1}/${RUNS}: FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}${kind === 'lesson' ? `, quiz ${ms(r.quizReady)}` : ''}, ${kb(r.wireBytes)} on the wire`);
    }
  }
  const summary = (rs) => ({
    fcp: round(median(rs.map((r) => r.fcp))),
    lcp: round(median(rs.map((r) => r.lcp))),
    quizReady: round(median(rs.map((r) => r.quizReady))),
    layoutShift: median(rs.map((r) => r.layoutShift)),
    wasmDownloaded: round(median(rs.map((r) => r.wasmDownloaded))),
    appStarted: round(median(rs.map((r) => r.appStarted))),
    wireBytes: median(rs.map((r) => r.wireBytes)),
    requests: median(rs.map((r) => r.requests)),
    wasmMemory: median(rs.map((r) => r.wasmMemory)),
    lcpElement: rs[rs.length >> 1].lcpElement,
    errors: [...new Set(rs.flatMap((r) => r.errors))],
  });
  return { home: { median: summary(runs.home), runs: runs.home }, lesson: { median: summary(runs.lesson), runs: runs.lesson } };
}

// ---------------------------------------------------------------- 4 + 6. next lesson and memory

/**
 * Clicks "Next" from the first lesson on. A lesson page runs the lesson bundle, where "Next" loads
 * the next page (warm cache: the bundle and the styles were fetched by the first lesson). Each
 * click is measured until the next lesson's quiz is live: the app marks `html[data-app=ready]`
 * once it has mounted, and the INIT script records that moment (`__bench.appReadyAt`, epoch ms).
 */
async function nextLesson(base, site, contentDir, { cpu, warmup, measure, memory }) {
  const order = lessonOrder(contentDir);
  const count = memory ? order.length - 1 : Math.min(order.length - 1, warmup + measure);
  const { context, page, cdp, errors } = await newContext();
  try {
    await throttle(cdp, { cpu, network: false });
    await page.goto(`${base}/lessons/${order[0]}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.quizReady != null, null, { timeout: 30_000 });
    const runs = [];
    let before = null;
    if (memory) before = await memoryNow(page, cdp);
    for (let i = 0; i < count; i++) {
      const expected = lessonTitle(site, order[i + 1]);
      await page.locator('a.lesson-nav-next').scrollIntoViewIfNeeded();
      const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
      await page.click('a.lesson-nav-next', { noWaitAfter: true });
      await page.waitForFunction((expected) => window.__bench && window.__bench.appReadyAt != null
        && document.querySelector('h1') && document.querySelector('h1').textContent.trim() === expected, expected, { timeout: 15_000 });
      const r = await page.evaluate((t0) => {
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          // click → the new page's quiz accepts an answer (app mounted)
          live: window.__bench.appReadyAt - t0,
          // click → the new document's response has arrived
          response: nav ? performance.timeOrigin + nav.responseEnd - t0 : null,
          // the new h1's first paint (the static page), from the click
          fcp: (() => { const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? performance.timeOrigin + p.startTime - t0 : null; })(),
        };
      }, t0);
      if (i >= warmup) runs.push({ to: order[i + 1], ...r });
    }
    const med = (k) => round(median(runs.map((r) => r[k])), 2);
    const result = {
      cpuSlowdown: cpu ? EMULATION.cpuSlowdown : 1,
      warmup,
      measured: runs.length,
      median: { live: med('live'), response: med('response'), fcp: med('fcp') },
      max: { live: round(Math.max(...runs.map((r) => r.live)), 2) },
      runs,
      errors,
    };
    if (memory) result.memory = { lessonsVisited: count + 1, atFirstLesson: before, afterAll: await memoryNow(page, cdp) };
    return result;
  } finally {
    await context.close();
  }
}

async function memoryNow(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n) => (metrics.find((m) => m.name === n) || {}).value ?? null;
  const wasm = await page.evaluate(() => (window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null));
  return { jsHeapUsed: get('JSHeapUsedSize'), jsHeapTotal: get('JSHeapTotalSize'), domNodes: get('Nodes'), wasmMemory: wasm };
}

// ---------------------------------------------------------------- 5. search

async function search(base, { cpu, reps = 10 }) {
  const { context, page, cdp, errors } = await newContext();
  try {
    await throttle(cdp, { cpu, network: false });
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.appStarted != null && document.querySelector('h1'), null, { timeout: 30_000 });
    await page.evaluate(() => {
      const b = (window.__search = { tOpen: performance.now(), tFirst: null });
      const mo = new MutationObserver(() => {
        if (b.tFirst == null && document.querySelector('.search-result')) { b.tFirst = performance.now(); mo.disconnect(); }
      });
      mo.observe(document, { subtree: true, childList: true });
    });
    if (!(await page.isVisible('#search-input'))) {
      await page.keyboard.press('/'); // opens the search dialog (which fetches the index)
      try { await page.waitForSelector('#search-input', { state: 'visible', timeout: 5000 }); } catch { /* absent */ }
    }
    if (!(await page.$('#search-input'))) return { available: false, note: 'n/a (no search UI yet)' };
    if (!(await page.isVisible('#search-input'))) return { available: false, note: 'n/a (#search-input exists but "/" did not show it)' };
    // Warm-up: the first query may load the search index.
    await page.evaluate(() => {
      const input = document.querySelector('#search-input');
      input.value = 'risk';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    try {
      await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    } catch {
      return { available: true, note: 'no .search-result appeared for "risk" within 15 s', errors };
    }
    // From "/" to the first results of the first query: opening, fetching and parsing the index.
    const firstQuery = round(await page.evaluate(() => window.__search.tFirst - window.__search.tOpen), 1);
    const perQuery = {};
    for (const q of QUERIES) {
      const runs = [];
      for (let i = 0; i <= reps; i++) {
        const r = await page.evaluate(async (q) => {
          const input = document.querySelector('#search-input');
          const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await frame(); await frame();
          await new Promise((res) => setTimeout(res, 150)); // past any debounce of the reset
          await frame();
          let first = null; let last = null;
          const mo = new MutationObserver(() => { const t = performance.now(); if (first == null) first = t; last = t; });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          const t0 = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const sync = performance.now() - t0;
          const start = performance.now();
          while (first == null && performance.now() - start < 1000) await new Promise((res) => setTimeout(res, 1));
          await frame(); // the results list as it is at the next animation frame
          mo.disconnect();
          return { updated: last == null ? null : last - t0, sync, results: document.querySelectorAll('.search-result').length };
        }, q);
        if (i > 0) runs.push(r); // the first repetition is a warm-up
      }
      perQuery[q] = { median: round(median(runs.map((r) => r.updated)), 2), results: runs[0].results, noUpdate: runs.filter((r) => r.updated == null).length };
    }
    const medians = Object.values(perQuery).map((q) => q.median);
    return { available: true, cpuSlowdown: cpu ? EMULATION.cpuSlowdown : 1, reps, firstQuery, perQuery, median: round(median(medians), 2), worst: medians.includes(null) ? null : Math.max(...medians), errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- 6. a review step

/** Per answer in a review session ("Practise this lesson"): from the click on Check to the
 * feedback in the DOM (dom); the app's work to the end of the tasks it queued (the save
 * included) plus the browser's work on the frame that shows it (rendered, the budget); and
 * to the end of that frame, idle vsync wait included (frame). */
async function reviewStep(base, { cpu, reps = 20 }) {
  const { context, page, cdp, errors } = await newContext();
  const url = `${base}/review/?lesson=what-do-technical-program-managers-do`;
  try {
    await throttle(cdp, { cpu, network: false });
    const open = async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('.review-form .choice input', { timeout: 30_000 });
    };
    await open();
    const runs = [];
    for (let i = 0; i <= reps; i++) {
      if (!(await page.$('.review-form .choice input:not([disabled])'))) await open();
      await page.click('.review-form .choice input');
      const r = await page.evaluate(async () => {
        const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
        await frame();
        let shown = null;
        const mo = new MutationObserver(() => { if (shown == null && document.querySelector('.question-feedback')) shown = performance.now(); });
        mo.observe(document.body, { subtree: true, childList: true });
        const t0 = performance.now();
        document.querySelector('.review-form button[type=submit]').click();
        // The app's work: the click's handlers, the effects they wake and the tasks they queue
        // (the save waits for the next task) all run before a task queued now.
        const start = performance.now();
        let appDone = null;
        while (appDone == null || (shown == null && performance.now() - start < 2000)) {
          await new Promise((res) => setTimeout(res, 0));
          if (appDone == null) appDone = performance.now();
        }
        // Then the browser's work on the frame that shows it (style, layout, paint): from its
        // requestAnimationFrame to a message posted there. The idle wait for that frame (up to
        // one vsync, 16.7 ms) is not the app's and is reported apart, as "frame".
        const painted = await new Promise((res) => requestAnimationFrame(() => {
          const raf = performance.now();
          const ch = new MessageChannel();
          ch.port1.onmessage = () => res({ raf, done: performance.now() });
          ch.port2.postMessage(0);
        }));
        mo.disconnect();
        if (shown == null) return { dom: null, rendered: null, frame: null };
        return { dom: shown - t0, rendered: (appDone - t0) + (painted.done - painted.raf), frame: painted.done - t0 };
      });
      if (i > 0) runs.push(r); // the first is a warm-up
      await page.click('.review-form button[type=submit]'); // on to the next question (not timed)
    }
    return { cpuSlowdown: cpu ? EMULATION.cpuSlowdown : 1, reps, dom: round(median(runs.map((r) => r.dom)), 2), rendered: round(median(runs.map((r) => r.rendered)), 2), frame: round(median(runs.map((r) => r.frame)), 2), noFeedback: runs.filter((r) => r.dom == null).length, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- scenario step

/**
 * A decision in a scenario: click a choice → its consequence and the next decision rendered,
 * measured like the review step (the app's work, then the browser's on the frame that shows
 * it). The first choice at each point; at an ending, "Play again" (not timed).
 */
async function scenarioStep(base, { cpu, reps = 20 }) {
  const { context, page, cdp, errors } = await newContext();
  try {
    await throttle(cdp, { cpu, network: false });
    await page.goto(`${base}/scenarios/the-vault-slips/`, { waitUntil: 'load' });
    await page.waitForSelector('.scenario-choice', { timeout: 30_000 });
    const runs = [];
    for (let i = 0; i <= reps; i++) {
      if (!(await page.$('.scenario-choice'))) {
        await page.click('.scenario-actions .button-primary'); // Play again
        await page.waitForSelector('.scenario-choice');
      }
      const r = await page.evaluate(async () => {
        const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
        await frame();
        const before = document.querySelector('.scenario-you-chose');
        let shown = null;
        const mo = new MutationObserver(() => {
          const now = document.querySelector('.scenario-you-chose');
          if (shown == null && now && now !== before) shown = performance.now();
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        document.querySelector('.scenario-choice').click();
        const start = performance.now();
        let appDone = null;
        while (appDone == null || (shown == null && performance.now() - start < 2000)) {
          await new Promise((res) => setTimeout(res, 0));
          if (appDone == null) appDone = performance.now();
        }
        const painted = await new Promise((res) => requestAnimationFrame(() => {
          const raf = performance.now();
          const ch = new MessageChannel();
          ch.port1.onmessage = () => res({ raf, done: performance.now() });
          ch.port2.postMessage(0);
        }));
        mo.disconnect();
        if (shown == null) return { dom: null, rendered: null, frame: null };
        return { dom: shown - t0, rendered: (appDone - t0) + (painted.done - painted.raf), frame: painted.done - t0 };
      });
      if (i > 0) runs.push(r); // the first is a warm-up
    }
    return { cpuSlowdown: cpu ? EMULATION.cpuSlowdown : 1, reps, dom: round(median(runs.map((r) => r.dom)), 2), rendered: round(median(runs.map((r) => r.rendered)), 2), frame: round(median(runs.map((r) => r.frame)), 2), noConsequence: runs.filter((r) => r.dom == null).length, errors };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- large records

/**
 * A version-3 progress record of about `bytes` bytes, shaped like years of study on several
 * browsers: every real lesson's questions, answered in reviews day after day.
 */
function largeRecord(site, bytes) {
  const dir = path.join(site, 'lessons');
  const lessons = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
    const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    return { slug: data.slug, ids: data.quiz ? data.quiz.questions.map((q) => q.id) : [] };
  }).filter((l) => l.ids.length);
  const devices = ['phone1', 'laptop', 'phone2', 'tablet'];
  const log = Object.fromEntries(devices.map((d) => [d, {}]));
  let size = 200;
  let day = 0;
  const start = 1_700_000_000_000;
  while (size < bytes) {
    for (const l of lessons) {
      const d = devices[day % devices.length];
      const entry = (log[d][l.slug] ??= { opened: start, questions: l.ids, recalls: [] });
      const at = start + day * 86_400_000 + lessons.indexOf(l) * 1000;
      entry.opened = at;
      const grades = l.ids.map((_, i) => `${i}${(day + i) % 5 === 0 ? 'w' : 'g'}`).join(' ');
      entry.recalls.push([at, 'r', grades]);
      // `[1700000000000,"r","0g 1w"],` as written.
      size += 24 + grades.length;
    }
    day += 1;
  }
  const json = JSON.stringify({ version: 3, course: 'tpm-course', device: 'bench', log });
  if (json.length > bytes * 1.02) throw new Error(`the generated record is ${json.length} bytes, not about ${bytes}`);
  return json;
}

/** How long the app takes to start with a large record in storage, and to read a large file to import. */
async function largeRecords(base, site) {
  const stored = largeRecord(site, 2_000_000);
  const imported = largeRecord(site, 4_850_000); // under the 5,000,000-byte import limit
  const { context, page, errors } = await newContext();
  try {
    const url = `${base}/lessons/${DEEP_LESSON}/`;
    const started = async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 60_000 });
      return page.evaluate(() => window.__bench.appStarted);
    };
    const open = [];
    const empty = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/manifest.webmanifest`);
      await page.evaluate(() => localStorage.clear());
      empty.push(await started());
      await page.goto(`${base}/manifest.webmanifest`);
      await page.evaluate((raw) => { localStorage.clear(); localStorage.setItem('tpm-course.progress', raw); }, stored);
      open.push(await started());
    }
    const reads = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/manifest.webmanifest`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${base}/progress/`, { waitUntil: 'load' });
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
      await page.evaluate(() => {
        window.__import = { t0: null, t1: null };
        document.querySelector('#import-file').addEventListener('change', () => { window.__import.t0 = performance.now(); }, { capture: true });
        new MutationObserver(() => {
          if (window.__import.t1 == null && document.querySelector('.import-preview')) window.__import.t1 = performance.now();
        }).observe(document.body, { subtree: true, childList: true });
      });
      await page.locator('#import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(imported) });
      await page.waitForSelector('.import-preview', { timeout: 60_000 });
      reads.push(await page.evaluate(() => window.__import.t1 - window.__import.t0));
    }
    return {
      storedBytes: stored.length, importedBytes: imported.length,
      appStartedEmpty: round(median(empty)), appStartedWithRecord: round(median(open)),
      openExtra: round(median(open) - median(empty)), importToPreview: round(median(reads)), errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- report

function verdict(value, budget, cmp = 'le') {
  if (value == null) return 'n/a';
  return (cmp === 'lt' ? value < budget : value <= budget) ? 'met' : 'NOT met';
}

function table(rows, head) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => `| ${r.map((c, i) => String(c ?? '').padEnd(w[i])).join(' | ')} |`;
  return [line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`make test-setup\` (installs Debian's chromium)`);
  fs.mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  const phases = {};
  let lastMark = started;
  const mark = (name) => { phases[name] = round((Date.now() - lastMark) / 1000, 0); lastMark = Date.now(); };
  const results = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: round(os.totalmem() / 2 ** 30, 1), platform: `${os.type()} ${os.release()}`, loadAverageAtStart: os.loadavg().map((x) => round(x, 2)) },
    node: process.version,
    settings: {
      runs: RUNS,
      emulation: EMULATION,
      note: 'CDP Emulation.setCPUThrottlingRate and Network.emulateNetworkConditions (per-request latency, not a packet-level shaper); cache disabled; a fresh browser context per cold load',
      deepLinkedLesson: `/lessons/${DEEP_LESSON}/`,
      compression: 'sizes: gzip level 9, brotli quality 11 (Node zlib)',
    },
    builds: {},
  };

  // 1 + 7a. Builds.
  if (!SKIP_BUILD) {
    results.source = snapshot();
    log(`snapshot of the working tree (commit ${results.source.commit}${results.source.uncommittedChanges ? ' with uncommitted changes' : ''}) in bench/out/src`);
    if (!SKIP_SCALE) {
      const g = generate(SCALE_CONTENT, SCALE_MODULES, SCALE_PER_MODULE, path.join(SRC, 'content'));
      log(`generated a ${g.lessons}-lesson course in ${path.relative(ROOT, SCALE_CONTENT)}`);
    }
    // Real first, then scale: the content dir switches each time, so each build recompiles the app
    // crate (dependencies stay cached) and the two build times are comparable.
    results.builds.real = await build('real', REAL_SITE, null);
    if (!SKIP_SCALE) results.builds.scale = await build('scale', SCALE_SITE, SCALE_CONTENT);
  } else {
    log('BENCH_SKIP_BUILD=1: using the sites already in bench/out');
    for (const d of [REAL_SITE, ...(SKIP_SCALE ? [] : [SCALE_SITE, SCALE_CONTENT])]) {
      if (!fs.existsSync(d)) throw new Error(`${path.relative(ROOT, d)} is missing: run without BENCH_SKIP_BUILD once`);
    }
  }
  if (!SKIP_SCALE) results.scaleCourse = { lessons: lessonOrder(SCALE_CONTENT).length, modules: SCALE_MODULES };
  mark('builds');

  // 2. Sizes.
  log('measuring sizes');
  results.sizes = { real: sizes(REAL_SITE, CONTENT(), { everyFile: true }) };
  if (!SKIP_SCALE) results.sizes.scale = sizes(SCALE_SITE, SCALE_CONTENT, { everyFile: false });
  log('measuring what the device link\'s crates add (examples/crate-size-*.rs)');
  results.sizes.crates = await crateSizes();
  mark('sizes');

  // 3. Browser.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  results.chromium = browser.version();
  const major = results.chromium.split('.')[0];
  userAgent = `Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Mobile Safari/537.36`;
  const real = await serve('tests/serve.mjs', REAL_SITE, 4391);
  const realBr = await serve('tests/serve.mjs', REAL_SITE, 4391, '--compress');
  let scale; let scaleBr;
  if (!SKIP_SCALE) {
    scale = await serve('tests/serve.mjs', SCALE_SITE, 4391);
    scaleBr = await serve('tests/serve.mjs', SCALE_SITE, 4391, '--compress');
  }
  // Fill the compressing servers' caches, so no run waits for brotli at quality 11.
  for (const [b, site] of [[realBr, REAL_SITE], [scaleBr, SCALE_SITE]]) {
    if (!b) continue;
    const s = results.sizes[site === REAL_SITE ? 'real' : 'scale'].firstVisit;
    const files = new Set([...s.home.files, ...s.lesson.files].map((f) => f.file));
    for (const f of files) {
      const u = f.endsWith('index.html') ? f.slice(0, -'index.html'.length) : f;
      await (await fetch(`${b}/${u}`, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
    }
  }

  log(`cold loads: ${RUNS} runs each, mobile emulation`);
  results.loads = { real: { plain: await loads(real, 'real/plain'), brotli: await loads(realBr, 'real/brotli') } };
  mark('realLoads');

  if (SKIP_LIGHTHOUSE) log('BENCH_SKIP_LIGHTHOUSE=1: no Lighthouse phase');
  else {
    log(`Lighthouse: the deep-linked lesson and its floor, ${LIGHTHOUSE_RUNS} runs each, mobile preset (${LIGHTHOUSE_THROTTLING}), brotli`);
    try {
      // Imported here, so that BENCH_SKIP_LIGHTHOUSE=1 runs without Lighthouse installed.
      const { lighthouseLesson } = await import('./lighthouse.mjs');
      results.lighthouse = await lighthouseLesson({
        site: REAL_SITE, port: 4391, runs: LIGHTHOUSE_RUNS, slug: DEEP_LESSON, throttlingMethod: LIGHTHOUSE_THROTTLING,
        workDir: path.join(OUT, 'lighthouse'), log: (...a) => log('  lighthouse', ...a),
      });
    } catch (e) {
      // A failed Lighthouse run leaves the rest of the report standing; its budgets read n/a.
      log(`  Lighthouse failed: ${e.stack || e}`);
      results.lighthouse = { error: String(e.message || e) };
    }
    mark('lighthouse');
  }

  log('next lesson: no CPU throttling, every lesson (then memory)');
  results.nextLesson = { unthrottled: await nextLesson(real, REAL_SITE, CONTENT(), { cpu: false, warmup: 3, measure: Infinity, memory: true }) };
  log('next lesson: 4× CPU slowdown');
  results.nextLesson.cpu4x = await nextLesson(real, REAL_SITE, CONTENT(), { cpu: true, warmup: 3, measure: 12, memory: false });
  results.memory = results.nextLesson.unthrottled.memory;
  delete results.nextLesson.unthrottled.memory;

  log('search');
  results.search = { real: { unthrottled: await search(real, { cpu: false }) } };
  if (results.search.real.unthrottled.available) results.search.real.cpu4x = await search(real, { cpu: true });
  mark('nextLessonMemorySearch');

  log('review step');
  results.reviewStep = { unthrottled: await reviewStep(real, { cpu: false }), cpu4x: await reviewStep(real, { cpu: true, reps: 10 }) };
  mark('reviewStep');

  log('scenario step');
  results.scenarioStep = { unthrottled: await scenarioStep(real, { cpu: false }), cpu4x: await scenarioStep(real, { cpu: true, reps: 10 }) };
  mark('scenarioStep');

  log('large records');
  results.largeRecords = await largeRecords(real, REAL_SITE);
  mark('largeRecords');

  if (!SKIP_SCALE) {
    log('scale course: cold loads and search');
    results.loads.scale = { plain: await loads(scale, 'scale/plain'), brotli: await loads(scaleBr, 'scale/brotli') };
    results.search.scale = { unthrottled: await search(scale, { cpu: false }) };
    const ratio = (srv, kind) => {
      const a = results.loads.scale[srv][kind].median.lcp;
      const b = results.loads.real[srv][kind].median.lcp;
      return a && b ? round(a / b, 2) : null;
    };
    results.scaleRatios = {
      plain: { lessonLcp: ratio('plain', 'lesson'), homeLcp: ratio('plain', 'home') },
      brotli: { lessonLcp: ratio('brotli', 'lesson'), homeLcp: ratio('brotli', 'home') },
    };
  }
  mark('scaleLoadsSearch');
  await browser.close();
  stopServers();
  results.phaseSeconds = phases;

  // 8. Budgets and output.
  const R = results;
  const fvHome = R.sizes.real.firstVisit.home.brotli;
  const fvLesson = R.sizes.real.firstVisit.lesson.brotli;
  const nl = R.nextLesson.unthrottled.median.live;
  const sr = R.search.real.unthrottled;
  const wasm = R.sizes.real.files.find((f) => /^tpm-course-.*\.wasm$/.test(f.file));
  const wasmBr = wasm ? wasm.brotli : null;
  const lessonWasm = R.sizes.real.firstVisit.lesson.files.filter((f) => f.file.endsWith('.wasm')).reduce((a, f) => a + f.brotli, 0);
  const shift = Math.max(R.loads.real.brotli.home.median.layoutShift ?? 0, R.loads.real.brotli.lesson.median.layoutShift ?? 0);
  const quiz = R.loads.real.brotli.lesson.median.quizReady;
  const budgets = [
    { name: 'wasm a deep-linked lesson fetches (brotli; the lesson bundle)', value: lessonWasm, shown: kb(lessonWasm), budget: '≤ 110 KB', verdict: verdict(lessonWasm, BUDGETS.lessonWasmBytes) },
    { name: 'everything a deep-linked lesson fetches before its quiz answers (brotli)', value: fvLesson, shown: kb(fvLesson), budget: '≤ 140 KB', verdict: verdict(fvLesson, BUDGETS.lessonPathBytes) },
    { name: 'wasm of the whole app (brotli; home, review, glossary)', value: wasmBr, shown: kb(wasmBr), budget: '≤ 198.5 KB', verdict: verdict(wasmBr, BUDGETS.wasmBytes) },
    { name: 'first visit, home (brotli)', value: fvHome, shown: kb(fvHome), budget: '≤ 200 KB', verdict: verdict(fvHome, BUDGETS.firstVisitBytes) },
    { name: 'layout shift when the app starts (worst of home and lesson, median)', value: shift, shown: shift.toFixed(4), budget: '< 0.02', verdict: verdict(shift, BUDGETS.layoutShift, 'lt') },
    { name: 'deep-linked lesson: quiz usable (phone profile, brotli)', value: quiz, shown: ms(quiz), budget: 'reported', verdict: 'n/a' },
    { name: 'deep-linked lesson LCP, tests/serve.mjs (uncompressed)', value: R.loads.real.plain.lesson.median.lcp, shown: ms(R.loads.real.plain.lesson.median.lcp), budget: '≤ 1.5 s', verdict: verdict(R.loads.real.plain.lesson.median.lcp, BUDGETS.lessonLcpMs) },
    { name: 'deep-linked lesson LCP, served with brotli', value: R.loads.real.brotli.lesson.median.lcp, shown: ms(R.loads.real.brotli.lesson.median.lcp), budget: '≤ 1.5 s', verdict: verdict(R.loads.real.brotli.lesson.median.lcp, BUDGETS.lessonLcpMs) },
    { name: 'next lesson (a page load: click → its quiz live, warm cache, no throttling)', value: nl, shown: `${ms(nl)} (4× CPU: ${ms(R.nextLesson.cpu4x.median.live)})`, budget: '≤ 250 ms', verdict: verdict(nl, BUDGETS.nextLessonMs) },
    { name: 'review step (Check → feedback rendered, no throttling)', value: R.reviewStep.unthrottled.rendered, shown: `${ms(R.reviewStep.unthrottled.rendered)} (4× CPU: ${ms(R.reviewStep.cpu4x.rendered)}; frame done, incl. vsync wait: ${ms(R.reviewStep.unthrottled.frame)})`, budget: '< 16 ms', verdict: verdict(R.reviewStep.unthrottled.rendered, BUDGETS.reviewStepMs, 'lt') },
    { name: 'scenario step (a choice → its consequence and the next decision rendered, no throttling)', value: R.scenarioStep.unthrottled.rendered, shown: `${ms(R.scenarioStep.unthrottled.rendered)} (4× CPU: ${ms(R.scenarioStep.cpu4x.rendered)}; frame done, incl. vsync wait: ${ms(R.scenarioStep.unthrottled.frame)})`, budget: '< 16 ms', verdict: verdict(R.scenarioStep.unthrottled.rendered, BUDGETS.reviewStepMs, 'lt') },
    { name: `app start with a ${kb(R.largeRecords.storedBytes)} record in storage (navigation → app ready)`, value: R.largeRecords.appStartedWithRecord, shown: `${ms(R.largeRecords.appStartedWithRecord)} (empty storage: ${ms(R.largeRecords.appStartedEmpty)})`, budget: '< 1 s', verdict: verdict(R.largeRecords.appStartedWithRecord, BUDGETS.largeRecordMs, 'lt') },
    { name: `import of a ${kb(R.largeRecords.importedBytes)} progress file (file chosen → preview shown)`, value: R.largeRecords.importToPreview, shown: ms(R.largeRecords.importToPreview), budget: '< 1 s', verdict: verdict(R.largeRecords.importToPreview, BUDGETS.largeRecordMs, 'lt') },
    sr.available && sr.median != null
      ? { name: 'search, per query (median of queries, no throttling)', value: sr.worst, shown: `${ms(sr.median)} (worst query ${ms(sr.worst)})`, budget: '< 16 ms', verdict: verdict(sr.worst, BUDGETS.searchMs, 'lt') }
      : { name: 'search, per query', value: null, shown: sr.note || 'n/a', budget: '< 16 ms', verdict: 'n/a' },
  ];
  if (R.scaleRatios) {
    for (const srv of ['plain', 'brotli']) {
      for (const kind of ['lessonLcp', 'homeLcp']) {
        const v = R.scaleRatios[srv][kind];
        budgets.push({ name: `1,000 lessons ÷ real, ${kind === 'lessonLcp' ? 'deep-linked lesson' : 'home'} LCP (${srv === 'plain' ? 'uncompressed' : 'brotli'})`, value: v, shown: v == null ? 'n/a' : `${v.toFixed(2)}×`, budget: '≤ 2×', verdict: verdict(v, BUDGETS.scaleRatio) });
      }
    }
  }
  if (R.lighthouse) {
    const { real: lr, floor: lf, ratios } = R.lighthouse;
    const vsFloor = (k) => (lr ? `${ms(lr[k])} (${ratios[k] == null ? 'n/a' : `${ratios[k].toFixed(2)}×`} floor ${ms(lf[k])})` : 'n/a');
    budgets.push(
      { name: 'Lighthouse, deep-linked lesson: LCP ÷ its floor (mobile preset, brotli)', value: ratios?.lcp ?? null, shown: vsFloor('lcp'), budget: '≤ 1.1× floor', verdict: verdict(ratios?.lcp, BUDGETS.lighthouseLcpRatio) },
      { name: 'Lighthouse, deep-linked lesson: TTI ÷ its floor (mobile preset, brotli)', value: ratios?.tti ?? null, shown: vsFloor('tti'), budget: '≤ 1.7× floor', verdict: verdict(ratios?.tti, BUDGETS.lighthouseTtiRatio) },
      { name: 'Lighthouse, deep-linked lesson: total blocking time (mobile preset, brotli)', value: lr?.tbt ?? null, shown: lr ? `${ms(lr.tbt)} (floor ${ms(lf.tbt)})` : 'n/a', budget: '≤ 50 ms', verdict: verdict(lr?.tbt, BUDGETS.lighthouseTbtMs) },
    );
  }
  R.budgets = budgets.map(({ name, value, budget, verdict: v }) => ({ name, value, budget, verdict: v }));
  R.benchSeconds = round((Date.now() - started) / 1000, 0);
  R.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  fs.writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(R, null, 2)}\n`);

  // Stdout: the report.
  const out = [];
  out.push(`tpm-course benchmark — ${R.date.slice(0, 10)}, ${R.machine.cores} cores (${R.machine.cpu}), Chromium ${R.chromium}, Node ${R.node}`);
  if (R.source) out.push(`Source: commit ${R.source.commit}${R.source.uncommittedChanges ? ' plus uncommitted changes' : ''} (snapshot in bench/out/src)`);
  out.push(`Emulation: ${EMULATION.viewport.width}×${EMULATION.viewport.height} @${EMULATION.deviceScaleFactor}x touch, CPU ${EMULATION.cpuSlowdown}× slower, ${EMULATION.network.latencyMs} ms RTT, ${EMULATION.network.downKbps / 1000} Mbps down, ${EMULATION.network.upKbps} kbps up, no cache; median of ${RUNS} cold loads.`);
  out.push('', '## Budgets', '', table(budgets.map((b) => [b.name, b.shown, b.budget, b.verdict]), ['figure', 'value', 'budget', 'verdict']));

  const lrow = (name, l, site) => [name, ms(l.home.median.fcp), ms(l.home.median.lcp), ms(l.lesson.median.fcp), ms(l.lesson.median.lcp), ms(l.lesson.median.quizReady), kb(l.lesson.median.wireBytes)];
  const lrows = [lrow('real, tests/serve.mjs', R.loads.real.plain), lrow('real, brotli', R.loads.real.brotli)];
  if (R.loads.scale) lrows.push(lrow('1,000 lessons, tests/serve.mjs', R.loads.scale.plain), lrow('1,000 lessons, brotli', R.loads.scale.brotli));
  out.push('', '## Cold loads (medians)', '', table(lrows, ['site, server', 'home FCP', 'home LCP', 'lesson FCP', 'lesson LCP', 'quiz ready', 'lesson bytes on wire']));
  out.push('', `LCP element: home ${R.loads.real.brotli.home.median.lcpElement}; lesson ${R.loads.real.brotli.lesson.median.lcpElement}`);
  const lrows2 = [];
  for (const [site, l] of Object.entries(R.loads)) {
    for (const [srv, v] of Object.entries(l)) {
      for (const kind of ['home', 'lesson']) {
        const m = v[kind].median;
        lrows2.push([`${site === 'real' ? 'real' : '1,000 lessons'}, ${srv === 'plain' ? 'tests/serve.mjs' : 'brotli'}, ${kind}`, ms(m.wasmDownloaded), ms(m.appStarted), ms(m.fcp), ms(m.lcp), m.requests]);
      }
    }
  }
  out.push('', 'Where the time goes (medians, from navigation start):', '', table(lrows2, ['case', 'wasm downloaded', 'app started', 'FCP', 'LCP', 'requests']));

  if (R.lighthouse) {
    const L = R.lighthouse;
    out.push('', `## Lighthouse (mobile preset, median of ${L.settings ? L.settings.runs : LIGHTHOUSE_RUNS})`, '');
    if (L.error) out.push(`Lighthouse failed: ${L.error}`);
    else {
      const x = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : 'n/a');
      out.push(table([
        ['real', ms(L.real.fcp), ms(L.real.lcp), ms(L.real.tti), ms(L.real.tbt), kb(L.real.bytes)],
        ['floor (no scripts)', ms(L.floor.fcp), ms(L.floor.lcp), ms(L.floor.tti), ms(L.floor.tbt), kb(L.floor.bytes)],
        ['real ÷ floor', x(L.real.fcp, L.floor.fcp), x(L.real.lcp, L.floor.lcp), x(L.real.tti, L.floor.tti), x(L.real.tbt, L.floor.tbt), x(L.real.bytes, L.floor.bytes)],
      ], ['page', 'FCP', 'LCP', 'TTI', 'TBT', 'bytes']));
      out.push('', `Lighthouse ${L.lighthouse}, ${L.settings.throttling.replace(/^(\w+): (.*)$/, '$1 throttling ($2)')}, a fresh Chromium per run, the two pages alternating; real ${L.settings.pages.real}, floor ${L.settings.pages.floor} (the same HTML without any <script> or modulepreload/preload). Reports: bench/out/lighthouse/reports/`);
    }
  }

  const n = R.nextLesson;
  out.push('', '## Next lesson (click on "Next" → the next lesson page, warm cache; medians from the click)', '', table([
    ...[['no throttling', n.unthrottled], ['4× CPU', n.cpu4x]].map(([c, v]) => [c, v.measured, ms(v.median.response), ms(v.median.fcp), ms(v.median.live), ms(v.max.live)]),
  ], ['CPU', 'navigations', 'page arrived', 'first paint', 'quiz live', 'worst quiz live']));

  out.push('', '## Search (input event → results list at next frame)', '');
  const srows = [];
  for (const [site, s] of Object.entries(R.search)) {
    for (const [cpu, v] of Object.entries(s)) {
      if (!v.available || !v.perQuery) { srows.push([site, cpu, v.note || 'n/a', '', '', '', '']); continue; }
      srows.push([site, cpu, ...QUERIES.map((q) => `${ms(v.perQuery[q].median)} (${v.perQuery[q].results})`), ms(v.firstQuery)]);
    }
  }
  out.push(table(srows, ['site', 'CPU', ...QUERIES.map((q) => `"${q}" (results)`), 'first query, incl. index fetch + parse']));

  const m = R.memory;
  out.push('', '## Memory (each lesson a page load of the lesson bundle, after GC)', '', table([
    ['at the first lesson', kb(m.atFirstLesson.jsHeapUsed), kb(m.atFirstLesson.wasmMemory), m.atFirstLesson.domNodes],
    [`at the last of ${m.lessonsVisited} lessons`, kb(m.afterAll.jsHeapUsed), kb(m.afterAll.wasmMemory), m.afterAll.domNodes],
  ], ['when', 'JS heap used', 'wasm memory', 'DOM nodes']));

  const pc = (p) => (p ? `${kb(p.brotli)} (${p.files} files${p.brotliQuality === 11 ? '' : `, brotli q${p.brotliQuality}`})` : 'no sw.js');
  const fv = (s) => [kb(s.firstVisit.home.brotli), kb(s.firstVisit.lesson.brotli), s.searchIndex ? `${kb(s.searchIndex.brotli)}${s.searchIndex.brotliQuality ? ` (q${s.searchIndex.brotliQuality})` : ''}, raw ${kb(s.searchIndex.raw)}` : 'none', pc(s.serviceWorkerPrecache)];
  const brows = [['real', R.builds.real ? `${R.builds.real.seconds} s` : 'skipped', ...fv(R.sizes.real), kb(R.sizes.real.totalRaw), R.sizes.real.fileCount]];
  if (R.sizes.scale) brows.push(['1,000 lessons', R.builds.scale ? `${R.builds.scale.seconds} s` : 'skipped', ...fv(R.sizes.scale), kb(R.sizes.scale.totalRaw), R.sizes.scale.fileCount]);
  const realSizes = R.sizes.real;
  out.push('', '## Bundles (brotli)', '', table(Object.entries(realSizes.bundles || {}).map(([name, b]) => [name, kb(b.wasmBrotli), kb(b.brotli - b.wasmBrotli), kb(b.brotli)]), ['bundle', 'wasm', 'JS', 'total']));
  if (R.sizes.crates) {
    const c = R.sizes.crates;
    out.push('', `## Crates of the device link (brotli; what each adds to a ${kb(c.baseline)} baseline wasm, examples/crate-size-*.rs)`, '',
      table(c.crates.map((x) => [x.crate, x.use, kb(x.adds)]), ['crate', 'as the handoff bundle uses it', 'adds']));
  }
  const visitRows = [['deep-linked lesson', realSizes.firstVisit.lesson], ['home', realSizes.firstVisit.home], ...Object.entries(realSizes.pages || {})]
    .map(([name, v]) => [name, kb(v.brotli), v.files.filter((f) => f.file.endsWith('.wasm')).map((f) => f.file.replace(/-[0-9a-f]+_bg\.wasm$/, '')).join(', ')]);
  out.push('', '## What a first visit downloads, by page (HTML, CSS, JS, wasm; brotli)', '', table(visitRows, ['page', 'bytes', 'wasm bundle']));
  out.push('', '## Builds and first-visit bytes (brotli)', '', table(brows, ['course', 'release build', 'first visit, home', 'first visit, lesson', 'search index', 'service worker precache', 'site raw', 'files']));

  out.push('', '## Files of the real site (bytes)', '', table(R.sizes.real.files.map((f) => [f.file, f.raw, f.gzip, f.brotli]), ['file', 'raw', 'gzip', 'brotli']));
  out.push('', `First visit, home: ${R.sizes.real.firstVisit.home.files.map((f) => f.file).join(', ')}`);
  out.push(`Bench took ${R.benchSeconds} s (${Object.entries(phases).map(([k, v]) => `${k} ${v} s`).join(', ')}). Full results: bench/out/results.json`);
  const busy = Math.max(R.machine.loadAverageAtStart[0], R.machine.loadAverageAtEnd[0]);
  if (busy > R.machine.cores) out.push(`Warning: the machine was busy (1-minute load average up to ${busy} on ${R.machine.cores} cores); timings are noisier than usual.`);
  const errs = [...new Set([...R.loads.real.plain.home.median.errors, ...R.loads.real.plain.lesson.median.errors, ...n.unthrottled.errors])];
  if (errs.length) out.push(`Page errors seen: ${errs.slice(0, 5).join(' | ')}`);
  console.log(out.join('\n'));
}

main().catch(async (e) => {
  console.error(e.stack || String(e));
  if (browser) await browser.close().catch(() => {});
  stopServers();
  process.exit(1);
});
