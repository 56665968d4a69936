// The Progress page about learning, after a scripted history: the charts of mastery and of
// reviews due with their text, the weakest questions and lessons (linked), past exams, the
// printed course summary alone on the page, axe in both themes, and a 320 px screen.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, seedStorage, courseModules, PROGRESS_KEY, FIRST } from './helpers.mjs';

const DAY = 86_400_000;
const NAME_KEY = 'tpm-course.name';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// Away from UTC, so the learner's local day is what counts.
test.use({ timezoneId: 'America/New_York' });

const MODULES = courseModules();
const [M1, M2, M3, M4] = MODULES;
const questionsOf = (m) => m.lessons.reduce((n, l) => n + l.questions.length, 0);

/**
 * A version-3 record (src/model/progress/wire.rs), times in days before `base`:
 * - module 1: every question right in a quiz 20 days ago and in a review 12 days ago (8 days
 *   after: Mastered); FSRS then schedules each 11 days from today; exam questions later;
 * - module 2: every question right in a quiz 2 days ago (due today), its last lesson 1 day ago
 *   (due tomorrow): Proficient;
 * - module 3: every question answered 3 days ago, the first two of its first lesson wrong:
 *   all but two right once, Familiar; all due today (right ones were due yesterday);
 * - module 4: one question wrong 5 days ago: Attempted;
 * - an untimed exam 2 days ago (module 1 right, modules 3 and 4 wrong: 1 of 3) and a timed
 *   one 4 days ago (3 of 3, module 1).
 * Modules 1 and 2 are completed.
 */
function record(base) {
  const at = (days) => base - days * DAY;
  const lessons = {};
  const answer = (slug, id, days, source, letter) => {
    const l = (lessons[slug] ??= { questions: [], recalls: [] });
    if (!l.questions.includes(id)) l.questions.push(id);
    const place = l.questions.indexOf(id);
    let r = l.recalls.find((x) => x[0] === at(days) && x[1] === source);
    if (!r) l.recalls.push(r = [at(days), source, '']);
    r[2] = r[2] ? `${r[2]} ${place}${letter}` : `${place}${letter}`;
  };
  const complete = (slug, days) => { lessons[slug].marks = [[at(days), true]]; };
  for (const l of M1.lessons) {
    for (const q of l.questions) answer(l.slug, q, 20, 'q', 'g');
    for (const q of l.questions) answer(l.slug, q, 12, 'r', 'g');
    complete(l.slug, 19);
  }
  M2.lessons.forEach((l, i) => {
    const days = i === M2.lessons.length - 1 ? 1 : 2;
    for (const q of l.questions) answer(l.slug, q, days, 'q', 'g');
    complete(l.slug, days);
  });
  M3.lessons.forEach((l, i) => l.questions.forEach((q, j) =>
    answer(l.slug, q, 3, 'q', i === 0 && j < 2 ? 'w' : 'g')));
  answer(M4.lessons[0].slug, M4.lessons[0].questions[0], 5, 'q', 'w');
  // The untimed exam, 2 days ago.
  answer(M1.lessons[0].slug, M1.lessons[0].questions[0], 2, 'e', 'g');
  answer(M3.lessons[0].slug, M3.lessons[0].questions[0], 2, 'e', 'w');
  answer(M4.lessons[0].slug, M4.lessons[0].questions[0], 2, 'e', 'w');
  // The timed exam, 4 days ago.
  answer(M1.lessons[1].slug, M1.lessons[1].questions[0], 4, 't', 'g');
  answer(M1.lessons[1].slug, M1.lessons[1].questions[1], 4, 't', 'g');
  answer(M1.lessons[2].slug, M1.lessons[2].questions[0], 4, 't', 'g');
  return JSON.stringify({ version: 3, course: 'tpm-course', device: 'script', log: { script: lessons } });
}

