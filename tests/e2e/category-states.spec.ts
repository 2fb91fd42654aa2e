/**
 * Absent is not none, through the real extension: on the demo's messages page (no allergy list on
 * screen) the panel and the summary say the allergies were not read, never that there are none.
 */
import { patients } from '../../scripts/portal/patients.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead, draftTextOf } from '../support/panel';

test('a list that is not on the page is said to be not on the page, in the panel and in the summary', async ({
  ext,
  portalUrl,
}) => {
  const maria = patients[0];
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${maria.id}/messages`);
  const allergies = panel.getByTestId('category-states').locator('li', { hasText: 'Allergies' });
  await expect(allergies).toHaveAttribute('data-state', 'absent');
  await expect(allergies).toHaveText('Allergies: not on this page — check the allergy list.');
  await panel.getByRole('button', { name: 'Summarize' }).click();
  const draft = await draftTextOf(panel);
  await expect(draft).toHaveValue(/Allergies: not on this page — check the allergy list\./);
  await expect(draft).not.toHaveValue(/no allergies|no known allergies|none listed/i);
  await panel.close();
  await chart.close();
});

test('a list the page states as empty is "none, as the page states"; one it shows is counted', async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[0].id}/dashboard`);
  await expect(panel.locator('[data-category="allergies"]')).toBeVisible();
  await expect(panel.getByTestId('category-states').locator('li', { hasText: 'Allergies' })).toHaveCount(0);
  await chart.evaluate(() => {
    // The page now says there are none, in its own words.
    const body = document.querySelector('#allergies .card-body')!;
    body.innerHTML = '<p>No Known Allergies</p>';
  });
  await panel.getByRole('button', { name: 'Read this page again' }).click();
  const allergies = panel.getByTestId('category-states').locator('li', { hasText: 'Allergies' });
  await expect(allergies).toHaveAttribute('data-state', 'empty');
  await expect(allergies).toHaveText('Allergies: none, as the page states.');
  await panel.close();
  await chart.close();
});

test('a collapsed section is said to be collapsed and not read', async ({ ext, portalUrl }) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[0].id}/dashboard`);
  const immunizations = panel.getByTestId('category-states').locator('li', { hasText: 'Immunizations' });
  await expect(immunizations).toHaveAttribute('data-state', 'collapsed');
  await expect(immunizations).toHaveText(
    'Immunizations: not read — the section is collapsed or hidden on the page; open it and read the page again.',
  );
  await panel.close();
  await chart.close();
});
