/**
 * A draft belongs to one patient. Every path by which the tab can come to show another patient —
 * a plain navigation, a single-page swap with pushState, a swap of the banner with no navigation,
 * the panel closed and reopened — ends with the other patient's reply box
 * unchanged and the panel saying why.
 */
import type { Page } from '@playwright/test';
import { patients } from '../../scripts/portal/patients.mjs';
import { clickToolbarButton, openPanel } from '../../scripts/lib/browser.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead, type ExtensionBrowser, draftTextOf } from '../support/panel';

const [maria, james] = patients;
const messagesOf = (portalUrl: string, p: { id: string }) => `${portalUrl}/patient/${p.id}/messages`;

/** Reads Maria's messages page and drafts a reply to her. */
async function draftForMaria(ext: ExtensionBrowser, portalUrl: string) {
  const { chart, panel } = await openChartAndRead(ext, messagesOf(portalUrl, maria));
  await panel.getByRole('radio', { name: 'Patient reply' }).check();
  await panel.getByRole('button', { name: 'Draft reply' }).click();
  await expect(await draftTextOf(panel)).toHaveValue(/^Hello Maria/);
  await panel.getByRole('button', { name: 'Review with sources' }).click();
  return { chart, panel };
}

/**
 * What a panel that missed every sign of the change would send: Maria's draft with Maria's page
 * identity, straight to the background. The page agent must still refuse it.
 */
async function insertBehindThePanelsBack(panel: Page) {
  const tabId = Number(new URL(panel.url()).searchParams.get('tabId'));
  return panel.evaluate(
    async ({ tabId }) => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            runtime: { sendMessage(m: unknown): Promise<unknown> };
            storage: { session: { get(k: null): Promise<Record<string, { identity: unknown }>> } };
          };
        }
      ).chrome;
      // This tab's draft (the newest): other tests in the same browser keep drafts for their own tabs and patients.
      const all = (await chrome.storage.session.get(null)) as unknown as Record<
        string,
        { identity: unknown; savedAt: string }
      >;
      const stored = Object.entries(all)
        .filter(([key]) => key.startsWith(`draft:${tabId}:`))
        .map(([, draft]) => draft)
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
      return chrome.runtime.sendMessage({
        type: 'insert',
        tabId,
        text: 'Hello Maria, wrong chart',
        expected: stored.identity,
        confirmedUnknown: true,
      });
    },
    { tabId },
  );
}

/** What a single-page EHR does on a patient switch: another patient's content in place, with or without a new route. */
async function swapInPatient(chart: Page, url: string, pushState: boolean) {
  await chart.evaluate(
    async ({ url, pushState }) => {
      const html = await (await fetch(url)).text();
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      if (pushState) history.pushState({}, '', url);
    },
    { url, pushState },
  );
}

/** The chart tab goes to `url`, the clinician presses the toolbar button, and the panel opens again for that tab. */
async function reopenOn(ext: ExtensionBrowser, chart: Page, url: string, panelUrl: string): Promise<Page> {
  await chart.goto(url, { waitUntil: 'load' });
  await clickToolbarButton(ext, chart);
  const panel = await ext.context.newPage();
  await panel.goto(panelUrl);
  return panel;
}

async function expectUntouched(chart: Page) {
  await expect(chart.locator('#reply-box')).toHaveValue('');
}

test('plain navigation to another patient: the panel marks the draft stale, Insert is off, and the page agent refuses a stale insert', async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await draftForMaria(ext, portalUrl);
  await chart.goto(messagesOf(portalUrl, james), { waitUntil: 'load' });
  await expect(panel.getByTestId('stale-notice')).toContainText('The page has changed since Chartside read it.');
  await expect(panel.getByTestId('stale-notice')).toContainText(
    'The record and draft below are for Maria Elena Ordóñez',
  );
  await expect(panel.getByRole('button', { name: 'Insert into page' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: /Show source .* on the page/ }).first()).toBeDisabled();

  await chart.locator('#reply-box').click();
  // The clinician's grant for the new page, so only the identity check stands in the way.
  await clickToolbarButton(ext, chart);
  const refused = (await insertBehindThePanelsBack(panel)) as {
    ok: boolean;
    error?: { code: string; message: string };
  };
  expect(refused).toMatchObject({ ok: false, error: { code: 'different-patient' } });
  expect(refused.error?.message).toBe(
    "This page now shows a different patient (James Patrick O'Neil). Read the page again before inserting.",
  );
  await expectUntouched(chart);

  // Reading the page again makes James's chart current, with no trace of Maria's draft.
  await panel.getByTestId('stale-notice').getByRole('button', { name: 'Read this page' }).click();
  await expect(panel.getByTestId('stale-notice')).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Captured record' })).toContainText("James Patrick O'Neil");
  await expect(panel.getByRole('region', { name: 'Draft' })).toHaveCount(0);
  await panel.close();
  await chart.close();
});

