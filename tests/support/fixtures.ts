import { test as base } from '@playwright/test';
import { startPortal } from '../../scripts/portal/server.mjs';
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
import { startAuditServer } from './audit-server.mjs';
import { startOpenAIServer } from './openai-server.mjs';
import type { ExtensionBrowser } from './panel';

type ModelServer = Awaited<ReturnType<typeof startOpenAIServer>>;
type AuditServer = Awaited<ReturnType<typeof startAuditServer>>;
type TestFixtures = { modelServer: ModelServer; auditServer: AuditServer };
type WorkerFixtures = { ext: ExtensionBrowser; portalUrl: string };

/**
 * One Chromium with the extension and one demo portal per worker; each test opens its own pages. A test that names
 * `modelServer` (the OpenAI-compatible recording server) or `auditServer` (the FHIR AuditEvent recorder) gets one of
 * its own, closed when it ends. Fixtures start only when a test asks for them.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  modelServer: async ({}, use) => {
    const server = await startOpenAIServer();
    await use(server);
    await server.close();
  },
  auditServer: async ({}, use) => {
    const server = await startAuditServer();
    await use(server);
    await server.close();
  },
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
