// The whole course as built: every lesson's page, the home, the glossary, unknown URLs, small screens.
import { test, expect } from '@playwright/test';
import { builtLessons } from './helpers.mjs';

const lessons = builtLessons();

test('the build has the whole course', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(24);
});

test('every lesson URL loads directly with its title and quiz', async ({ page }) => {
  test.setTimeout(120_000);
  for (const lesson of lessons) {
    const response = await page.goto(`/lessons/${lesson.slug}/`);
    expect(response.status(), lesson.slug).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), lesson.slug).toHaveText(lesson.title);
    await expect(page.locator('fieldset.question'), lesson.slug).toHaveCount(lesson.questions);
    expect(lesson.questions, lesson.slug).toBeGreaterThanOrEqual(3);
  }
});

test('the home starts a newcomer at lesson 1 and resumes a returning learner', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical Program Management');
  await page.getByRole('link', { name: 'Start the course' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
  await page.getByRole('link', { name: /^Next/ }).click();
  await expect(page).toHaveURL(/how-the-role-came-to-be/);
  await page.getByRole('link', { name: 'Course', exact: true }).click();
  await expect(page.getByRole('link', { name: /^Resume: How/ })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: /^Resume:/ }).click();
  await expect(page).toHaveURL(/how-the-role-came-to-be/);
});

test('the glossary lists every term with the lessons that use it', async ({ page }) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  const entry = page.locator('#connective-tissue');
  await expect(entry).toContainText('Its only function is to protect');
  await entry.getByRole('link', { name: 'What Do Technical Program Managers Do?' }).click();
  await expect(page).toHaveURL(/what-do-technical-program-managers-do/);
});

test('an unknown URL shows a friendly not-found page that links home', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the course home' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical Program Management');
  await page.goto('/lessons/no-such-lesson/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('no page scrolls sideways on a 320 px screen', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  for (const path of ['/', '/glossary/', '/progress/', ...lessons.map((l) => `/lessons/${l.slug}/`)]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.close();
});

test('back returns to the place in a lesson, and Resume opens where the learner left off', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/lessons/risk-management/');
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  const max = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  await page.evaluate((y) => window.scrollTo(0, y), Math.round(max / 2));
  await page.waitForTimeout(300);
  await page.getByRole('main').getByRole('link', { name: /^Next/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tracking Progress');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(max / 2 - max * 0.1);

  await page.goto('/');
  await page.getByRole('link', { name: /^Resume: Risk Management/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(max / 2 - max * 0.1);
});
