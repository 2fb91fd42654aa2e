#!/usr/bin/env node
// `npm run -s capture -- <html-file-or-url>`: loads the page in headless Chromium with the built
// extension, runs the extension's own capture on it, and prints the record as JSON on stdout.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { serveDirectory } from './lib/serve.mjs';
import { captureThroughExtension, launchWithExtension } from './lib/browser.mjs';
import { ensureBuilt } from './lib/build.mjs';

function die(message) {
  process.stderr.write(`capture: ${message}\n`);
  process.exit(1);
}

const target = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (!target) die('usage: npm run -s capture -- <html-file-or-url>');

let url;
let server;
if (/^https?:\/\//.test(target)) url = target;
else if (existsSync(target) && statSync(target).isFile()) {
  if (!/\.x?html?$/i.test(target)) die(`${target} is not an HTML page (expected a .html file)`);
  const file = resolve(target);
  server = await serveDirectory(dirname(file));
  url = `${server.url}/${encodeURIComponent(basename(file))}`;
} else die(`no such file or URL: ${target}`);

let ext;
try {
  ensureBuilt();
  ext = await launchWithExtension();
  const page = await ext.context.newPage();
  const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch((error) => die(`could not load ${target}: ${error.message.split('\n')[0]}`));
  if (response && !response.ok()) die(`could not load ${target}: HTTP ${response.status()}`);
  const result = await captureThroughExtension(ext, page);
  if (!result?.ok) die(result?.error?.message ?? 'capture failed');
  process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
} catch (error) {
  die(error instanceof Error ? error.message.split('\n')[0] : String(error));
} finally {
  await ext?.close();
  await server?.close();
}
