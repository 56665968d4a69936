// Spaced review in the browser: a wrong answer falls due, a review schedules it later, a missed
// question comes back in the session, "Practice this lesson", the header's Review link from a
// lesson's practice, keyboard alone, and the order of choices per learner.
import { test, expect, seedStorage, builtLessons, FIRST, LESSON_ONE_RIGHT, PROGRESS_KEY } from './helpers.mjs';

const record = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), PROGRESS_KEY);

/** Answers lesson 1's quiz with every question right except the first, and submits. */
async function answerFirstWrong(page) {
  const questions = page.locator('.quiz-form fieldset.question');
  const first = questions.nth(0);
  await first.locator('.choice label').filter({ hasNotText: LESSON_ONE_RIGHT[0][0] }).first().click();
  for (const label of LESSON_ONE_RIGHT.slice(1).flat()) {
    await page.locator('.quiz-form').getByText(label, { exact: true }).click();
  }
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByText('Score: 75%')).toBeVisible();
}

/** Which of the shown choices (from 1) is the one with this text. */
const placeOf = (page, text) => page.locator('.review-form .choice label').evaluateAll(
  (labels, t) => labels.findIndex((l) => l.textContent.trim() === t) + 1, text);

test('a wrong answer falls due, a review by keyboard schedules it for later', async ({ page }) => {
  await page.goto(FIRST);
  await answerFirstWrong(page);
  // Saved as version 4, with the quiz's grades beside its answers: one wrong (w), three right (g).
  await expect.poll(async () => (await record(page))?.version).toBe(4);
  const attempts = Object.values((await record(page)).log)[0]['what-do-technical-program-managers-do'].attempts;
  expect(attempts[0][3]).toBe('wggg');

  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Review · 1 due' }).click();
  await expect(page).toHaveURL(/\/review\/$/);
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await expect(page.locator('.review-lesson')).toContainText('What Do Technical Program Managers Do?');

  // Number keys choose, Enter checks, Enter goes on.
  const place = await placeOf(page, LESSON_ONE_RIGHT[0][0]);
  expect(place).toBeGreaterThan(0);
  await page.keyboard.press(String(place));
  await expect(page.getByLabel(LESSON_ONE_RIGHT[0][0])).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Correct.' })).toBeAttached();
  await expect(page.locator('.question-feedback')).toContainText('Correct.');
  await expect(page.getByRole('button', { name: 'See the summary' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
  await expect(page.locator('.review-summary')).toContainText('You answered 1 question: 1 right the first time.');
  await expect(page.locator('.review-summary')).toContainText('the next question is due tomorrow');

  // The review is in the record, and nothing is due now.
  await expect.poll(async () => JSON.stringify((await record(page)).log)).toContain('"r","0g"');
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Review', exact: true })).toBeVisible();
  await page.goto('/review/');
  await expect(page.locator('.review-empty')).toHaveText(/Nothing is due\. You have 4 questions in review; the next is due tomorrow\./);
});

test('a missed question comes back in the same session', async ({ page }) => {
  await page.goto(FIRST);
  await answerFirstWrong(page);
  await page.goto('/review/');
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await page.locator('.review-form .choice label').filter({ hasNotText: LESSON_ONE_RIGHT[0][0] }).first().click();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'comes back later in this session' })).toBeAttached();
  await expect(page.getByRole('heading', { name: 'Question 1 of 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { name: 'Question 2 of 2' })).toBeFocused();
  await page.getByLabel(LESSON_ONE_RIGHT[0][0]).check();
  await page.getByLabel("I wasn't sure").check();
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'See the summary' }).click();
  await expect(page.locator('.review-summary')).toContainText('You answered 1 question: 0 right the first time.');
  // Wrong, then right but unsure ("h"): both recorded.
  const log = JSON.stringify((await record(page)).log);
  expect(log).toMatch(/"r","0w"/);
  expect(log).toMatch(/"r","0h"/);
});

test('"Practice this lesson" reviews all its questions now, whatever their schedule', async ({ page }) => {
  await page.goto(FIRST);
  for (const label of LESSON_ONE_RIGHT.flat()) await page.locator('.quiz-form').getByText(label, { exact: true }).click();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByRole('link', { name: 'Practice this lesson' }).click();
  await expect(page).toHaveURL(/\/review\/\?lesson=what-do-technical-program-managers-do$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice: What Do Technical Program Managers Do?');
  await expect(page.getByRole('heading', { name: 'Question 1 of 4' })).toBeVisible();
  // Nothing was due: every answer was right a moment ago.
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Review', exact: true })).toBeVisible();
});

test('the header\'s Review link on a lesson\'s practice opens the full review, and Back returns', async ({ page }) => {
  await page.goto(FIRST);
  await answerFirstWrong(page);
  // Another lesson's practice, by its URL: all its questions, none of them due.
  const other = builtLessons().find((l) => l.slug !== FIRST.split('/')[2] && l.questions > 1);
  await page.goto(`/review/?lesson=${other.slug}`);
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(`Practice: ${other.title}`);
  await expect(page.getByRole('heading', { name: `Question 1 of ${other.questions}` })).toBeVisible();
  await expect(page.locator('.review-lesson')).toContainText(other.title);

  // The full review: lesson 1's missed question, the one item due.
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Review · 1 due' }).click();
  await expect(page).toHaveURL(/\/review\/$/);
  await expect(h1).toHaveText('Review');
  await expect(page.getByRole('heading', { name: 'Question 1 of 1', exact: true })).toBeVisible();
  await expect(page.locator('.review-lesson')).toContainText('What Do Technical Program Managers Do?');

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/review/\\?lesson=${other.slug}$`));
  await expect(h1).toHaveText(`Practice: ${other.title}`);
  await expect(page.getByRole('heading', { name: `Question 1 of ${other.questions}` })).toBeVisible();
});

test('choices are in an order of the learner\'s own, kept across reloads, answers stored as authored', async ({ page }) => {
  const orders = [];
  for (const seed of [1, 2]) {
    await seedStorage(page, { [PROGRESS_KEY]: JSON.stringify({ version: 3, course: 'tpm-course', device: 'abc123', log: {}, seed }) });
    await page.goto(FIRST);
    const order = () => page.locator('.quiz-form .choice').evaluateAll((els) => els.map((e) => e.dataset.choice).join(''));
    const first = await order();
    await page.reload();
    expect(await order(), `seed ${seed} after a reload`).toBe(first);
    orders.push(first);
  }
  expect(orders[0]).not.toBe(orders[1]);
  // The authored first choice is not always shown first.
  const firsts = await page.locator('.quiz-form .choices').evaluateAll((lists) => lists.map((l) => l.querySelector('.choice').dataset.choice));
  expect(firsts.some((c) => c !== '0')).toBe(true);
  // Answering stores the authored index: the right answer to question 1 is authored choice 0.
  for (const label of LESSON_ONE_RIGHT.flat()) await page.locator('.quiz-form').getByText(label, { exact: true }).click();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect.poll(async () => JSON.stringify((await record(page)).log)).toMatch(/"0:0 /);
});
