/**
 * Every portal layout family, read through the real extension: card dashboard, C-CDA document
 * view, app-style div grid (hashed classes, "Show all N entries"), a tabbed chart (same-origin
 * iframe, open shadow root, a closed tab), a heading-less portal message thread, and a plain
 * free-text note. Checked against what the page shows, from source data.
 */
import { patients } from '../../scripts/portal/patients.mjs';
import { capturedKeys, EXPECTED_ADAPTER, expectedRecord } from '../../scripts/portal/expected.mjs';
import { layouts } from '../../scripts/portal/server.mjs';
import { captureThroughExtension } from '../../scripts/lib/browser.mjs';
import { expect, test } from '../support/fixtures';

for (const layout of Object.keys(layouts)) {
  test(`the ${layout} layout is read completely for every patient`, async ({ ext, portalUrl }) => {
    for (const patient of patients) {
      const page = await ext.context.newPage();
      await page.goto(`${portalUrl}/patient/${patient.id}/${layout}`, { waitUntil: 'load' });
      const result = await captureThroughExtension(ext, page);
      await page.close();
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
      const record = result.value;
      expect(record.capture.adapter).toBe(EXPECTED_ADAPTER[layout as keyof typeof EXPECTED_ADAPTER]);
      const expected = expectedRecord(patient, layout);
      const got = capturedKeys(record);
      for (const category of [
        'problems',
        'allergies',
        'labs',
        'immunizations',
        'procedures',
        'notes',
        'messages',
      ] as const) {
        expect(got[category], `${patient.id} ${category}`).toEqual(expected[category]);
      }
      // A flowsheet reads vital by vital, a table date by date: the same values either way.
      expect([...got.vitals].sort(), `${patient.id} vitals`).toEqual([...expected.vitals].sort());
      expect(got.medications).toHaveLength(expected.medications.length);
      expect(record.patient.birthDate).toBe(patient.birthDate);
      expect(record.patient.identifiers).toContainEqual({ type: 'MRN', value: patient.mrn });
    }
  });
}

test('the app view says how many entries hide behind "Show all", and the tabbed chart names its closed tab', async ({
  ext,
  portalUrl,
}) => {
  const page = await ext.context.newPage();
  await page.goto(`${portalUrl}/patient/${patients[0].id}/appgrid`);
  const grid = await captureThroughExtension(ext, page);
  expect(grid.value.capture.sections).toContainEqual(
    expect.objectContaining({ heading: 'Lab Results', hiddenItems: patients[0].labs.length - 5 }),
  );
  await page.goto(`${portalUrl}/patient/${patients[0].id}/tabbed`, { waitUntil: 'load' });
  const tabbed = await captureThroughExtension(ext, page);
  expect(tabbed.value.capture.sections).toContainEqual(expect.objectContaining({ heading: 'Notes', state: 'hidden' }));
  expect(tabbed.value.allergies.map((a: { substance: string }) => a.substance)).toEqual(
    patients[0].allergies.map((a) => a.substance),
  );
  await page.close();
});

test('a cross-origin frame is reported as skipped, not silently dropped', async ({ ext, portalUrl }) => {
  const page = await ext.context.newPage();
  await page.goto(`${portalUrl}/patient/${patients[0].id}/dashboard`);
  // localhost and 127.0.0.1 are different origins: the frame below is cross-origin.
  const other = portalUrl.replace('127.0.0.1', 'localhost');
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.querySelector('main')!.append(frame);
    return new Promise((resolve) => frame.addEventListener('load', resolve));
  }, `${other}/patient/${patients[1].id}/frame/labs`);
  const result = await captureThroughExtension(ext, page);
  expect(result.ok).toBe(true);
  expect(result.value.capture.skipped.join(' ')).toMatch(/frame from http:\/\/localhost:\d+ was skipped/);
  expect(result.value.labs.map((l: { test: string }) => l.test)).not.toContain('WBC');
  await page.close();
});
