/**
 * Layout adapters on saved fixture pages (tests/fixtures/pages, written by scripts/save-fixtures.mjs):
 * each adapter recognises its own layout and no other, and the record read from each saved page
 * matches what a clinician sees on it (tests/fixtures/expected). Frames and shadow roots need a
 * real browser: the tabbed chart is read in the e2e tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capturedKeys, EXPECTED_ADAPTER } from '../../scripts/portal/expected.mjs';
import { ADAPTERS, findAdapter } from '../../utils/capture/adapters';
import { captureRecord } from '../../utils/capture/capture';
import { loadPage } from './load-page';

const page = (layout: string) => readFileSync(`tests/fixtures/pages/${layout}.html`, 'utf8');
const expected = (layout: string) => JSON.parse(readFileSync(`tests/fixtures/expected/${layout}.json`, 'utf8'));

describe('layout detection', () => {
  for (const [layout, name] of Object.entries(EXPECTED_ADAPTER)) {
    it(`recognises the ${layout} page as "${name}", and only that`, () => {
      loadPage(page(layout));
      expect(findAdapter(document)?.name).toBe(name);
      expect(ADAPTERS.filter((a) => a.detect(document)).map((a) => a.name)).toEqual([name]);
    });
  }

  it('recognises no layout on a page it has never seen, and the generic reader still reads it', async () => {
    document.body.innerHTML =
      '<h2>Allergies</h2><p>Latex — rash</p><h2>Current Meds</h2><p>Levothyroxine 50 mcg PO daily</p>';
    expect(findAdapter(document)).toBeUndefined();
    const record = await captureRecord(document, { register: () => 'r' });
    expect(record.capture.adapter).toBe('generic');
    expect(record.allergies.map((a) => a.substance)).toEqual(['Latex']);
    expect(record.medications.map((m) => m.name)).toEqual(['Levothyroxine']);
  });
});

describe('capture of saved pages', () => {
  for (const layout of ['dashboard', 'document', 'appgrid', 'messages', 'note']) {
    it(`reads ${layout}.html as expected/${layout}.json says`, async () => {
      loadPage(page(layout));
      const record = await captureRecord(document, { register: () => 'r' });
      const want = expected(layout);
      const got = capturedKeys(record);
      for (const category of [
        'problems',
        'medications',
        'allergies',
        'labs',
        'immunizations',
        'procedures',
        'notes',
        'messages',
      ] as const) {
        expect(got[category], category).toEqual(want[category]);
      }
      expect([...got.vitals].sort()).toEqual([...want.vitals].sort());
      expect(record.patient.birthDate).toBe(want.banner.birthDate);
      expect(record.patient.name).toContain(want.banner.name);
    });
  }
});
