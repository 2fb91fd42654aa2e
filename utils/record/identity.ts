/**
 * Whose chart a page shows, and which page it is: the identity every read returns and every write
 * checks. A draft belongs to one patient; this is how Chartside knows it is still writing into that
 * patient's chart.
 *
 * The patient key holds hashes only, never the name, birth date or record number themselves, so it
 * can be kept in extension storage beside a draft without adding identifiers to it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { toIsoDate } from './dates';
import type { Patient, PatientRecord } from './schema';

export const PatientKeySchema = z.object({
  /** One hash per word of the patient's name (initials and titles left out), sorted. */
  name: z.array(z.string()),
  birthDate: z.string().optional(),
  /** `type:hash` per identifier shown (MRN, SSN…), compared by letters and digits only. */
  ids: z.array(z.string()),
  /** One hash of all of the above: names a stored draft. */
  key: z.string(),
});
export type PatientKey = z.infer<typeof PatientKeySchema>;

export const PageIdentitySchema = z.object({
  /** The page's address without its fragment and without query values that look like secrets. */
  url: z.string(),
  /** New for every document the page agent runs in: a reload or a navigation makes a new one. */
  documentId: z.string(),
  patient: PatientKeySchema,
});
export type PageIdentity = z.infer<typeof PageIdentitySchema>;

/** Query parameters that carry credentials rather than the page's place in the chart. */
const SECRET_PARAM = /token|key|secret|code|auth|session|sid|sig|signature|pass|ticket|state|nonce|jwt|saml|otp/i;

/** The URL to keep: origin, path and the query values that only say where in the chart we are. */
export function pageUrlWithoutSecrets(href: string): string {
  try {
    const url = new URL(href);
    url.hash = '';
    url.username = '';
    url.password = '';
    for (const name of [...url.searchParams.keys()])
      if (SECRET_PARAM.test(name)) url.searchParams.set(name, 'redacted');
    return url.href;
  } catch {
    return '';
  }
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'jr', 'sr', 'ii', 'iii', 'iv', 'md', 'do']);

function hash(kind: string, value: string): string {
  return bytesToHex(sha256(utf8ToBytes(`chartside:${kind}:${value}`))).slice(0, 24);
}

