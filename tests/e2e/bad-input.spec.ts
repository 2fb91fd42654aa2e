/**
 * Bad pages, through the real extension: no patient, a frame that never loads, a page that keeps
 * changing while it is read. Each ends in a record or a clear message, never a hang.
 */
import { patients } from '../../scripts/portal/patients.mjs';
import { captureThroughExtension, clickToolbarButton, openPanel } from '../../scripts/lib/browser.mjs';
import { expect, test } from '../support/fixtures';

test('a page with no patient says so in the panel', async ({ ext, portalUrl }) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/`); // the portal's patient list: no chart on it
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  await panel.getByRole('button', { name: 'Read this page' }).click();
  await expect(panel.getByRole('status')).toContainText('No patient record was found on this page');
  await panel.close();
  await chart.close();
});

test('a frame that never finishes loading is reported, and the rest of the page is read', async ({
  ext,
  portalUrl,
}) => {
  const chart = await ext.context.newPage();
  await chart.route('**/frame/labs', () => {
    /* never answered: the frame stays loading */
  });
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/tabbed`, { waitUntil: 'domcontentloaded' });
  await chart.getByRole('heading', { name: 'Problems' }).waitFor();
  const result = await captureThroughExtension(ext, chart);
  expect(result.ok).toBe(true);
  expect(result.value.capture.skipped.join(' ')).toContain('had not finished loading');
  expect(result.value.problems).toHaveLength(patients[0].problems.length);
  expect(result.value.labs).toHaveLength(0);
  await chart.close();
});

test('a page that keeps changing while it is read still gives a valid record', async ({ ext, portalUrl }) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/dashboard`);
  await chart.evaluate(() => {
    // Live updates: rows appear and vanish, a clock ticks, every few milliseconds.
    const tbody = document.querySelector<HTMLTableSectionElement>('#card-labs tbody')!;
    let n = 0;
    const timer = setInterval(() => {
      const row = document.createElement('tr');
      row.innerHTML = `<td>Troponin</td><td>${n++}</td><td>ng/L</td><td>0-14</td><td></td><td>11/26/2026</td>`;
      tbody.append(row);
      if (tbody.rows.length > 12) tbody.rows[tbody.rows.length - 2].remove();
      document.title = `Chart ${n}`;
    }, 2);
    (window as unknown as { stopUpdates: () => void }).stopUpdates = () => clearInterval(timer);
  });
  const result = await captureThroughExtension(ext, chart);
  expect(result.ok).toBe(true);
  expect(result.value.problems).toHaveLength(patients[0].problems.length);
  expect(result.value.medications).toHaveLength(patients[0].medications.length);
  expect(result.value.labs.length).toBeGreaterThanOrEqual(patients[0].labs.length);
  await chart.evaluate(() => (window as unknown as { stopUpdates: () => void }).stopUpdates());
  await chart.close();
});

test('10,000 levels of nesting are read without exhausting the stack', async ({ ext, portalUrl }) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/note`);
  await chart.evaluate(() => {
    document.querySelector('main')!.innerHTML =
      `<h2>Problems</h2>${'<div>'.repeat(10000)}<p>Asthma (active)</p>${'</div>'.repeat(10000)}`;
  });
  const result = await captureThroughExtension(ext, chart);
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  expect(result.value.problems.map((p: { name: string }) => p.name)).toEqual(['Asthma']);
  await chart.close();
});
