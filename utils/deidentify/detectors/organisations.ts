/**
 * Organisations named without a cue: health systems, hospitals known by a short name, dialysis, pharmacy and care-home
 * chains, shelters ("transferred from Intermountain", "the Walgreens on Main", "Rite Aid #5532") as places, and large
 * employers ("nights at Costco") as employers. The names are data (lexicons/organisations.json). A name that is also
 * an everyday word or a family name ("Mercy", "Target", "Hopkins") counts only after a word that introduces a place.
 */
import organisations from '../lexicons/organisations.json';
import type { Candidate, Detector } from '../types';
import { atSentenceStart, matches, phrasesPattern, wordBefore } from '../text';

type OrganisationType = 'LOCATION' | 'EMPLOYER';

/** Each name as listed and in capitals (a line typed in capitals), with the type it is removed as. */
const TYPE_OF = new Map<string, OrganisationType>();
for (const [names, type] of [
  [organisations.care, 'LOCATION'],
  [organisations.employers, 'EMPLOYER'],
] as const)
  for (const name of names) {
    TYPE_OF.set(name, type);
    TYPE_OF.set(name.toUpperCase(), type);
  }
const NEEDS_CUE: ReadonlySet<string> = new Set(organisations.needsCue.flatMap((name) => [name, name.toUpperCase()]));

/** Any of the names (the longest that fits), never inside a word or a code ("R-CHOP"); a store's number may follow. */
const ORGANISATION = new RegExp(
  `(?<![A-Za-z0-9-])(${phrasesPattern(TYPE_OF.keys())})(?:[ \\t]*#[ \\t]*\\d{2,6})?(?![A-Za-z0-9])`,
  'g',
);

/** The words after which an everyday word names a place: "at Mercy", "from Providence", "the Target on Elm". */
const PLACE_WORDS: ReadonlySet<string> = new Set(['at', 'from', 'to', 'for', 'with', 'by', 'near', 'the']);
/** What follows an eponym that is also an organisation's name: "the Parkland formula", "the Hopkins Verbal …". */
const EPONYM_AFTER_NAME =
  /^[ \t]+(?:formula|forms?|scale|test|criteria|classification|score|sign|protocol|questionnaire|verbal)\b/i;

/**
 * Whether a name that is also a word stands where a place is named: after a place word written in lower case (in a
 * line typed in capitals no word tells: "BP AT TARGET"), and not before what makes it an eponym.
 */
function namedAsPlace(text: string, start: number, end: number): boolean {
  if (atSentenceStart(text, start) || EPONYM_AFTER_NAME.test(text.slice(end, end + 24))) return false;
  const before = wordBefore(text, start)?.word;
  return before !== undefined && PLACE_WORDS.has(before);
}

export function detectOrganisations(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(text, ORGANISATION)) {
    const name = m[1].replace(/’/g, "'");
    if (NEEDS_CUE.has(name) && !namedAsPlace(text, m.index, m.index + m[1].length)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, type: TYPE_OF.get(name)! });
  }
  return found;
}

export const organisationDetector: Detector = {
  name: 'organisations',
  finds: 'health systems, pharmacies and employers named without a cue',
  detect: ({ text }) => detectOrganisations(text),
  patterns: [],
};
