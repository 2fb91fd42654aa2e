/**
 * Pages rendered by real EHR software (../shared/real-pages: the HL7 stylesheet's C-CDA view and
 * Medplum's chart), read through the real extension. Skipped, with one line, when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDirectory } from '../../scripts/lib/serve.mjs';
import { expect, test } from '../support/fixtures';
import { openChartAndRead } from '../support/panel';

const REAL_PAGES = resolve(process.cwd(), '..', 'shared', 'real-pages');
const present = existsSync(resolve(REAL_PAGES, 'truth'));
if (!present) console.log('real pages: ../shared/real-pages not found — skipped');

type Truth = {
  page: string;
  patient: { given: string; family: string };
  allergies: unknown[];
  problems: unknown[];
  labs: unknown[];
};
const truthOf = (name: string): Truth => JSON.parse(readFileSync(resolve(REAL_PAGES, 'truth', `${name}.json`), 'utf8'));

test.describe('real EHR pages', () => {
  test.skip(!present, '../shared/real-pages not found');
  let server: { url: string; close: () => Promise<void> };
  test.beforeAll(async () => {
    server = await serveDirectory(REAL_PAGES);
  });
  test.afterAll(async () => server?.close());

  test('a C-CDA document through the HL7 stylesheet: the patient and every clinical section are read, past the header', async ({
    ext,
  }) => {
    const truth = truthOf('CCD_1');
    const { chart, panel } = await openChartAndRead(ext, `${server.url}/${truth.page}`);
    const record = panel.getByRole('region', { name: 'Captured record' });
    await expect(record).toContainText(truth.patient.family);
    for (const category of ['problems', 'medications', 'allergies', 'vitals', 'labs', 'immunizations']) {
      await expect(record.locator(`[data-category="${category}"]`)).toBeVisible();
    }
    await expect(panel.getByTestId('category-states').locator('li')).toHaveCount(0); // every key list was shown and read
    await expect(panel.getByTestId('coverage')).toContainText(
      /Read \d+% of the page’s text as the patient’s details and chart items/,
    );
    await panel.close();
    await chart.close();
  });

  test('a Medplum chart: allergies, labs and vitals are read, and a list the page shows as empty says so in the page’s words', async ({
    ext,
  }) => {
    const truth = truthOf('synthea-antonio-runolfsson');
    expect(truth.allergies).toEqual([]);
    const { chart, panel } = await openChartAndRead(ext, `${server.url}/${truth.page}`);
    const record = panel.getByRole('region', { name: 'Captured record' });
    await expect(record).toContainText(truth.patient.family);
    for (const category of ['problems', 'labs', 'vitals'])
      await expect(record.locator(`[data-category="${category}"]`)).toBeVisible();
    const allergies = panel.getByTestId('category-states').locator('li', { hasText: 'Allergies' });
    await expect(allergies).toHaveAttribute('data-state', 'empty');
    await expect(allergies).toHaveText('Allergies: none, as the page states.');
    await panel.close();
    await chart.close();
  });
});
