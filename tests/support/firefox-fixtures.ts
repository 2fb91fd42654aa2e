import { ensureBuilt } from '../../scripts/lib/build.mjs';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox.mjs';
import { test as base } from './fixtures';
import { Sidebar, type Firefox } from './firefox';

export type FirefoxSession = { ff: Firefox; sidebar: Sidebar };

/**
 * One Firefox ESR with the MV2 build as a temporary add-on, and the extension tab its sidebar is
 * driven from, per worker (the Firefox spec is one file, so one worker: one build, one browser).
 * Started only when a test asks for it, so a machine without Firefox skips before any launch.
 */
export const test = base.extend<object, { firefox: FirefoxSession }>({
  firefox: [
    async ({}, use) => {
      ensureBuilt({ browser: 'firefox' }); // rebuilt only when the sources are newer than the build
      const ff = await launchFirefoxWithExtension();
      try {
        await use({ ff, sidebar: await Sidebar.attach(ff) });
      } finally {
        await ff.close(); // also deletes the temporary profile
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from '@playwright/test';
