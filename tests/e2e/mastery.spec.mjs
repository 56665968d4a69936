// Mastery per module after a scripted history, as the home page and the outline show it.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seedStorage, PROGRESS_KEY } from './helpers.mjs';

const DAY = 86_400_000;

/** Question ids per lesson slug, from the built data files. */
function questionIds() {
  const dir = path.resolve(import.meta.dirname, '../../dist/lessons');
  return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
    const l = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    return [l.slug, l.quiz.questions.map((q) => q.id)];
  }));
}

test('each module shows the level its answers earn, in words', async ({ page }) => {
  const ids = questionIds();
  await page.goto('/');
  const modules = await page.locator('.outline-module').evaluateAll((ms) => ms.map((m) =>
    [...m.querySelectorAll('.outline-lesson a')].map((a) => a.getAttribute('href').split('/').filter(Boolean).pop())));
  const now = Date.now();
  const log = {};
  const grades = (n, wrong = -1) => Array.from({ length: n }, (_, i) => `${i}${i === wrong ? 'w' : 'g'}`).join(' ');
  // Module 1: every question right in a quiz 10 days ago and in a review 2 days ago: Mastered.
  for (const slug of modules[0]) {
    log[slug] = { questions: ids[slug], recalls: [[now - 10 * DAY, 'q', grades(ids[slug].length)], [now - 2 * DAY, 'r', grades(ids[slug].length)]] };
  }
  // Module 2: every question right, yesterday: Proficient (not yet recalled a week on).
  for (const slug of modules[1]) {
    log[slug] = { questions: ids[slug], recalls: [[now - DAY, 'q', grades(ids[slug].length)]] };
  }
  // Module 3: every question answered, one wrong: Familiar (at least 70% right once).
  modules[2].forEach((slug, i) => {
    log[slug] = { questions: ids[slug], recalls: [[now - DAY, 'q', grades(ids[slug].length, i === 0 ? 0 : -1)]] };
  });
  // Module 4: one question, wrong: Attempted.
  const [slug4] = modules[3];
  log[slug4] = { questions: ids[slug4].slice(0, 1), recalls: [[now - DAY, 'e', '0w']] };
  await seedStorage(page, { [PROGRESS_KEY]: JSON.stringify({ version: 3, course: 'tpm-course', device: 'abc123', log: { abc123: log } }) });

  await page.goto('/');
  const levels = await page.locator('.outline-module .mastery').allTextContents();
  expect(levels.slice(0, 5)).toEqual(['Mastered', 'Proficient', 'Familiar', 'Attempted', 'Not started']);
  expect(levels.slice(4).every((l) => l === 'Not started')).toBe(true);
  await expect(page.locator('.outline-module').nth(0).locator('.outline-module-mastery')).toHaveText('Mastery: Mastered');
  // The outline beside a lesson says the same.
  await page.goto(`/lessons/${modules[0][0]}/`);
  // The outline is the shell bundle's, which a wide screen loads at once.
  await expect(page.locator('.outline-tree .mastery').first()).toBeVisible();
  const tree = await page.locator('.outline-tree .mastery').allTextContents();
  expect(tree.slice(0, 5)).toEqual(['Mastered', 'Proficient', 'Familiar', 'Attempted', 'Not started']);
  // Due: module 3's missed question, and module 4's; everything else is scheduled later.
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Review · 2 due' })).toBeVisible();
});
