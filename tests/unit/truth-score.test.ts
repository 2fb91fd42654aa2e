/**
 * The truth scorer (scripts/lib/truth-score.mjs) that `npm run eval:capture` uses on the shared real
 * pages and the layout fixtures: normalisation, names, values, one-to-one matching and precision, on
 * small hand-made records and truth objects (nothing here reads ../shared).
 */
import { describe, expect, it } from 'vitest';
import {
  isGeneric,
  keyNumbers,
  leafMatchesName,
  norm,
  numberMatches,
  scoreRecord,
} from '../../scripts/lib/truth-score.mjs';
import { truth, item, record, problems, recallOf, labMatched, vitalMatched } from './truth-score-helpers';

describe('normalisation', () => {
  it('drops accents, lower-cases, turns runs of punctuation into one space', () => {
    expect(norm('  Ordóñez, José-María  ')).toBe('ordonez jose maria');
    expect(norm('SpO₂')).toBe('spo2');
    expect(norm("Ménière's disease (ICD: H81.0)")).toBe('meniere s disease icd h81 0');
  });

  it('matches names across accents, case and punctuation', () => {
    const t = truth({ problems: [{ name: "Ménière's disease" }, { name: 'Diabetes mellitus, type 2' }] });
    expect(recallOf(record({ problems: problems(["MENIERE'S DISEASE", 'diabetes mellitus type 2']) }), t)).toEqual([
      2, 2,
    ]);
  });
});

describe('name match', () => {
  it('takes a truth name contained as whole words, not inside a word when it is short', () => {
    expect(leafMatchesName(norm('Flu shot given'), norm('Flu'))).toBe(true);
    expect(leafMatchesName(norm('Influenza'), norm('Flu'))).toBe(false);
    expect(leafMatchesName(norm('Gouty arthritis'), norm('Gout'))).toBe(false);
  });

  it('takes a truth name of 6 or more characters as a substring', () => {
    expect(leafMatchesName(norm('Metformin500mg tablet'), norm('Metformin'))).toBe(true);
    expect(leafMatchesName(norm('Type 1 diabetes mellitusActive'), norm('Type 1 diabetes mellitus'))).toBe(true);
    expect(leafMatchesName(norm('Gouty'), norm('Gout'))).toBe(false);
  });

  it('takes a leaf of 6 or more characters contained in a truth name as whole words', () => {
    expect(leafMatchesName(norm('Chronic kidney disease'), norm('Chronic kidney disease, stage 3b'))).toBe(true);
    expect(leafMatchesName(norm('kidney'), norm('Chronic kidney disease, stage 3b'))).toBe(true);
    expect(leafMatchesName(norm('stage'), norm('Chronic kidney disease, stage 3b'))).toBe(false); // 5 characters
    expect(leafMatchesName(norm('kidne'), norm('Chronic kidney disease'))).toBe(false);
  });

  it('does not let a generic leaf (status, dosage form, unit, date) be contained in a name', () => {
    expect(isGeneric(norm('Active'))).toBe(true);
    expect(isGeneric(norm('Oral Tablet'))).toBe(true);
    expect(isGeneric(norm('twice daily'))).toBe(true);
    expect(isGeneric(norm('6.1 mmol/L'))).toBe(true);
    expect(isGeneric(norm('2025-06-03'))).toBe(true);
    expect(isGeneric(norm('atenolol'))).toBe(false);
    expect(leafMatchesName(norm('Oral Tablet'), norm('Atenolol 25 MG Oral Tablet'))).toBe(false);
    expect(leafMatchesName(norm('moderate'), norm('Moderate persistent asthma'))).toBe(false);
    expect(leafMatchesName(norm('persistent'), norm('Moderate persistent asthma'))).toBe(true);

    const t = truth({ medications: [{ name: 'Atenolol', display: 'Atenolol 25 MG Oral Tablet' }] });
    const rec = record({
      medications: [{ id: 'm1', ref: 'r1', text: 'Oral Tablet', name: 'Oral Tablet', status: 'active' }],
    });
    const s = scoreRecord(rec, t);
    expect(s.categories.medications).toEqual({ truthItems: 1, matched: 0, recordItems: 1, precise: 0 });
  });

  it('matches on display and aliases too, and on any string leaf of the item', () => {
    const t = truth({ vitals: [{ name: 'Blood Pressure', value: '132/88', aliases: ['BP'] }] });
    expect(recallOf(record({ vitals: [item({ name: 'BP', value: '132/88' })] }), t, 'vitals')).toEqual([1, 1]);
    const meds = truth({ medications: [{ name: 'Proventil', display: 'Proventil 0.09 MG/ACTUAT inhalant solution' }] });
    const rec = record({
      medications: [
        {
          id: 'm1',
          ref: 'r1',
          text: 'PROVENTIL 0.09 MG/ACTUAT INHALANT SOLUTION',
          name: 'inhaler',
          details: { brand: ['Proventil HFA'] },
        },
      ],
    });
    expect(recallOf(rec, meds, 'medications')).toEqual([1, 1]);
  });

  it('does not read the item id or ref as page text', () => {
    const t = truth({ labs: [{ name: 'lab 12', value: '1' }] });
    const rec = record({ labs: [{ id: 'lab-12', ref: 'lab 12', text: 'Sodium 140', test: 'Sodium', value: '140' }] });
    expect(recallOf(rec, t, 'labs')).toEqual([0, 1]);
  });
});

