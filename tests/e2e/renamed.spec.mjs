// A renamed lesson keeps its old URL: a static page leads there without script, and the app
// opens a former URL as the current lesson.
import { test as plain } from '@playwright/test';
import { test, expect, appReady } from './helpers.mjs';
import { SUBPATH_PORT } from '../playwright.config.mjs';

const FORMER = 'lessons/portfolios-and-prioritisation/';
const CURRENT = 'lessons/portfolios-and-prioritization/';
const TITLE = 'Portfolios and Prioritization';

test('the former URL is a small page with no script that leads to the current one', async ({ request }) => {
  const response = await request.get(`/${FORMER}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('<meta http-equiv="refresh" content="0; url=../portfolios-and-prioritization/">');
  expect(html).toContain('<link rel="canonical" href="../portfolios-and-prioritization/">');
  expect(html).toContain('<meta name="robots" content="noindex">');
  expect(html).not.toContain('<script');
  expect(html).not.toContain('style="');
});

plain.describe('without JavaScript', () => {
  plain.use({ javaScriptEnabled: false });

  plain('opening the former URL lands on the lesson', async ({ page }) => {
    await page.goto(`/${FORMER}`);
    await expect(page).toHaveURL(`/${CURRENT}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  });

  plain('a browser that does not follow the refresh gets a link to the lesson', async ({ page }) => {
    await page.route(`**/${FORMER}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
      await route.fulfill({ response, body });
    });
    await page.goto(`/${FORMER}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`This lesson moved: ${TITLE}`);
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page).toHaveURL(`/${CURRENT}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  });
});

test('opening the former URL directly shows the lesson under its current URL', async ({ page }) => {
  await page.goto(`/${FORMER}`);
  await expect(page).toHaveURL(`/${CURRENT}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('fieldset.question').first()).toBeVisible();
});

test('a link to the former URL in the running app opens the lesson under its current URL', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = 'An old link';
    document.querySelector('main').prepend(link);
  }, FORMER);
  // A lesson is a page load (its own bundle): the former URL's page sends it on.
  await page.getByRole('link', { name: 'An old link' }).click();
  await expect(page).toHaveURL(`/${CURRENT}`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical Program Management');
});

test('the app started at a former URL shows the lesson and replaces the URL', async ({ page }) => {
  // As on a host that answers every path with the app (a single-page fallback).
  await page.route(`**/${FORMER}`, async (route) => {
    const notFound = await page.request.get('/404.html');
    await route.fulfill({ status: 200, contentType: 'text/html', body: await notFound.text() });
  });
  await page.goto(`/${FORMER}#key-takeaways`);
  await expect(page).toHaveURL(`/${CURRENT}#key-takeaways`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});

test('on the sub-path build the former URL leads to the lesson under the sub-path', async ({ page }) => {
  const root = `http://127.0.0.1:${SUBPATH_PORT}/tpm/`;
  await page.goto(`${root}${FORMER}`);
  await expect(page).toHaveURL(`${root}${CURRENT}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});
