// axe-core on every kind of page, in both themes: WCAG 2.2 AA, zero violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appReady, FIRST } from './helpers.mjs';

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

for (const theme of ['light', 'dark']) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
    });

    test('home, lesson, answered lesson, progress, search and glossary pass axe', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, 'home');

      await page.goto(FIRST);
      await expect(page.locator('fieldset.question').first()).toBeVisible();
      await check(page, 'lesson, quiz unanswered');

      await page.getByLabel('Taking notes during important meetings so others can focus on talking during those meetings.').check();
      await page.getByLabel('A lack of scaled execution across teams and services.').check();
      await page.getByLabel('Tech debt accumulates because engineering is not aligned.').check();
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect(page.getByText(/Score: \d+%/)).toBeVisible();
      await check(page, 'lesson, quiz answered');

      await page.getByRole('button', { name: 'connective tissue' }).click();
      await check(page, 'lesson, glossary popover open');

      await page.goto('/progress/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, 'progress');

      await page.keyboard.press('/');
      await page.getByRole('combobox', { name: /Search/ }).fill('risk');
      await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
      await check(page, 'search dialog open');
      await page.keyboard.press('Escape');

      await page.goto('/glossary/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, 'glossary');

      await page.goto('/nowhere');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(page, 'not found');
    });
  });
}
