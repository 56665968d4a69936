// Two bundles (issue 21): a deep-linked lesson runs the small lesson bundle; every other page
// runs the whole app. Both read and write the one record through the same model code.
import { test, expect, appReady, derive, completedCount, follow, FIRST, LESSON_ONE_RIGHT, storedWhen, LESSON_COUNT } from './helpers.mjs';

/** Every wasm file the page fetched, by file name. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) seen.push(new URL(r.url()).pathname.split('/').pop()); });
  return seen;
}

/** The bundles fetched, by name; without the lesson page's shell bundle, which a wide screen
 * fetches at once beside the lesson bundle (its own tests below say when it comes). */
const pageBundles = (wasm) => wasm.map((f) => f.replace(/-[0-9a-f]+_bg\.wasm$/, '')).filter((n) => n !== 'tpm-shell');

/** Holds the shell bundle back until the returned function is called. */
async function holdShell(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/tpm-shell-*', async (route) => { await held; await route.continue(); });
  return release;
}

/** A phone's viewport: the outline is a drawer, so a lesson's shell waits to be reached for. */
const PHONE = { width: 390, height: 844 };

test('a deep-linked lesson on a phone fetches only the lesson bundle, and its quiz answers', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const wasm = wasmRequests(page);
  await page.goto(FIRST);
  for (const label of LESSON_ONE_RIGHT.flat()) await page.getByLabel(label).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You scored' })).toContainText('You scored 100%');
  // A passed quiz completes the lesson.
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^tpm-lesson-[0-9a-f]+_bg\.wasm$/);
  expect(await page.locator('html').getAttribute('data-shell')).toBeNull();
});

test('on a phone the shell comes when the learner reaches for it, and does what was asked meanwhile', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const wasm = wasmRequests(page);
  await page.goto(FIRST);
  await appReady(page);
  // The menu tapped before its code has come opens once it has.
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Practice exam', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'ready');
  expect(wasm.map((f) => f.replace(/-[0-9a-f]+_bg\.wasm$/, ''))).toEqual(['tpm-lesson', 'tpm-shell']);
  // The drawer shows this lesson's completion, made in the lesson bundle after the shell came.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.getByRole('button', { name: 'Outline' }).click();
  const drawer = page.getByRole('dialog', { name: 'Course outline' });
  await expect(drawer.locator('li[data-state="completed"]')).toHaveCount(1);
});

test('on a phone a shortcut pressed before the shell has come does what it says', async ({ page }) => {
  await page.setViewportSize(PHONE);
  // Hold the shell back until the key has been pressed.
  const release = await holdShell(page);
  await page.goto(FIRST);
  await appReady(page);
  await page.keyboard.press('?');
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'loading');
  release();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  // Once the shell runs, the shortcuts are its own.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/lessons\/how-the-role-came-to-be\/$/);
});

test('on a phone, focus put on the header before the shell has come stays there once it has', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const release = await holdShell(page);
  await page.goto(FIRST);
  await appReady(page);
  await page.locator('.outline-button').focus();
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'loading');
  release();
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'ready');
  await expect(page.getByRole('button', { name: 'Outline' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Course outline' })).toBeVisible();
});

test('on a wide screen the shell comes at once: the outline shows a completion made in the lesson bundle', async ({ page }) => {
  await page.goto(FIRST);
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'ready');
  const outline = page.getByRole('navigation', { name: 'Course outline' });
  await expect(outline.locator('li[data-state="completed"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(outline.locator('li[data-state="completed"]')).toHaveCount(1);
  await expect(outline.locator('a[aria-current="page"]')).toContainText('What Do Technical Program Managers Do?');
});

test('a shell bundle that cannot be fetched leaves the lesson working, and the next reach loads it', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.route('**/tpm-shell-*', (route) => route.abort('internetdisconnected'));
  await page.goto(FIRST);
  await appReady(page);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'failed');
  // The lesson's own parts are the lesson bundle's: they still work.
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('.lesson-meta')).toContainText('Completed');
  await page.unroute('**/tpm-shell-*');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('link', { name: 'Practice exam', exact: true })).toBeVisible();
});

