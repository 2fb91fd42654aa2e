/** From overlapping findings to one span per stretch of text. */
import type { Candidate, IdentifierType } from './types';

/** When two findings overlap and neither is known: the more specific type wins ties of length. */
const SPECIFICITY: IdentifierType[] = [
  'SSN',
  'EMAIL',
  'URL',
  'IP',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'PHONE',
  'FAX',
  'DATE',
  'AGE',
  'ZIP',
  'ADDRESS',
  'EMPLOYER',
  'CLINICIAN',
  'PATIENT',
  'PERSON',
  'LOCATION',
  'ID',
];
const NAME_TYPES = new Set<IdentifierType>(['PATIENT', 'PERSON', 'CLINICIAN']);
/** Identifiers that are one token however much they contain: "an.nguyen.1968@example.net" holds a name. */
const ATOMIC = new Set<IdentifierType>([
  'EMAIL',
  'URL',
  'IP',
  'SSN',
  'MRN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'ID',
]);

const SPECIFICITY_RANK = new Map(SPECIFICITY.map((type, i) => [type, i]));

/** Known first, then the longest, then the most specific: one number to sort by (ties go to the earliest). */
function sortKey(c: Candidate): number {
  return (c.known ? 0 : 1e12) - (c.end - c.start) * 100 + (SPECIFICITY_RANK.get(c.type) ?? 99);
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
  if (candidates.length <= 1) return mergeAdjacentPatientParts(text, candidates);
  const keys = candidates.map(sortKey);
  const sorted = candidates
    .map((_, i) => i)
    .sort((a, b) => keys[a] - keys[b] || candidates[a].start - candidates[b].start)
    .map((i) => candidates[i]);
  // Which kept finding covers each character (its number + 1; 0 for none). Kept findings never
  // overlap, so the ones a candidate overlaps are read off its own characters: linear in the
  // text, where a sorted list with inserts was quadratic on a 1 MB page.
  const owner = new Uint32Array(text.length);
  const slots: Array<Candidate | undefined> = [];
  const overlapsOf = (c: Candidate): number[] => {
    const ids: number[] = [];
    for (let i = c.start; i < c.end; i++) if (owner[i] && owner[i] !== ids[ids.length - 1]) ids.push(owner[i]);
    return ids;
  };
  const place = (c: Candidate) => owner.fill(slots.push(c), c.start, c.end);
  for (const c of sorted) {
    const ids = overlapsOf(c);
    if (ids.length === 0) {
      place(c);
      continue;
    }
    const overlapping = ids.map((id) => slots[id - 1]!);
    // Atomic identifiers (an e-mail address, a URL) replace anything inside them, known or not.
    const contained = overlapping.every(
      (k) => k.start >= c.start && k.end <= c.end && (family(k.type) === family(c.type) || ATOMIC.has(c.type)),
    );
    if (!contained || overlapping.every((k) => k.start === c.start && k.end === c.end)) continue;
    for (const id of ids) slots[id - 1] = undefined; // their characters are all c's now
    const onlyPatient = overlapping.every((k) => k.type === 'PATIENT') && isOnlyPatient(text, c, overlapping);
    place({ ...c, type: onlyPatient ? 'PATIENT' : c.type, known: overlapping.some((k) => k.known) });
  }
  const kept = slots.filter((c): c is Candidate => c !== undefined).sort((a, b) => a.start - b.start);
  return mergeAdjacentPatientParts(text, kept);
}

/** "Maria Elena Ordóñez" matched part by part is the patient, not a person containing the patient. */
function isOnlyPatient(text: string, c: Candidate, parts: Candidate[]): boolean {
  const covered = new Array(c.end - c.start).fill(false);
  for (const p of parts) for (let i = p.start; i < p.end; i++) covered[i - c.start] = true;
  const span = text.slice(c.start, c.end);
  // An initial: "B." anywhere, or a bare capital ending "STROUD, ORVILLE D".
  const initial = (i: number) =>
    text[c.start + i + 1] === '.' || (i === span.length - 1 && span[i - 1] === ' ' && span.includes(','));
  return [...span].every((ch, i) => covered[i] || /[\s,.'’-]/.test(ch) || (/[A-Z]/.test(ch) && initial(i)));
}

const MIDDLE_INITIAL = /(?:,[ \t]*|[ \t]+)[A-Z]\.(?=[\s,;)]|$)/y;
/** After "STROUD, ORVILLE" an initial needs no full stop: a lone capital before the end of the field. */
const BARE_INITIAL = /[ \t]+[A-Z](?=[ \t]*(?:$|\n|[,;|)])|[ \t]{2})/y;

/** One [PATIENT] for "Maria Elena Ordóñez" or "Whitaker, Harold B.", not three: middle initials join in. */
function mergeAdjacentPatientParts(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (
      last &&
      last.type === 'PATIENT' &&
      span.type === 'PATIENT' &&
      /^[ \t,]*(?:[A-Z]\.[ \t]*)?$/.test(text.slice(last.end, span.start))
    ) {
      last.end = span.end;
    } else out.push({ ...span });
  }
  for (const span of out) {
    if (span.type !== 'PATIENT') continue;
    MIDDLE_INITIAL.lastIndex = span.end;
    BARE_INITIAL.lastIndex = span.end;
    const initial =
      MIDDLE_INITIAL.exec(text) ?? (text.slice(span.start, span.end).includes(',') ? BARE_INITIAL.exec(text) : null);
    if (initial) span.end += initial[0].length;
  }
  return out;
}
