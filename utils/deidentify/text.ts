/** Text helpers for detection: offset-preserving folding, word boundaries, escaping. */

/**
 * Lower case without accents, one output character per input UTF-16 unit, so offsets found in
 * the folded text are offsets in the original ("Ordóñez" and "ORDONEZ" both fold to "ordonez").
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  return out;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of `needle` (already folded) in `folded`. */
export function findWord(folded: string, needle: string): Array<[number, number]> {
  if (!needle) return [];
  const found: Array<[number, number]> = [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of folded.matchAll(pattern)) found.push([m.index, m.index + m[0].length]);
  return found;
}

/**
 * Cue words in any case, without the regex \`i\` flag: under \`iu\`, \\p{Lu} matches lower case too,
 * and "daughter Lucia moved back" would read as one long name.
 */
export function anyCase(alternatives: string): string {
  return alternatives.replace(/\\.|\[[^\]]*\]|[a-z]/gi, (piece) => (/^[a-z]$/i.test(piece) ? `[${piece.toLowerCase()}${piece.toUpperCase()}]` : piece));
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** All matches of a global regex, as [start, end, match]. */
export function* matches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    yield m;
  }
}
