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
  it('are record numbers in any punctuation, and only as whole tokens', () => {
    const ids = [
      { type: 'SSN' as const, value: '811-42-0673' },
      { type: 'HEALTH_PLAN' as const, value: 'PCH-00739281-01' },
    ];
    const found = (text: string) => findWith(knownDetector, text, { ids }).map(([, t]) => t);
    expect(found('SSN 811 42 0673; Member ID: PCH00739281 01; also 811420673')).toEqual([
      '811 42 0673',
      '811420673',
      'PCH00739281 01',
    ]);
    expect(found('lot 8114206731 and XPCH0073928101')).toEqual([]);
  });
});
