/**
 * Clinical terms named after people and places: "Ramsay Hunt syndrome", "West Nile", "Ann Arbor stage", "Bell's palsy",
 * "Penrose drain". The name inside such a term is no person and no town, and removing it changes what the model reads
 * ("[PERSON-3] virus"). The terms are data (lexicons/eponyms.json), each clinical wherever it stands; a name that is
 * clinical only with its noun is listed with it, so a town or a family name standing alone still goes.
 */
import { NAME_CUES, NAME_LABELS, RELATIONS } from './detectors/names';
import lexicon from './lexicons/eponyms.json';
import { phrasesPattern } from './text';
import type { Candidate } from './types';

/** Any term, whole (the longest that fits), in the folded text: lower case, no accents. */
const EPONYM = new RegExp(`(?<![a-z0-9])(?:${phrasesPattern(lexicon.phrases)})(?![a-z0-9])`, 'g');

/**
 * What says the next words are a person's name, whatever they spell: a relation, a title, a name label or a cue such as
 * "spoke with" ("her son Miller Fisher", "Dr. Graham Steell", "Patient: Ramsay Hunt").
 */
const PERSON_BEFORE = new RegExp(
  `(?:\\b(?:${RELATIONS}|${NAME_CUES})|\\b(?:dr|mr|mrs|ms|miss|mx|prof|named|called|pt)\\.?|\\b(?:${NAME_LABELS})[ \\t]*:)[\\s,;]*$`,
  'i',
);

const NAMED_KINDS: ReadonlySet<Candidate['type']> = new Set(['PERSON', 'CLINICIAN', 'LOCATION', 'EMPLOYER']);

/** What only a person has after a name: an age and sex, a birth date or record number, a credential ("…, MD"). */
const PERSON_AFTER = /^(?:,?\s*\(?\d{1,3}\s?[mf]\b|,?\s*\(?(?:dob|mrn)\b|,\s*(?:md|do|np|rn|pa-c|pa|dds|phd)\b)/;

/** A trial's name in capitals where it names the trial: "the VICTORIA trial", "GRACE registry", "the VICTORIA arm". */
const TRIAL_NAME = /\b([A-Z][A-Z0-9-]{2,})(?=[ \t]+(?:trial|study|registry|investigators|risk score)\b)/g;
/** The words after a trial's name that keep it the trial's where it stands again ("VICTORIA criteria"). */
const TRIAL_WORD_AFTER =
  /^[ \t]+(?:trial|study|registry|investigators|risk score|criteria|arm|cohort|population|results|data)\b/;

/** The stretches of the text that are eponymous terms, in order: [start, end) offsets, also of the unfolded text. */
export function eponymSpans(text: string, folded: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  EPONYM.lastIndex = 0;
  for (let m = EPONYM.exec(folded); m; m = EPONYM.exec(folded)) {
    const end = m.index + m[0].length;
    if (
      !PERSON_BEFORE.test(folded.slice(Math.max(0, m.index - 40), m.index)) &&
      !PERSON_AFTER.test(folded.slice(end, end + 16))
    )
      spans.push([m.index, end]);
  }
  // A trial named once is the trial where its name stands so again ("the VICTORIA trial … the VICTORIA arm").
  const trials = new Set([...text.matchAll(TRIAL_NAME)].map((m) => m[1]));
  if (!trials.size) return spans;
  for (const trial of trials)
    for (let at = text.indexOf(trial); at >= 0; at = text.indexOf(trial, at + trial.length)) {
      const end = at + trial.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      // Only where it stands as the trial's name: after "the", or before a word said of trials.
      const named =
        /\bthe[ \t]+$/i.test(text.slice(Math.max(0, at - 8), at)) || TRIAL_WORD_AFTER.test(text.slice(end, end + 24));
      if (named && !PERSON_BEFORE.test(folded.slice(Math.max(0, at - 40), at))) spans.push([at, end]);
    }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** A person, town or employer found wholly inside an eponymous term; known identifiers never are. */
export function insideEponym(spans: ReadonlyArray<[number, number]>, c: Candidate): boolean {
  if (c.known || !NAMED_KINDS.has(c.type) || !spans.length) return false;
  // The last term starting at or before the finding (a trial's name never lies inside a term of the list).
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (spans[mid][0] <= c.start) low = mid;
    else high = mid - 1;
  }
  const [start, end] = spans[low];
  return start <= c.start && c.end <= end;
}
