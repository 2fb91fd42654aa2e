/** Context within a budget: what matters first is sent, the rest is listed, the budget holds. */
import { describe, expect, it } from 'vitest';
import { buildPayload, recordText } from '../../utils/deidentify/payload';
import { estimateTokens, withinBudget } from '../../utils/draft/budget';
import { runOffline } from '../../utils/draft/offline';
import { TASKS } from '../../utils/draft/schema';
import { emptyRecord } from '../../utils/record/schema';

/** A long chart: 4 active problems, 5 current medications, 1,500 lab rows over years, 60 notes. */
function longChart() {
  const r = emptyRecord({ url: 'https://ehr.example/p', title: 'Chart', capturedAt: '2026-11-26T12:00:00Z' });
  r.patient = { name: 'Ada Park', age: '71', sex: 'Female', identifiers: [], phones: [], emails: [] };
  r.problems = ['Type 2 diabetes', 'Hypertension', 'CKD stage 3a', 'Hyperlipidemia'].map((name, i) => ({
    id: `prob-${i + 1}`,
    ref: 'r',
    text: `${name} Active`,
    name,
    status: 'Active',
  }));
  r.medications = [
    'Metformin 1000 mg',
    'Lisinopril 20 mg',
    'Atorvastatin 40 mg',
    'Aspirin 81 mg',
    'Empagliflozin 10 mg',
  ].map((text, i) => ({ id: `med-${i + 1}`, ref: 'r', text, name: text.split(' ')[0], status: 'Active' }));
  const tests = ['Hemoglobin A1c', 'Creatinine', 'eGFR', 'Potassium', 'LDL cholesterol'];
  r.labs = Array.from({ length: 1500 }, (_, i) => {
    const time = `${String((i % 12) + 1).padStart(2, '0')}/15/${2010 + Math.floor(i / 100)}`;
    return {
      id: `lab-${i + 1}`,
      ref: 'r',
      text: `${tests[i % 5]} ${(5 + (i % 40) / 10).toFixed(1)} ${time}`,
      test: tests[i % 5],
      value: (5 + (i % 40) / 10).toFixed(1),
      flag: i % 9 ? '' : 'H',
      time,
    };
  });
  r.notes = Array.from({ length: 60 }, (_, i) => ({
    id: `note-${i + 1}`,
    ref: 'r',
    text: `Progress note ${i}. ${'Seen for follow-up of chronic conditions; medications reviewed. '.repeat(12)}`,
    date: `01/${String((i % 28) + 1).padStart(2, '0')}/${2015 + (i % 10)}`,
  }));
  return r;
}

describe('the token budget', () => {
  it('sends a long chart within the budget, at under half its size, with every cited item', () => {
    const record = longChart();
    const full = estimateTokens(recordText(record));
    for (const task of TASKS) {
      const { record: trimmed, omitted } = withinBudget(record, task, 8000);
      const payload = buildPayload(trimmed);
      if (!payload.ok) throw new Error(payload.error.message);
      const sent = estimateTokens(payload.value.text);
      expect(sent, task).toBeLessThanOrEqual(8000);
      expect(sent / full, task).toBeLessThan(0.5);
      for (const id of runOffline(task, record).sections.flatMap((s) => s.statements.flatMap((st) => st.cites)))
        expect(payload.value.text, `${task} cites ${id}`).toContain(`[${id}]`);
      expect(omitted.join(', ')).toMatch(/older lab results/);
    }
  });
  it('keeps recent notes before old ones, and sends a small chart whole', () => {
    const chart = longChart();
    const { record } = withinBudget(chart, 'summary', 8000);
    const year = (n: { date?: string }) => Number(n.date!.slice(-4));
    const left = chart.notes.filter((n) => !record.notes.includes(n));
    expect(record.notes.length && left.length).toBeTruthy();
    expect(Math.min(...record.notes.map(year))).toBeGreaterThanOrEqual(Math.max(...left.map(year)));
    const small = emptyRecord({ url: 'u', title: 't', capturedAt: '2026-11-26T00:00:00Z' });
    expect(withinBudget(small, 'note', 8000)).toMatchObject({ record: small, omitted: [] });
  });
});
