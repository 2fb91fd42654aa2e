/**
 * Street addresses typed in capitals ("2800 E DESERT INN RD STE 100, LAS VEGAS", "318 N 2ND ST APT 4"). In capitals a
 * street's abbreviation is also clinical shorthand ("1 MM ST ELEVATION", "12 LEAD ST CHANGES"), so an address needs
 * what only addresses have after it: a unit ("APT 4", "SUITE 200") or a comma and the city. Used by the geography
 * detector.
 */
import { STREET_SUFFIX_CAPITALS, UNIT_DESIGNATOR_CAPITALS } from '../lexicons/addresses';
import { matches } from '../text';

const STREET_IN_CAPITALS = new RegExp(
  `\\b\\d{2,6}[A-Z]?[ \\t]+(?:[NSEW][ \\t]+)?(?:(?:[A-Z][A-Z'’-]+|\\d{1,4}(?:ST|ND|RD|TH))[ \\t]+){1,3}` +
    `(?:${STREET_SUFFIX_CAPITALS})\\b(?:[ \\t]+[NSEW]{1,2}\\b)?` +
    `(?<unit>,?[ \\t]+(?:${UNIT_DESIGNATOR_CAPITALS})\\.?[ \\t]*#?[A-Z0-9-]*\\d[A-Z0-9-]*)?(?=(?<city>,[ \\t]*[A-Z]{3})|)`,
  'g',
);

export function streetsInCapitals(text: string): Array<{ start: number; end: number }> {
  return matches(text, STREET_IN_CAPITALS)
    .filter((m) => m.groups!.unit || m.groups!.city)
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
