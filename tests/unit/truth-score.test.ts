/**
 * The truth scorer (scripts/lib/truth-score.mjs) that `npm run eval:capture` uses on the shared real
 * pages and the layout fixtures, on small hand-made records and truth objects (nothing here reads
 * ../shared).
 */
import { describe, expect, it } from 'vitest';
import { emptyRecord } from '../../utils/record/schema';
import {
  aggregateScores,
  datesIn,
  identifierIn,
  isGeneric,
  keyNumbers,
  leafMatchesName,
  norm,
  numberMatches,
  scorePatient,
  scoreRecord,
} from '../../scripts/lib/truth-score.mjs';

type Item = Record<string, unknown>;

/** A truth object with only the lists given (the others empty). */
function truth(lists: Record<string, unknown> = {}, patient: Record<string, unknown> = {}) {
  return {
    page: 'x.html',
    family: 'test',
    patient,
    problems: [],
    medications: [],
    allergies: [],
    labs: [],
    vitals: [],
    immunizations: [],
    optional: {},
    notes: [],
    ...lists,
  };
}

let n = 0;
/** A record item in Chartside's shape: `text` is the whole visible line unless given. */
const item = (fields: Item) => ({ id: `it-${++n}`, ref: `r${n}`, text: Object.values(fields).join(' '), ...fields });
/** A record in Chartside's shape with only the lists given. */
function record(lists: Record<string, Item[]> = {}, patient: Record<string, unknown> = {}) {
  const empty = emptyRecord({ url: 'http://x', title: 'x', capturedAt: '2025-06-01T00:00:00Z' });
  return { ...empty, patient: { ...empty.patient, ...patient }, ...lists };
}

const problems = (names: string[]) => names.map((name) => item({ name }));
const recallOf = (rec: unknown, t: unknown, category = 'problems') => {
  const c = scoreRecord(rec, t).categories[category];
  return [c.matched, c.truthItems];
};
const labMatched = (lab: Item, t: Item) =>
  scoreRecord(record({ labs: [item(lab)] }), truth({ labs: [t] })).values.labs.matched === 1;
const vitalMatched = (vital: Item, t: Item) =>
  scoreRecord(record({ vitals: [item(vital)] }), truth({ vitals: [t] })).values.vitals.matched === 1;

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

describe('record shape', () => {
  it('takes categories by synonym, items as strings or grouped under items/entries', () => {
    const t = truth(
      {
        problems: [{ name: 'Angina' }],
        medications: [{ name: 'Atenolol', display: 'Atenolol 25 MG Oral Tablet' }],
        allergies: [{ name: 'Penicillin' }],
        labs: [{ name: 'Hemoglobin', value: '13.2 g/dL' }],
        vitals: [{ name: 'Height', value: '177 cm', aliases: ['Ht'] }],
        immunizations: [{ name: 'Hepatitis B' }],
      },
      { given: 'Eve', family: 'Betterhalf' },
    );
    const rec = {
      Conditions: ['Angina pectoris'],
      meds: { items: [{ drug: { name: 'atenolol' } }] },
      allergyIntolerances: { entries: ['PENICILLIN (hives)'] },
      'Lab Results': [{ name: 'Hgb', aliases: ['Hemoglobin'], result: '13.2 g/dL' }],
      vital_signs: [{ label: 'Ht', reading: '177', unit: 'cm' }],
      vaccines: ['Hepatitis B vaccine'],
      demographics: { fullName: 'Eve Betterhalf' },
    };
    const s = scoreRecord(rec, t);
    for (const c of ['problems', 'medications', 'allergies', 'labs', 'vitals', 'immunizations']) {
      expect(s.categories[c].matched, c).toBe(1);
    }
    expect(s.values).toEqual({ labs: { pairs: 1, matched: 1 }, vitals: { pairs: 1, matched: 1 } });
    expect(s.patient.given).toBe(true);
    expect(s.overallRecall).toBe(1);
  });

  it('scores an empty record as nothing found', () => {
    const t = truth(
      { problems: [{ name: 'Angina' }] },
      {
        given: 'Eve',
        family: 'Betterhalf',
        birthDate: '1975-05-01',
        sex: 'female',
        identifiers: [{ type: 'SSN', value: '444222222' }],
      },
    );
    const s = scoreRecord({}, t);
    expect(s.categories.problems).toEqual({ truthItems: 1, matched: 0, recordItems: 0, precise: 0 });
    expect(s.patient).toMatchObject({
      given: false,
      family: false,
      birthDate: false,
      sex: false,
      identifiers: { found: 0, shown: 1 },
    });
  });
});

