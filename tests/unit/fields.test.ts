import { describe, expect, it } from 'vitest';
import {
  parseAllergy,
  parseLab,
  parseMedication,
  parseNamedEvent,
  parseProblem,
  splitValueUnit,
} from '../../utils/capture/fields';
import { classifyHeading, classifyLabel, isEmptyState, isTitleLike } from '../../utils/capture/classify';

describe('field parsers', () => {
  it('reads a medication sig', () => {
    expect(parseMedication('Metformin 1000 mg PO twice daily')).toEqual({
      name: 'Metformin',
      dose: '1000 mg',
      route: 'PO',
      frequency: 'twice daily',
    });
    expect(
      parseMedication('Albuterol 90 mcg/actuation inhaled every 4 hours as needed for wheeze, started 03/10/2023'),
    ).toMatchObject({
      name: 'Albuterol',
      dose: '90 mcg/actuation',
      route: 'inhaled',
      frequency: 'every 4 hours as needed for wheeze',
      start: '03/10/2023',
    });
    expect(parseMedication('Lisinopril 20 mg tablet — discontinued').status).toBe('discontinued');
  });

  it('reads lab values, units, ranges and flags', () => {
    expect(parseLab('Hemoglobin A1c 8.4 % (4.0-5.6) H')).toEqual({
      test: 'Hemoglobin A1c',
      value: '8.4',
      unit: '%',
      range: '4.0-5.6',
      flag: 'H',
    });
    expect(parseLab('eGFR: 52 mL/min/1.73m2 (ref >59) L')).toMatchObject({
      test: 'eGFR',
      value: '52',
      unit: 'mL/min/1.73m2',
      flag: 'L',
    });
    expect(parseLab('Lipid panel pending')).toBeUndefined();
    expect(splitValueUnit('148/86 mmHg')).toEqual({ value: '148/86', unit: 'mmHg' });
    expect(splitValueUnit('11.8 H')).toEqual({ value: '11.8', flag: 'H' });
    // A titer is one value, never its first number.
    expect(splitValueUnit('1:320')).toEqual({ value: '1:320' });
  });

  it('reads allergies, problems and dated events', () => {
    expect(parseAllergy('Penicillin — Hives (Moderate)')).toEqual({
      substance: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
    });
    expect(parseProblem('Chronic kidney disease, stage 3a Active onset 2021')).toEqual({
      name: 'Chronic kidney disease, stage 3a',
      status: 'active',
      onset: '2021',
    });
    expect(parseProblem('Acute bronchitis (resolved)')).toMatchObject({ name: 'Acute bronchitis', status: 'resolved' });
    expect(parseNamedEvent('Influenza, seasonal, administered 10/02/2026')).toEqual({
      name: 'Influenza, seasonal',
      date: '10/02/2026',
    });
  });
});

describe('names of things', () => {
  it.each([
    ['Active Problems', 'problems'],
    ['Problem List', 'problems'],
    ['Diagnoses', 'problems'],
    ['Current Meds', 'medications'],
    ['Medication List', 'medications'],
    ['Results', 'labs'],
    ['Lab Results', 'labs'],
    ['Allergies/Intolerances', 'allergies'],
    ['ALLERGIES AND ADVERSE REACTIONS', 'allergies'],
    ['Vital Signs', 'vitals'],
    ['Immunizations', 'immunizations'],
    ['Patient Messages', 'messages'],
    ['Progress Notes', 'notes'],
    ['Surgical History', 'procedures'],
  ])('classifies the heading %s as %s', (heading, category) => {
    expect(classifyHeading(heading)).toBe(category);
  });

  it('knows empty states and does not take them for headings', () => {
    for (const text of [
      'No Known Allergies',
      'NKDA',
      'Nothing recorded',
      '(none)',
      'No active medications',
      'None recorded',
    ]) {
      expect(isEmptyState(text)).toBe(true);
      expect(isTitleLike(text)).toBe(false);
    }
    expect(isEmptyState('Penicillin')).toBe(false);
  });

  it('classifies banner labels', () => {
    expect(classifyLabel('DOB:')).toBe('birthDate');
    expect(classifyLabel('Date of birth')).toBe('birthDate');
    expect(classifyLabel('MRN')).toBe('id:MRN');
    expect(classifyLabel('Health plan ID')).toBe('id:Insurance');
    expect(classifyLabel('Telephone')).toBe('phone');
    expect(classifyLabel('Hemoglobin')).toBeUndefined();
  });
});

describe('medication names with a strength', () => {
  it('keeps the strength and form in the name when a dose follows', () => {
    expect(parseMedication('Budesonide-formoterol 160-4.5 mcg inhaler 2 puffs inhaled twice daily')).toEqual({
      name: 'Budesonide-formoterol 160-4.5 mcg inhaler',
      dose: '2 puffs',
      route: 'inhaled',
      frequency: 'twice daily',
    });
    expect(parseMedication('Metformin 500 mg tablet 2 tablets PO BID')).toMatchObject({
      name: 'Metformin 500 mg tablet',
      dose: '2 tablets',
      route: 'PO',
    });
  });
  it('treats a lone strength as the dose', () => {
    expect(parseMedication('Metformin 500 mg tablet PO BID')).toMatchObject({ name: 'Metformin', dose: '500 mg' });
  });
});

describe('table rows without a header', () => {
  it('stops names at the " · " that joins cells', () => {
    expect(parseMedication('Lisinopril · 10 mg · PO · daily').name).toBe('Lisinopril');
    expect(parseProblem('Asthma · active · 2019')).toMatchObject({ name: 'Asthma', status: 'active' });
    expect(parseLab('Potassium · 4.9 · mmol/L')?.test).toBe('Potassium');
    expect(parseNamedEvent('Tdap · 04/22/2019')).toEqual({ name: 'Tdap', date: '04/22/2019' });
  });
});
