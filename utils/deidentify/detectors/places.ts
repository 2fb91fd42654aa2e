/**
 * Cities and towns named without a cue ("We moved here from Kenosha", "seen in Waltham"), from a
 * gazetteer kept as data (lexicons/places.json, built from GeoNames by scripts/build-lexicons.mjs).
 * Context rules keep clinical text whole: a place name must be capitalised, is never a clinical
 * word or eponym, and a one-word name opening a sentence counts only when an address-like comma
 * follows it ("Kenosha, WI"). Whole states and countries stay, as Safe Harbor allows.
 */
import lexicon from '../lexicons/places.json';
import { isRegion } from '../regions';
import { atSentenceStart, fold, isAscii, LETTERS, UPPER_LETTERS, wordBefore } from '../text';
import type { Candidate, Detector } from '../types';
import { EPONYM_AFTER, isClinicalWord } from '../lexicons/names';
import { isDrugName } from '../../record/drugs';
import { postalCodeAfter } from './postal-codes';
import { STATE_CODES, STATE_NAMES } from '../lexicons/addresses';

/** Longest place name, in words, tried at each capitalised word. */
const MAX_WORDS = 4;

/**
 * Folded place names by their first word: the detector tries only names that start with the word it is at. And the
 * first two words of every longer name: a run of words that starts none is read no further.
 */
const byFirstWord = new Map<string, Set<string>>();
const firstTwoWords = new Set<string>();
for (const place of lexicon.places) {
  const folded = fold(place);
  const words = folded.split(' ');
  let names = byFirstWord.get(words[0]);
  if (!names) byFirstWord.set(words[0], (names = new Set()));
  names.add(folded);
  if (words.length > 1) firstTwoWords.add(`${words[0]} ${words[1]}`);
}
const longestFirst = Math.max(...[...byFirstWord.keys()].map((first) => first.length));
/** Places whose one-word names are also words ("Salina", "Canyon"): places only right after a preposition. */
const WORD_PLACES: ReadonlySet<string> = new Set(lexicon.wordPlaces);
/** Prepositions right before a word: what make a word-place a place ("in Salina", "down from Hatch"). */
const PREPOSITIONS: ReadonlySet<string> = new Set('in from to near past outside around toward towards'.split(' '));
const afterPreposition = (text: string, at: number) => PREPOSITIONS.has(wordBefore(text, at)?.word ?? '');

const CAPITALISED = new RegExp(`[${UPPER_LETTERS}][${LETTERS}'’.-]*`, 'g');
/** The next capitalised word, read where the last one ended (sticky: never a slice of the rest of the text). */
const WORD_AFTER = new RegExp(`[ \\t]+([${UPPER_LETTERS}][${LETTERS}'’.-]*)`, 'y');

