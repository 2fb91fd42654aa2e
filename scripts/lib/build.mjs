// Builds the extension when the build is missing or older than its sources, so command-line tools
// work right after `npm install`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** @param {{ quiet?: boolean, browser?: 'chrome' | 'firefox' }} [options] */
export function ensureBuilt({ quiet = true, browser = 'chrome' } = {}) {
  const manifest = browser === 'firefox' ? '.output/firefox-mv2/manifest.json' : '.output/chrome-mv3/manifest.json';
  const sources = Math.max(
    ...['entrypoints', 'utils', 'components', 'public'].filter(existsSync).map(newest),
    statSync('wxt.config.ts').mtimeMs,
  );
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return;
  // stdout stays clean for tools that print JSON: the build's output goes to stderr.
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', 2, 'inherit'],
  });
}
