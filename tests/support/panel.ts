/**
 * A clinician's first steps, shared by the e2e tests: open the chart, press the toolbar button, open the panel, read.
 */
import { expect, type Page } from '@playwright/test';
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

/** Opens the options page and fills in a model endpoint, as a clinician would, without saving. */
export async function fillEndpoint(
  ext: ExtensionBrowser,
  baseURL: string,
  apiKey?: string,
  headers?: string,
): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('radio', { name: /OpenAI-compatible endpoint/ }).check();
  await options.getByLabel('Endpoint address').fill(baseURL);
  await options.getByLabel('Model').fill('test-model');
  if (apiKey) await options.getByLabel('API key').fill(apiKey);
  if (headers) await options.getByLabel(/Extra headers/).fill(headers);
  return options;
}

/**
 * Points Chartside at a model endpoint and saves it; returns the options page and a function that
 * goes back to the offline engine for the next test.
 */
export async function useEndpoint(ext: ExtensionBrowser, baseURL: string, apiKey?: string) {
  const { expect } = await import('@playwright/test');
  const options = await fillEndpoint(ext, baseURL, apiKey);
  await options.getByRole('button', { name: 'Save engine' }).click();
  await expect(options.getByTestId('engine-status')).toContainText('Saved: test-model');
  const restore = async () => {
    await options.getByRole('radio', { name: /Offline/ }).check();
    await options.getByRole('button', { name: 'Save engine' }).click();
    await expect(options.getByTestId('engine-status')).toContainText('Saved: the offline engine');
    await options.close();
  };
  return { options, restore };
}

/**
 * The draft's editable text: a new draft opens for review (statements with their sources), so the
 * clinician switches to "Edit text" first; a restored draft opens as text.
 */
export async function draftTextOf(panel: Page) {
  const editor = panel.getByLabel('Edit before you copy or insert');
  const toggle = panel.getByRole('button', { name: 'Edit text' });
  await expect(editor.or(toggle)).toBeVisible({ timeout: 30_000 });
  if (await toggle.isVisible()) await toggle.click();
  return editor;
}
