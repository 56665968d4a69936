// The static first paint is the app's own output: each kind of page, loaded without JavaScript
// and again with the app running, shows the same heading, text, landmarks and header controls,
// and the main column does not move when the app takes over.
import { test, expect, appReady } from './helpers.mjs';

const PAGES = [
  ['home', '/'],
  ['lesson', '/lessons/risk-management/'],
  ['glossary', '/glossary/'],
  ['progress', '/progress/'],
  ['practice exam', '/exam/'],
  ['not found', '/nowhere/at/all'],
];

/** What a reader sees of a page: its heading, main text, landmarks and header controls. */
function snapshot(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.innerText || '').replace(/\s+/g, ' ').trim();
    const main = document.querySelector('main').cloneNode(true);
    // Only the browser can say whether it keeps the site's data: left out of the comparison.
    main.querySelectorAll('.persistence-status').forEach((el) => el.remove());
    // Each learner sees a question's choices in an order of their own (the static paint has
    // the authored order): compared in the authored order.
    main.querySelectorAll('.choices').forEach((list) => [...list.children]
      .sort((a, b) => a.dataset.choice - b.dataset.choice)
      .forEach((li) => list.append(li)));
    document.body.append(main);
    main.style.cssText = 'position:absolute;left:-9999px;width:40rem';
    const mainText = text(main);
    main.remove();
    const name = (el) => el.getAttribute('aria-label') || text(el);
    return {
      h1: text(document.querySelector('h1')),
      main: mainText,
      landmarks: [...document.querySelectorAll('header, nav, main, footer, aside, [role="search"]')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') || ''}`),
      header: [...document.querySelectorAll('.site-header a, .site-header button')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => `${el.tagName.toLowerCase()}:${name(el)}:${el.getAttribute('aria-expanded') ?? ''}`),
    };
  });
}

for (const [kind, path] of PAGES) {
  test(`${kind}: the page without JavaScript is the page the app renders`, async ({ browser, page }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const plain = await noScript.newPage();
    await plain.goto(path);
    const before = await snapshot(plain);
    await noScript.close();

    await page.goto(path);
    const after = await snapshot(page);
    expect(before.h1.length).toBeGreaterThan(3);
    expect(before.main.length).toBeGreaterThan(60);
    expect(after).toEqual(before);
  });
}

for (const [kind, path] of PAGES.slice(0, 3)) {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    test(`${kind} at ${viewport.width}px: the main column does not move when the app starts`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) {
              window.__shift += entry.value;
              window.__shifts += 1;
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const top = [];
      await page.goto(path, { waitUntil: 'commit' });
      // What the learner first sees: the browser paints nothing before the stylesheet has
      // arrived, but a script can measure the page before that, unstyled (128 px instead of 80
      // on the glossary). So the static paint is measured once it has been painted.
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      // Found and measured in one step: the app replaces the static paint as it starts, and a
      // heading found just before that and measured just after reads as detached (top 0).
      const headingTop = () => page.evaluate(() => document.querySelector('main h1').getBoundingClientRect().top);
      top.push(await headingTop());
      await appReady(page);
      // Two frames after the app's first render, every shift it caused has been reported.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      top.push(await headingTop());
      const shift = await page.evaluate(() => window.__shift);
      console.log(`layout shift ${kind} ${viewport.width}px: ${shift.toFixed(4)}`);
      expect(shift).toBeLessThan(0.02);
      expect(top[1]).toBe(top[0]);
      await context.close();
    });
  }
}
