/**
 * Verification on drafts with planted errors and on faithful ones. The drafts are the offline
 * engine's summaries of the demo charts (faithful by construction) and copies of them with one
 * planted error each: a wrong dose, a wrong lab value, a drug the patient does not take, a
 * contradicted allergy, a wrong patient detail — 5 kinds × 3 patients × 2 layouts = 30 drafts.
 */
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { renderDocument } from '../../scripts/portal/layouts/document.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import { captureRecord } from '../../utils/capture/capture';
import { runOffline } from '../../utils/draft/offline';
import type { TaskOutput } from '../../utils/draft/schema';
import type { PatientRecord } from '../../utils/record/schema';
import { verifyOutput } from '../../utils/verify/verify';
import { loadPage } from './load-page';

type Plant = (output: TaskOutput, record: PatientRecord) => { output: TaskOutput; planted: string } | undefined;

function editStatement(
  output: TaskOutput,
  heading: string,
  edit: (text: string) => string | undefined,
): TaskOutput | undefined {
  const copy: TaskOutput = structuredClone(output);
  for (const section of copy.sections) {
    if (section.heading !== heading) continue;
    for (const statement of section.statements) {
      const changed = edit(statement.text);
      if (changed !== undefined && changed !== statement.text) {
        statement.text = changed;
        return copy;
      }
    }
  }
  return undefined;
}

const PLANTS: Record<string, Plant> = {
  'wrong dose': (output) => {
    const changed = editStatement(output, 'Medications', (t) =>
      /\b(\d+) (mg|mcg)\b/.test(t)
        ? t.replace(/\b(\d+) (mg|mcg)\b/, (_, n, u) => `${Number(n) * 2 + 5} ${u}`)
        : undefined,
    );
    return changed && { output: changed, planted: 'number' };
  },
  'wrong lab value': (output) => {
    const changed = editStatement(output, 'Abnormal results', (t) =>
      t.replace(/^(\D+?)(\d+(?:\.\d+)?)/, (_, name, n) => `${name}${(Number(n) * 3 + 1.3).toFixed(1)}`),
    );
    return changed && { output: changed, planted: 'number' };
  },
  'drug not taken': (output) => {
    const copy = structuredClone(output);
    copy.sections
      .find((s) => s.heading === 'Medications')!
      .statements.push({ text: 'Warfarin daily, per INR', cites: [] });
    return { output: copy, planted: 'drug' };
  },
  'contradicted allergy': (output, record) => {
    const copy = structuredClone(output);
    const allergies = copy.sections.find((s) => s.heading === 'Allergies')!;
    allergies.statements = [
      { text: record.allergies.length ? 'No known drug allergies.' : 'Allergic to penicillin (hives).', cites: [] },
    ];
    return { output: copy, planted: 'allergy' };
  },
  'wrong patient detail': (output) => {
    // The age where the page shows one; otherwise the sex.
    const changed = editStatement(output, 'Synopsis', (t) =>
      /^\d+-year-old/.test(t)
        ? t.replace(/^(\d+)-year-old/, (_, age) => `${Number(age) + 11}-year-old`)
        : t.replace(/^(Female|Male)\b/, (sex) => (sex === 'Female' ? 'Male' : 'Female')),
    );
    return changed && { output: changed, planted: 'patient' };
  },
};

async function records(): Promise<PatientRecord[]> {
  const out: PatientRecord[] = [];
  for (const render of [renderDashboard, renderDocument]) {
    for (const patient of patients) {
      loadPage(render(patient));
      let n = 0;
      out.push(await captureRecord(document, { register: () => `r${++n}` }));
    }
  }
  return out;
}

describe('verification', () => {
  it('flags every planted error, and at most 5% of faithful statements', async () => {
    let faithful = 0;
    let falsePositives = 0;
    let planted = 0;
    let caught = 0;
    const missed: string[] = [];
    for (const record of await records()) {
      const output = runOffline('summary', record);
      const clean = verifyOutput(output, record);
      faithful += clean.checked;
      falsePositives += new Set(clean.unsupported.map((f) => `${f.section}.${f.statement}`)).size;
      for (const [name, plant] of Object.entries(PLANTS)) {
        const case_ = plant(output, record);
        expect(case_, `${name} could be planted for ${record.patient.name}`).toBeDefined();
        planted++;
        const found = verifyOutput(case_!.output, record).unsupported.filter((f) => f.kind === case_!.planted);
        if (found.length) caught++;
        else missed.push(`${name} — ${record.patient.name}`);
      }
    }
    expect(planted).toBe(30);
    expect(missed, missed.join('\n')).toEqual([]);
    expect(caught).toBe(30);
    expect(falsePositives / faithful).toBeLessThanOrEqual(0.05);
    console.log(
      `verification: ${caught}/${planted} planted errors flagged; ${falsePositives}/${faithful} faithful statements flagged (${((100 * falsePositives) / faithful).toFixed(1)}%)`,
    );
  });

  it('says which words are unsupported and why', () => {
    const record = {
      ...({} as PatientRecord),
      patient: { age: '68', sex: 'Female', identifiers: [], phones: [], emails: [] },
      problems: [],
      medications: [
        { id: 'med-1', text: 'Metformin 1000 mg PO twice daily', ref: 'r1', name: 'Metformin', dose: '1000 mg' },
      ],
      allergies: [{ id: 'alg-1', text: 'Penicillin — Hives', ref: 'r2', substance: 'Penicillin' }],
      vitals: [],
      labs: [],
      immunizations: [],
      procedures: [],
      notes: [],
      messages: [],
      other: [],
    } as PatientRecord;
    const result = verifyOutput(
      {
        task: 'summary',
        engine: 'model',
        title: 't',
        sections: [
          {
            heading: 'H',
            statements: [
              { text: 'Metformin 500 mg twice daily', cites: ['med-1'] },
              { text: 'Start lisinopril', cites: ['med-9'] },
              { text: 'A 72-year-old man with no known allergies.', cites: [] },
            ],
          },
        ],
      },
      record,
    );
    expect(result.unsupported.map((f) => [f.kind, f.value])).toEqual([
      ['number', '500'],
      ['citation', 'med-9'],
      ['drug', 'lisinopril'],
      ['allergy', 'no known allergies'],
      ['patient', '72-year-old'],
      ['patient', 'man'],
    ]);
  });
});
