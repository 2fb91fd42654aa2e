/**
 * The leak guard: the last check before anything is sent. It reads the exact outgoing text again —
 * after de-identification, after the clinician's edits to the preview — and looks for every value
 * that was replaced, every known identifier of the patient, and the high-risk patterns. Anything
 * found blocks the send, with what and where (masked: the guard never repeats the value itself).
 */
import { detectContact } from './detectors/contact';
import { detectDates } from './detectors/dates';
import { detectIds } from './detectors/ids';
import { matchesInCapitalsOnly } from './detectors/known';
import { placeholderAt, type PlaceholderBook } from './placeholders';
import { findWord, fold } from './text';
import type { IdentifierType, KnownIdentifiers } from './types';

export interface Leak {
  type: IdentifierType | 'REPLACED_VALUE';
  /** Offset in the outgoing text. */
  index: number;
  /** The value, masked ("0***3"), for the clinician to find it. */
  masked: string;
  /** A few words around it, with the value masked. */
  context: string;
}

const HIGH_RISK: ReadonlySet<IdentifierType> = new Set([
  'SSN',
  'EMAIL',
  'PHONE',
  'FAX',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'URL',
  'IP',
]);

export function mask(value: string): string {
  if (value.length <= 2) return '*'.repeat(value.length);
  return `${value[0]}${'*'.repeat(Math.min(value.length - 2, 8))}${value[value.length - 1]}`;
}

/** A few words around a leak, every leak inside them masked: one leak's context never shows another's value. */
function contextOf(text: string, start: number, end: number, all: Array<[number, number]>): string {
  const from = Math.max(0, start - 25);
  const to = Math.min(text.length, end + 25);
  let out = '';
  let at = from;
  for (const [s, e] of all.filter(([s, e]) => s < to && e > from).sort((a, b) => a[0] - b[0])) {
    const ms = Math.max(s, from);
    if (ms < at) continue;
    out += text.slice(at, ms) + mask(text.slice(ms, Math.min(e, to)));
    at = Math.min(e, to);
  }
  return `…${out}${text.slice(at, to)}…`.replace(/\s+/g, ' ');
}

/** Placeholders look like "[DATE-2 (2021)]": what is inside one is not a leak. */
function insidePlaceholder(text: string, index: number): boolean {
  const open = text.lastIndexOf('[', index);
  return open !== -1 && text.lastIndexOf(']', index) < open && placeholderAt(text, open);
}

/** Blanks the lines Chartside wrote itself (offsets kept), so only the record's text is checked. */
function withoutFixedLines(text: string, fixedLines: ReadonlySet<string> | undefined): string {
  if (!fixedLines?.size) return text;
  return text
    .split('\n')
    .map((line) => (fixedLines.has(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}

/**
 * @param options.fixedLines lines of Chartside's own instructions: not patient data, left out of
 * the check where they stand exactly as written (a line with anything added is checked whole).
 */
export function findLeaks(
  message: string,
  known: KnownIdentifiers,
  book?: PlaceholderBook,
  options: { fixedLines?: ReadonlySet<string> } = {},
): Leak[] {
  const leaks: Leak[] = [];
  const outgoing = withoutFixedLines(message, options.fixedLines);
  const folded = fold(outgoing);
  const found = new Map<number, { end: number; type: Leak['type'] }>();
  const add = (start: number, end: number, type: Leak['type']) => {
    if (found.has(start) || insidePlaceholder(outgoing, start)) return;
    found.set(start, { end, type });
  };

  // Every value de-identification replaced must stay replaced.
  for (const original of book?.originals.values() ?? []) {
    if (original.replace(/[^\p{L}\p{N}]/gu, '').length < 3) continue;
    for (const [start, end] of findWord(folded, fold(original))) add(start, end, 'REPLACED_VALUE');
  }
  // The patient's known identifiers, in any case.
  for (const [parts, type] of [
    [known.nameParts, 'PATIENT'],
    [known.personParts ?? [], 'PERSON'],
  ] as const) {
    for (const part of parts) {
      if (part.length <= 3) continue; // short parts are checked as written by de-identification itself
      const capitalsOnly = matchesInCapitalsOnly(part, type);
      for (const [start, end] of findWord(folded, fold(part)))
        if (!capitalsOnly || outgoing.slice(start, end) === part) add(start, end, type);
    }
  }
  for (const { type, value } of [
    ...known.ids,
    ...known.addressParts,
    ...known.emails.map((value) => ({ type: 'EMAIL' as IdentifierType, value })),
  ]) {
    for (const [start, end] of findWord(folded, fold(value))) add(start, end, type);
  }
  // High-risk patterns, whoever they belong to.
  for (const c of [...detectContact(outgoing), ...detectIds(outgoing)])
    if (HIGH_RISK.has(c.type)) add(c.start, c.end, c.type);
  for (const c of detectDates(outgoing)) if (c.time !== undefined) add(c.start, c.end, 'DATE');
  const ranges = [...found.entries()].map(([start, { end }]) => [start, end] as [number, number]);
  for (const [start, { end, type }] of [...found.entries()].sort((a, b) => a[0] - b[0])) {
    leaks.push({
      type,
      index: start,
      masked: mask(outgoing.slice(start, end)),
      context: contextOf(outgoing, start, end, ranges),
    });
  }
  return leaks;
}

/** A sentence the panel shows when the guard blocks a send. */
export function describeLeaks(leaks: Leak[]): string {
  const kinds = [
    ...new Set(
      leaks.map((l) =>
        l.type === 'REPLACED_VALUE' ? 'a value that was removed' : l.type.toLowerCase().replace('_', ' '),
      ),
    ),
  ];
  return `Not sent: the text still contains ${leaks.length === 1 ? 'an identifier' : `${leaks.length} identifiers`} (${kinds.join(', ')}). Remove ${leaks.length === 1 ? 'it' : 'them'} in the preview, then send again.`;
}
