// The practice exam in the browser: drawn from every module, answered halfway, reloaded with
// nothing lost, finished, scored per module, kept in the record; time running out submits it.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seedStorage, PROGRESS_KEY } from './helpers.mjs';

const EXAM_KEY = 'tpm-course.exam';

/** Every question of the built course by id: its lesson, its choices' texts, which are right. */
function builtQuestions() {
  const dir = path.resolve(import.meta.dirname, '../../dist/lessons');
  const out = {};
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const lesson = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    lesson.quiz.questions.forEach((q, index) => {
      out[q.id] = { slug: lesson.slug, index, choices: q.choices.map((c) => ({ text: c.text.replace(/<[^>]+>/g, ''), correct: c.correct })) };
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

  // Drawn from every module in proportion, no repeats.
  const drawn = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).questions, EXAM_KEY);
  expect(drawn).toHaveLength(10);
  expect(new Set(drawn.map(([slug, i]) => `${slug}/${i}`)).size).toBe(10);
  expect(new Set(drawn.map(([slug]) => moduleOf[slug])).size).toBeGreaterThanOrEqual(5);

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
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).questions.filter((q) => q[2] !== '').length, EXAM_KEY)).toBe(5);
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

test('when the time runs out, the exam is submitted with the unanswered counted wrong', async ({ page }) => {
  const [id] = Object.keys(QUESTIONS);
  const { slug, index } = QUESTIONS[id];
  const [other] = Object.keys(QUESTIONS).filter((k) => QUESTIONS[k].slug !== slug);
  const right = QUESTIONS[id].choices.flatMap((c, i) => (c.correct ? [i] : [])).join(',');
  await seedStorage(page, {
    [EXAM_KEY]: JSON.stringify({ timed: true, left: 2500, current: 0, questions: [[slug, index, right, false, false], [QUESTIONS[other].slug, QUESTIONS[other].index, '', false, true]] }),
  });
  await page.goto('/exam/');
  await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Time is up' })).toBeAttached();
  await expect(page.locator('.exam-score')).toContainText('1 of 2 right (50%) Not passed');
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
