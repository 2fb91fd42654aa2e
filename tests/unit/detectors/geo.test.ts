import { describe, expect, it } from 'vitest';
import { geoDetector } from '../../../utils/deidentify/detectors/geo';
import { findWith } from './helpers';

describe('the street and ZIP detector', () => {
  it('finds a street address and a ZIP code', () => {
    const found = findWith(
      geoDetector,
      'Lives at 1077 Jenkins Esplanade Suite 33, Concord, MA 01742 (no USPS suffix: the unit and the city say it is a street).',
    );
    expect(found.map(([type]) => type)).toEqual(expect.arrayContaining(['ADDRESS', 'LOCATION', 'ZIP']));
    expect(found.some(([, text]) => text.includes('1077 Jenkins Esplanade'))).toBe(true);
  });
  it('leaves doses and counts that look like house numbers', () => {
    expect(findWith(geoDetector, 'Take 500 mg twice daily; 12 steps; 2 puffs.')).toEqual([]);
  });
});