describe('value match', () => {
  const potassium = { name: 'Potassium', value: '6.1 mmol/L', aliases: ['K'] };

  it('needs the name to match as well as the number', () => {
    expect(labMatched({ test: 'Potassium', value: '6.1', unit: 'mmol/L' }, potassium)).toBe(true);
    expect(labMatched({ test: 'K', value: '6.1' }, potassium)).toBe(true);
    expect(labMatched({ test: 'Sodium', value: '6.1', unit: 'mmol/L' }, potassium)).toBe(false);
    expect(labMatched({ test: 'Potassium', value: '4.2', unit: 'mmol/L' }, potassium)).toBe(false);
  });

  it('accepts the number exactly, within 0.5 %, or the truth rounded to the record’s decimals', () => {
    const t = { value: 161.65842632301465, decimals: 14 };
    expect(numberMatches(t, { value: 161.65842632301465, decimals: 14 })).toBe(true);
    expect(numberMatches(t, { value: 161.9, decimals: 1 })).toBe(true); // 0.15 %
    expect(numberMatches(t, { value: 163, decimals: 0 })).toBe(false); // 0.8 %, and 162 when rounded
    expect(numberMatches({ value: 0.9, decimals: 1 }, { value: 1, decimals: 0 })).toBe(true); // rounded
    expect(numberMatches({ value: 1.25, decimals: 2 }, { value: 1.3, decimals: 1 })).toBe(true); // rounded
    expect(numberMatches({ value: 0.9, decimals: 1 }, { value: 2, decimals: 0 })).toBe(false);

    const chol = { name: 'Total Cholesterol', value: '161.65842632301465 mg/dL' };
    expect(labMatched({ test: 'Total Cholesterol', value: '161.66', unit: 'mg/dL' }, chol)).toBe(true);
    expect(labMatched({ test: 'Total Cholesterol', value: '162', unit: 'mg/dL' }, chol)).toBe(true);
    expect(labMatched({ test: 'Total Cholesterol', value: '166.8', unit: 'mg/dL' }, chol)).toBe(false);
  });

  it('needs both numbers of a 132/88 value', () => {
    expect(keyNumbers('132/88 mmHg').map((x) => x.value)).toEqual([132, 88]);
    expect(keyNumbers('16 /min').map((x) => x.value)).toEqual([16]);
    expect(keyNumbers('38 mL/min/1.73m²').map((x) => x.value)).toEqual([38]);
    const bp = { name: 'Blood Pressure', value: '132/88', aliases: ['BP'] };
    expect(vitalMatched({ name: 'BP', value: '132/88', unit: 'mmHg' }, bp)).toBe(true);
    expect(vitalMatched({ name: 'Blood pressure', systolic: '132', diastolic: '88' }, bp)).toBe(true);
    expect(vitalMatched({ name: 'BP', value: '132/80' }, bp)).toBe(false);
    expect(vitalMatched({ name: 'BP', value: '132' }, bp)).toBe(false);
  });

  it('ignores commas in thousands', () => {
    expect(keyNumbers('1,840 pg/mL').map((x) => x.value)).toEqual([1840]);
    const bnp = { name: 'NT-proBNP', value: '1,840 pg/mL' };
    expect(labMatched({ test: 'NT-proBNP', value: '1840', unit: 'pg/mL' }, bnp)).toBe(true);
    expect(labMatched({ test: 'NT-proBNP', value: '1,840' }, bnp)).toBe(true);
    expect(labMatched({ test: 'NT-proBNP', value: '1,840' }, { name: 'NT-proBNP', value: '1840' })).toBe(true);
    expect(labMatched({ test: 'NT-proBNP', value: '1,850' }, bnp)).toBe(false);
  });

  it('needs a text value as whole words', () => {
    const t = { name: 'Urea nitrogen, Serum', value: 'Pending' };
    expect(labMatched({ test: 'Urea nitrogen, Serum', value: 'PENDING' }, t)).toBe(true);
    expect(labMatched({ test: 'Urea nitrogen', value: 'result pending review' }, t)).toBe(true);
    expect(labMatched({ test: 'Urea nitrogen', value: 'Pendingx' }, t)).toBe(false);
    expect(labMatched({ test: 'HIV 1+2 Ab', value: 'Nonreactive' }, { name: 'HIV 1+2 Ab', value: 'REACTIVE' })).toBe(
      false,
    );
    expect(labMatched({ test: 'HIV 1+2 Ab', value: 'Reactive' }, { name: 'HIV 1+2 Ab', value: 'REACTIVE' })).toBe(true);
  });

  it('does not read numbers from the name, dates, ranges, flags or ids', () => {
    expect(
      labMatched({ test: 'Hemoglobin A1c', value: '7.5', unit: '%' }, { name: 'Hemoglobin A1c', value: '1 %' }),
    ).toBe(false);
    // (`text` here is only the name: the keys are what is tested)
    expect(
      labMatched(
        { text: 'Potassium', test: 'Potassium', value: 'see note', range: '3.5-5.1' },
        { name: 'Potassium', value: '5.1' },
      ),
    ).toBe(false);
    expect(
      labMatched(
        { text: 'Potassium', test: 'Potassium', value: 'see note', time: '2025-06-05' },
        { name: 'Potassium', value: '6' },
      ),
    ).toBe(false);
    expect(
      labMatched(
        { text: 'Potassium', test: 'Potassium', value: 'see note', flag: '2' },
        { name: 'Potassium', value: '2' },
      ),
    ).toBe(false);
    expect(
      labMatched(
        { text: 'Potassium', test: 'Potassium', value: 'see note', referenceInterval: { low: '3.5', high: '5.1' } },
        { name: 'Potassium', value: '3.5' },
      ),
    ).toBe(false);
    // a date inside a leaf (the whole visible line) gives no number either
    expect(
      labMatched({ text: 'Potassium see note 06/03/2025', test: 'Potassium' }, { name: 'Potassium', value: '6' }),
    ).toBe(false);
    expect(
      labMatched({ text: 'Potassium 6 mmol/L 06/03/2025', test: 'Potassium' }, { name: 'Potassium', value: '6' }),
    ).toBe(true);
    const rec = record({ labs: [{ id: '7', ref: '7', text: 'Potassium see note', test: 'Potassium' }] });
    expect(scoreRecord(rec, truth({ labs: [{ name: 'Potassium', value: '7' }] })).values.labs.matched).toBe(0);
  });

  it('counts (name, value) pairs: two weights are two pairs but one truth item', () => {
    const t = truth({
      vitals: [
        { name: 'Weight', value: '86 kg', aliases: ['Wt'] },
        { name: 'Weight', value: '88 kg', aliases: ['Wt'] },
      ],
    });
    const rec = record({
      vitals: [item({ name: 'Weight', value: '86', unit: 'kg' }), item({ name: 'Wt', value: '88', unit: 'kg' })],
    });
    const s = scoreRecord(rec, t);
    expect(s.categories.vitals).toEqual({ truthItems: 1, matched: 1, recordItems: 2, precise: 2 });
    expect(s.values.vitals).toEqual({ pairs: 2, matched: 2 });
    const one = scoreRecord(record({ vitals: [item({ name: 'Weight', value: '86 kg' })] }), t);
    expect(one.values.vitals).toEqual({ pairs: 2, matched: 1 });
  });
});

