/** Dates in the formats charts use. Every element but the year is an identifier (Safe Harbor). */
import type { Candidate, Detector } from '../types';
import { TextCues, cued, cuedMatches, type CuedPattern } from '../cues';
import { matches } from '../text';
import { fullYear, monthIndex } from '../../record/dates';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?';
/** Weekdays as portal messages type them, where no other word is spelled so ("wed" and "sat" are). */
const WEEKDAY_LOWER = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tues|thurs|fri)';
/** Month names in lower case that are no other word ("may", "march" and "august" are). */
const MONTH_LOWER = '(?:january|february|april|june|july|september|october|november|december)';
/** Words after which a number like 3/14 is a date ("starting 3/9", "changed 2/2", "Mon 2/8"), never a fraction. */
const DATE_CUES = `on|since|from|until|till|by|dated?|through|thru|after|before|DOS:?|starts?|starting|started|changed|visit|appt|appointment|f\\/u|follow[- ]?up|scheduled|due|next|returned|admitted|discharged|placed|removed|drawn|collected|${WEEKDAY}`;

function day(year: number, month: number, date: number): number | undefined {
  if (month < 0 || month > 11 || date < 1 || date > 31) return undefined;
  return Date.UTC(year, month, date);
}

/** Patterns led by a word (a month, "since", "the") are cued: tried only where such a word starts. */
const PATTERNS: Array<{
  re: RegExp | CuedPattern;
  parse: (m: RegExpExecArray) => { year?: number; time?: number } | undefined;
}> = [
  {
    // 03/14/2021, 3/14/21, 14.03.2021, 03-14-2021 (day first when the first number cannot be a month)
    re: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(?![/.-]\d)/g,
    parse: (m) => {
      let [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && b <= 12) [a, b] = [b, a];
      const year = fullYear(m[4]);
      const time = day(year, a - 1, b);
      return time === undefined ? undefined : { year, time };
    },
  },
  {
    // 3/2024, 03-2024: a month and a year
    re: /\b(0?[1-9]|1[0-2])[/-]((?:19|20)\d{2})\b(?![/-]\d)/g,
    parse: (m) => ({ year: Number(m[2]) }),
  },
  {
    // 2021-03-14, 2021/03/14
    re: /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\b/g,
    parse: (m) => {
      const year = Number(m[1]);
      const time = day(year, Number(m[2]) - 1, Number(m[3]));
      return time === undefined ? undefined : { year, time };
    },
  },
  {
    // 14-Mar-21, 14 Mar 2021, 14 March 2021, and run together as lab and pharmacy systems print them (06JUN1958)
    re: new RegExp(`\\b(\\d{1,2})(?:[-\\s](${MONTH})\\.?[-\\s]|(${MONTH}))(\\d{4}|\\d{2})\\b`, 'gi'),
    parse: (m) => {
      const year = fullYear(m[4]);
      return { year, time: day(year, monthIndex(m[2] ?? m[3]), Number(m[1])) };
    },
  },
  {
    // March 14, 2021 · Mar 14 2021 · March 14th, 2021 · March 14 (no year)
    re: cued(`(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i'),
    parse: (m) => {
      if (Number(m[2]) > 31) return undefined;
      if (!m[3]) return {};
      const year = Number(m[3]);
      return { year, time: day(year, monthIndex(m[1]), Number(m[2])) };
    },
  },
  {
    // March 2021 — the month is an element of a date; the year may stay
    re: cued(`(${MONTH})\\.?,?\\s+(\\d{4})\\b`, 'i'),
    parse: (m) => ({ year: Number(m[2]) }),
  },
  {
    // 3/14 after a word that introduces a date ("on 3/14", "since 11/2") — never a bare fraction like BP 148/86
    re: cued(`(?:${DATE_CUES})\\s+(?<date>(\\d{1,2})\\/(\\d{1,2}))\\b(?!\\/)`, 'di'),
    parse: (m) => (Number(m[2]) <= 12 && Number(m[3]) <= 31 ? {} : undefined),
  },
  {
    // 3/14 standing alone ("seen at urgent care 3/14", "SOC 6/16"): a date unless it reads as a fraction, a grade or a
    // score — equal parts ("5/5 strength", "2/2 bottles"), or a smaller number over one of ten or less ("1/2 tab", "2/6
    // murmur", "8/10 pain"), or a word of measure after it.
    re: /(?<![\d/.,:+-])(\d{1,2})\/(\d{1,2})\b(?![/.,]?\d|\s*(?:strength|pain|murmur|tabs?\b|tablets?|caps?\b|capsules?|cups?|of\b|dose|scale|score|power|reflex|x\b|ml\b|mg\b|mcg\b|units?\b|bottles?|sets?\b|cores?\b|nodes?\b))/gi,
    parse: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a < 1 || a > 12 || b < 1 || b > 31 || a === b || (a < b && b <= 10)) return undefined;
      return {};
    },
  },
  {
    // A month name standing for a date: "in September", "since early May", "last March".
    // ("May" only where it cannot be the verb: before punctuation or a conjunction.)
    re: cued(
      `(?:in|since|until|till|during|from|by|last|next|this|early|mid|late|of|through|before|after|around|[Ff]\\/u|[Ff]ollow[- ]?up|starting|due)[-\\s]+(?:early\\s+|mid-?\\s*|late\\s+)?(?<date>${MONTH.replace('May|', '')}|${MONTH_LOWER}|May(?=\\s*[,.;]|\\s+(?:and|or|to|when|while)\\b))\\b`,
      'd',
    ),
    parse: () => ({}),
  },
  { re: cued(`${WEEKDAY}\\b`), parse: () => ({}) },
  { re: cued(`${WEEKDAY_LOWER}\\b`), parse: () => ({}) },
  {
    // 22nd of April (2026)
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)\\s+of\\s+(${MONTH})\\b(?:,?\\s+(\\d{4}))?`, 'gi'),
    parse: (m) => (m[3] ? { year: Number(m[3]), time: day(Number(m[3]), monthIndex(m[2]), Number(m[1])) } : {}),
  },
  {
    // "on the 14th", "the 3rd" — a day of the month; not a bone, a joint or a count ("the 1st MTH", "the 5th MC")
    re: cued(
      /the\s+(?<date>(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b(?!\s+(?:of\s+)?(?:day|week|month|year|percentile|grade|floor|time|dose|cycle|visit|birthday|trimester|metatarsal|metacarpal|rib|digit|finger|toe|intercostal|ics|nerve|vertebra|lumbar|cervical|thoracic|sacral|degree|line|round|course|attempt|admission|stage|generation|decade|episode|pregnancy|child|baby|percent|(?:mth|mtp|mt|mcp|mc|cmc|pip|molar|premolar|cranial|heart sound|quadrant)\b))/
        .source,
      'di',
    ),
    parse: () => ({}),
  },
];

export function detectDates(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  for (const { re, parse } of PATTERNS) {
    for (const m of re instanceof RegExp ? matches(text, re) : cuedMatches(cues, re)) {
      const parsed = parse(m);
      if (!parsed) continue;
      // Patterns that match the words introducing a date mark the date itself as the group "date".
      const [start, end] = m.indices?.groups?.date ?? [m.index, m.index + m[0].length];
      found.push({ start, end, type: 'DATE', ...parsed });
    }
  }
  return found;
}

export const dateDetector: Detector = {
  name: 'dates',
  finds: 'dates more specific than a year',
  detect: ({ text, cues }) => detectDates(text, cues),
  patterns: PATTERNS.flatMap(({ re }) => (re instanceof RegExp ? [] : [re])),
};
