import { describe, expect, it } from 'vitest';
import { idDetector } from '../../../utils/deidentify/detectors/ids';
import { findWith } from './helpers';

describe('the record-number detector', () => {
  it('finds labelled numbers, SSNs and UUID record numbers', () => {
    const found = findWith(idDetector, 'MRN: 00482913. SSN 123-45-6789. Id 9a628ccd-2a55-4331-8e68-bb58458fd674');
    expect(found.map(([, text]) => text)).toEqual(
      expect.arrayContaining(['00482913', '123-45-6789', '9a628ccd-2a55-4331-8e68-bb58458fd674']),
    );
    expect(found.find(([, text]) => text === '123-45-6789')?.[0]).toBe('SSN');
  });
  it('leaves results, doses and codes of the vocabulary', () => {
    expect(findWith(idDetector, 'Potassium 6.1 mmol/L; lisinopril 20 mg; ICD-10 E11.9')).toEqual([]);
  });
  it('reads a labelled number written in groups, after "is" and a short prefix, but not the dose after it', () => {
    const found = (text: string) => [...new Set(findWith(idDetector, text).map(([, value]) => value))];
    expect(found('new member id is W 2204 771 390. Insurance: KSB 8812-0049-71.')).toEqual([
      'W 2204 771 390',
      'KSB 8812-0049-71',
    ]);
    expect(found('MRN 00123 500 mg daily; Policy # ABC123 09/12/2025')).toEqual(['00123', 'ABC123']);
  });
  it('reads booking, sheriff, commercial licence and pharmacy group numbers by their labels', () => {
    const found = findWith(idDetector, 'Booking 2025-001877   SO# 118442   CA CDL B4471925   Rx Group PSERS-02').map(
      ([, value]) => value,
    );
    expect(found).toEqual(expect.arrayContaining(['2025-001877', '118442', 'B4471925', 'PSERS-02']));
  });

  it('finds a passport, an employee number and a username after their labels, not words after a username label', () => {
    expect(
      findWith(
        idDetector,
        'passport no. EK4417829; employee # E448102; portal (username jlopez_1988); Login: mk.oduya',
      ),
    ).toEqual(
      expect.arrayContaining([
        ['ID', 'EK4417829'],
        ['ID', 'E448102'],
        ['ID', 'jlopez_1988'],
        ['ID', 'mk.oduya'],
      ]),
    );
    expect(findWith(idDetector, 'Her username is working again; employee health saw her 2 days ago.')).toEqual([]);
  });
});
