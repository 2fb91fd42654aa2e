/** Employers: Safe Harbor removes the patient's and relatives' employers, named after a work cue. */
import type { Candidate } from '../types';
import { matches } from '../text';

const ORG_WORD = "[A-Z][A-Za-z0-9'&.-]*";
const ORG = `${ORG_WORD}(?:\\s+(?:&\\s+|of\\s+|and\\s+)?${ORG_WORD}){0,4}`;
const CUE = '(?:works|working|worked|employed|employment|job|jobs|position|shifts?|works nights|works days)(?:\\s+(?:nights|days|part-time|full-time|weekends))?(?:\\s+as\\s+an?\\s+[a-z][a-z -]{1,40}?)?\\s+(?:at|for|with)';
const EMPLOYER = new RegExp(`(?<=\\b${CUE}\\s+)${ORG}|(?<=\\bemployer\\s*:\\s*)${ORG}`, 'g');

export function detectEmployers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of matches(text, EMPLOYER)) found.push({ start: m.index, end: m.index + m[0].length, type: 'EMPLOYER' });
  return found;
}
