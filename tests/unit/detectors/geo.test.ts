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
  it('finds streets written the European way, units on their own, and a postal code after a country', () => {
    const found = findWith(
      geoDetector,
      'Sandra lives on Hansinegata 12. Post to 83854 Strickstrasse 61, Suite 292, Zuoz; or Rua Mina 5, Poznań, Poland 35403.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        ['ADDRESS', 'Hansinegata 12'],
        ['ADDRESS', '83854 Strickstrasse 61'],
        ['ADDRESS', 'Suite 292'],
        ['ADDRESS', 'Rua Mina 5'],
        ['ZIP', '35403'],
      ]),
    );
  });
  it('keeps clinical text that has a street word or a country beside a number', () => {
    expect(findWith(geoDetector, 'Via PICC 2 lumens; a tie 2 days; Brigade 3; moved from Mexico 2019.')).toEqual([]);
  });
});
