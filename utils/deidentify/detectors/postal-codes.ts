/**
 * Postal codes as Safe Harbor treats them: a US ZIP keeps its first three digits unless that area
 * is small; any other postal code is replaced whole; and the code that follows a city it names.
 */
import type { Candidate } from '../types';

/** ZIP3 areas with under 20,000 people (HHS Safe Harbor guidance, 2000 census): they become 000. */
const SMALL_ZIP3 = new Set([
  '036',
  '059',
  '063',
  '102',
  '203',
  '556',
  '692',
  '790',
  '821',
  '823',
  '830',
  '831',
  '878',
  '879',
  '884',
  '890',
  '893',
]);

export function zip3(zip: string): string {
  const first = zip.slice(0, 3);
  return SMALL_ZIP3.has(first) ? '000' : first;
}

/** A US ZIP keeps its first three digits (Safe Harbor); any other postal code is replaced whole. */
export const postalReplacement = (code: string) => (/^\d{5}(?:-\d{4})?$/.test(code) ? zip3(code) : '000');

/**
 * A postal code right after a city: "Bjert 6091", "København K 1421", "Wrocław 53-320", "Boston 02115". Not a year
 * ("Boston 2019"), nor a figure with a unit ("Quincy 1200 mg" cannot be, but a unit says so).
 */
const CODE_AFTER_PLACE =
  /^[ \t]*,?[ \t]*(?:[A-Z]{1,2}[ \t]+)?(\d{4,5}|\d{3}[ -]\d{2}|\d{2}-\d{3}|\d{4}-\d{3})(?![\d.,]?\d|[ \t]*(?:mg|mcg|ml|mL|g|kg|lb|lbs|%|units?|mmHg|years?|y\/?o|am|pm|AM|PM)\b)/;

/** The postal code after a place found in `text` (the place ends at `end`), if one follows. */
export function postalCodeAfter(text: string, end: number): Candidate | undefined {
  const m = CODE_AFTER_PLACE.exec(text.slice(end, end + 24));
  // A year ("Boston 2019") or a clock time ("from Worcester 0830") is no postal code.
  if (!m || /^(?:19|20)\d\d$/.test(m[1]) || /^(?:[01]\d|2[0-3])[0-5]\d$/.test(m[1])) return undefined;
  const start = end + m[0].length - m[1].length;
  return { start, end: start + m[1].length, type: 'ZIP', replacement: postalReplacement(m[1]) };
}
