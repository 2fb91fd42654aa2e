/**
 * Numbers and codes that identify: SSNs, record, plan, account and licence numbers, vehicle and
 * device identifiers, and any other unique-looking code.
 */
import type { Candidate, Detector, IdentifierType } from '../types';
import { TextCues, cued, cuedMatches } from '../cues';
import { matches } from '../text';

const LABELS: Array<[IdentifierType, string]> = [
  ['SSN', 'ssn|social security(?: number| no\\.?| #)?|ss#'],
  [
    'MRN',
    'mrn|medical record(?: number| no\\.?| #)?|mr ?#|chart(?: number| no\\.?| #)|patient id|pt id|hospital number',
  ],
  [
    'HEALTH_PLAN',
    'member(?: id| #| number)?|policy(?: number| no\\.?| #)?|group(?: number| no\\.?| #)|subscriber(?: id| #)?|insurance(?: id| #| number)?|health plan(?: id| #)?|plan id|medicaid(?: id| #| number)?|medicare(?: id| #| number)?|beneficiary id|mbi|rx group',
  ],
  [
    'ACCOUNT',
    'account(?: number| no\\.?| #)?|acct\\.?(?: #)?|billing(?: number| #)|invoice(?: number| #)?|claim(?: number| no\\.?| #)|fin|csn|encounter(?: number| id| #)',
  ],
  [
    'LICENSE',
    "licen[cs]e(?: number| no\\.?| #)?|lic\\.?(?: #)?|dea(?: number| #)?|npi|driver'?s licen[cs]e|certificate(?: number| no\\.?| #)?|cert\\.?(?: #)?|state licen[cs]e|cdl",
  ],
  ['VEHICLE', 'vin|license plate|plate(?: number| #)?|tag number'],
  [
    'ID',
    'report(?: number| no\\.?| #)?|case(?: number| no\\.?| #)|incident(?: number| report)?|reference(?: number| #)?|ref(?: #)?|confirmation(?: code| number| #)?|ticket(?: number| #)?|authori[sz]ation(?: number| #)?|auth(?: #)?|order(?: number| #)|tracking(?: number| #)?|student id|employee id|id|badge(?: number| #)?|image id|specimen(?: id| #)|accession(?: number| #)?|booking(?: number| no\\.?| #)?|so ?#|inmate(?: number| id| #)?|passport(?: number| no\\.?| #)?|employee(?: number| no\\.?| #)',
  ],
  [
    'DEVICE',
    'serial(?: number| no\\.?| #)?|s/n|sn|device(?: id| serial)|udi|imei|model(?: number| no\\.?| #)?|lot(?: number| no\\.?| #)?',
  ],
];
const LABELLED = LABELS.map(([type, label]) => ({
  type,
  // The label, optional "number"/"#"/":" and the value: letters, digits, dashes, with a digit in it.
  // "member id is W 2204 771 390", "Insurance: KSB 8812-0049-71": a value may follow "is", open with a short prefix of
  // capitals, and go on in groups of digits (a group with no digit ends it).
  pattern: cued(
    `(?:${label})\\s*(?:number|no\\.?|#|id)?\\s*[:#]?(?:\\s+(?:is|was))?\\s*(?<prefix>[A-Z]{1,4}[ \\t](?=\\d))?(?=[A-Z0-9-]*\\d)(?<value>[A-Z0-9][A-Z0-9-]{${type === 'SSN' ? 2 : 1},}[A-Z0-9](?:[ \\t](?=[A-Z0-9-]*\\d)[A-Z0-9-]{3,}(?![/.:]\\d|\\s*(?:mg|mcg|ml|g|units?|tabs?|caps?|%)\\b))*)\\b`,
    'id',
  ),
}));

const SSN = /\b\d{3}-\d{2}-\d{4}\b/g;
/**
 * A username after its label ("username jlopez_1988", "portal login: mk.oduya"): with a digit, an underscore or a
 * dot in it, which words after the label ("username is working") have not.
 */
