/**
 * Next-step rules, one describe each: what triggers a suggestion, what does not, what it cites.
 * Records are built item by item so each test shows exactly the chart it reasons about.
 */
import { describe, expect, it } from 'vitest';
import { abnormalResults } from '../../utils/draft/rules/abnormal-results';
import { allergyConflict } from '../../utils/draft/rules/allergy-conflict';
import { bloodPressure } from '../../utils/draft/rules/blood-pressure';
import { diabetesMonitoring } from '../../utils/draft/rules/diabetes-monitoring';
import { duplicateTherapy } from '../../utils/draft/rules/duplicate-therapy';
import { immunizations } from '../../utils/draft/rules/immunizations';
import { lipidMonitoring } from '../../utils/draft/rules/lipid-monitoring';
import { potassiumRaas } from '../../utils/draft/rules/potassium-raas';
import { renalDosing } from '../../utils/draft/rules/renal-dosing';
import { thyroid } from '../../utils/draft/rules/thyroid';
import { RULES } from '../../utils/draft/rules';
import { emptyRecord, type PatientRecord } from '../../utils/record/schema';

type Build = {
  problems?: Array<[string, string?]>;
  meds?: Array<[string, string?]>;
  allergies?: string[];
  labs?: Array<[string, string, string?, string?]>; // test, value, flag, date
  vitals?: Array<[string, string]>;
  immunizations?: Array<[string, string]>;
  age?: string;
  showsImmunizations?: boolean;
};

/** A chart read on 2026-11-26, as the demo patients are. */
function chart(b: Build): PatientRecord {
  const r = emptyRecord({ url: 'https://ehr.example/p', title: 'Chart', capturedAt: '2026-11-26T12:00:00Z' });
  const item = (prefix: string, i: number, text: string) => ({
    id: `${prefix}-${i + 1}`,
    text,
    ref: `r-${prefix}-${i}`,
  });
  r.patient.age = b.age;
  r.problems = (b.problems ?? []).map(([name, status = 'Active'], i) => ({ ...item('prob', i, name), name, status }));
  r.medications = (b.meds ?? []).map(([name, dose], i) => ({
    ...item('med', i, `${name} ${dose ?? ''}`),
    name,
    dose,
    status: 'Active',
  }));
  r.allergies = (b.allergies ?? []).map((substance, i) => ({ ...item('alg', i, substance), substance }));
  r.labs = (b.labs ?? []).map(([test, value, flag, time = '11/12/2026'], i) => ({
    ...item('lab', i, `${test} ${value}`),
    test,
    value,
    flag,
    time,
  }));
  r.vitals = (b.vitals ?? []).map(([name, value], i) => ({
    ...item('vit', i, `${name} ${value}`),
    name,
    value,
    time: '11/20/2026',
  }));
  r.immunizations = (b.immunizations ?? []).map(([name, date], i) => ({ ...item('imm', i, name), name, date }));
  if (b.showsImmunizations)
    r.capture.sections.push({
      heading: 'Immunizations',
      category: 'immunizations',
      count: r.immunizations.length,
      state: 'read',
    });
  return r;
}

describe('every rule', () => {
  it('names its guideline', () => {
    for (const rule of RULES) expect(rule.guideline.length, rule.id).toBeGreaterThan(10);
  });
  it('suggests nothing on an empty chart', () => {
    for (const rule of RULES) expect(rule.suggest(chart({})), rule.id).toEqual([]);
  });
});

describe('allergy conflict', () => {
  it('flags a drug that is the allergen, and one that cross-reacts', () => {
    const r = chart({
      meds: [['Amoxicillin', '500 mg'], ['Naproxen', '220 mg'], ['Metformin']],
      allergies: ['Penicillin', 'Ibuprofen'],
    });
    const out = allergyConflict.suggest(r);
    expect(out.map((s) => s.cites)).toEqual([
      ['med-1', 'alg-1'],
      ['med-2', 'alg-2'],
    ]);
    expect(out.every((s) => s.urgency === 'urgent')).toBe(true);
  });
  it('leaves unrelated drugs alone', () => {
    expect(allergyConflict.suggest(chart({ meds: [['Lisinopril']], allergies: ['Latex', 'Shellfish'] }))).toEqual([]);
  });
});

describe('renal dosing', () => {
  it('metformin: review at eGFR 30–44, stop below 30', () => {
    expect(
      renalDosing.suggest(chart({ meds: [['Metformin', '1000 mg']], labs: [['eGFR', '38', 'L']] }))[0],
    ).toMatchObject({ urgency: 'soon', cites: ['med-1', 'lab-1'] });
    expect(renalDosing.suggest(chart({ meds: [['Metformin']], labs: [['eGFR', '24', 'L']] }))[0].text).toMatch(
      /stopping Metformin/,
    );
    expect(renalDosing.suggest(chart({ meds: [['Metformin']], labs: [['eGFR', '52', 'L']] }))).toEqual([]);
  });
  it('NSAIDs below eGFR 60', () => {
    expect(renalDosing.suggest(chart({ meds: [['Ibuprofen', '400 mg']], labs: [['eGFR', '55']] }))).toHaveLength(1);
  });
});

