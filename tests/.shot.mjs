import { chromium } from '@playwright/test';
const [url, out, w, h, theme, scrollSel] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.emulateMedia({ colorScheme: theme || 'light' });
await p.goto(url); await p.waitForSelector('html[data-app="ready"]');
if (scrollSel) await p.locator(scrollSel).first().scrollIntoViewIfNeeded();
await p.screenshot({ path: out });
await b.close();
