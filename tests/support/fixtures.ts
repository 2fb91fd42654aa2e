import { test as base } from '@playwright/test';
import { startPortal } from '../../scripts/portal/server.mjs';
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
import type { ExtensionBrowser } from './panel';

type WorkerFixtures = { ext: ExtensionBrowser; portalUrl: string };

/** One Chromium with the extension and one demo portal per worker; each test opens its own pages. */
export const test = base.extend<{}, WorkerFixtures>({
  portalUrl: [
    async ({}, use) => {
      const portal = await startPortal({ port: 0 });
      await use(portal.url);
      await portal.close();
    },
    { scope: 'worker' },
  ],
  ext: [
    async ({}, use) => {
      const ext = await launchWithExtension();
      await use(ext);
      await ext.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
