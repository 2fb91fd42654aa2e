/**
 * Names found by what only a person has right after them: a birth date or an age and sex ("Joaquín Etxeberria (DOB
 * 02/27/2013)", "Will Castellano (30M, HCM)"), and a nickname in quotes in brackets ('GRANT-ELLERY, Oluwaseun
 * ("Seun")'); a first name that is also a word before what a person does ("Amber reports…"). Used by the name
 * detector (names.ts), which gives the name patterns.
 */
import clinicalServices from '../lexicons/clinical-services.json';
import { AMBIGUOUS_FIRST_NAMES, CREDENTIALS, FIRST_NAMES, FUNCTION_WORDS, isClinicalWord } from '../lexicons/names';
import { cuedMatches, cued, type TextCues } from '../cues';
import { wordBefore, words } from '../text';

/**
 * A birth date or an age and sex, in brackets, after a comma or a space: "(DOB …", ", DOB", "(30M", " 34M", "(92 y/o",
 * " is a 15-year-old"; or where a patient lies ("Bill Ocampo in 4B", "Xiong in rm 8": `room`, which a one-word name
 * may have too).
 */
const PERSON_FACTS =
  /(?:[(,][ \t]*|[ \t]+)(?:DOB\b|D\.O\.B\.|\d{1,3}[ \t]?(?:[MF]\b|y\/?o\b|yo\b|-year-old\b)|is an? \d{1,3}[- ](?:year|month|week|day)[- ]old\b)|,[ \t]*\d{1,3}(?=,)|[ \t]+in[ \t]+(?:(?<room>rm\.?|room|bed|bay)[ \t]*#?[ \t]*\d{1,4}[A-Z]?|\d{1,2}[A-Z])\b/g;
/**
 * What a person does, said right after a first name that is also a word ("Amber reports…", "Iris plays volleyball",
 * "Vy interprets"): the verb says it is a person. Not when the verb is a noun's ("Iris plays are…"). Found by the
 * verb, then the word before it is read: a scan for every capitalised word followed by a verb cost more than all the
 * other name cues together.
 */
export const PERSON_VERB = cued(
  '(?:reports|states|says|plays|interprets|emailed|texted|has been|is working)\\b(?![ \\t]+(?:are|were|is|was|have|had|show|shows|due|of|from|and|for|to|in|on)\\b)',
);
/** A first name that is also a word is capitalised as a name is: one capital, then lower case ("Amber"). */
const CAPITALISED_ONLY = /^\p{Lu}\p{Ll}+$/u;

export function wordNamesBeforeVerbs(cues: TextCues): Array<{ start: number; name: string }> {
  const out: Array<{ start: number; name: string }> = [];
  for (const m of cuedMatches(cues, PERSON_VERB)) {
    const found = wordBefore(cues.text, m.index);
    if (!found || !CAPITALISED_ONLY.test(found.word)) continue;
    const lower = found.word.toLowerCase();
    if (AMBIGUOUS_FIRST_NAMES.has(lower) && !FUNCTION_WORDS.has(lower))
      out.push({ start: found.start, name: found.word });
  }
  return out;
}

/** A first name, also one that is a word ("Hope Garza"); a function word alone is the word ("Me", not "Will Smith"). */
export function opensWithFirstName(name: string): boolean {
  const [first, ...rest] = words(name);
  const lower = first.toLowerCase();
  return (
    (FIRST_NAMES.has(lower) || AMBIGUOUS_FIRST_NAMES.has(lower)) && (rest.length > 0 || !FUNCTION_WORDS.has(lower))
  );
}

/** Services and roles a person is named after in brackets. */
const SERVICES: ReadonlySet<string> = new Set([
  // Specialties and specialists ("cardiology", "neurologist", "pediatrics", "surgery"), not "pain" or "home".
  ...[...clinicalServices.words, ...clinicalServices.serviceWords].filter((word) =>
    /(?:olog(?:y|ist)|iatr(?:y|ist)|ics|ery|ist|ian)$/.test(word),
  ),
  ...['ortho', 'surgeon', 'consultant', 'attending', 'hospitalist', 'pcp', 'resident', 'fellow', 'intern'],
  ...['wound care', 'primary care', 'palliative care', 'social work', 'case management', 'physical therapy'],
]);

/** The one or two words right before a bracket ("Wound Care (", "surgeon (", "Cardiology("). */
function wordsBefore(text: string, at: number): string | undefined {
  const last = wordBefore(text, at, false);
  if (!last) return undefined;
  const end = last.start + last.word.length;
  return text.slice(wordBefore(text, last.start)?.start ?? last.start, end);
}

/** Opening quotes, one kind or the other, from a position on. */
function nextOf(text: string, a: string, b: string, from: number): number {
  const x = text.indexOf(a, from);
  const y = text.indexOf(b, from);
  return x < 0 ? y : y < 0 ? x : Math.min(x, y);
}

/** The sticky patterns built from the detector's name token, built once. */
const patterns = new Map<string, { middle: RegExp; served: RegExp; tokenBefore: RegExp }>();
function patternsFor(token: string) {
  let found = patterns.get(token);
  if (!found) {
    found = {
      middle: new RegExp(`["“]${token}["”][ \\t]+${token}`, 'yu'),
      served: new RegExp(
        `[ \\t]*(${token}(?:[ \\t]+${token}){0,2})(?:,[ \\t]*(?:${CREDENTIALS}|\\p{Lu}{2,6}))*[ \\t]*\\)`,
        'yu',
      ),
      tokenBefore: new RegExp(`(?<![\\p{L}])${token}[ \\t]+$`, 'u'),
    };
    patterns.set(token, found);
  }
  return found;
}

/** Who may lie in a room without being named. */
const ROLE_WORD =
  /^(?:mom|dad|mother|father|wife|husband|son|daughter|baby|infant|newborn|twin|patient|pt|family|visitor|nurse|doctor)$/i;

/** How far back a name may start before its facts. */
const WINDOW = 60;

export interface NameBeforeFacts {
  start: number;
  name: string;
  /** The quoted nickname itself, which nothing but a person has. */
  nickname: boolean;
  /** A room or a bed after it ("in rm 8"): a one-word name before one is a patient's. */
  room?: boolean;
}

/**
 * @param nameBefore a name at the end of a string (the detector's NAME pattern anchored with `$`)
 * @param token one word of a name (the detector's TOKEN pattern)
 */
export function namesBeforePersonFacts(text: string, nameBefore: RegExp, token: string): NameBeforeFacts[] {
  const out: NameBeforeFacts[] = [];
  const nameEndingAt = (end: number) => {
    const from = Math.max(0, end - WINDOW);
    const window = text.slice(from, end).replace(/[ \t]+$/, '');
    const name = window.match(nameBefore)?.[0];
    return name ? { start: from + window.length - name.length, name } : undefined;
  };
  PERSON_FACTS.lastIndex = 0;
  for (let m = PERSON_FACTS.exec(text); m; m = PERSON_FACTS.exec(text)) {
    const found = nameEndingAt(m.index);
    // "Mom in room 12", "Patient in bed 3": a role, not a name.
    const room = m.groups?.room !== undefined && !!found && !ROLE_WORD.test(found.name);
    if (found) out.push({ ...found, nickname: false, ...(room ? { room } : {}) });
  }
  const { middle, served, tokenBefore } = patternsFor(token);
  // A nickname in quotes between the first and the family name ('Deshawn "Dee" Pruitt'): the three are one name. Read
  // at each opening quote, so the text is not scanned once more.
  for (let at = nextOf(text, '"', '“', 0); at >= 0; at = nextOf(text, '"', '“', at + 1)) {
    const first = tokenBefore.exec(text.slice(Math.max(0, at - 40), at));
    middle.lastIndex = at;
    const rest = first && middle.exec(text);
    if (!first || !rest) continue;
    const start = at - first[0].length;
    const name = text.slice(start, at + rest[0].length);
    if (opensWithFirstName(name)) out.push({ start, name, nickname: true });
  }
  // A person in brackets after the service or role they stand for: "Cardiology (Ramaswamy)", "Wound Care (Summer
  // Delgado, CWOCN)", "surgeon (Ruiz-Tagle)"; not "Consult (Cardiology)" or "Nursing (PCA)". Read at each bracket.
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    const before = wordsBefore(text, at)?.toLowerCase();
    if (!before || !(SERVICES.has(before) || SERVICES.has(before.replace(/^\S+\s+/, '')))) continue;
    served.lastIndex = at + 1;
    const name = served.exec(text)?.[1];
    if (!name || /^\p{Lu}+$/u.test(name)) continue;
    if (words(name).some((word) => isClinicalWord(word) || SERVICES.has(word.toLowerCase()))) continue;
    out.push({ start: text.indexOf(name, at + 1), name, nickname: true });
  }
  const quoted = new RegExp(`\\([ \\t]*["“'‘](${token})["”'’][ \\t]*\\)`, 'g');
  for (let m = quoted.exec(text); m; m = quoted.exec(text)) {
    if (nameEndingAt(m.index)) out.push({ start: m.index + m[0].indexOf(m[1]), name: m[1], nickname: true });
  }
  return out;
}

/**
 * An initial and a family name, standing as a name stands in a list or a signature: before a comma, a bracket, a slash,
 * a semicolon or the end of the line ("from R. Akintola (PGY2)", "Crew: T. Landry, NRP / M. Ardoin, EMT-B"). A single
 * capital ending a sentence is not followed by such a word alone ("vitamin D. Recheck in 3 months").
 */
const INITIAL_THEN_FAMILY_NAME = /\b[A-Z]\.[ \t]?([A-Z][a-z'’]{3,}(?:-[A-Z][a-z'’]+)?)(?=[ \t]*(?:[,(;/]|\r?\n|$))/gm;

export function initialAndFamilyNames(text: string): Array<{ start: number; name: string }> {
  const out: Array<{ start: number; name: string }> = [];
  INITIAL_THEN_FAMILY_NAME.lastIndex = 0;
  for (let m = INITIAL_THEN_FAMILY_NAME.exec(text); m; m = INITIAL_THEN_FAMILY_NAME.exec(text)) {
    // "P.O. Box", "U.S. Navy": an abbreviation's letters, not an initial.
    const before = text[m.index - 1];
    if (before === '.' || (before !== undefined && /\p{L}/u.test(before))) continue;
    const lower = m[1].toLowerCase();
    if (isClinicalWord(lower) || FUNCTION_WORDS.has(lower)) continue;
    out.push({ start: m.index, name: m[0] });
  }
  return out;
}

/**
 * A name in a field of its own, family name in capitals first ("| KOWALCZYK, T |", "| NGUYEN, THI HUONG |", "| PAGE,
 * SUNNY |" on a tracking board): a bar, a tab, two spaces or the line's edge on both sides. The given part is an
 * initial or a known first name; "| BMP, CBC |" and "| STAT, CT HEAD |" (orders) have neither.
 */
const FAMILY_FIRST_FIELD =
  /(?<=^|\||\t| {2})[ \t]*([A-Z][A-Z'’]{2,}(?:-[A-Z'’]{2,})?),[ \t]?([A-Z](?:\.|[A-Za-z'’-]*)(?:[ \t][A-Z][A-Za-z'’-]*){0,2})(?=[ \t]*(?:\||\t| {2}|\r?\n|$))/gm;

