// Progress carried to another device in links and QR codes, with no server: made on one
// device, opened on another (a separate browser context) in any order, held apart until every
// part is there, previewed, merged on confirmation; the fragment leaves the address bar; a
// damaged, foreign or newer link changes nothing; iPhone Safari is told where the progress went.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, FIRST, LESSON_ONE_RIGHT, PROGRESS_KEY, builtLessons } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY);

/** Makes the links on the Continue page and reads each one from its text. */
async function makeLinks(page) {
  await page.goto('/continue/');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const links = [];
  for (;;) {
    const text = page.locator('.handoff-text');
    await text.locator('summary').click();
    links.push(await text.locator('.handoff-link').textContent());
    await expect(page.locator('svg.qr')).toHaveAttribute('aria-label', new RegExp(`^QR code ${links.length} of `));
    // The code on the screen is the link, as a phone's camera reads it.
    expect(await scanCode(page)).toBe(links.at(-1));
    const next = page.getByRole('button', { name: 'Next code' });
    if (!(await next.count()) || await next.isDisabled()) break;
    await next.click();
  }
  return links;
}

/** Reads the QR code shown on the page as a camera would: its pixels, decoded by rqrr
 * (`examples/qr-scan.rs`, built by `cargo test --all-targets`). */
async function scanCode(page) {
  // Whole pixels per module, as a camera close to a sharp screen sees it.
  await page.locator('svg.qr').evaluate((svg) => {
    svg.style.width = `${svg.viewBox.baseVal.width * 4}px`;
    svg.style.maxWidth = 'none';
  });
  const file = path.join(os.tmpdir(), `qr-${process.pid}-${Date.now()}.png`);
  await page.locator('svg.qr').screenshot({ path: file });
  const root = path.resolve(import.meta.dirname, '../..');
  try {
    return execFileSync('cargo', ['run', '--quiet', '--example', 'qr-scan', '--', file], { cwd: root, encoding: 'utf8' });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A record big enough to need several parts: many lessons answered many times. */
function bigRecord() {
  const log = {};
  let t = 1764080000000;
  for (const [i, l] of builtLessons().entries()) {
    const ids = Array.from({ length: l.questions }, (_, q) => `${l.slug}-q${q}`);
    const recalls = [];
    for (let d = 0; d < 12; d++) { t += 86400000 + i * 977 + d * 131; recalls.push([t, 'r', ids.map((_, q) => `${q}${(d + q + i) % 3 ? 'g' : 'w'}`).join(' ')]); }
    log[l.slug] = { opened: t, marks: [[t + 5, true]], questions: ids, recalls };
  }
  return JSON.stringify({ version: 4, course: 'tpm-course', device: 'phone1', log: { phone1: log } });
}

test('a finished lesson and a note go to another device in one link, previewed and merged', async ({ page, browser }) => {
  await page.goto(FIRST);
  for (const label of LESSON_ONE_RIGHT.flat()) await page.getByLabel(label).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  await page.locator('.notes-panel summary').click();
  await page.getByRole('textbox', { name: 'Your notes on this lesson' }).fill('Carried by a link.');
  await page.waitForFunction((k) => localStorage.getItem(k)?.includes('Carried by a link.'), PROGRESS_KEY);
  const links = await makeLinks(page);
  expect(links).toHaveLength(1);
  await expect(page.getByRole('status').filter({ hasText: 'fits in one code' })).toBeVisible();
  expect(links[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/continue\/#tpm1\.[0-9a-f]{8}\.1\.1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize().width);
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Another device: a browser of its own, here an iPhone's Safari.
  const phone = await browser.newContext({ userAgent: IPHONE, viewport: { width: 375, height: 740 } });
  const b = await phone.newPage();
  await b.goto('/continue/');
  await b.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  const before = await stored(b);
  // Opened on the page already showing (the address bar), then as a new page load.
  await b.goto(links[0]);
  await expect(b).toHaveURL(/\/continue\/$/);
  await expect(b.getByRole('heading', { name: 'Before you merge' })).toBeVisible();
  await b.getByRole('button', { name: 'Set aside' }).click();
  await b.goto('about:blank');
  await b.goto(links[0]);
  await b.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  // The fragment is gone from the address bar; nothing changed yet.
  await expect(b).toHaveURL(/\/continue\/$/);
  await expect(b.getByRole('heading', { name: 'Before you merge' })).toBeVisible();
  const row = b.locator('.handoff-preview tr').filter({ hasText: 'Lessons completed' });
  await expect(row.locator('td')).toHaveText(['0', '1', '1']);
  await expect(b.locator('.handoff-preview tr').filter({ hasText: 'Lessons with notes' }).locator('td')).toHaveText(['0', '1', '1']);
  expect(await stored(b)).toBe(before);
  expect((await new AxeBuilder({ page: b }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await b.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();
  // iPhone Safari: where the progress went, and how to move it into the Home Screen course.
  await expect(b.getByRole('heading', { name: 'On iPhone and iPad' })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Copy the links' })).toBeVisible();
  await b.goto(FIRST);
  await b.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  await expect(b.locator('.lesson-meta')).toContainText('Completed');
  await expect(b.locator('.notes-panel summary')).toHaveText('Notes · written');
  await phone.close();
});

test('a record that takes several codes arrives part by part, in any order, and waits apart until whole', async ({ page, browser }) => {
  await page.goto('/continue/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, bigRecord()]);
  const links = await makeLinks(page);
  expect(links.length).toBeGreaterThan(1);
  await expect(page.getByRole('status').filter({ hasText: `takes ${links.length} codes` })).toBeVisible();

  const other = await browser.newContext();
  const b = await other.newPage();
  // Each link opened as a scanned code opens it: a new page load.
  const open = async (link) => {
    await b.goto('about:blank');
    await b.goto(link);
    await b.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  };
  await open(links.at(-1));
  await expect(b.locator('.handoff-receive [role="status"]')).toContainText(`of ${links.length} still to open`);
  const before = await stored(b);
  expect(JSON.parse(before).log).toEqual({});
  // The same part again says so; the holding area survives a reload.
  await open(links.at(-1));
  await expect(b.getByRole('status').filter({ hasText: 'You had already opened this part.' })).toBeVisible();
  await b.reload();
  await expect(b.locator('.handoff-receive [role="status"]')).toContainText(`of ${links.length} still to open`);
  // The rest: one pasted, the others opened.
  await b.getByRole('textbox', { name: /A link to continue this course/ }).fill(links[0]);
  await b.getByRole('button', { name: 'Use the link' }).click();
  for (const link of links.slice(1, -1)) await open(link);
  await expect(b.getByRole('heading', { name: 'Before you merge' })).toBeVisible();
  const completed = builtLessons().length;
  await expect(b.locator('.handoff-preview tr').filter({ hasText: 'Lessons completed' }).locator('td')).toHaveText(['0', `${completed}`, `${completed}`]);
  await b.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();
  await expect(b.getByRole('heading', { name: 'On iPhone and iPad' })).toHaveCount(0);
  const merged = JSON.parse(await stored(b));
  expect(Object.keys(merged.log)).toContain('phone1');
  expect(Object.keys(merged.log.phone1)).toHaveLength(completed);
  expect(await b.evaluate(() => localStorage.getItem('tpm-course.incoming'))).toBeNull();
  await other.close();
});

/** A link made in the page with the browser's own deflate, for a record we choose. */
async function craft(page, record) {
  return page.evaluate(async (json) => {
    const fnv = (bytes) => { let h = 0x811c9dc5; for (const b of bytes) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; } return h >>> 0; };
    const hex = (n) => n.toString(16).padStart(8, '0');
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const transfer = hex(fnv(bytes));
    const check = hex(fnv(new Uint8Array([...new TextEncoder().encode(`${transfer}.1.1.`), ...bytes])));
    return `${location.origin}/continue/#tpm1.${transfer}.1.1.${check}.${b64}`;
  }, record);
}

test('a damaged, tampered, foreign or newer link says why and changes nothing', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  const links = await makeLinks(page);
  const mine = await stored(page);
  const good = links[0];
  const cases = [
    [good.slice(0, -9), 'This link is damaged'],
    [good.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'This link is damaged'],
    [good.replace('#tpm1.', '#tpm2.'), 'made by a newer version of the course'],
    [`${new URL(good).origin}/continue/#why`, 'This is not a link to continue this course'],
    [await craft(page, JSON.stringify({ version: 4, course: 'another-course', device: 'x', log: {} })), 'progress of another course'],
    [await craft(page, JSON.stringify({ version: 5, course: 'tpm-course', device: 'x', log: {} })), 'made by a newer version of the course'],
  ];
  // The crafted record of this course, version 4, is read: the browser's deflate and ours agree.
  await page.goto(await craft(page, JSON.stringify({ version: 4, course: 'tpm-course', device: 'x', log: {} })));
  await expect(page.getByRole('heading', { name: 'Before you merge' })).toBeVisible();
  await page.getByRole('button', { name: 'Set aside' }).click();
  for (const [link, says] of cases) {
    await page.goto(link);
    await expect(page.getByRole('alert').filter({ hasText: says })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(/nothing was changed/i);
    await expect(page.getByRole('button', { name: 'Merge into my progress' })).toHaveCount(0);
    expect(await stored(page)).toBe(mine);
    await expect(page).toHaveURL(/\/continue\/$/);
    if (await page.getByRole('button', { name: /Set (these parts )?aside/ }).count()) {
      await page.getByRole('button', { name: /Set (these parts )?aside/ }).first().click();
    }
  }
});
