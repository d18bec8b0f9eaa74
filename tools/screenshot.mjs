#!/usr/bin/env node
// Screenshot a page with Debian's Chromium: node tools/screenshot.mjs URL OUT.png [WIDTHxHEIGHT]
// (for working on the dashboard; the tests drive the same browser through playwright-core).
import { launchChromium } from './chromium.mjs';

const [url, out, size = '1280x800'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node tools/screenshot.mjs URL OUT.png [WIDTHxHEIGHT]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
