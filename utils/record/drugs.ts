/**
 * The drug vocabulary, one data file (lexicons/drugs.json): generic names, brand names and the stems generic names
 * are built from. Verification reads a draft's drug mentions through it; de-identification never takes a drug for a
 * person's name.
 */
import drugs from './lexicons/drugs.json';

/** Drug names by their stems ("lisinopril", "empagliflozin"): enough to notice a drug the patient does not take. */
export const DRUG_STEM = new RegExp(`\\b[A-Za-z]+(?:${drugs.stems.join('|')})\\b`, 'gi');

const NAMES = new Set([...drugs.generics, ...drugs.brands].map((name) => name.toLowerCase()));

/** Whether a word is a drug the vocabulary names (generic or brand), in any case. */
export function isDrugName(word: string): boolean {
  return NAMES.has(word.toLowerCase());
}

/** Every word of a drug list, lower case: for tables of words that are never names. */
export const DRUG_NAMES: readonly string[] = [...NAMES];
