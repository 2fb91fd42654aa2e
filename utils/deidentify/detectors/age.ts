/** Ages over 89 are identifiers; Safe Harbor groups them as "90 or older". Younger ages stay. */
import type { Candidate, Detector } from '../types';
import { matches } from '../text';

const AGE =
  /\b(\d{2,3})(?:[- ](?:year|yr)s?[- ]old|\s?(?:yo|y\/o|y\.o\.|yrs? old|years? of age)\b)|\b(?:age[d]?|aged|turned|turns|turning)\s*:?\s*(\d{2,3})\b|\b(\d{2,3})(?:st|nd|rd|th)\s+birthday\b/gi;

export function detectAges(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(text, AGE)) {
    const age = Number(m[1] ?? m[2] ?? m[3]);
    if (age >= 90 && age < 130) found.push({ start: m.index, end: m.index + m[0].length, type: 'AGE' });
  }
  return found;
}

export const ageDetector: Detector = {
  name: 'ages',
  finds: 'ages over 89',
  detect: ({ text }) => detectAges(text),
  patterns: [],
};
