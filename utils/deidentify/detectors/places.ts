/**
 * Cities and towns named without a cue ("We moved here from Kenosha", "seen in Waltham"), from a
 * gazetteer kept as data (lexicons/places.json, built from GeoNames by scripts/build-lexicons.mjs).
 * Context rules keep clinical text whole: a place name must be capitalised, is never a clinical
 * word or eponym, and a one-word name opening a sentence counts only when an address-like comma
 * follows it ("Kenosha, WI"). Whole states and countries stay, as Safe Harbor allows.
 */
import lexicon from '../lexicons/places.json';
import { isRegion } from '../regions';
import { atSentenceStart, fold, isAscii, LETTERS, UPPER_LETTERS } from '../text';
import type { Candidate, Detector } from '../types';
import { isClinicalWord } from '../lexicons/names';
import { postalCodeAfter } from './postal-codes';

/** Longest place name, in words, tried at each capitalised word. */
const MAX_WORDS = 4;

/** Folded place names by their first word: the detector tries only names that start with the word it is at. */
const byFirstWord = new Map<string, Set<string>>();
for (const place of lexicon.places) {
  const folded = fold(place);
  const first = folded.split(' ')[0];
  let names = byFirstWord.get(first);
  if (!names) byFirstWord.set(first, (names = new Set()));
  names.add(folded);
}
const longestFirst = Math.max(...[...byFirstWord.keys()].map((first) => first.length));

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
    const word = m[0].endsWith('.') || m[0].endsWith(',') ? m[0].replace(/[.,]+$/, '') : m[0];
    // Most words are ASCII: lower-casing is folding for them.
    const first = isAscii(word) ? word.toLowerCase() : fold(word);
    const names = byFirstWord.get(first);
    if (!names) continue;
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
      if (names.has(fold(words.join(' ')))) best = [end, [...words]];
    }
    if (!best) continue;
    const [bestEnd, bestWords] = best;
    const name = bestWords.join(' ');
    if (isRegion(name) || bestWords.some((w) => isClinicalWord(w))) continue;
    // A one-word name is capitalised for grammar at a sentence start; there it needs "Kenosha, WI".
    if (
      bestWords.length === 1 &&
      atSentenceStart(text, start) &&
      !/^,[ \t]*\p{Lu}/u.test(text.slice(bestEnd, bestEnd + 4))
    )
      continue;
    // A possessive eponym ("Bell's palsy") or a word inside a longer capitalised name of something else is not the
    // place.
    if (/^['’]s\b/.test(text.slice(bestEnd, bestEnd + 3))) continue;
    found.push({ start, end: bestEnd, type: 'LOCATION' });
    const code = postalCodeAfter(text, bestEnd);
    if (code) found.push(code);
    covered = bestEnd;
  }
  return found;
}

export const placeDetector: Detector = {
  name: 'places',
  finds: 'cities and towns from the gazetteer',
  detect: ({ text }) => detectPlaces(text),
  patterns: [],
};
