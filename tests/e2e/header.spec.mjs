// The phone-first header: one row, at most 64 px tall from 320 to 430 px wide, 44 px targets,
// and a menu that holds the rest, usable by keyboard.
import { test, expect, FIRST } from './helpers.mjs';

for (const width of [320, 360, 390, 430]) {
  test(`at ${width}px the header is one row of at most 64 px with 44 px targets`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/', FIRST]) {
      await page.goto(path);
      const header = page.locator('.site-header');
      const box = await header.boundingBox();
      expect(box.height, `${path} header height`).toBeLessThanOrEqual(64);
      const targets = header.locator('a:visible, button:visible');
      const names = [];
      for (const target of await targets.all()) {
        const b = await target.boundingBox();
        const name = (await target.getAttribute('aria-label')) || (await target.innerText()).trim();
        names.push(name);
        expect(b.height, `${name} height`).toBeGreaterThanOrEqual(44);
        expect(b.width, `${name} width`).toBeGreaterThanOrEqual(44);
        expect(b.x + b.width, `${name} inside the screen`).toBeLessThanOrEqual(width);
      }
      expect(names.join('|')).toMatch(/Outline.*Technical Program Management.*Search.*Menu/s);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    }
  });
}

test('the menu holds the pages and preferences, and works by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(FIRST);
  const button = page.getByRole('button', { name: 'Menu' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator('#site-menu-panel');
  await expect(panel.getByRole('link', { name: 'Your progress' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Glossary' })).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Text size' })).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: 'Print quiz answers with lessons' })).toBeVisible();

  // Choosing the dark theme applies it and is remembered.
  await panel.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tpm-course.theme'))).toBe('dark');

  // Escape closes the menu and gives focus back to its button.
  await panel.getByRole('combobox', { name: 'Text size' }).focus();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(panel).toBeHidden();

  // A link in the menu closes it and goes there.
  await button.click();
  await panel.getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(panel).toBeHidden();

  // The keyboard shortcuts help opens from the menu.
  await button.click();
  await panel.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('a click outside the menu closes it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Menu' });
  await button.click();
  await expect(page.locator('#site-menu-panel')).toBeVisible();
  // Below the panel, on the page's own text.
  await page.mouse.click(10, 780);
  await expect(page.locator('#site-menu-panel')).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
