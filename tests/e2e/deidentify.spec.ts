/**
 * What would leave the browser, read through the real extension: for each demo patient, the panel's
 * preview of the de-identified payload contains none of the patient's banner identifiers and none
 * of the identifiers planted in the notes and messages, and the leak guard passes it.
 */
import { fullName, patients } from '../../scripts/portal/patients.mjs';
import { openChartAndRead } from '../support/panel';
import { expect, test } from '../support/fixtures';

function identifiersOf(p: (typeof patients)[number]): string[] {
  // Street, unit and city as written; the ZIP code on its own (the state may stay).
  const addressParts = p.address
    .split(',')
    .map((s: string) => s.trim())
    .filter((s: string) => !/^[A-Z]{2} \d{5}$/.test(s));
  const zip = p.address.match(/\b\d{5}\b/)![0];
  return [
    ...fullName(p).split(/\s+/),
    p.name.family,
    p.birthDate,
    p.mrn,
    p.phone,
    p.phone
      .replace(/\D/g, '')
      .slice(-7)
      .replace(/(\d{3})(\d{4})/, '$1-$2'),
    p.email,
    ...addressParts,
    zip,
    p.insurance,
    ...p.planted,
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const patient of patients) {
  for (const layout of ['dashboard', 'document']) {
    test(`the payload for ${fullName(patient)} (${layout}) carries none of their identifiers`, async ({
      ext,
      portalUrl,
    }) => {
      const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patient.id}/${layout}`);
      await panel.getByRole('button', { name: 'Preview what would be sent' }).click();
      const preview = panel.getByRole('region', { name: 'What would be sent' });
      await expect(preview.getByRole('status')).toHaveText('Leak guard: no identifiers found in the text below.');
      const text = await preview.getByLabel('De-identified text').innerText();
      expect(text).toContain('[PATIENT]');
      expect(text).toMatch(/\[med-1\] /); // item ids stay, for citations
      for (const value of identifiersOf(patient)) {
        expect(text, `"${value}" must not be sent`).not.toMatch(
          new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, 'iu'),
        );
      }
      // Clinical content survives.
      for (const problem of patient.problems) expect(text).toContain(problem.name);
      await panel.close();
      await chart.close();
    });
  }
}

test('the clinician redacts more, keeps a false positive, and cannot keep the patient’s name', async ({
  ext,
  portalUrl,
}) => {
  const [patient] = patients;
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patient.id}/dashboard`);
  await panel.getByRole('button', { name: 'Preview what would be sent' }).click();
  const preview = panel.getByRole('region', { name: 'What would be sent' });
  const text = preview.getByLabel('De-identified text');

  // Select "pill organizer" in the preview and redact it.
  await text.evaluate((pre: Element) => {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('pill organizer');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'pill organizer'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await preview.getByRole('button', { name: 'Redact selected text' }).click();
  await expect(text).not.toContainText('pill organizer');
  await expect(text).toContainText('[REDACTED-1]');

  // Wilson Park is a public park, the clinician decides: keep it.
  const place = text.getByRole('button', { name: /^\[LOCATION-\d+\], review$/ });
  const count = await place.count();
  let kept = false;
  for (let i = 0; i < count && !kept; i++) {
    await place.nth(i).click();
    const dialog = preview.getByRole('dialog', { name: 'Review a removed value' });
    if ((await dialog.innerText()).includes('Wilson Park')) {
      await dialog.getByRole('button', { name: 'Not an identifier — keep it' }).click();
      kept = true;
    } else await dialog.getByRole('button', { name: 'Close' }).click();
  }
  expect(kept).toBe(true);
  await expect(text).toContainText('Wilson Park');

  // The patient's own name cannot be kept.
  await text.getByRole('button', { name: '[PATIENT], review' }).first().click();
  const dialog = preview.getByRole('dialog', { name: 'Review a removed value' });
  await expect(dialog).toContainText('always removed');
  await expect(dialog.getByRole('button', { name: 'Not an identifier — keep it' })).toHaveCount(0);
  await expect(preview.getByRole('status').first()).toHaveText('Leak guard: no identifiers found in the text below.');
  await panel.close();
  await chart.close();
});

test('the date policy chosen in settings decides how dates leave', async ({ ext, portalUrl }) => {
  const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patients[1].id}/dashboard`);
  await panel.getByRole('button', { name: 'Preview what would be sent' }).click();
  const text = panel.getByLabel('De-identified text');
  await expect(text).toContainText(/\[DATE-\d+ \(20\d\d\)\]/);
  await expect(panel.getByText('Dates: year only (Safe Harbor).')).toBeVisible();

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('radio', { name: /Days from the page’s date/ }).check();
  await expect(options.getByTestId('date-policy-status')).toHaveText('Saved.');

  // The open panel follows the setting at once.
  await expect(text).toContainText(/\[DATE-\d+ \([+-]?\d+ days|day 0\)\]/);
  await expect(panel.getByText('Dates: days from the page’s date (not Safe Harbor).')).toBeVisible();
  // Back to the default for the other tests in this browser.
  await options.getByRole('radio', { name: /Year only/ }).check();
  await expect(text).toContainText(/\[DATE-\d+ \(20\d\d\)\]/);
  await options.close();
  await panel.close();
  await chart.close();
});