export function familyFirstFields(text: string): Array<{ start: number; name: string }> {
  const out: Array<{ start: number; name: string }> = [];
  FAMILY_FIRST_FIELD.lastIndex = 0;
  for (let m = FAMILY_FIRST_FIELD.exec(text); m; m = FAMILY_FIRST_FIELD.exec(text)) {
    const [, family, given] = m;
    const givenWords = words(given);
    const initial = /^[A-Z]\.?$/.test(given);
    // Beside an initial, the family name alone says it is a name ("PAGE, SUNNY" is one by its first name).
    if (isClinicalWord(family.toLowerCase()) || (initial && FUNCTION_WORDS.has(family.toLowerCase()))) continue;
    // Two words are not enough ("| STAT, CT HEAD |" is an order): an initial, or a first name among the given words.
    const firstName = givenWords.some((word) => {
      const lower = word.toLowerCase();
      return FIRST_NAMES.has(lower) || AMBIGUOUS_FIRST_NAMES.has(lower);
    });
    if (!initial && !firstName) continue;
    const start = m.index + m[0].indexOf(family);
    out.push({ start, name: text.slice(start, m.index + m[0].length).trimEnd() });
  }
  return out;
}

/**
 * An age and sex or an age alone as a case opens ("priya raghunathan 34f", "bogdan ionescu 62m", "farzana chowdhury,
 * 20,"), read where the facts are; the words before them are tried as a name typed in lower case.
 */
