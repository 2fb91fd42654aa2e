/**
 * Capture quality held as a test, through the real extension and by the shared matching rule
 * (scripts/lib/truth-score.mjs): the pages real EHR software rendered (../shared/real-pages,
 * skipped with one line when absent) and the team's independent fixture layouts. `npm run
 * eval:capture` prints the same figures in full.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { captureThroughExtension } from '../../scripts/lib/browser.mjs';
import { serveDirectory } from '../../scripts/lib/serve.mjs';
import { aggregateScores, CATEGORIES, PATIENT_FIELDS, scoreRecord } from '../../scripts/lib/truth-score.mjs';
import { expect, test } from '../support/fixtures';
import type { ExtensionBrowser } from '../support/panel';

const REAL_PAGES = resolve(process.cwd(), '..', 'shared', 'real-pages');
const FIXTURES = ['tests/fixtures/layouts', 'tests/fixtures/heldout'].map((dir) => resolve(process.cwd(), dir));
const realPresent = existsSync(resolve(REAL_PAGES, 'truth'));
if (!realPresent) console.log('capture quality: ../shared/real-pages not found — real pages skipped');

type Truth = { page: string; family: string };

/** Reads every page of a folder with truth through the extension and scores it. */
async function scoreFolder(ext: ExtensionBrowser, root: string) {
  const server = await serveDirectory(root);
  const pages = [];
  try {
    for (const file of readdirSync(resolve(root, 'truth')).filter((f) => f.endsWith('.json'))) {
      const truth: Truth = JSON.parse(readFileSync(resolve(root, 'truth', file), 'utf8'));
      const tab = await ext.context.newPage();
      await tab.goto(`${server.url}/${truth.page}`, { waitUntil: 'load' });
      const result = await captureThroughExtension(ext, tab);
      await tab.close();
      expect(result?.ok, `${truth.page}: ${result?.error?.message}`).toBe(true);
      pages.push({ page: truth.page, family: truth.family, score: scoreRecord(result.value, truth) });
    }
  } finally {
    await server.close();
  }
  return aggregateScores(pages);
}

/** Per family: recall ≥ 0.98 and precision ≥ 0.95 in every category the family shows, every patient field found. */
function expectQuality(byFamily: ReturnType<typeof aggregateScores>['byFamily']) {
  for (const [family, totals] of Object.entries(byFamily)) {
    for (const category of CATEGORIES) {
      const t = totals.categories[category];
      if (t.truthItems) expect(t.recall, `${family} ${category} recall`).toBeGreaterThanOrEqual(0.98);
      if (t.recordItems) expect(t.precision, `${family} ${category} precision`).toBeGreaterThanOrEqual(0.95);
    }
    for (const field of PATIENT_FIELDS) {
      const p = totals.patient[field];
      expect(p.found, `${family} patient ${field}`).toBe(p.pages);
    }
    expect(totals.patient.identifiers.found, `${family} identifiers`).toBe(totals.patient.identifiers.shown);
  }
}

test('the pages real EHR software renders: per family, recall ≥ 0.98 and precision ≥ 0.95 in every category, every patient field', async ({
  ext,
}) => {
  test.skip(!realPresent, '../shared/real-pages not found');
  test.setTimeout(120_000);
  expectQuality((await scoreFolder(ext, REAL_PAGES)).byFamily);
});

test('the team’s independent fixture layouts (legacy tables, Bootstrap, virtual grid, flowsheet, accordion, printed report, chart review)', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  for (const root of FIXTURES) expectQuality((await scoreFolder(ext, root)).byFamily);
});

test('layout that only CSS or a printer’s columns give: a CSS-grid handoff sheet, a fixed-width health summary, a hub of CSS-grid tiles, a chart of inline pills and subtitled card titles, an ED workspace and an eye-clinic checklist read in every category', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  // Pages written by people who had not read the reader (tests/fixtures/fresh): rows and entries without table or list
  // markup, and tables that exist only as columns of monospaced text.
  const families = [
    'kardex-handoff',
    'cprs-health-summary',
    'nextgen-summary',
    'behavioral-health-chart',
    'ed-provider-workspace',
    'ophtho-exam-chart',
  ];
  for (const set of ['unseen2', 'unseen3', 'unseen4', 'unseen5', 'unseen6']) {
    const { byFamily } = await scoreFolder(ext, resolve(process.cwd(), 'tests/fixtures/fresh', set));
    for (const [family, totals] of Object.entries(byFamily)) {
      if (!families.includes(family)) continue;
      for (const category of CATEGORIES) {
        const t = totals.categories[category];
        if (t.truthItems) expect(t.recall, `${family} ${category} recall`).toBeGreaterThanOrEqual(0.98);
      }
    }
  }
});
