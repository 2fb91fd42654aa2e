/**
 * De-identification, in the browser, before anything leaves: Safe Harbor identifiers become
 * stable placeholders; the mapping stays in a PlaceholderBook that never leaves the panel.
 */
import { isLowerNameWordElsewhere, isNameWordElsewhere } from './lexicons/names';
import { DETECTORS, runDetectors } from './detectors/registry';
import { PlaceholderBook } from './placeholders';
import { eponymSpans, insideEponym } from './eponyms';
import { namesAnInstrument } from './instruments';
import { widenPlaceRuns } from './place-runs';
import { resolve } from './resolve';
import { CAPITALISED_WORD, escapeRegExp, findWord, fold, matches } from './text';
import type { Candidate, DeidResult, Detector, KnownIdentifiers } from './types';

export { knownFromRecord } from './detectors/known';
export { DetectorFailure, DETECTORS } from './detectors/registry';
export { PlaceholderBook } from './placeholders';
export { describeLeaks, findLeaks, mask, type Leak } from './leak-guard';

const NO_KNOWN: KnownIdentifiers = {
  nameParts: [],
  birthDays: [],
  ids: [],
  phoneDigits: [],
  emails: [],
  addressParts: [],
};

export interface ClinicianChoices {
  /** Text to remove wherever it appears, as the clinician selected it in the preview. */
  redact?: string[];
  /** Findings the clinician marked as not identifiers: left as written (known identifiers never are). */
  keep?: string[];
}

export interface DetectorChoice {
  /** The detectors to run (tests replace one to prove a failure blocks the send). */
  detectors?: readonly Detector[];
}

/** Everything that looks like an identifier, resolved to one span per stretch of text. */
export function findIdentifiers(
  text: string,
  known: KnownIdentifiers = NO_KNOWN,
  choices: ClinicianChoices & DetectorChoice = {},
): Candidate[] {
  const folded = fold(text);
  const redacted: Candidate[] = (choices.redact ?? []).flatMap((value) =>
    findWord(folded, fold(value.trim())).map(([start, end]) => ({
      start,
      end,
      type: 'REDACTED' as const,
      known: true,
    })),
  );
  const kept = new Set((choices.keep ?? []).map((value) => fold(value.trim())));
  // A person's or a city's name that names a scale, a sign, a device or a disease ("Glasgow Coma Scale", "West Nile")
  // is no identifier.
  const eponyms = eponymSpans(text, folded);
  const isClinicalTerm = (c: Candidate) => namesAnInstrument(text, c) || insideEponym(eponyms, c);
  const candidates = runDetectors(text, folded, known, choices.detectors ?? DETECTORS).filter(
    (c) => !isClinicalTerm(c),
  );
  const chosen = kept.size ? candidates.filter((c) => c.known || !kept.has(folded.slice(c.start, c.end))) : candidates;
  const all = redacted.length ? [...redacted, ...chosen] : chosen;
  const first = resolve(text, all);
  // A code found once is removed wherever it appears, also run together with other text on the
  // page ("selfID: 20cf14fb-…c18cat"): the leak guard would rightly block what the first pass left.
  const inWords = occurrencesOf(folded, strongValues(first, folded));
  // A person named once with a cue is the same person where the text names them again without one.
  // (An eponym does not keep them: "Smith" named once with a cue is a person in "Smith's fracture" too.)
  const named = nameOccurrences(text, first).filter((c) => !namesAnInstrument(text, c));
  const uncovered = notCovered(named.length ? [...inWords, ...named] : inWords, first);
  // The first pass already settled every other overlap: only its spans meet the new ones.
  return widenPlaceRuns(text, uncovered.length ? resolve(text, [...first, ...uncovered]) : first);
}

/** Dates and ages are found by their form wherever they stand; codes can hide inside other text. */
const NOT_CODES: ReadonlySet<Candidate['type']> = new Set([
  'DATE',
  'AGE',
  'ZIP',
  'PATIENT',
  'PERSON',
  'CLINICIAN',
  'LOCATION',
  'ADDRESS',
  'EMPLOYER',
]);

/** Found codes long enough (eight or more characters with a digit, no space) to remove even inside a word. */
function strongValues(found: Candidate[], folded: string): Array<[string, Candidate['type']]> {
  const values = new Map<string, Candidate['type']>();
  for (const c of found) {
    if (NOT_CODES.has(c.type)) continue;
    const value = folded.slice(c.start, c.end);
    if (value.length >= 8 && /\d/.test(value) && !/\s/.test(value) && !values.has(value)) values.set(value, c.type);
  }
  return [...values];
}