describe('patient', () => {
  const eve = {
    name: 'Eve BETTERHALF',
    given: 'Eve',
    family: 'BETTERHALF',
    birthDate: '1975-05-01',
    sex: 'female',
    identifiers: [{ type: 'SSN', value: '444222222' }],
  };

  it('finds the birth date in several formats', () => {
    for (const shown of [
      '1975-05-01',
      '1975-05-01T00:00:00Z',
      '19750501',
      '5/1/1975',
      '05/01/1975',
      'May 1, 1975',
      'May 1st, 1975',
      'May 01 1975',
      '01-May-1975',
      '1 May 1975',
      'DOB: 05/01/1975 (50 y)',
    ]) {
      expect(datesIn(shown).has('1975-05-01'), shown).toBe(true);
      expect(scorePatient({ birthDate: shown }, eve).birthDate, shown).toBe(true);
    }
    expect(scorePatient({ birthDate: '1975-01-05' }, eve).birthDate).toBe(false);
    expect(scorePatient({ birthDate: 'May 10, 1975' }, eve).birthDate).toBe(false);
    expect(datesIn('13/1/1975').has('1975-01-13')).toBe(true); // a first number above 12 is the day
    expect(datesIn('Feb 30, 1975').size).toBe(0);
  });

  it('finds the birth date under any key of the patient, but not under another person', () => {
    expect(scorePatient({ banner: 'Eve Betterhalf · Born May 1, 1975' }, eve).birthDate).toBe(true);
    expect(scorePatient({ guardian: { birthDate: '1975-05-01' } }, eve).birthDate).toBe(false);
  });

  it('finds given and family names as words', () => {
    expect(scorePatient({ name: 'BETTERHALF, Eve' }, eve)).toMatchObject({ given: true, family: true });
    expect(scorePatient({ name: 'Evelyn Betterhalfer' }, eve)).toMatchObject({ given: false, family: false });
    expect(scorePatient({ name: 'Adam Everyman', contact: { name: 'Eve Betterhalf' } }, eve)).toMatchObject({
      given: false,
      family: false,
    });
    expect(scorePatient({ name: 'José Ordóñez' }, { given: 'Jose', family: 'Ordonez' })).toMatchObject({
      given: true,
      family: true,
    });
  });

  it('reads sex under a sex/gender key only', () => {
    expect(scorePatient({ sex: 'F' }, eve).sex).toBe(true);
    expect(scorePatient({ gender: 'Female' }, eve).sex).toBe(true);
    expect(scorePatient({ sex: 'Male' }, eve).sex).toBe(false);
    expect(scorePatient({ name: 'Eve Betterhalf, female' }, eve).sex).toBe(false);
    expect(scorePatient({ administrativeGender: 'male' }, { sex: 'male' }).sex).toBe(true);
  });

  it('compares identifiers by letters and digits only', () => {
    expect(identifierIn('444-22-2222', '444222222')).toBe(true);
    expect(identifierIn('999991603', '999-99-1603')).toBe(true);
    expect(identifierIn('SSN: 444-22-2222', '444222222')).toBe(true);
    expect(identifierIn('x37906023x', 'X37906023X')).toBe(true);
    expect(identifierIn('1444-22-2222', '444222222')).toBe(false);
    const ids = {
      identifiers: [
        { type: 'SSN', value: '444-22-2222' },
        { type: 'MRN', value: '123' },
      ],
    };
    const s = scorePatient({ identifiers: [{ type: 'SSN', value: '444222222' }], phones: ['555-123-4567'] }, ids);
    expect(s.identifiers).toEqual({ found: 1, shown: 2 });
    expect(s.missedIdentifiers).toEqual(['MRN 123']);
  });

  it('checks only the fields the truth shows', () => {
    const s = scorePatient({ name: 'Homer Simpson' }, { given: 'Homer', family: 'Simpson' });
    expect(s.birthDate).toBeUndefined();
    expect(s.sex).toBeUndefined();
    expect(s.identifiers).toEqual({ found: 0, shown: 0 });
  });
});

