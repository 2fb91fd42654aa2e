/**
 * A place found by one of its words is removed with the name it stands in: capitalised words before it ("DaVita Elk
 * Grove": a city found), and after it the words that end an organisation's name ("Kittitas County Public Health",
 * "Kindred Hospital Chicago North"). Left as they were, the rest goes to the model beside the placeholder and names the
 * place as well as the part removed ("DaVita [LOCATION-1]"). Two places side by side or joined by "of" are one name
 * ("Sunrise of Sun City West"). After a place only such words join: "Quest Diagnostics Positive for strep" keeps its
 * result, "Tacoma Diabetic clinic" its service.
 */
import { FACILITY_WORD } from './detectors/facilities';
import { FUNCTION_WORDS, isClinicalWord } from './lexicons/names';
import { atSentenceStart } from './text';
import type { Candidate } from './types';

/**
 * A word of a place's name: capitalised with lower case after ("Grove", "St.", "Luke's", "DaVita"), never all capitals
 * (a line typed in capitals runs its words together whatever they are).
 */
const PLACE_NAME_WORD = /^\p{Lu}[\p{L}'’.&-]*\p{Ll}[\p{L}'’.&-]*$/u;
/** Words that end an organisation's name, clinical words among them: "Public Health", "Health Care", "North". */
const NAME_ENDING =
  /^(?:Health|Public|Care|Medicine|Medical|Services|Partners|Network|Physicians|North|South|East|West)$/;
/** Abbreviations that end in a full stop inside a name ("Baylor St. Luke's"), not at a sentence's end. */
const NAME_ABBREVIATION = /^(?:St|Mt|Ft|Sta|Ste)\.$/;
/** One word and the space before it, read backwards from a place's start. */
const WORD_BEFORE = /(?:^|[ \t])([^\s]+)[ \t]$/u;
/** One word after a place's end, after one space. */
const WORD_AFTER = /^[ \t]([^\s,;:()[\]|]+)/u;

/** Whether a word before a place is part of its name: a name-like word, not a function or clinical word, nor a verb. */
function joinsBefore(text: string, word: string, at: number): boolean {
  // A comma or a sentence's end parts it from the place ("Unit 6 South, Banner Desert"; "BP Stable. Mayo Clinic").
  if (/[,!?]$/.test(word) || (word.endsWith('.') && !NAME_ABBREVIATION.test(word))) return false;
  if (!PLACE_NAME_WORD.test(word)) return false;
  if (joinsAfter(word)) return true; // "Kindred Hospital Chicago North": a facility's word inside its name
  const lower = word.toLowerCase();
  if (FUNCTION_WORDS.has(lower) || isClinicalWord(word)) return false;
  // A sentence's first word before a place is its verb as often as its name ("Visited Elk Grove", "Seen Tuesday").
  return !(atSentenceStart(text, at) && /(?:ed|ing|s)$/.test(lower));
}

/** Whether a word after a place ends its name: a facility's or an organisation's word ("Hospital", "Public Health"). */
function joinsAfter(word: string): boolean {
  return NAME_ENDING.test(word) || FACILITY_WORD.test(word);
}

/** Widens each place over the name it stands in (see above); spans stay sorted and never overlap. */
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
      if (!word || at < floor || !joinsBefore(text, word, at)) break;
      start = at;
    }
    for (;;) {
      const m = WORD_AFTER.exec(text.slice(end, Math.min(ceiling, end + 40)));
      const word = m?.[1].replace(/[.,]+$/, '');
      if (!word || !joinsAfter(word)) break;
      end += 1 + word.length;
    }
    const last = out[out.length - 1];
    // "DaVita Elk Grove", "Sunrise of Sun City West": two places side by side, or joined by "of", are one.
    if (last?.type === 'LOCATION' && !last.known && /^[ \t]+(?:of[ \t]+)?$/.test(text.slice(last.end, start))) {
      out[out.length - 1] = { ...last, end };
      continue;
    }
    out.push(start === span.start && end === span.end ? span : { ...span, start, end });
  }
  return out;
}
