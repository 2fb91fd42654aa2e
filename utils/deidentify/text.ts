/** Text helpers for detection: offset-preserving folding, word boundaries, escaping. */

const foldedChars = new Map<string, string>();

/**
 * Lower case without accents, one output character per input UTF-16 unit, so offsets found in
 * the folded text are offsets in the original ("Ordóñez" and "ORDONEZ" both fold to "ordonez").
 */
export function fold(text: string): string {
  // Native lower-casing, then only the non-ASCII characters folded one by one (chart text is mostly
  // ASCII with the odd "—" or "é"). Lower-casing keeps the length except for rare letters (İ).
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex -- ASCII is 0x00-0x7f: only other characters need folding
  if (lower.length === text.length) return lower.replace(/[^\x00-\x7f]/g, foldChar);
  const out = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch.charCodeAt(0) < 128) {
      out[i] = ch.toLowerCase();
      continue;
    }
    out[i] = foldChar(ch);
  }
  return out.join('');
}

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded = base.length === 1 ? base : ch;
    foldedChars.set(ch, folded);
  }
  return folded;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every whole-word occurrence of `needle` (already folded) in `folded`. */
export function findWord(folded: string, needle: string): Array<[number, number]> {
  if (!needle) return [];
  const found: Array<[number, number]> = [];
  // indexOf and two boundary checks: far faster than a regex with look-arounds.
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if ((at > 0 && WORD_CHAR.test(folded[at - 1])) || (end < folded.length && WORD_CHAR.test(folded[end]))) continue;
    found.push([at, end]);
  }
  return found;
}

/**
 * Cue words in any case, without the regex \`i\` flag: under \`iu\`, \\p{Lu} matches lower case too,
 * and "daughter Lucia moved back" would read as one long name.
 */
export function anyCase(alternatives: string): string {
  return alternatives.replace(/\\.|\[[^\]]*\]|[a-z]/gi, (piece) =>
    /^[a-z]$/i.test(piece) ? `[${piece.toLowerCase()}${piece.toUpperCase()}]` : piece,
  );
}

/** A word of plain ASCII letters and marks: its lower case is its folded form, and no accent is in it. */
export function isAscii(word: string): boolean {
  return /^[ -~]*$/.test(word);
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * All matches of a global regex, in order. A plain loop into an array: a generator per call cost more than the scans
 * of short texts.
 */
export function matches(text: string, pattern: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    out.push(m);
  }
  return out;
}

const LETTER = /\p{L}/u;

/** A letter of any script at `i` (ASCII decided without a pattern). */
export function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]);
}

/**
 * The word (a run of letters) that ends where the spaces or tabs before `at` begin: "in" of "in Salina". Undefined
 * without a letter before the spaces, or, when `spaced`, without a space before `at`. Read backwards: a pattern
 * anchored at the end of a slice is tried at every position of the slice, and these questions are asked of thousands
 * of words a text.
 */
export function wordBefore(text: string, at: number, spaced = true): { start: number; word: string } | undefined {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (spaced && end === at) return undefined;
  let start = end;
  while (start > 0 && isLetterAt(text, start - 1)) start--;
  return start === end ? undefined : { start, word: text.slice(start, end) };
}

/** A comma, then only spaces or tabs, right before `at` ("Desai, " before "Ravi"). */
export function commaBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return text[i - 1] === ',';
}

/** Capitalised words at the start of a sentence are capitalised for grammar, not because they are names or places. */
export function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return index === 0 || /(?:[.!?:]\s+|\n\s*|^\s*)$/.test(before);
}

/** A literal string as a regular expression matches it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/*
 * Letters of the Latin (with its extensions), Greek and Cyrillic alphabets, as character-class bodies for the scans
 * that look at every capitalised word. Explicit ranges, because a \p{Lu} class makes such a scan several times
 * slower; the extended Latin blocks interleave the cases and are in both.
 */
const LATIN_EXTENDED = '\\u0100-\\u024F\\u1E00-\\u1EFF';
export const UPPER_LETTERS = `A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE${LATIN_EXTENDED}\\u0386-\\u03AB\\u0400-\\u042F`;
export const LOWER_LETTERS = `a-z\\u00DF-\\u00F6\\u00F8-\\u00FF${LATIN_EXTENDED}\\u03AC-\\u03CE\\u0430-\\u045F`;
export const LETTERS = `${UPPER_LETTERS}${LOWER_LETTERS}`;
/** A capitalised word and its hyphen- or apostrophe-joined parts, as names of people and places are written. */
export const CAPITALISED_WORD = `[${UPPER_LETTERS}][${LETTERS}'’-]*`;

/**
 * Splits on spaces and tabs (and hyphens when asked) with plain string calls: regex splits cost a sticky exec per
 * position.
 */
export function words(name: string, hyphens = false): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const ch = name[i];
    const separator = ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || (hyphens && ch === '-');
    if (separator) {
      if (start >= 0) out.push(name.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return out;
}

/**
 * One pattern for a list of phrases, written as a trie ("Kaiser(?: Permanente)?"): the engine follows one branch a
 * character, where a plain alternation of hundreds of names tries each at every capital letter. Longest first; either
 * apostrophe matches one.
 */
export function phrasesPattern(phrases: Iterable<string>): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const phrase of phrases) {
    let node = root;
    for (const ch of phrase.replace(/’/g, "'")) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch)!;
    }
    node.end = true;
  }
  const source = (node: Node): string => {
    const branches = [...node].map(([ch, child]) => (ch === "'" ? "['’]" : escapeRegExp(ch)) + source(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return source(root);
}
