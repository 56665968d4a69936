// The practice exam in the browser: drawn from every module, answered halfway, reloaded with
// nothing lost, finished, scored per module, kept in the record; time running out submits it.
// A kept exam is resumed by question id; one kept by position (an earlier version) only when
// nothing in it can land on another question; lessons that fail to load offer a retry.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seedStorage, PROGRESS_KEY } from './helpers.mjs';

const EXAM_KEY = 'tpm-course.exam';

/** Every question of the built course by id: its lesson, place, hash, choices' texts, which are right. */
function builtQuestions() {
  const dir = path.resolve(import.meta.dirname, '../../dist/lessons');
  const out = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const lesson = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    lesson.quiz.questions.forEach((q, index) => {
      out[q.id] = { slug: lesson.slug, index, hash: q.hash, choices: q.choices.map((c) => ({ text: c.text.replace(/<[^>]+>/g, ''), correct: c.correct })) };
    });
  }
  return out;
}
const QUESTIONS = builtQuestions();

/** Module title per lesson slug, as the home page lists them. */
async function modulesOf(page) {
  await page.goto('/');
  return page.locator('.outline-module').evaluateAll((modules) => Object.fromEntries(modules.flatMap((m) => {
    const title = m.querySelector('.outline-module-title').textContent.replace(/^Module \d+/, '').trim();
    return [...m.querySelectorAll('.outline-lesson a')].map((a) => [a.getAttribute('href').split('/').filter(Boolean).pop(), title]);
  })));
}

/** Answers the question on screen: rightly, or with its first wrong choice. */
async function answer(page, right) {
  const fieldset = page.locator('.exam-sitting fieldset.question');
  const id = (await fieldset.getAttribute('id')).replace(/^question-/, '');
  const q = QUESTIONS[id];
  const picks = right ? q.choices.filter((c) => c.correct) : [q.choices.find((c) => !c.correct)];
  for (const c of picks) {
    await fieldset.locator('.choice', { hasText: c.text }).locator('input').check();
  }
  return id;
}

