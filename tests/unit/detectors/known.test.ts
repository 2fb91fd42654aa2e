import { describe, expect, it } from 'vitest';
import { knownDetector } from '../../../utils/deidentify/detectors/known';
import { findWith } from './helpers';

describe("the patient's own identifiers", () => {
  const known = {
    nameParts: ['Adaeze', 'Ezeudu'],
    birthDays: [Date.UTC(1958, 2, 14)],
    ids: [{ type: 'MRN' as const, value: '00482913' }],
    phoneDigits: ['6175550143'],
  };

  it('are found wherever they appear, in any format', () => {
    const text = 'EZEUDU, Adaeze (MRN 00482913), born March 14, 1958; phone 617.555.0143';
    expect(findWith(knownDetector, text, known).map(([, t]) => t)).toEqual(
      expect.arrayContaining(['EZEUDU', 'Adaeze', '00482913', 'March 14, 1958', '617.555.0143']),
    );
  });
  it('are not found in other words or other dates', () => {
    expect(findWith(knownDetector, 'Seen March 15, 1958 at 0048 hours; Dr. Adams', known)).toEqual([]);
  });
});
