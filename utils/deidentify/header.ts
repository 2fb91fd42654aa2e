/**
 * Identifiers found in the page's header region become known identifiers of the patient, whatever
 * capture made of the banner: a banner the reader could not parse into fields still tells the
 * de-identifier what to remove, everywhere in the payload and in every format.
 */
import { findIdentifiers } from './index';
import { digitsOf } from './text';
import type { Detector, IdentifierType, KnownIdentifiers } from './types';
import { detectDates } from './detectors/dates';
import { personNameParts } from './detectors/name-context';
import { addressParts } from './detectors/known';

const ID_TYPES: ReadonlySet<IdentifierType> = new Set([
  'MRN',
  'SSN',
  'HEALTH_PLAN',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'ID',
]);
const PLACE_TYPES: ReadonlySet<IdentifierType> = new Set(['ADDRESS', 'LOCATION', 'ZIP']);
/** Only a date the header calls the birth date is the patient's; a visit date is not. */
const BIRTH_LABEL = /(?:\bdob\b|\bd\.o\.b\b|birth|\bborn\b|\bb\.\s*)[\s:.#-]*$/i;
/** A system URL, then the value it names (FHIR identifiers as Medplum shows them). */
const SYSTEM_VALUE = /\b(?:https?:\/\/|urn:oid:|urn:uuid:)[^\s|]+\s*[|:·]?\s*([A-Za-z0-9][A-Za-z0-9._-]{3,63})/g;

/** A street address with its city or ZIP after a comma or on the next line. */
const isWholeAddress = (type: IdentifierType, value: string) =>
  type === 'ADDRESS' && /\d/.test(value) && /[,\n]/.test(value);

export function knownFromHeader(header: string | undefined, detectors?: readonly Detector[]): KnownIdentifiers {
  const known: KnownIdentifiers = {
    nameParts: [],
    personParts: [],
    birthDays: [],
    ids: [],
    phoneDigits: [],
    emails: [],
    addressParts: [],
  };
  if (!header) return known;
  for (const c of findIdentifiers(header, undefined, { detectors })) {
    const value = header.slice(c.start, c.end).trim();
    if (!value) continue;
    // Header tables also hold labels and organisations the name detector may take in with a name.
    if (c.type === 'PATIENT' || c.type === 'PERSON') known.personParts!.push(...personNameParts(value));
    else if (ID_TYPES.has(c.type)) known.ids.push({ type: c.type, value });
    // An address taken whole (street to ZIP) is known by its parts too: the city alone elsewhere is the patient's.
    else if (PLACE_TYPES.has(c.type))
      known.addressParts.push({ type: c.type, value }, ...(isWholeAddress(c.type, value) ? addressParts(value) : []));
    else if (c.type === 'PHONE' || c.type === 'FAX') known.phoneDigits.push(digitsOf(value).slice(-10));
    else if (c.type === 'EMAIL') known.emails.push(value);
  }
  for (const date of detectDates(header)) {
    if (date.time !== undefined && BIRTH_LABEL.test(header.slice(Math.max(0, date.start - 20), date.start)))
      known.birthDays.push(date.time);
  }
  for (const m of header.matchAll(SYSTEM_VALUE)) if (/\d/.test(m[1])) known.ids.push({ type: 'ID', value: m[1] });
  return known;
}

/** Known identifiers from two sources, each value once. */
export function mergeKnown(a: KnownIdentifiers, b: KnownIdentifiers): KnownIdentifiers {
  // The first source wins a tie: the banner as read names an identifier's type better than a pattern.
  const unique = <T>(xs: T[], key: (x: T) => string) => {
    const seen = new Map<string, T>();
    for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
    return [...seen.values()];
  };
  const byValue = (x: { type: IdentifierType; value: string }) => x.value.toLowerCase();
  return {
    nameParts: unique([...a.nameParts, ...b.nameParts], (p) => p.toLowerCase()),
    personParts: unique([...(a.personParts ?? []), ...(b.personParts ?? [])], (p) => p.toLowerCase()),
    birthDays: [...new Set([...a.birthDays, ...b.birthDays])],
    ids: unique([...a.ids, ...b.ids], byValue),
    phoneDigits: [...new Set([...a.phoneDigits, ...b.phoneDigits].filter((d) => d.length >= 7))],
    emails: unique([...a.emails, ...b.emails], (e) => e.toLowerCase()),
    addressParts: unique([...a.addressParts, ...b.addressParts], byValue),
  };
}
