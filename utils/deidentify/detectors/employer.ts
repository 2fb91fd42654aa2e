/** Employers: Safe Harbor removes the patient's and relatives' employers, named after a work cue. */
import type { Candidate, Detector } from '../types';
import { TextCues, cued, cuedMatches } from '../cues';
import { anyCase } from '../text';

const ORG_WORD = "(?:[A-Z]\\.(?=[ \\t]+[A-Z])|[A-Z][A-Za-z0-9'&-]*|\\d{1,4}[A-Za-z0-9'&-]*)";
const ORG = `${ORG_WORD}(?:\\s+(?:&\\s+|of\\s+|and\\s+)?${ORG_WORD}){0,4}`;
const JOBS =
  'operator|driver|nurse|teacher|manager|engineer|technician|clerk|cashier|worker|employee|mechanic|electrician|carpenter|contractor|analyst|assistant|aide|accountant|attorney|lawyer|firefighter|student|professor|researcher|scientist|consultant|developer|programmer|supervisor|foreman|laborer|janitor|custodian|cook|chef|server|waitress|waiter|bartender|pilot|guard|receptionist|secretary|pharmacist|therapist|paramedic';
/** A trade named by its ending after an article or "retired"/"former": "a draftsman at", "former riveter at". */
const TRADE = `(?:${anyCase('retired|former')}|(?:is|was|works as|worked as|as) an?)\\s+(?:[\\w-]+\\s+){0,3}[a-z]+(?:er|or|man|men|ist|ian|neck)s?`;
const CUE = `(?:(?:${anyCase('work|works|working|worked|employed|employment|job|jobs|position|shifts?|teaches|taught|volunteers|retired')})(?:\\s+(?:nights|days|part-time|full-time|part time|full time|weekends|remotely|there|\\d+\\s+h(?:ours|rs?)?\\/wk))?(?:\\s+as\\s+an?\\s+[a-z][a-z -]{1,40}?)?|(?:${JOBS})s?|${TRADE}|(?:years|yrs)|${anyCase('drives|drove|driving|delivers|cleans|cooks|sells|builds|trains')}(?:\\s+an?\\s+[a-z][a-z -]{1,30}?)?)\\s+(?:at|for|with|from)(?:\\s+the)?`;
/** A workplace named by its kind: "the Honda plant", "the Walmart DC", "the State Farm call center". */
const WORKPLACE = `the\\s+(?<workplace>${ORG})\\s+(?:plant|warehouse|factory|mill|shipyard|call center|distribution center|DC|store|base|hub|refinery|mine|depot|gigafactory|Gigafactory|maintenance base|assembly line)\\b`;
// The employer's name starts with a capital ("3M" with its digit): "a smoker for 20 years" names none.
const EMPLOYER = cued(
  `${CUE}\\s+(?=[A-Z]|\\d+[A-Z])(?<org>${ORG})|employer\\s*:\\s*(?<labelled>${ORG})|${WORKPLACE}`,
  'd',
);

export function detectEmployers(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const m of cuedMatches(cues, EMPLOYER)) {
    const [start, end] = m.indices!.groups!.org ?? m.indices!.groups!.labelled ?? m.indices!.groups!.workplace!;
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