/** The calendar date `days` after the local day of `base` (a local time in ms). */
function dayAfter(base, days) {
  const d = new Date(base);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) + days * DAY);
}
const longDate = (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const shortDate = (d) => `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCDate()}`;

/** Seeds the scripted history (a minute after the browser's local midnight) and opens the Progress page. */
async function openScripted(page) {
  await page.gotoWithoutApp('/manifest.webmanifest');
  const base = await page.evaluate(() => new Date().setHours(0, 0, 0, 0) + 60_000);
  await seedStorage(page, { [PROGRESS_KEY]: record(base) });
  await page.goto('/progress/');
  await expect(page.getByRole('heading', { name: 'Where you are weakest' })).toBeVisible();
  return base;
}

const section = (page, title) => page.locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

test('the charts show each module\'s level and the reviews due, with their text', async ({ page }) => {
  const base = await openScripted(page);
  const mastery = section(page, 'Mastery by module');
  // The table, the chart's text: one row per module, level and questions right now.
  const rows = mastery.locator('table tbody tr');
  await expect(rows).toHaveCount(MODULES.length);
  const expected = [
    ['Mastered', `${questionsOf(M1)} of ${questionsOf(M1)}`],
    ['Proficient', `${questionsOf(M2)} of ${questionsOf(M2)}`],
    ['Familiar', `${questionsOf(M3) - 2} of ${questionsOf(M3)}`],
    ['Attempted', `0 of ${questionsOf(M4)}`],
    ...MODULES.slice(4).map((m) => ['Not started', `0 of ${questionsOf(m)}`]),
  ];
  for (const [i, [level, right]] of expected.entries()) {
    await expect(rows.nth(i).locator('th')).toHaveText(`${i + 1}. ${MODULES[i].title}`);
    await expect(rows.nth(i).locator('td')).toHaveText([level, right]);
  }
  // The chart: steps reached per module (one for Attempted to four for Mastered), and its words.
  const chart = mastery.locator('svg.chart');
  await expect(chart).toHaveAttribute('aria-hidden', 'true');
  const reached = await chart.locator('g').evaluateAll((gs) => gs.map((g) => g.querySelectorAll('rect.step.reached').length));
  expect(reached).toEqual([4, 3, 2, 1, 0, 0, 0]);
  await expect(chart.locator('text.chart-value')).toHaveText(expected.map(([level]) => level));

  const due = section(page, 'Reviews due in the next two weeks');
  const m2Today = questionsOf(M2) - M2.lessons.at(-1).questions.length;
  const today = questionsOf(M3) + 1 + m2Today;
  const tomorrow = M2.lessons.at(-1).questions.length;
  const later = questionsOf(M1) - 4;
  await expect(due.locator('.due-words')).toHaveText(
    `${today + tomorrow + later} reviews due in the next 14 days: today ${today} (with any overdue), tomorrow ${tomorrow}, ${shortDate(dayAfter(base, 11))}: ${later}. None on the other days.`);
  const bars = due.locator('svg.chart rect.bar');
  await expect(bars).toHaveCount(14);
  const heights = await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
  expect(heights.map((h) => h > 0)).toEqual([true, true, ...Array(9).fill(false), true, false, false]);
  expect(heights[0]).toBe(90);
  await expect(due.locator('svg.chart text.chart-value')).toHaveText([today, tomorrow, later].map(String));
  // Day labels under the bars: today's date first.
  await expect(due.locator('svg.chart g').first().locator('text.chart-label').last()).toHaveText(String(dayAfter(base, 0).getUTCDate()));
});

test('the weakest questions and lessons are listed with their chance of recall and link to the lesson', async ({ page }) => {
  await openScripted(page);
  const weakest = section(page, 'Where you are weakest');
  const questions = weakest.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  await expect(questions).toHaveCount(5);
  // Least likely recalled first: the three whose latest answer was wrong (0%: missed twice,
  // then the two missed once), then two of the three answered right 3 days ago in the same
  // lesson (equally likely: which two is the model's tie-break).
  const [q0, q1, ...right] = M3.lessons[0].questions;
  const first = M3.lessons[0].slug;
  const question = (slug, id) => `/lessons/${slug}/#question-${id}`;
  const hrefs = await questions.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs[0]).toBe(question(first, q0));
  expect(hrefs.slice(1, 3).sort()).toEqual([question(M4.lessons[0].slug, M4.lessons[0].questions[0]), question(first, q1)].sort());
  expect(right.map((q) => question(first, q))).toEqual(expect.arrayContaining(hrefs.slice(3)));
  expect(new Set(hrefs).size).toBe(5);
  await expect(questions.nth(0).locator('.weak-meta')).toContainText(/recall now 0%, probably forgotten · missed 2 times$/);
  await expect(questions.nth(2).locator('.weak-meta')).toContainText(/recall now 0%, probably forgotten · missed once$/);
  await expect(questions.nth(3).locator('.weak-meta')).toContainText(/recall now \d+%, fading · never missed$/);
  // The prompts come from the lessons' data.
  for (const item of await questions.all()) await expect(item.locator('.weak-prompt')).not.toBeEmpty();
  const prompt = (await questions.nth(0).locator('.weak-prompt').innerText()).trim();

  const lessons = weakest.getByRole('list', { name: 'Lessons' }).getByRole('listitem');
  // Then module 3's lessons (answered longest ago) in course order, then module 2's.
  const slugs = [M4.lessons[0].slug, ...M3.lessons.map((l) => l.slug), ...M2.lessons.map((l) => l.slug)].slice(0, 5);
  expect(await lessons.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    .toEqual(slugs.map((s) => `/lessons/${s}/`));
  await expect(lessons.first()).toContainText(/recall now 0% on average, probably forgotten$/);

  // The link opens the lesson at the question, whose prompt is the one listed.
  await questions.nth(0).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${first}/#question-${q0}$`));
  await expect(page.locator(`fieldset#question-${q0} legend`)).toContainText(prompt);
});

test('past exams show date, length, timing, score, pass and per-module scores', async ({ page }) => {
  const base = await openScripted(page);
  const exams = section(page, 'Practice exams').getByRole('listitem');
  await expect(exams).toHaveCount(2);
  await expect(exams.nth(0)).toHaveText(
    `${longDate(dayAfter(base, -2))} · 3 questions · untimed33% · not passedBy module: module 1 1/1, module 3 0/1, module 4 0/1`);
  await expect(exams.nth(1)).toHaveText(
    `${longDate(dayAfter(base, -4))} · 3 questions · timed100% · passedBy module: module 1 3/3`);
});

test('the course summary keeps the name and prints alone; a lesson still prints as before', async ({ page }) => {
  const base = await openScripted(page);
  const name = page.getByRole('textbox', { name: 'Your name on the summary' });
  await name.fill('Ada Lovelace');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), NAME_KEY)).toBe('Ada Lovelace');
  await page.reload();
  await expect(name).toHaveValue('Ada Lovelace');
  // On screen, the sheet is not shown: it is for paper.
  await expect(page.locator('.summary-sheet')).toBeHidden();

  // The browser's print dialog is replaced, so the page stays as it is while "printing".
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByRole('button', { name: 'Print summary' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await expect(page.locator('html')).toHaveClass(/\bprinting-summary\b/);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.summary-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('dd')).toHaveText(['Ada Lovelace', longDate(dayAfter(base, 0)), `${M1.lessons.length + M2.lessons.length} of ${MODULES.reduce((n, m) => n + m.lessons.length, 0)}`]);
  await expect(sheet.locator('tbody tr').first()).toHaveText(`1. ${M1.title}Mastered100% (${questionsOf(M1)} of ${questionsOf(M1)})`);
  await expect(sheet.locator('tbody tr').nth(2)).toHaveText(`3. ${M3.title}Familiar${Math.floor((100 * (questionsOf(M3) - 2)) / questionsOf(M3))}% (${questionsOf(M3) - 2} of ${questionsOf(M3)})`);
  await expect(sheet.locator('table').first().locator('tbody tr')).toHaveCount(MODULES.length);
  // Then practice: no scenario finished here, and the exercises graded.
  await expect(sheet.locator('table').nth(1).locator('caption')).toHaveText('Practice');
  await expect(sheet.locator('table').nth(1).locator('tbody tr')).toHaveText([/^Written exercises0 of \d+ graded \(0 Good, 0 Hard, 0 Again\)$/]);
  // Nothing else is shown: every visible element is the sheet, inside it, or holds it.
  const others = await page.evaluate(() => [...document.body.querySelectorAll('*')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('.summary-sheet') && !el.querySelector('.summary-sheet'))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
  expect(others).toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  // One page: A4 is 1123 CSS pixels tall.
  expect((await sheet.boundingBox()).height).toBeLessThan(900);

  // After printing, the page prints as it did.
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveClass(/printing-summary/);
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(FIRST);
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.summary-sheet')).toHaveCount(0);
});

