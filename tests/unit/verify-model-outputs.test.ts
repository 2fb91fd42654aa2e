/**
 * Verification on model outputs: 12 faithful answers (3 demo patients × 4 tasks, in each task's
 * model schema) and 30 with one hand-planted error each — wrong doses and values, drugs the
 * patient does not take, contradicted allergies, wrong patient details, planted instructions
 * (tests/fixtures/model-outputs/outputs.mjs). Every planted error must be flagged; at most 5% of
 * faithful statements may be.
 */
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import { faithful, planted } from '../fixtures/model-outputs/outputs.mjs';
import { captureRecord } from '../../utils/capture/capture';
import { outputFromModelAnswer } from '../../utils/draft/model';
import type { TaskOutput } from '../../utils/draft/schema';
import type { PatientRecord } from '../../utils/record/schema';
import { verifyOutput } from '../../utils/verify/verify';
import { loadPage } from './load-page';

async function recordOf(index: number): Promise<PatientRecord> {
  loadPage(renderDashboard(patients[index]));
  let n = 0;
  return captureRecord(document, { register: () => `r${++n}` });
}

const statements = (output: TaskOutput) =>
  output.sections.flatMap((s, si) => s.statements.map((st, i) => ({ key: `${si}.${i}`, text: st.text })));

describe('verification on model outputs', () => {
  it('flags every planted error and at most 5% of faithful statements', async () => {
    // One after another: the pages share the one test document, and capture yields while it reads.
    const records: PatientRecord[] = [];
    for (const index of [0, 1, 2]) records.push(await recordOf(index));
    expect(faithful.length + planted.length).toBeGreaterThanOrEqual(30);
    expect(planted.length).toBeGreaterThanOrEqual(30);

    let faithfulStatements = 0;
    const falsePositives: string[] = [];
    for (const entry of faithful) {
      const output = outputFromModelAnswer(entry.task, entry.answer);
      const result = verifyOutput(output, records[entry.patient]);
      faithfulStatements += result.checked;
      for (const f of result.unsupported) falsePositives.push(`${entry.id} ${f.kind} "${f.value}": ${f.reason}`);
    }

    const missed: string[] = [];
    const byKind = new Map<string, [number, number]>();
    for (const plant of planted) {
      const base = faithful.find((f) => f.id === plant.base)!;
      const json = JSON.stringify(base.answer);
      expect(json, plant.id).toContain(JSON.stringify(plant.find).slice(1, -1));
      const answer = JSON.parse(
        json.replace(JSON.stringify(plant.find).slice(1, -1), JSON.stringify(plant.replace).slice(1, -1)),
      );
      const output = outputFromModelAnswer(base.task, answer);
      const changed = statements(output).find((s) => s.text.includes(plant.replace))!;
      const result = verifyOutput(output, records[base.patient]);
      const caught = result.unsupported.some((f) => `${f.section}.${f.statement}` === changed.key);
      const [n, c] = byKind.get(plant.kind) ?? [0, 0];
      byKind.set(plant.kind, [n + 1, c + (caught ? 1 : 0)]);
      if (!caught) missed.push(`${plant.id}: "${changed.text}"`);
    }

    const caught = planted.length - missed.length;
    console.log(
      `verification on model outputs: ${caught}/${planted.length} planted errors flagged (${[...byKind].map(([k, [n, c]]) => `${k} ${c}/${n}`).join(', ')}); ` +
        `${falsePositives.length}/${faithfulStatements} faithful statements flagged (${((100 * falsePositives.length) / faithfulStatements).toFixed(1)}%) in ${faithful.length} faithful outputs`,
    );
    expect(missed, missed.join('\n')).toEqual([]);
    expect(falsePositives.length / faithfulStatements, falsePositives.join('\n')).toBeLessThanOrEqual(0.05);
  });
});
