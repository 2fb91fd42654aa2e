import { describe, expect, it } from 'vitest';
import { ageDetector } from '../../../utils/deidentify/detectors/age';
import { findWith } from './helpers';

describe('the age detector', () => {
  it('finds ages over 89, as Safe Harbor asks', () => {
    expect(findWith(ageDetector, 'A 92-year-old man; aged 101.')).toEqual([
      ['AGE', '92-year-old'],
      ['AGE', '101'], // after its word the age is the number: "aged [AGE 90 or older]"
    ]);
  });
  it('leaves younger ages and numbers that are not ages', () => {
    expect(findWith(ageDetector, 'A 67-year-old woman, BP 130/92, 95 mg daily')).toEqual([]);
  });
  it('finds an age said of a person, but not a reading', () => {
    const ages = findWith(ageDetector, 'AGE: 99. Resident is 93, a retired cutter. hes 91 and she turned 95.');
    expect([...new Set(ages.map(([, age]) => age))].sort()).toEqual(['91', '93', '95', '99']);
    expect(findWith(ageDetector, 'SpO2 is 92%. HR was 95. Glucose is 97 mg/dL. Pt is 98.6 F.')).toEqual([]);
  });
  it('finds "90 y.o." and an age beside its sex in a list line, keeping the sex; not a temperature', () => {
    expect(
      findWith(ageDetector, 'Penhallow, Winifred (90 y.o. F) | WHITEFEATHER, Eli | 91 M | Ann, 93F, fall'),
    ).toEqual([
      ['AGE', '90 y.o.'],
      ['AGE', '91'],
      ['AGE', '93'],
    ]);
    expect(findWith(ageDetector, 'temp 90 F on arrival; HR 95 M-mode')).toEqual([]);
  });
  it('finds an age after a name between commas, after a relative, beside a nickname and in "AGE: 91Y"', () => {
    const ages = findWith(
      ageDetector,
      `Lives with her mother Mae Yazzie, 92, who speaks only Dine. A sister, is 98 and in a nursing home.
409 O'SHAUGHNESSY, P "Paddy" 96M | Comfort care
PATIENT: KLEINSCHMIDT, RUTH ANN   AGE: 91Y   LOCATION: ED-07`,
    );
    expect(ages.map(([, age]) => age).sort()).toEqual(['91Y', '92', '96', '98']);
    expect(findWith(ageDetector, 'BP 150/90, 92, HR 88 | T 99 F | SpO2 is 98.')).toEqual([]);
    expect(findWith(ageDetector, '| Temp (oral) 99 F | HR 88 |  Tmax (24h) 101 F, HR 110')).toEqual([]);
    // A vaccine named by its maker is no person: the number after "Moderna," is no age.
    expect(findWith(ageDetector, 'COVID-19: dose 2 of Moderna, 95, left deltoid.')).toEqual([]);
    // A maker that is also a family name stays a name: "Mrs. Janssen, 93," is her age.
    expect(findWith(ageDetector, 'Mrs. Janssen, 93, lives alone.')).toEqual([['AGE', '93']]);
  });
  it('finds an age over 89 written with the sex run into it, or said of a titled name', () => {
    expect(findWith(ageDetector, 'PT IRMA PETTIGREW 97 YOF FROM HOME; Mrs. Chase is 101 with HFpEF')).toEqual([
      ['AGE', '97 YOF'],
      ['AGE', '101'],
    ]);
    expect(findWith(ageDetector, 'Mr. Smith is 95% on room air; 45 yom')).toEqual([]);
  });
});
