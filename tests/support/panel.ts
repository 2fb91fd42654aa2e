/** A clinician's first steps, shared by the e2e tests: open the chart, press the toolbar button, open the panel, read. */
import type { Page } from '@playwright/test';
import { clickToolbarButton, launchWithExtension, openPanel } from '../../scripts/lib/browser.mjs';

export type ExtensionBrowser = Awaited<ReturnType<typeof launchWithExtension>>;

export async function openChartAndRead(ext: ExtensionBrowser, url: string): Promise<{ chart: Page; panel: Page }> {
  const chart = await ext.context.newPage();
  await chart.goto(url, { waitUntil: 'load' });
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  await panel.getByRole('button', { name: 'Read this page' }).click();
  return { chart, panel };
}
