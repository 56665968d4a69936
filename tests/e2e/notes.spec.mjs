// Notes and bookmarks on a lesson, a quoted passage, and the notebook: in the record (version
// 4), the same in both apps, searched, printed alone, downloaded as Markdown; axe and 320 px.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appReady, follow, progressFileRoundTrip, PROGRESS_KEY } from './helpers.mjs';

const LESSON = '/lessons/escalation/';
const record = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), PROGRESS_KEY);
const facts = async (page) => Object.values((await record(page)).log).map((l) => l.escalation).filter(Boolean);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ viewport: { width: 360, height: 740 } });

test('a note and a bookmark on a lesson: saved as typed, a quoted passage, the notebook and its Markdown', async ({ page }) => {
  await page.goto(LESSON);
  const panel = page.locator('details.notes-panel');
  await expect(panel).not.toHaveAttribute('open', '');
  await panel.locator('summary').click();
  const note = page.getByRole('textbox', { name: 'Your notes on this lesson' });
  await expect(note).toBeVisible();
  await note.fill('Escalate on the trigger, not on a feeling.');
  await page.getByRole('button', { name: 'Bookmark' }).click();
  await expect(page.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'true');
  // Typing keeps one edit in the record, not one per keystroke.
  await note.press('End');
  await note.pressSequentially(' Always.');
  await expect.poll(async () => (await facts(page)).flatMap((f) => f.edits ?? []).map((e) => e[2]))
    .toEqual(['Escalate on the trigger, not on a feeling. Always.']);

  // A reload keeps both.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.notes-panel summary')).toHaveText('Notes · written');
  await page.locator('.notes-panel summary').click();
  await expect(note).toHaveValue('Escalate on the trigger, not on a feeling. Always.');

  // Select a passage under a section heading: "Add to notes" quotes it with a link to the section.
  const { text, heading, id } = await page.evaluate(() => {
    const h = document.querySelector('.lesson-body h2[id]');
    let p = h.nextElementSibling;
    while (p && p.tagName !== 'P') p = p.nextElementSibling;
    const range = document.createRange();
    range.selectNodeContents(p);
    const s = getSelection();
    s.removeAllRanges();
    s.addRange(range);
    return { text: s.toString().replace(/\s+/g, ' ').trim(), heading: h.textContent, id: h.id };
  });
  await page.getByRole('button', { name: 'Add to notes' }).click();
  await expect(page.getByRole('button', { name: 'Add to notes' })).toHaveCount(0);
  await expect(note).toBeFocused();
  await expect(note).toHaveValue(`Escalate on the trigger, not on a feeling. Always.\n\n> ${text}\n> — [${heading}](#${id})\n\n`);
  await expect(page.getByRole('status').filter({ hasText: 'The passage is in your notes' })).toBeAttached();
  await note.pressSequentially('My take: this is the trigger.');
  await expect(page.locator('.lesson-tools')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  // Leaving the page just after typing keeps the last words (saved as the page goes).
  await page.goto('/progress/');
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1, name: 'Escalation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bookmark' })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('.notes-panel summary').click();
  await expect(note).toHaveValue(/My take: this is the trigger\.$/);

  // The notebook: the lesson, its bookmark, the note with its quote linking to the section.
  await follow(page.locator('.notes-panel').getByRole('link', { name: /the notebook/ }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your notebook' })).toBeVisible();
  await expect(page.locator('.notebook-count')).toHaveText('1 lesson with notes and 1 bookmark');
  const entry = page.locator('.notebook-entry').filter({ hasText: 'Escalation' });
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText('Escalation');
  await expect(entry.locator('.notebook-bookmark')).toHaveText('★ Bookmarked');
  await expect(entry.locator('blockquote p').first()).toHaveText(text);
  await expect(entry.locator('.notebook-source a')).toHaveAttribute('href', `${LESSON}#${id}`);
  await expect(entry.locator('.notebook-text > p').last()).toHaveText('My take: this is the trigger.');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Search: by any words in any case; nothing found says so.
  const search = page.getByRole('searchbox', { name: 'Search your notebook' });
  await search.fill('TRIGGER feeling');
  await expect(page.locator('.notebook-entry')).toHaveCount(1);
  await search.fill('trigger nowhere-word');
  await expect(page.locator('.notebook-entry')).toHaveCount(0);
  await expect(page.locator('.notebook-count')).toHaveText('Nothing in your notebook holds “trigger nowhere-word”.');
  await search.fill('');

  // The Markdown file: a heading per module and lesson with absolute links, the quote kept.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('notebook.md');
  const md = await readFile(await file.path(), 'utf8');
  const origin = new URL(page.url()).origin;
  expect(md).toMatch(/^# My notebook: .+\n\nExported on [A-Z][a-z]+ \d{1,2}, \d{4}\.\n/);
  expect(md).toContain(`\n### [Escalation](${origin}${LESSON})\n\nBookmarked.\n\nEscalate on the trigger, not on a feeling. Always.\n\n> ${text}\n> — [${heading}](${origin}${LESSON}#${id})\n\nMy take: this is the trigger.\n`);

  // The progress file carries the note and the bookmark: exported, cleared, imported.
  await progressFileRoundTrip(page);
  await page.goto('/notebook/');
  await expect(page.locator('.notebook-count')).toHaveText('1 lesson with notes and 1 bookmark');

  // Following the quote's link opens the lesson at its section.
  await follow(entry.locator('.notebook-source a'));
  await expect(page).toHaveURL(new RegExp(`${LESSON}#${id}$`));
  await expect(page.locator(`#${id}`)).toBeInViewport();
});

test('a note written in two tabs that did not see each other keeps both, marked, in the lesson and the notebook', async ({ context }) => {
  const a = await context.newPage();
  await a.goto(LESSON);
  await appReady(a);
  await a.locator('.notes-panel summary').click();
  await a.getByRole('textbox', { name: 'Your notes on this lesson' }).fill('Start');
  // Saved once the typing pauses.
  await expect.poll(async () => (await facts(a)).flatMap((f) => f.edits ?? []).map((e) => e[2])).toEqual(['Start']);
  const b = await context.newPage();
  await b.goto(LESSON);
  await appReady(b);
  await b.locator('.notes-panel summary').click();
  await expect(b.getByRole('textbox', { name: 'Your notes on this lesson' })).toHaveValue('Start');
  await a.getByRole('textbox', { name: 'Your notes on this lesson' }).fill('From tab A');
  await b.getByRole('textbox', { name: 'Your notes on this lesson' }).fill('From tab B');
  await expect.poll(async () => (await facts(a)).flatMap((f) => f.edits ?? []).map((e) => e[2]).sort()).toEqual(['From tab A', 'From tab B']);
  await a.reload();
  await appReady(a);
  // A note in conflict opens by itself, with the notice and both versions.
  await expect(a.locator('details.notes-panel')).toHaveAttribute('open', '');
  await expect(a.getByRole('status').filter({ hasText: 'This note was changed in two places' })).toBeVisible();
  const both = await a.getByRole('textbox', { name: 'Your notes on this lesson' }).inputValue();
  expect(both).toContain('From tab A');
  expect(both).toContain('From tab B');
  await a.goto('/notebook/');
  await appReady(a);
  await expect(a.locator('.notebook-entry .scenario-notice')).toContainText('both versions are kept');
  await expect(a.locator('.notebook-version')).toHaveText(['Version 1', 'Version 2']);
});

test('typing a note saves the record when the typing pauses, not at every key, and leaving the page saves at once', async ({ page }) => {
  // Counts the saves of the record (each encodes the whole record, which is large for a learner
  // far into the course).
  await page.addInitScript((key) => {
    const set = Storage.prototype.setItem;
    window.__saves = 0;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) window.__saves += 1;
      return set.call(this, k, v);
    };
  }, PROGRESS_KEY);
  await page.goto(LESSON);
  await page.locator('.notes-panel summary').click();
  const note = page.getByRole('textbox', { name: 'Your notes on this lesson' });
  await expect(note).toBeEnabled();
  const before = await page.evaluate(() => window.__saves);
  const words = 'Escalate early, with options.';
  await note.pressSequentially(words, { delay: 30 });
  await expect.poll(async () => (await facts(page)).flatMap((f) => f.edits ?? []).map((e) => e[2])).toEqual([words]);
  const saves = (await page.evaluate(() => window.__saves)) - before;
  expect(saves).toBeGreaterThanOrEqual(1);
  expect(saves).toBeLessThan(words.length / 4);
  // A key typed just before leaving is not lost: the page saves the record as it is in memory.
  await note.press('End');
  await note.press('!');
  await page.goto('/notebook/');
  await appReady(page);
  await expect(page.locator('main')).toContainText(`${words}!`);
});

test('an empty notebook says how to fill it', async ({ page }) => {
  await page.goto('/notebook/');
  await expect(page.locator('.notebook-empty')).toContainText('open “Notes” under its title');
  await expect(page.locator('.notebook-actions')).toBeHidden();
});

test('selecting a passage before the notes have loaded loads them and offers to quote it', async ({ page }) => {
  await page.goto(LESSON);
  const heading = await page.evaluate(() => {
    // The second section with a paragraph right under its heading.
    const h = [...document.querySelectorAll('.lesson-body h2[id]')].filter((x) => x.nextElementSibling?.tagName === 'P')[1];
    const p = h.nextElementSibling;
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return { title: h.textContent, id: h.id };
  });
  await page.getByRole('button', { name: 'Add to notes' }).click();
  const note = page.getByRole('textbox', { name: 'Your notes on this lesson' });
  await expect(note).toBeFocused();
  await expect(note).toHaveValue(new RegExp(`^> .+\\n> — \\[${heading.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]\\(#${heading.id}\\)\\n\\n$`));
});
