// Lighthouse on a deep-linked lesson against its floor: the same page with its scripts removed.
//
// The floor is what the lesson costs with nothing running: the prerendered HTML and its styles,
// no app. Both pages are served by one `tests/serve.mjs --compress` (brotli, like a CDN) from one
// copy of the site, and measured alternately in the same run, so the ratios compare like with
// like. Lighthouse 12 runs programmatically with its default mobile preset: simulated throttling
// (slow 4G, 4× CPU), a phone screen, the performance category only, a fresh Chromium per run.
//
// Used by bench.mjs (`make bench`, phase "lighthouse"); it can also run on its own:
//   node -e "import('./bench/lighthouse.mjs').then((m) => m.lighthouseLesson({ site: 'dist' }))
//     .then((r) => console.log(JSON.stringify(r, null, 1)))"
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import { freePort } from './ports.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];
const DEFAULT_SLUG = 'what-do-technical-program-managers-do';
const FLOOR_PAGE = 'floor.html';

/**
 * Runs Lighthouse `runs` times on `/lessons/<slug>/` and on its floor, alternating, and returns
 * the medians: `{ real: {lcp, tti, tbt, fcp, bytes}, floor: {…}, ratios: {lcp, tti}, runs: […] }`.
 * Times in ms, bytes as transferred (Lighthouse's total byte weight).
 *
 * `site` is a built site; it is copied (to `workDir`, a temporary dir unless given) and only the
 * copy gets the floor page. `port` is where the search for a free port starts. With `workDir`,
 * each run's Lighthouse report is kept in `<workDir>/reports/`. `throttlingMethod: 'devtools'`
 * applies the preset's throttling in the browser instead of simulating it (not what the budgets use).
 */
export async function lighthouseLesson({
  site,
  port = 4391,
  runs = Math.max(1, +(process.env.BENCH_LIGHTHOUSE_RUNS || 3)),
  slug = DEFAULT_SLUG,
  workDir = null,
  throttlingMethod = 'simulate',
  log = (...a) => console.error('[lighthouse]', ...a),
} = {}) {
  if (!fs.existsSync(path.join(site, 'lessons', slug, 'index.html'))) throw new Error(`${site} has no lessons/${slug}/index.html`);
  const chromePath = process.env.CHROME_PATH || CHROMIUM;
  if (!fs.existsSync(chromePath)) throw new Error(`${chromePath} is missing: run \`make test-setup\` (installs Debian's chromium)`);
  process.env.CHROME_PATH = chromePath;
  const temporary = !workDir;
  const dir = workDir || fs.mkdtempSync(path.join(os.tmpdir(), 'tpm-lighthouse-'));
  const copy = path.join(dir, 'site');
  const reports = workDir ? path.join(dir, 'reports') : null;
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(site, copy, { recursive: true });
  if (reports) {
    fs.rmSync(reports, { recursive: true, force: true });
    fs.mkdirSync(reports, { recursive: true });
  }
  const lessonDir = path.join(copy, 'lessons', slug);
  const html = fs.readFileSync(path.join(lessonDir, 'index.html'), 'utf8');
  fs.writeFileSync(path.join(lessonDir, FLOOR_PAGE), floorOf(html));

  const server = await serveCompressed(copy, port);
  try {
    const pages = { real: `${server.base}/lessons/${slug}/`, floor: `${server.base}/lessons/${slug}/${FLOOR_PAGE}` };
    await warm(server.base, html, copy, Object.values(pages));
    const { launch } = await chromeLauncher();
    const all = [];
    for (let i = 0; i < runs; i++) {
      for (const page of ['real', 'floor']) {
        const r = await once(launch, chromePath, pages[page], throttlingMethod);
        if (reports) fs.writeFileSync(path.join(reports, `${page}-${i + 1}.json`), JSON.stringify(r.lhr));
        delete r.lhr;
        all.push({ page, run: i + 1, ...r });
        log(`${page} run ${i + 1}/${runs}: LCP ${fmt(r.lcp)}, TTI ${fmt(r.tti)}, TBT ${fmt(r.tbt)}, ${(r.bytes / 1024).toFixed(1)} KB${r.error ? ` (${r.error})` : ''}`);
      }
    }
    const summary = (page) => {
      const rs = all.filter((r) => r.page === page);
      const med = (k) => median(rs.map((r) => r[k]));
      return { lcp: med('lcp'), tti: med('tti'), tbt: med('tbt'), fcp: med('fcp'), bytes: med('bytes') };
    };
    const real = summary('real');
    const floor = summary('floor');
    const ratio = (k) => (real[k] != null && floor[k] ? Math.round((real[k] / floor[k]) * 100) / 100 : null);
    return {
      lighthouse: all.find((r) => r.lighthouseVersion)?.lighthouseVersion ?? null,
      settings: { preset: 'mobile (default)', throttling: `${throttlingMethod === 'simulate' ? 'simulated' : throttlingMethod}: slow 4G, 4× CPU`, runs, chromeFlags: CHROME_FLAGS, pages: { real: `/lessons/${slug}/`, floor: `/lessons/${slug}/${FLOOR_PAGE}` }, floor: 'the real page without any <script> element or modulepreload/preload link', server: 'tests/serve.mjs --compress' },
      real,
      floor,
      ratios: { lcp: ratio('lcp'), tti: ratio('tti') },
      runs: all,
    };
  } finally {
    server.stop();
    if (temporary) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page with nothing to run: every `<script>` element and every modulepreload/preload link removed. */
export function floorOf(html) {
  const out = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) => (/\brel\s*=\s*"?[^">]*\b(modulepreload|preload)\b/i.test(tag) ? '' : tag));
  if (/<script\b/i.test(out)) throw new Error('the floor page still has a <script> element');
  return out;
}

