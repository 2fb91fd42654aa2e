import { describe, expect, it } from 'vitest';
import { identifiedChart } from './identified-chart';
import { estimateTokens } from '../../utils/draft/budget';
import { prepareSend } from '../../utils/pipeline/prepare';
import { runTask } from '../../utils/pipeline/run';

/** A chart of dated results: every date becomes a longer placeholder ("[DATE-12 (2021)]"). */
function datedChart(results: number) {
  const record = identifiedChart();
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
