import { describe, expect, it } from 'vitest';
import { employerDetector } from '../../../utils/deidentify/detectors/employer';
import { findWith } from './helpers';

describe('the employer detector', () => {
  it('finds an employer named after a cue', () => {
    expect(findWith(employerDetector, 'He works at Acme Logistics as a driver.')).toEqual([
      ['EMPLOYER', 'Acme Logistics'],
    ]);
  });
  it('leaves work words with no employer named', () => {
    expect(findWith(employerDetector, 'Works night shifts; back to work next week.')).toEqual([]);
  });
  it('finds an employer after a trade, years of work, or as the kind of workplace', () => {
    expect(findWith(employerDetector, 'Former riveter at Spirit AeroSystems, 30 years at EVRAZ.')).toEqual([
      ['EMPLOYER', 'Spirit AeroSystems'],
      ['EMPLOYER', 'EVRAZ'],
    ]);
    expect(findWith(employerDetector, 'Welder at the Honda plant; works part time at the Target on Elm.')).toEqual([
      ['EMPLOYER', 'Honda'],
      ['EMPLOYER', 'Target'],
    ]);
    expect(findWith(employerDetector, 'Works at 3M.')).toEqual([['EMPLOYER', '3M']]);
  });
  it('takes no order, appointment, count or drug for an employer', () => {
    for (const text of [
      'Sent an order for Lasix.',
      'Has an appointment with Cardiology.',
      'Was a smoker for 20 years.',
      'Started at Metformin 500 mg.',
      'He is a patient for ICU transfer.',
    ])
      expect(findWith(employerDetector, text)).toEqual([]);
  });
  it('finds a business by the word that ends a trade’s name, with or without a work cue', () => {
    expect(
      findWith(employerDetector, 'HR at Piedmont Logistics needs the form; a note for Mid-South Foundry.'),
    ).toEqual([
      ['EMPLOYER', 'Piedmont Logistics'],
      ['EMPLOYER', 'Mid-South Foundry'],
    ]);
    expect(findWith(employerDetector, "Burn from the fryer at Lupita's Taqueria.")).toEqual([
      ['EMPLOYER', "Lupita's Taqueria"],
    ]);
  });
  it('takes no sentence opening, clinical name or run of codes for a business', () => {
    for (const text of [
      'The Bakery was closed.',
      'Glycogen Storage disease',
      'Sleep Labs report attached.',
      'I have E11.22, N18.31, E87.5. Labs: pending',
    ])
      expect(findWith(employerDetector, text)).toEqual([]);
  });
});
