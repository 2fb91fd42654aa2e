/**
 * The patient's own identifiers, from the record's banner, found wherever they appear: any case,
 * with or without accents, phones by their digits, the birth date in any format (via the date
 * detector's parsed day).
 */
import type { PatientRecord } from '../../record/schema';
import type { Candidate, Detector, IdentifierType, KnownIdentifiers } from '../types';
import { digitsOf, findWord, fold, matches } from '../text';
import { detectContact } from './contact';
import { detectDates } from './dates';
import { zip3 } from './postal-codes';
import { isRegion } from '../regions';
import nameWords from '../lexicons/name-words.json';

/** Name parts that are also English words (lexicons/name-words.json, as names.ts): matched only capitalised. */
const COMMON_WORDS: ReadonlySet<string> = new Set(nameWords.words);

/** Common English short forms of given names: a patient named Robert signs messages "Bob". */
const NICKNAMES: Record<string, string[]> = {
  robert: ['Bob', 'Bobby', 'Rob', 'Robbie', 'Bert'],
  james: ['Jim', 'Jimmy', 'Jamie'],
  william: ['Bill', 'Billy', 'Will', 'Willie', 'Liam'],
  richard: ['Rick', 'Ricky', 'Dick', 'Rich'],
  thomas: ['Tom', 'Tommy'],
  michael: ['Mike', 'Mikey', 'Mick'],
  elizabeth: ['Liz', 'Lizzie', 'Beth', 'Betty', 'Eliza', 'Libby'],
  margaret: ['Maggie', 'Peggy', 'Meg', 'Marge', 'Madge'],
  katherine: ['Kate', 'Katie', 'Kathy', 'Kat'],
  catherine: ['Cathy', 'Kate', 'Katie', 'Cat'],
  jennifer: ['Jen', 'Jenny'],
  joseph: ['Joe', 'Joey'],
  charles: ['Charlie', 'Chuck'],
  edward: ['Ed', 'Eddie', 'Ted', 'Ned'],
  harold: ['Hal', 'Harry'],
  alexander: ['Alex', 'Sandy'],
  daniel: ['Dan', 'Danny'],
  christopher: ['Chris'],
  anthony: ['Tony'],
  patricia: ['Pat', 'Patty', 'Trish'],
  susan: ['Sue', 'Susie'],
  deborah: ['Deb', 'Debbie'],
  rebecca: ['Becky', 'Becca'],
  samuel: ['Sam', 'Sammy'],
  benjamin: ['Ben', 'Benny'],
  nicholas: ['Nick'],
  jonathan: ['Jon'],
  matthew: ['Matt'],
  andrew: ['Andy', 'Drew'],
  steven: ['Steve'],
  stephen: ['Steve'],
  timothy: ['Tim'],
  gregory: ['Greg'],
  lawrence: ['Larry'],
  walter: ['Walt'],
  eleanor: ['Ellie', 'Nell'],
  dorothy: ['Dot', 'Dottie'],
  theodore: ['Ted', 'Teddy', 'Theo'],
  george: ['Georgie'],
  wilhelmina: ['Mina', 'Willa'],
  frederick: ['Fred', 'Freddie'],
  francis: ['Frank'],
  francisco: ['Paco', 'Pancho'],
  jose: ['Pepe'],
  eduardo: ['Eddie', 'Lalo'],
  alejandro: ['Alex'],
  guillermo: ['Memo'],
  dmitri: ['Dima'],
  aleksandr: ['Sasha'],
  beatriz: ['Bia'],
};

/**
 * An address as its parts, each a known identifier of its own: the street line, the city or town,
 * the ZIP. A state or country is not an identifier under Safe Harbor and is left out.
 */
