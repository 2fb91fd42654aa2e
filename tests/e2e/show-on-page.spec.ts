/** From the panel back to the page: outlines inside frames, and reading only the selected text. */
import { patients } from '../../scripts/portal/patients.mjs';
import { openChartAndRead } from '../support/panel';
import { expect, test } from '../support/fixtures';

test('a lab item read from a same-origin iframe is outlined inside that frame', async ({ ext, portalUrl }) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[0].id}/tabbed`);
  await panel.locator('button[data-category="labs"]').click();
  await panel.getByRole('button', { name: /^Creatinine/ }).click();
  const frame = chart.frameLocator('iframe[title="Lab results"]');
  const row = frame.locator('tr', { has: frame.locator('td:first-child', { hasText: /^Creatinine$/ }) });
  await expect(row).toHaveCSS('outline-style', 'solid');
  await panel.close();
  await chart.close();
});

test('with text selected, the panel offers "Use selection only" and reads just that', async ({ ext, portalUrl }) => {
  const [patient] = patients;
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patient.id}/dashboard`);
  await expect(panel.locator('button[data-category="labs"]')).toBeVisible();
  await chart.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#card-allergies')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await panel.getByRole('button', { name: 'Use selection only' }).click();
  await expect(panel.getByRole('region', { name: 'Captured record' }).getByText('selection only')).toBeVisible();
  await expect(panel.locator('button[data-category="allergies"] .badge')).toHaveText(String(patient.allergies.length));
  await expect(panel.locator('button[data-category="labs"]')).toHaveCount(0);
  await panel.close();
  await chart.close();
});
