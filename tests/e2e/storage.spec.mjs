// Progress that cannot be read, or cannot be stored, never stops the course and is never lost.
import fs from 'node:fs';
import { test, expect, FIRST, PROGRESS_KEY, BACKUP_KEY, seedStorage, storedWhen, derive, follow } from './helpers.mjs';

const get = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const backupKeys = (page) => page.evaluate((prefix) =>
  Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort(), BACKUP_KEY);

test('garbage in storage is kept as a dated backup, the learner is told, and can download or delete it', async ({ page }) => {
  const before = Date.now();
  await seedStorage(page, { [PROGRESS_KEY]: '{"version": 1, garbage' });
  await page.goto(FIRST);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your saved progress could not be read');
  const [key] = await backupKeys(page);
  expect(Number(key.slice(BACKUP_KEY.length + 1))).toBeGreaterThanOrEqual(before);
  expect(await get(page, key)).toBe('{"version": 1, garbage');
  // The app runs on fresh progress, and saves it.
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await storedWhen(page, (p) => p.lessons['what-do-technical-program-managers-do'].completed);

  await alert.getByRole('link', { name: 'Open the Progress page' }).click();
  const backup = page.locator('.backup');
  await expect(backup).toHaveCount(1);
  await expect(backup).toContainText('Set aside on');
  await expect(backup).toContainText('22 bytes');
  await expect(backup).toContainText('This version of the course cannot read it');
  await expect(backup.getByRole('button', { name: 'Merge into your progress' })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('link', { name: 'Download' }).click()]);
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe('{"version": 1, garbage');
  await backup.getByRole('button', { name: 'Delete…' }).click();
  await backup.getByRole('button', { name: 'Cancel' }).click();
  expect(await get(page, key)).toBe('{"version": 1, garbage');
  await backup.getByRole('button', { name: 'Delete…' }).click();
  await backup.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete it' }).click();
  await expect(page.locator('.progress-status')).toHaveText('The backup was deleted.');
  await expect(page.getByText('No backups: nothing has been set aside in this browser.')).toBeVisible();
  expect(await backupKeys(page)).toEqual([]);
});

test('a record from a newer version is left exactly as it is while this version runs on memory', async ({ page }) => {
  const future = JSON.stringify({ version: 5, course: 'tpm-course', events: [[1, 'something new']] });
  await seedStorage(page, { [PROGRESS_KEY]: future });
  await page.goto(FIRST);
  await expect(page.getByRole('alert')).toContainText('A newer version of this course is open in another tab');
  // The learner goes on: every change lives in this tab only.
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  await follow(page.getByRole('link', { name: /^Next/ }));
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.goto('/progress/');
  await expect(page.getByText('You have completed 0 of')).toBeVisible(); // a reload starts from memory again
  expect(await get(page, PROGRESS_KEY)).toBe(future);
  expect(await backupKeys(page)).toEqual([]);
});

test('a newer record arriving from another tab stops this tab from saving over it', async ({ context }) => {
  const older = await context.newPage();
  await older.goto(FIRST);
  await older.getByRole('button', { name: 'Mark as complete' }).click();
  await storedWhen(older, (p) => p.lessons['what-do-technical-program-managers-do'].completed);
  // A newer build in another tab writes a version-4 record.
  const newer = await context.newPage();
  await newer.goto('/progress/');
  const future = JSON.stringify({ version: 5, course: 'tpm-course', note: 'written by a newer build' });
  await newer.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, future]);
  await expect(older.getByRole('alert')).toContainText('A newer version of this course is open in another tab');
  await older.getByRole('button', { name: /mark as not complete/ }).click();
  await follow(older.getByRole('link', { name: /^Next/ }));
  await older.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(await get(older, PROGRESS_KEY)).toBe(future);
});

test('a legacy backup is kept when a second corrupt record is set aside', async ({ page }) => {
  await seedStorage(page, { [BACKUP_KEY]: 'first', [PROGRESS_KEY]: 'second' });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('could not be read');
  const keys = await backupKeys(page);
  expect(keys).toHaveLength(2);
  expect(await get(page, BACKUP_KEY)).toBe('first');
  expect(await get(page, keys[1])).toBe('second');
  await page.goto('/progress/');
  await expect(page.locator('.backup')).toHaveCount(2);
  await expect(page.locator('.backup').first()).toContainText('date not recorded');
});

test('progress an older copy of the course set aside can be merged back', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  const v2 = await storedWhen(page, (p) => p.lessons['what-do-technical-program-managers-do'].completed);
  // What a version-1 build does when it finds a version-2 record: sets it aside, starts afresh.
  await seedStorage(page, { [BACKUP_KEY]: v2, [PROGRESS_KEY]: JSON.stringify({ version: 1, course: 'tpm-course', lessons: {} }) });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('can be merged back into yours on the Progress page');
  await page.getByRole('alert').getByRole('link', { name: 'Open the Progress page' }).click();
  await expect(page.getByText('You have completed 0 of')).toBeVisible();
  const backup = page.locator('.backup');
  await expect(backup).toContainText('Progress in this course: 1 of');
  await backup.getByRole('button', { name: 'Merge into your progress' }).click();
  await expect(page.getByText('You have completed 1 of')).toBeVisible();
  await storedWhen(page, (p) => p.version === 4 && p.lessons['what-do-technical-program-managers-do'].completed);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0); // nothing left to merge back
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
  // What could not be saved can be downloaded at once, with the lesson just completed in it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('alert').getByRole('link', { name: 'Download your progress' }).click(),
  ]);
  const saved = derive(JSON.parse(fs.readFileSync(await download.path(), 'utf8')));
  expect(saved.lessons['what-do-technical-program-managers-do'].completed).toBe(true);
});