const LOWER_CASE_FACTS = /\d{1,3}[ \t]?(?:[mfMF]|y\/?o|yo|yrs?|-year-old|[ -]year[ -]old)\b|(?<=,[ \t]*)\d{1,3}(?=,)/g;
/** One or two lower-case words right before the facts, after a comma or spaces. */
const LOWER_NAME_BEFORE = /(?<![\p{L}\p{N}'’-])(?:(\p{Ll}[\p{Ll}'’-]+)[ \t]+)?(\p{Ll}[\p{Ll}'’-]+)(?:,[ \t]*|[ \t]+)$/u;

/** A word that may stand in a lower-case name: no function or clinical word, no first name that is also a word. */
const mayBeNamePart = (word: string) =>
  word.length >= 2 && !FUNCTION_WORDS.has(word) && !isClinicalWord(word) && !AMBIGUOUS_FIRST_NAMES.has(word);

/**
 * A name typed in lower case before the facts a case opens with: a first name of the dictionaries (never one that is
 * also a word), with the word after it as the family name ("dwayne combs 44m"). Text typed all in lower case is read
 * with capitals already (recaseLowercase); this finds the name in a line that has capitals elsewhere ("OUD on bup").
 */
export function lowerCaseNamesBeforeFacts(text: string): Array<{ start: number; name: string }> {
  const out: Array<{ start: number; name: string }> = [];
  LOWER_CASE_FACTS.lastIndex = 0;
  for (let m = LOWER_CASE_FACTS.exec(text); m; m = LOWER_CASE_FACTS.exec(text)) {
    const from = Math.max(0, m.index - 48);
    const before = LOWER_NAME_BEFORE.exec(text.slice(from, m.index));
    if (!before) continue;
    const [whole, first, last] = before;
    const start = from + before.index;
    if (first && FIRST_NAMES.has(first) && mayBeNamePart(first) && mayBeNamePart(last))
      out.push({ start, name: `${first}${whole.slice(first.length).match(/^[ \t]+/)![0]}${last}` });
    else if (FIRST_NAMES.has(last) && mayBeNamePart(last))
      out.push({ start: start + whole.indexOf(last, first ? first.length : 0), name: last });
  }
  return out;
}
