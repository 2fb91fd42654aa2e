/**
 * Cue-led patterns run only where their cue can start. Most detectors begin with a word ("MRN",
 * "called by", "lives in", "March"); scanning the whole text once per pattern cost more than
 * everything else in de-identification. Instead the text's words are indexed once (`TextCues`, one
 * per text, made by the detector registry and handed to every detector), and each pattern is tried,
 * anchored, only at the words whose first three letters one of its cues has. The three-letter keys
 * are worked out from the pattern's own source, so a cue added to a pattern is found without a
 * second list to keep in step. Nothing here is registered or remembered between texts.
 */

const KEY_LENGTH = 3;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Words as `\b` sees them: runs of [A-Za-z0-9_]. */
export function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

/** Words this long or longer are kept for detectors of long codes (a VIN is 17). */
export const LONG_WORD = 17;

/** Word starts in text order. */
type WordStarts = ArrayLike<number> & Iterable<number>;
const NONE: WordStarts = [];

/** Several lists of word starts as one, in order: a typed array sorts numbers natively, many times faster. */
function sortedUnion(lists: readonly number[][]): Int32Array {
  const all = new Int32Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  return all.sort();
}

/** A key (one to three letters) as a number: each letter 1–26, so "id" and "ida" differ. */
const KEY_SPACE = 27 ** KEY_LENGTH;
function lowerLetter(c: number): number {
  return (c | 32) - 96; // a–z and A–Z to 1–26
}
export function keyNumber(key: string): number {
  let code = 0;
  for (let i = 0; i < key.length; i++) code = code * 27 + lowerLetter(key.charCodeAt(i));
  return code;
}

/** The keys any of these patterns can start with, as flags by key number: what a text's index needs to record. */
export function keysWanted(patterns: readonly CuedPattern[]): Uint8Array {
  const wanted = new Uint8Array(KEY_SPACE);
  for (const pattern of patterns) for (const code of pattern.keyCodes) wanted[code] = 1;
  return wanted;
}

/** The patterns already checked against each registry's keys: checked once, not on every text. */
const checkedAgainst = new WeakMap<Uint8Array, WeakSet<CuedPattern>>();
function checkWanted(wanted: Uint8Array, pattern: CuedPattern): void {
  let checked = checkedAgainst.get(wanted);
  if (checked?.has(pattern)) return;
  for (const code of pattern.keyCodes)
    if (!wanted[code]) throw new Error("cues: a pattern not among the detectors' was asked of their index");
  if (!checked) checkedAgainst.set(wanted, (checked = new WeakSet()));
  checked.add(pattern);
}

/**
 * One text's words, indexed by their first letters (up to three, lower case) on first use: where
 * each cued pattern may start, and the long words. Made once per text and shared by the detectors;
 * given the keys the detectors' patterns can start with, it records only words with those keys.
 */
export class TextCues {
  private byKey: Map<number, number[]> | undefined;
  private long: Array<[number, number]> = [];
  private readonly startsOf = new Map<CuedPattern, WordStarts>();

  constructor(
    readonly text: string,
    private readonly wanted?: Uint8Array,
  ) {}

  /** The word starts a pattern may match at, in order. */
  starts(pattern: CuedPattern): WordStarts {
    let starts = this.startsOf.get(pattern);
    if (starts) return starts;
    const index = this.index();
    if (this.wanted) checkWanted(this.wanted, pattern);
    const lists: number[][] = [];
    // From whichever side is smaller: a short text has few words, and a pattern of many cues as many keys (asked of
    // each of thousands of short texts, the pattern's side cost more than reading the texts).
    if (index.size < pattern.keyCodes.length) {
      for (const [code, list] of index) if (pattern.keySet.has(code)) lists.push(list);
    } else
      for (const code of pattern.keyCodes) {
        const list = index.get(code);
        if (list) lists.push(list);
      }
    starts = lists.length === 0 ? NONE : lists.length === 1 ? lists[0] : sortedUnion(lists);
    this.startsOf.set(pattern, starts);
    return starts;
  }

  /**
   * The same words in a text that differs only in letter case (names given their capitals back): the keys ignore
   * case, so the index is shared rather than built again.
   */
  sameWordsIn(text: string): TextCues {
    if (text.length !== this.text.length) throw new Error('cues: a recased text must keep every offset');
    const other = new TextCues(text, this.wanted);
    other.byKey = this.index();
    other.long = this.long;
    return other;
  }

  /** Whole words of at least LONG_WORD characters, as [start, end). */
  longWords(): ReadonlyArray<[number, number]> {
    this.index();
    return this.long;
  }

