#!/usr/bin/env node
// `npm run -s capture -- <html-file-or-url>`: loads the page in headless Chromium with the built
// extension, runs the extension's own capture on it, and prints the record as JSON on stdout.
import { capturePage } from './lib/capture-page.mjs';

const target = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!target) {
  process.stderr.write('capture: usage: npm run -s capture -- <html-file-or-url>\n');
  process.exit(1);
}
const result = await capturePage(target);
if (!result.ok) {
  process.stderr.write(`capture: ${result.message}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
