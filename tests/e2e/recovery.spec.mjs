// No record in storage or in a file can stop the course; if the app fails anyway, the learner
// gets a recovery screen (plain script in index.html, outside the wasm) with their record.
import fs from 'node:fs';
import { test, expect, FIRST, PROGRESS_KEY, BACKUP_KEY, seedStorage, storedWhen } from './helpers.mjs';

const TEST_PANIC_KEY = 'tpm-course.test-panic';
const CHARTER = 'the-program-charter';

/** A version-3 record in which one lesson is complete, at times past the year 9999. */
const edgeRecord = JSON.stringify({
  version: 3, course: 'tpm-course', device: 'edge',
  log: { edge: { [CHARTER]: { opened: 18446744073709551615, ends: [-5, 1.5], marks: [[1e300, true]] } } },
  seed: 99999999999,
});

test('when the app panics as it starts, the recovery screen offers the stored record and a reload', async ({ page }) => {
  const record = JSON.stringify({ version: 1, course: 'tpm-course', lessons: { [CHARTER]: { completed: true } } });
  await seedStorage(page, { [PROGRESS_KEY]: record, [TEST_PANIC_KEY]: '1' });
  await page.gotoWithoutApp(FIRST);
  const screen = page.getByRole('alert');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('The course stopped because of an error');
  await expect(screen).toContainText('Your progress is still stored in this browser.');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('link', { name: 'Download your stored progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tpm-course-progress.json');
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe(record);
  // Once whatever failed is gone, Reload brings the course back with the record intact.
  await page.evaluate((k) => localStorage.removeItem(k), TEST_PANIC_KEY);
  await screen.getByRole('button', { name: 'Reload' }).click();
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
  // The app reads the record (and saves it in today's format): the lesson is still complete.
  await storedWhen(page, (p) => p.lessons[CHARTER].completed);
});

test('a trap in the running app shows the recovery screen; other errors do not', async ({ page }) => {
  await page.goto(FIRST);
  await page.evaluate(() => setTimeout(() => { throw new TypeError('not the app'); }));
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The course stopped because of an error');
  await expect(page.getByRole('link', { name: 'Download your stored progress' })).toBeVisible();
});

test('a stored record with values at the edge of their types opens, says what changed, and keeps the original', async ({ page }) => {
  await seedStorage(page, { [PROGRESS_KEY]: edgeRecord });
  await page.goto(`/lessons/${CHARTER}/`);
  const alert = page.locator('.storage-notice');
  await expect(alert).toContainText('Your saved progress held values that cannot be true.');
  await expect(alert).toContainText('5 values that cannot be true were changed');
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  const backups = await page.evaluate((prefix) => Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)), BACKUP_KEY);
  expect(backups).toEqual([edgeRecord]);
});

test('an imported file is refused when too large and repaired when it holds values that cannot be true', async ({ page }) => {
  await page.goto('/progress/');
  const input = page.locator('#import-file');
  await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(5_000_001, 32) });
  await expect(page.locator('.progress-status')).toHaveText('The file is too large to be progress (5000 KB; the limit is 5000 KB).');
  await input.setInputFiles({ name: 'edge.json', mimeType: 'application/json', buffer: Buffer.from(edgeRecord) });
  const preview = page.getByRole('group', { name: 'Before you import' });
  await expect(preview.locator('.import-repairs')).toContainText('5 values that cannot be true were changed');
  await preview.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('You have completed 1 of')).toBeVisible();
});