const PEOPLE: ReadonlySet<Candidate['type']> = new Set(['PERSON', 'CLINICIAN']);
const NAME_WORD = /[\p{L}'’-]+/gu;

const CAPITALISED = new RegExp(CAPITALISED_WORD, 'g');
const LOWER_WORD = /(?<![\p{L}'’-])\p{Ll}+(?![\p{L}])/gu;

/**
 * Every capitalised whole-word occurrence of the words of the names found (case kept: "Hope" the name, "hope" the
 * word): one scan of the text's capitalised words, where a search per name word cost a pass over a long record for
 * each of its hundreds of names.
 */
function nameOccurrences(text: string, found: Candidate[]): Candidate[] {
  const nameWords = new Map<string, Candidate['type']>();
  let lowerCase = false;
  for (const c of found) {
    if (!PEOPLE.has(c.type)) continue;
    for (const [word] of text.slice(c.start, c.end).matchAll(NAME_WORD)) {
      if (nameWords.has(word)) continue;
      if (isNameWordElsewhere(word)) nameWords.set(word, c.type);
      else if (isLowerNameWordElsewhere(word)) {
        nameWords.set(word, c.type); // a name typed in lower case is found again as typed ("vitoria needs…")
        lowerCase = true;
      }
    }
  }
  if (!nameWords.size) return [];
  const out: Candidate[] = [];
  const add = (start: number, word: string) => {
    const type = nameWords.get(word);
    if (type && !isWordChar(text[start - 1]) && !isWordChar(text[start + word.length]))
      out.push({ start, end: start + word.length, type });
  };
  for (const m of matches(text, CAPITALISED)) {
    add(m.index, m[0]);
    // "O'Neil's", "Smith-Jones", "Anne-": the name word may be a part of the run.
    if (!/['’-]/.test(m[0])) continue;
    for (const part of m[0].matchAll(NAME_WORD_PART)) if (part[0] !== m[0]) add(m.index + part.index, part[0]);
    const trimmed = m[0].replace(/(?:['’]s|['’-]+)$/, '');
    if (trimmed !== m[0]) add(m.index, trimmed);
  }
  // Rare (only text typed in lower case has such names): a second scan, of the lower-case words.
  if (lowerCase) for (const m of matches(text, LOWER_WORD)) add(m.index, m[0]);
  return out;
}

/** The parts of a joined name: "Smith" and "Jones" of "Smith-Jones" (an apostrophe stays: "O'Neil"). */
const NAME_WORD_PART = /[\p{L}'’]+/gu;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/**
 * The candidates no resolved span contains; one sweep over both, sorted by start (a long record has thousands of
 * each).
 */
function notCovered(candidates: Candidate[], spans: Candidate[]): Candidate[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  let i = 0;
  let reach = -1; // the furthest end of the spans starting at or before the candidate
  for (const c of [...candidates].sort((a, b) => a.start - b.start)) {
    while (i < sorted.length && sorted[i].start <= c.start) reach = Math.max(reach, sorted[i++].end);
    if (reach < c.end) out.push(c);
  }
  return out;
}

/**
 * Every occurrence of the values, as candidates of their type: one scan with an alternation of them all (longest
 * first), stepping one character past each match so overlapping values are found too. A scan per value cost a pass
 * over the whole text for each of hundreds of codes in a long record.
 */
function occurrencesOf(folded: string, values: Array<[string, Candidate['type']]>): Candidate[] {
  if (!values.length) return [];
  const typeOf = new Map(values);
  const pattern = new RegExp(
    [...typeOf.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  const out: Candidate[] = [];
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    out.push({ start: m.index, end: m.index + m[0].length, type: typeOf.get(m[0])!, known: true });
    pattern.lastIndex = m.index + 1;
  }
  return out;
}

/** Replaces every identifier in `text` with its placeholder; spans are offsets into `text`. */
/** Throws DetectorFailure when a detector fails: callers turn it into an error that blocks the send. */
export function deidentify(
  text: string,
  options: { known?: KnownIdentifiers; book?: PlaceholderBook } & ClinicianChoices & DetectorChoice = {},
): DeidResult {
  const book = options.book ?? new PlaceholderBook();
  const spans: DeidResult['spans'] = [];
  let out = '';
  let at = 0;
  for (const c of findIdentifiers(text, options.known, options)) {
    const placeholder = book.placeholderFor(c, text.slice(c.start, c.end));
    out += text.slice(at, c.start) + placeholder;
    at = c.end;
    spans.push({ start: c.start, end: c.end, type: c.type, placeholder, ...(c.known ? { known: true } : {}) });
  }
  return { text: out + text.slice(at), spans };
}
