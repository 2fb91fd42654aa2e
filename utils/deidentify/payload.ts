/**
 * The payload: the record as the text a task would send, de-identified in one pass so every
 * placeholder is consistent across sections, then checked by the leak guard. The placeholder book
 * (real values) stays with the caller, in the panel; only `text` may ever leave.
 */
import { categoryState, type CategoryState } from '../record/category-state';
import { isPatientIdentified } from '../record/identity';
import { ITEM_CATEGORIES, type PatientRecord, type RecordItem } from '../record/schema';
import { knownFromHeader, mergeKnown } from './header';
import {
  deidentify,
  DetectorFailure,
  findLeaks,
  knownFromRecord,
  PlaceholderBook,
  type ClinicianChoices,
  type DetectorChoice,
  type Leak,
} from './index';
import type { DatePolicy, IdentifierType, KnownIdentifiers, Span } from './types';
import { fail, ok, type AppError, type Result } from '../result';
import { CATEGORY_INFO } from '../record/categories';

export interface Payload {
  text: string;
  /** The patient's known identifiers: the leak guard checks every outgoing message against them. */
  known: KnownIdentifiers;
  spans: Span[];
  counts: Partial<Record<IdentifierType, number>>;
  leaks: Leak[];
  book: PlaceholderBook;
  /**
   * The page showed whose chart it is. When it did not, the patient's own identifiers are not
   * known, so nothing may be sent to a model (de-identification cannot know what to remove).
   */
  patientIdentified: boolean;
}

/** What the model is told of a category with no items: "none" only when the page said so. */
const STATE_FOR_MODEL: Record<Exclude<CategoryState, 'shown'>, string> = {
  empty: 'NONE, AS THE PAGE STATES',
  collapsed: 'NOT READ, collapsed or hidden on the page (do not say there are none)',
  unread: 'NOT READ, nothing under the heading could be read (do not say there are none)',
  absent: 'NOT ON THIS PAGE (do not say there are none)',
};
const STATED_CATEGORIES = ['problems', 'medications', 'allergies', 'vitals', 'labs', 'immunizations'] as const;

/** The record as plain text, each item with its id so a model's citations can point back to it. */
export function recordText(record: PatientRecord): string {
  const { patient, encounter } = record;
  const lines: string[] = [];
  // Written plainly; the age detector groups ages over 89 as Safe Harbor asks.
  const age = patient.age ? `age ${patient.age}` : '';
  lines.push(`PATIENT: ${[patient.name, age, patient.sex].filter(Boolean).join(', ')}`);
  const visit = [encounter.date, encounter.clinician, encounter.location, encounter.reason].filter(Boolean);
  if (visit.length) lines.push(`ENCOUNTER: ${visit.join(' · ')}`);
  for (const category of ITEM_CATEGORIES) {
    const items = record[category] as RecordItem[];
    if (!items.length) continue;
    lines.push('', `${CATEGORY_INFO[category].heading}:`);
    for (const item of items) lines.push(`- [${item.id}] ${item.text.replace(/\n/g, '\n  ')}`);
  }
  // Categories with no items, by which kind of nothing each is.
  const missing = new Map<string, string[]>();
  for (const category of STATED_CATEGORIES) {
    const state = categoryState(record, category);
    if (state === 'shown') continue;
    missing.set(STATE_FOR_MODEL[state], [...(missing.get(STATE_FOR_MODEL[state]) ?? []), category]);
  }
  if (missing.size) lines.push('');
  for (const [state, categories] of missing) lines.push(`${state}: ${categories.join(', ')}`);
  return lines.join('\n');
}

/**
 * Past this size the record is not prepared at all (de-identification runs in the panel at a few
 * MB/s): a clear error instead of a frozen panel — and never a partial payload.
 */
export const MAX_PAYLOAD_CHARS = 2_000_000;

/** The error that stops a send when a detector failed: what it could not check, and what to do. */
export function detectorFailed(failure: DetectorFailure): AppError {
  return {
    code: 'deid-detector-failed',
    message: `Chartside could not check this chart for ${failure.finds}, so nothing was sent. Try again; if it happens again, use the offline engine and tell your IT team.`,
    detail: failure.message,
  };
}

export function buildPayload(
  record: PatientRecord,
  policy: DatePolicy = 'safe-harbor',
  choices: ClinicianChoices & DetectorChoice = {},
): Result<Payload> {
  try {
    return preparePayload(record, policy, choices);
  } catch (error) {
    if (error instanceof DetectorFailure) return { ok: false, error: detectorFailed(error) };
    throw error;
  }
}

function preparePayload(
  record: PatientRecord,
  policy: DatePolicy,
  choices: ClinicianChoices & DetectorChoice,
): Result<Payload> {
  const source = recordText(record);
  if (source.length > MAX_PAYLOAD_CHARS) {
    return fail(
      'payload-too-large',
      `This page holds too much text to prepare at once (${(source.length / 1e6).toFixed(1)} million characters). Select the part you need on the page and use "Use selection only".`,
      `record text ${source.length} characters; limit ${MAX_PAYLOAD_CHARS}`,
    );
  }
  // The banner as capture read it, and whatever the header region shows, read by the detectors.
  const known = mergeKnown(knownFromRecord(record.patient), knownFromHeader(record.source.header, choices.detectors));
  const captured = Date.parse(record.source.capturedAt);
  const referenceDay = Number.isNaN(captured) ? undefined : Math.floor(captured / 86_400_000) * 86_400_000;
  const book = new PlaceholderBook(policy, referenceDay);
  const { text, spans } = deidentify(source, { known, book, ...choices });
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
  const patientIdentified = record.capture.patientIdentified ?? isPatientIdentified(record.patient);
  return ok({ text, known, spans: outSpans, counts, leaks: findLeaks(text, known, book), book, patientIdentified });
}