test('a single-page swap with pushState: stale at once, and an insert is refused naming the patient the page now shows', async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await draftForMaria(ext, portalUrl);
  await swapInPatient(chart, messagesOf(portalUrl, james), true);
  await expect(panel.getByTestId('stale-notice')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Insert into page' })).toBeDisabled();
  await chart.locator('#reply-box').click();
  const refused = await insertBehindThePanelsBack(panel);
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'different-patient', message: expect.stringContaining("(James Patrick O'Neil)") },
  });
  await expectUntouched(chart);
  await panel.close();
  await chart.close();
});

test('a banner swapped with no navigation at all: the page agent notices the new patient and the panel says so', async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await draftForMaria(ext, portalUrl);
  await swapInPatient(chart, messagesOf(portalUrl, james), false);
  await expect(panel.getByTestId('stale-notice')).toContainText('The page now shows a different patient.');
  await expect(panel.getByRole('button', { name: 'Insert into page' })).toBeDisabled();
  await chart.locator('#reply-box').click();
  expect(await insertBehindThePanelsBack(panel)).toMatchObject({
    ok: false,
    error: { code: 'different-patient' },
  });
  await expectUntouched(chart);
  await panel.close();
  await chart.close();
});

test("panel closed and reopened on another patient's page: the draft is not offered; back on the first patient's page it is", async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await draftForMaria(ext, portalUrl);
  const panelUrl = panel.url();
  await panel.close();

  const reopened = await reopenOn(ext, chart, messagesOf(portalUrl, james), panelUrl);
  await expect(reopened.getByTestId('other-drafts')).toContainText(
    'A draft written in this tab for another patient is kept but not offered here',
  );
  await expect(reopened.getByRole('region', { name: 'Draft' })).toHaveCount(0);
  await expect(reopened.getByRole('button', { name: 'Insert into page' })).toHaveCount(0);
  await chart.locator('#reply-box').click();
  expect(await insertBehindThePanelsBack(reopened)).toMatchObject({
    ok: false,
    error: { code: 'different-patient' },
  });
  await expectUntouched(chart);
  await reopened.close();

  // Back on Maria's chart, her draft comes back, labelled with her name, and inserts there.
  const again = await reopenOn(ext, chart, messagesOf(portalUrl, maria), panelUrl);
  await expect(again.getByTestId('restored-draft')).toContainText(
    'written for Maria Elena Ordóñez (the patient this page shows)',
  );
  await chart.locator('#reply-box').click();
  await again.getByRole('button', { name: 'Insert into page' }).click();
  await expect(chart.locator('#reply-box')).toHaveValue(/^Hello Maria/);
  await again.close();
  await chart.close();
});

test('a page that does not say whose chart it is: Insert asks first, and writes only when the clinician confirms', async ({
  ext,
  portalUrl,
}) => {
  const chart = await ext.context.newPage();
  await chart.goto(messagesOf(portalUrl, maria), { waitUntil: 'load' });
  await chart.evaluate(() => document.querySelector('.conv-head')!.remove()); // a thread with no patient banner
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  await panel.getByRole('button', { name: 'Read this page' }).click();
  await panel.getByRole('radio', { name: 'Patient reply' }).check();
  await panel.getByRole('button', { name: 'Draft reply' }).click();
  await expect(await draftTextOf(panel)).not.toHaveValue('');

  await chart.locator('#reply-box').click();
  await panel.getByRole('button', { name: 'Insert into page' }).click();
  const confirm = panel.getByRole('alertdialog');
  await expect(confirm).toContainText(
    'This page does not show whose chart it is. The draft was written for a patient Chartside could not identify.',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expectUntouched(chart);

  await panel.getByRole('button', { name: 'Insert into page' }).click();
  await panel
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Insert for/ })
    .click();
  await expect(chart.locator('#reply-box')).not.toHaveValue('');
  await panel.close();
  await chart.close();
});
