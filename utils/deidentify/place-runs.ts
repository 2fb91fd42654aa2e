/**
 * A place found by one of its words names the whole run of capitalised words it stands in: "DaVita Elk Grove" (a
 * city found), "Kittitas County Public Health" (a county found), "Kindred Hospital Chicago North" (a facility found
 * without its last word). Left as they were, the rest of the run goes to the model beside the placeholder and
 * names the place as well as the part removed ("DaVita [LOCATION-1]"). Two places side by side or joined by "of"
 * are one name ("Sunrise of Sun City West").
 */
import { FACILITY_WORD } from './detectors/facilities';
import { FUNCTION_WORDS, isClinicalWord } from './lexicons/names';
import { atSentenceStart } from './text';
import type { Candidate } from './types';

/**
 * A word a place's name may hold: capitalised with lower case after ("Grove", "St.", "Luke's", "DaVita"), never all
 * capitals (a line typed in capitals runs its words together whatever they are).
 */
const NAME_WORD = /^\p{Lu}[\p{L}'’.&-]*\p{Ll}[\p{L}'’.&-]*$/u;
/** Words that end an organisation's name though they are clinical words too: "Public Health", "Health Care". */
const ORGANISATION_WORD = /^(?:Health|Care|Medicine|Medical|Services|Partners|Network|Physicians)$/;
/** One word and the space before it, read backwards from a place's start. */
const WORD_BEFORE = /(?:^|[ \t])([^\s]+)[ \t]$/u;
/** One word after a place's end, after one space. */
const WORD_AFTER = /^[ \t]([^\s,;:()[\]|]+)/u;

/** Whether a word may join a place's name: a name-like word, not a function word, a clinical word or a verb. */
function joins(text: string, word: string, at: number, before: boolean): boolean {
  const bare = word.replace(/[.,]+$/, '');
  if (!NAME_WORD.test(bare)) return false;
  const lower = bare.toLowerCase();
  if (!before && (ORGANISATION_WORD.test(bare) || FACILITY_WORD.test(bare))) return true;
  if (FUNCTION_WORDS.has(lower) || isClinicalWord(bare)) return false;
  // A sentence's first word before a place is its verb as often as its name ("Visited Elk Grove", "Seen Tuesday").
  return !(before && atSentenceStart(text, at) && /(?:ed|ing|s)$/.test(lower));
}

/** Widens each place over the capitalised run it stands in; spans stay sorted and never overlap. */
export function widenPlaceRuns(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.type !== 'LOCATION' || span.known) {
      out.push(span);
      continue;
    }
    const floor = out.length ? out[out.length - 1].end : 0;
    const ceiling = i + 1 < spans.length ? spans[i + 1].start : text.length;
    let { start, end } = span;
    for (;;) {
      const m = WORD_BEFORE.exec(text.slice(Math.max(floor, start - 40), start));
      const word = m?.[1];
      const at = word ? start - 1 - word.length : -1;
      // A comma after the word parts it from the place ("Unit 6 South, Banner Desert").
      if (!word || word.endsWith(',') || at < floor || !joins(text, word, at, true)) break;
      start = at;
    }
    for (;;) {
      const m = WORD_AFTER.exec(text.slice(end, Math.min(ceiling, end + 40)));
      const word = m?.[1].replace(/[.,]+$/, '');
      if (!word || !joins(text, word, end + 1, false)) break;
      end += 1 + word.length;
    }
    const last = out[out.length - 1];
    // "DaVita Elk Grove", "Sunrise of Sun City West": two places side by side, or joined by "of", are one.
    if (last?.type === 'LOCATION' && !last.known && /^[ \t]+(?:of[ \t]+)?$/.test(text.slice(last.end, start))) {
      last.end = end;
      continue;
    }
    out.push(start === span.start && end === span.end ? span : { ...span, start, end });
  }
  return out;
}
