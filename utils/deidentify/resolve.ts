/** From overlapping findings to one span per stretch of text. */
import type { Candidate, IdentifierType } from './types';

/** When two findings overlap and neither is known: the more specific type wins ties of length. */
const SPECIFICITY: IdentifierType[] = ['SSN', 'EMAIL', 'URL', 'IP', 'MRN', 'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'PHONE', 'FAX', 'DATE', 'AGE', 'ZIP', 'ADDRESS', 'EMPLOYER', 'CLINICIAN', 'PATIENT', 'PERSON', 'LOCATION', 'ID'];
const NAME_TYPES = new Set<IdentifierType>(['PATIENT', 'PERSON', 'CLINICIAN']);
/** Identifiers that are one token however much they contain: "an.nguyen.1968@example.net" holds a name. */
const ATOMIC = new Set<IdentifierType>(['EMAIL', 'URL', 'IP', 'SSN', 'MRN', 'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'ID']);

function rank(c: Candidate): [number, number, number] {
  return [c.known ? 0 : 1, -(c.end - c.start), SPECIFICITY.indexOf(c.type)];
}

function better(a: Candidate, b: Candidate): boolean {
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return a.start <= b.start;
}

/** Kinds of finding that may contain one another: a facility contains a city, a person a name part. */
function family(type: IdentifierType): string {
  if (NAME_TYPES.has(type)) return 'NAME';
  if (type === 'ADDRESS' || type === 'LOCATION') return 'PLACE';
  return type;
}

/**
 * Keeps the best finding for each stretch of text: known identifiers first, then the longest, then
 * the most specific. A longer finding of the same family that contains known ones replaces them
 * ("Somerville Hospital" contains the patient's city; "Lucia Ordóñez-Reyes" is a relative who shares
 * the patient's surname) — unless it is only the patient's name parts, which stay the patient.
 */
export function resolve(text: string, candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (better(a, b) ? -1 : 1));
  // Kept spans never overlap, so sorted by start they are sorted by end too: a binary search finds
  // the neighbours of each candidate (linear scans made a 1 MB text quadratic).
  const kept: Candidate[] = [];
  const overlapsOf = (c: Candidate) => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid].end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Candidate[] = [];
    for (let i = lo; i < kept.length && kept[i].start < c.end; i++) out.push(kept[i]);
    return out;
  };
  const insert = (c: Candidate) => {
    let i = 0;
    let hi = kept.length;
    while (i < hi) {
      const mid = (i + hi) >> 1;
      if (kept[mid].start < c.start) i = mid + 1;
      else hi = mid;
    }
    kept.splice(i, 0, c);
  };
  for (const c of sorted) {
    const overlapping = overlapsOf(c);
    if (overlapping.length === 0) {
      insert(c);
      continue;
    }
    // Atomic identifiers (an e-mail address, a URL) replace anything inside them, known or not.
    const contained = overlapping.every((k) => k.start >= c.start && k.end <= c.end && (family(k.type) === family(c.type) || ATOMIC.has(c.type)));
    if (!contained || overlapping.every((k) => k.start === c.start && k.end === c.end)) continue;
    for (const k of overlapping) kept.splice(kept.indexOf(k), 1);
    const onlyPatient = overlapping.every((k) => k.type === 'PATIENT') && isOnlyPatient(text, c, overlapping);
    insert({ ...c, type: onlyPatient ? 'PATIENT' : c.type, known: overlapping.some((k) => k.known) });
  }
  return mergeAdjacentPatientParts(text, kept);
}

/** "Maria Elena Ordóñez" matched part by part is the patient, not a person containing the patient. */
function isOnlyPatient(text: string, c: Candidate, parts: Candidate[]): boolean {
  const covered = new Array(c.end - c.start).fill(false);
  for (const p of parts) for (let i = p.start; i < p.end; i++) covered[i - c.start] = true;
  return [...text.slice(c.start, c.end)].every((ch, i) => covered[i] || /[\s,.'’-]/.test(ch) || /[A-Z]/.test(ch) && text[c.start + i + 1] === '.');
}

/** One [PATIENT] for "Maria Elena Ordóñez" or "Whitaker, Harold B.", not three: middle initials join in. */
function mergeAdjacentPatientParts(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.type === 'PATIENT' && span.type === 'PATIENT' && /^[ \t,]*(?:[A-Z]\.[ \t]*)?$/.test(text.slice(last.end, span.start))) {
      last.end = span.end;
    } else out.push({ ...span });
  }
  for (const span of out) {
    if (span.type !== 'PATIENT') continue;
    const initial = text.slice(span.end).match(/^[ \t]+[A-Z]\.(?=[\s,;)]|$)/);
    if (initial) span.end += initial[0].length;
  }
  return out;
}
