#!/usr/bin/env node
// Thin launcher: the command line is compiled TypeScript (npm run build, part of the setup command).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('spineqc: not built yet — run `npm run setup` (or `npm run build`) in the repository first.');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
