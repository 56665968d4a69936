// The first lesson end to end: read it, open a glossary term, answer its quiz, reload.
import { test, expect, appReady, derive, FIRST, PROGRESS_KEY, LESSON_ONE_RIGHT } from './helpers.mjs';

const RIGHT = 'Driving strategically important and complex initiatives forward.';
const WRONG = 'Taking notes during important meetings so others can focus on talking during those meetings.';

/** Answers every question of lesson 1 but the first correctly. */
async function answerTheRest(page) {
  for (const label of LESSON_ONE_RIGHT.slice(1).flat()) await page.getByLabel(label).check();
}

test('lesson 1 opens directly by its URL with its whole text', async ({ page }) => {
  const response = await page.goto(FIRST);
  expect(response.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
  await expect(page).toHaveTitle(/What Do Technical Program Managers Do\?/);
  const body = page.locator('.lesson-body');
  await expect(body).toContainText('This course is intended to be straightforward with minimal fluff.');
  await expect(body.getByRole('heading', { name: 'Why do technical program managers exist?' })).toBeVisible();
  await expect(body.locator('.callout-note')).toContainText(
    'A technical program manager drives strategically impactful and complex initiatives that span multiple organizations and teams.');
  await expect(body.locator('li')).toHaveCount(9);
  await expect(body.locator('.takeaways')).toContainText('Technical program managers connect the pieces of a complex initiative.');
  await expect(page.getByRole('heading', { name: 'Quiz: Technical Program Management Basics' })).toBeVisible();
  await expect(page.getByText('What is the primary deliverable of a technical program manager?')).toBeVisible();
});

test('a glossary term opens its definition on click, focus and hover, and Escape closes it', async ({ page }) => {
  await page.goto(FIRST);
  const term = page.getByRole('button', { name: 'connective tissue' });
  const popover = page.locator('.term-popover', { hasText: 'Its only function is to protect, support, and provide structure to other parts of the body.' });
  await expect(popover).toBeHidden();
  await term.click();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(popover).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await expect(popover).toBeHidden();
  // Keyboard focus alone shows it, and the definition describes the button for screen readers.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await term.focus();
  await expect(popover).toBeVisible();
  await expect(term).toHaveAccessibleDescription(/Its only function is to protect/);
  await page.mouse.move(0, 0);
  await term.blur();
  await term.hover();
  await expect(popover).toBeVisible();
  // The popover links to the glossary entry.
  await popover.getByRole('link', { name: 'Glossary' }).click();
  await expect(page).toHaveURL(/\/glossary\/#connective-tissue$/);
  await expect(page.locator('#connective-tissue')).toBeInViewport();
});

test('a wrong answer gets feedback, a retry, then a right answer', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByLabel(WRONG).check();
  await answerTheRest(page);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  const status = page.getByRole('status').filter({ hasText: 'You scored' });
  await expect(status).toContainText('You scored 75%: 3 of 4 questions right.');
  const first = page.locator('fieldset.question').first();
  await expect(first).toHaveAttribute('data-verdict', 'incorrect');
  await expect(first.locator('.question-feedback')).toContainText('Not quite.');
  await expect(first.locator('.choice[data-result="incorrect"]')).toContainText('A TPM often records decisions and action items');
  await expect(first.locator('.choice[data-result="missed"]')).toContainText('This is the lesson\'s core definition');

  await page.getByRole('button', { name: 'Try again' }).click();
  // Focus returns to the first choice shown of the first question.
  await expect(first.locator('.choice input').first()).toBeFocused();
  await page.getByLabel(RIGHT).check();
  await answerTheRest(page);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You scored' })).toContainText('You scored 100%: 4 of 4 questions right.');
  await expect(first).toHaveAttribute('data-verdict', 'correct');
  await expect(first.locator('.question-feedback')).toContainText('Correct.');
});

test('the quiz works from the keyboard alone', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByLabel(RIGHT).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel(RIGHT)).toBeChecked();
  // The arrow keys move through the choices in the order shown (the learner's own order).
  const shown = page.locator('.quiz-form [data-question="0"] .choice input');
  const ids = await shown.evaluateAll((els) => els.map((e) => e.id));
  const right = await page.getByLabel(RIGHT).getAttribute('id');
  const below = ids[(ids.indexOf(right) + 1) % ids.length];
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`[id="${below}"]`)).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel(RIGHT)).toBeChecked();
  // Submitting with questions unanswered says which one and moves focus there.
  await page.getByRole('button', { name: 'Submit answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Answer question 2' })).toBeVisible();
  await expect(page.locator('.quiz-form [data-question="1"] .choice input').first()).toBeFocused();
});

test('after a reload the answers, the score and the completion are still there', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByLabel(RIGHT).check();
  await answerTheRest(page);
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByText('Score: 100%')).toBeVisible();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');

  await page.reload();
  await expect(page.getByLabel(RIGHT)).toBeChecked();
  await expect(page.getByText('Score: 100%')).toBeVisible();
  await expect(page.getByText('Your last answers are shown (1 attempt).')).toBeVisible();
  await expect(page.getByRole('button', { name: /Completed: mark as not complete/ })).toBeVisible();
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY));
  expect(stored.version).toBe(4);
  expect(stored.course).toBe('tpm-course');
  const view = derive(stored);
  expect(view.last_lesson).toBe('what-do-technical-program-managers-do');
  expect(view.lessons['what-do-technical-program-managers-do']).toMatchObject({ completed: true, best_score: 100 });
  // One attempt, filed under this browser's device id, with choice 0 for the first question.
  expect(Object.keys(stored.log)).toEqual([stored.device]);
  const facts = stored.log[stored.device]['what-do-technical-program-managers-do'];
  expect(facts.attempts).toHaveLength(1);
  expect(facts.attempts[0][2].split(' ')).toContain(`${facts.questions.indexOf('tpm-primary-deliverable')}:0`);
});

test('mark as complete and not complete, then move to the next lesson and back', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  await page.getByRole('button', { name: /mark as not complete/ }).click();
  await expect(page.locator('.lesson-meta')).not.toContainText('Completed');
  // A lesson page runs the lesson bundle, where every link loads its page: focus starts at
  // the top of the new document, as on any page load.
  await page.getByRole('link', { name: /^Next/ }).click();
  await expect(page).toHaveURL(/\/lessons\/how-the-role-came-to-be\/$/);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('What Do Technical Program Managers Do?');
  await page.getByRole('link', { name: /^Previous/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Do Technical Program Managers Do?');
});

test('a page opened from another page of the whole app gets the focus on its heading', async ({ page }) => {
  await page.goto('/glossary/');
  await page.getByRole('navigation', { name: 'Site' }).waitFor();
  await page.evaluate(() => { window.samePage = true; });
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The whole app opened it without a reload (a lesson or the Progress page is a page load:
  // bundles.spec).
  expect(await page.evaluate(() => window.samePage)).toBe(true);
});
