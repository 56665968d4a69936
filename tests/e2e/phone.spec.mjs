// The core flow on a phone: touch, a small screen, big targets.
import { devices } from '@playwright/test';
import { test, expect, appReady, FIRST, LESSON_ONE_RIGHT } from './helpers.mjs';

const { defaultBrowserType, ...phone } = devices['Pixel 7'];
test.use(phone);

test('open a lesson, answer its quiz by touch, reload: all kept', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start the course' }).tap();
  await expect(page).toHaveURL(new RegExp(FIRST));
  await page.getByRole('button', { name: 'connective tissue' }).tap();
  await expect(page.locator('.term-popover', { hasText: 'Its only function' })).toBeVisible();
  for (const label of LESSON_ONE_RIGHT.flat()) await page.locator('.quiz-form').getByText(label, { exact: true }).tap();
  await page.getByRole('button', { name: 'Submit answers' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'You scored 100%' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Score: 100%')).toBeVisible();
  await expect(page.getByLabel('Driving strategically important and complex initiatives forward.')).toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test('touch targets are at least 44 by 44 CSS pixels', async ({ page }) => {
  for (const path of ['/', FIRST, '/progress/', '/review/', '/exam/']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const small = await page.evaluate(() => {
      const targets = document.querySelectorAll(
        'button:not(.term-button), .button, select, .choice label, .site-nav a, .outline-lesson a, .lesson-nav-link, .breadcrumb a');
      return [...targets]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        .map(({ el, r }) => `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    });
    expect(small, path).toEqual([]);
  }
});
