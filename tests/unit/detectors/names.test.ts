import { describe, expect, it } from 'vitest';
import { nameDetector } from '../../../utils/deidentify/detectors/names';
import { findWith } from './helpers';

describe('the name detector', () => {
  it('finds names after a cue and in "Last, First" form', () => {
    const found = findWith(nameDetector, 'Seen by Dr. Priya Raman. Patient: Desai, Ravi.').map(([, text]) => text);
    expect(found.join(' ')).toContain('Priya Raman');
    expect(found.join(' ')).toContain('Desai');
    expect(found.join(' ')).toContain('Ravi');
  });
  it('never takes clinical abbreviations or eponyms for names', () => {
    expect(findWith(nameDetector, 'CC: Burning with urination. Temp 37.2. Parkinson disease, Bell palsy.')).toEqual([]);
  });
  it('reads "Concord, MA 01742" as a city before a state and ZIP, not a clinician with a credential', () => {
    expect(findWith(nameDetector, 'Lives in Concord, MA 01742.')).toEqual([]);
    expect(findWith(nameDetector, 'Seen by Sarah Whitfield, MD today.')).toContainEqual([
      'CLINICIAN',
      'Sarah Whitfield',
    ]);
  });
});
