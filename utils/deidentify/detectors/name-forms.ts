/**
 * Family names known by their form rather than a list: an ending that marks a family name in many
 * languages ("Kaczmarek" has none, but "Yefremova", "Borkowski", "Hartvigsson", "Kreutzmann",
 * "Vasquez" do), a "Mc" prefix, or letters English spelling does not use ("Szöllösy",
 * "Guðmundsdóttir"). No surname list covers the names of a city's patients; their form often does.
 * English words with such an ending ("Reason", "Iceberg") and accented loanwords ("Café") are not.
 */
import forms from '../lexicons/name-forms.json';
import formWords from '../lexicons/name-form-words.json';

const ENDINGS: readonly string[] = forms.endings;
const PREFIXES: readonly string[] = forms.prefixes;
const LOANWORDS: ReadonlySet<string> = new Set(forms.loanwords);
const ENGLISH_WITH_ENDING: ReadonlySet<string> = new Set(formWords.words);

/** Shorter tokens are too often abbreviations ("Prev", "Nova"). */
const MIN_LENGTH = 5;
/** A letter outside ASCII: an accent, ð, ß, ł, ø, or another script. */
const NON_ASCII_LETTER = /[^ -~]/;
const MARKS = /[\u0300-\u036f]/g;

/** The word without accents, lower case: "Szöllösy" → "szollosy". */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * Whether a capitalised word has the form of a family name. The caller still rules out clinical
 * words, regions and eponyms, which it knows.
 */
export function hasFamilyNameForm(word: string): boolean {
  if (word.length < MIN_LENGTH) return false;
  const bare = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  const folded = foldWord(bare);
  if (NON_ASCII_LETTER.test(bare)) return !LOANWORDS.has(folded) && /^\p{L}+(?:-\p{L}+)*$/u.test(folded);
  if (ENGLISH_WITH_ENDING.has(folded)) return false;
  for (const prefix of PREFIXES) if (folded.startsWith(prefix) && folded.length > prefix.length + 2) return true;
  for (const ending of ENDINGS) if (folded.endsWith(ending) && folded.length > ending.length + 1) return true;
  return false;
}