test('from a lesson, Progress, Review and the exam each load their bundle and work', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await follow(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Progress' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
  await expect(page.getByRole('main')).toContainText(`You have completed 1 of ${LESSON_COUNT} lessons.`);
  await follow(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: /^Review/ }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
  await page.getByRole('button', { name: 'Menu' }).click();
  await follow(page.getByRole('link', { name: 'Practice exam', exact: true }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice exam');
  await expect(page.getByRole('button', { name: /Start/ }).first()).toBeVisible();
  // Each page its bundle: the lesson's, the Progress page's, the whole app (the review), and
  // the practice bundle (the exam).
  expect(pageBundles(wasm)).toEqual(['tpm-lesson', 'tpm-progress', 'tpm-course', 'tpm-practice']);
});

test('from the home page a lesson is a page load of the lesson bundle: the whole app carries no lesson page', async ({ page }) => {
  const wasm = wasmRequests(page);
  await page.goto('/');
  await appReady(page);
  // A mark on the whole app's document: gone once the lesson's page has replaced it.
  await page.evaluate(() => { window.__wholeApp = true; });
  await follow(page.getByRole('main').getByRole('link', { name: 'Risk Management' }));
  await expect(page).toHaveURL(/\/lessons\/risk-management\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  expect(await page.evaluate(() => window.__wholeApp ?? false)).toBe(false);
  await page.locator('fieldset.question input').first().check();
  await expect(page.locator('fieldset.question input').first()).toBeChecked();
  expect(pageBundles(wasm)).toEqual(['tpm-course', 'tpm-lesson']);
});

test('a lesson whose page this browser does not have, offline, says so and Try again opens it', async ({ page }) => {
  // What the service worker does offline for a page it has not cached: it answers with the
  // 404 page, which runs the whole app, at the lesson's address.
  const notFound = await (await page.request.get('/404.html')).text();
  await page.route('**/lessons/risk-management/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: notFound }));
  await page.goto('/lessons/risk-management/');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk Management');
  await expect(page.getByRole('status').filter({ hasText: 'not saved in this browser yet' })).toBeVisible();
  // Back online: Try again loads the lesson's own page.
  await page.unroute('**/lessons/risk-management/');
  await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: 'Try again' }).click()]);
  await appReady(page);
  await expect(page.locator('fieldset.question').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not saved in this browser yet' })).toHaveCount(0);
  // An address that is no lesson is not found.
  await page.route('**/lessons/no-such-lesson/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: notFound }));
  await page.goto('/lessons/no-such-lesson/');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('two tabs, one on each bundle, merge what each records', async ({ context }) => {
  const lessonTab = await context.newPage();
  const appTab = await context.newPage();
  await lessonTab.goto(FIRST);
  await appReady(lessonTab);
  await appTab.goto('/');
  await appReady(appTab);
  const second = '/lessons/how-the-role-came-to-be/';
  const state = (page, path) => page.locator(`.outline-sidebar li:has(> a[href="${path}"])`);

  // The lesson bundle records a completion; the whole app sees it.
  await lessonTab.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(state(appTab, FIRST)).toHaveAttribute('data-state', 'completed');

  // The whole app opens the second lesson itself and records its completion; the lesson bundle sees it.
  await appTab.locator(`.outline-sidebar a[href="${second}"]`).click();
  await expect(appTab.getByRole('heading', { level: 1 })).toHaveText(/How the Role Came to Be/i);
  await appTab.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(state(lessonTab, second)).toHaveAttribute('data-state', 'completed');

  const raw = await storedWhen(lessonTab, (p) => completedCount(p) === 2);
  const lessons = derive(JSON.parse(raw)).lessons;
  expect(lessons['what-do-technical-program-managers-do'].completed).toBe(true);
  expect(lessons['how-the-role-came-to-be'].completed).toBe(true);
});

test('on a lesson, search is its own bundle: loaded on first use, with nothing typed lost', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const wasm = wasmRequests(page);
  await page.goto(FIRST);
  await appReady(page);
  expect(wasm).toHaveLength(1);
  // Typed at once, before the shell and the search bundle can have arrived: nothing is lost.
  await page.keyboard.press('/');
  await page.keyboard.type('stakeholder map');
  const field = page.getByRole('combobox', { name: /Search/ });
  await expect(field).toHaveValue('stakeholder map');
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(wasm.map((f) => f.replace(/-[0-9a-f]+_bg\.wasm$/, ''))).toEqual(['tpm-lesson', 'tpm-shell', 'tpm-search']);
  // The best hit is the glossary term; opening it loads the glossary page (the whole app).
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/#stakeholder-map$/);
  await appReady(page);
  await expect(page.locator('#stakeholder-map')).toBeInViewport();
});

test('a search bundle that cannot be fetched says so, and Try again loads it', async ({ page }) => {
  await page.goto(FIRST);
  await page.route('**/tpm-search-*', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog.getByRole('status')).toHaveText(/Search could not load: it is not stored on this device yet/);
  await page.unroute('**/tpm-search-*');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await page.keyboard.type('risk');
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: /Search/ })).toHaveValue('risk');
});

