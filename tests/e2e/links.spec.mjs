// Links written in lessons (`other.md#section`): on the built site they open the other lesson
// at that section, at the root of the host and under a sub-path alike.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, builtLessons } from './helpers.mjs';
import { PORT, SUBPATH_PORT } from '../playwright.config.mjs';

const lessons = builtLessons();
const titles = new Map(lessons.map((l) => [l.slug, l.title]));

/**
 * The first link in a built lesson's body that leads to a section of another lesson:
 * { from, href, slug, anchor }. Found in the lesson data the build wrote (the same in both
 * builds: hrefs are relative to the base), not written down here.
 */
function crossLessonSectionLink() {
  const dist = path.resolve(import.meta.dirname, '../../dist/lessons');
  for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.json')).sort()) {
    const { slug: from, html } = JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'));
    for (const m of html.matchAll(/<a href="(lessons\/([a-z0-9-]+)\/#([a-z0-9-]+))"/g)) {
      if (m[2] !== from) return { from, href: m[1], slug: m[2], anchor: m[3] };
    }
  }
  return null;
}

const link = crossLessonSectionLink();

const SITES = [
  ['at the root', `http://127.0.0.1:${PORT}/`],
  ['under the sub-path', `http://127.0.0.1:${SUBPATH_PORT}/tpm/`],
];

for (const [where, root] of SITES) {
  test(`a link to another lesson's section opens that lesson at the section, ${where}`, async ({ page }) => {
    expect(link, 'the course has a link to another lesson\'s section').not.toBeNull();
    await page.goto(`${root}lessons/${link.from}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles.get(link.from));
    await page.locator(`.lesson-body a[href="${link.href}"]`).first().click();
    await expect(page).toHaveURL(`${root}${link.href}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles.get(link.slug));
    const heading = page.locator(`.lesson-body :is(h2, h3, h4, h5, h6)[id="${link.anchor}"]`);
    await expect(heading).toHaveCount(1);
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    // The same URL, loaded directly (a bookmark, a shared link), opens at the section too.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles.get(link.slug));
    await expect(heading).toBeInViewport();
  });
}
