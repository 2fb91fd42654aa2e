/**
 * A chart across pages, through the real extension: the clinician reads Maria's Messages page, opens
 * her Dashboard in the same tab and adds it; the record then holds both pages, an item from the
 * Messages page says where it is instead of failing, an item on the Dashboard is outlined, and a
 * page of another patient is refused with the record left as it was.
 */
import { patients } from '../../scripts/portal/patients.mjs';
import { clickToolbarButton } from '../../scripts/lib/browser.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead, draftTextOf } from '../support/panel';

const [maria, james] = patients;

test('two pages of one patient become one record; another patient’s page is refused', async ({ ext, portalUrl }) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${maria.id}/messages`);
  const states = panel.getByTestId('category-states');
  await expect(states.locator('li', { hasText: 'Allergies' })).toHaveAttribute('data-state', 'absent');

  // The clinician opens the Dashboard in the same tab: the panel says the page changed and offers to add it.
  await chart.goto(`${portalUrl}/patient/${maria.id}/dashboard`, { waitUntil: 'load' });
  await clickToolbarButton(ext, chart);
  await expect(panel.getByTestId('stale-notice')).toBeVisible();
  await panel.getByRole('button', { name: 'Add this page to the record' }).click();

  const pages = panel.getByTestId('pages-included');
  await expect(pages).toContainText('Read from 2 pages of this chart');
  await expect(pages.getByRole('button', { name: 'Messages' })).toBeVisible();
  await expect(pages.locator('[aria-current="page"]')).toHaveText('Dashboard (open now)');
  await expect(panel.getByTestId('stale-notice')).toHaveCount(0);
  // Allergies are on the Dashboard: now shown, not "not on this page".
  await expect(panel.locator('button[data-category="allergies"]')).toBeVisible();
  await expect(states.locator('li', { hasText: 'Allergies' })).toHaveCount(0);

  // An item read on the Messages page is not on the page open now: the panel says where it is.
  await panel.locator('button[data-category="messages"]').click();
  await panel.locator('.item', { hasText: 'water pill' }).first().click();
  const elsewhere = panel.getByTestId('elsewhere-notice');
  await expect(elsewhere).toContainText('That item is on the Messages page of this chart');
  await expect(elsewhere.getByRole('button', { name: 'Open the Messages page' })).toBeVisible();
  // An item read on the Dashboard is outlined on it.
  await panel.locator('button[data-category="allergies"]').click();
  await panel
    .locator('.item', { hasText: /penicillin/i })
    .first()
    .click();
  await expect(elsewhere).toHaveCount(0);
  await expect(chart.locator('#allergies li', { hasText: /penicillin/i }).first()).toHaveCSS('outline-style', 'solid');

  // The summary draws on both pages: the portal message's question and the allergy list.
  await panel.getByRole('button', { name: 'Summarize' }).click();
  const draft = await draftTextOf(panel);
  await expect(draft).toHaveValue(/Penicillin/i);
  await expect(draft).not.toHaveValue(/Allergies: not on this page/);

  // James's chart in the same tab: adding it is refused, and Maria's two-page record stays.
  await chart.goto(`${portalUrl}/patient/${james.id}/dashboard`, { waitUntil: 'load' });
  await clickToolbarButton(ext, chart);
  await expect(panel.getByTestId('stale-notice')).toBeVisible();
  await panel.getByRole('button', { name: 'Add this page', exact: true }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'This page shows a different patient' })).toBeVisible();
  await expect(pages).toContainText('Read from 2 pages of this chart');
  await expect(panel.locator('.patient-line')).toContainText(maria.name.family);
  await panel.close();
  await chart.close();
});
