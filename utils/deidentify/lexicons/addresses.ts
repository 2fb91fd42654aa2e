/**
 * Address vocabularies as data: USPS street suffixes (Publication 28, Appendix C1, from the
 * `street-types` package), secondary unit designators (Appendix C2) and US states, made into the
 * regular-expression alternations the geography detector uses.
 */
import streetTypes from 'street-types';
import states from './us-states.json';
import units from './unit-designators.json';
import { escapeRegExp } from '../text';

const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
/** Longest first, so "Street" is tried before "St". */
const alternation = (words: Iterable<string>) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const suffixWords = (streetTypes as Array<{ suffix: string; abbrs: string[] }>).flatMap((t) =>
  [t.suffix, ...t.abbrs].map((w) => w.trim()).filter(Boolean),
);

/** Every USPS suffix and abbreviation, capitalised ("Trace", "Trce"), and full names in capitals ("TRACE"). */
export const STREET_SUFFIX = alternation([...suffixWords.map(titleCase), ...suffixWords.filter((w) => w.length >= 4)]);

/** Unit designators: "Apt 7", "Suite 33", "Bldg C". */
export const UNIT_DESIGNATOR = alternation(units.designators);

/** The same two in capitals, abbreviations too ("RD", "STE"), for addresses typed in capitals. */
export const STREET_SUFFIX_CAPITALS = alternation(suffixWords.map((w) => w.toUpperCase()));
export const UNIT_DESIGNATOR_CAPITALS = alternation(units.designators.map((w: string) => w.toUpperCase()));

/** Two-letter codes that are also English words or common labels; they count only before a ZIP. */
// MD, PA and MS are also a signature's degree ("Whitfield, MD", "Lee, PA") and multiple sclerosis.
const AMBIGUOUS_CODES = new Set([
  'ID',
  'IN',
  'OR',
  'ME',
  'OK',
  'HI',
  'DE',
  'LA',
  'AS',
  'GU',
  'VI',
  'MP',
  'MD',
  'PA',
  'MS',
]);
export const STATE_CODES_UNAMBIGUOUS = alternation(states.map((s) => s.code).filter((c) => !AMBIGUOUS_CODES.has(c)));
export const STATE_CODES = alternation(states.map((s) => s.code));
export const STATE_NAMES = alternation(states.map((s) => s.name));
