#!/usr/bin/env node
// First-load JavaScript of dashboard pages as a browser downloads it (compressed bytes on the wire and
// decoded bytes), measured with Debian's Chromium against a running dashboard:
//   node tools/dashboard-first-load.mjs http://localhost:3000 /rooms/DR-ROOM-1 /qa /
import { launchChromium } from './chromium.mjs';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node tools/dashboard-first-load.mjs BASE_URL PATH...');
  process.exit(2);
}
const browser = await launchChromium();
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
try {
  console.log('page                          JS files   on the wire   decoded');
  for (const path of paths) {
    // A fresh context each time: nothing cached, as on a tablet's first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    // The page's own scripts are all in its HTML and load before the `load` event; what comes after is
    // Next.js prefetching the routes the page links to, which is not this page's first load.
    const scripts = [];
    let loaded = false;
    page.on('requestfinished', (request) => {
      if (!loaded && request.resourceType() === 'script') scripts.push(request);
    });
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    loaded = true;
    let wire = 0;
    let decoded = 0;
    for (const request of scripts) {
      const sizes = await request.sizes();
      const response = await request.response();
      wire += sizes.responseBodySize;
      decoded += (await response?.body())?.length ?? 0;
    }
    console.log(
      `${path.padEnd(30)}${String(scripts.length).padStart(8)}${kB(wire).padStart(14)}${kB(decoded).padStart(10)}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
