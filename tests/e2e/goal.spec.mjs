// The weekly goal: set on the Progress page, this week's standing there and on the home page,
// the weeks before shown plainly, kept across reloads, changed and removed; study sessions as a
// calendar file that Python's icalendar reads, at the root and under a sub-path.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, FIRST } from './helpers.mjs';
import { SUBPATH_PORT } from '../playwright.config.mjs';

test('a weekly goal of lessons read, then of questions reviewed, then none', async ({ page }) => {
  await page.goto(FIRST);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await page.goto('/');
  await expect(page.locator('.goal-home')).toHaveCount(0);

  await page.goto('/progress/');
  const goal = page.locator('#goal');
  await goal.getByRole('spinbutton', { name: 'Each week' }).fill('0');
  await goal.getByRole('button', { name: 'Set the goal' }).click();
  await expect(goal.locator('.goal-status')).toHaveText('A weekly goal is a whole number from 1 to 500.');
  await goal.getByRole('spinbutton', { name: 'Each week' }).fill('2');
  await goal.getByRole('button', { name: 'Set the goal' }).click();
  await expect(goal.locator('.goal-status')).toHaveText('Your goal: 2 lessons read a week.');
  await expect(goal.locator('.goal-this-week')).toHaveText('This week: 1 of 2 lessons read.');
  // The weeks before, plainly: no streak, nothing lost.
  await expect(goal.locator('.goal-weeks li')).toHaveCount(3);
  for (const li of await goal.locator('.goal-weeks li').all()) await expect(li).toHaveText(/^Week of [A-Z][a-z]+ \d{1,2}: 0 of 2\.$/);
  expect((await new AxeBuilder({ page }).include('#goal').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The home page shows this week; a reload keeps the goal.
  await page.goto('/');
  await expect(page.locator('.goal-home')).toContainText('This week: 1 of 2 lessons read.');
  expect(await page.evaluate(() => localStorage.getItem('tpm-course.weekly-goal'))).toBe('lessons:2');
  await page.goto('/progress/');
  await expect(goal.getByRole('spinbutton', { name: 'Each week' })).toHaveValue('2');

  // Questions reviewed instead: the quiz of a lesson is not a review.
  await goal.getByRole('combobox', { name: 'What counts' }).selectOption('reviews');
  await goal.getByRole('spinbutton', { name: 'Each week' }).fill('1');
  await goal.getByRole('button', { name: 'Change the goal' }).click();
  await expect(goal.locator('.goal-this-week')).toHaveText('This week: 0 of 1 question reviewed.');
  await page.goto('/');
  await expect(page.locator('.goal-home')).toContainText('This week: 0 of 1 question reviewed.');

  await page.goto('/progress/');
  await goal.getByRole('button', { name: 'Remove the goal' }).click();
  await expect(goal.locator('.goal-this-week')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('.goal-home')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('tpm-course.weekly-goal'))).toBeNull();
});

/** Parses an .ics file with Python's icalendar (tests/.venv, from scripts/setup-test.sh). */
function parseIcs(file) {
  const script = `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [c for c in cal.walk() if c.name == 'VEVENT']
e = events[0]
start = e.decoded('DTSTART')
alarms = [a for a in e.walk() if a.name == 'VALARM']
print(json.dumps({
  'events': len(events),
  'version': str(cal.get('VERSION')),
  'rrule': {k: [str(x) for x in v] for k, v in e.get('RRULE').items()},
  'start': [start.hour, start.minute, start.weekday()],
  'floating': start.tzinfo is None,
  'minutes': e.decoded('DURATION').total_seconds() / 60,
  'url': str(e.get('URL')),
  'summary': str(e.get('SUMMARY')),
  'alarms': [[str(a.get('ACTION')), a.decoded('TRIGGER').total_seconds()] for a in alarms],
}))`;
  return JSON.parse(execFileSync(path.resolve(import.meta.dirname, '../.venv/bin/python'), ['-c', script, file], { encoding: 'utf8' }));
}

for (const [where, root] of [['at the root', null], ['under a sub-path', `http://127.0.0.1:${SUBPATH_PORT}/tpm/`]]) {
  test(`study sessions download as a calendar file a real iCalendar parser reads, ${where}`, async ({ page }) => {
    await page.goto(root ? `${root}progress/` : '/progress/');
    const days = page.getByRole('group', { name: 'Days' });
    // Monday, Wednesday and Friday are chosen at first: take Wednesday off, add Sunday.
    await days.getByRole('checkbox', { name: 'Wednesday' }).uncheck();
    await days.getByRole('checkbox', { name: 'Sunday' }).check();
    await page.getByLabel('At', { exact: true }).fill('07:45');
    await page.getByLabel('for', { exact: true }).selectOption('45');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the calendar file (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('study-plan.ics');
    const ics = parseIcs(await file.path());
    const origin = new URL(page.url()).origin;
    expect(ics).toEqual({
      events: 1,
      version: '2.0',
      rrule: { FREQ: ['WEEKLY'], BYDAY: ['MO', 'FR', 'SU'] },
      start: [7, 45, ics.start[2]],
      floating: true,
      minutes: 45,
      url: `${origin}${root ? '/tpm' : ''}/review/`,
      summary: `Study: ${ics.summary.slice(7)}`,
      alarms: [['DISPLAY', -600]],
    });
    expect([0, 4, 6]).toContain(ics.start[2]);
    // No day: it says so, and nothing downloads.
    for (const d of ['Monday', 'Friday', 'Sunday']) await days.getByRole('checkbox', { name: d }).uncheck();
    await page.getByRole('link', { name: 'Download the calendar file (.ics)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Choose at least one day.' })).toBeVisible();
  });
}