export function detectPlaces(text: string): Candidate[] {
  const found: Candidate[] = [];
  let covered = -1;
  // An exec loop, not a list of every match: each match dies young, which costs the garbage collector far less.
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m; m = CAPITALISED.exec(text)) {
    const start = m.index;
    if (start < covered) continue;
    if (m[0].length > longestFirst + 1) continue;
    // A short word in capitals is an abbreviation ("OSA on CPAP", "BPH"), not a town of that name.
    if (m[0].length <= 4 && m[0] === m[0].toUpperCase()) continue;
    const word = m[0].endsWith('.') || m[0].endsWith(',') ? m[0].replace(/[.,]+$/, '') : m[0];
    // Most words are ASCII: lower-casing is folding for them.
    const first = isAscii(word) ? word.toLowerCase() : fold(word);
    const names = byFirstWord.get(first);
    if (!names) {
      if (isWordPlace(text, start, word)) {
        found.push({ start, end: start + word.length, type: 'LOCATION' });
        covered = start + word.length;
      }
      continue;
    }
    // The longest name in the lexicon that the capitalised words here spell ("Ann Arbor", "Fall River").
    let end = start + word.length;
    let words = [text.slice(start, end)];
    let best: [number, string[]] | undefined = names.has(first) ? [end, [...words]] : undefined;
    for (let i = 1; i < MAX_WORDS; i++) {
      WORD_AFTER.lastIndex = end;
      const next = WORD_AFTER.exec(text);
      if (!next) break;
      const nextWord = next[1].replace(/[.,]+$/, '');
      end += next[0].length - next[1].length + nextWord.length;
      words = [...words, nextWord];
      const spelt = fold(words.join(' '));
      if (i === 1 && !firstTwoWords.has(spelt)) break;
      if (names.has(spelt)) best = [end, [...words]];
    }
    if (!best) {
      if (isWordPlace(text, start, word)) found.push({ start, end: start + word.length, type: 'LOCATION' });
      continue;
    }
    const [bestEnd, bestWords] = best;
    const name = bestWords.join(' ');
    if (isRegion(name) || bestWords.some((w) => isClinicalWord(w))) continue;
    // "NORTH CAROLINA", "West Virginia": the word before may make it a state.
    const before = wordBefore(text, start)?.word;
    if (before && isRegion(`${before} ${name}`)) continue;
    // A one-word name is capitalised for grammar at a sentence start; there it needs "Kenosha, WI" or what a place
    // name is said of ("Yakima pt", "Taos resident").
    if (
      bestWords.length === 1 &&
      atSentenceStart(text, start) &&
      !/^,[ \t]*\p{Lu}/u.test(text.slice(bestEnd, bestEnd + 4)) &&
      !saidOfAPlace(text, bestEnd)
    )
      continue;
    // A possessive eponym ("Bell's palsy") or a word inside a longer capitalised name of something else is not the
    // place.
    if (/^['’]s\b/.test(text.slice(bestEnd, bestEnd + 3))) continue;
    if (EPONYM_AFTER.test(text.slice(bestEnd, bestEnd + 30))) continue; // "Morton neuroma", "Lyme disease"
    found.push({ start, end: bestEnd, type: 'LOCATION' });
    const code = postalCodeAfter(text, bestEnd);
    if (code) found.push(code);
    covered = bestEnd;
  }
  found.push(...lowerCasePlaces(text));
  return found;
}

/**
 * A word-place right after a preposition, not the first word of a longer name ("in Valley Medical Center"), or before
 * what only a place name is said of ("Independence MO", "Commerce pt", "Celebration ER").
 */
function isWordPlace(text: string, start: number, word: string): boolean {
  if (!WORD_PLACES.has(word) || isClinicalWord(word) || isRegion(word)) return false;
  if (saidOfAPlace(text, start + word.length)) return true;
  return (
    afterPreposition(text, start) && !/^[ \t]+\p{Lu}/u.test(text.slice(start + word.length, start + word.length + 3))
  );
}

/**
 * After a town's name: its state ("Marathon FL", "Paradise, CA", "eagle idaho"), or a word said of people and services
 * by where they are from ("Hazard pt", "Normal resident", "Surprise snowbird", "Celebration ER").
 */
const PLACE_SAID = new RegExp(
  `^,?[ \\t]+(?:(?<code>${STATE_CODES})\\b(?![ \\t]*[\\d/])|(?:${STATE_NAMES})\\b|(?:pt|patient|resident|native|kid|guy|snowbird|local|area|ER|EMS|FD|PD)\\b)`,
  'iu',
);
function saidOfAPlace(text: string, end: number): boolean {
  const match = PLACE_SAID.exec(text.slice(end, end + 24));
  // A state's code counts only in capitals: "in", "or", "me" and "ok" are words.
  return match !== null && (match.groups?.code === undefined || match.groups.code === match.groups.code.toUpperCase());
}

/** A lower-case word (ASCII: the gazetteer's lower-case keys), then up to two words after it, read where it ends. */
const LOWER_WORD = /[a-z][a-z'’-]+/g;
const WORDS_AFTER = /(?:[ \t]+[a-z][a-z'’-]+){0,2}/y;
/** A word said of a town somewhere in the next few words (the exact test is LOWER_PLACE_SAID, after the name). */
const SAID_NEARBY = /[ \t](?:pt|pts|patient|resident|native|transfer|vna|jail|er|ems|county|cty)\b/i;
/** A direction before a town names a part of it ("east boston", "south boston"): where the name then starts. */
const DIRECTIONS: ReadonlySet<string> = new Set(['east', 'west', 'north', 'south']);
function directionBefore(text: string, at: number): number | undefined {
  const before = wordBefore(text, at);
  return before && DIRECTIONS.has(before.word) ? before.start : undefined;
}
/** What is said of a town typed in lower case: "nantucket pt", "the lowell transfer", "hampden cty jail". */
const LOWER_PLACE_SAID = /^[ \t]+(?:pt|pts|patient|resident|native|transfer|vna|jail|er|ems|county|cty)\b/i;

/**
 * Gazetteer places typed in lower case ("started at amazon in visalia", "the lowell transfer", "records from a clinic
 * (lyon)"): the longest name the words spell, where a place is said — after a preposition, alone in brackets, or
 * before a word said of a town — with a direction before it ("in east boston") taken in. The gazetteer holds no
 * one-word name that is also an English word, so "in pain" or "to bed" find nothing.
 */
function lowerCasePlaces(text: string): Candidate[] {
  const found: Candidate[] = [];
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(text); m; m = LOWER_WORD.exec(text)) {
    // Most words start no place's name: one lookup, before anything else is read.
    const names = byFirstWord.get(m[0]);
    if (!names || (m.index > 0 && /[\p{L}\d'’-]/u.test(text[m.index - 1]))) continue;
    // A word that is no place on its own ("the", "new") is read on only when the next word continues a place's name.
    WORDS_AFTER.lastIndex = m.index + m[0].length;
    const run = `${m[0]}${WORDS_AFTER.exec(text)?.[0] ?? ''}`;
    const words = run.split(/[ \t]+/);
    if (!names.has(m[0]) && (words.length === 1 || !firstTwoWords.has(`${words[0]} ${words[1]}`))) continue;
    // Where no place can be said (no preposition, bracket or direction before, no word said of a town after), no
    // name is looked for: common first words of places ("the", "new", "la") are everywhere.
    const directionStart = directionBefore(text, m.index);
    if (
      !afterPreposition(text, m.index) &&
      text[m.index - 1] !== '(' &&
      directionStart === undefined &&
      !SAID_NEARBY.test(text.slice(m.index, m.index + 60))
    )
      continue;
    if (words.length === 1 && m[0].length < 4) continue;
    const ends = [...run.matchAll(/\S+/g)].map((w) => w.index + w[0].length);
    for (let n = words.length; n >= 1; n--) {
      const name = words.slice(0, n).join(' ');
      if (!names.has(fold(name)) || isRegion(name) || words.slice(0, n).some((w) => isClinicalWord(w))) continue;
      if (n === 1 && (name.length < 4 || isDrugName(name))) break;
      const end = m.index + ends[n - 1];
      const start = directionStart ?? m.index;
      const said =
        afterPreposition(text, start) ||
        (text[start - 1] === '(' && text[end] === ')') ||
        LOWER_PLACE_SAID.test(text.slice(end, end + 12));
      if (!said) break;
      found.push({ start, end, type: 'LOCATION' });
      const code = postalCodeAfter(text, end);
      if (code) found.push(code);
      LOWER_WORD.lastIndex = end;
      break;
    }
  }
  return found;
}

export const placeDetector: Detector = {
  name: 'places',
  finds: 'cities and towns from the gazetteer',
  detect: ({ text }) => detectPlaces(text),
  patterns: [],
};
