/**
 * De-identification, in the browser, before anything leaves: Safe Harbor identifiers become
 * stable placeholders; the mapping stays in a PlaceholderBook that never leaves the panel.
 */
import { detectAges } from './detectors/age';
import { detectContact } from './detectors/contact';
import { detectDates } from './detectors/dates';
import { detectEmployers } from './detectors/employer';
import { detectGeo } from './detectors/geo';
import { detectIds } from './detectors/ids';
import { detectKnown } from './detectors/known';
import { detectNames } from './detectors/names';
import { PlaceholderBook } from './placeholders';
import { resolve } from './resolve';
import type { Candidate, DeidResult, KnownIdentifiers } from './types';

export { knownFromRecord } from './detectors/known';
export { PlaceholderBook } from './placeholders';
export { describeLeaks, findLeaks, mask, type Leak } from './leak-guard';

const NO_KNOWN: KnownIdentifiers = { nameParts: [], birthDays: [], ids: [], phoneDigits: [], emails: [], addressParts: [] };

/** Everything that looks like an identifier, resolved to one span per stretch of text. */
export function findIdentifiers(text: string, known: KnownIdentifiers = NO_KNOWN): Candidate[] {
  const dates = detectDates(text);
  const candidates = [
    ...detectKnown(text, known, dates),
    ...detectContact(text),
    ...detectIds(text),
    ...dates,
    ...detectAges(text),
    ...detectGeo(text),
    ...detectEmployers(text),
    ...detectNames(text),
  ];
  return resolve(text, candidates);
}

/** Replaces every identifier in `text` with its placeholder; spans are offsets into `text`. */
export function deidentify(text: string, options: { known?: KnownIdentifiers; book?: PlaceholderBook } = {}): DeidResult {
  const book = options.book ?? new PlaceholderBook();
  const spans: DeidResult['spans'] = [];
  let out = '';
  let at = 0;
  for (const c of findIdentifiers(text, options.known)) {
    const placeholder = book.placeholderFor(c, text.slice(c.start, c.end));
    out += text.slice(at, c.start) + placeholder;
    at = c.end;
    spans.push({ start: c.start, end: c.end, type: c.type, placeholder });
  }
  return { text: out + text.slice(at), spans };
}
