/**
 * Geography smaller than a state: street addresses, streets, cities, facilities and named places;
 * ZIP codes, which Safe Harbor lets keep their first three digits (000 where few people live).
 */
import type { Candidate } from '../types';
import { matches } from '../text';

const STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const SUFFIX = 'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Ter|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Square|Sq|Trail|Trl|Turnpike|Tpke|Pike|Row|Alley';
const WORD = "[A-Z][A-Za-z'.-]*";
const UNIT = '(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|Floor|Fl|Room|Rm|#)\\.?\\s*#?[A-Za-z0-9-]+)?';

/** 42 Larkspur Lane, Apt 3B · 1200 Harbor St · PO Box 77 */
const STREET_ADDRESS = new RegExp(`\\b\\d{1,6}[A-Z]?\\s+(?:[NSEW]\\.?\\s+)?(?:${WORD}\\s+){0,3}(?:${SUFFIX})\\b\\.?${UNIT}|\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d+`, 'g');
/** A street named without a number: "on Washington Street", "the CVS on Park Ave". */
const STREET = new RegExp(`\\b(?:${WORD}\\s+){1,3}(?:${SUFFIX})\\b`, 'g');
/** Dedham, MA 02026 · Worcester, MA · Cambridge MA 02139-1234 */
const CITY_STATE_ZIP = new RegExp(`\\b((?:${WORD}\\s+){0,2}${WORD}),?\\s+(?:${STATES})\\b(?:\\s+(\\d{5})(?:-\\d{4})?)?`, 'g');
const ZIP_LABELLED = /\b(?:zip(?:\s*code)?|postal code)\s*[:#]?\s*(\d{5})(?:-\d{4})?\b/gi;
/** Named places and facilities: Wilson Park, Saint Vincent ED, Riverside Renal Associates. */
const PLACE = new RegExp(
  `\\b(?:(?:Saint|St\\.|Mount|Mt\\.|San|Santa|Fort|Ft\\.|Lake|New|North|South|East|West)\\s+)?(?:${WORD}\\s+){0,3}${WORD}\\s+(?:Park|Plaza|Mall|Beach|County|Township|Village|Hospital|Medical Center|Health Center|Clinic|Associates|Urgent Care|ED|Emergency Department|Nursing Home|Rehabilitation Center|Rehab|Family Health|Internal Medicine|Medical Group|Pediatrics|Senior Center|Assisted Living|Elementary School|High School|Middle School|University|College)\\b`,
  'g',
);
/** Places named with Saint or Mount: "Mount Auburn", "St. Vincent's". */
const SAINT_OR_MOUNT = new RegExp(`\\b(?:Saint|St\\.|Mount|Mt\\.)\\s+${WORD}(?:['’]s)?`, 'g');
/** Cities named after a word that says "a place": "moved back to Providence", "lives in Dedham". */
const CUED_PLACE = new RegExp(
  `(?<=\\b(?:moved(?: back)? to|lives in|living in|lived in|relocated to|visiting|travell?ed to|trip to|returned from|born in|grew up in|drove (?:in )?from|comes? from|flew (?:in )?from|vacation in|stays? in)\\s+)(?:${WORD}\\s+){0,2}${WORD}`,
  'g',
);

/** ZIP3 areas with under 20,000 people (HHS Safe Harbor guidance, 2000 census): they become 000. */
const SMALL_ZIP3 = new Set(['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893']);

export function zip3(zip: string): string {
  const first = zip.slice(0, 3);
  return SMALL_ZIP3.has(first) ? '000' : first;
}

const NOT_A_PLACE = /^(?:the|a|an|her|his|their|my|our|this|that|work|home|school|church|bed|clinic|hospital|rehab|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;

export function detectGeo(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(text, STREET_ADDRESS)) found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  for (const m of matches(text, STREET)) {
    // "Dr." and "St." before a name are Doctor and Saint ("Hello Dr. Whitfield", "St. Vincent"), not streets.
    const last = m[0].trim().split(/\s+/).pop() ?? '';
    if (/^(?:Dr|St)\.?$/.test(last) && /^\.?\s+[A-Z]/.test(text.slice(m.index + m[0].length))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  for (const m of matches(text, CITY_STATE_ZIP)) {
    const city = m[1];
    if (!NOT_A_PLACE.test(city)) found.push({ start: m.index, end: m.index + city.length, type: 'LOCATION' });
    if (m[2]) {
      const start = m.index + m[0].lastIndexOf(m[2]);
      found.push({ start, end: m.index + m[0].length, type: 'ZIP', replacement: zip3(m[2]) });
    }
  }
  for (const m of matches(text, ZIP_LABELLED)) {
    const start = m.index + m[0].lastIndexOf(m[1]);
    found.push({ start, end: m.index + m[0].length, type: 'ZIP', replacement: zip3(m[1]) });
  }
  for (const pattern of [PLACE, SAINT_OR_MOUNT]) for (const m of matches(text, pattern)) found.push({ start: m.index, end: m.index + m[0].length, type: 'LOCATION' });
  for (const m of matches(text, CUED_PLACE)) {
    if (!NOT_A_PLACE.test(m[0])) found.push({ start: m.index, end: m.index + m[0].length, type: 'LOCATION' });
  }
  return found;
}
