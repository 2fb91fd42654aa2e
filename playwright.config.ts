import { defineConfig } from '@playwright/test';

// E2E tests drive the real, built extension in Debian's Chromium (CHROME_PATH, else /usr/bin/chromium).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two browsers side by side: each worker has its own Chromium profile (its own settings and audit log),
  // and specs stay whole on one worker, so no test sees another's state.
  workers: Number(process.env.CHARTSIDE_E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
