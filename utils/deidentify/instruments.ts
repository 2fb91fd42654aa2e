/**
 * Names of instruments, not of people or places: a scale, a score, a sign, a device or a method named after a person
 * or a city ("Glasgow Coma Scale", "Austin Flint murmur", "Kansas City Cardiomyopathy Questionnaire", "Boston brace",
 * "Los Angeles (LA) grade B"). A finding of a person or a place that ends such a name, or is followed by the rest of
 * one, is the instrument's and stays in the text. The nouns are data (lexicons/instrument-nouns.json).
 */
import lexicon from './lexicons/instrument-nouns.json';
import { anyCase, escapeRegExp } from './text';
import type { Candidate } from './types';

// In any case, without the `i` flag: under it a class of capitals matches lower case too, and "used for the morning
// assessment" would read as the rest of a scale's name.
const NOUNS = anyCase(
  lexicon.nouns
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((noun) => escapeRegExp(noun).replace(/ /g, '[ \\t]+'))
    .join('|'),
);

/**
 * After the finding: a possessive, a bracketed abbreviation, capitalised words of the name (or "of", "and"…), then the
 * instrument's noun, in any case ("Coma Scale", "(LA) grade", " murmur"); never a label ("Rylee Ahn  Grade: 10").
 */
const REST_OF_NAME = new RegExp(
  `^(?:['’]s)?(?:[ \\t]*\\([^()\\n]{1,24}\\))?(?:[ \\t-]+(?:\\p{Lu}[\\p{L}\\d'’/]*(?:-\\p{L}+)*|of|for|the|and|or|&))*?[ \\t-]+(?:${NOUNS})(?![\\p{L}]|[ \\t]*:)`,
  'u',
);
const LAST_WORD_NOUN = new RegExp(`(?:^|[ \\t-])(?:${NOUNS})$`);
/** A title before a name leaves no doubt it is a person's ("Dr. Kansas"). */
const TITLE_BEFORE = /(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?[ \t]+$/;

const NAMED_KINDS: ReadonlySet<Candidate['type']> = new Set(['PERSON', 'CLINICIAN', 'LOCATION']);

/** Is this finding part of an instrument's name? Known identifiers and titled names never are. */
export function namesAnInstrument(text: string, c: Candidate): boolean {
  if (c.known || !NAMED_KINDS.has(c.type)) return false;
  if (TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 6), c.start))) return false;
  // The case of the finding's own words is kept: "FIELD ASSESSMENT" is a form's title.
  if (LAST_WORD_NOUN.test(text.slice(c.start, c.end))) return true;
  return REST_OF_NAME.test(text.slice(c.end, c.end + 80));
}