test('while the search bundle loads, its stand-in takes typing, Escape closes it, and shortcuts work after', async ({ page }) => {
  await page.goto(FIRST);
  // Hold the search bundle back until the stand-in has been used and closed.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/tpm-search-*', async (route) => { await held; await route.continue(); });
  await page.keyboard.press('/');
  await page.keyboard.type('np?');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog.getByRole('status')).toHaveText('Loading search…');
  await expect(page.getByRole('combobox', { name: /Search/ })).toHaveValue('np?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${FIRST}$`));
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // The bundle arrives after the learner stopped searching: it stays closed until asked.
  release();
  await expect(page.locator('html')).toHaveAttribute('data-search', 'ready');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: /Search/ })).toBeFocused();
  await page.keyboard.type('risk');
  await expect(page.getByRole('option').first()).toBeVisible();
});

// The whole bundle, or only its wasm (its JS arrives, then its download fails).
for (const [page_, blocked] of [[FIRST, 'tpm-lesson-*'], [FIRST, 'tpm-lesson-*_bg.wasm'], ['/progress/', 'tpm-progress-*'], ['/', 'tpm-course-*']]) {
  test(`${page_} whose ${blocked} cannot be fetched stays readable, says so, and Try again starts it`, async ({ page }) => {
    await page.route(`**/${blocked}`, (route) => route.abort('internetdisconnected'));
    await page.gotoWithoutApp(page_);
    const alert = page.getByRole('alert').filter({ hasText: 'This page could not start' });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.unroute(`**/${blocked}`);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await appReady(page);
    await expect(page.getByRole('alert').filter({ hasText: 'This page could not start' })).toHaveCount(0);
  });
}

test('a lesson page restored from the back/forward cache takes in what other pages saved meanwhile', async ({ context }) => {
  // Every lesson is a page load now, so back and forward often restore a frozen page. A frozen
  // page gets no storage events; here they are dropped while `frozen` is set, and the restore is
  // the event the browser fires then (Playwright's Chromium keeps no back/forward cache).
  const a = await context.newPage();
  await a.addInitScript(() => addEventListener('storage', (e) => { if (window.frozen) e.stopImmediatePropagation(); }, true));
  await a.goto(FIRST);
  await appReady(a);
  await a.evaluate(() => { window.frozen = true; });
  const b = await context.newPage();
  await b.goto('/lessons/how-the-role-came-to-be/');
  await appReady(b);
  await b.getByRole('button', { name: 'Mark as complete' }).click();
  await storedWhen(b, (p) => completedCount(p) === 1);
  const second = a.locator('.outline-sidebar li:has(> a[href="/lessons/how-the-role-came-to-be/"])');
  await expect(second).toHaveAttribute('data-state', 'not-started');
  await a.evaluate(() => {
    window.frozen = false;
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  });
  await expect(second).toHaveAttribute('data-state', 'completed');
});

test('a lesson loads the notes bundle only when the learner reaches for the notes; the bookmark needs none', async ({ page }) => {
  const wasm = wasmRequests(page);
  const names = () => pageBundles(wasm);
  await page.goto(FIRST);
  const bookmark = page.getByRole('button', { name: 'Bookmark' });
  await bookmark.click();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
  const note = page.getByRole('textbox', { name: 'Your notes on this lesson' });
  expect(names()).toEqual(['tpm-lesson']);
  await page.locator('.notes-panel summary').click();
  await expect(note).toBeEnabled();
  await expect(note).toBeFocused();
  expect(names()).toEqual(['tpm-lesson', 'tpm-notes']);
  await note.fill('Written with the notes bundle.');
  // Both bundles write the one record: the bookmark and the note are both in it.
  await page.reload();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.notes-panel summary')).toHaveText('Notes · written');
});

test('a notes bundle that cannot be fetched says so, and reaching for the notes again loads it', async ({ page }) => {
  await page.goto(FIRST);
  await page.route('**/tpm-notes-*', (route) => route.abort('internetdisconnected'));
  await page.locator('.notes-panel summary').click();
  await expect(page.locator('.notes-panel .insights-note').first()).toHaveText(/Your notes could not load: they are not stored on this device yet/);
  await expect(page.getByRole('textbox', { name: 'Your notes on this lesson' })).toBeDisabled();
  await page.unroute('**/tpm-notes-*');
  await page.locator('.notes-panel summary').click();
  await page.locator('.notes-panel summary').click();
  await expect(page.getByRole('textbox', { name: 'Your notes on this lesson' })).toBeEnabled();
});
