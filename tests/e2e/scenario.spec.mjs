// Decision scenarios in the browser: played to an ending on a phone, one decision at a time;
// resumed after a reload; the debrief beside the expert's path; no way back, a restart keeps
// the old playthrough; the record keeps every decision (version 4); axe and 320 px.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appReady, builtScenarios, follow, PROGRESS_KEY } from './helpers.mjs';

const scenario = builtScenarios().find((s) => s.slug === 'the-vault-slips');
const point = (id) => scenario.points.find((p) => p.id === id);
const expertOf = (p) => p.choices.findIndex((c) => c.expert);
const record = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), PROGRESS_KEY);
/** A choice's text as the button shows it (the data holds inline HTML). */
const plain = (html) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Makes choice `c` at the shown point; returns where it leads. */
async function choose(page, at, c) {
  const choices = page.locator('.scenario-choice');
  await expect(choices).toHaveCount(point(at).choices.length);
  await choices.nth(c).click();
  const next = point(at).choices[c].next;
  await expect(page.locator('#scenario-happened')).toBeFocused();
  await expect(page.locator('.scenario-you-chose')).toContainText(plain(point(at).choices[c].text).slice(0, 40));
  return next;
}

test.use({ viewport: { width: 360, height: 740 } });

test('a scenario played on a phone: resume after reload, the debrief, the record, and no overflow', async ({ page }) => {
  await page.goto('/');
  // Scenarios are the practice bundle's pages: each link to one is a page load.
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop().replace(/-[0-9a-f]+_bg\.wasm$/, '')); });
  await follow(page.locator('.home-learning').getByRole('link', { name: 'Decision scenarios' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Decision scenarios' })).toBeVisible();
  await follow(page.getByRole('link', { name: 'The Vault Slips' }));
  expect([...new Set(wasm)]).toEqual(['tpm-practice']); // the list's page and the scenario's
  await expect(page.getByRole('heading', { level: 1, name: 'The Vault Slips' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Decision 1' })).toBeVisible();

  // The first decision leaves the expert's path; the consequence is shown, and focused.
  let at = scenario.start;
  const wrong = point(at).choices.findIndex((c) => !c.expert);
  const missed = at;
  at = await choose(page, at, wrong);
  await expect(page.getByRole('heading', { name: 'Decision 2' })).toBeVisible();
  // There is no way back: besides the choices, the only control starts again.
  await expect(page.locator('article.scenario button:not(.scenario-choice):not(.term-button)')).toHaveText(['Start again']);

  // A reload resumes at the same point, with the last consequence shown.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Decision 2' })).toBeVisible();
  await expect(page.locator('.scenario-you-chose')).toContainText(plain(point(missed).choices[wrong].text).slice(0, 40));
  const stored = await record(page);
  expect(stored.version).toBe(4);
  const facts = Object.values(stored.log)[0]['scenario:the-vault-slips'];
  expect(facts.decisions.map((d) => [d[2], d[3]])).toEqual([[missed, wrong]]);
  expect(facts.recalls[0][1]).toBe('s');

  // The expert's choices from here to an ending.
  let decisions = 1;
  while (point(at)) {
    at = await choose(page, at, expertOf(point(at)));
    decisions += 1;
  }
  const ending = scenario.endings.find((e) => e.id === at);
  await expect(page.getByRole('heading', { name: `Ending: ${ending.title}` })).toBeVisible();
  await expect(page.locator('.scenario-agreement')).toContainText(`You chose as the expert did at ${decisions - 1} of ${decisions} decisions.`);
  await expect(page.locator('.scenario-agreement')).toContainText('The decision where you chose otherwise is in your review');
  // The debrief: each decision beside the expert's; the one missed names the expert's choice.
  const rows = page.locator('.debrief-row');
  await expect(rows).toHaveCount(decisions);
  await expect(rows.first()).toContainText("The expert's choice:");
  await expect(rows.first()).toContainText(plain(point(missed).choices[expertOf(point(missed))].text).slice(0, 40));
  await expect(page.locator('.debrief-row.debrief-agreed')).toHaveCount(decisions - 1);
  // Every choice's consequence can be opened, also those not taken.
  await rows.first().locator('summary').click();
  await expect(rows.first().locator('.debrief-choices > li')).toHaveCount(point(missed).choices.length);
  await expect(rows.first().getByText('Not taken:').first()).toBeVisible();
  await expect(rows.first().locator('.debrief-lessons a').first()).toBeVisible();

  // Nothing overflows a 320 px screen, and axe finds nothing.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  // The missed decision comes back in the review, as the decision point with its choices;
  // the expert's choice is right there.
  await follow(page.locator('.scenario-agreement').getByRole('link', { name: 'review' }));
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await expect(page.locator('.review-lesson')).toContainText('From The Vault Slips');
  const expertText = plain(point(missed).choices[expertOf(point(missed))].text);
  await page.locator('.review-form .choice label').filter({ hasText: expertText.slice(0, 40) }).click();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.review-form')).toContainText('Correct');
  await page.goBack();
  await expect(page.getByRole('heading', { name: `Ending: ${ending.title}` })).toBeVisible();

  // Play again: a new playthrough starts; the finished one stays in the record.
  await page.getByRole('button', { name: 'Play again' }).click();
  await expect(page.getByRole('heading', { name: 'Decision 1' })).toBeFocused();
  await choose(page, scenario.start, expertOf(point(scenario.start)));
  await expect.poll(async () => {
    const r = await record(page);
    return new Set(Object.values(r.log)[0]['scenario:the-vault-slips'].decisions.map((d) => d[0])).size;
  }).toBe(2);
  // The Progress page shows the scenario played, with the latest finished playthrough's
  // agreement (the new one under way does not count until it ends), and so does the summary.
  await page.goto('/progress/');
  await expect(page.locator('.practice-list')).toContainText(`The Vault Slips: chose as the expert did at ${decisions - 1} of ${decisions} decisions, ending “${ending.title}”`);
  await expect(page.locator('.summary-sheet')).toContainText(`${decisions - 1} of ${decisions} decisions as the expert`);
  // The list shows where the learner stands.
  await page.goto('/scenarios/');
  await expect(page.locator('.scenario-card').filter({ hasText: 'The Vault Slips' })).toContainText('1 decision made, played before');
});

test('the keyboard alone plays a decision', async ({ page }) => {
  await page.goto(`/scenarios/${scenario.slug}/`);
  await expect(page.getByRole('heading', { name: 'Decision 1' })).toBeVisible();
  const first = page.locator('.scenario-choice').first();
  await first.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.scenario-choice').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#scenario-happened')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Decision 2' }).or(page.getByRole('heading', { name: /^Ending: / }))).toBeVisible();
});

test('a playthrough whose point no longer exists starts again with a notice and stays in the record', async ({ page }) => {
  await page.goto(`/scenarios/${scenario.slug}/`);
  await expect(page.getByRole('heading', { name: 'Decision 1' })).toBeVisible();
  const device = await page.evaluate(() => 'edited');
  const stale = { version: 4, course: 'tpm-course', device, log: { [device]: { 'scenario:the-vault-slips': {
    decisions: [[1764080000000, 1764080000000, 'a-point-the-author-removed', 0]] } } } };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PROGRESS_KEY, JSON.stringify(stale)]);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'This scenario changed since you last played it' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Decision 1' })).toBeVisible();
  await page.locator('.scenario-choice').first().click();
  await expect(page.locator('.scenario-notice')).toHaveCount(0);
  await expect.poll(async () => (await record(page)).log[device]['scenario:the-vault-slips'].decisions.length).toBe(1);
  const all = Object.values((await record(page)).log).flatMap((l) => l['scenario:the-vault-slips']?.decisions ?? []);
  expect(all.map((d) => d[2])).toContain('a-point-the-author-removed');
});

test('two tabs play one playthrough together; a restart in one is followed by the other; the list shows the finished one', async ({ context }) => {
  const a = await context.newPage();
  await a.goto(`/scenarios/${scenario.slug}/`);
  await appReady(a);
  let at = await choose(a, scenario.start, expertOf(point(scenario.start)));
  const decisions = async () => Object.values((await record(a))?.log ?? {}).flatMap((l) => l['scenario:the-vault-slips']?.decisions ?? []);
  await expect.poll(async () => (await decisions()).length).toBe(1);

  // A second tab opens on the same playthrough and goes on with it; the first follows.
  const b = await context.newPage();
  await b.goto(`/scenarios/${scenario.slug}/`);
  await appReady(b);
  await expect(b.getByRole('heading', { name: 'Decision 2' })).toBeVisible();
  await b.bringToFront();
  at = await choose(b, at, expertOf(point(at)));
  await expect(a.getByRole('heading', { name: 'Decision 3' })).toBeVisible();

  // The first tab plays it to the end with the expert's choices; the second shows the ending.
  await a.bringToFront();
  let made = 2;
  while (point(at)) {
    at = await choose(a, at, expertOf(point(at)));
    made += 1;
  }
  const ending = scenario.endings.find((e) => e.id === at);
  await expect(b.getByRole('heading', { name: `Ending: ${ending.title}` })).toBeVisible();

  // The list, opened afresh, shows the finished playthrough's agreement.
  const list = await context.newPage();
  await list.goto('/scenarios/');
  await appReady(list);
  await expect(list.locator('.scenario-card').filter({ hasText: 'The Vault Slips' }))
    .toContainText(`You chose as the expert did at ${made} of ${made} decisions.`);

  // The second tab plays again and leaves the expert's path; the first follows the new one.
  await b.bringToFront();
  await b.getByRole('button', { name: 'Play again' }).click();
  const wrong = point(scenario.start).choices.findIndex((c) => !c.expert);
  await choose(b, scenario.start, wrong);
  await expect(a.getByRole('heading', { name: 'Decision 2' })).toBeVisible();
  await expect(a.locator('.scenario-you-chose')).toContainText(plain(point(scenario.start).choices[wrong].text).slice(0, 40));
  // Both playthroughs are in the record, each decision once.
  await expect.poll(async () => (await decisions()).length).toBe(made + 1);
  expect(new Set((await decisions()).map((d) => d[0])).size).toBe(2);
  // The list keeps showing where the learner stands: a new playthrough under way.
  await list.reload();
  await appReady(list);
  await expect(list.locator('.scenario-card').filter({ hasText: 'The Vault Slips' })).toContainText('1 decision made, played before');
});
