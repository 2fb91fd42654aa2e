import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../utils/draft/budget';
import { prepareSend } from '../../utils/pipeline/prepare';
import { runTask } from '../../utils/pipeline/run';
import { emptyRecord } from '../../utils/record/schema';

/** A chart of dated results: every date becomes a longer placeholder ("[DATE-12 (2021)]"). */
function datedChart(results: number) {
  const record = emptyRecord({
    url: 'https://ehr.example.org/chart',
    title: 'Chart',
    capturedAt: '2025-06-01T10:00:00Z',
  });
  record.patient = {
    ...record.patient,
    name: 'Ravi Desai',
    birthDate: '1970-02-03',
    identifiers: [{ type: 'MRN', value: '77123456' }],
  };
  record.capture.patientIdentified = true;
  for (let i = 0; i < results; i++) {
    const date = `${String((i % 12) + 1).padStart(2, '0')}/${String((i % 27) + 1).padStart(2, '0')}/${2000 + Math.floor(i / 30)}`;
    record.labs.push({
      id: `lab-${i + 1}`,
      text: `Sodium ${140 + (i % 5)} mmol/L ${date}`,
      ref: `r${i}`,
      test: 'Sodium',
      value: String(140 + (i % 5)),
      unit: 'mmol/L',
      time: date,
    });
  }
  return record;
}

describe('the pipeline', () => {
  it('keeps what is sent within the token budget, measured after de-identification', () => {
    const prepared = prepareSend(datedChart(3000), { task: 'summary', tokenBudget: 4000, datePolicy: 'safe-harbor' });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(estimateTokens(prepared.value.payload.text)).toBeLessThanOrEqual(4000);
    expect(prepared.value.budgeted.omitted.join(' ')).toMatch(/older lab results/);
  });

  it('sends a small chart whole', () => {
    const prepared = prepareSend(datedChart(5), { task: 'summary', tokenBudget: 8000, datePolicy: 'safe-harbor' });
    expect(prepared.ok && prepared.value.budgeted.omitted).toEqual([]);
  });

  it('runs the offline engine with verification computed once, and an audit entry with no PHI', async () => {
    const outcome = await runTask(datedChart(5), {
      task: 'summary',
      tokenBudget: 8000,
      datePolicy: 'safe-harbor',
      engine: { engine: 'offline' },
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.verification.checked).toBeGreaterThan(0);
    expect(outcome.audit).toEqual({ task: 'summary', engine: 'offline', counts: {}, outcome: 'drafted' });
    expect(JSON.stringify(outcome.audit)).not.toMatch(/Desai|77123456/);
  });
});
