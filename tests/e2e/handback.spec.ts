/** Hand back: the draft is written into the text field the clinician chose on the EHR page, never submitted. */
import { patients } from '../../scripts/portal/patients.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead, draftTextOf } from '../support/panel';

test('insert into page: asks for a field first, then writes the draft into the reply box with input events, without submitting', async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[0].id}/dashboard`);
  await panel.getByRole('button', { name: 'Summarize' }).click();
  await panel.getByRole('button', { name: 'Insert into page' }).click();
  await expect(panel.getByRole('alert')).toContainText('Click into the text field on the page');

  const url = chart.url();
  await chart.evaluate(() => {
    const box = document.getElementById('reply-box')!;
    (window as unknown as { inputs: number }).inputs = 0;
    box.addEventListener('input', () => (window as unknown as { inputs: number }).inputs++);
    document
      .querySelector('form')!
      .addEventListener('submit', () => ((window as unknown as { submitted: boolean }).submitted = true));
  });
  await chart.locator('#reply-box').click();
  await panel.getByRole('button', { name: 'Insert into page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted into' })).toHaveText(
    'Inserted into “Reply to patient”. Review it there before you send or sign.',
  );
  const value = await chart.locator('#reply-box').inputValue();
  expect(value).toMatch(/^Synopsis\n- 68-year-old female with 4 active problems/);
  expect(value).toContain('Metformin 1000 mg PO twice daily');
  expect(value).not.toMatch(/prob-1|med-1/);
  expect(await chart.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(1);
  expect(await chart.evaluate(() => (window as unknown as { submitted?: boolean }).submitted ?? false)).toBe(false);
  expect(chart.url()).toBe(url);
  await panel.close();
  await chart.close();
});

test('the edited draft survives closing and reopening the panel for that tab, and is what gets inserted', async ({
  ext,
  portalUrl,
}) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[1].id}/dashboard`);
  await panel.getByRole('button', { name: 'Summarize' }).click();
  const editor = await draftTextOf(panel);
  await expect(editor).toHaveValue(/^Synopsis\n/);
  await editor.fill('Dear Mr. O\u2019Neil, your breathing tests improved. — Dr. R');
  const panelUrl = panel.url();
  await panel.close();

  const reopened = await ext.context.newPage();
  await reopened.goto(panelUrl);
  await expect(reopened.getByLabel('Edit before you copy or insert')).toHaveValue(
    'Dear Mr. O\u2019Neil, your breathing tests improved. — Dr. R',
  );
  await expect(reopened.getByTestId('restored-draft')).toContainText(
    "Your draft from before is below, written for O'Neil, James Patrick",
  );

  await chart.locator('#reply-box').click();
  await reopened.getByRole('button', { name: 'Insert into page' }).click();
  await expect(chart.locator('#reply-box')).toHaveValue('Dear Mr. O\u2019Neil, your breathing tests improved. — Dr. R');
  await reopened.close();
  await chart.close();
});

test('a citation chip in the draft outlines its source item on the EHR page', async ({ ext, portalUrl }) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[0].id}/document`);
  await panel.getByRole('button', { name: 'Summarize' }).click();
  await panel.getByRole('button', { name: 'Show source lab-1 on the page' }).first().click();
  const row = chart.locator('tr', { has: chart.locator('td:first-child', { hasText: /^Hemoglobin A1c$/ }) }).first();
  await expect(row).toHaveCSS('outline-style', 'solid');
  await panel.close();
  await chart.close();
});
