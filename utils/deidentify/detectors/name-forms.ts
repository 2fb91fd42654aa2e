/**
 * Family names known by their form rather than a list: an ending that marks a family name in many
 * languages ("Kaczmarek" has none, but "Yefremova", "Borkowski", "Hartvigsson", "Kreutzmann",
 * "Vasquez" do), a "Mc" prefix, or letters English spelling does not use ("Szöllösy",
 * "Guðmundsdóttir"). No surname list covers the names of a city's patients; their form often does.
 * English words with such an ending ("Reason", "Iceberg") and accented loanwords ("Café") are not.
 */
import forms from '../lexicons/name-forms.json';
import formWords from '../lexicons/name-form-words.json';
import { isAscii } from '../text';

const ENDINGS: readonly string[] = forms.endings;
const PREFIXES: readonly string[] = forms.prefixes;
const LOANWORDS: ReadonlySet<string> = new Set(forms.loanwords);
const ENGLISH_WITH_ENDING: ReadonlySet<string> = new Set(formWords.words);

/** Shorter tokens are too often abbreviations ("Prev", "Nova"). */
const MIN_LENGTH = 5;
/** A letter outside ASCII: an accent, ð, ß, ł, ø, or another script. */
const MARKS = /[\u0300-\u036f]/g;

/** The word without accents, lower case: "Szöllösy" → "szollosy". */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** The endings by length, so a word is checked with one lookup per length rather than one test per ending. */
const ENDINGS_BY_LENGTH = new Map<number, Set<string>>();
for (const ending of ENDINGS) {
  const set = ENDINGS_BY_LENGTH.get(ending.length) ?? new Set<string>();
  ENDINGS_BY_LENGTH.set(ending.length, set.add(ending));
}
const ENDING_LENGTHS = [...ENDINGS_BY_LENGTH.keys()];

function hasEnding(lower: string): boolean {
  for (const length of ENDING_LENGTHS)
    if (lower.length > length + 1 && ENDINGS_BY_LENGTH.get(length)!.has(lower.slice(-length))) return true;
  for (const prefix of PREFIXES) if (lower.startsWith(prefix) && lower.length > prefix.length + 2) return true;
  return false;
}

/**
 * Whether a capitalised word has the form of a family name. The caller still rules out clinical
 * words, regions and eponyms, which it knows. (Asked of most capitalised words in a text: the
 * common answer, an ASCII word with no such ending, is reached without folding or a pattern.)
 */
export function hasFamilyNameForm(word: string): boolean {
  if (word.length < MIN_LENGTH) return false;
  let bare = word;
  if (bare.endsWith("'s") || bare.endsWith('’s')) bare = bare.slice(0, -2);
  if (bare.includes("'") || bare.includes('’')) bare = bare.replace(/['’]/g, '');
  if (!isAscii(bare)) {
    const folded = foldWord(bare);
    return !LOANWORDS.has(folded) && /^\p{L}+(?:-\p{L}+)*$/u.test(folded);
  }
  const lower = bare.toLowerCase();
  return hasEnding(lower) && !ENGLISH_WITH_ENDING.has(lower);
}
