// The content security policy: every page carries it, the app runs under it, nothing breaks it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, follow } from './helpers.mjs';
import { SUBPATH_PORT } from '../playwright.config.mjs';

const SUBPATH_ROOT = `http://127.0.0.1:${SUBPATH_PORT}/tpm/`;
const LESSON = '/lessons/risk-management/'; // a figure, a template, glossary terms and a quiz

/** The directives every page's policy has; `script-src` also lists its inline scripts' hashes. */
const DIRECTIVES = {
  'default-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** A policy's directives as { name: value }. */
const parse = (policy) => Object.fromEntries(policy.split(';').map((d) => d.trim()).filter(Boolean)
  .map((d) => { const [name, ...values] = d.split(/\s+/); return [name, values.join(' ')]; }));

function expectThePolicy(policy, where) {
  const directives = parse(policy);
  for (const [name, value] of Object.entries(DIRECTIVES)) {
    expect(directives[name], `${where}: ${name}`).toBe(value);
  }
  expect(directives['script-src'], `${where}: script-src`)
    .toMatch(/^'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]{43}=')*$/);
  expect(policy, `${where}: nothing inline or third-party`).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
}

test.beforeEach(async ({ page }) => {
  // Recorded from the very start of every document, before any of the page's own scripts.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.__cspConsole = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) page.__cspConsole.push(message.text());
  });
});

/** Asserts that the open page has its policy as the first thing after `<meta charset>`, and that nothing was blocked. */
async function expectNoViolation(page, where) {
  const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(metas, `${where}: one policy tag`).toHaveCount(1);
  expectThePolicy(await metas.getAttribute('content'), where);
  expect(await page.evaluate(() => document.head.firstElementChild.nextElementSibling.httpEquiv),
    `${where}: the policy comes right after <meta charset>`).toBe('Content-Security-Policy');
  expect(await page.evaluate(() => window.__cspViolations), `${where}: securitypolicyviolation events`).toEqual([]);
  expect(page.__cspConsole, `${where}: console messages about the policy`).toEqual([]);
}

/** The script URL of the service worker that is active for the open page, or null. */
const serviceWorker = (page) => page.evaluate(async () =>
  (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? null);

test('every HTML file of both builds carries the one policy of its build, with a hash for each inline script', () => {
  const builds = ['../../dist', '../../target/site-tpm'].map((d) => path.resolve(import.meta.dirname, d));
  let pages = 0;
  for (const build of builds) {
    const policies = new Set();
    const scripts = new Set();
    for (const file of fs.readdirSync(build, { recursive: true }).filter((f) => f.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(build, file), 'utf8');
      const where = `${path.basename(build)}/${file}`;
      const tags = html.match(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/g) || [];
      expect(tags.length, `${where}: policy tags`).toBe(1);
      const firstLoad = Math.min(...['<script', '<link'].map((t) => html.indexOf(t)).filter((i) => i >= 0));
      expect(html.indexOf(tags[0]), `${where}: the policy comes before every script and stylesheet`)
        .toBeLessThan(firstLoad);
      const policy = tags[0].match(/content="([^"]*)"/)[1];
      expectThePolicy(policy, where);
      policies.add(policy);
      // The app's pages run two inline scripts (the bootstrap script of index.html and Trunk's
      // module loader, which on a lesson page starts the lesson bundle, on a scenario's,
      // exercise's, the notebook's or the exam's page the practice bundle, and so on; inline
      // data needs none);
      // a renamed lesson's redirect page none. Each one's hash is in the policy.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(inline.length, `${where}: inline scripts`).toBe(file.includes('portfolios-and-prioritisation') ? 0 : 2);
      for (const script of inline) {
        const hash = `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;
        expect(policy, `${where}: the policy allows its inline script`).toContain(hash);
        scripts.add(hash);
      }
      expect(html, `${where}: no inline style`).not.toMatch(/\sstyle=/);
      pages += 1;
    }
    // One policy for the whole build, so a host can send any page's as its header; it allows
    // exactly the build's inline scripts: the bootstrap, the whole app's loader, the lesson
    // bundle's, the practice bundle's, the handoff bundle's and the progress bundle's.
    expect(policies.size, `${path.basename(build)}: policies`).toBe(1);
    const [policy] = policies;
    expect((policy.match(/'sha256-/g) || []).length, `${path.basename(build)}: hashes`).toBe(scripts.size);
    expect(scripts.size, `${path.basename(build)}: distinct inline scripts`).toBe(6);
  }
  expect(pages, 'pages checked').toBeGreaterThanOrEqual(2 * 5);
});

test('home: the app runs and search works under the policy', async ({ page }) => {
  await page.goto('/');
  // Search fetches its index on first use.
  await page.keyboard.press('/');
  await page.keyboard.type('risk');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('results');
  await expect.poll(() => serviceWorker(page), { message: 'the inline bootstrap registered the service worker' })
    .toMatch(/\/sw\.js$/);
  await expectNoViolation(page, 'home');
});

test('a lesson with a figure, a template and a quiz works under the policy', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator('.lesson-body svg.figure-svg').first()).toBeVisible();
  await expect(page.locator('.template').first()).toBeVisible();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  for (const question of await page.locator('fieldset.question').all()) {
    await question.locator('input').first().check();
  }
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You scored' })).toBeVisible();
  // The next lesson's data is fetched.
  await follow(page.getByRole('link', { name: /^Next/ }));
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  await expectNoViolation(page, 'lesson');
});

test('glossary and progress work under the policy, and the export still downloads', async ({ page }) => {
  await page.goto('/glossary/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoViolation(page, 'glossary');

  await page.goto('/progress/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your progress (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tpm-course-progress.json');
  expect(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).course).toBe('tpm-course');
  await expectNoViolation(page, 'progress');
});

test('the 404 page works under the policy', async ({ page }) => {
  const response = await page.goto('/nowhere/at/all');
  expect(response.status()).toBe(404);
  await page.getByRole('link', { name: 'Go to the course home' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical Program Management');
  await expectNoViolation(page, '404');
});

test('under a sub-path: the app, the manifest and the service worker work under the policy', async ({ page }) => {
  await page.goto(`${SUBPATH_ROOT}lessons/risk-management/`);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toBe(`${SUBPATH_ROOT}manifest.webmanifest`);
  expect(manifest.errors).toEqual([]);
  expect(JSON.parse(manifest.data).start_url).toBe('./');
  await expect.poll(() => serviceWorker(page), { message: 'the inline bootstrap registered the service worker' })
    .toBe(`${SUBPATH_ROOT}sw.js`);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(SUBPATH_ROOT);
  await expectNoViolation(page, 'sub-path lesson');
  await page.goto(`${SUBPATH_ROOT}nowhere/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectNoViolation(page, 'sub-path 404');
});
