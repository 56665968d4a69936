// The whole course as built: every lesson's page, the home, the glossary, unknown URLs, small screens.
import { test, expect, appReady, builtLessons, storedWhen, follow } from './helpers.mjs';

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
  await follow(page.getByRole('link', { name: /^Next/ }));
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
  test.setTimeout(180_000);
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  for (const path of ['/', '/glossary/', '/progress/', ...lessons.map((l) => `/lessons/${l.slug}/`)]) {
    await page.goto(path);
    await appReady(page);
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
  // The history entry and the saved record both remember the place.
  await expect.poll(() => page.evaluate(() => history.state)).toBeGreaterThan(0.4);
  await storedWhen(page, (p) => p.lessons['risk-management'].position > 0.4);
  await follow(page.getByRole('main').getByRole('link', { name: /^Next/ }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tracking Progress');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(max / 2 - max * 0.1);

  await page.goto('/');
  await page.getByRole('link', { name: /^Resume: Risk Management/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(max / 2 - max * 0.1);
});

test('complete two lessons and reload: the home shows the percentages and resumes at the right lesson', async ({ page }) => {
  await page.goto('/lessons/the-program-charter/');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.goto('/lessons/goals-non-goals-and-scope/');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.goto('/');
  await page.reload();
  const total = builtLessons().length;
  const percent = Math.floor(200 / total);
  await expect(page.locator('.progress-text')).toHaveText(`2 of ${total} lessons completed (${percent}%)`);
  await expect(page.locator('progress.progress-bar')).toHaveAttribute('value', String(percent));
  const module2 = page.locator('.outline-module').nth(1);
  await expect(module2.locator('.outline-module-progress')).toHaveText(/^2 of \d+ lessons completed$/);
  await expect(module2.locator('progress')).toHaveAttribute('value', '2');
  await expect(page.locator('.outline-module').first().locator('.outline-module-progress')).toHaveText(/^0 of \d+ lessons completed$/);
  await page.getByRole('link', { name: /^Resume:/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Goals, Non-Goals and Scope');
});

test('an answer to a question that has since changed is shown as stale, not as current', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const record = {
    version: 1, course: 'tpm-course',
    lessons: { 'what-do-technical-program-managers-do': { completed: true, best_score: 100, questions: {
      'tpm-primary-deliverable': { answer: [1], attempts: 2, hash: 'an-older-question' },
    } } },
  };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['tpm-course.progress', JSON.stringify(record)]);
  await page.goto('/lessons/what-do-technical-program-managers-do/');
  await expect(page.getByText('This quiz has changed since you last answered it')).toBeVisible();
  await expect(page.getByLabel('Taking notes during important meetings so others can focus on talking during those meetings.')).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeEnabled();
});