// ---------------------------------------------------------------- one run

async function once(launch, chromePath, url, throttlingMethod) {
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], throttlingMethod });
    const lhr = result.lhr;
    const value = (id) => {
      const v = lhr.audits[id]?.numericValue;
      return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 10) / 10 : null;
    };
    return {
      lighthouseVersion: lhr.lighthouseVersion,
      lcp: value('largest-contentful-paint'),
      tti: value('interactive'),
      tbt: value('total-blocking-time'),
      fcp: value('first-contentful-paint'),
      bytes: value('total-byte-weight'),
      requests: lhr.audits['network-requests']?.details?.items?.length ?? null,
      error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
      warnings: lhr.runWarnings,
      lhr,
    };
  } finally {
    await chrome.kill();
  }
}

/** chrome-launcher as Lighthouse resolves it (one of its dependencies, not one of ours). */
async function chromeLauncher() {
  const require = createRequire(import.meta.url);
  const fromLighthouse = createRequire(require.resolve('lighthouse/package.json'));
  return import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href);
}

// ---------------------------------------------------------------- the server

/** `tests/serve.mjs <dir> <port> / --compress`, as bench.mjs starts it. */
async function serveCompressed(dir, portFrom) {
  const port = await freePort(portFrom);
  const child = spawn(process.execPath, ['tests/serve.mjs', dir, String(port), '/', '--compress'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => { if (child.exitCode == null) child.kill('SIGTERM'); };
  process.on('exit', stop);
  await new Promise((resolve, reject) => {
    child.on('exit', (c) => reject(new Error(`tests/serve.mjs exited (${c})`)));
    child.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
  });
  return { base: `http://127.0.0.1:${port}`, stop };
}

/**
 * Fills the server's brotli cache (quality 11 takes a while on the wasm), so that no measured
 * run waits for it: both pages, what the real page links or imports, and the lessons' data
 * (a lesson prefetches the next one).
 */
async function warm(base, html, site, pages) {
  const urls = new Set(pages);
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const m = tag.match(/\b(?:href|src)\s*=\s*"([^"]+)"/);
    if (m) urls.add(m[1]);
  }
  for (const m of html.matchAll(/['"]([^'"\s<>]+\.(?:js|wasm|css|json))['"]/g)) urls.add(m[1]);
  for (const f of fs.readdirSync(path.join(site, 'lessons'))) if (f.endsWith('.json')) urls.add(`/lessons/${f}`);
  for (const u of urls) {
    if (/^[a-z]+:/i.test(u) && !u.startsWith(base)) continue;
    const url = u.startsWith('http') ? u : `${base}/${u.replace(/^\/+/, '')}`;
    const res = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    await res.arrayBuffer();
  }
}

// ---------------------------------------------------------------- helpers

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const fmt = (x) => (x == null ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
