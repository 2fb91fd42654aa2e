/** Employers: Safe Harbor removes the patient's and relatives' employers, named after a work cue. */
import type { Candidate, Detector } from '../types';
import { TextCues, cued, cuedMatches } from '../cues';
import { FUNCTION_WORDS, isClinicalWord } from '../lexicons/names';
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

/**
 * A business named by the word its kind of trade ends its name with ("Badger State Freight", "Mid-South Foundry",
 * "Lupita's Taqueria", "Acme Co-op"), with or without a work cue before it. Only words that end a business's name and
 * never a service's or a disease's: "Services", "Systems" and "Security" are left out ("Child Protective Services").
 */
const BUSINESS_END =
  /(?<=[\p{L}'’&-][ \t]+)(?:Freight|Logistics|Trucking|Drilling|Foundry|Constructors|Construction|Contractors|Manufacturing|Industries|Inc\.?|LLC|Corp\.?|Corporation|Co-op|Cooperative|Bakery|Taqueria|Restaurant|Diner|Roofing|Plumbing|Landscaping|Motors|Technologies|Software|Lumber|Packing|Poultry|Orchards|Vineyards|Brewery|Airlines|Railroad|Mining|Staffing|Janitorial|Towing)\b/gu;
/**
 * Up to four capitalised words (of, and, & between) right before the business word; words of letters only ("E11.22,
 * N18.31. Construction …" is a sentence of codes, no business's name).
 */
const BUSINESS_NAME_BEFORE = /(?<![\p{L}\p{N}'’.-])(?:[A-Z][\p{L}'’&-]*[ \t]+(?:(?:of|and|&)[ \t]+)?){1,4}$/u;

function businessNames(text: string): Candidate[] {
  const found: Candidate[] = [];
  BUSINESS_END.lastIndex = 0;
  for (let m = BUSINESS_END.exec(text); m; m = BUSINESS_END.exec(text)) {
    const window = text.slice(Math.max(0, m.index - 60), m.index);
    const before = BUSINESS_NAME_BEFORE.exec(window)?.[0];
    if (!before) continue;
    // "The Bakery": an article opens a sentence, not a name. A clinical word makes it no business's name.
    const first = /^\S+/.exec(before)![0];
    const name = FUNCTION_WORDS.has(first.toLowerCase()) ? before.slice(first.length).trimStart() : before;
    const words = name
      .trim()
      .split(/[ \t]+/)
      .filter(Boolean);
    if (!words.length || words.some((word) => isClinicalWord(word.replace(/['’]s$/, '')))) continue;
    found.push({ start: m.index - name.length, end: m.index + m[0].length, type: 'EMPLOYER' });
  }
  return found;
}

export function detectEmployers(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const m of cuedMatches(cues, EMPLOYER)) {
    const [start, end] = m.indices!.groups!.org ?? m.indices!.groups!.labelled ?? m.indices!.groups!.workplace!;
    found.push({ start, end, type: 'EMPLOYER' });
  }
  // A business a cue already named is not named twice.
  for (const business of businessNames(text))
    if (!found.some((c) => c.start <= business.start && business.end <= c.end)) found.push(business);
  return found;
}

export const employerDetector: Detector = {
  name: 'employers',
  finds: 'employers named after a cue, and businesses named by the word that ends a trade’s name',
  detect: ({ text, cues }) => detectEmployers(text, cues),
  patterns: [EMPLOYER],
};
