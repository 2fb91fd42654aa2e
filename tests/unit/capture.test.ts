/**
 * Capture on the demo portal's own pages, in happy-dom (no layout engine: the style-based
 * visibility path). The same pages are read in real Chromium by the e2e tests.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { renderDocument } from '../../scripts/portal/layouts/document.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import { captureRecord } from '../../utils/capture/capture';
import { RefRegistry } from '../../utils/capture/refs';
import { PatientRecordSchema } from '../../utils/record/schema';
import { loadPage } from './load-page';

const load = loadPage;

async function capture(options: { selectionOnly?: boolean } = {}) {
  const refs = new RefRegistry();
  const record = await captureRecord(document, { register: (el) => refs.register(el), ...options });
  return { record: PatientRecordSchema.parse(record), refs };
}

describe.each([
  ['dashboard', renderDashboard],
  ['document', renderDocument],
] as const)('capture of the %s layout', (_layout, render) => {
  for (const patient of patients) {
    it(`reads ${patient.id}: banner and every structured item`, async () => {
      load(render(patient));
      const { record, refs } = await capture();
      expect(record.patient.birthDate).toBe(patient.birthDate);
      expect(record.patient.identifiers).toContainEqual({ type: 'MRN', value: patient.mrn });
      expect(record.patient.phones).toContain(patient.phone);
      expect(record.patient.address).toBe(patient.address);
      expect(record.patient.name).toMatch(patient.name.family);
      expect(record.problems.map((p) => p.name)).toEqual(patient.problems.map((p) => p.name));
      expect(record.medications.map((m) => m.name)).toEqual(patient.medications.map((m) => m.name));
      expect(record.medications.map((m) => m.dose)).toEqual(patient.medications.map((m) => m.dose));
      expect(record.allergies.map((a) => [a.substance, a.reaction])).toEqual(
        patient.allergies.map((a) => [a.substance, a.reaction]),
      );
      expect(record.labs.map((l) => [l.test, l.value, l.unit, l.flag ?? ''])).toEqual(
        patient.labs.map((l) => [l.test, l.value, l.unit, l.flag]),
      );
      expect(record.vitals).toHaveLength(patient.vitals.length * 6);
      expect(record.messages.map((m) => m.subject)).toEqual(patient.messages.map((m) => m.subject));
      // Every item leads back to a live element.
      for (const item of [...record.problems, ...record.labs, ...record.notes])
        expect(refs.resolve(item.ref)).toBeDefined();
    });
  }
});

describe('what capture does not read', () => {
  beforeEach(() => load(renderDashboard(patients[0])));

  it('reports a collapsed card instead of reading it', async () => {
    const { record } = await capture();
    expect(record.immunizations).toHaveLength(0);
    expect(record.capture.sections).toContainEqual(
      expect.objectContaining({ heading: 'Immunizations', state: 'collapsed' }),
    );
  });

  it('skips hidden, aria-hidden and template content, and the reply box', async () => {
    document
      .querySelector('#card-problems ul')!
      .insertAdjacentHTML(
        'beforeend',
        '<li style="display:none">Hidden problem</li><li aria-hidden="true">Aria hidden problem</li><template><li>Template problem</li></template>',
      );
    (document.querySelector('#reply-box') as HTMLTextAreaElement).value = 'Draft reply text';
    const { record } = await capture();
    const text = JSON.stringify(record);
    expect(text).not.toContain('Hidden problem');
    expect(text).not.toContain('Aria hidden problem');
    expect(text).not.toContain('Template problem');
    expect(text).not.toContain('Draft reply text');
    expect(text).not.toContain('Reply to patient');
    expect(record.problems).toHaveLength(patients[0].problems.length);
  });

  it('reads only the selection when asked', async () => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('#card-allergies')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const { record } = await capture({ selectionOnly: true });
    expect(record.capture.selectionOnly).toBe(true);
    expect(record.allergies.map((a) => a.substance)).toEqual(['Penicillin', 'Sulfamethoxazole']);
    expect(record.medications).toHaveLength(0);
    expect(record.labs).toHaveLength(0);
  });

  it('says "no known allergies" when the page says so', async () => {
    load(renderDashboard(patients[1]));
    const { record } = await capture();
    expect(record.allergies).toHaveLength(0);
    expect(record.capture.sections).toContainEqual(expect.objectContaining({ category: 'allergies', state: 'empty' }));
  });

  it('returns an empty record, not an error, for a page with no chart', async () => {
    document.body.innerHTML = '<h1>Welcome</h1><p>Please sign in.</p>';
    const { record } = await capture();
    expect(record.patient.name).toBeUndefined();
    expect(record.problems).toHaveLength(0);
  });
});

describe('capture timing', () => {
  it("counts capture's own work apart from the page's turns between its slices", async () => {
    load(renderDashboard(patients[0]));
    // A clock that moves 1 ms a reading while capture works and 100 ms while the page has its turn.
    let now = 0;
    const refs = new RefRegistry();
    const record = await captureRecord(document, {
      register: (el) => refs.register(el),
      clock: () => ++now,
      sliceMs: 5,
      yieldToPage: async () => {
        now += 100;
      },
    });
    const { durationMs, busyMs, longestSliceMs } = record.capture;
    expect(busyMs).toBeGreaterThan(0);
    // Each hand-back cost the page 100 ms that capture did not spend.
    const handBacks = Math.round((durationMs - busyMs!) / 100);
    expect(handBacks).toBeGreaterThanOrEqual(2); // the two setup scans hand back at least once each
    expect(durationMs - busyMs!).toBeCloseTo(handBacks * 100, -1);
    expect(longestSliceMs).toBeLessThanOrEqual(busyMs!);
  });
});