test('with nothing answered, the page says so and points to the lessons', async ({ page }) => {
  await page.goto('/progress/');
  await expect(page.locator('.insights-empty')).toContainText('You have not answered any quiz questions yet.');
  await expect(page.locator('.insights-empty').getByRole('link', { name: 'start with the first lesson' })).toHaveAttribute('href', FIRST);
  await expect(section(page, 'Mastery by module').locator('tbody td:nth-child(2)')).toHaveText(Array(MODULES.length).fill('Not started'));
  await expect(section(page, 'Reviews due in the next two weeks')).toContainText('Nothing to review yet');
  await expect(page.getByRole('heading', { name: 'Where you are weakest' })).toHaveCount(0);
  await expect(section(page, 'Practice exams')).toContainText('No practice exams yet.');
});

for (const theme of ['light', 'dark']) {
  test(`${theme} theme: the Progress page passes axe and fits 320 px with big enough buttons`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 320, height: 700 });
    await openScripted(page);
    await expect(page.locator('.weak-prompt').first()).not.toBeEmpty();
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(found).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(15);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'overflow at 320 px').toBeLessThanOrEqual(0);
    const insights = page.locator('section.insights');
    for (const svg of await insights.locator('svg.chart').all()) {
      const box = await svg.boundingBox();
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    const small = await insights.locator('button, .button, input').evaluateAll((els) => els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height < 44).length);
    expect(small, 'controls under 44 px tall').toBe(0);
    expect(await insights.locator('button, input').count()).toBe(2);
  });
}

/** A lesson's title, as the built page shows it. */
function titleOf(slug) {
  const page = fs.readFileSync(path.resolve(import.meta.dirname, '../../content/lessons', `${slug}.md`), 'utf8');
  return page.match(/^title = "(.*)"$/m)[1];
}
