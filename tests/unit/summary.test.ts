import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { renderMessages } from '../../scripts/portal/layouts/messages.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import { captureRecord } from '../../utils/capture/capture';
import { runOffline } from '../../utils/draft/offline';
import { TaskOutputSchema } from '../../utils/draft/schema';
import { allItems } from '../../utils/record/schema';
import { loadPage } from './load-page';

async function recordOf(index: number) {
  loadPage(renderDashboard(patients[index]));
  let n = 0;
  return captureRecord(document, { register: () => `r${++n}` });
}

describe('offline chart summary', () => {
  it('counts what it lists: the synopsis names as many current medicines as the Medications section shows', async () => {
    const record = await recordOf(1); // one of James's five medicines is completed (prednisone)
    const output = runOffline('summary', record);
    const listed = output.sections.find((s) => s.heading === 'Medications')!.statements.length;
    expect(listed).toBe(4);
    expect(output.sections[0].statements[0].text).toContain(
      '4 current medications (one more listed as completed or stopped)',
    );
  });

  it('lists each result under one heading: a problem’s evidence is not repeated under Abnormal results', async () => {
    for (const index of [0, 1, 2]) {
      const output = runOffline('summary', await recordOf(index));
      const lists = output.sections.filter((s) => s.heading !== 'Synopsis');
      const labIds = lists.flatMap((s) => [
        ...new Set(s.statements.flatMap((st) => st.cites.filter((id) => id.startsWith('lab-')))),
      ]);
      expect(labIds.length, `patient ${index}`).toBeGreaterThan(0);
      expect(new Set(labIds).size, `patient ${index}`).toBe(labIds.length);
    }
  });

  it('says which lists the page did not show, in one clause', async () => {
    loadPage(renderMessages(patients[0]));
    const record = await captureRecord(document, { register: () => 'r' });
    const text = runOffline('summary', record).sections[0].statements[0].text;
    expect(text).toMatch(/: problems, medications and allergies not read from this page\.$/);
  });

  it('is deterministic and valid', async () => {
    const record = await recordOf(0);
    const a = runOffline('summary', record);
    const b = runOffline('summary', record);
    expect(a).toEqual(b);
    expect(TaskOutputSchema.parse(a).engine).toBe('offline');
  });

  it('cites only items that exist in the record', async () => {
    const record = await recordOf(0);
    const ids = new Set(allItems(record).map(({ item }) => item.id));
    const output = runOffline('summary', record);
    const cited = output.sections.flatMap((s) => s.statements.flatMap((st) => st.cites));
    expect(cited.length).toBeGreaterThan(10);
    for (const id of cited) expect(ids).toContain(id);
  });

  it('puts active problems with their latest supporting result, and leaves resolved ones to the end', async () => {
    const record = await recordOf(0);
    const output = runOffline('summary', record);
    const active = output.sections.find((s) => s.heading === 'Active problems')!;
    expect(active.statements[0].text).toMatch(
      /^Type 2 diabetes mellitus with hyperglycemia \(since 2011\) — Hemoglobin A1c 8\.4 %/,
    );
    expect(active.statements[0].text).toContain('previously 7.9 on 05/01/2026');
    expect(active.statements.map((s) => s.text).join()).not.toContain('Acute bronchitis');
    expect(output.sections.find((s) => s.heading === 'Past problems')!.statements[0].text).toContain(
      'Acute bronchitis',
    );
    expect(output.sections.find((s) => s.heading === 'Not read')!.statements[0].text).toContain('Immunizations');
  });

  it('leaves completed medications out of the current list', async () => {
    const output = runOffline('summary', await recordOf(1));
    const meds = output.sections
      .find((s) => s.heading === 'Medications')!
      .statements.map((s) => s.text)
      .join('\n');
    expect(meds).toContain('Omeprazole 20 mg PO daily');
    expect(meds).not.toContain('Prednisone');
  });
});
