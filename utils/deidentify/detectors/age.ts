/**
 * Ages over 89 are identifiers; Safe Harbor groups them as "90 or older". Younger ages stay. An age and sex between
 * the bars or commas of a list line ("| 91 M |", ", 93F,") is an age; "temp 90 F" is no such field.
 */
import type { Candidate, Detector } from '../types';
import { isClinicalWord } from '../lexicons/names';
import { matches } from '../text';

const AGE =
  /\b(\d{2,3})(?:[- ](?:year|yr)s?[- ]old|\s?(?:yo[fm]?|y\/o|y\.o\.|yrs? old|years? of age)(?![A-Za-z]))|\b(?:age[d]?|aged|turned|turns|turning)\s*:?\s*(\d{2,3})(?:\s?(?:y|yrs?)\b|\b)|\b(\d{2,3})(?:st|nd|rd|th)\s+birthday\b/gi;
/** An age of 90 or more beside its sex ("91 M"); the field it stands in is checked apart. */
const AGE_SEX = /(?<![\d.])(9\d|1[0-2]\d) ?[MF](?=[ \t]*(?:[|,)]|$))/gm;
/**
 * What stands before an age-and-sex field: the line's start, a bar, a comma or a bracket, or the quotes closing
 * a nickname ('O'SHAUGHNESSY, P "Paddy" 96M |').
 */
const FIELD_START = /(?:^|[|,(]|["”])[ \t]*$/;

/**
 * An age said of a person ("Resident is 93", "she is 97", "Mrs. Chase is 101", "hes 91", "my dad … turned 92"), never
 * of a reading ("SpO2 is 92", "HR was 95"): the words before it name a person, and no unit follows.
 */
const PERSON_IS_AGE =
  /\b(?:(?:(?:mr|mrs|ms|miss)\.?\s+[a-z'’-]+|resident|patient|pt|she|he|mom|mother|dad|father|wife|husband|grandma|grandmother|grandpa|grandfather|aunt|uncle|sister|brother|sibling|who),?\s+(?:is|was|turned|turns|just turned)|hes|he's|shes|she's)\s+(9\d|1[0-2]\d)\b(?!\s*(?:%|mg|kg|lbs?|bpm|beats|percent|mm|cm|°|\/|\.\d))/gi;

/**
 * An age between commas right after a capitalised word, as after a name ("Mae Yazzie, 92, who…", "Bà Nguyễn Thị
 * Bích, 93, lives"); a result reads with its unit or after its number ("BP 150/90, 92,").
 */
const AGE_AFTER_NAME = /(\p{Lu}[\p{Ll}'’-]+),[ \t]*(9\d|1[0-2]\d),/gu;

export function detectAges(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(text, AGE)) {
    const age = Number(m[1] ?? m[2] ?? m[3]);
    if (age < 90 || age >= 130) continue;
    // After a label ("AGE: 99") the age is the number: the label stays, and no name read into it can swallow it.
    const start = m[2] ? m.index + m[0].lastIndexOf(m[2]) : m.index;
    found.push({ start, end: m.index + m[0].length, type: 'AGE' });
  }
  // An age beside its sex ("91 M") is the number alone: the sex stays.
  for (const m of matches(text, AGE_SEX))
    if (FIELD_START.test(text.slice(Math.max(0, m.index - 8), m.index)))
      found.push({ start: m.index, end: m.index + m[1].length, type: 'AGE' });
  for (const m of matches(text, AGE_AFTER_NAME)) {
    if (isClinicalWord(m[1])) continue;
    const start = m.index + m[0].length - 1 - m[2].length;
    found.push({ start, end: start + m[2].length, type: 'AGE' });
  }
  for (const m of matches(text, PERSON_IS_AGE)) {
    const start = m.index + m[0].length - m[1].length;
    found.push({ start, end: start + m[1].length, type: 'AGE' });
  }
  return found;
}

export const ageDetector: Detector = {
  name: 'ages',
  finds: 'ages over 89',
  detect: ({ text }) => detectAges(text),
  patterns: [],
};