  /** One pass over the words (runs of word characters, where `\b` falls at both ends). */
  private index(): Map<number, number[]> {
    if (this.byKey) return this.byKey;
    // A map, not a table of every key: most texts are short, and a table per text would cost more than the words.
    const byKey = new Map<number, number[]>();
    const wanted = this.wanted;
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isWordChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      if (i - start >= LONG_WORD) this.long.push([start, i]);
      // Cue words start a word ("5mg", "x_ray": the letters are not at a word boundary).
      let code = 0;
      for (let k = start; k < i && k < start + KEY_LENGTH; k++) {
        const c = text.charCodeAt(k);
        if (!isAsciiLetter(c)) break;
        code = code * 27 + lowerLetter(c);
      }
      if (code === 0 || (wanted && !wanted[code])) continue;
      const list = byKey.get(code);
      if (list) list.push(start);
      else byKey.set(code, [start]);
    }
    this.byKey = byKey;
    return byKey;
  }
}

/* ---- The keys a pattern can start with, read from its source. ---- */

type Node =
  | { kind: 'char'; letter?: string; optionalCase?: boolean }
  | { kind: 'class'; letters: string[]; other: boolean }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'zero' }
  | { kind: 'any' }
  | { kind: 'repeat'; node: Node; min: number };

/** Parses the subset of regex syntax the detectors use; anything else throws when the module loads. */
function parse(source: string): Node[][] {
  let i = 0;
  const alternatives = (): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const node = atom();
      alts[alts.length - 1].push(quantified(node));
    }
    return alts;
  };
  const quantified = (node: Node): Node => {
    const q = source[i];
    if (q === '?' || q === '*') {
      i++;
      if (source[i] === '?') i++;
      return { kind: 'repeat', node, min: 0 };
    }
    if (q === '+') {
      i++;
      if (source[i] === '?') i++;
      return { kind: 'repeat', node, min: 1 };
    }
    if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}\??/.exec(source.slice(i));
      if (!m) throw new Error(`cues: cannot read quantifier at ${i} of ${source}`);
      i += m[0].length;
      return { kind: 'repeat', node, min: Number(m[1]) };
    }
    return node;
  };
  const atom = (): Node => {
    const ch = source[i];
    if (ch === '(') {
      i++;
      if (source.startsWith('?:', i)) i += 2;
      else if (
        source.startsWith('?=', i) ||
        source.startsWith('?!', i) ||
        source.startsWith('?<=', i) ||
        source.startsWith('?<!', i)
      ) {
        // Look-arounds take no characters: skipped (the keys become a superset, never too few).
        i += source[i + 2] === '=' || source[i + 2] === '!' ? 3 : 2;
        alternatives();
        i++;
        return { kind: 'zero' };
      } else if (source.startsWith('?<', i)) i = source.indexOf('>', i) + 1;
      const alts = alternatives();
      if (source[i] !== ')') throw new Error(`cues: unbalanced group in ${source}`);
      i++;
      return { kind: 'group', alternatives: alts };
    }
    if (ch === '[') {
      const end = source.indexOf(']', i + 1);
      const body = source.slice(i + 1, end);
      i = end + 1;
      // Only classes of letters are read letter by letter ([wW], [eé], [sz]); others end a word.
      if (/^[A-Za-z\u00C0-\u024F]+$/.test(body)) {
        const letters = [
          ...new Set([...body].filter((c) => isAsciiLetter(c.charCodeAt(0))).map((c) => c.toLowerCase())),
        ];
        return { kind: 'class', letters, other: [...body].some((c) => !isAsciiLetter(c.charCodeAt(0))) };
      }
      return { kind: 'class', letters: [], other: true };
    }
    if (ch === '\\') {
      const next = source[i + 1];
      i += 2;
      if (next === 'b' || next === 'B') return { kind: 'zero' };
      if (next === 'w' || next === 'p' || next === 'P') {
        if (next !== 'w') i = source.indexOf('}', i) + 1;
        return { kind: 'any' };
      }
      return { kind: 'char' }; // \s, \d, \., \/ …: not a letter
    }
    if (ch === '^' || ch === '$') {
      i++;
      return { kind: 'zero' };
    }
    i++;
    if (ch === '.') return { kind: 'any' };
    return isAsciiLetter(ch.charCodeAt(0)) ? { kind: 'char', letter: ch.toLowerCase() } : { kind: 'char' };
  };
  const out = alternatives();
  if (i !== source.length) throw new Error(`cues: unexpected ")" in ${source}`);
  return out;
}