const USERNAME = cued(
  '(?:user ?name|login|portal id|screen name|handle)\\s*[:#]?\\s*(?:is\\s+)?' +
    '(?=[\\w.@-]*[\\d_.@])(?<value>[A-Za-z0-9][\\w.@-]{2,}\\w)',
  'id',
);
/** Vehicle identification numbers: whole words of 17 capitals and digits (no I, O, Q). */
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
/** Codes of letters and digits joined by dashes, with three or more digits and a letter: BCX-7741-20983. */
const CODE = /\b[A-Z0-9]{2,}(?:-[A-Z0-9]+)+\b/g;
/** A run of vertebrae ("T6-T12", "C5-C6", "L4-5-S1"): anatomy, not a code. */
const VERTEBRA = '(?:C[1-7]|T(?:1[0-2]|[1-9])|L[1-5]|S[1-5])';
const SPINAL_LEVELS = new RegExp(`^${VERTEBRA}(?:-(?:${VERTEBRA}|1[0-2]|[1-9]))+$`);
/** UUIDs, in either case: FHIR resource ids and record numbers in app-style EHRs. */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/**
 * Long codes of letters and digits mixed (eight or more characters, letters and digits alternating
 * at least twice: "x7Kq92Lm", "A1B2C3D4", "3f9a0c7e1b"), which no clinical word is; a dose with its
 * unit ("1000units") has one switch and stays.
 */
const MIXED_CODE = /\b[A-Za-z0-9]{8,64}\b/g;
function isMixedCode(word: string): boolean {
  if (!/\d/.test(word) || !/[A-Za-z]/.test(word)) return false;
  let switches = 0;
  for (let i = 1; i < word.length; i++) if (DIGIT(word.charCodeAt(i)) !== DIGIT(word.charCodeAt(i - 1))) switches++;
  return switches >= 3;
}
/** Seven or more digits in a row, not part of a decimal. */
const LONG_NUMBER = /(?<![\d.,])\d{7,}(?![\d.,]\d)/g;

const DIGIT = (c: number) => c >= 48 && c <= 57;
const LETTER = (c: number) => c >= 65 && c <= 90;
function count(text: string, test: (c: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (test(text.charCodeAt(i))) n++;
  return n;
}

/** VIN-shaped words with at least three digits and two letters; the words come from the cue index's one pass. */
export function vehicleNumbers(text: string, cues: TextCues = new TextCues(text)): Array<[number, number]> {
  return cues.longWords().filter(([start, end]) => {
    const word = text.slice(start, end);
    return VIN.test(word) && count(word, DIGIT) >= 3 && count(word, LETTER) >= 2;
  });
}

export function detectIds(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const { type, pattern } of LABELLED) {
    for (const m of cuedMatches(cues, pattern)) {
      const [valueStart, end] = m.indices!.groups!.value;
      // Five letters and digits at least, once the prefix is counted ("W 2204 771 390"; "MRN 123" is no record).
      const prefixed = Boolean(m.groups!.prefix) && m.groups!.prefix === m.groups!.prefix.toUpperCase();
      if (m.groups!.value.replace(/[^A-Za-z0-9]/g, '').length < (type === 'SSN' ? 4 : prefixed ? 4 : 5)) continue;
      // The prefix is the code's only in capitals ("W 2204…"); the pattern reads the label in any case.
      const start = prefixed ? m.indices!.groups!.prefix[0] : valueStart;
      found.push({ start, end, type });
    }
  }
  for (const m of matches(text, SSN)) found.push({ start: m.index, end: m.index + m[0].length, type: 'SSN' });
  for (const m of cuedMatches(cues, USERNAME)) {
    const [start, end] = m.indices!.groups!.value;
    found.push({ start, end, type: 'ID' });
  }
  // Simple token patterns, then the counts checked here: stacked lookaheads at every word boundary cost more.
  for (const [start, end] of vehicleNumbers(text, cues)) found.push({ start, end, type: 'VEHICLE' });
  for (const m of matches(text, CODE))
    if (count(m[0], DIGIT) >= 3 && count(m[0], LETTER) >= 1 && !SPINAL_LEVELS.test(m[0]))
      found.push({ start: m.index, end: m.index + m[0].length, type: 'ID' });
  for (const m of matches(text, LONG_NUMBER)) found.push({ start: m.index, end: m.index + m[0].length, type: 'ID' });
  for (const m of matches(text, UUID)) found.push({ start: m.index, end: m.index + m[0].length, type: 'ID' });
  for (const m of matches(text, MIXED_CODE))
    if (isMixedCode(m[0])) found.push({ start: m.index, end: m.index + m[0].length, type: 'ID' });
  return found;
}

export const idDetector: Detector = {
  name: 'ids',
  finds: 'record, plan, account, licence, device and other numbers',
  detect: ({ text, cues }) => detectIds(text, cues),
  patterns: [...LABELLED.map((label) => label.pattern), USERNAME],
};
