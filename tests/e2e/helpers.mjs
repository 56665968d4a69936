// What the specs share: the course's storage keys and its lessons, read from the built site.
import fs from 'node:fs';
import { test as base, expect } from '@playwright/test';
import path from 'node:path';

export const PROGRESS_KEY = 'tpm-course.progress';
export const BACKUP_KEY = 'tpm-course.progress.backup';
export const FIRST = '/lessons/what-do-technical-program-managers-do/';

/** The course's modules in order: title, and each lesson's slug and question ids, from content/. */
export function courseModules() {
  const content = path.resolve(import.meta.dirname, '../../content');
  const toml = fs.readFileSync(path.join(content, 'course.toml'), 'utf8');
  return toml.split('[[module]]').slice(1).map((block) => ({
    title: block.match(/^title = "(.*)"$/m)[1],
    lessons: [...block.match(/lessons = \[([^\]]*)\]/)[1].matchAll(/"([^"]+)"/g)].map(([, slug]) => ({
      slug,
      questions: [...fs.readFileSync(path.join(content, 'lessons', `${slug}.md`), 'utf8')
        .matchAll(/^id = "([^"]+)"/gm)].map((m) => m[1]),
    })),
  }));
}
/** How many lessons the course has (tests must not write the number down). */
export const LESSON_COUNT = courseModules().reduce((n, m) => n + m.lessons.length, 0);

/** The right choices of lesson 1's quiz, question by question (the first is the given text). */
export const LESSON_ONE_RIGHT = [
  ['Driving strategically important and complex initiatives forward.'],
  ['Scaled execution: the practice of delivering complex work across teams.'],
  ['Two teams changed a shared interface in incompatible ways, found in final testing.',
    'Every cross-team launch in the past year slipped, each for a different reason.',
    'Senior engineers who led stalled cross-team efforts are leaving the company.'],
  ['Connect the five teams in her program; that is the part of the company she serves.'],
];

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

/** Every scenario the build wrote, as its data file says it (points, choices, endings). */
export function builtScenarios() {
  const dist = path.resolve(import.meta.dirname, '../../dist/scenarios');
  return fs.readdirSync(dist)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dist, f), 'utf8')));
}

/**
 * Every exercise the build wrote, as its data file says it (task, model answer, rubric), with
 * its step in a faded sequence from its front matter (`worked`, `completion`, `whole` or null).
 */
export function builtExercises() {
  const dist = path.resolve(import.meta.dirname, '../../dist/exercises');
  const content = path.resolve(import.meta.dirname, '../../content/exercises');
  if (!fs.existsSync(dist)) return [];
  return fs.readdirSync(dist)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dist, f), 'utf8')))
    .map((e) => ({
      ...e,
      step: fs.readFileSync(path.join(content, `${e.slug}.md`), 'utf8').match(/^step = "(\w+)"$/m)?.[1] ?? null,
    }));
}

/**
 * What a stored version-2 record says, lesson by lesson: { lessons: { slug: { completed,
 * reached_end, best_score, position } }, last_lesson }. A second, plain reading of the format
 * (src/model/progress/wire.rs) so the browser tests check what was written, not what the app shows.
 */
export function derive(record) {
  const hidden = (slug, device, t) => (record.resets || []).some((r) =>
    !(record.undone || []).some(([by, at]) => by === r.by && at === r.at)
    && r.lessons.includes(slug) && r.seen[device] !== undefined && t <= r.seen[device]);
  const lessons = {};
  let last = null;
  for (const [device, byLesson] of Object.entries(record.log || {})) {
    for (const [slug, l] of Object.entries(byLesson)) {
      const live = (t) => !hidden(slug, device, t);
      const out = lessons[slug] ??= { completed: false, reached_end: false, best_score: undefined, position: undefined, _mark: -1, _pos: -1, _any: false };
      if (l.opened !== undefined && live(l.opened)) {
        out._any = true;
        if (!last || l.opened > last[0]) last = [l.opened, slug];
      }
      if (l.position && live(l.position[0])) {
        out._any = true;
        if (l.position[0] > out._pos) { out._pos = l.position[0]; out.position = l.position[1]; }
      }
      if ((l.ends || []).some(live)) { out._any = true; out.reached_end = true; }
      for (const [t, done] of l.marks || []) {
        if (live(t)) { out._any = true; if (t >= out._mark) { out._mark = t; out.completed = done; } }
      }
      for (const [t, score] of l.attempts || []) {
        if (live(t)) { out._any = true; out.best_score = Math.max(out.best_score ?? 0, score); }
      }
    }
  }
  for (const [slug, l] of Object.entries(lessons)) {
    if (!l._any) delete lessons[slug];
    else { delete l._any; delete l._mark; delete l._pos; }
  }
  return { version: record.version, lessons, last_lesson: last?.[1] };
}

/** The stored progress record (raw text), once a (deferred) save has made `check(derive(record))` true. */
export async function storedWhen(page, check) {
  let raw = null;
  await expect.poll(async () => {
    raw = await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY);
    try { return Boolean(check(derive(JSON.parse(raw)))); } catch { return false; }
  }, { message: 'the saved progress record' }).toBe(true);
  return raw;
}

/** How many lessons a derived progress record marks completed. */
export const completedCount = (record) =>
  Object.values(record.lessons || {}).filter((l) => l.completed).length;

/**
 * Puts items into the site's localStorage from a page of the origin where the app does not
 * run (the manifest), so no open app page merges or saves over them before the next load.
 */
export async function seedStorage(page, entries) {
  await (page.gotoWithoutApp ?? page.goto)('/manifest.webmanifest');
  await page.evaluate((items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }, entries);
}

/** Waits until the app has started: the static first paint looks the same but does not listen. */
export async function appReady(page) {
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
}

/**
 * Clicks a link that loads another page and waits for that page's app. Every link of a lesson
 * page is a page load (the lesson bundle), and its static first paint looks ready before it is.
 */
export async function follow(link) {
  const page = link.page();
  const before = page.url();
  await link.click();
  await page.waitForURL((url) => url.href !== before);
  await appReady(page);
}

/**
 * The learner's progress file, round trip: downloaded from the Progress page, this browser's
 * record cleared, the file imported and merged back.
 */
export async function progressFileRoundTrip(page) {
  await page.goto('/progress/');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download your progress (JSON)' }).click();
  const file = await (await download).path();
  await page.evaluate((k) => localStorage.removeItem(k), PROGRESS_KEY);
  await page.reload();
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await page.getByRole('button', { name: /Merge/ }).first().click();
}

/** Playwright's `test`, whose `page` waits for the app after every load and reload. */
export const test = base.extend({
  page: async ({ page }, use) => {
    for (const method of ['goto', 'reload', 'goBack']) {
      const original = page[method].bind(page);
      if (method === 'goto') page.gotoWithoutApp = original;
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