/** Name words as compared: accents dropped, case folded, initials and titles left out. */
export function nameWords(name: string | undefined): string[] {
  if (!name) return [];
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}'’]+/u)
    .map((w) => w.replace(/['’]/g, ''))
    .filter((w) => w.length > 1 && !TITLES.has(w));
  return [...new Set(words)].sort();
}

/** The calendar day whatever form the page printed it in, else the text itself. */
function dateKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return toIsoDate(value) ?? (value.toLowerCase().replace(/[^a-z0-9]/g, '') || undefined);
}

function idType(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function patientKeyOf(patient: Pick<Patient, 'name' | 'birthDate' | 'identifiers'>): PatientKey {
  const name = nameWords(patient.name)
    .map((w) => hash('name', w))
    .sort();
  const birth = dateKey(patient.birthDate);
  const birthDate = birth ? hash('birth', birth) : undefined;
  const ids = [
    ...new Set(
      patient.identifiers
        .map((id) => ({ type: idType(id.type), value: id.value.toLowerCase().replace(/[^a-z0-9]/g, '') }))
        .filter((id) => id.value.length > 0)
        .map((id) => `${id.type}:${hash('id', id.value)}`),
    ),
  ].sort();
  const key = hash('key', JSON.stringify([name, birthDate ?? '', ids]));
  return { name, birthDate, ids, key };
}

/** The page shows who the patient is: a name of two words, or a birth date or record number. */
export function isIdentified(key: PatientKey): boolean {
  return key.name.length >= 2 || key.birthDate !== undefined || key.ids.length > 0;
}

/**
 * The page said whose chart it is: a name, with a birth date or a record number. Without it
 * nothing may go to a model (de-identification would not know what to remove).
 */
export function isPatientIdentified(patient: Pick<Patient, 'name' | 'birthDate' | 'identifiers'>): boolean {
  return Boolean(patient.name) && isIdentified(patientKeyOf(patient));
}

export type PatientMatch = 'same' | 'different' | 'unknown';

function idsByType(ids: string[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const entry of ids) {
    const at = entry.indexOf(':');
    const type = entry.slice(0, at);
    if (!map.has(type)) map.set(type, new Set());
    map.get(type)!.add(entry.slice(at + 1));
  }
  return map;
}

/**
 * Is this the same patient? `different` when anything both show disagrees: the name (one's words
 * must all be in the other's: "Maria Ordóñez" is "Ordóñez, Maria Elena"), the birth date, or every
 * identifier of a type both show. `same` when nothing disagrees and something agrees. `unknown`
 * when either page does not say whose chart it is, or they share nothing to compare.
 */
export function comparePatients(a: PatientKey, b: PatientKey): PatientMatch {
  if (!isIdentified(a) || !isIdentified(b)) return 'unknown';
  let agree = 0;
  if (a.name.length && b.name.length) {
    const [small, large] = a.name.length <= b.name.length ? [a.name, b.name] : [b.name, a.name];
    const words = new Set(large);
    if (!small.every((w) => words.has(w))) return 'different';
    agree++;
  }
  if (a.birthDate && b.birthDate) {
    if (a.birthDate !== b.birthDate) return 'different';
    agree++;
  }
  const aIds = idsByType(a.ids);
  const bIds = idsByType(b.ids);
  for (const [type, values] of aIds) {
    const other = bIds.get(type);
    if (!other) continue;
    if (![...values].some((v) => other.has(v))) return 'different';
    agree++;
  }
  // An identifier shown under different labels on two pages ("MRN" and "Medical record number").
  if (!agree) {
    const all = new Set([...aIds.values()].flatMap((s) => [...s]));
    if ([...bIds.values()].some((s) => [...s].some((v) => all.has(v)))) agree++;
  }
  return agree ? 'same' : 'unknown';
}

/** Why a write to the page is refused, or `undefined` when it may go ahead. */
export type WriteCheck =
  { verdict: 'allowed' } | { verdict: 'different-patient' } | { verdict: 'unconfirmed' } | { verdict: 'page-changed' };

/**
 * Decides whether a write made for `expected` may go into the page that now shows `current`.
 * Inserting a draft into another page of the same patient's chart is allowed; into a page of a
 * different patient never; into a page that does not say whose chart it is only once confirmed.
 * Highlights (`needsSameDocument`) point at elements of the page that was read, so they also need
 * the very same document.
 */
export function checkWrite(
  expected: PageIdentity,
  current: PageIdentity,
  options: { confirmedUnknown?: boolean; needsSameDocument?: boolean } = {},
): WriteCheck {
  const match = comparePatients(expected.patient, current.patient);
  if (match === 'different') return { verdict: 'different-patient' };
  if (options.needsSameDocument && expected.documentId !== current.documentId) return { verdict: 'page-changed' };
  // Even on the very page that was read: a page that does not say whose chart it is may have
  // swapped its content since, so the clinician confirms each time.
  if (match === 'unknown' && !options.needsSameDocument)
    return options.confirmedUnknown ? { verdict: 'allowed' } : { verdict: 'unconfirmed' };
  return { verdict: 'allowed' };
}

/** A random id that needs no secure context (crypto.randomUUID does; many intranet EHRs are http). */
export function newDocumentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return bytesToHex(bytes);
}

/** What a clinician gives when the page does not show whose chart it is. */
export interface PatientGiven {
  name: string;
  id?: string;
}

/**
 * The record with the patient the clinician named (typed, or selected on the page): the name and
 * record number become the patient's known identifiers, so de-identification removes them, and
 * the record counts as identified. The name given stands for the patient's; the page's other
 * details (birth date, address, phones) are kept.
 */
export function withPatientGiven(record: PatientRecord, given: PatientGiven): PatientRecord {
  const name = given.name.replace(/\s+/g, ' ').trim();
  const id = given.id?.trim();
  if (!name) return record;
  const identifiers =
    id && !record.patient.identifiers.some((known) => known.value === id)
      ? [...record.patient.identifiers, { type: 'MRN', value: id }]
      : record.patient.identifiers;
  return {
    ...record,
    patient: { ...record.patient, name, identifiers, givenBy: 'clinician' },
    capture: { ...record.capture, patientIdentified: true },
  };
}
