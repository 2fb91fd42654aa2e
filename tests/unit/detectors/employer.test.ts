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
});
