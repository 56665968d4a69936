// Two tabs in step, a remembered theme, and a print view with the lesson alone.
import { test, expect, appReady, FIRST } from './helpers.mjs';

test('a completion in one tab appears in the other', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto(FIRST);
  await appReady(one);
  await two.goto('/');
  await appReady(two);
  await expect(two.getByText('0 of', { exact: false }).first()).toBeVisible();
  await one.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(two.locator('.progress-text')).toHaveText(/^1 of \d+ lessons completed/);
  await expect(two.locator('.outline-lesson[data-state="completed"]')).toHaveCount(1);
});

test('the theme is remembered across a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(FIRST);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await menu.click();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await background()).toBe(dark);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('printing a lesson hides the navigation', async ({ page }) => {
  await page.goto(FIRST);
  await expect(page.locator('.site-header')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.lesson-nav')).toBeHidden();
  await expect(page.locator('.breadcrumb')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.lesson-body')).toBeVisible();
});

test('printing shows the quiz answers only when the learner asks for them', async ({ page }) => {
  await page.goto(FIRST);
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const key = page.getByRole('region', { name: 'Answer key' });
  await expect(key).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('Include the answers when printing this lesson').check();
  await expect(key).toBeHidden(); // never on screen
  await page.emulateMedia({ media: 'print' });
  await expect(key).toBeVisible();
  await expect(key).toContainText('Driving strategically important and complex initiatives forward.');
  await page.reload();
  await expect(key).toBeVisible(); // remembered
});

test('the text size is adjustable and remembered', async ({ page }) => {
  await page.goto(FIRST);
  const size = () => page.locator('.lesson-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const standard = await size();
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('combobox', { name: 'Text size' }).selectOption('larger');
  await expect.poll(size).toBeGreaterThan(standard * 1.3);
  await page.reload();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('combobox', { name: 'Text size' })).toHaveValue('larger');
  expect(await size()).toBeGreaterThan(standard * 1.3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
