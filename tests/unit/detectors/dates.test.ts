import { describe, expect, it } from 'vitest';
import { dateDetector } from '../../../utils/deidentify/detectors/dates';
import { findWith } from './helpers';

describe('the date detector', () => {
  it('finds dates in the forms charts write them', () => {
    expect(
      findWith(dateDetector, 'Seen 03/14/2025, again on March 20, 2025 and 2025-04-02.')
        .map(([, text]) => text)
        .sort(),
    ).toEqual(['03/14/2025', '2025-04-02', 'March 20, 2025']);
  });
  it('leaves a year alone, ratios and doses', () => {
    expect(findWith(dateDetector, 'Diagnosed in 2019; BP 128/74; take 1/2 tablet')).toEqual([]);
  });
});
