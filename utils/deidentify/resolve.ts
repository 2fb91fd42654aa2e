/** From overlapping findings to one span per stretch of text. */
import type { Candidate, IdentifierType } from './types';

/** When two findings overlap and neither is known: the more specific type wins ties of length. */
const SPECIFICITY: IdentifierType[] = ['SSN', 'EMAIL', 'URL', 'IP', 'MRN', 'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'PHONE', 'FAX', 'DATE', 'AGE', 'ZIP', 'ADDRESS', 'EMPLOYER', 'CLINICIAN', 'PATIENT', 'PERSON', 'LOCATION', 'ID'];
const NAME_TYPES = new Set<IdentifierType>(['PATIENT', 'PERSON', 'CLINICIAN']);

function rank(c: Candidate): [number, number, number] {
  return [c.known ? 0 : 1, -(c.end - c.start), SPECIFICITY.indexOf(c.type)];
}

function better(a: Candidate, b: Candidate): boolean {
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return a.start <= b.start;
}

/**
 * Keeps the best finding for each stretch of text: known identifiers first, then the longest,
 * then the most specific. A name partly matching the patient's (a relative sharing the surname,
 * "Lucia Ordóñez-Reyes") stays one person: the longer, cue-found span wins over the known part.
 */
export function resolve(text: string, candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (better(a, b) ? -1 : 1));
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const overlapping = kept.filter((k) => k.start < c.end && c.start < k.end);
    if (overlapping.length === 0) {
      kept.push(c);
      continue;
    }
    // A longer name found by its cues contains a known part of the patient's name: it is another person.
    if (NAME_TYPES.has(c.type) && overlapping.every((k) => k.type === 'PATIENT' && k.start >= c.start && k.end <= c.end) && !isOnlyPatient(text, c, overlapping)) {
      for (const k of overlapping) kept.splice(kept.indexOf(k), 1);
      kept.push({ ...c, known: false });
    }
  }
  return mergeAdjacentPatientParts(text, kept.sort((a, b) => a.start - b.start));
}

/** "Maria Elena Ordóñez" matched part by part is the patient, not a person containing the patient. */
function isOnlyPatient(text: string, c: Candidate, parts: Candidate[]): boolean {
  const covered = new Array(c.end - c.start).fill(false);
  for (const p of parts) for (let i = p.start; i < p.end; i++) covered[i - c.start] = true;
  return [...text.slice(c.start, c.end)].every((ch, i) => covered[i] || /[\s,.'’-]/.test(ch));
}

/** One [PATIENT] for "Maria Elena Ordóñez", not three. */
function mergeAdjacentPatientParts(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.type === 'PATIENT' && span.type === 'PATIENT' && /^[\s,]*$/.test(text.slice(last.end, span.start)) && !text.slice(last.end, span.start).includes('\n')) {
      last.end = span.end;
    } else out.push({ ...span });
  }
  return out;
}
