/**
 * Organisations named without a cue: health systems, hospitals known by a short name, dialysis, pharmacy and care-home
 * chains, shelters ("transferred from Intermountain", "the Walgreens on Main", "Rite Aid #5532") as places, and large
 * employers ("nights at Costco") as employers. The names are data (lexicons/organisations.json). A name that is also
 * an everyday word or a family name ("Mercy", "Target", "Hopkins") counts only after a word that introduces a place.
 */
import organisations from '../lexicons/organisations.json';
import type { Candidate, Detector } from '../types';
import { atSentenceStart, matches, phrasesPattern } from '../text';

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

/** Any of the names (the longest that fits); a store's number may follow. */
const ORGANISATION = new RegExp(
  `(?<![A-Za-z0-9])(${phrasesPattern(TYPE_OF.keys())})(?:[ \\t]*#[ \\t]*\\d{2,6})?(?![A-Za-z0-9])`,
  'g',
);

/** The words after which an everyday word names a place: "at Mercy", "from Providence", "the Target on Elm". */
const PLACE_WORD_BEFORE = /(?:^|[^A-Za-z])(?:at|from|to|for|with|by|near|the|@)[ \t]+$/i;

export function detectOrganisations(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(text, ORGANISATION)) {
    const name = m[1].replace(/’/g, "'");
    if (
      NEEDS_CUE.has(name) &&
      (atSentenceStart(text, m.index) || !PLACE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)))
    )
      continue;
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
