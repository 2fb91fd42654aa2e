/** Phones, faxes, e-mail addresses, URLs and IP addresses. */
import type { Candidate } from '../types';
import { matches } from '../text';

const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b(?:,?\s*(?:x|ext\.?|extension)\s*\d{1,5})?/gi;
/**
 * Seven-digit numbers count as phones only right after a word that says so. (Cued patterns match
 * the cue forwards and capture the number: a lookbehind would run at every position of the text.)
 */
const LOCAL_PHONE = /\b(?:phone|tel|call|cell|mobile|pager|page|ext|fax|reach(?:ed)? at|number)\b[^\d\n]{0,12}\b(\d{3}-\d{4})\b/gi;
/** Any number written like a phone right after a word that says it is one: international formats too. */
const CUED_PHONE = /\b(?:phone|tel|telephone|mobile|cell|fax|call|pager|whatsapp|contact number)\b\s*(?:number|no\.?|#)?\s*[:.]?\s*(\+?(?:\(\d{1,4}\)\s?)?\d[\d\s().-]{5,}\d)\b/gi;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b/gi;
const FAX_CUE = /\bfax(?:ed)?\b[^\d\n]{0,15}$/i;

/** The number itself: the captured group of a cued pattern, or the whole match. */
function numberSpan(m: RegExpExecArray): [number, number] {
  if (m[1] === undefined) return [m.index, m.index + m[0].length];
  const start = m.index + m[0].lastIndexOf(m[1]);
  return [start, start + m[1].length];
}

export function detectContact(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of [PHONE, LOCAL_PHONE, CUED_PHONE]) {
    for (const m of matches(text, pattern)) {
      const [start, end] = numberSpan(m);
      const before = text.slice(Math.max(0, start - 20), start);
      found.push({ start, end, type: FAX_CUE.test(before) ? 'FAX' : 'PHONE' });
    }
  }
  for (const m of matches(text, EMAIL)) found.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' });
  for (const m of matches(text, URL)) {
    const value = m[0].replace(/[.,;:!?]+$/, '');
    found.push({ start: m.index, end: m.index + value.length, type: 'URL' });
  }
  for (const pattern of [IPV4, IPV6]) for (const m of matches(text, pattern)) found.push({ start: m.index, end: m.index + m[0].length, type: 'IP' });
  return found;
}
