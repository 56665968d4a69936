// Written exercises in the browser: write an answer (saved as it is typed), reload, export and
// import it, grade it against the rubric, and meet it again in review; a worked example is read;
// two tabs' edits that did not see each other are both kept.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appReady, builtExercises, follow, progressFileRoundTrip, PROGRESS_KEY } from './helpers.mjs';

const exercises = builtExercises();
// One the learner writes (not a worked example, which has no answer box).
const writable = exercises.find((e) => e.step === null || e.step === 'whole');
const worked = exercises.find((e) => e.step === 'worked');
const record = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), PROGRESS_KEY);
const stored = async (page) => {
  const r = await record(page);
  return Object.values(r?.log ?? {}).flatMap((l) => l[`exercise:${writable.slug}`]?.edits ?? []);
};

test.use({ viewport: { width: 360, height: 740 } });

test('an answer is saved as it is typed, survives reload and a file round trip, and is graded into review', async ({ page }) => {
  await page.goto(`/exercises/${writable.slug}/`);
  await expect(page.getByRole('heading', { name: 'The task' })).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Your answer' });
  await box.fill('Status: Red. The vault API is late; Dana decides the date by Friday.');
  await expect.poll(async () => (await stored(page)).map((e) => e[2])).toEqual(['Status: Red. The vault API is late; Dana decides the date by Friday.']);
  // Typing more saves into the same edit: the record does not grow with every keystroke.
  await box.press('End');
  await box.type(' Next update Monday.');
  await expect.poll(async () => (await stored(page)).map((e) => e[2])).toEqual(['Status: Red. The vault API is late; Dana decides the date by Friday. Next update Monday.']);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Status: Red. The vault API is late; Dana decides the date by Friday. Next update Monday.');

  // Export, clear, import: the answer comes back.
  await progressFileRoundTrip(page);
  await page.goto(`/exercises/${writable.slug}/`);
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Status: Red. The vault API is late; Dana decides the date by Friday. Next update Monday.');

  // Grade: the model answer, the rubric; ticking none of the ideas is Again, due in review.
  await page.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(page.getByRole('heading', { name: 'The model answer' })).toBeVisible();
  const units = page.locator('.exercise-unit input');
  await expect(units).toHaveCount(writable.rubric.length);
  await units.first().check();
  await page.getByRole('button', { name: 'Grade my answer' }).click();
  await expect(page.locator('.exercise-grade[role="status"]')).toContainText(`1 of ${writable.rubric.length} ideas. Again:`);
  // The record is saved after the page shows the grade.
  const graded = async () => Object.values((await record(page)).log).map((l) => l[`exercise:${writable.slug}`]).find((l) => l?.recalls);
  await expect.poll(async () => (await graded())?.recalls.length).toBe(1);
  const facts = await graded();
  expect(facts.recalls[0][1]).toBe('x');
  expect(facts.recalls[0][2]).toBe('0w');

  // 320 px and axe.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  // The review asks it as recall: the task, then the model answer and its ideas to tick.
  await page.goto('/review/');
  await expect(page.locator('.review-recall')).toBeVisible();
  await expect(page.locator('.review-lesson')).toContainText('From the exercise');
  await page.getByRole('button', { name: 'Show the model answer' }).click();
  const ideas = page.locator('.review-recall .exercise-unit input');
  await expect(ideas).toHaveCount(writable.rubric.length);
  for (let i = 0; i < writable.rubric.length; i += 1) await ideas.nth(i).check();
  await page.getByRole('button', { name: 'Grade my recall' }).click();
  await expect(page.locator('.review-recall .exercise-grade')).toContainText('Good:');
  await expect.poll(async () => (await graded()).recalls.map((r) => r[1])).toEqual(['x', 'r']);
});

test('two tabs that edit one answer without seeing each other keep both versions', async ({ context }) => {
  const a = await context.newPage();
  await a.goto(`/exercises/${writable.slug}/`);
  // A page of the context is not the fixture's: wait for its app, or typing lands in the
  // static first paint.
  await appReady(a);
  await a.getByRole('textbox', { name: 'Your answer' }).fill('Shared start');
  await expect.poll(async () => (await stored(a)).length).toBe(1);
  const b = await context.newPage();
  await b.goto(`/exercises/${writable.slug}/`);
  await appReady(b);
  await expect(b.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Shared start');
  // Each tab goes on from the shared start; neither sees the other's change before typing (tab A
  // goes on typing into its own edit, which tab B continued as it was).
  await a.getByRole('textbox', { name: 'Your answer' }).fill('Tab A version');
  await b.getByRole('textbox', { name: 'Your answer' }).fill('Tab B version');
  await expect.poll(async () => (await stored(a)).map((e) => e[2]).sort()).toEqual(['Tab A version', 'Tab B version']);
  await a.reload();
  await appReady(a);
  await expect(a.getByRole('status').filter({ hasText: 'changed in two places' })).toBeVisible();
  const both = await a.getByRole('textbox', { name: 'Your answer' }).inputValue();
  expect(both).toContain('Tab A version');
  expect(both).toContain('Tab B version');
  // Writing with both in view resolves it.
  await a.getByRole('textbox', { name: 'Your answer' }).fill('Merged by hand');
  await a.reload();
  await appReady(a);
  await expect(a.getByRole('status').filter({ hasText: 'changed in two places' })).toHaveCount(0);
  await expect(a.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Merged by hand');
});

test('a worked example is read: its answer and what makes it work, nothing to write', async ({ page }) => {
  await page.goto(`/exercises/${worked.slug}/`);
  await expect(page.getByRole('heading', { name: 'A worked answer' })).toBeVisible();
  await expect(page.locator('.exercise-rubric li')).toHaveCount(worked.rubric.length);
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
  await follow(page.getByRole('link', { name: 'Next: step 2 of 3' }));
  await expect(page.getByRole('textbox', { name: 'Your answer' })).not.toHaveValue('');
});
