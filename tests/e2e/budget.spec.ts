/**
 * The performance budget's sizes, against generous ceilings (scripts/lib/sizes.mjs). Times are
 * measured by `npm run bench`, never asserted in tests.
 */
import { expect, test } from '@playwright/test';
import { CEILINGS, extensionSizes } from '../../scripts/lib/sizes.mjs';

test('the built extension stays within its size budget', () => {
  const sizes = extensionSizes(); // the zip `npm run test:e2e` made, next to the build it tests
  expect(sizes.captureScript.gzip).toBeLessThanOrEqual(CEILINGS.captureScriptGzip.ceiling);
  expect(sizes.sidePanel.gzip).toBeLessThanOrEqual(CEILINGS.sidePanelGzip.ceiling);
  expect(sizes.options.gzip).toBeLessThanOrEqual(CEILINGS.optionsGzip.ceiling);
  expect(sizes.background.gzip).toBeLessThanOrEqual(CEILINGS.backgroundGzip.ceiling);
  expect(sizes.zipBytes).toBeGreaterThan(0);
  expect(sizes.zipBytes).toBeLessThanOrEqual(CEILINGS.zipBytes.ceiling);
  // The measure is real: the side panel page loads its script and the shared chunks.
  expect(sizes.sidePanel.files.some((f: string) => f.startsWith('chunks/sidepanel-'))).toBe(true);
});
