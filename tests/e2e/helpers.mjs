// What the specs share: the course's storage keys and its lessons, read from the built site.
import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import path from 'node:path';

export const PROGRESS_KEY = 'tpm-course.progress';
export const BACKUP_KEY = 'tpm-course.progress.backup';
export const FIRST = '/lessons/what-do-technical-program-managers-do/';

/** The right choices of lesson 1's quiz, question by question (the first is the given text). */
export const LESSON_ONE_RIGHT = [
  ['Driving strategically important and complex initiatives forward.'],
  ['Scaled execution: the practice of delivering complex work across teams.'],
  ['Two teams changed a shared interface in incompatible ways, found in final testing.',
    'Every cross-team launch in the past year slipped, each for a different reason.',
    'Senior engineers who led stalled cross-team efforts are leaving the company.'],
  ['Connect the five teams in her program; that is the part of the company she serves.'],
];
/** The first choice of lesson 1's second question, which a keyboard user reaches first. */
export const LESSON_ONE_Q2_FIRST = 'Engineering capacity: too few engineers for the number of initiatives.';

/** Every lesson the build wrote, as { slug, title, questions } from its data file and page. */
export function builtLessons() {
  const dist = path.resolve(import.meta.dirname, '../../dist/lessons');
  return fs.readdirSync(dist)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const lesson = JSON.parse(fs.readFileSync(path.join(dist, f), 'utf8'));
      const page = fs.readFileSync(path.join(dist, lesson.slug, 'index.html'), 'utf8');
      const title = page.match(/<title>(.*?) · /)[1]
        .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      return { slug: lesson.slug, title, questions: lesson.quiz.questions.length };
    });
}

/** The stored progress record, once a (deferred) save has made `check(record)` true. */
export async function storedWhen(page, check) {
  let raw = null;
  await expect.poll(async () => {
    raw = await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY);
    try { return Boolean(check(JSON.parse(raw))); } catch { return false; }
  }, { message: 'the saved progress record' }).toBe(true);
  return raw;
}

/** How many lessons a progress record marks completed. */
export const completedCount = (record) =>
  Object.values(record.lessons || {}).filter((l) => l.completed).length;

/** Waits until the app has started: the static first paint looks the same but does not listen. */
export async function appReady(page) {
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
}

/** Playwright's `test`, whose `page` waits for the app after every load and reload. */
export const test = base.extend({
  page: async ({ page }, use) => {
    for (const method of ['goto', 'reload', 'goBack']) {
      const original = page[method].bind(page);
      page[method] = async (...args) => {
        const response = await original(...args);
        await appReady(page);
        return response;
      };
    }
    await use(page);
  },
});

export { expect };
