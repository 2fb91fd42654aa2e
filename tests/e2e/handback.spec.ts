/** Hand back: the draft is written into the text field the clinician chose on the EHR page, never submitted. */
import { patients } from '../../scripts/portal/patients.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead } from '../support/panel';

test('insert into page: asks for a field first, then writes the draft into the reply box with input events, without submitting', async ({ ext, portalUrl }) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[0].id}/dashboard`);
  await panel.getByRole('button', { name: 'Summarize' }).click();
  await panel.getByRole('button', { name: 'Insert into page' }).click();
  await expect(panel.getByRole('alert')).toContainText('Click into the text field on the page');

  const url = chart.url();
  await chart.evaluate(() => {
    const box = document.getElementById('reply-box')!;
    (window as unknown as { inputs: number }).inputs = 0;
    box.addEventListener('input', () => (window as unknown as { inputs: number }).inputs++);
    document.querySelector('form')!.addEventListener('submit', () => ((window as unknown as { submitted: boolean }).submitted = true));
  });
  await chart.locator('#reply-box').click();
  await panel.getByRole('button', { name: 'Insert into page' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted into' })).toHaveText('Inserted into “Reply to patient”. Review it there before you send or sign.');
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
