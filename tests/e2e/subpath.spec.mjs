// The site built with PUBLIC_URL=/tpm/ and served under that sub-path, with no rewrite rules.
import { test, expect, appReady, follow } from './helpers.mjs';
import { SUBPATH_PORT } from '../playwright.config.mjs';

const ROOT = `http://127.0.0.1:${SUBPATH_PORT}/tpm/`;

test('deep links, navigation, reload and not-found all stay under the sub-path', async ({ page }) => {
  const response = await page.goto(`${ROOT}lessons/risk-management/`);
  expect(response.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await follow(page.getByRole('link', { name: /^Next/ }));
  await expect(page).toHaveURL(`${ROOT}lessons/tracking-progress/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tracking Progress');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tracking Progress');
  await page.getByRole('link', { name: 'Course', exact: true }).click();
  await expect(page).toHaveURL(ROOT);
  await expect(page.getByRole('link', { name: /^Resume: Tracking Progress/ })).toBeVisible();
  await page.getByRole('link', { name: 'Glossary', exact: true }).click();
  await expect(page).toHaveURL(`${ROOT}glossary/`);
  await page.locator('#critical-path').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`^${ROOT}lessons/`));
  const missing = await page.goto(`${ROOT}nowhere/`);
  expect(missing.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the course home' }).click();
  await expect(page).toHaveURL(ROOT);
});

test("every page's static first paint under the sub-path is the page itself, before any script runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${ROOT}lessons/risk-management/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect(page.locator('.lesson-body')).toContainText('risk');
  await page.goto(`${ROOT}glossary/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await page.goto(ROOT);
  await expect(page.getByRole('link', { name: 'Glossary', exact: true })).toHaveAttribute('href', '/tpm/glossary/');
  await context.close();
});