test('an exam answered halfway survives a reload, then is scored per module and kept', async ({ page }) => {
  const moduleOf = await modulesOf(page);
  await page.goto('/exam/');
  await page.getByLabel('10 questions').check();
  await expect(page.getByLabel(/Timed: 12 minutes/)).toBeChecked();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeFocused();
  await expect(page.getByRole('timer')).toContainText(/Time left: 12:[0-9]{2}/);

  // Drawn from every module in proportion, no repeats; kept by question id, in its lesson.
  const drawn = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).questions, EXAM_KEY);
  expect(drawn).toHaveLength(10);
  expect(new Set(drawn.map(([, id]) => id)).size).toBe(10);
  for (const [slug, id, hash] of drawn) expect({ slug, hash }).toEqual({ slug: QUESTIONS[id].slug, hash: QUESTIONS[id].hash });
  expect(new Set(drawn.map(([slug]) => moduleOf[slug])).size).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.exam-sitting fieldset.question')).toHaveAttribute('id', `question-${drawn[0][1]}`);

  // Five answered: the second wrong, the fourth marked unsure; the third flagged.
  const ids = [];
  for (let i = 0; i < 5; i++) {
    await expect(page.getByRole('heading', { name: `Question ${i + 1} of 10` })).toBeVisible();
    ids.push(await answer(page, i !== 1));
    if (i === 2) await page.getByRole('button', { name: 'Flag for review' }).click();
    if (i === 3) await page.getByLabel("I wasn't sure").check();
    if (i < 4) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  // No feedback before submission.
  await expect(page.locator('.question-feedback, .choice-explanation')).toHaveCount(0);
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).questions.filter((q) => q[3] !== '').length, EXAM_KEY)).toBe(5);
  const leftBefore = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).left, EXAM_KEY);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Question 5 of 10' })).toBeVisible();
  await expect(page.locator('.exam-answered')).toHaveText('5 of 10 answered');
  await expect(page.getByRole('button', { name: 'Question 3, answered, flagged' })).toBeVisible();
  await expect(page.getByLabel("I wasn't sure")).not.toBeChecked();
  await page.getByRole('button', { name: 'Question 4, answered' }).click();
  await expect(page.getByLabel("I wasn't sure")).toBeChecked();
  // The clock went on from where it was, not from the start.
  const left = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).left, EXAM_KEY);
  expect(left).toBeLessThanOrEqual(leftBefore);
  expect(left).toBeGreaterThan(leftBefore - 60_000);

  // The rest, right, through the question map; then submit.
  for (let i = 5; i < 10; i++) {
    await page.getByRole('button', { name: `Question ${i + 1}, not answered` }).click();
    ids.push(await answer(page, true));
  }
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
  await expect(page.locator('.exam-score')).toContainText('9 of 10 right (90%) Passed');

  // Per module: as drawn, with the one miss in its module.
  const expected = {};
  ids.forEach((id, i) => {
    const m = moduleOf[QUESTIONS[id].slug];
    expected[m] ??= [0, 0];
    expected[m][1] += 1;
    if (i !== 1) expected[m][0] += 1;
  });
  const rows = await page.locator('.exam-modules tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) =>
    [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()])));
  expect(rows).toEqual(Object.fromEntries(Object.entries(expected).map(([m, [r, t]]) => [m, `${r} of ${t}`])));

  // Every question with the learner's answer, the right one and the explanations.
  await expect(page.locator('.exam-review fieldset.question')).toHaveCount(10);
  await expect(page.locator('.exam-review .question[data-verdict="incorrect"]')).toHaveCount(1);
  await expect(page.locator('.exam-review .choice-explanation').first()).toBeVisible();

  // Kept in the record as a timed exam (t): ten graded answers, one wrong, one right but unsure.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), EXAM_KEY)).toBeNull();
  const record = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), PROGRESS_KEY);
  const grades = Object.values(Object.values(record.log)[0]).flatMap((l) => (l.recalls || []).filter((r) => r[1] === 't').map((r) => r[2])).join(' ');
  expect(grades.split(' ')).toHaveLength(10);
  expect(grades.match(/\d+w/g)).toHaveLength(1);
  expect(grades.match(/\d+h/g)).toHaveLength(1);

  // The exam's answers feed the review schedule: the missed one is due.
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Review · 1 due' })).toBeVisible();

  // Retake the one missed: a new exam of that question.
  await page.getByRole('button', { name: 'Retake the one I missed' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeFocused();
  await expect(page.locator('.exam-sitting fieldset.question')).toHaveAttribute('id', `question-${ids[1]}`);
});

/** An exam as today's version keeps it: by lesson slug and question id. */
function kept({ timed = false, left = 0, current = 0, questions }) {
  return JSON.stringify({ version: 2, timed, left, current, questions });
}

/** The authored indices of a question's right choices, as an exam keeps an answer ("0,2"). */
const rightAnswer = (id) => QUESTIONS[id].choices.flatMap((c, i) => (c.correct ? [i] : [])).join(',');

test('when the time runs out, the exam is submitted with the unanswered counted wrong', async ({ page }) => {
  const [id] = Object.keys(QUESTIONS);
  const [other] = Object.keys(QUESTIONS).filter((k) => QUESTIONS[k].slug !== QUESTIONS[id].slug);
  await seedStorage(page, {
    [EXAM_KEY]: kept({ timed: true, left: 2500, questions: [
      [QUESTIONS[id].slug, id, QUESTIONS[id].hash, rightAnswer(id), false, false],
      [QUESTIONS[other].slug, other, QUESTIONS[other].hash, '', false, true],
    ] }),
  });
  await page.goto('/exam/');
  await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Time is up' })).toBeAttached();
  await expect(page.locator('.exam-score')).toContainText('1 of 2 right (50%) Not passed');
});