describe('problem status', () => {
  it('is reported for matched problems that show one, apart from recall', () => {
    const t = truth({
      problems: [{ name: 'Angina', status: 'active' }, { name: 'Pneumonia', status: 'resolved' }, { name: 'Gout' }],
    });
    const rec = record({
      problems: [
        item({ name: 'Angina', status: 'Active' }),
        item({ name: 'Pneumonia', status: 'active' }),
        item({ name: 'Gout' }),
      ],
    });
    const s = scoreRecord(rec, t);
    expect(s.problemStatus).toEqual({ shown: 2, agreed: 1 });
    expect(s.categories.problems.matched).toBe(3);
  });
});

describe('aggregation', () => {
  it('sums pages overall and per family, with the overall recall the mean of categories that have truth', () => {
    const a = scoreRecord(
      record(
        { problems: problems(['Angina', 'Something else']), labs: [item({ test: 'Sodium', value: '140' })] },
        { name: 'Eve Betterhalf' },
      ),
      truth(
        { problems: [{ name: 'Angina' }, { name: 'Gout' }], labs: [{ name: 'Sodium', value: '140 mmol/L' }] },
        { given: 'Eve', family: 'Betterhalf' },
      ),
    );
    const b = scoreRecord(
      record({ problems: problems(['Asthma']) }, { name: 'Adam' }),
      truth({ problems: [{ name: 'Asthma' }, { name: 'Eczema' }] }, { given: 'Adam', family: 'Everyman' }),
    );
    expect(a.overallRecall).toBe((0.5 + 1) / 2);
    expect(b.overallRecall).toBe(0.5);
    const agg = aggregateScores([
      { page: 'a.html', family: 'one', score: a },
      { page: 'b.html', family: 'two', score: b },
      { page: 'c.html', family: 'two', score: b },
    ]);
    expect(agg.overall.pages).toBe(3);
    expect(agg.overall.categories.problems).toMatchObject({
      truthItems: 6,
      matched: 3,
      recordItems: 4,
      precise: 3,
      recall: 0.5,
      precision: 0.75,
    });
    expect(agg.overall.categories.labs).toMatchObject({ truthItems: 1, matched: 1, recall: 1, precision: 1 });
    expect(agg.overall.categories.vitals).toMatchObject({ truthItems: 0, recall: null, precision: null });
    expect(agg.overall.values.labs).toEqual({ pairs: 1, matched: 1, recall: 1 });
    expect(agg.overall.overallRecall).toBe((0.5 + 1) / 2);
    expect(agg.overall.patient.given).toEqual({ found: 3, pages: 3 });
    expect(agg.overall.patient.family).toEqual({ found: 1, pages: 3 });
    expect(agg.overall.patient.birthDate).toEqual({ found: 0, pages: 0 });
    expect(Object.keys(agg.byFamily)).toEqual(['one', 'two']);
    expect(agg.byFamily.two.pages).toBe(2);
    expect(agg.byFamily.two.categories.problems).toMatchObject({ truthItems: 4, matched: 2, recall: 0.5 });
    expect(agg.byFamily.one.overallRecall).toBe(0.75);
  });
});
