// Loads an HTML file or a URL in headless Chromium with the built extension and runs the
// extension's own capture on it. Shared by the capture and draft command-line tools.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { captureThroughExtension, launchWithExtension } from './browser.mjs';
import { ensureBuilt } from './build.mjs';
import { serveDirectory } from './serve.mjs';

/** @returns {Promise<{ ok: true, value: any } | { ok: false, message: string }>} */
export async function capturePage(target) {
  let url = target;
  let server;
  if (!/^https?:\/\//.test(target)) {
    if (!existsSync(target) || !statSync(target).isFile())
      return { ok: false, message: `no such file or URL: ${target}` };
    if (!/\.x?html?$/i.test(target))
      return { ok: false, message: `${target} is not an HTML page (expected a .html file)` };
    // Served over HTTP like a real EHR (activeTab does not apply to file:// pages): only its folder.
    server = await serveDirectory(dirname(resolve(target)));
    url = `${server.url}/${encodeURIComponent(basename(target))}`;
  }
  let ext;
  try {
    ensureBuilt();
    ext = await launchWithExtension();
    const page = await ext.context.newPage();
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } catch (error) {
      return { ok: false, message: `could not load ${target}: ${error.message.split('\n')[0]}` };
    }
    if (response && !response.ok())
      return { ok: false, message: `could not load ${target}: HTTP ${response.status()}` };
    const result = await captureThroughExtension(ext, page);
    return result?.ok
      ? { ok: true, value: result.value }
      : { ok: false, message: result?.error?.message ?? 'capture failed' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await ext?.close();
    await server?.close();
  }
}
