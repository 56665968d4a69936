// Two tabs in step, a remembered theme, and a print view with the lesson alone.
import { test, expect } from '@playwright/test';
import { FIRST } from './helpers.mjs';

test('a completion in one tab appears in the other', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto(FIRST);
  await two.goto('/');
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
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
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
