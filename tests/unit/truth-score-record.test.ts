/**
 * The truth scorer, continued: the shapes a record may take, the patient, problem status and the
 * aggregation over pages (hand-made records; nothing here reads ../shared).
 */
import { describe, expect, it } from 'vitest';
import { aggregateScores, datesIn, identifierIn, scorePatient, scoreRecord } from '../../scripts/lib/truth-score.mjs';
import { truth, item, record, problems } from './truth-score-helpers';

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
