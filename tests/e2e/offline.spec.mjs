// Installable and offline: manifest, service worker, offline reading, and the update notice.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, appReady, derive, FIRST, PROGRESS_KEY, storedWhen, LESSON_ONE_RIGHT } from './helpers.mjs';

/** Waits until the service worker controls the page and has its cache filled. */
async function waitForOffline(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('the manifest makes the course installable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe('Technical Program Management');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#/);
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.headers()['content-type']).toBe('image/png');
    const png = await res.body();
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(`${w}x${h}`).toBe(icon.sizes);
  }
});

test('after one visit the whole course works offline', async ({ page, context }) => {
  await page.goto('/');
  await waitForOffline(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical Program Management');
  // A lesson never opened before, by a link and by its URL.
  await page.getByRole('main').getByRole('link', { name: 'Risk Management' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  await page.goto(FIRST);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
  for (const label of LESSON_ONE_RIGHT.flat()) await page.getByLabel(label).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You scored' })).toBeVisible();
  // Review and the practice exam, whose lessons were never fetched while online.
  await page.getByRole('link', { name: 'Practice this lesson' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 4' })).toBeVisible();
  await page.goto('/exam/');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.locator('.exam-sitting fieldset.question')).toBeVisible();
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  // Search, whose index was never fetched while online.
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: /Search/ }).fill('escalat');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText(/escalat/i);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\//);
  const unknown = await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(unknown.status()).toBe(200); // the cached 404.html, served by the worker
});

test('a new deploy shows "a new version is available" and keeps progress', async ({ browser }) => {
  // A private copy of the site, so this test can deploy a new build without touching dist/.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpm-deploy-'));
  fs.cpSync(path.resolve(import.meta.dirname, '../../dist'), dir, { recursive: true });
  const port = 4300 + Math.floor(Math.random() * 500);
  const server = spawn('node', [path.resolve(import.meta.dirname, '../serve.mjs'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    // Ready once it says where it serves.
    await new Promise((resolve, reject) => {
      server.stdout.once('data', resolve);
      server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}${FIRST}`);
    await appReady(page);
    await waitForOffline(page);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    const before = await storedWhen(page, (p) => p.lessons['what-do-technical-program-managers-do'].completed);

    // Deploy: a new service worker (as a new build's would be).
    fs.appendFileSync(path.join(dir, 'sw.js'), '\n// a new build\n');
    await page.reload();
    await appReady(page);
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the course is available' });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await Promise.all([
      page.waitForEvent('framenavigated'),
      notice.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
    await expect(notice).toBeHidden();
    // Everything but the reading position, which follows the learner's scrolling.
    const withoutPosition = (raw) => {
      const p = derive(JSON.parse(raw));
      for (const lesson of Object.values(p.lessons)) delete lesson.position;
      return p;
    };
    expect(withoutPosition(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))).toEqual(withoutPosition(before));
    await context.close();
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