/**
 * Every key a match can start with: its first three letters, or fewer when a non-letter ends the
 * word sooner. `rest` is what follows in the pattern; `prefix` the letters read so far.
 */
function keysOf(sequence: Node[], prefix: string, out: Set<string>): void {
  if (prefix.length >= KEY_LENGTH) {
    out.add(prefix.slice(0, KEY_LENGTH));
    return;
  }
  if (sequence.length === 0) {
    // The pattern may end here: its match was these letters (a word of their own).
    if (!prefix) throw new Error('cues: a pattern can match without a word');
    out.add(prefix);
    return;
  }
  const [node, ...rest] = sequence;
  switch (node.kind) {
    case 'zero':
      return keysOf(rest, prefix, out);
    case 'any':
      throw new Error('cues: a pattern can start with any character, so no word tells where');
    case 'char':
      if (node.letter) return keysOf(rest, prefix + node.letter, out);
      if (!prefix) throw new Error('cues: a pattern starts with a non-letter');
      out.add(prefix);
      return;
    case 'class':
      for (const letter of node.letters) keysOf(rest, prefix + letter, out);
      if (node.other) {
        if (!prefix) throw new Error('cues: a pattern starts with a non-letter class');
        out.add(prefix);
      }
      return;
    case 'group':
      for (const alt of node.alternatives) keysOf([...alt, ...rest], prefix, out);
      return;
    case 'repeat':
      if (node.min === 0) keysOf(rest, prefix, out);
      // Once, then as often as it likes: three letters are reached within three rounds.
      keysOf(
        [node.node, ...(node.min <= 1 ? [{ ...node, min: 0 }] : [{ ...node, min: node.min - 1 }]), ...rest],
        prefix,
        out,
      );
      return;
  }
}

export interface CuedPattern {
  /** The same pattern, anchored (`y`): tried only at word starts. */
  readonly sticky: RegExp;
  readonly keys: readonly string[];
  /** The keys as numbers (keyNumber), worked out once: the index is asked for them on every text. */
  readonly keyCodes: readonly number[];
  /** The same, to look a text's own keys up in. */
  readonly keySet: ReadonlySet<number>;
}

/**
 * @param source a pattern that starts with its cue word; it is made to start at a word boundary.
 * @param flags its flags, without `g` or `y`.
 */
export function cued(source: string, flags = ''): CuedPattern {
  const anchored = `\\b(?:${source})`;
  const keys = new Set<string>();
  for (const alt of parse(anchored)) keysOf(alt, '', keys);
  return Object.freeze({
    sticky: new RegExp(anchored, `${flags.replace(/[gy]/g, '')}y`),
    keys: [...keys],
    keyCodes: [...keys].map(keyNumber),
    keySet: new Set([...keys].map(keyNumber)),
  });
}

/** Every match of the pattern, in order and without overlaps, as a global scan would find them. */
export function cuedMatches(cues: TextCues, pattern: CuedPattern): RegExpExecArray[] {
  const text = cues.text;
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (const start of cues.starts(pattern)) {
    if (start < after) continue;
    pattern.sticky.lastIndex = start;
    const m = pattern.sticky.exec(text);
    if (!m) continue;
    out.push(m);
    after = m.index + Math.max(1, m[0].length);
  }
  return out;
}

/** Does the pattern match anywhere? Stops at the first match. */
export function hasCue(cues: TextCues, pattern: CuedPattern): boolean {
  const text = cues.text;
  for (const start of cues.starts(pattern)) {
    pattern.sticky.lastIndex = start;
    if (pattern.sticky.test(text)) return true;
  }
  return false;
}

/**
 * The matches of a global pattern that cannot cross a line break, found only on the lines where
 * the cue pattern matches (a pattern that needs a street suffix, on lines that have one). The same
 * matches a scan of the whole text finds: none can span lines, so lines without the cue have none.
 */
export function matchesOnCuedLines(cues: TextCues, pattern: RegExp, cue: CuedPattern): RegExpExecArray[] {
  const text = cues.text;
  const out: RegExpExecArray[] = [];
  let lineEnd = -1;
  for (const start of cues.starts(cue)) {
    if (start < lineEnd) continue;
    cue.sticky.lastIndex = start;
    if (!cue.sticky.test(text)) continue;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const next = text.indexOf('\n', start);
    lineEnd = next === -1 ? text.length : next;
    // Scanned on the line alone: a scan of the whole text from here would run on past the line to
    // the next match anywhere, once for every cued line (quadratic on a long text).
    const line = text.slice(lineStart, lineEnd);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      m.index += lineStart;
      out.push(m);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return out;
}
