// axe-core on every page of the course and on its open states, in both themes: WCAG 2.2 AA, zero violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, builtLessons, builtScenarios, builtExercises, seedStorage, FIRST } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function check(page, name) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(found, `${name}: axe violations`).toEqual([]);
  // axe really ran: it checked the page against many rules.
  expect(results.passes.length, `${name}: rules passed`).toBeGreaterThan(15);
  console.log(`axe ${name}: ${results.violations.length} violations, ${results.passes.length} rules passed, ${results.incomplete.length} to review${results.incomplete.length ? " (" + results.incomplete.map((i) => i.id + ": " + i.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")).join("; ") + ")" : ""}`);
}

/** Every page of the built course: home, each lesson, glossary, progress and not-found. */
const ALL_PAGES = ['/', ...builtLessons().map((l) => `/lessons/${l.slug}/`), '/glossary/', '/progress/', '/review/', '/exam/',
  '/scenarios/', ...builtScenarios().map((s) => `/scenarios/${s.slug}/`),
  '/exercises/', ...builtExercises().map((e) => `/exercises/${e.slug}/`), '/notebook/', '/continue/', '/nowhere'];

for (const theme of ['light', 'dark']) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
    });

    // In groups of up to 12 pages, so each test stays well inside its time on a busy machine
    // (all 44 pages in one test took 3.4 minutes there) and the groups run in parallel.
    for (let start = 0; start < ALL_PAGES.length; start += 12) {
      const pages = ALL_PAGES.slice(start, start + 12);
      test(`every page of the course passes axe (pages ${start + 1}–${start + pages.length} of ${ALL_PAGES.length})`, async ({ page }) => {
        test.setTimeout(180_000);
        for (const path of pages) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await check(page, path);
        }
      });
    }

    test('the Progress page with backups and a confirmation passes axe and fits 320 px', async ({ page }) => {
      await seedStorage(page, {
        'tpm-course.progress.backup': JSON.stringify({ version: 1, course: 'tpm-course', lessons: { 'the-program-charter': { completed: true } } }),
        'tpm-course.progress.backup.1764080000000': '{"version": 1, garbage',
      });
      await page.setViewportSize({ width: 320, height: 700 });
      await page.goto('/progress/');
      await expect(page.locator('.backup')).toHaveCount(2);
      await expect(page.getByRole('alert')).toContainText('can be merged back');
      await page.locator('.backup').last().getByRole('button', { name: 'Delete…' }).click();
      await expect(page.getByRole('group', { name: 'Confirm deletion' })).toBeVisible();
      await check(page, 'progress page with backups');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'overflow at 320 px').toBeLessThanOrEqual(0);
      const small = await page.locator('.backup .button').evaluateAll((els) => els
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width < 44 || r.height < 44).length);
      expect(small, 'backup buttons under 44 px').toBe(0);
      expect(await page.locator('.backup .button').count()).toBeGreaterThanOrEqual(5);
    });

    test('a lesson with its quiz answered, a popover, the menu and search pass axe', async ({ page }) => {
      await page.goto(FIRST);
      for (const question of await page.locator('fieldset.question').all()) {
        await question.locator('input').first().check();
      }
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect(page.getByText(/Score: \d+%/)).toBeVisible();
      await check(page, 'lesson, quiz answered');

      await page.getByRole('button', { name: 'connective tissue' }).click();
      await check(page, 'lesson, glossary popover open');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Menu' }).click();
      await check(page, 'phone, menu open');
      await page.keyboard.press('Escape');

      await page.keyboard.press('/');
      await page.getByRole('combobox', { name: /Search/ }).fill('risk');
      await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
      await check(page, 'search dialog open');
    });

    test('a review step with its feedback, an exam in progress and its result pass axe at 320 px', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 700 });
      const fits = async (name) => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${name}: overflow at 320 px`).toBeLessThanOrEqual(0);
        const small = await page.locator('main button, main .button, main .choice label, main .unsure').evaluateAll((els) => els
          .filter((el) => el.offsetParent !== null)
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width < 44 || r.height < 44).length);
        expect(small, `${name}: targets under 44 px`).toBe(0);
      };
      await page.goto(FIRST);
      for (const question of await page.locator('.quiz-form fieldset.question').all()) {
        await question.locator('input').first().check();
      }
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await page.getByRole('link', { name: 'Practice this lesson' }).click();
      await page.locator('.review-form input').first().check();
      await page.getByLabel("I wasn't sure").check();
      await check(page, 'review, answered');
      await page.getByRole('button', { name: 'Check' }).click();
      await expect(page.locator('.question-feedback')).toBeVisible();
      await check(page, 'review, feedback');
      await fits('review');

      await page.goto('/exam/');
      await page.getByLabel('10 questions').check();
      await page.getByRole('button', { name: 'Start the exam' }).click();
      await page.locator('.exam-sitting fieldset.question input').first().check();
      await page.getByRole('button', { name: 'Flag for review' }).click();
      await check(page, 'exam in progress');
      await fits('exam');
      await page.getByRole('button', { name: 'Submit the exam' }).click();
      await page.getByRole('button', { name: 'Submit anyway' }).click();
      await expect(page.getByRole('heading', { name: 'Your result' })).toBeVisible();
      await check(page, 'exam result');
      await fits('exam result');
    });
  });
}