describe('one-to-one matching', () => {
  it('does not let one record item satisfy two truth items', () => {
    const t = truth({
      problems: [{ name: 'Diabetes mellitus type 2' }, { name: 'Diabetes mellitus type 2 with nephropathy' }],
    });
    expect(recallOf(record({ problems: problems(['Diabetes mellitus type 2 with nephropathy']) }), t)).toEqual([1, 2]);
  });

  it('finds the maximum matching, not the first greedy one', () => {
    // "Severe persistent asthma" matches both truth items, "Asthma attack" only the first.
    const t = truth({ problems: [{ name: 'Asthma' }, { name: 'Severe persistent asthma' }] });
    expect(recallOf(record({ problems: problems(['Severe persistent asthma', 'Asthma attack']) }), t)).toEqual([2, 2]);
  });

  it('does the same for values', () => {
    const t = truth({
      labs: [
        { name: 'Glucose', value: '98 mg/dL' },
        { name: 'Glucose, fasting', value: '98 mg/dL' },
      ],
    });
    const s = scoreRecord(record({ labs: [item({ test: 'Glucose, fasting', value: '98' })] }), t);
    expect(s.values.labs).toEqual({ pairs: 2, matched: 1 });
  });
});

describe('precision', () => {
  it('counts record items matching required or optional truth items, and lists the rest as extras', () => {
    const t = truth({
      medications: [{ name: 'Atenolol', display: 'Atenolol 25 MG Oral Tablet' }],
      optional: { medications: [{ name: 'Heparin', display: 'Heparin 0.25 ml pre-filled syringe', note: 'planned' }] },
    });
    const rec = record({
      medications: [
        item({ name: 'Atenolol 25 MG Oral Tablet' }),
        item({ name: 'Heparin 0.25 ml' }),
        item({ name: 'Recent Labs' }),
      ],
    });
    const s = scoreRecord(rec, t);
    expect(s.categories.medications).toEqual({ truthItems: 1, matched: 1, recordItems: 3, precise: 2 });
    expect(s.misses).toContainEqual({ category: 'medications', kind: 'extra', text: 'Recent Labs' });
  });

  it('does not count optional items against recall', () => {
    const t = truth({ problems: [{ name: 'Angina' }], optional: { problems: [{ name: 'Chest pain' }] } });
    const s = scoreRecord(record({ problems: problems(['Angina']) }), t);
    expect(s.categories.problems).toEqual({ truthItems: 1, matched: 1, recordItems: 1, precise: 1 });
    expect(s.misses).toEqual([]);
  });

  it('lists missed truth items, and value misses where the name was captured', () => {
    const t = truth({
      labs: [
        { name: 'Sodium', value: '134 mmol/L' },
        { name: 'Potassium', value: '6.1 mmol/L' },
      ],
    });
    const s = scoreRecord(record({ labs: [item({ test: 'Sodium', value: '140' })] }), t);
    expect(s.misses).toContainEqual({ category: 'labs', kind: 'missed', text: 'Potassium' });
    expect(s.misses.filter((m) => m.kind === 'value')).toHaveLength(1);
    expect(s.misses.find((m) => m.kind === 'value')?.text).toMatch(/^Sodium = 134 mmol\/L; record has: /);
  });
});
