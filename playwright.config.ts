import { defineConfig } from '@playwright/test';

// E2E tests drive the real, built extension in Debian's Chromium (CHROME_PATH, else /usr/bin/chromium).
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