export function addressParts(address: string): Array<{ type: IdentifierType; value: string }> {
  const parts: Array<{ type: IdentifierType; value: string }> = [];
  const [street, ...rest] = address.split(/\s*[,\n]\s*/).map((s) => s.trim());
  if (street) parts.push({ type: 'ADDRESS', value: street });
  for (const part of rest) {
    const zip = part.match(/\b\d{5}(?:-\d{4})?\b/)?.[0];
    if (zip) parts.push({ type: 'ZIP', value: zip });
    const place = part
      .replace(/\b[A-Z]{2}\b/, '')
      .replace(/\b\d{5}(?:-\d{4})?\b/, '')
      .trim();
    if (!place || isRegion(place)) continue;
    parts.push({ type: /^(?:apt|apartment|unit|suite|ste|#)/i.test(place) ? 'ADDRESS' : 'LOCATION', value: place });
  }
  return parts;
}

/** Words a page may show where a name belongs ("Patient, Unknown", "Mr"): never a name part. */
const NOT_NAME_PARTS = new Set([
  'patient',
  'unknown',
  'name',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
]);

const ID_TYPES: Record<string, IdentifierType> = {
  MRN: 'MRN',
  SSN: 'SSN',
  Insurance: 'HEALTH_PLAN',
  Account: 'ACCOUNT',
};

export function knownFromRecord(patient: PatientRecord['patient'] | undefined): KnownIdentifiers {
  const known: KnownIdentifiers = {
    nameParts: [],
    birthDays: [],
    ids: [],
    phoneDigits: [],
    emails: [],
    addressParts: [],
  };
  if (!patient) return known;
  if (patient.name) {
    const parts = patient.name.split(/[\s,]+/).flatMap((part) => [part, ...part.split('-')]);
    const nicknames = parts.flatMap((part) => NICKNAMES[part.toLowerCase()] ?? []);
    known.nameParts = [
      ...new Set(
        [...parts, ...nicknames]
          .map((p) => p.replace(/[.'’]+$/, ''))
          .filter((p) => p.replace(/[^\p{L}]/gu, '').length >= 2 && !NOT_NAME_PARTS.has(p.toLowerCase())),
      ),
    ];
  }
  if (patient.birthDate)
    known.birthDays = detectDates(patient.birthDate).flatMap((d) => (d.time === undefined ? [] : [d.time]));
  known.ids = patient.identifiers.map((id) => ({ type: ID_TYPES[id.type] ?? 'ID', value: id.value }));
  known.phoneDigits = patient.phones.map((p) => digitsOf(p).slice(-10)).filter((d) => d.length >= 7);
  known.emails = patient.emails;
  if (patient.address) known.addressParts = addressParts(patient.address);
  return known;
}

/**
 * A header's family name in capitals ("Dr. Patricia PRIMARY") is that person only where it is
 * written in capitals: elsewhere "Primary" is a word. Patient name parts are matched in any case.
 */
export function matchesInCapitalsOnly(part: string, type: IdentifierType): boolean {
  return type === 'PERSON' && part.length > 1 && part === part.toUpperCase();
}

interface CompiledKnown {
  /** `capitalsOnly`: see matchesInCapitalsOnly. */
  nameParts: Array<{ folded: string; capitalOnly: boolean; capitalsOnly: boolean; type: IdentifierType }>;
  values: Array<{ type: IdentifierType; folded: string; replacement?: string }>;
  /** Record numbers in any punctuation: "811 42 0673" for 811-42-0673, "PCH00739281 01" for PCH-00739281-01. */
  loose: Array<{ type: IdentifierType; pattern: RegExp }>;
}

/** Letters and digits a record number needs before its punctuation may be read loosely. */
const MIN_LOOSE_ID = 6;

/**
 * A record number with any separators, or none, between its letters and digits: the chart writes "811-42-0673" where
 * a message writes "811 42 0673". Whole tokens only.
 */
function looseId(value: string): RegExp | undefined {
  const chars = [...value.replace(/[^\p{L}\p{N}]/gu, '')];
  if (chars.length < MIN_LOOSE_ID) return undefined;
  const body = chars.join('[-\\s./]?'); // letters and digits only: nothing to escape
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Identifiers shorter than this are matched only in their labelled form. */
const MIN_UNLABELLED_ID = 4;
/** What stands right before a labelled identifier: "MRN", "ID #", "abc:", "Patient-ID ·". */
const SHORT_ID_LABEL =
  /(?:\b(?:mrn|id|ids|identifier|number|no\.?|acct|account|chart)\b\s*[#:·|-]?\s*|[\p{L}\d.-]{2,30}\s*[:#·|]\s*)$/u;

/** The known identifiers folded once per record, not once per text: a chart is de-identified item by item. */
const compiledCache = new WeakMap<KnownIdentifiers, CompiledKnown>();

function compiled(known: KnownIdentifiers): CompiledKnown {
  let out = compiledCache.get(known);
  if (out) return out;
  out = {
    // Short parts and parts that are English words ("An", "May", "Will") count only capitalised:
    // otherwise every "an" in the note would become [PATIENT].
    nameParts: [
      ...known.nameParts.map((part) => ({ part, type: 'PATIENT' as IdentifierType })),
      ...(known.personParts ?? [])
        .filter((part) => !known.nameParts.some((p) => fold(p) === fold(part)))
        .map((part) => ({ part, type: 'PERSON' as IdentifierType })),
    ].map(({ part, type }) => ({
      folded: fold(part),
      capitalOnly: part.length <= 3 || COMMON_WORDS.has(part.toLowerCase()),
      capitalsOnly: matchesInCapitalsOnly(part, type),
      type,
    })),
    loose: looseIds(known),
    values: [
      ...known.ids,
      ...known.addressParts,
      ...known.emails.map((value) => ({ type: 'EMAIL' as IdentifierType, value })),
    ].flatMap(({ type, value }) => {
      const replacement = type === 'ZIP' ? zip3(value) : undefined;
      return [...new Set([value, value.replace(/^0+(?=\d{5})/, '')])].map((variant) => ({
        type,
        folded: fold(variant),
        ...(replacement ? { replacement } : {}),
      }));
    }),
  };
  compiledCache.set(known, out);
  return out;
}

/** The loose forms of the known record numbers. */
function looseIds(known: KnownIdentifiers): CompiledKnown['loose'] {
  return known.ids.flatMap(({ type, value }) => {
    const pattern = looseId(value);
    return pattern ? [{ type, pattern }] : [];
  });
}

/**
 * @param dates the date detector's findings for this text, reused to recognise the birth date.
 * @param contacts the contact detector's findings, reused to recognise the patient's phones.
 */
export function detectKnown(
  text: string,
  known: KnownIdentifiers,
  dates: Candidate[] = detectDates(text),
  contacts: Candidate[] = detectContact(text),
  folded: string = fold(text),
): Candidate[] {
  const found: Candidate[] = [];
  const { nameParts, values, loose } = compiled(known);
  for (const { folded: part, capitalOnly, capitalsOnly, type } of nameParts) {
    for (const [start, end] of findWord(folded, part)) {
      if (capitalOnly && text[start] === text[start].toLowerCase()) continue;
      if (capitalsOnly && text.slice(start, end) !== text.slice(start, end).toUpperCase()) continue;
      found.push({ start, end, type, known: true });
    }
  }
  for (const { type, folded: value, replacement } of values) {
    for (const [start, end] of findWord(folded, value)) {
      // A very short identifier ("123") is the patient's only where it is labelled as one
      // ("MRN 123", "abc: 123"); elsewhere it is a number like any other (a result, a dose).
      if (
        value.length < MIN_UNLABELLED_ID &&
        type !== 'ZIP' &&
        !SHORT_ID_LABEL.test(folded.slice(Math.max(0, start - 24), start))
      )
        continue;
      found.push({ start, end, type, known: true, ...(replacement ? { replacement } : {}) });
    }
  }
  for (const { type, pattern } of loose)
    for (const m of matches(text, pattern))
      found.push({ start: m.index, end: m.index + m[0].length, type, known: true });
  if (known.phoneDigits.length) {
    // Anything written as a phone number whose digits are the patient's, in any punctuation.
    const phones = [
      ...contacts.filter((c) => c.type === 'PHONE' || c.type === 'FAX').map((c) => [c.start, c.end] as const),
      ...matches(text, /\d{10,}/g)
        .filter((m) => m[0].length === 10)
        .map((m) => [m.index, m.index + m[0].length] as const),
    ];
    for (const [start, end] of phones) {
      const digits = digitsOf(text.slice(start, end));
      if (known.phoneDigits.some((phone) => phone.endsWith(digits.slice(-10)) || digits.endsWith(phone)))
        found.push({ start, end, type: 'PHONE', known: true });
    }
  }
  if (known.birthDays.length) {
    for (const date of dates)
      if (date.time !== undefined && known.birthDays.includes(date.time)) found.push({ ...date, known: true });
  }
  return found;
}

export const knownDetector: Detector = {
  name: 'known',
  finds: "the patient's own name, birth date, record numbers, phones, e-mail and address, wherever they appear",
  patterns: [],
  detect: ({ text, known, folded, findingsOf }) =>
    detectKnown(text, known, findingsOf('dates'), findingsOf('contact'), folded),
};
