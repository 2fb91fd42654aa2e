/**
 * Names of instruments, not of people or places: a scale, a score, a sign or a device named after a person or a city
 * ("Glasgow Coma Scale", "Austin Flint murmur", "Kansas City Cardiomyopathy Questionnaire", "Boston brace", "Los
 * Angeles (LA) grade"). A finding followed by the rest of such a name, or a name of three or more words that ends in a
 * scale's noun, stays in the text. Narrow on purpose: a person's name before a common noun must still go ("daughter
 * Maria Gonzalez test results"), so the nouns are few (lexicons/instrument-nouns.json), the words between must be
 * capitalised as a title is, and text in capitals proves nothing.
 */
import lexicon from './lexicons/instrument-nouns.json';
import { anyCase, escapeRegExp } from './text';
import type { Candidate } from './types';

/** In any case, without the `i` flag: under it a class of capitals matches lower case too. */
const alternatives = (nouns: string[]) =>
  anyCase(
    nouns
      .slice()
      .sort((a, b) => b.length - a.length)
      .map((noun) => escapeRegExp(noun).replace(/ /g, '[ \\t]+'))
      .join('|'),
  );

/**
 * After the finding: a bracketed abbreviation ("(LA)"), up to four words in title case ("Coma", "Agitation-Sedation"),
 * then the noun; never a label ("Rylee Ahn  Grade: 10"). Spaces alone separate the words and each repeat is bounded,
 * so no input makes the pattern backtrack for long.
 */
const REST_OF_NAME = new RegExp(
  `^(?:[ \\t]*\\([A-Z]{1,6}\\))?(?:[ \\t]+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?|[ \\t]+[A-Z]{2,5}){0,4}[ \\t]+(?:${alternatives(lexicon.nouns)})(?![\\p{L}]|[ \\t]*:)`,
  'u',
);
/** A name of three or more words in title case that ends in a scale's noun ("Hamilton Anxiety Rating Scale"). */
const TITLED_INSTRUMENT = new RegExp(
  `^\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*){1,5}[ \\t]+(?:${alternatives(lexicon.lastWordNouns)})$`,
  'u',
);
/** A title before a name leaves no doubt it is a person's ("Dr. Kansas"). */
const TITLE_BEFORE = /(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?[ \t]+$/;

const NAMED_KINDS: ReadonlySet<Candidate['type']> = new Set(['PERSON', 'CLINICIAN', 'LOCATION']);

/** Is this finding part of an instrument's name? Known identifiers, titled names and text in capitals never are. */
export function namesAnInstrument(text: string, c: Candidate): boolean {
  if (c.known || !NAMED_KINDS.has(c.type)) return false;
  const found = text.slice(c.start, c.end);
  if (found === found.toUpperCase()) return false;
  if (TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 6), c.start))) return false;
  if (c.type !== 'LOCATION' && TITLED_INSTRUMENT.test(found) && found.split(/[ \t]+/).length >= 3) return true;
  return REST_OF_NAME.test(text.slice(c.end, c.end + 80));
}
