/**
 * Managed policy for a real Chromium, as IT deploys it on Linux: a JSON file in Chromium's policy
 * folder, keyed by extension id. Writing it needs root (as in CI); specs skip elsewhere.
 * Each caller gets a copy of the build at its own path, so its own id: the policy reaches only
 * the browser it starts, never the one the other tests share (Chromium watches the folder).
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../../scripts/lib/browser.mjs';

export const POLICY_DIR = '/etc/chromium/policies/managed';

/** An unpacked extension's id: the SHA-256 of its path, its first 32 hex digits written a–p. */
export function unpackedId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export function canWritePolicy(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches Chromium with a copy of the build under `policy`; `cleanup` closes it and removes both. */
export async function launchWithPolicy(name: string, policy: Record<string, unknown>) {
  const dir = join(mkdtempSync(join(tmpdir(), `chartside-${name}-`)), 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  // Without its public key the copy is named by its path, not by Chartside's stable ID (which every
  // other test browser also has): the policy is for this copy alone.
  const manifestFile = join(dir, 'manifest.json');
  const { key: _stableKey, ...manifest } = JSON.parse(readFileSync(manifestFile, 'utf8'));
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const file = `${POLICY_DIR}/chartside-${name}.json`;
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(dir)]: policy } } }));
  const ext = await launchWithExtension({ extensionDir: dir });
  const cleanup = async () => {
    rmSync(file, { force: true });
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { ext, dir, cleanup };
}
