/** Employers: Safe Harbor removes the patient's and relatives' employers, named after a work cue. */
import type { Candidate, Detector } from '../types';
import { TextCues, cued, cuedMatches } from '../cues';
import { anyCase } from '../text';

const ORG_WORD = "(?:[A-Z]\\.(?=[ \\t]+[A-Z])|[A-Z][A-Za-z0-9'&-]*|\\d{1,4})";
const ORG = `${ORG_WORD}(?:\\s+(?:&\\s+|of\\s+|and\\s+)?${ORG_WORD}){0,4}`;
const JOBS =
  'operator|driver|nurse|teacher|manager|engineer|technician|clerk|cashier|worker|employee|mechanic|electrician|carpenter|contractor|analyst|assistant|aide|accountant|attorney|lawyer|firefighter|student|professor|researcher|scientist|consultant|developer|programmer|supervisor|foreman|laborer|janitor|custodian|cook|chef|server|waitress|waiter|bartender|pilot|guard|receptionist|secretary|pharmacist|therapist|paramedic';
const CUE = `(?:(?:${anyCase('work|works|working|worked|employed|employment|job|jobs|position|shifts?|teaches|taught|volunteers')})(?:\\s+(?:nights|days|part-time|full-time|weekends|remotely|there))?(?:\\s+as\\s+an?\\s+[a-z][a-z -]{1,40}?)?|(?:${JOBS})s?|${anyCase('drives|drove|driving|delivers|cleans|cooks|sells|builds|trains')}(?:\\s+an?\\s+[a-z][a-z -]{1,30}?)?)\\s+(?:at|for|with)`;
const EMPLOYER = cued(`${CUE}\\s+(?<org>${ORG})|employer\\s*:\\s*(?<labelled>${ORG})`, 'd');

export function detectEmployers(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const m of cuedMatches(cues, EMPLOYER)) {
    const [start, end] = m.indices!.groups!.org ?? m.indices!.groups!.labelled!;
    found.push({ start, end, type: 'EMPLOYER' });
  }
  return found;
}

export const employerDetector: Detector = {
  name: 'employers',
  finds: 'employers named after a cue',
  detect: ({ text, cues }) => detectEmployers(text, cues),
  patterns: [EMPLOYER],
};
