// Search and keyboard shortcuts, from the keyboard only.
import { test, expect, appReady, FIRST } from './helpers.mjs';

test('search from the keyboard only: open, type a prefix, choose, land on the section', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: /Search/ });
  await expect(input).toBeFocused();
  await page.keyboard.type('depend');
  const results = page.getByRole('listbox', { name: 'Results' }).getByRole('option');
  await expect(results.nth(1)).toBeVisible();
  await expect(page.locator('#search-status')).toContainText('results');
  await expect(results.first().locator('mark').first()).toHaveText(/^depend/i);
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', 'search-result-1');
  await page.keyboard.press('ArrowUp');
  await expect(results.first()).toHaveAttribute('aria-selected', 'true');
  // A section heading: the result opens the lesson at that section.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('finding depend');
  await expect(results.first().locator('.search-result-title')).toHaveText(/^Finding dependencies/);
  const title = (await results.first().locator('.search-result-title').textContent()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(/\/lessons\/[a-z-]+\/#[a-z0-9-]+$/);
  const hash = new URL(page.url()).hash.slice(1);
  const target = page.locator(`[id="${hash}"]`);
  await expect(target).toContainText(title.slice(0, 20));
  await expect(target).toBeInViewport();
  await expect(target).toBeFocused();
});

test('titles rank first, accents and case are ignored, and nothing found says so', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page.getByRole('combobox', { name: /Search/ });
  await input.fill('RISK MANAGEMENT');
  await expect(page.locator('.search-result-title').first()).toHaveText('Risk Management');
  await input.fill('rétrospectives');
  await expect(page.locator('.search-result-place').first()).toContainText('Retrospectives');
  await input.fill('xyzzyplugh');
  await expect(page.locator('#search-status')).toContainText('Nothing found for "xyzzyplugh"');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeFocused();
});

test('a glossary result opens the glossary at its term', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: /Search/ }).fill('connective tissue');
  await page.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ hasText: 'Glossary' }).first().click();
  await expect(page).toHaveURL(/\/glossary\/#connective-tissue$/);
  await expect(page.locator('#connective-tissue')).toBeInViewport();
});

test('shortcuts move between lessons, never fire while typing, and can be turned off', async ({ page }) => {
  await page.goto(FIRST);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // On a lesson page each lesson is a page load (the lesson bundle): wait for its app.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/how-the-role-came-to-be/);
  await appReady(page);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/what-do-technical-program-managers-do/);
  await appReady(page);

  // Typing in a field is typing, not a shortcut.
  await page.keyboard.press('/');
  await page.keyboard.type('np?');
  await expect(page.getByRole('combobox', { name: /Search/ })).toHaveValue('np?');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/what-do-technical-program-managers-do/);
  // Closed for good (the search bundle may take over from its stand-in meanwhile) before the
  // next key, as a learner would see it closed.
  await expect(page.getByRole('dialog', { name: 'Search the course' })).toBeHidden();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Next lesson');
  await help.getByLabel('Single-key shortcuts on').uncheck();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('n');
  // Ctrl+K works with the others off; once it has opened search, the "n" before it was handled.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: /Search/ })).toBeFocused();
  await expect(page).toHaveURL(/what-do-technical-program-managers-do/);
});
