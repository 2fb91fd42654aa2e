/**
 * The audit log through the real extension: drafts are logged without PHI, shown and exported as CSV from the options
 * page.
 */
import { readFileSync } from 'node:fs';
import { fullName, patients } from '../../scripts/portal/patients.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead, useEndpoint } from '../support/panel';

test('each draft is logged with counts and a hash, shown in settings, and exported as CSV with no identifier or key', async ({
  ext,
  portalUrl,
  modelServer: server,
}) => {
  const KEY = 'sk-audit-KEY-0000';
  let restore = async () => {};
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const clear = options.getByRole('button', { name: 'Clear the log' });
  if (await clear.isEnabled()) await clear.click(); // earlier tests in this browser drafted too
  try {
    const patient = patients[1];
    const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patient.id}/dashboard`);
    await panel.getByRole('button', { name: 'Summarize' }).click(); // offline
    await expect(panel.getByRole('article', { name: /offline draft/ })).toBeVisible();

    const endpoint = await useEndpoint(ext, server.baseURL, KEY);
    restore = endpoint.restore;
    server.script(
      { kind: 'answer', content: JSON.stringify({ synopsis: '[PATIENT], asthma.', sections: [] }) },
      { kind: 'status', status: 429 },
      { kind: 'status', status: 429 },
      { kind: 'status', status: 429 },
    );
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('article', { name: /model draft/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('alert')).toContainText('busy');

    const rows = options.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4); // header + 3 drafts
    await expect(rows.nth(1)).toContainText('Failed (rate-limited)');
    await expect(rows.nth(2)).toContainText(`test-model @ 127.0.0.1`);
    await expect(rows.nth(3)).toContainText('offline');

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export as CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/,model,test-model,127\.0\.0\.1:\d+,drafted,,\d+,[0-9a-f]{64},.*PATIENT=\d+/);
    for (const secret of [
      ...fullName(patient).split(' '),
      patient.mrn,
      patient.phone,
      patient.birthDate,
      patient.id,
      KEY,
    ])
      expect(csv).not.toContain(secret);
    await panel.close();
    await chart.close();
  } finally {
    await restore();
    await options.close();
  }
});
