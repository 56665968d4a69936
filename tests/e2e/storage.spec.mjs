// Progress that cannot be read, or cannot be stored, never stops the course and is never lost.
import { test, expect, appReady, FIRST, PROGRESS_KEY, BACKUP_KEY, storedWhen } from './helpers.mjs';

test('garbage in storage is kept under the backup key, the learner is told, the app runs', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((k) => localStorage.setItem(k, '{"version": 1, garbage'), PROGRESS_KEY);
  await page.goto(FIRST);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
  await expect(page.getByRole('alert')).toContainText('Your saved progress could not be read');
  await expect(page.getByRole('alert')).toContainText(BACKUP_KEY);
  expect(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY)).toBe('{"version": 1, garbage');
  // The app runs on fresh progress, and saves it.
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await storedWhen(page, (p) => p.lessons['what-do-technical-program-managers-do'].completed);
});

test('progress from a newer version is kept aside, not overwritten', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const future = JSON.stringify({ version: 9, course: 'tpm-course', lessons: {} });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, future]);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('written by a newer version of this course');
  expect(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY)).toBe(future);
});

test('a second corrupt record does not overwrite the first backup', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(([k, b]) => { localStorage.setItem(b, 'first'); localStorage.setItem(k, 'second'); }, [PROGRESS_KEY, BACKUP_KEY]);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText(`${BACKUP_KEY}.2`);
  expect(await page.evaluate((b) => localStorage.getItem(b), BACKUP_KEY)).toBe('first');
  expect(await page.evaluate((b) => localStorage.getItem(b + '.2'), BACKUP_KEY)).toBe('second');
});

test('blocked storage: the course works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(FIRST);
  await expect(page.getByRole('alert')).toContainText('not letting the course save anything');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
});

test('full storage: a failed save is reported and the learner keeps going', async ({ page }) => {
  await page.goto(FIRST);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === 'tpm-course.progress') throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, k, v);
    };
  });
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('alert')).toContainText('could not be saved');
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
});
