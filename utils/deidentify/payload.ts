/**
 * The payload: the record as the text a task would send, de-identified in one pass so every
 * placeholder is consistent across sections, then checked by the leak guard. The placeholder book
 * (real values) stays with the caller, in the panel; only `text` may ever leave.
 */
import { ITEM_CATEGORIES, type PatientRecord, type RecordItem } from '../record/schema';
import { deidentify, findLeaks, knownFromRecord, PlaceholderBook, type ClinicianChoices, type Leak } from './index';
import type { DatePolicy, IdentifierType, Span } from './types';

export interface Payload {
  text: string;
  spans: Span[];
  counts: Partial<Record<IdentifierType, number>>;
  leaks: Leak[];
  book: PlaceholderBook;
}

const HEADINGS: Record<(typeof ITEM_CATEGORIES)[number], string> = {
  problems: 'PROBLEMS', medications: 'MEDICATIONS', allergies: 'ALLERGIES', vitals: 'VITALS', labs: 'LABS',
  immunizations: 'IMMUNIZATIONS', procedures: 'PROCEDURES', notes: 'NOTES', messages: 'MESSAGES', other: 'OTHER',
};

/** The record as plain text, each item with its id so a model's citations can point back to it. */
export function recordText(record: PatientRecord): string {
  const { patient, encounter } = record;
  const lines: string[] = [];
  const age = patient.age && Number(patient.age) >= 90 ? '90 or older' : patient.age;
  lines.push(`PATIENT: ${[patient.name, age ? `${age} y` : '', patient.sex].filter(Boolean).join(', ')}`);
  const visit = [encounter.date, encounter.clinician, encounter.location, encounter.reason].filter(Boolean);
  if (visit.length) lines.push(`ENCOUNTER: ${visit.join(' · ')}`);
  for (const category of ITEM_CATEGORIES) {
    const items = record[category] as RecordItem[];
    if (!items.length) continue;
    lines.push('', `${HEADINGS[category]}:`);
    for (const item of items) lines.push(`- [${item.id}] ${item.text.replace(/\n/g, '\n  ')}`);
  }
  return lines.join('\n');
}

export function buildPayload(record: PatientRecord, policy: DatePolicy = 'safe-harbor', choices: ClinicianChoices = {}): Payload {
  const known = knownFromRecord(record.patient);
  const captured = Date.parse(record.source.capturedAt);
  const referenceDay = Number.isNaN(captured) ? undefined : Math.floor(captured / 86_400_000) * 86_400_000;
  const book = new PlaceholderBook(policy, referenceDay);
  const { text, spans } = deidentify(recordText(record), { known, book, ...choices });
  // Offsets of the placeholders in the outgoing text, for highlighting.
  const outSpans: Span[] = [];
  let shift = 0;
  for (const span of spans) {
    const start = span.start + shift;
    outSpans.push({ ...span, start, end: start + span.placeholder.length });
    shift += span.placeholder.length - (span.end - span.start);
  }
  const counts: Payload['counts'] = {};
  for (const span of spans) counts[span.type] = (counts[span.type] ?? 0) + 1;
  return { text, spans: outSpans, counts, leaks: findLeaks(text, known, book), book };
}
