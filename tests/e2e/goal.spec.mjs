// The weekly goal: set on the Progress page, this week's standing there and on the home page,
// the weeks before shown plainly, kept across reloads, changed and removed.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, FIRST } from './helpers.mjs';

test('a weekly goal of lessons read, then of questions reviewed, then none', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.goto('/');
  await expect(page.locator('.goal-home')).toHaveCount(0);

  await page.goto('/progress/');
  const goal = page.locator('#goal');
  await goal.getByRole('spinbutton', { name: 'Each week' }).fill('0');
  await goal.getByRole('button', { name: 'Set the goal' }).click();
  await expect(goal.getByRole('status')).toHaveText('A weekly goal is a whole number from 1 to 500.');
  await goal.getByRole('spinbutton', { name: 'Each week' }).fill('2');
  await goal.getByRole('button', { name: 'Set the goal' }).click();
  await expect(goal.getByRole('status')).toHaveText('Your goal: 2 lessons read a week.');
  await expect(goal.locator('.goal-this-week')).toHaveText('This week: 1 of 2 lessons read.');
  // The weeks before, plainly: no streak, nothing lost.
  await expect(goal.locator('.goal-weeks li')).toHaveCount(3);
  for (const li of await goal.locator('.goal-weeks li').all()) await expect(li).toHaveText(/^Week of [A-Z][a-z]+ \d{1,2}: 0 of 2\.$/);
  expect((await new AxeBuilder({ page }).include('#goal').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The home page shows this week; a reload keeps the goal.
  await page.goto('/');
  await expect(page.locator('.goal-home')).toContainText('This week: 1 of 2 lessons read.');
  expect(await page.evaluate(() => localStorage.getItem('tpm-course.weekly-goal'))).toBe('lessons:2');
  await page.goto('/progress/');
  await expect(goal.getByRole('spinbutton', { name: 'Each week' })).toHaveValue('2');

  // Questions reviewed instead: the quiz of a lesson is not a review.
  await goal.getByRole('combobox', { name: 'What counts' }).selectOption('reviews');
  await goal.getByRole('spinbutton', { name: 'Each week' }).fill('1');
  await goal.getByRole('button', { name: 'Change the goal' }).click();
  await expect(goal.locator('.goal-this-week')).toHaveText('This week: 0 of 1 question reviewed.');
  await page.goto('/');
  await expect(page.locator('.goal-home')).toContainText('This week: 0 of 1 question reviewed.');

  await page.goto('/progress/');
  await goal.getByRole('button', { name: 'Remove the goal' }).click();
  await expect(goal.locator('.goal-this-week')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('.goal-home')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('tpm-course.weekly-goal'))).toBeNull();
});