describe('duplicate therapy', () => {
  it('two of a class, and an ACE inhibitor with an ARB', () => {
    const out = duplicateTherapy.suggest(
      chart({ meds: [['Atorvastatin'], ['Simvastatin'], ['Lisinopril'], ['Losartan']] }),
    );
    expect(out.map((s) => s.cites)).toEqual([
      ['med-1', 'med-2'],
      ['med-3', 'med-4'],
    ]);
  });
  it('one of each class is fine', () => {
    expect(duplicateTherapy.suggest(chart({ meds: [['Atorvastatin'], ['Lisinopril'], ['Metoprolol']] }))).toEqual([]);
  });
});

describe('diabetes monitoring', () => {
  it('above goal: intensify, citing the rise', () => {
    const out = diabetesMonitoring.suggest(
      chart({
        problems: [['Type 2 diabetes']],
        labs: [
          ['Hemoglobin A1c', '8.4', 'H', '11/12/2026'],
          ['Hemoglobin A1c', '7.9', 'H', '05/01/2026'],
        ],
      }),
    );
    expect(out[0]).toMatchObject({ cites: ['prob-1', 'lab-1', 'lab-2'] });
    expect(out[0].text).toContain('up from 7.9');
  });
  it('due when the last A1c is over six months old, or missing', () => {
    expect(
      diabetesMonitoring.suggest(
        chart({ problems: [['Diabetes mellitus']], labs: [['HbA1c', '6.8', '', '01/10/2026']] }),
      )[0].text,
    ).toMatch(/checking HbA1c/);
    expect(diabetesMonitoring.suggest(chart({ problems: [['Diabetes mellitus']] }))[0].rationale).toMatch(/No HbA1c/);
  });
  it('at goal and recent: nothing', () => {
    expect(
      diabetesMonitoring.suggest(
        chart({ problems: [['Diabetes mellitus']], labs: [['HbA1c', '6.8', '', '10/10/2026']] }),
      ),
    ).toEqual([]);
  });
});

describe('abnormal results', () => {
  it('critical results urgent and alone; the rest together', () => {
    const out = abnormalResults.suggest(
      chart({
        labs: [
          ['Potassium', '6.4', 'HH'],
          ['TSH', '6.8', 'H'],
          ['Sodium', '139', ''],
        ],
      }),
    );
    expect(out.map((s) => [s.urgency, s.cites])).toEqual([
      ['urgent', ['lab-1']],
      ['routine', ['lab-2']],
    ]);
  });
});

describe('potassium on drugs that raise it', () => {
  it('5.1–5.4 soon, 5.5 or more urgent; not without such a drug', () => {
    expect(potassiumRaas.suggest(chart({ meds: [['Lisinopril']], labs: [['Potassium', '5.3']] }))[0].urgency).toBe(
      'soon',
    );
    expect(potassiumRaas.suggest(chart({ meds: [['Spironolactone']], labs: [['Potassium', '5.8']] }))[0].urgency).toBe(
      'urgent',
    );
    expect(potassiumRaas.suggest(chart({ meds: [['Metformin']], labs: [['Potassium', '5.8']] }))).toEqual([]);
  });
});

describe('lipid monitoring', () => {
  it('on a statin with no lipid result in a year', () => {
    expect(
      lipidMonitoring.suggest(chart({ meds: [['Atorvastatin']], labs: [['LDL cholesterol', '92', '', '01/05/2025']] })),
    ).toHaveLength(1);
    expect(lipidMonitoring.suggest(chart({ meds: [['Atorvastatin']], labs: [['LDL cholesterol', '92']] }))).toEqual([]);
  });
});

describe('thyroid', () => {
  it('TSH out of range, and iron with levothyroxine', () => {
    const out = thyroid.suggest(
      chart({
        meds: [
          ['Levothyroxine', '75 mcg'],
          ['Ferrous sulfate', '325 mg'],
        ],
        labs: [['TSH', '6.8', 'H']],
      }),
    );
    expect(out.map((s) => s.cites)).toEqual([
      ['med-1', 'lab-1'],
      ['med-1', 'med-2'],
    ]);
  });
});

describe('immunizations', () => {
  it('only when the page showed an immunization list', () => {
    expect(immunizations.suggest(chart({ age: '70' }))).toEqual([]);
    const out = immunizations.suggest(
      chart({ age: '70', showsImmunizations: true, immunizations: [['Influenza, seasonal', '10/01/2025']] }),
    );
    expect(out.map((s) => s.text)).toEqual([
      'Consider this season’s influenza vaccine.',
      'Consider a pneumococcal vaccine.',
    ]);
  });
  it('a dose this season and a pneumococcal vaccine: nothing', () => {
    expect(
      immunizations.suggest(
        chart({
          age: '70',
          showsImmunizations: true,
          immunizations: [
            ['Influenza', '10/02/2026'],
            ['PCV20', '03/11/2024'],
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('blood pressure', () => {
  it('above goal in hypertension: soon; 180/120: urgent, with or without the diagnosis', () => {
    expect(
      bloodPressure.suggest(chart({ problems: [['Essential hypertension']], vitals: [['BP', '148/86']] }))[0].urgency,
    ).toBe('soon');
    expect(bloodPressure.suggest(chart({ vitals: [['Blood pressure', '184/112']] }))[0].urgency).toBe('urgent');
    expect(bloodPressure.suggest(chart({ vitals: [['BP', '148/86']] }))).toEqual([]);
  });
});
