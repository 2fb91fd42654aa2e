/** Phones, faxes, e-mail addresses, URLs and IP addresses. */
import type { Candidate, Detector } from '../types';
import { TextCues, cued, cuedMatches, isWordChar } from '../cues';
import { matches } from '../text';

const PHONE =
  // Not a country code "1" that is the last digit of a number before it (a ZIP: "70651 082 490 1693").
  /(?<!\d)(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)(?:,?\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?!\w)/gi;
/** A number with a country code: "+46 (0)179 459 33", "+41 71 526 00 00" (eight digits or more, checked below). */
const INTERNATIONAL_PHONE = /\+\d{1,3}[ .-]?(?:\(0\)[ ]?)?\d{1,4}(?:[ .-]\d{2,4}){1,5}(?!\d)/g;
/** Fewer digits than this is no phone number, whatever its cue says ("call if BP over 180 110"). */
const MIN_PHONE_DIGITS = 8;
const digitCount = (s: string) => s.replace(/\D/g, '').length;
/**
 * Seven-digit numbers count as phones only right after a word that says so. (Cued patterns match
 * the cue forwards and capture the number: a lookbehind would run at every position of the text.)
 */
const LOCAL_PHONE = cued(
  /(?:phone|tel|call|cell|mobile|pager|page|ext|fax|reach(?:ed)? at|number)\b[^\d\n]{0,12}\b(\d{3}[-. ]\d{4})\b/.source,
  'i',
);
/** Any number written like a phone right after a word that says it is one: international formats too. */
const CUED_PHONE = cued(
  /(?:phone|tel|telephone|mobile|cell|fax|call|pager|whatsapp|contact number|(?:call|reach|text) (?:me|us) (?:at|on)|answering at|messages to|my registered(?: number)?)\b\s*(?:number|no\.?|#)?\s*[:.]?\s*(\+?(?:\(\d{1,4}\)\s?)?\d[\d\s().-]{5,}\d)\b/
    .source,
  'i',
);
/** A word after a number that says what phone it is: "617 555 0199 (cell)", "788-063-Office", "+41 69 900 fax". */
const PHONE_KIND_AFTER = cued(/(?:office|fax|mobile|cell|home|work)\b/.source, 'i');
/** Groups of digits before such a word ("(37) 788-063-", "082 490 1693 ("), the last group touching it. */
const GROUPS_BEFORE_KIND = /((?:\+?[\d().-]*\d[\d().-]*[ ]){0,5}\+?[\d().-]*\d)[ ]*[-(]?[ ]*$/;
const DATE_SHAPED = /^(?:\d{4}[ ./-]\d{1,2}[ ./-]\d{1,2}|\d{1,2}[ ./-]\d{1,2}[ ./-]\d{2,4})$/;

/**
 * The phone number in the digit groups before a word like "office": the last groups that hold seven digits, and the
 * short groups before them (an area code); a longer group before them is something else ("Hungary 34796 (37) 788-063").
 */
function numberBeforeKind(before: string): string | undefined {
  const groups = GROUPS_BEFORE_KIND.exec(before)?.[1].split(' ');
  if (!groups) return undefined;
  let first = groups.length;
  let digits = 0;
  while (first > 0 && digits < 7) digits += digitCount(groups[--first]);
  while (first > 0 && digitCount(groups[first - 1]) <= 4 && digits + digitCount(groups[first - 1]) <= 12)
    digits += digitCount(groups[--first]);
  const number = groups
    .slice(first)
    .join(' ')
    .replace(/^[-.]+/, '');
  if (digits < 7 || digits > 15 || DATE_SHAPED.test(number)) return undefined;
  // Written as a phone, not a run of readings ("glucose 112 145 160 98 home", "182.4 183.0 home"): a hyphen or a
  // bracket in it, a last group of four digits, or a leading 0 (a trunk prefix) — and no decimal reading.
  const last = groups[groups.length - 1].replace(/\D/g, '');
  const phoneShaped = /[-()]/.test(number) || last.length === 4 || /^\+|^0/.test(number);
  return phoneShaped && !/\d\.\d(?!\d)/.test(number) ? number : undefined;
}
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
/** A web address written without its scheme, a domain and a path: "pvusd.example.org/health/seizure-plan". */
const URL_WITHOUT_SCHEME =
  /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|us|io|info|health|care|app)\/[^\s<>"')\]]*/gi;
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g;
const IPV6 =
  /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b/gi;
const EMAIL_AT = new RegExp(EMAIL.source, 'y');
const IPV6_AT = new RegExp(IPV6.source, 'iy');
const FAX_CUE = /\bfax(?:ed)?\b[^\d\n]{0,15}$/i;

/** The number itself: the captured group of a cued pattern, or the whole match. */
function numberSpan(m: RegExpExecArray): [number, number] {
  if (m[1] === undefined) return [m.index, m.index + m[0].length];
  const start = m.index + m[0].lastIndexOf(m[1]);
  return [start, start + m[1].length];
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isEmailLocal = (c: number) => isWordChar(c) || c === 46 || c === 37 || c === 43 || c === 45; // . % + -

/**
 * The matches of EMAIL or IPV6 as a global scan finds them, tried only at the one place each can
 * start: before an "@" (e-mail) or before a colon (IPv6). Scanning every position of a long text
 * for them cost more than all the cued patterns together.
 */
function anchoredMatches(
  text: string,
  anchor: string,
  sticky: RegExp,
  startFor: (text: string, at: number) => number,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
    if (at < after) continue;
    const start = startFor(text, at);
    if (start < after) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    after = m.index + m[0].length;
  }
  return out;
}

/** The first word boundary of the run of e-mail characters before the "@" (-1: none). */
function emailStart(text: string, at: number): number {
  let run = at;
  while (run > 0 && isEmailLocal(text.charCodeAt(run - 1))) run--;
  for (let p = run; p < at; p++)
    if (isWordChar(text.charCodeAt(p)) !== (p > 0 && isWordChar(text.charCodeAt(p - 1)))) return p;
  return -1;
}

/** The start of the hex group before the colon, when it is a whole word of one to four digits (-1: none). */
function ipv6Start(text: string, at: number): number {
  let run = at;
  while (run > 0 && at - run < 5 && isHex(text.charCodeAt(run - 1))) run--;
  if (run === at || at - run > 4 || (run > 0 && isWordChar(text.charCodeAt(run - 1)))) return -1;
  return run;
}

export function detectContact(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  const international = text.includes('+') ? matches(text, INTERNATIONAL_PHONE) : [];
  // Seven-digit local numbers are found only by LOCAL_PHONE's cue; the looser shapes need eight digits or more.
  const phoneLists: Array<[RegExpExecArray[], number]> = [
    [matches(text, PHONE), 0],
    [cuedMatches(cues, LOCAL_PHONE), 0],
    [cuedMatches(cues, CUED_PHONE), MIN_PHONE_DIGITS],
    [international, MIN_PHONE_DIGITS],
  ];
  for (const [phones, minDigits] of phoneLists) {
    for (const m of phones) {
      const [start, end] = numberSpan(m);
      if (digitCount(text.slice(start, end)) < minDigits) continue;
      const before = text.slice(Math.max(0, start - 20), start);
      found.push({ start, end, type: FAX_CUE.test(before) ? 'FAX' : 'PHONE' });
    }
  }
  for (const m of cuedMatches(cues, PHONE_KIND_AFTER)) {
    const number = numberBeforeKind(text.slice(Math.max(0, m.index - 32), m.index));
    if (!number) continue;
    const start = text.lastIndexOf(number, m.index);
    if (start > 0 && /[\w./]/.test(text[start - 1])) continue; // part of a longer figure ("12.5 mg home")
    found.push({ start, end: start + number.length, type: /^fax/i.test(m[0]) ? 'FAX' : 'PHONE' });
  }
  for (const m of anchoredMatches(text, '@', EMAIL_AT, emailStart))
    found.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' });
  for (const m of [...matches(text, URL), ...matches(text, URL_WITHOUT_SCHEME)]) {
    const value = m[0].replace(/[.,;:!?]+$/, '');
    found.push({ start: m.index, end: m.index + value.length, type: 'URL' });
  }
  for (const m of matches(text, IPV4)) found.push({ start: m.index, end: m.index + m[0].length, type: 'IP' });
  for (const m of anchoredMatches(text, ':', IPV6_AT, ipv6Start))
    found.push({ start: m.index, end: m.index + m[0].length, type: 'IP' });
  return found;
}

export const contactDetector: Detector = {
  name: 'contact',
  finds: 'phone and fax numbers, e-mail addresses, web and IP addresses',
  detect: ({ text, cues }) => detectContact(text, cues),
  patterns: [LOCAL_PHONE, CUED_PHONE, PHONE_KIND_AFTER],
};