test('an answer kept for a question no longer in the course is dropped, never given to another', async ({ page }) => {
  const [id, gone] = [Object.keys(QUESTIONS)[0], 'a-question-since-removed'];
  await seedStorage(page, {
    [EXAM_KEY]: kept({ current: 1, questions: [
      [QUESTIONS[id].slug, gone, 'f00d', '0', false, true],
      [QUESTIONS[id].slug, id, QUESTIONS[id].hash, rightAnswer(id), true, false],
    ] }),
  });
  await page.goto('/exam/');
  await expect(page.locator('.exam-notice')).toHaveText(
    'The course changed since this exam was saved: 1 question is no longer in it and was taken out (with your answer to it).');
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await expect(page.locator('.exam-sitting fieldset.question')).toHaveAttribute('id', `question-${id}`);
  await expect(page.locator('.exam-answered')).toHaveText('1 of 1 answered');
  await expect(page.getByLabel("I wasn't sure")).toBeChecked();
  await expect(page.getByRole('button', { name: 'Question 1, answered' })).toBeVisible();
  // Kept again without the question that is gone.
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).questions.map((q) => q[1]), EXAM_KEY)).toEqual([id]);
});

test('an exam kept by position by an earlier version resumes only when it holds no answer', async ({ page }) => {
  const [id, next] = Object.keys(QUESTIONS).filter((k) => QUESTIONS[k].index > 0);
  const position = (k, answer = '') => [QUESTIONS[k].slug, QUESTIONS[k].index, answer, false, false];

  // Nothing answered: the same questions by position, the clock and the place kept.
  await seedStorage(page, {
    [EXAM_KEY]: JSON.stringify({ timed: true, left: 65_000, current: 1, questions: [position(id), position(next)] }),
  });
  await page.goto('/exam/');
  await expect(page.getByRole('heading', { name: 'Question 2 of 2' })).toBeVisible();
  await expect(page.locator('.exam-sitting fieldset.question')).toHaveAttribute('id', `question-${next}`);
  await expect(page.getByRole('timer')).toContainText(/Time left: 1:0[0-5]/);
  await expect(page.locator('.exam-notice')).toHaveCount(0);
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), EXAM_KEY))
    .toMatchObject({ version: 2, current: 1, questions: [[QUESTIONS[id].slug, id, QUESTIONS[id].hash, '', false, false], [QUESTIONS[next].slug, next, QUESTIONS[next].hash, '', false, false]] });

  // An answer by position may belong to another question now: the exam is closed, and said so.
  await seedStorage(page, {
    [EXAM_KEY]: JSON.stringify({ timed: false, left: 0, current: 0, questions: [position(id, rightAnswer(id)), position(next)] }),
  });
  await page.goto('/exam/');
  await expect(page.locator('.exam-notice')).toHaveText(
    'Your exam in progress was saved by an earlier version, which cannot tell which question each answer was for, so it was closed.');
  await expect(page.getByRole('button', { name: 'Start the exam' })).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), EXAM_KEY)).toBeNull();
});

test.describe('without a service worker between the page and the network', () => {
  test.use({ serviceWorkers: 'block' });

  test('an exam whose lessons fail to load says so and loads on retry', async ({ page }) => {
    let blocked = 0;
    await page.route('**/lessons/*.json', (route) => { blocked += 1; return route.abort(); });
    await page.goto('/exam/');
    await page.getByLabel('10 questions').check();
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await expect(page.getByRole('alert')).toContainText("The exam's questions could not be loaded (the lesson could not be loaded: you may be offline).");
    await expect(page.getByText('Loading the questions…')).toHaveCount(0);
    expect(blocked).toBeGreaterThan(0);

    await page.unrouteAll();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeFocused();
    await expect(page.locator('.exam-sitting fieldset.question')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('submitting with questions unanswered asks first', async ({ page }) => {
  await page.goto('/exam/');
  await page.getByLabel('10 questions').check();
  await page.getByLabel(/Timed/).uncheck();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await answer(page, true);
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await expect(page.getByRole('alert')).toHaveText(/9 questions are not answered yet: they count as wrong/);
  await page.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.locator('.exam-score')).toContainText('1 of 10 right (10%) Not passed');
});
