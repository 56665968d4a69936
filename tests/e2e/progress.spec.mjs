// The progress page: export, reset with undo, import with a preview, and broken files refused.
import fs from 'node:fs';
import { test, expect, appReady, derive, FIRST, PROGRESS_KEY, storedWhen, completedCount, follow } from './helpers.mjs';

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY);
/** The slugs a stored record says are completed. */
const completedIn = (raw) => Object.entries(derive(JSON.parse(raw)).lessons).filter(([, l]) => l.completed).map(([s]) => s).sort();

async function completeTwo(page) {
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await follow(page.getByRole('link', { name: /^Next/ }));
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
}

test('export, reset, import: everything comes back', async ({ page }) => {
  await completeTwo(page);
  await follow(page.getByRole('link', { name: 'Progress', exact: true }));
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
  const before = await storedWhen(page, (p) => completedCount(p) === 2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your progress (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tpm-course-progress.json');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toEqual(JSON.parse(before));

  await page.getByRole('button', { name: 'Reset the course…' }).click();
  await page.getByRole('button', { name: 'Reset all progress' }).click();
  await expect(page.getByText('You have completed 0 of')).toBeVisible();
  await expect(page.locator('.progress-status')).toHaveText('Your progress in this course was reset.');
  await page.getByRole('button', { name: 'Undo the reset' }).click();
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
  await page.getByRole('button', { name: 'Reset the course…' }).click();
  await page.getByRole('button', { name: 'Reset all progress' }).click();
  await expect(page.getByText('You have completed 0 of')).toBeVisible();

  await page.locator('#import-file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByText('the file has 2 completed')).toBeVisible();
  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
  await expect.poll(async () => completedIn(await stored(page))).toEqual(completedIn(before));
  // The replaced progress is kept as a backup, and Undo brings it back.
  await expect(page.locator('.backup').filter({ hasText: 'Your progress before your last “Replace”' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo the replace' }).click();
  await expect(page.getByText('You have completed 0 of')).toBeVisible();
  await expect.poll(async () => completedIn(await stored(page))).toEqual([]);
  await page.locator('#import-file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await page.getByRole('button', { name: 'Replace' }).click();
  await page.reload();
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
});

test('a broken file is refused with a clear error and nothing changes', async ({ page }) => {
  await completeTwo(page);
  await follow(page.getByRole('link', { name: 'Progress', exact: true }));
  const before = await storedWhen(page, (p) => completedCount(p) === 2);
  for (const [content, message] of [
    ['not json at all', 'it is not valid JSON'],
    ['{"version": 1, "course": "cooking"}', 'it belongs to another course ("cooking")'],
    ['{"version": 7, "course": "tpm-course"}', 'written by a newer version of this course'],
    ['{"version": 1, "course": "tpm-course", "lessons": 5}', 'it is not a progress record'],
    ['x'.repeat(5_100_000), 'The file is too large to be progress'],
  ]) {
    await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.locator('.progress-status')).toContainText(message);
    await expect(page.getByRole('button', { name: 'Replace' })).toHaveCount(0);
  }
  expect(await stored(page)).toBe(before);
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
});

test('merge keeps the best of both', async ({ page }) => {
  await completeTwo(page);
  await page.goto('/progress/');
  const file = JSON.stringify({ version: 1, course: 'tpm-course', lessons: { 'the-program-charter': { completed: true }, 'a-lesson-since-removed': { completed: true } } });
  await page.locator('#import-file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByText('Merge keeps the best of both: 3 lessons completed')).toBeVisible();
  await expect(page.getByText('The file has 1 lessons this course no longer has')).toBeVisible();
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('You have completed 3 of')).toBeVisible();
  const saved = derive(JSON.parse(await storedWhen(page, (p) => p.lessons['a-lesson-since-removed']?.completed && completedCount(p) === 4)));
  expect(saved.lessons['a-lesson-since-removed'].completed).toBe(true);
  await page.getByRole('button', { name: 'Undo the merge' }).click();
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
  await storedWhen(page, (p) => completedCount(p) === 2);
});

test('reset one lesson or one module, each with a confirmation and an undo', async ({ page }) => {
  await completeTwo(page);
  await page.goto('/progress/');
  const scope = page.getByRole('combobox', { name: 'What to reset' });
  await scope.selectOption({ label: 'Lesson: How the Role Came to Be' });
  await page.getByRole('button', { name: 'Reset…' }).click();
  await expect(page.getByRole('group', { name: 'Confirm reset' })).toContainText('the lesson "How the Role Came to Be"');
  await page.getByRole('button', { name: 'Reset it' }).click();
  await expect(page.getByText('You have completed 1 of')).toBeVisible();
  await page.getByRole('button', { name: 'Undo the reset' }).click();
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
  await scope.selectOption({ label: 'All of module 1: The Role' });
  await page.getByRole('button', { name: 'Reset…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('You have completed 2 of')).toBeVisible();
  await page.getByRole('button', { name: 'Reset…' }).click();
  await page.getByRole('button', { name: 'Reset it' }).click();
  await expect(page.getByText('You have completed 0 of')).toBeVisible();
  await expect(page.locator('.progress-status')).toHaveText('Your progress in the module "The Role" was reset.');
});

test('the progress page says whether the browser keeps the data, and can ask it to', async ({ page }) => {
  await page.goto('/progress/');
  const status = page.locator('.persistence');
  await expect(status).toHaveAttribute('data-persisted', /^(true|false)$/);
  if ((await status.getAttribute('data-persisted')) === 'false') {
    await expect(status).toContainText('may clear your progress');
    await page.getByRole('button', { name: 'Ask the browser to keep it' }).click();
    await expect(status).toHaveAttribute('data-persisted', /^(true|false)$/);
  } else {
    await expect(status).toContainText('has agreed to keep your progress');
  }
  await expect(page.locator('.ios-hint')).toHaveCount(0);
});

test('on an iPhone the course suggests the home screen or an export', async ({ browser }) => {
  const context = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
  });
  const page = await context.newPage();
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('.ios-hint')).toContainText('Add to Home Screen');
  await page.goto('/progress/');
  await appReady(page);
  await expect(page.locator('.ios-hint')).toContainText('export your progress');
  await context.close();
});

test('a progress file can be dropped on the page', async ({ page }) => {
  await completeTwo(page);
  await page.goto('/progress/');
  const file = JSON.stringify({ version: 1, course: 'tpm-course', lessons: { 'the-program-charter': { completed: true } } });
  await page.locator('.drop-zone').evaluate((zone, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'progress.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);
  await expect(page.getByText('Merge keeps the best of both: 3 lessons completed')).toBeVisible();
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('You have completed 3 of')).toBeVisible();
});
